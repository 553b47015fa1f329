import { CATEGORY_VI } from '../../shared/domain/documents-vi';
import type { ActionKind, ActionStatus, Finding, FindingCategory } from '../../shared/domain/inspections';

/** Wording shared by the inspection record and the reminder notice. */

export const ACTION_VI: Record<ActionKind, string> = {
  reprint: 'In lại, thay áp phích mới',
  relocate: 'Dời áp phích ra lối vào, ngang tầm mắt (khoảng 1,3 m), nơi dễ thấy, đủ sáng',
  laminate: 'Ép plastic hoặc bọc bảo vệ áp phích',
  remind_owner: 'Nhắc nhở chủ cơ sở thực hiện đúng việc niêm yết và hướng dẫn khách quét mã',
  reregister_code: 'Đăng ký lại mã QR và niêm yết áp phích có mã mới',
};

/** What the owner is asked to do when the team set no action for a finding. */
export const REMEDY_VI: Record<FindingCategory, string> = {
  missing: 'Niêm yết áp phích mã QR tại lối vào',
  damaged: 'Thay áp phích mới',
  too_small: 'Thay áp phích đủ kích thước (mã QR từ 15 cm)',
  hidden: ACTION_VI.relocate,
  not_laminated: ACTION_VI.laminate,
  wrong_code: 'Thay áp phích có mã hiện hành của cơ sở',
  low_scanning: 'Nhắc nhân viên hướng dẫn khách quét mã khi vào',
  other: 'Khắc phục theo ghi chú của đoàn kiểm tra',
};

export const ACTION_STATUS_VI: Record<ActionStatus, string | null> = {
  open: null,
  done: 'đã thực hiện',
  verified: 'đã kiểm tra lại, đạt',
};

/** The finding as a line: "Cửa chính: Áp phích rách, hỏng, phai mờ. Áp phích rách". */
export function FindingText({ finding }: { finding: Finding }) {
  return (
    <>
      {finding.postingPointLabel && <span className="doc-point">{finding.postingPointLabel}: </span>}
      {CATEGORY_VI[finding.category]}
      {finding.note && <span className="doc-note">. {finding.note}</span>}
    </>
  );
}
