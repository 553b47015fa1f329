/** Messages of the dashboard area, Vietnamese and English; vi.ts and en.ts mount them under "dashboard". */
export const dashboardVi = {};

export const dashboardEn: typeof dashboardVi = {};
