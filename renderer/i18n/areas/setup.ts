/** First-run setup, Vietnamese and English; vi.ts and en.ts mount them under "setup". Step titles carry no number: the page's <ol> numbers them. */
export const setupVi = {
  title: 'Thiết lập lần đầu',
  intro: 'Ba bước để bắt đầu. Có thể đổi lại mọi lựa chọn trong Cài đặt.',
  who: 'Ai đang làm việc',
  whoDone: 'Đang làm việc: {{name}}.',
  office: 'Văn phòng này là gì, thuộc xã nào',
  officeHint:
    'Văn phòng xã/phường: chọn xã/phường của mình (cơ sở mới thuộc xã này, mã QR mang tiền tố của xã). Văn phòng cấp trên: chọn tỉnh, hoặc huyện với dữ liệu trước 2025.',
  noCommunes: 'Danh mục đơn vị hành chính chưa có xã/phường nào: hãy nhập danh sách của cơ quan thống kê (tệp .xlsx), hoặc nạp dữ liệu mẫu để thử.',
  noUppers: 'Danh mục đơn vị hành chính chưa có tỉnh hay huyện nào: hãy nhập danh sách của cơ quan thống kê (tệp .xlsx), hoặc nạp dữ liệu mẫu để thử.',
  venues: 'Danh sách cơ sở (không bắt buộc)',
  importVenues: 'Nhập danh sách cơ sở từ Excel hoặc CSV',
  officeFirst: 'Hãy chọn xã/phường của văn phòng ở bước 2 trước: danh sách cơ sở được nhập vào xã đó.',
  later: 'Để sau, vào trang Tổng quan',
  skip: 'Bỏ qua lúc này, vào trang Tổng quan',
};

export const setupEn: typeof setupVi = {
  title: 'First-time setup',
  intro: 'Three steps to start. Every choice can be changed later in Settings.',
  who: 'Who is working',
  whoDone: 'Working: {{name}}.',
  office: 'What this office is, and its commune',
  officeHint:
    'A commune/ward office: choose its commune/ward (new venues belong to it, QR codes carry its prefix). An upper office: choose the province, or the district for data before 2025.',
  noCommunes: 'The administrative units list has no commune/ward yet: import the statistics office’s list (.xlsx file), or load the example to try the app.',
  noUppers: 'The administrative units list has no province or district yet: import the statistics office’s list (.xlsx file), or load the example to try the app.',
  venues: 'The venue list (optional)',
  importVenues: 'Import the venue list from Excel or CSV',
  officeFirst: 'Choose the office’s commune/ward in step 2 first: the venue list is imported into that commune.',
  later: 'Later, go to the dashboard',
  skip: 'Skip for now, go to the dashboard',
};
