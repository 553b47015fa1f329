import { describe, expect, it } from 'vitest';
import { guessField } from '../../main/import/header-guess';

describe('guessField on headers offices really use', () => {
  it.each([
    ['Tên cơ sở', 'name'],
    ['Tên hộ kinh doanh', 'name'],
    ['Tên chủ cơ sở', 'ownerName'],
    ['Tên chủ hộ', 'ownerName'],
    ['Họ và tên chủ hộ', 'ownerName'],
    ['Họ tên', 'ownerName'],
    ['Tên người đại diện', 'ownerName'],
    ['Mã số doanh nghiệp', 'businessRegNo'],
    ['Mã số thuế', 'businessRegNo'],
    ['Mã QR', null],
    ['Tình trạng niêm yết mã QR', null],
    ['Tên thôn', 'village'],
    ['Khu dân cư', 'village'],
    ['TDP', 'village'],
    ['Tên đường', 'address'],
    ['SĐT', 'phones'],
    ['Số điện thoại', 'phones'],
    ['Mã cơ sở', 'code'],
    ['STT', null],
    ['Trạng thái', 'status'],
    ['Xã/phường', 'commune'],
  ])('%j → %s', (header, field) => {
    expect(guessField(header)).toBe(field);
  });
});
