import type { DashboardFigures } from '../../shared/domain/dashboard';
import { formatDay } from '../../shared/domain/documents-vi';
import type { FindingCategory } from '../../shared/domain/inspections';
import { VENUE_TYPE_LABELS_VI } from '../../shared/domain/labels-vi';
import { formatCount, formatRate } from '../../shared/domain/report-layout';
import type { ReportPart, ReportSentence, ReportTrace } from '../../shared/domain/reports';
import type { VenueType } from '../../shared/domain/venue';

/**
 * The report's sentences, written from the figures as the district's own report writes
 * them ("N cơ sở để áp phích mã QR bị hư hỏng nhưng chưa niêm yết lại; …"). Pure: the
 * same figures always give the same words. Each figure carries the venue list it counts,
 * so the screen can link it; a shortcoming is written only when its figure is not zero,
 * and a period without data says so instead of listing zeros.
 */

export interface ReportFacts {
  figures: DashboardFigures;
  /** "xã Kỳ Bắc", "thôn Hoà Bình, xã Kỳ Bắc"; null: the office's whole area. */
  areaName: string | null;
  /** The office as a sentence names it: "UBND xã Kỳ Bắc". */
  officePhrase: string;
}

export interface ReportText {
  empty: boolean;
  periodText: string;
  intro: ReportSentence;
  overview: ReportSentence[];
  results: ReportSentence[];
  shortcomingsLead: ReportSentence;
  shortcomings: ReportSentence[];
  closing: ReportSentence;
  suggestedProposals: string[];
}

/** A type scanning below this share of the average gets named in the shortcomings: a gap worth a sentence, not noise. */
export const LAGGING_SHARE = 0.8;
/** At most this many lagging types are named, the lowest first. */
const LAGGING_TYPES_NAMED = 3;

type Part = ReportPart | string;
const sentence = (...parts: Part[]): ReportSentence => ({ parts: parts.map((part) => (typeof part === 'string' ? { text: part } : part)) });
const count = (value: number, trace?: ReportTrace): ReportPart => ({ text: formatCount(value), trace });

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** "tháng 11 năm 2026" for a calendar month, "ngày 05/11/2026" for a day, else "từ ngày … đến ngày …". */
export function periodText(from: string, to: string): string {
  const [year, month, day] = from.split('-').map(Number);
  const wholeMonth = day === 1 && to === `${from.slice(0, 8)}${String(lastDayOfMonth(year, month)).padStart(2, '0')}`;
  if (wholeMonth) return `tháng ${month} năm ${year}`;
  if (from === to) return `ngày ${formatDay(from)}`;
  return `từ ngày ${formatDay(from)} đến ngày ${formatDay(to)}`;
}

const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** "A", "A và B", "A, B và C". */
function joinedVi<T extends Part>(items: readonly T[]): Array<T | string> {
  return items.flatMap((item, index) => (index === 0 ? [item] : [index === items.length - 1 ? ' và ' : ', ', item]));
}

/** No scan counted in the period, no venue inspected nor any finding recorded in it (or no venue at all). */
export function isEmptyPeriod(figures: DashboardFigures): boolean {
  const { totals } = figures;
  const recorded = figures.findingsByCategory.some((row) => row.findings > 0);
  return totals.registered === 0 || (totals.scansPerVenueDay === null && totals.scans === 0 && totals.inspected === 0 && !recorded);
}

/** Types whose scans per venue per day lag the average, the lowest first. */
export function laggingTypes(figures: DashboardFigures): Array<{ type: VenueType; rate: number }> {
  const average = figures.totals.scansPerVenueDay;
  if (average === null || average <= 0) return [];
  return figures.byType
    .flatMap((row) => (row.withCurrentCode > 0 && row.scansPerVenueDay !== null && row.scansPerVenueDay < average * LAGGING_SHARE ? [{ type: row.type, rate: row.scansPerVenueDay }] : []))
    .sort((a, b) => a.rate - b.rate)
    .slice(0, LAGGING_TYPES_NAMED);
}

const onArea = (areaName: string | null) => (areaName ? ` trên địa bàn ${areaName}` : ' trên địa bàn');

function overviewOf({ figures, areaName }: ReportFacts, empty: boolean, period: string): ReportSentence[] {
  const { totals } = figures;
  if (totals.registered === 0) return [sentence(`Trên địa bàn${areaName ? ` ${areaName}` : ''} chưa có cơ sở nào đăng ký niêm yết mã QR.`)];
  const register = [
    sentence(
      `Trên địa bàn${areaName ? ` ${areaName}` : ''} có `,
      count(totals.registered, {}),
      ' cơ sở đã đăng ký niêm yết mã QR, trong đó ',
      count(totals.active, { status: 'active' }),
      ' cơ sở đang hoạt động, ',
      count(totals.withCurrentCode, { code: 'current' }),
      ' cơ sở có mã QR còn hiệu lực.',
    ),
    sentence(
      count(totals.posterPrinted, { poster: 'printed' }),
      ' cơ sở đã được in áp phích mã QR, trong đó ',
      count(totals.posterRecent, { poster: 'recent' }),
      ' cơ sở in trong 12 tháng gần đây; ',
      count(totals.laminated, { poster: 'laminated' }),
      ' cơ sở có áp phích đã ép plastic.',
    ),
  ];
  if (empty) return register;
  return [...register, scansSentence(figures, period), inspectionsSentence(figures)];
}

