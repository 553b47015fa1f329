import type { DashboardFigures, VenueFigures } from '../../shared/domain/dashboard';
import { CATEGORY_VI, formatDay } from '../../shared/domain/documents-vi';
import type { ActionStatus } from '../../shared/domain/inspections';
import { VENUE_TYPE_LABELS_VI } from '../../shared/domain/labels-vi';
import { FIGURE_COLUMNS } from '../../shared/domain/report-layout';
import { DAILY_SERIES_MAX_DAYS } from './figures';
import { tablesXlsxBase64, XLSX_MIME_TYPE, type SheetColumn, type SheetValue, type TableSheet } from '../export/spreadsheet';

/**
 * The dashboard's tables as the clerk has them filtered, one sheet each, headed in
 * Vietnamese with the report's own words (FIGURE_COLUMNS), so a figure reads the same in
 * the dashboard's file and in the report's. Numbers are numbers (scans rounded, rates to
 * two decimals); where there is no data the cell is empty, never 0.
 */

const ACTION_STATUS_VI: Record<ActionStatus, string> = { open: 'Chưa khắc phục', done: 'Đã khắc phục', verified: 'Đã xác minh' };

const TOTAL = 'Tổng cộng';

const rounded = (value: number | null, kind: string): number | null =>
  value === null ? null : kind === 'rate' ? Math.round(value * 100) / 100 : Math.round(value);

const figureValues = (figures: VenueFigures): SheetValue[] => FIGURE_COLUMNS.map((column) => rounded(column.value(figures), column.kind));

const FIGURE_SHEET_COLUMNS: SheetColumn[] = FIGURE_COLUMNS.map((column) => ({ header: column.header, width: column.width + 2, kind: 'number' }));

function sliceSheet(sheetName: string, nameHeader: string, slices: Array<{ name: string; figures: VenueFigures }>, totals: VenueFigures): TableSheet {
  return {
    sheetName,
    columns: [{ header: 'STT', width: 6, kind: 'number' }, { header: nameHeader, width: 30 }, ...FIGURE_SHEET_COLUMNS],
    rows: [
      ...slices.map((slice, index) => [index + 1, slice.name, ...figureValues(slice.figures)]),
      [null, TOTAL, ...figureValues(totals)],
    ],
    frozenColumns: 2,
  };
}

function summarySheet(figures: DashboardFigures, areaName: string): TableSheet {
  const { query, totals } = figures;
  return {
    sheetName: 'Tổng hợp',
    columns: [
      { header: 'Chỉ tiêu', width: 48 },
      { header: 'Số liệu', width: 14, kind: 'number' },
    ],
    rows: [
      [`Kỳ: từ ngày ${formatDay(query.from)} đến ngày ${formatDay(query.to)}`, null],
      [`Địa bàn: ${areaName}`, null],
      [`Loại hình: ${query.type ? VENUE_TYPE_LABELS_VI[query.type] : 'Tất cả'}`, null],
      ['Số ngày trong kỳ', figures.days],
      ['Số ngày có dữ liệu lượt quét', figures.scanDays],
      ...FIGURE_COLUMNS.map((column): SheetValue[] => [column.header, rounded(column.value(totals), column.kind)]),
      ['Biện pháp khắc phục quá hạn', figures.actions.overdue],
    ],
  };
}

function scanSeriesSheet(figures: DashboardFigures): TableSheet {
  const daily = figures.days <= DAILY_SERIES_MAX_DAYS;
  return {
    sheetName: daily ? 'Lượt quét theo ngày' : 'Lượt quét theo tháng',
    columns: [
      { header: daily ? 'Ngày' : 'Tháng', width: 14 },
      { header: 'Lượt quét', width: 14, kind: 'number' },
    ],
    rows: figures.scanSeries.map((point) => [daily ? formatDay(point.day) : formatDay(point.day).slice(3), rounded(point.scans, 'count')]),
  };
}

function findingsSheet(figures: DashboardFigures): TableSheet {
  const open = new Map(figures.openFindingsByCategory.map((row) => [row.category, row.venues]));
  return {
    sheetName: 'Tồn tại theo loại',
    columns: [
      { header: 'Loại tồn tại', width: 40 },
      { header: 'Tồn tại phát hiện trong kỳ', width: 14, kind: 'number' },
      { header: 'Cơ sở có tồn tại phát hiện trong kỳ', width: 16, kind: 'number' },
      { header: 'Cơ sở còn tồn tại chưa khắc phục', width: 16, kind: 'number' },
    ],
    rows: figures.findingsByCategory.map((row) => [CATEGORY_VI[row.category], row.findings, row.venues, open.get(row.category) ?? 0]),
  };
}

function actionsSheet(figures: DashboardFigures): TableSheet {
  return {
    sheetName: 'Biện pháp khắc phục',
    columns: [
      { header: 'Trạng thái', width: 30 },
      { header: 'Số biện pháp', width: 14, kind: 'number' },
    ],
    rows: [
      ...figures.actions.byStatus.map((row) => [ACTION_STATUS_VI[row.status], row.count]),
      ['Trong đó quá hạn', figures.actions.overdue],
    ],
  };
}

/** "tong-quan-2026-11-01-den-2026-11-30.xlsx". */
export const dashboardFileName = (figures: DashboardFigures) => `tong-quan-${figures.query.from}-den-${figures.query.to}.xlsx`;

/** The workbook of the dashboard's tables. `areaName` names the area in Vietnamese ("Toàn địa bàn", "Xã Kỳ Bắc"). */
export async function dashboardXlsx(figures: DashboardFigures, areaName: string, now = new Date()) {
  const byVillage = figures.areaLevel === 'village';
  const sheets = [
    summarySheet(figures, areaName),
    sliceSheet(
      byVillage ? 'Theo thôn' : 'Theo xã',
      byVillage ? 'Thôn, tổ dân phố' : 'Xã, phường',
      figures.byArea.map((row) => ({ name: row.unitName, figures: row })),
      figures.totals,
    ),
    sliceSheet('Theo loại hình', 'Loại hình cơ sở', figures.byType.map((row) => ({ name: VENUE_TYPE_LABELS_VI[row.type], figures: row })), figures.totals),
    scanSeriesSheet(figures),
    findingsSheet(figures),
    actionsSheet(figures),
  ];
  return { fileName: dashboardFileName(figures), mimeType: XLSX_MIME_TYPE, bytesBase64: await tablesXlsxBase64(sheets, now) };
}
