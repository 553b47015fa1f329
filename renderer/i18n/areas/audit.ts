/**
 * Messages of the change history, Vietnamese and English; vi.ts and en.ts mount them under
 * "audit". Each entry reads as a sentence with the person first ("Nguyễn Thị Lan cấp mã lần 2");
 * an action without a sentence falls back to its short name and the list of changed fields.
 */
export const auditVi = {
  title: 'Lịch sử thay đổi',
  unknownStaff: 'Không rõ người sửa',
  action: {
    create: 'thêm mới',
    update: 'sửa thông tin',
    status: 'đổi trạng thái',
    add_posting_point: 'thêm vị trí niêm yết',
    rename_posting_point: 'đổi tên vị trí niêm yết',
    retire_posting_point: 'thôi dùng vị trí niêm yết',
    unit_merge: 'chuyển theo sáp nhập đơn vị hành chính',
  },
  sentence: {
    code_issued: '{{who}} cấp mã lần {{revision}} ({{source}})',
    code_revoked: '{{who}} thu hồi mã lần {{revision}} — lý do: {{reason}}',
    inspected_one: '{{who}} ghi kết quả kiểm tra trong đợt “{{round}}”: {{count}} tồn tại',
    inspected_other: '{{who}} ghi kết quả kiểm tra trong đợt “{{round}}”: {{count}} tồn tại',
    inspected_zero: '{{who}} ghi kết quả kiểm tra trong đợt “{{round}}”: không có tồn tại',
    action_done: '{{who}} ghi đã khắc phục: {{kind}}',
    add_posting_point: '{{who}} thêm vị trí niêm yết “{{label}}”',
    rename_posting_point: '{{who}} đổi tên vị trí niêm yết “{{before}}” thành “{{label}}”',
    retire_posting_point: '{{who}} thôi dùng vị trí niêm yết “{{before}}”',
  },
  codeSource: { minted: 'mã do xã cấp', official: 'mã của hệ thống quốc gia' },
  revokeReason: { lost: 'bị mất', misused: 'bị dùng sai', moved: 'cơ sở chuyển địa điểm', damaged: 'áp phích hỏng', other: 'lý do khác' },
  unknownRound: 'không còn trong sổ',
};

export const auditEn: typeof auditVi = {
  title: 'Change history',
  unknownStaff: 'Unknown person',
  action: {
    create: 'created',
    update: 'edited',
    status: 'status changed',
    add_posting_point: 'posting point added',
    rename_posting_point: 'posting point renamed',
    retire_posting_point: 'posting point retired',
    unit_merge: 'moved by an administrative-unit merge',
  },
  sentence: {
    code_issued: '{{who}} issued code no. {{revision}} ({{source}})',
    code_revoked: '{{who}} revoked code no. {{revision}} — reason: {{reason}}',
    inspected_one: '{{who}} recorded an inspection in round “{{round}}”: {{count}} finding',
    inspected_other: '{{who}} recorded an inspection in round “{{round}}”: {{count}} findings',
    inspected_zero: '{{who}} recorded an inspection in round “{{round}}”: no findings',
    action_done: '{{who}} marked a fix as done: {{kind}}',
    add_posting_point: '{{who}} added posting point “{{label}}”',
    rename_posting_point: '{{who}} renamed posting point “{{before}}” to “{{label}}”',
    retire_posting_point: '{{who}} retired posting point “{{before}}”',
  },
  codeSource: { minted: 'signed by the commune', official: 'national-system code' },
  revokeReason: { lost: 'lost', misused: 'misused', moved: 'venue moved', damaged: 'poster damaged', other: 'other reason' },
  unknownRound: 'no longer in the register',
};
