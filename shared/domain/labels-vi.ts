import type { ImportField } from './import';
import type { VenueStatus, VenueType } from './venue';

/**
 * The Vietnamese words for venue types, statuses and fields: one source for the files main
 * writes (exports, reports, import messages) and for the renderer's Vietnamese locale
 * (renderer/i18n/vi.ts uses these very objects).
 */
export const VENUE_TYPE_LABELS_VI: Record<VenueType, string> = {
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

export const VENUE_STATUS_LABELS_VI: Record<VenueStatus, string> = {
  active: 'Đang hoạt động',
  suspended: 'Tạm ngừng',
  closed: 'Đã đóng',
};

/** The fields as the office's own column headers name them: the export's headers and the import's messages. */
export const VENUE_FIELD_LABELS_VI: Record<ImportField, string> = {
  code: 'Mã cơ sở',
  name: 'Tên cơ sở',
  type: 'Loại hình',
  ownerName: 'Chủ cơ sở',
  phones: 'Số điện thoại',
  address: 'Địa chỉ',
  village: 'Thôn/xóm',
  commune: 'Xã/phường',
  businessRegNo: 'Số ĐKKD',
  status: 'Trạng thái',
  notes: 'Ghi chú',
  latitude: 'Vĩ độ',
  longitude: 'Kinh độ',
};
