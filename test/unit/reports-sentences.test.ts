import { describe, expect, it } from 'vitest';
import type { DashboardFigures } from '../../shared/domain/dashboard';
import { cellText, formatCount, formatRate, reportTables, sentenceText } from '../../shared/domain/report-layout';
import { isEmptyPeriod, laggingTypes, periodText, writeReport } from '../../main/reports/sentences';
import { contentOf, knownMonth, noVenues, slice } from './reports-known-figures';

/**
 * The report's sentences from figures built by hand: each shortcoming from a small known
 * dataset, written only when its figure is not zero, each figure carrying the venue list
 * it counts; and a period without data saying so instead of printing zeros.
 */

const facts = (figures: DashboardFigures) => ({ figures, areaName: 'xã Kỳ Bắc', officePhrase: 'UBND xã Kỳ Bắc' });
const texts = (sentences: Array<{ parts: Array<{ text: string }> }>) => sentences.map(sentenceText);

describe('report sentences', () => {
  it('writes each shortcoming of the district report from its figure, in its order', () => {
    const report = writeReport(facts(knownMonth()));
    expect(report.empty).toBe(false);
    expect(texts(report.shortcomings)).toEqual([
      '12 cơ sở để áp phích mã QR bị hư hỏng nhưng chưa niêm yết lại',
      '7 cơ sở niêm yết mã khá nhỏ',
      '5 cơ sở đặt ở vị trí khuất',
      'tỷ lệ quét ở hộ kinh doanh và chợ còn hạn chế: 0,10 và 0,20 lượt/cơ sở/ngày so với 0,32 bình quân',
      '300 cơ sở có mã QR nhưng không có lượt quét nào trong kỳ',
      '9 cơ sở có áp phích chưa ép plastic',
      '5 cơ sở chưa khắc phục tồn tại đúng thời hạn',
    ]);
    expect(sentenceText(report.shortcomingsLead)).toBe('Bên cạnh kết quả đạt được, việc niêm yết và quét mã QR trên địa bàn xã Kỳ Bắc còn một số tồn tại, hạn chế:');
  });

  it('links every counted figure to the venue list it counts', () => {
    const report = writeReport(facts(knownMonth()));
    const figures = report.shortcomings.flatMap((sentence) => sentence.parts.filter((part) => part.trace).map((part) => [part.text, part.trace]));
    expect(figures).toEqual([
      ['12', { findings: 'open', findingCategory: 'damaged' }],
      ['7', { findings: 'open', findingCategory: 'too_small' }],
      ['5', { findings: 'open', findingCategory: 'hidden' }],
      ['0,10', { type: 'household_business', status: 'active', code: 'current' }],
      ['0,20', { type: 'market', status: 'active', code: 'current' }],
      ['300', { scanning: 'zero' }],
      ['9', { findings: 'open', findingCategory: 'not_laminated' }],
      ['5', { overdueActions: true }],
    ]);
    const overview = report.overview[0].parts.filter((part) => part.trace);
    expect(overview.map((part) => [part.text, part.trace])).toEqual([
      ['2.242', {}],
      ['2.200', { status: 'active' }],
      ['2.100', { code: 'current' }],
    ]);
  });

  it('leaves out each shortcoming whose figure is zero', () => {
    const figures = knownMonth(
      {
        openFindingsByCategory: [
          { category: 'damaged', venues: 0 },
          { category: 'hidden', venues: 5 },
        ],
        byType: knownMonth().byType.map((row) => ({ ...row, scansPerVenueDay: 0.32 })),
      },
      { zeroScans: 0, withOverdueActions: 0 },
    );
    expect(texts(writeReport(facts(figures)).shortcomings)).toEqual(['5 cơ sở đặt ở vị trí khuất']);
  });

  it('names a lagging type alone, and only types below four fifths of the average', () => {
    const figures = knownMonth({
      byType: [
        { ...slice({ withCurrentCode: 10, scansPerVenueDay: 0.25 }), type: 'market' },
        { ...slice({ withCurrentCode: 10, scansPerVenueDay: 0.26 }), type: 'cafe' },
      ],
    });
    expect(laggingTypes(figures)).toEqual([{ type: 'market', rate: 0.25 }]);
    expect(texts(writeReport(facts(figures)).shortcomings)).toContain('tỷ lệ quét ở chợ còn hạn chế: 0,25 lượt/cơ sở/ngày so với 0,32 bình quân');
  });

  it('states the overview, scans and inspections of the period', () => {
    const report = writeReport(facts(knownMonth()));
    expect(texts(report.overview)).toEqual([
      'Trên địa bàn xã Kỳ Bắc có 2.242 cơ sở đã đăng ký niêm yết mã QR, trong đó 2.200 cơ sở đang hoạt động, 2.100 cơ sở có mã QR còn hiệu lực.',
      '2.000 cơ sở đã được in áp phích mã QR, trong đó 1.800 cơ sở in trong 12 tháng gần đây; 1.500 cơ sở có áp phích đã ép plastic.',
      'Tháng 11 năm 2026, ghi nhận 20.188 lượt quét mã QR, bình quân 0,32 lượt/cơ sở/ngày.',
      'Trong kỳ đã kiểm tra 120 cơ sở, phát hiện 35 tồn tại.',
    ]);
    expect(texts(report.results)[0]).toBe(
      'Về khắc phục tồn tại: 10 biện pháp đang thực hiện (3 biện pháp quá hạn), 20 biện pháp đã thực hiện, 5 biện pháp đã kiểm tra lại đạt yêu cầu.',
    );
    expect(sentenceText(report.intro)).toBe(
      'Thực hiện nhiệm vụ theo dõi việc niêm yết mã QR điểm đăng ký tại các cơ sở, UBND xã Kỳ Bắc báo cáo tình hình niêm yết và quét mã QR trên địa bàn xã Kỳ Bắc tháng 11 năm 2026 như sau:',
    );
    expect(sentenceText(report.closing)).toBe('Trên đây là báo cáo tình hình niêm yết và quét mã QR trên địa bàn xã Kỳ Bắc tháng 11 năm 2026 của UBND xã Kỳ Bắc./.');
  });

  it('says how many days the scan files cover when they cover only part of the period', () => {
    const figures = knownMonth({ scanDays: 20, scanData: { firstDay: '2026-01-01', lastDay: '2026-11-20' } });
    expect(texts(writeReport(facts(figures)).overview)[2]).toBe(
      'Tháng 11 năm 2026, ghi nhận 20.188 lượt quét mã QR, bình quân 0,32 lượt/cơ sở/ngày (số liệu lượt quét có cho 20 trong 30 ngày của kỳ báo cáo).',
    );
  });

  it('says there are no scan counts rather than zero scans, when inspections alone fill the period', () => {
    const figures = knownMonth({ scanData: null, scanDays: 0 }, { scans: 0, scansPerVenueDay: null, zeroScans: 0 });
    const report = writeReport(facts(figures));
    expect(report.empty).toBe(false);
    expect(texts(report.overview)[2]).toBe('Trong kỳ báo cáo chưa có số liệu lượt quét mã QR.');
    expect(texts(report.shortcomings).join(' ')).not.toMatch(/lượt quét nào|tỷ lệ quét/);
  });

  it('counts typed by hand at a few venues give their scans but no average, and the period is not empty', () => {
    const figures = knownMonth(
      { scanData: { firstDay: '2026-11-03', lastDay: '2026-11-03' }, scanDays: 0, findingsByCategory: [], openFindingsByCategory: [] },
      { scans: 40, scansPerVenueDay: null, zeroScans: 0, inspected: 0 },
    );
    const report = writeReport(facts(figures));
    expect(report.empty).toBe(false);
    expect(texts(report.overview)[2]).toBe('Tháng 11 năm 2026, ghi nhận 40 lượt quét mã QR (số liệu nhập tay tại một số cơ sở, chưa đủ để tính bình quân).');
    expect(texts(report.overview)[3]).toBe('Trong kỳ chưa kiểm tra cơ sở nào.');
  });

  it('an empty period says so plainly instead of printing zeros as findings', () => {
    const figures = knownMonth(
      { scanData: null, scanDays: 0, findingsByCategory: [], openFindingsByCategory: [], actions: { byStatus: [], overdue: 0 } },
      { scans: 0, scansPerVenueDay: null, zeroScans: 0, inspected: 0, withOpenFindings: 0, withOverdueActions: 0, lowScanning: 0 },
    );
    expect(isEmptyPeriod(figures)).toBe(true);
    const report = writeReport(facts(figures));
    expect(report.empty).toBe(true);
    expect(texts(report.results)).toEqual([
      'Trong kỳ báo cáo chưa có số liệu về lượt quét mã QR và chưa có kết quả kiểm tra việc niêm yết mã QR trên địa bàn xã Kỳ Bắc, nên chưa có cơ sở để đánh giá kết quả thực hiện.',
    ]);
    // The register is a fact whatever the period; the period's figures are not written at all.
    expect(texts(report.overview)).toHaveLength(2);
    const all = [...texts(report.overview), ...texts(report.results), sentenceText(report.shortcomingsLead)].join(' ');
    expect(all).not.toMatch(/\b0 (lượt|cơ sở|tồn tại)/);
    expect(report.shortcomings).toEqual([]);
    expect(sentenceText(report.shortcomingsLead)).toBe('Chưa có số liệu để đánh giá tồn tại, hạn chế trong kỳ báo cáo.');
    expect(reportTables(contentOf(figures))).toEqual([]);
  });

  it('an area without venues says it has none', () => {
    const figures = knownMonth({ byArea: [], byType: [], findingsByCategory: [], openFindingsByCategory: [], scanData: null, scanDays: 0 }, { ...noVenues });
    const report = writeReport({ ...facts(figures), areaName: null });
    expect(report.empty).toBe(true);
    expect(texts(report.overview)).toEqual(['Trên địa bàn chưa có cơ sở nào đăng ký niêm yết mã QR.']);
    expect(report.suggestedProposals).toEqual([]);
  });

  it('suggests proposals from the shortcomings found', () => {
    const suggestions = writeReport(facts(knownMonth())).suggestedProposals;
    expect(suggestions).toEqual([
      'Tiếp tục kiểm tra, in lại và niêm yết lại áp phích mã QR tại các cơ sở có áp phích bị mất, hư hỏng, kích thước nhỏ hoặc mã không còn hiệu lực.',
      'Hướng dẫn các cơ sở niêm yết mã QR tại lối ra vào, ngang tầm mắt, nơi dễ thấy, đủ ánh sáng.',
      'Ép plastic hoặc bọc bảo vệ áp phích để áp phích không bị hư hỏng do mưa, nắng.',
      'Tuyên truyền, hướng dẫn người dân quét mã QR khi đến các cơ sở, nhất là hộ kinh doanh và chợ; nhắc chủ cơ sở hướng dẫn khách quét mã.',
      'Đôn đốc các cơ sở khắc phục tồn tại đúng thời hạn và tổ chức kiểm tra lại việc khắc phục.',
      'Duy trì việc kiểm tra định kỳ việc niêm yết mã QR tại các cơ sở trên địa bàn.',
    ]);
  });
});

