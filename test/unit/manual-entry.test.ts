import { describe, expect, it } from 'vitest';
import { manualEntryOf } from '../../shared/qr/manual-entry';

describe('the poster\'s manual-entry line', () => {
  it('offers a minted code\'s short code', () => {
    expect(manualEntryOf('minted', 'DQR1:KB-0042:2:KBXA2Q:AAAA', 'KB-0042')).toBe('KB-0042');
  });

  it('offers an official code only when the whole string is a short id a citizen can type', () => {
    expect(manualEntryOf('official', '4210300042', 'KB-0042')).toBe('4210300042');
    expect(manualEntryOf('official', 'HT-42103-0042', 'KB-0042')).toBe('HT-42103-0042');
    // Never the register's own short code: the national system does not know it.
    for (const payload of [
      'https://qr.gov.vn/c/ABC-123?x=1',
      '42103000420042103000420',
      'ht-42103',
      '4210 3000 42',
      '-4210',
      'A'.repeat(100),
    ]) {
      expect(manualEntryOf('official', payload, 'KB-0042'), payload).toBeNull();
    }
  });
});