function scansSentence(figures: DashboardFigures, period: string): ReportSentence {
  const { totals, scanDays, days } = figures;
  if (totals.scansPerVenueDay === null) {
    // Counts typed by hand at a few venues say nothing of the others: no average from them.
    if (totals.scans > 0) {
      return sentence(`${capitalized(period)}, ghi nhận `, count(totals.scans), ' lượt quét mã QR (số liệu nhập tay tại một số cơ sở, chưa đủ để tính bình quân).');
    }
    return sentence('Trong kỳ báo cáo chưa có số liệu lượt quét mã QR.');
  }
  // Files that cover only part of the period: say how much, so the rate (per day covered) is read right.
  const partial = scanDays < days ? ` (số liệu lượt quét có cho ${scanDays} trong ${days} ngày của kỳ báo cáo)` : '';
  return sentence(
    `${capitalized(period)}, ghi nhận `,
    count(totals.scans),
    ' lượt quét mã QR, bình quân ',
    { text: formatRate(totals.scansPerVenueDay) },
    ` lượt/cơ sở/ngày${partial}.`,
  );
}

function inspectionsSentence(figures: DashboardFigures): ReportSentence {
  const inspected = figures.totals.inspected;
  const findings = figures.findingsByCategory.reduce((sum, row) => sum + row.findings, 0);
  if (inspected === 0 && findings === 0) return sentence('Trong kỳ chưa kiểm tra cơ sở nào.');
  if (findings === 0) return sentence('Trong kỳ đã kiểm tra ', count(inspected, { inspected: true }), ' cơ sở, không phát hiện tồn tại.');
  return sentence('Trong kỳ đã kiểm tra ', count(inspected, { inspected: true }), ' cơ sở, phát hiện ', count(findings), ' tồn tại.');
}

function resultsOf({ figures, areaName }: ReportFacts, empty: boolean): ReportSentence[] {
  if (empty) {
    return [
      sentence(
        `Trong kỳ báo cáo chưa có số liệu về lượt quét mã QR và chưa có kết quả kiểm tra việc niêm yết mã QR${onArea(areaName)}, nên chưa có cơ sở để đánh giá kết quả thực hiện.`,
      ),
    ];
  }
  const byStatus = new Map(figures.actions.byStatus.map((row) => [row.status, row.count]));
  const open = byStatus.get('open') ?? 0;
  const done = byStatus.get('done') ?? 0;
  const verified = byStatus.get('verified') ?? 0;
  const actions =
    open + done + verified > 0
      ? [
          sentence(
            'Về khắc phục tồn tại: ',
            count(open),
            ' biện pháp đang thực hiện (',
            count(figures.actions.overdue),
            ' biện pháp quá hạn), ',
            count(done),
            ' biện pháp đã thực hiện, ',
            count(verified),
            ' biện pháp đã kiểm tra lại đạt yêu cầu.',
          ),
        ]
      : [];
  return [...actions, sentence('Kết quả theo từng địa bàn và loại hình cơ sở như các bảng dưới đây.')];
}

/** III: one item a shortcoming, in the order of the district's report; only those whose figure is not zero. */
const OPEN_FINDING_WORDS: Array<[FindingCategory, string]> = [
  ['missing', ' cơ sở chưa niêm yết áp phích mã QR'],
  ['damaged', ' cơ sở để áp phích mã QR bị hư hỏng nhưng chưa niêm yết lại'],
  ['too_small', ' cơ sở niêm yết mã khá nhỏ'],
  ['hidden', ' cơ sở đặt ở vị trí khuất'],
  ['wrong_code', ' cơ sở niêm yết mã không đúng hoặc đã hết hiệu lực'],
];
const LATER_FINDING_WORDS: Array<[FindingCategory, string]> = [
  ['low_scanning', ' cơ sở được đoàn kiểm tra ghi nhận ít khách quét mã'],
  ['not_laminated', ' cơ sở có áp phích chưa ép plastic'],
  ['other', ' cơ sở còn tồn tại khác'],
];

