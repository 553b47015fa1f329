/**
 * What the venue import says before it starts and about rows it reads tolerantly,
 * Vietnamese and English; vi.ts and en.ts mount them under "imports".
 */
export const importsVi = {
  noCommune:
    'Chưa chọn xã/phường của văn phòng. Danh sách cơ sở được đặt vào xã đó (thôn/xóm tìm hoặc thêm trong xã), nên cần chọn xã trong Cài đặt trước khi nhập.',
  toSettings: 'Chọn xã/phường trong Cài đặt',
  withWarnings_one: '{{count}} dòng có cảnh báo nhưng vẫn được nhập; xem cảnh báo ở từng dòng.',
  withWarnings_other: '{{count}} dòng có cảnh báo nhưng vẫn được nhập; xem cảnh báo ở từng dòng.',
  warning: 'Cảnh báo',
};

export const importsEn: typeof importsVi = {
  noCommune:
    "The office's commune/ward has not been chosen. The venue list is placed in that commune (its villages found or added there), so choose it in Settings before importing.",
  toSettings: 'Choose the commune/ward in Settings',
  withWarnings_one: '{{count}} row has a warning but will still be imported; see the warning on the row.',
  withWarnings_other: '{{count}} rows have a warning but will still be imported; see the warning on each row.',
  warning: 'Warning',
};
