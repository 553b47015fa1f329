import type { VenueStatus, VenueType } from '../../shared/domain/venue';
import { foldVietnamese } from '../../shared/text/fold';

/**
 * Words in an office's "Loại hình" column and the venue type they mean, folded. The
 * labels our own export writes come first (a re-import must round-trip), then the words
 * clerks use. Unknown words give "other", not an error: the type is not worth a refusal.
 */
const TYPE_WORDS: Array<[string, VenueType]> = [
  ['ho kinh doanh', 'household_business'],
  ['sieu thi', 'supermarket'],
  ['trung tam thuong mai', 'supermarket'],
  ['quay', 'market_stall'],
  ['sap', 'market_stall'],
  ['ki ot', 'market_stall'],
  ['kiot', 'market_stall'],
  ['cho', 'market'],
  ['tap hoa', 'shop'],
  ['cua hang xang', 'fuel_station'],
  ['xang dau', 'fuel_station'],
  ['cay xang', 'fuel_station'],
  ['cua hang', 'shop'],
  ['nha hang', 'restaurant'],
  ['quan an', 'restaurant'],
  ['an uong', 'restaurant'],
  ['quan com', 'restaurant'],
  ['quan bun', 'restaurant'],
  ['quan pho', 'restaurant'],
  ['ca phe', 'cafe'],
  ['cafe', 'cafe'],
  ['giai khat', 'cafe'],
  ['khach san', 'hotel'],
  ['nha nghi', 'hotel'],
  ['homestay', 'hotel'],
  ['luu tru', 'hotel'],
  ['karaoke', 'entertainment'],
  ['giai tri', 'entertainment'],
  ['internet', 'entertainment'],
  ['ngan hang', 'bank_post'],
  ['buu dien', 'bank_post'],
  ['buu chinh', 'bank_post'],
  ['uy ban', 'office'],
  ['ubnd', 'office'],
  ['co quan', 'office'],
  ['don vi', 'office'],
  ['truong', 'school'],
  ['mam non', 'school'],
  ['giao duc', 'school'],
  ['y te', 'health'],
  ['phong kham', 'health'],
  ['benh vien', 'health'],
  ['nha thuoc', 'health'],
  ['quay thuoc', 'health'],
  ['ton giao', 'religious'],
  ['tin nguong', 'religious'],
  ['chua', 'religious'],
  ['nha tho', 'religious'],
  ['den', 'religious'],
  ['ben xe', 'transport'],
  ['nha ga', 'transport'],
  ['van tai', 'transport'],
  ['nha may', 'factory'],
  ['xuong', 'factory'],
  ['san xuat', 'factory'],
  ['khac', 'other'],
];

const STATUS_WORDS: Array<[string, VenueStatus]> = [
  ['dang hoat dong', 'active'],
  ['hoat dong', 'active'],
  ['tam ngung', 'suspended'],
  ['tam dung', 'suspended'],
  ['da dong', 'closed'],
  ['ngung hoat dong', 'closed'],
  ['giai the', 'closed'],
  ['dong cua', 'closed'],
];

const containsWords = (text: string, words: string) => ` ${text} `.includes(` ${words} `);

/** The type a cell names; labels match whole, words anywhere ("Quán cà phê Đường Sắt" is a café). */
export function venueTypeOf(text: string, labels: Record<VenueType, string>): VenueType {
  const folded = foldVietnamese(text).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();
  if (folded === '') return 'other';
  for (const [type, label] of Object.entries(labels) as Array<[VenueType, string]>) {
    if (foldVietnamese(label) === foldVietnamese(text)) return type;
  }
  return TYPE_WORDS.find(([words]) => containsWords(folded, words))?.[1] ?? 'other';
}

/** The status a cell names; blank is active, an unknown word is null (a row error). */
export function venueStatusOf(text: string): VenueStatus | null {
  const folded = foldVietnamese(text);
  if (folded === '') return 'active';
  return STATUS_WORDS.find(([words]) => containsWords(folded, words))?.[1] ?? null;
}
