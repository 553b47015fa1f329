import { describe, expect, it } from 'vitest';
import { VENUE_TYPE_LABELS_VI } from '../../shared/domain/labels-vi';
import { saysNoPhone, venueStatusOf, venueTypeOf } from '../../main/import/venue-values';

describe('venueTypeOf', () => {
  it.each([
    ['Chợ', 'market'],
    ['Chợ đêm', 'market'],
    ['Quầy thuốc', 'health'],
    ['Quầy rau trong chợ', 'market_stall'],
    ['Chưa rõ', 'other'],
    ['Chưa xác định', 'other'],
    ['Cho thuê xe', 'other'],
    ['Bán đèn trang trí', 'other'],
    ['Đền thờ', 'religious'],
    ['Chùa Phước Hậu', 'religious'],
    ['Cửa hàng ăn uống', 'restaurant'],
    ['Cửa hàng thuốc tây', 'health'],
    ['Cửa hàng tạp hoá', 'shop'],
    ['Trạm xăng', 'fuel_station'],
    ['Hiệu thuốc', 'health'],
    ['Nhà trọ', 'hotel'],
    ['tap hoa', 'shop'],
    ['ca phe', 'cafe'],
    ['Karaoke, vui chơi giải trí', 'entertainment'],
    ['', 'other'],
  ])('%j is %s', (text, type) => {
    expect(venueTypeOf(text, VENUE_TYPE_LABELS_VI)).toBe(type);
  });

  it('reads every label our export writes back as its type', () => {
    for (const [type, label] of Object.entries(VENUE_TYPE_LABELS_VI)) expect(venueTypeOf(label, VENUE_TYPE_LABELS_VI)).toBe(type);
  });
});

describe('venueStatusOf', () => {
  it.each([
    ['', 'active'],
    ['Đang hoạt động', 'active'],
    ['Ngừng hoạt động', 'closed'],
    ['Không hoạt động', 'closed'],
    ['Tạm ngừng hoạt động', 'suspended'],
    ['Tạm nghỉ', 'suspended'],
    ['Đã nghỉ', 'closed'],
    ['Nghỉ kinh doanh', 'closed'],
    ['ngung hoat dong', 'closed'],
    ['Đã đóng', 'closed'],
    ['lung tung', null],
  ])('%j is %s', (text, status) => {
    expect(venueStatusOf(text)).toBe(status);
  });
});

describe('saysNoPhone', () => {
  it.each(['không có', 'Không có.', 'KHÔNG', 'ko', 'K có', 'kco', 'chưa có', 'Chưa có', '-', '—', ' -- ', 'khong co'])('%j means no phone', (text) => {
    expect(saysNoPhone(text)).toBe(true);
  });

  it.each(['', '0912 345 678', 'không liên lạc được', 'có', 'kh', '12345'])('%j is not read as "no phone"', (text) => {
    expect(saysNoPhone(text)).toBe(false);
  });
});
