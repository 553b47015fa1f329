/** Messages of the scans area, Vietnamese and English; vi.ts and en.ts mount them under "scans". */
export const scansVi = {};

export const scansEn: typeof scansVi = {};