function shortcomingsOf(figures: DashboardFigures): ReportSentence[] {
  const open = new Map(figures.openFindingsByCategory.map((row) => [row.category, row.venues]));
  const findingItems = (words: Array<[FindingCategory, string]>) =>
    words.flatMap(([category, text]) => {
      const venues = open.get(category) ?? 0;
      return venues > 0 ? [sentence(count(venues, { findings: 'open', findingCategory: category }), text)] : [];
    });
  const items = findingItems(OPEN_FINDING_WORDS);

  const lagging = laggingTypes(figures);
  if (lagging.length > 0) {
    items.push(
      sentence(
        'tỷ lệ quét ở ',
        ...joinedVi(lagging.map(({ type }) => lowerFirst(VENUE_TYPE_LABELS_VI[type]))),
        ' còn hạn chế: ',
        ...joinedVi(lagging.map(({ type, rate }) => ({ text: formatRate(rate), trace: { type, status: 'active', code: 'current' } }))),
        ' lượt/cơ sở/ngày so với ',
        formatRate(figures.totals.scansPerVenueDay ?? 0),
        ' bình quân',
      ),
    );
  }
  const { totals } = figures;
  if (totals.scansPerVenueDay !== null && totals.zeroScans > 0) {
    items.push(sentence(count(totals.zeroScans, { scanning: 'zero' }), ' cơ sở có mã QR nhưng không có lượt quét nào trong kỳ'));
  }
  items.push(...findingItems(LATER_FINDING_WORDS));
  if (totals.withOverdueActions > 0) {
    items.push(sentence(count(totals.withOverdueActions, { overdueActions: true }), ' cơ sở chưa khắc phục tồn tại đúng thời hạn'));
  }
  return items;
}

function suggestionsOf(figures: DashboardFigures): string[] {
  if (figures.totals.registered === 0) return [];
  const open = new Map(figures.openFindingsByCategory.map((row) => [row.category, row.venues]));
  const any = (...categories: FindingCategory[]) => categories.some((category) => (open.get(category) ?? 0) > 0);
  const lagging = laggingTypes(figures).map(({ type }) => lowerFirst(VENUE_TYPE_LABELS_VI[type]));
  const suggestions: string[] = [];
  if (any('missing', 'damaged', 'too_small', 'wrong_code')) {
    suggestions.push('Tiếp tục kiểm tra, in lại và niêm yết lại áp phích mã QR tại các cơ sở có áp phích bị mất, hư hỏng, kích thước nhỏ hoặc mã không còn hiệu lực.');
  }
  if (any('hidden')) suggestions.push('Hướng dẫn các cơ sở niêm yết mã QR tại lối ra vào, ngang tầm mắt, nơi dễ thấy, đủ ánh sáng.');
  if (any('not_laminated')) suggestions.push('Ép plastic hoặc bọc bảo vệ áp phích để áp phích không bị hư hỏng do mưa, nắng.');
  if (lagging.length > 0 || figures.totals.zeroScans > 0 || any('low_scanning')) {
    const where = lagging.length > 0 ? `, nhất là ${joinedVi(lagging).join('')}` : '';
    suggestions.push(`Tuyên truyền, hướng dẫn người dân quét mã QR khi đến các cơ sở${where}; nhắc chủ cơ sở hướng dẫn khách quét mã.`);
  }
  if (figures.totals.withOverdueActions > 0) suggestions.push('Đôn đốc các cơ sở khắc phục tồn tại đúng thời hạn và tổ chức kiểm tra lại việc khắc phục.');
  suggestions.push('Duy trì việc kiểm tra định kỳ việc niêm yết mã QR tại các cơ sở trên địa bàn.');
  return suggestions;
}

/** Every sentence of the report, from its figures. */
export function writeReport(facts: ReportFacts): ReportText {
  const { figures, areaName, officePhrase } = facts;
  const empty = isEmptyPeriod(figures);
  const period = periodText(figures.query.from, figures.query.to);
  const shortcomings = shortcomingsOf(figures);
  const shortcomingsLead =
    shortcomings.length > 0
      ? sentence(`Bên cạnh kết quả đạt được, việc niêm yết và quét mã QR${onArea(areaName)} còn một số tồn tại, hạn chế:`)
      : empty
        ? sentence('Chưa có số liệu để đánh giá tồn tại, hạn chế trong kỳ báo cáo.')
        : sentence('Trong kỳ báo cáo chưa phát hiện tồn tại, hạn chế trong việc niêm yết và quét mã QR.');
  return {
    empty,
    periodText: period,
    intro: sentence(
      `Thực hiện nhiệm vụ theo dõi việc niêm yết mã QR điểm đăng ký tại các cơ sở, ${officePhrase} báo cáo tình hình niêm yết và quét mã QR${onArea(areaName)} ${period} như sau:`,
    ),
    overview: overviewOf(facts, empty, period),
    results: resultsOf(facts, empty),
    shortcomingsLead,
    shortcomings,
    closing: sentence(`Trên đây là báo cáo tình hình niêm yết và quét mã QR${onArea(areaName)} ${period} của ${officePhrase}./.`),
    suggestedProposals: suggestionsOf(figures),
  };
}
