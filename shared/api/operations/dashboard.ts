/** The dashboard (Tổng quan): figures for a period and area, and their tables as .xlsx. */
export const dashboardOperations = {};
