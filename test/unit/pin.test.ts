import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES } from '../../shared/api/contract';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { CURRENT_PIN_PARAMS, hashPin, pinMatches } from '../../main/staff/pin-hash';
import { PinTries } from '../../main/staff/pin-tries';
import { useFreshCore, type TestCore } from '../support/core';

const freshCore = useFreshCore();
afterEach(() => vi.useRealTimers());

/** The stored PIN columns, read straight from the file (no operation may answer them). */
function storedPinOf(core: TestCore, staffId: string) {
  const db = new Database(path.join(core.dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT pin_hash AS hash, pin_salt AS salt, pin_params AS params FROM staff WHERE id = ?').get(staffId) as {
      hash: Buffer | null;
      salt: Buffer | null;
      params: string | null;
    };
  } finally {
    db.close();
  }
}

/** An admin with PIN 2468 and a clerk without one; the clerk is working. */
async function officeWithAdminPin(core: TestCore) {
  const admin = await core.signIn('Nguyễn Thị Lan');
  await core.call('staff.setPin', { newPin: '2468' });
  const clerk = await core.call('staff.create', { name: 'Trần Văn Bình', role: 'clerk' });
  await core.call('session.start', { staffId: clerk.id });
  return { admin, clerk };
}

describe('PIN hashing', () => {
  it('verifies the right PIN only, with a random salt per hash and the parameters kept beside it', () => {
    const one = hashPin('1234');
    const two = hashPin('1234');
    expect(one.salt.equals(two.salt)).toBe(false);
    expect(one.hash.equals(two.hash)).toBe(false);
    expect(one.params).toEqual(CURRENT_PIN_PARAMS);
    expect(pinMatches('1234', one)).toBe(true);
    expect(pinMatches('1235', one)).toBe(false);
    expect(pinMatches('12345', two)).toBe(false);
  });

  it('still checks a PIN hashed with other (older) parameters', () => {
    const older = hashPin('987654', { ...CURRENT_PIN_PARAMS, N: 2 ** 10 });
    expect(pinMatches('987654', older)).toBe(true);
    expect(pinMatches('987655', older)).toBe(false);
  });

  it('answers five wrong tries at once, then makes each further try wait, longer each time', () => {
    let now = 0;
    const tries = new PinTries(() => now);
    for (let i = 0; i < 4; i++) tries.failed('a');
    expect(() => tries.requireMayTry('a')).not.toThrow();
    tries.failed('a');
    expect(() => tries.requireMayTry('a')).toThrow(/30 giây/);
    now = 30_000;
    expect(() => tries.requireMayTry('a')).not.toThrow();
    tries.failed('a');
    expect(() => tries.requireMayTry('a')).toThrow(/60 giây/);
    expect(() => tries.requireMayTry('b')).not.toThrow();
    tries.succeeded('a');
    expect(() => tries.requireMayTry('a')).not.toThrow();
  });
});

