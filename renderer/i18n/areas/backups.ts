/** Backups and restore (Settings, the dashboard's warning), Vietnamese and English; vi.ts and en.ts mount them under "backups". */
export const backupsVi = {
  title: 'Sao lưu dữ liệu',
  makeNow: 'Sao lưu ngay',
  making: 'Đang sao lưu…',
  made: 'Đã sao lưu và kiểm tra bản sao lưu.',
  lastGood: 'Bản sao lưu tốt gần nhất: {{at}}',
  none: 'Chưa có bản sao lưu nào. Hãy bấm “Sao lưu ngay”.',
  stale: 'Bản sao lưu gần nhất đã cũ ({{at}}): hôm qua không sao lưu được. Hãy bấm “Sao lưu ngay” trong Cài đặt.',
  noneWarning: 'Chưa có bản sao lưu nào của dữ liệu. Hãy sao lưu trong Cài đặt.',
  columns: { at: 'Ngày giờ', reason: 'Lý do', venues: 'Cơ sở', staff: 'Cán bộ', visits: 'Lượt kiểm tra' },
  reasons: {
    daily: 'Hằng ngày',
    manual: 'Sao lưu ngay',
    'before-migration': 'Trước khi cập nhật ứng dụng',
    'before-import': 'Trước khi nhập tệp',
    'before-merge': 'Trước khi gộp đơn vị',
    'before-restore': 'Trước khi khôi phục',
  },
  restore: {
    open: 'Khôi phục…',
    title: 'Khôi phục bản sao lưu {{at}}?',
    consequence:
      'Dữ liệu hiện tại được sao lưu trước, rồi ứng dụng mở lại trên bản sao lưu này: những gì nhập sau {{at}} sẽ không còn trong sổ (vẫn nằm trong bản sao lưu vừa tạo). Mọi người cần chọn lại người đang làm việc.',
    confirm: 'Khôi phục bản sao lưu này',
  },
};

export const backupsEn: typeof backupsVi = {
  title: 'Backups',
  makeNow: 'Back up now',
  making: 'Backing up…',
  made: 'Backed up, and the backup checked.',
  lastGood: 'Newest good backup: {{at}}',
  none: 'No backup yet. Press “Back up now”.',
  stale: 'The newest backup is old ({{at}}): yesterday’s backup was not made. Press “Back up now” in Settings.',
  noneWarning: 'The data has no backup yet. Back it up in Settings.',
  columns: { at: 'Date and time', reason: 'Reason', venues: 'Venues', staff: 'Staff', visits: 'Visits' },
  reasons: {
    daily: 'Daily',
    manual: 'Back up now',
    'before-migration': 'Before an app update',
    'before-import': 'Before an import',
    'before-merge': 'Before a unit merge',
    'before-restore': 'Before a restore',
  },
  restore: {
    open: 'Restore…',
    title: 'Restore the backup of {{at}}?',
    consequence:
      'The current data is backed up first, then the app opens again on this backup: what was entered after {{at}} will no longer be in the register (it stays in the backup just made). Everyone has to choose who is working again.',
    confirm: 'Restore this backup',
  },
};
