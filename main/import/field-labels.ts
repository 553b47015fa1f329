import type { ImportField } from '../../shared/domain/import';

/** The fields as the import's messages name them, in the words of the office's own column headers. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  code: 'Mã cơ sở',
  name: 'Tên cơ sở',
  type: 'Loại hình',
  ownerName: 'Chủ cơ sở',
  phones: 'Số điện thoại',
  address: 'Địa chỉ',
  village: 'Thôn/xóm',
  commune: 'Xã/phường',
  businessRegNo: 'Số ĐKKD',
  status: 'Trạng thái',
  notes: 'Ghi chú',
  latitude: 'Vĩ độ',
  longitude: 'Kinh độ',
};
