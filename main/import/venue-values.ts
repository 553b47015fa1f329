import type { VenueStatus, VenueType } from '../../shared/domain/venue';
import { foldVietnamese } from '../../shared/text/fold';

/**
 * Finds the meaning of a cell by the phrases it contains, the longest phrase first
 * ("ngừng hoạt động" before "hoạt động", "quầy thuốc" before "quầy"). Phrases are first
 * looked for with their tone marks, so "chợ", "chó" and "chưa" stay apart; a cell typed
 * with no marks at all ("tap hoa") is compared folded.
 */
function phraseMatcher<T>(phrases: ReadonlyArray<[string, T]>) {
  const byLength = [...phrases].sort(([a], [b]) => b.length - a.length);
  const words = (text: string) => ` ${text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  return (text: string): T | undefined => {
    const typedWithoutMarks = !/[^\p{ASCII}]/u.test(text);
    const haystack = words(typedWithoutMarks ? text.toLowerCase() : text.normalize('NFC').toLowerCase());
    const needle = (phrase: string) => ` ${typedWithoutMarks ? foldVietnamese(phrase) : phrase} `;
    return byLength.find(([phrase]) => haystack.includes(needle(phrase)))?.[1];
  };
}

/** Words in an office's "Loại hình" column and the venue type they mean. */
const typeOfPhrase = phraseMatcher<VenueType>([
  ['hộ kinh doanh', 'household_business'],
  ['siêu thị', 'supermarket'],
  ['trung tâm thương mại', 'supermarket'],
  ['quầy', 'market_stall'],
  ['sạp', 'market_stall'],
  ['ki ốt', 'market_stall'],
  ['kiốt', 'market_stall'],
  ['chợ', 'market'],
  ['tạp hoá', 'shop'],
  ['tạp hóa', 'shop'],
  ['cửa hàng', 'shop'],
  ['cửa hàng xăng dầu', 'fuel_station'],
  ['xăng dầu', 'fuel_station'],
  ['cây xăng', 'fuel_station'],
  ['trạm xăng', 'fuel_station'],
  ['nhà hàng', 'restaurant'],
  ['quán ăn', 'restaurant'],
  ['ăn uống', 'restaurant'],
  ['cửa hàng ăn uống', 'restaurant'],
  ['quán cơm', 'restaurant'],
  ['quán bún', 'restaurant'],
  ['quán phở', 'restaurant'],
  ['cà phê', 'cafe'],
  ['cafe', 'cafe'],
  ['giải khát', 'cafe'],
  ['khách sạn', 'hotel'],
  ['nhà nghỉ', 'hotel'],
  ['nhà trọ', 'hotel'],
  ['homestay', 'hotel'],
  ['lưu trú', 'hotel'],
  ['karaoke', 'entertainment'],
  ['giải trí', 'entertainment'],
  ['internet', 'entertainment'],
  ['ngân hàng', 'bank_post'],
  ['bưu điện', 'bank_post'],
  ['bưu chính', 'bank_post'],
  ['uỷ ban', 'office'],
  ['ủy ban', 'office'],
  ['ubnd', 'office'],
  ['cơ quan', 'office'],
  ['trường', 'school'],
  ['mầm non', 'school'],
  ['giáo dục', 'school'],
  ['y tế', 'health'],
  ['phòng khám', 'health'],
  ['bệnh viện', 'health'],
  ['nhà thuốc', 'health'],
  ['hiệu thuốc', 'health'],
  ['quầy thuốc', 'health'],
  ['cửa hàng thuốc', 'health'],
  ['tôn giáo', 'religious'],
  ['tín ngưỡng', 'religious'],
  ['chùa', 'religious'],
  ['nhà thờ', 'religious'],
  ['đền', 'religious'],
  ['bến xe', 'transport'],
  ['nhà ga', 'transport'],
  ['vận tải', 'transport'],
  ['nhà máy', 'factory'],
  ['xưởng', 'factory'],
  ['sản xuất', 'factory'],
  ['khác', 'other'],
]);

const statusOfPhrase = phraseMatcher<VenueStatus>([
  ['đang hoạt động', 'active'],
  ['còn hoạt động', 'active'],
  ['hoạt động', 'active'],
  ['tạm ngừng', 'suspended'],
  ['tạm dừng', 'suspended'],
  ['tạm nghỉ', 'suspended'],
  ['tạm ngừng hoạt động', 'suspended'],
  ['ngừng hoạt động', 'closed'],
  ['không hoạt động', 'closed'],
  ['nghỉ kinh doanh', 'closed'],
  ['đã nghỉ', 'closed'],
  ['đã đóng', 'closed'],
  ['đóng cửa', 'closed'],
  ['giải thể', 'closed'],
]);

/** The type a cell names: our own labels match whole (a re-import round-trips), else by its words; unknown is "other". */
export function venueTypeOf(text: string, labels: Record<VenueType, string>): VenueType {
  if (text.trim() === '') return 'other';
  for (const [type, label] of Object.entries(labels) as Array<[VenueType, string]>) {
    if (foldVietnamese(label) === foldVietnamese(text)) return type;
  }
  return typeOfPhrase(text) ?? 'other';
}

/** The status a cell names; blank is active, an unknown word is null (a row error). */
export function venueStatusOf(text: string): VenueStatus | null {
  if (text.trim() === '') return 'active';
  return statusOfPhrase(text) ?? null;
}

/**
 * What an office types in the phone column of a venue that has no phone ("không có", "ko",
 * "k có", "chưa có", "-"), compared folded and without closing dots. Such a cell means no
 * phone, not a bad one: the row imports, with the words kept in its notes.
 */
const NO_PHONE = new Set(['khong co', 'khong', 'ko', 'k co', 'kco', 'chua co', 'khong co so', 'khong co sdt']);

export function saysNoPhone(text: string): boolean {
  const folded = foldVietnamese(text).replace(/[.…]+$/, '').trim();
  return NO_PHONE.has(folded) || /^[-–—]+$/.test(folded);
}
