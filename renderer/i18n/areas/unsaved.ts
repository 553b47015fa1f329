/**
 * Unsaved work: leaving a form with changes, and a visit's draft offered back. vi.ts and
 * en.ts mount them under "unsaved".
 */
export const unsavedVi = {
  title: 'Rời trang khi chưa lưu?',
  lost: 'Những gì vừa nhập trên trang này chưa được lưu và sẽ mất.',
  leave: 'Rời trang, bỏ thay đổi',
  stay: 'Ở lại trang này',
  visit: {
    kept: 'Kết quả chưa lưu; bản nháp (cả ảnh) được giữ lại để lần sau mở cơ sở này ghi tiếp.',
    leave: 'Rời trang, giữ bản nháp',
    offer: 'Có bản nháp chưa lưu từ {{time}}.',
    resume: 'Tiếp tục',
    discard: 'Bỏ bản nháp',
    savedAt: 'Bản nháp đã lưu lúc {{time}}',
    notSaved: 'Không lưu được bản nháp trên máy này; hãy lưu kết quả trước khi rời trang.',
  },
};

export const unsavedEn: typeof unsavedVi = {
  title: 'Leave without saving?',
  lost: 'What was just entered on this page is not saved and will be lost.',
  leave: 'Leave, discard changes',
  stay: 'Stay on this page',
  visit: {
    kept: 'The results are not saved; a draft (photos included) is kept to carry on the next time this venue is opened.',
    leave: 'Leave, keep the draft',
    offer: 'There is an unsaved draft from {{time}}.',
    resume: 'Carry on',
    discard: 'Discard the draft',
    savedAt: 'Draft saved at {{time}}',
    notSaved: 'The draft could not be kept on this computer; save the results before leaving.',
  },
};
