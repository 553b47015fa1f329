import { z } from 'zod';
import { DashboardFigures, DashboardQuery } from '../../domain/dashboard';
import { operation } from '../operation';

/** The dashboard (Tổng quan): figures for a period and area, and their tables as .xlsx. */
export const dashboardOperations = {
  'dashboard.figures': operation({
    summary: 'Số liệu tổng quan theo kỳ, địa bàn và loại hình / dashboard figures for a period, area and venue type',
    kind: 'read',
    roles: 'staff',
    input: DashboardQuery,
    output: DashboardFigures,
  }),
  'dashboard.export': operation({
    summary: 'Xuất các bảng của trang tổng quan đang lọc ra Excel / the dashboard tables as filtered, as .xlsx',
    kind: 'read',
    roles: 'staff',
    input: DashboardQuery,
    output: z.object({ fileName: z.string(), mimeType: z.string(), bytesBase64: z.string() }),
  }),
};
