import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { newId } from '../../main/core/ids';

describe('record ids', () => {
  it('are valid UUIDv7, all different, and sort in the order they were made, past one draw of random bytes', () => {
    const ids = Array.from({ length: 5_000 }, () => newId());
    for (const id of ids.slice(0, 300)) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