describe('report period and numbers', () => {
  it('names a calendar month, a day, or the days', () => {
    expect(periodText('2026-11-01', '2026-11-30')).toBe('tháng 11 năm 2026');
    expect(periodText('2028-02-01', '2028-02-29')).toBe('tháng 2 năm 2028');
    expect(periodText('2026-02-01', '2026-02-27')).toBe('từ ngày 01/02/2026 đến ngày 27/02/2026');
    expect(periodText('2026-11-05', '2026-11-05')).toBe('ngày 05/11/2026');
    expect(periodText('2026-10-15', '2026-11-14')).toBe('từ ngày 15/10/2026 đến ngày 14/11/2026');
  });

  it('writes numbers as Vietnamese do', () => {
    expect(formatCount(2242)).toBe('2.242');
    expect(formatCount(20188.6)).toBe('20.189');
    expect(formatRate(3.456)).toBe('3,5');
    expect(formatRate(0.345)).toBe('0,35');
  });
});

describe('report tables', () => {
  it('a table by village and by type with a total; no data is a dash, never 0', () => {
    const tables = reportTables(contentOf(knownMonth()));
    expect(tables.map((table) => table.title)).toEqual([
      'Bảng 1. Kết quả theo thôn, tổ dân phố',
      'Bảng 2. Kết quả theo loại hình cơ sở',
      'Bảng 3. Tồn tại phát hiện qua kiểm tra',
    ]);
    const [byArea, byType, findings] = tables;
    const scansColumn = byArea.columns.findIndex((column) => column.header === 'Lượt quét trong kỳ');
    expect(byArea.rows.map((row) => [row[1], row[2], row[scansColumn]])).toEqual([
      ['Thôn Hoà Bình', 1200, 20188],
      ['Chưa ghi thôn', 1042, null],
    ]);
    expect(cellText(byArea.rows[1][scansColumn], byArea.columns[scansColumn])).toBe('–');
    expect(byArea.total?.[2]).toBe(2242);
    expect(byType.rows.map((row) => row[1])).toEqual(['Hộ kinh doanh', 'Chợ', 'Nhà hàng, quán ăn', 'Trường học']);
    expect(findings.rows.map((row) => row.slice(1))).toEqual([
      ['Áp phích rách, hỏng, phai mờ', 14, 12, 12],
      ['Áp phích quá nhỏ (mã QR dưới 15 cm)', 7, 7, 7],
      ['Niêm yết khuất, không đúng vị trí', 5, 5, 5],
      ['Áp phích chưa ép plastic, chưa được bảo vệ', 9, 9, 9],
    ]);
    expect(findings.total?.[2]).toBe(35);
  });
});
