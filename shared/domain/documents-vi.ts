import type { FindingCategory } from './inspections';

/**
 * The wording of the office's administrative documents (Nghị định 30/2020): the national
 * heading, dates as they are written in the place-and-date line, finding categories. One
 * source for the documents the renderer lays out (biên bản, giấy nhắc nhở, báo cáo) and
 * for the files main writes (the report's .docx and .xlsx). Vietnamese whatever language
 * the app is shown in: these papers are filed and sent upward.
 */

export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export const CATEGORY_VI: Record<FindingCategory, string> = {
  missing: 'Không niêm yết áp phích mã QR',
  damaged: 'Áp phích rách, hỏng, phai mờ',
  too_small: 'Áp phích quá nhỏ (mã QR dưới 15 cm)',
  hidden: 'Niêm yết khuất, không đúng vị trí',
  not_laminated: 'Áp phích chưa ép plastic, chưa được bảo vệ',
  wrong_code: 'Mã QR sai hoặc không còn hiệu lực',
  low_scanning: 'Ít khách quét mã',
  other: 'Tồn tại khác',
};

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** yyyy-MM-dd → dd/MM/yyyy. */
export function formatDay(day: string): string {
  const match = ISO_DAY.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

/** "ngày 05 tháng 02 năm 2026": days below 10 and January, February written with a leading zero. */
export function longDay(day: string): string {
  const match = ISO_DAY.exec(day);
  if (!match) return day;
  const month = Number(match[2]);
  return `ngày ${match[3]} tháng ${month < 3 ? match[2] : String(month)} năm ${match[1]}`;
}

/** "Xã Kỳ Bắc" → "Kỳ Bắc", "Tỉnh Hà Tĩnh" → "Hà Tĩnh": the place before the date is written without its level. */
export const placeOf = (unitName: string) => unitName.replace(/^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+/iu, '');

/** Capitals as the heading writes the office's name ("UBND XÃ KỲ BẮC"). */
export const upperVi = (text: string) => text.toLocaleUpperCase('vi');

/** A list as a document writes it, one line each: "- Như trên;", …, "- Lưu: VT." (whatever end mark was typed is replaced). */
export function listedLines(items: readonly string[]): string[] {
  return items.map((item, index) => {
    const bare = item.trim().replace(/[;.,]+$/u, '');
    return `- ${bare}${index === items.length - 1 ? '.' : ';'}`;
  });
}

/** Where the report goes besides its addressees: "as above" and the office's own file (Lưu: VT). */
export const FILED_COPIES = ['Như trên', 'Lưu: VT'];

const LEVEL_WORDS = /^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu|thôn|xóm|bản|ấp|buôn|làng|tổ dân phố|khu phố|khu dân cư|khu)(?=\s)/iu;

/** A unit's name as a sentence writes it: "Xã Kỳ Bắc" → "xã Kỳ Bắc", "Thôn Hoà Bình" → "thôn Hoà Bình". */
export const levelLowered = (unitName: string) => unitName.replace(LEVEL_WORDS, (level) => level.toLocaleLowerCase('vi'));
