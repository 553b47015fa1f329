import type { VenueStatus, VenueType } from '../../shared/domain/venue';

/**
 * The Vietnamese names of venue types and statuses, for files main writes (exports,
 * reports). The renderer shows the same words through i18n (renderer/i18n/vi.ts); main
 * cannot import the renderer's bundle, so they are repeated here and a test
 * (test/unit/venues-export.test.ts) fails the day the two differ.
 */
export const VENUE_TYPE_LABELS: Record<VenueType, string> = {
  household_business: 'Hộ kinh doanh',
  shop: 'Cửa hàng, tạp hoá',
  supermarket: 'Siêu thị',
  market: 'Chợ',
  market_stall: 'Quầy/sạp trong chợ',
  restaurant: 'Nhà hàng, quán ăn',
  cafe: 'Quán cà phê, giải khát',
  hotel: 'Khách sạn, nhà nghỉ',
  entertainment: 'Karaoke, vui chơi giải trí',
  fuel_station: 'Cửa hàng xăng dầu',
  bank_post: 'Ngân hàng, bưu điện',
  office: 'Cơ quan, đơn vị',
  school: 'Trường học',
  health: 'Cơ sở y tế',
  religious: 'Cơ sở tôn giáo, tín ngưỡng',
  transport: 'Bến xe, nhà ga',
  factory: 'Nhà máy, xưởng sản xuất',
  other: 'Khác',
};

export const VENUE_STATUS_LABELS: Record<VenueStatus, string> = {
  active: 'Đang hoạt động',
  suspended: 'Tạm ngừng',
  closed: 'Đã đóng',
};
