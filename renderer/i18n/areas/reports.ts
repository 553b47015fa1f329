/** Messages of the reports area, Vietnamese and English; vi.ts and en.ts mount them under "reports". */
export const reportsVi = {};

export const reportsEn: typeof reportsVi = {};
