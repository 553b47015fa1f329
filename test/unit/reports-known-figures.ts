import { writeReport } from '../../main/reports/sentences';
import type { DashboardFigures, VenueFigures } from '../../shared/domain/dashboard';
import { ReportContent } from '../../shared/domain/reports';

/** Dashboard figures built by hand for the report's pure parts: a known month, and slices made of a few figures. */

export const noVenues: VenueFigures = {
  registered: 0,
  active: 0,
  withCurrentCode: 0,
  posterPrinted: 0,
  posterRecent: 0,
  laminated: 0,
  inspected: 0,
  withOpenFindings: 0,
  withOverdueActions: 0,
  scans: 0,
  scansPerVenueDay: null,
  zeroScans: 0,
  lowScanning: 0,
};

export const slice = (figures: Partial<VenueFigures>): VenueFigures => ({ ...noVenues, ...figures });

/** A commune's month, in the proportions of the district's report. */
export function knownMonth(overrides: Partial<DashboardFigures> = {}, totals: Partial<VenueFigures> = {}): DashboardFigures {
  return {
    query: { from: '2026-11-01', to: '2026-11-30' },
    days: 30,
    scanDays: 30,
    scanData: { firstDay: '2026-01-01', lastDay: '2026-11-30' },
    totals: slice({
      registered: 2242,
      active: 2200,
      withCurrentCode: 2100,
      posterPrinted: 2000,
      posterRecent: 1800,
      laminated: 1500,
      inspected: 120,
      withOpenFindings: 40,
      withOverdueActions: 5,
      scans: 20188,
      scansPerVenueDay: 0.32,
      zeroScans: 300,
      lowScanning: 500,
      ...totals,
    }),
    areaLevel: 'village',
    byArea: [
      { ...slice({ registered: 1200, withCurrentCode: 1100, scans: 20188, scansPerVenueDay: 0.61 }), unitId: '0190a0b0-0000-7000-8000-000000000001', unitName: 'Thôn Hoà Bình' },
      { ...slice({ registered: 1042, withCurrentCode: 1000, scans: 0, scansPerVenueDay: null }), unitId: null, unitName: 'Chưa ghi thôn' },
    ],
    byType: [
      { ...slice({ registered: 900, withCurrentCode: 850, scansPerVenueDay: 0.1 }), type: 'household_business' },
      { ...slice({ registered: 40, withCurrentCode: 40, scansPerVenueDay: 0.2 }), type: 'market' },
      { ...slice({ registered: 300, withCurrentCode: 290, scansPerVenueDay: 0.5 }), type: 'restaurant' },
      // A type without a current code is never named, whatever its rate.
      { ...slice({ registered: 3, withCurrentCode: 0, scansPerVenueDay: null }), type: 'school' },
    ],
    scanSeries: [{ day: '2026-11-01', scans: 20188 }],
    findingsByCategory: [
      { category: 'damaged', findings: 14, venues: 12 },
      { category: 'too_small', findings: 7, venues: 7 },
      { category: 'hidden', findings: 5, venues: 5 },
      { category: 'not_laminated', findings: 9, venues: 9 },
    ],
    openFindingsByCategory: [
      { category: 'damaged', venues: 12 },
      { category: 'too_small', venues: 7 },
      { category: 'hidden', venues: 5 },
      { category: 'not_laminated', venues: 9 },
    ],
    actions: {
      byStatus: [
        { status: 'open', count: 10 },
        { status: 'done', count: 20 },
        { status: 'verified', count: 5 },
      ],
      overdue: 3,
    },
    ...overrides,
  };
}


/** A report's content written from figures, as main stores it when issuing (the office's particulars made up). */
export function contentOf(figures: DashboardFigures, proposals: string[] = ['Tiếp tục kiểm tra việc niêm yết mã QR.']): ReportContent {
  const areaName = 'xã Kỳ Bắc';
  // The suggestions are the form's, not the report's: parsing drops them.
  const text = writeReport({ figures, areaName, officePhrase: 'UBND xã Kỳ Bắc' });
  return ReportContent.parse({
    kind: 'qr_posting_scanning',
    params: { from: figures.query.from, to: figures.query.to },
    officeName: 'UBND XÃ KỲ BẮC',
    place: 'Kỳ Bắc',
    areaName,
    issuedOn: '2026-12-01',
    number: '15/BC-UBND',
    recipients: ['UBND tỉnh Hà Tĩnh'],
    signerTitle: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    signerName: 'Trần Văn Bình',
    proposals,
    figures,
    ...text,
  });
}
