/**
 * Confirmations of far-reaching actions, Vietnamese and English; vi.ts and en.ts mount them
 * under "confirm". Each sentence names the consequence, not just "Are you sure?".
 */
export const confirmVi = {
  cancel: 'Không, quay lại',
  revoke: {
    section: 'Thu hồi mã',
    open: 'Thu hồi mã…',
    title: 'Thu hồi mã và cấp mã mới?',
    consequence_one: '{{count}} áp phích đã in cho cơ sở này sẽ thành mã cũ; cơ sở sẽ vào danh sách in lại để in áp phích mới.',
    consequence_other: '{{count}} áp phích đã in cho cơ sở này sẽ thành mã cũ; cơ sở sẽ vào danh sách in lại để in áp phích mới.',
    consequenceNone: 'Chưa có áp phích nào in với mã hiện hành; cơ sở sẽ vào danh sách in lại để in áp phích mới.',
    confirm: 'Thu hồi và cấp mã mới',
  },
  close: {
    title: 'Kết thúc đợt kiểm tra?',
  },
  retire: {
    title: 'Thôi dùng vị trí niêm yết?',
    consequence: 'Vị trí “{{label}}” sẽ không còn được in áp phích và không còn trong phiếu kiểm tra; lịch sử của vị trí vẫn được giữ.',
    confirm: 'Thôi dùng vị trí này',
  },
  followUp: {
    open: 'Mở đợt kiểm tra lại đã tạo',
    exists: 'Đợt này đã có đợt kiểm tra lại; mỗi đợt chỉ có một. Hãy mở đợt đã tạo.',
  },
};

export const confirmEn: typeof confirmVi = {
  cancel: 'No, go back',
  revoke: {
    section: 'Revoke the code',
    open: 'Revoke the code…',
    title: 'Revoke the code and issue a new one?',
    consequence_one: '{{count}} poster printed for this venue will carry an outdated code; the venue goes into the reprint queue for a new poster.',
    consequence_other: '{{count}} posters printed for this venue will carry an outdated code; the venue goes into the reprint queue for new posters.',
    consequenceNone: 'No poster has been printed with the current code; the venue goes into the reprint queue for new posters.',
    confirm: 'Revoke and issue a new code',
  },
  close: {
    title: 'Close the round?',
  },
  retire: {
    title: 'Retire the posting point?',
    consequence: '“{{label}}” will no longer get posters or appear on the inspection form; its history is kept.',
    confirm: 'Retire this point',
  },
  followUp: {
    open: 'Open the follow-up round',
    exists: 'This round already has its follow-up; each round has one. Open the one made.',
  },
};
