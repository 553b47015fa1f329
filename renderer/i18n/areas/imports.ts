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
  newVillages_one: 'Sẽ thêm {{count}} thôn/xóm mới vào danh mục:',
  newVillages_other: 'Sẽ thêm {{count}} thôn/xóm mới vào danh mục:',
  newVillage_one: '{{name}} ({{commune}}) — {{count}} dòng',
  newVillage_other: '{{name}} ({{commune}}) — {{count}} dòng',
  moreVillages_one: '… và {{count}} thôn/xóm khác.',
  moreVillages_other: '… và {{count}} thôn/xóm khác.',
  /** Files refused as too big to read (main/import/too-big.ts words them in Vietnamese; the page shows main's sentence). */
  refusals: {
    rows: 'Tệp có hơn {{limit}} dòng, quá giới hạn một lần nhập. Hãy chia tệp thành nhiều phần.',
    sheets: 'Tệp có hơn {{limit}} trang tính, quá giới hạn một lần nhập. Hãy chia tệp thành nhiều phần.',
    columns: 'Trang tính "{{sheet}}" có hơn {{limit}} cột, quá giới hạn một lần nhập. Hãy xoá các cột không dùng.',
    cells: 'Tệp có hơn {{limit}} ô, quá giới hạn một lần nhập. Hãy chia tệp thành nhiều phần.',
    cell: 'Trang tính "{{sheet}}" có một ô dài hơn {{limit}} ký tự, quá giới hạn của một ô Excel.',
    cellInFile: 'Tệp có một ô dài hơn {{limit}} ký tự, quá giới hạn của một ô Excel.',
    unpacked: 'Tệp Excel khi giải nén lớn hơn {{megabytes}} MB, quá giới hạn một lần nhập. Hãy chia tệp thành nhiều phần.',
    sharedStrings: 'Phần chữ của tệp Excel khi giải nén lớn hơn {{megabytes}} MB, quá giới hạn một lần nhập. Hãy chia tệp thành nhiều phần.',
    memory: 'Tệp quá lớn hoặc có cấu trúc bất thường, không đọc được trong bộ nhớ dành cho một lần nhập; không có gì được ghi. Hãy chia tệp thành nhiều phần.',
    structure: 'Tệp Excel có cấu trúc bất thường (lồng nhau quá sâu hoặc thẻ quá dài), không phải một bảng tính thông thường. Hãy mở bằng Excel và lưu lại.',
  },
};

export const importsEn: typeof importsVi = {
  noCommune:
    "The office's commune/ward has not been chosen. The venue list is placed in that commune (its villages found or added there), so choose it in Settings before importing.",
  toSettings: 'Choose the commune/ward in Settings',
  withWarnings_one: '{{count}} row has a warning but will still be imported; see the warning on the row.',
  withWarnings_other: '{{count}} rows have a warning but will still be imported; see the warning on each row.',
  warning: 'Warning',
  newVillages_one: '{{count}} new village will be added to the units list:',
  newVillages_other: '{{count}} new villages will be added to the units list:',
  newVillage_one: '{{name}} ({{commune}}) — {{count}} row',
  newVillage_other: '{{name}} ({{commune}}) — {{count}} rows',
  moreVillages_one: '… and {{count}} more village.',
  moreVillages_other: '… and {{count}} more villages.',
  refusals: {
    rows: 'The file has more than {{limit}} rows, over the limit for one import. Split it into several files.',
    sheets: 'The file has more than {{limit}} sheets, over the limit for one import. Split it into several files.',
    columns: 'Sheet "{{sheet}}" has more than {{limit}} columns, over the limit for one import. Delete the columns not used.',
    cells: 'The file has more than {{limit}} cells, over the limit for one import. Split it into several files.',
    cell: 'Sheet "{{sheet}}" has a cell longer than {{limit}} characters, over the limit of an Excel cell.',
    cellInFile: 'The file has a cell longer than {{limit}} characters, over the limit of an Excel cell.',
    unpacked: 'The Excel file unpacks to more than {{megabytes}} MB, over the limit for one import. Split it into several files.',
    sharedStrings: "The Excel file's text unpacks to more than {{megabytes}} MB, over the limit for one import. Split it into several files.",
    memory: 'The file is too large or unusually built: it could not be read within the memory one import may use; nothing was written. Split it into several files.',
    structure: 'The Excel file has an unusual structure (nested too deep or a tag too long), not an ordinary spreadsheet. Open it in Excel and save it again.',
  },
};
