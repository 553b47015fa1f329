/** The in-app user guide's own words (the guide's text itself is docs/*.md); vi.ts and en.ts mount them under "guide". */
export const guideVi = {
  link: 'Hướng dẫn',
  read: { vi: 'Đọc bản tiếng Việt', en: 'English summary' },
};

export const guideEn: typeof guideVi = {
  link: 'User guide',
  read: { vi: 'Full guide in Vietnamese', en: 'English summary' },
};