describe('PIN per person', () => {
  it('asks for the PIN of whoever set one, refuses a wrong one, and a clerk cannot become the admin without it', async () => {
    const core = freshCore();
    const { admin } = await officeWithAdminPin(core);
    expect(await core.fail('session.start', { staffId: admin.id })).toMatchObject({ code: 'INVALID_INPUT', field: 'pin', reason: 'required' });
    expect(await core.fail('session.start', { staffId: admin.id, pin: '1357' })).toMatchObject({ code: 'WRONG_PIN', field: 'pin' });
    // Still the clerk working: the admin's operations stay refused.
    expect((await core.call('session.get', {})).staff).toMatchObject({ role: 'clerk' });
    expect(await core.fail('settings.update', { idleLockSeconds: 300 })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await core.fail('staff.clearPin', { staffId: admin.id })).toMatchObject({ code: 'FORBIDDEN' });

    expect(await core.call('session.start', { staffId: admin.id, pin: '2468' })).toMatchObject({ id: admin.id, hasPin: true });
    expect(await core.call('settings.update', { idleLockSeconds: 300 })).toMatchObject({ idleLockSeconds: 300 });
  });

  it('waits after five wrong PINs, even for the right one', async () => {
    const core = freshCore();
    const { admin } = await officeWithAdminPin(core);
    for (let i = 0; i < 5; i++) expect(await core.fail('session.start', { staffId: admin.id, pin: '0000' })).toMatchObject({ code: 'WRONG_PIN' });
    expect(await core.fail('session.start', { staffId: admin.id, pin: '2468' })).toMatchObject({ code: 'PIN_WAIT', sentence: { key: 'pin.wait', values: { seconds: 30 } } });
  });

  it('changes and removes one\'s own PIN only with the current one; bad input names the field and writes nothing', async () => {
    const core = freshCore();
    const me = await core.signIn('Nguyễn Thị Lan');
    expect(await core.fail('staff.setPin', { newPin: '12a4' })).toMatchObject({ code: 'INVALID_INPUT', field: 'newPin' });
    expect(await core.fail('staff.setPin', { newPin: '123' })).toMatchObject({ code: 'INVALID_INPUT', field: 'newPin' });
    expect(await core.fail('staff.setPin', { newPin: '123456789' })).toMatchObject({ code: 'INVALID_INPUT', field: 'newPin' });
    expect(storedPinOf(core, me.id).hash).toBeNull();

    expect(await core.call('staff.setPin', { newPin: '1234' })).toMatchObject({ hasPin: true });
    const first = storedPinOf(core, me.id);
    expect(JSON.parse(first.params!)).toEqual(CURRENT_PIN_PARAMS);
    expect(await core.fail('staff.setPin', { newPin: '5678' })).toMatchObject({ code: 'INVALID_INPUT', field: 'currentPin', reason: 'required' });
    expect(await core.fail('staff.setPin', { currentPin: '4321', newPin: '5678' })).toMatchObject({ code: 'WRONG_PIN', field: 'currentPin' });
    expect(storedPinOf(core, me.id).hash!.equals(first.hash!)).toBe(true);

    await core.call('staff.setPin', { currentPin: '1234', newPin: '56781234' });
    expect(await core.fail('session.start', { staffId: me.id, pin: '1234' })).toMatchObject({ code: 'WRONG_PIN' });
    await core.call('session.start', { staffId: me.id, pin: '56781234' });
    expect(await core.call('staff.setPin', { currentPin: '56781234', newPin: null })).toMatchObject({ hasPin: false });
    expect(storedPinOf(core, me.id)).toEqual({ hash: null, salt: null, params: null });
    await core.call('session.start', { staffId: me.id });
  });

  it('lets an admin clear a forgotten PIN', async () => {
    const core = freshCore();
    const admin = await core.signIn('Nguyễn Thị Lan');
    const clerk = await core.call('staff.create', { name: 'Trần Văn Bình', role: 'clerk' });
    await core.call('session.start', { staffId: clerk.id });
    await core.call('staff.setPin', { newPin: '1111' });
    await core.call('session.start', { staffId: admin.id });
    expect(await core.call('staff.clearPin', { staffId: clerk.id })).toMatchObject({ hasPin: false });
    expect(await core.call('session.start', { staffId: clerk.id })).toMatchObject({ id: clerk.id });
  });

  it('never answers the hash or the salt: not in staff.list, the session, nor the audit log', async () => {
    const core = freshCore();
    const { admin } = await officeWithAdminPin(core);
    const { hash, salt } = storedPinOf(core, admin.id);
    const secrets = [hash!, salt!].flatMap((bytes) => [bytes.toString('hex'), bytes.toString('base64')]);
    const answers = [
      await core.call('staff.list', { includeInactive: true }),
      await core.call('session.start', { staffId: admin.id, pin: '2468' }),
      await core.call('session.get', {}),
      await core.call('audit.list', { entity: 'staff', entityId: admin.id }),
      await core.call('staff.setPin', { currentPin: '2468', newPin: '2468' }),
    ];
    const text = JSON.stringify(answers);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/pin_?hash|pin_?salt|scrypt/i);
    expect(OPERATION_NAMES.filter((name) => /pin/i.test(name))).toEqual(['staff.setPin', 'staff.clearPin']);
  });
});

describe('idle lock', () => {
  it('locks after the idle time: operations are refused with SESSION_LOCKED until the PIN unlocks', async () => {
    // Idle time runs on the monotonic clock (performance.now), not the date a test or a clerk may set.
    vi.useFakeTimers({ toFake: ['performance'] });
    const core = freshCore();
    await core.signIn('Nguyễn Thị Lan');
    await core.call('settings.update', { idleLockSeconds: 300 });
    await core.call('staff.setPin', { newPin: '2468' });
    vi.advanceTimersByTime(299_000);
    await core.call('venues.list', {});
    // The call just made counts as activity: another 299 s later, still open.
    vi.advanceTimersByTime(299_000);
    expect(await core.call('session.status', {})).toMatchObject({ locked: false, idleLockSeconds: 300 });
    vi.advanceTimersByTime(2_000);
    expect(await core.fail('venues.list', {})).toMatchObject({ code: 'SESSION_LOCKED' });
    expect(await core.fail('venues.create', { name: 'Chợ Kỳ Bắc' })).toMatchObject({ code: 'SESSION_LOCKED' });
    expect(await core.fail('session.touch', {})).toMatchObject({ code: 'SESSION_LOCKED' });
    expect(await core.call('session.status', {})).toMatchObject({ locked: true });

    expect(await core.fail('session.unlock', {})).toMatchObject({ code: 'INVALID_INPUT', field: 'pin' });
    expect(await core.fail('session.unlock', { pin: '1111' })).toMatchObject({ code: 'WRONG_PIN' });
    expect(await core.fail('venues.list', {})).toMatchObject({ code: 'SESSION_LOCKED' });
    await core.call('session.unlock', { pin: '2468' });
    expect(await core.call('venues.list', {})).toMatchObject({ total: 0 });
  });

  it('does not lock when set off, and user input (session.touch) keeps it open', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const core = freshCore();
    await core.signIn('Nguyễn Thị Lan');
    await core.call('settings.update', { idleLockSeconds: 60 });
    vi.advanceTimersByTime(50_000);
    await core.call('session.touch', {});
    vi.advanceTimersByTime(50_000);
    await core.call('settings.update', { idleLockSeconds: 0 });
    vi.advanceTimersByTime(3_600_000);
    expect(await core.call('venues.list', {})).toMatchObject({ total: 0 });
    expect(await core.fail('settings.update', { idleLockSeconds: 2 })).toMatchObject({ code: 'INVALID_INPUT', field: 'idleLockSeconds' });
  });

  it('is not set off by the PC\'s date moving forward', async () => {
    const core = freshCore();
    await core.signIn('Nguyễn Thị Lan');
    await core.call('settings.update', { idleLockSeconds: 60 });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3_600_000);
    expect(await core.call('venues.list', {})).toMatchObject({ total: 0 });
  });
});
