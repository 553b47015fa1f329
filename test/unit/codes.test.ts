import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadOrCreateOfficeKey } from '../../main/codes/office-key';
import { isUsablePublicKey, verifyStrict } from '../../main/codes/strict-ed25519';
import { postersThatHold } from '../../shared/qr/qr-options';
import { useFreshCore, type TestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';

const freshCore = useFreshCore();

async function officeWithVenue(name = 'Chợ Kỳ Bắc') {
  const core = freshCore();
  await core.signIn();
  const venue = await core.call('venues.create', { name, type: 'market' });
  return { core, venue };
}

const verify = (core: TestCore, text: string, expectedVenueId?: string) => core.call('codes.verify', { text, expectedVenueId });

describe('minted codes', () => {
  it('are issued on demand, signed, and verify as genuine and current', async () => {
    const { core, venue } = await officeWithVenue();
    const code = await core.call('codes.ensure', { venueId: venue.id });
    expect(code).toMatchObject({ revision: 1, source: 'minted' });
    expect(code.payload).toMatch(/^DQR1:CS-0001:1:[A-Z2-7]{6}:[A-Z2-7]{103}$/);
    expect(await core.call('codes.ensure', { venueId: venue.id })).toEqual(code);
    expect(await verify(core, code.payload)).toMatchObject({ verdict: 'genuine_current', venueId: venue.id, shortCode: 'CS-0001', revision: 1 });
  });

  it('read from every poster\'s distance, bare or in a capitals link; a link that would not is refused', async () => {
    const { core, venue } = await officeWithVenue();
    const bare = (await core.call('codes.ensure', { venueId: venue.id })).payload;
    expect(postersThatHold(bare)).toEqual(['a4', 'a5', 'a6']);
    const refused = await core.fail('settings.update', { codeUrlTemplate: 'https://qr.kybac.gov.vn/v?c={code}' });
    expect(refused).toMatchObject({ field: 'codeUrlTemplate', message: expect.stringMatching(/^Đường dẫn quá dài: .*trên khổ A4 chỉ đọc được từ 2,1 m, cần 2,5 m.*HTTPS:\/\/KYBAC\.VN\/Q\/\{code\}/) });
    await core.call('settings.update', { codeUrlTemplate: 'HTTPS://KYBAC.VN/Q/{code}' });
    const wrapped = (await core.call('codes.revoke', { venueId: venue.id, reason: 'moved' })).payload;
    expect(wrapped).toMatch(/^HTTPS:\/\/KYBAC\.VN\/Q\/DQR1:CS-0001:2:/);
    expect(postersThatHold(wrapped)).toEqual(['a4', 'a5', 'a6']);
    expect(await verify(core, wrapped)).toMatchObject({ verdict: 'genuine_current', revision: 2 });
  });

  it('verify inside a link with more after the code ("…/{code}/V1"), and nowhere else', async () => {
    const { core, venue } = await officeWithVenue();
    await core.call('settings.update', { codeUrlTemplate: 'HTTPS://KB.VN/{code}/V1' });
    const wrapped = (await core.call('codes.ensure', { venueId: venue.id })).payload;
    expect(wrapped).toMatch(/^HTTPS:\/\/KB\.VN\/DQR1:CS-0001:1:[A-Z2-7]{6}:[A-Z2-7]{103}\/V1$/);
    expect(await verify(core, wrapped)).toMatchObject({ verdict: 'genuine_current', revision: 1 });
    expect((await verify(core, wrapped.replace('/V1', '/V2'))).verdict).not.toMatch(/genuine/);
    expect((await verify(core, `${wrapped}X`)).verdict).not.toMatch(/genuine/);
  });

  it('give the right verdict for an altered character, another venue, an old revision and another office', async () => {
    const { core, venue } = await officeWithVenue();
    const other = await core.call('venues.create', { name: 'Nhà nghỉ Hoà Bình' });
    const first = (await core.call('codes.ensure', { venueId: venue.id })).payload;

    const altered = first.replace(':CS-0001:', ':CS-0002:');
    expect((await verify(core, altered)).verdict).toBe('invalid_signature');
    // Every single-character change of the signature is caught, wherever it falls.
    const signatureStart = first.lastIndexOf(':') + 1;
    for (const position of [signatureStart, signatureStart + 50, first.length - 1]) {
      const changed = first[position] === 'A' ? 'B' : 'A';
      const tampered = first.slice(0, position) + changed + first.slice(position + 1);
      expect((await verify(core, tampered)).verdict).toBe('invalid_signature');
    }

    expect((await verify(core, first, other.id)).verdict).toBe('other_venue');

    await core.call('codes.revoke', { venueId: venue.id, reason: 'lost' });
    expect(await verify(core, first)).toMatchObject({ verdict: 'outdated_revision', revision: 1, currentRevision: 2 });

    // Another office's key: unknown until trusted, then genuine but "another office's".
    const elsewhere = makeTempDir();
    const theirKey = loadOrCreateOfficeKey(elsewhere.dir, null);
    const { mintPayload } = await import('../../main/codes/minted-payload');
    const theirs = mintPayload({ shortCode: 'KP-0007', revision: 1, keyId: theirKey.keyId }, theirKey.privateKey);
    expect((await verify(core, theirs)).verdict).toBe('unknown_office');
    await core.call('codes.trustKey', { officeName: 'UBND xã Kỳ Phong', publicKey: theirKey.publicKey.toString('base64') });
    expect(await verify(core, theirs)).toMatchObject({ verdict: 'other_office', officeName: 'UBND xã Kỳ Phong' });
    // A forger who claims their key id signs with a key of their own.
    const forger = crypto.generateKeyPairSync('ed25519').privateKey;
    expect((await verify(core, mintPayload({ shortCode: 'KP-0007', revision: 1, keyId: theirKey.keyId }, forger))).verdict).toBe('invalid_signature');
    elsewhere.remove();

    expect((await verify(core, 'https://example.com/not-a-code')).verdict).toBe('unrecognised');
  });

  it('shares the office public key, which verifies its codes', async () => {
    const { core, venue } = await officeWithVenue();
    const key = await core.call('codes.officeKey', {});
    expect(Buffer.from(key.publicKey, 'base64')).toHaveLength(32);
    const payload = (await core.call('codes.ensure', { venueId: venue.id })).payload;
    expect(payload).toContain(`:${key.keyId}:`);
  });
});

describe('official codes', () => {
  it('are kept byte for byte and verify by exact match; a new one outdates the old', async () => {
    const { core, venue } = await officeWithVenue();
    const official = '  https://qr.gov.vn/?id=ABC123&x=ñ ';
    const code = await core.call('codes.setOfficial', { venueId: venue.id, payload: official });
    expect(code).toMatchObject({ source: 'official', payload: official, revision: 1 });
    expect((await verify(core, official)).verdict).toBe('official_current');
    await core.call('codes.setOfficial', { venueId: venue.id, payload: 'NEW-OFFICIAL-CODE' });
    expect((await verify(core, official)).verdict).toBe('outdated_revision');
    const history = await core.call('codes.list', { venueId: venue.id });
    expect(history.map((entry) => [entry.revision, entry.revokedAt === null])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it('are refused when no poster size reads them from its distance, saying why', async () => {
    const { core, venue } = await officeWithVenue();
    const refused = await core.fail('codes.setOfficial', { venueId: venue.id, payload: `https://qr.gov.vn/?id=${'x'.repeat(978)}` });
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', field: 'payload', message: expect.stringMatching(/^Mã dài 1\.000 ký tự: trên khổ A4 chỉ đọc được từ 1,0 m, cần 2,5 m .*Không khổ giấy nào/) });
    expect(await core.call('codes.list', { venueId: venue.id })).toEqual([]);
  });

  it('print on the sizes that read them: a long one is refused on A4 with the size that can, and prints on A6', async () => {
    const { core, venue } = await officeWithVenue();
    await core.call('codes.setOfficial', { venueId: venue.id, payload: `https://qr.gov.vn/?id=${'x'.repeat(130)}` });
    const refused = await core.fail('posters.createJob', { selection: { kind: 'venues', venueIds: [venue.id] }, template: 'a4' });
    expect(refused).toMatchObject({ field: 'template', message: expect.stringMatching(/^Cơ sở CS-0001: Mã dài 152 ký tự: trên khổ A4 chỉ đọc được từ .* m, cần 2,5 m \(dán ở lối vào\)\. Hãy in khổ A5, A6\.$/) });
    const job = await core.call('posters.createJob', { selection: { kind: 'venues', venueIds: [venue.id] }, template: 'sheet_4xa6' });
    expect(job).toMatchObject({ template: 'sheet_4xa6', posters: 1 });
  });

  it('refuse a public key that is not 32 bytes', async () => {
    const { core } = await officeWithVenue();
    const error = await core.fail('codes.trustKey', { officeName: 'Xã X', publicKey: Buffer.alloc(31).toString('base64') + 'AAAAAAAAAAAAAAAAAA' });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'publicKey' });
  });
});

describe('print jobs, history and the reprint queue', () => {
  it('prints one poster per posting point, records the prints and empties the queue', async () => {
    const { core, venue } = await officeWithVenue();
    const hotel = await core.call('venues.create', { name: 'Nhà nghỉ Hoà Bình' });
    await core.call('postingPoints.add', { venueId: venue.id, label: 'Cổng phía Nam' });
    expect((await core.call('posters.queue', {})).map((entry) => [entry.venueName, entry.reasons])).toEqual([
      ['Chợ Kỳ Bắc', ['never_printed']],
      ['Nhà nghỉ Hoà Bình', ['never_printed']],
    ]);
    const job = await core.call('posters.createJob', { selection: { kind: 'queue' }, template: 'sheet_4xa6', reason: 'new', laminated: true });
    expect(job).toMatchObject({ posters: 3, pages: 1, template: 'sheet_4xa6' });
    const slice = await core.call('posters.slice', { jobId: job.jobId });
    expect(slice.posters.map((poster) => [poster.venueName, poster.postingPointLabel])).toEqual([
      ['Chợ Kỳ Bắc', 'Cửa chính'],
      ['Chợ Kỳ Bắc', 'Cổng phía Nam'],
      ['Nhà nghỉ Hoà Bình', 'Cửa chính'],
    ]);
    expect(slice.posters[0].officeName).toBe('ỦY BAN NHÂN DÂN XÃ');
    expect(await core.call('posters.recordPrinted', { jobId: job.jobId })).toEqual({ recorded: 3 });
    expect(await core.call('posters.queue', {})).toEqual([]);
    const history = await core.call('posters.history', { venueId: venue.id });
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ template: 'sheet_4xa6', reason: 'new', laminated: true, output: 'printer', revision: 1, printedBy: 'Nguyễn Thị Lan' });

    // Revoking a code puts the venue back in the queue until its new poster is printed.
    await core.call('codes.revoke', { venueId: hotel.id, reason: 'lost' });
    expect((await core.call('posters.queue', {})).map((entry) => [entry.venueName, entry.reasons])).toEqual([['Nhà nghỉ Hoà Bình', ['code_revoked']]]);
  });

  it('selects venues by the list filter', async () => {
    const { core } = await officeWithVenue();
    await core.call('venues.create', { name: 'Quán cà phê Đường Sắt', type: 'cafe' });
    const job = await core.call('posters.createJob', { selection: { kind: 'filter', query: { type: 'cafe' } }, template: 'a4' });
    expect(job).toMatchObject({ posters: 1, pages: 1 });
  });

  it('says clearly when there is nothing to print', async () => {
    const { core } = await officeWithVenue();
    await core.call('posters.recordPrinted', {
      jobId: (await core.call('posters.createJob', { selection: { kind: 'queue' }, template: 'a4' })).jobId,
    });
    expect(await core.fail('posters.createJob', { selection: { kind: 'queue' }, template: 'a4' })).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('venue list poster filters', () => {
  it('finds venues with no poster, with an old poster, and in the queue', async () => {
    const { core } = await officeWithVenue();
    const printed = await core.call('venues.create', { name: 'Nhà nghỉ Hoà Bình' });
    const names = async (query: Record<string, unknown>) => (await core.call('venues.list', query)).items.map((v) => v.name);
    await core.call('posters.recordPrinted', {
      jobId: (await core.call('posters.createJob', { selection: { kind: 'venues', venueIds: [printed.id] }, template: 'a4' })).jobId,
    });
    expect(await names({ poster: 'none' })).toEqual(['Chợ Kỳ Bắc']);
    expect(await names({ poster: 'queued' })).toEqual(['Chợ Kỳ Bắc']);
    expect(await names({ poster: 'older', posterMonths: 1 })).toEqual([]);
    // Age the print by two months, as if it had been made in the autumn.
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(`${core.dataDir}/diem-qr.sqlite3`);
    raw.prepare("UPDATE prints SET printed_at = datetime('now', '-2 months')").run();
    raw.close();
    expect(await names({ poster: 'older', posterMonths: 1 })).toEqual(['Nhà nghỉ Hoà Bình']);
    expect(await names({ poster: 'older', posterMonths: 3 })).toEqual([]);
    await core.call('codes.revoke', { venueId: printed.id, reason: 'damaged' });
    expect(await names({ poster: 'queued' })).toEqual(['Chợ Kỳ Bắc', 'Nhà nghỉ Hoà Bình']);
  });
});

describe('official codes in bulk', () => {
  const csv = (lines: string[]) => ({ fileName: 'ma-quoc-gia.csv', bytesBase64: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`).toString('base64') });

  it('records each venue\'s official string exactly, and writes nothing when a row is wrong', async () => {
    const { core, venue } = await officeWithVenue();
    const hotel = await core.call('venues.create', { name: 'Nhà nghỉ Hoà Bình' });
    const wrong = await core.fail('codes.importOfficial', csv(['Mã cơ sở;Mã QR', `${venue.code};QG-001`, 'CS-9999;QG-999']));
    expect(wrong).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/dòng 3: không có cơ sở mã "CS-9999"/) });
    expect(await core.call('codes.list', { venueId: venue.id })).toEqual([]);

    const summary = await core.call('codes.importOfficial', csv(['STT;Mã cơ sở;Tên;Chuỗi mã', `1;${venue.code};Chợ;QG-001?a=1&b=Đ`, `2;${hotel.code.toLowerCase()};Nhà nghỉ;QG-002`]));
    expect(summary).toEqual({ updated: 2, unchanged: 0 });
    expect((await core.call('codes.list', { venueId: venue.id }))[0]).toMatchObject({ source: 'official', payload: 'QG-001?a=1&b=Đ' });
    expect((await core.call('codes.verify', { text: 'QG-002' })).verdict).toBe('official_current');
    expect(await core.call('codes.importOfficial', csv(['Mã cơ sở;Mã QR', `${venue.code};QG-001?a=1&b=Đ`]))).toEqual({ updated: 0, unchanged: 1 });
  });
});

describe('the office key', () => {
  it('is refused, not silently replaced, when its file is lost or swapped', async () => {
    const core = freshCore();
    const { openAppCore } = await import('../../main/core/app-core');
    const fs = await import('node:fs');
    const keyFile = `${core.dataDir}/keys/office-ed25519.pem`;
    const original = fs.readFileSync(keyFile);
    core.close();
    fs.rmSync(keyFile);
    expect(() => openAppCore({ dataDir: core.dataDir, appVersion: 'x' })).toThrow(expect.objectContaining({ code: 'KEY_MISSING' }));
    const other = makeTempDir();
    loadOrCreateOfficeKey(other.dir, null);
    fs.copyFileSync(`${other.dir}/keys/office-ed25519.pem`, keyFile);
    other.remove();
    expect(() => openAppCore({ dataDir: core.dataDir, appVersion: 'x' })).toThrow(/không phải khoá đã dùng để ký/);
    fs.writeFileSync(keyFile, original);
    openAppCore({ dataDir: core.dataDir, appVersion: 'x' }).close();
  });

  it('verifies only the exact text issued: not inside another link, not re-spelt', async () => {
    const { core, venue } = await officeWithVenue();
    const payload = (await core.call('codes.ensure', { venueId: venue.id })).payload;
    for (const text of [`https://evil.example/pay?x=${payload}`, payload.toLowerCase(), payload.replace(':1:', ':01:'), `${payload}X`]) {
      expect((await verify(core, text)).verdict, text).not.toMatch(/genuine/);
    }
  });

  it('refuses a second key that claims a trusted key\'s id', async () => {
    const { core } = await officeWithVenue();
    const own = await core.call('codes.officeKey', {});
    expect(await core.fail('codes.trustKey', { officeName: 'Giả mạo', publicKey: own.publicKey })).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('keys and signatures that would let anyone sign', () => {
  // The identity point (order 1) and the all-zero encoding (order 4): with either as the key,
  // R = identity and S = 0 satisfy a cofactorless check for every message (the identity key) or one in four.
  const IDENTITY = Buffer.concat([Buffer.from([1]), Buffer.alloc(31)]);
  const ALL_ZERO = Buffer.alloc(32);
  const FORGED = Buffer.concat([IDENTITY, Buffer.alloc(32)]);
  const spki = (raw: Buffer) => crypto.createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]), format: 'der', type: 'spki' });

  it('a signature forged for a small-order key verifies with Node alone, never with the app', () => {
    const message = Buffer.from('DQR1:CS-0001:1:AAAAAA');
    expect(crypto.verify(null, message, spki(IDENTITY), FORGED)).toBe(true);
    expect(verifyStrict(FORGED, message, IDENTITY)).toBe(false);
    expect(isUsablePublicKey(ALL_ZERO)).toBe(false);
  });

  it('a signature whose S is not reduced (S + L) is refused, though it is the same signature in the group', () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
    const message = Buffer.from('manifest');
    const signature = crypto.sign(null, message, privateKey);
    expect(verifyStrict(signature, message, raw)).toBe(true);
    const L = (1n << 252n) + 27742317777372353535851937790883648493n;
    const s = BigInt(`0x${Buffer.from(signature.subarray(32)).reverse().toString('hex')}`) + L;
    const unreduced = Buffer.from(s.toString(16).padStart(64, '0'), 'hex').reverse();
    expect(verifyStrict(Buffer.concat([signature.subarray(0, 32), unreduced]), message, raw)).toBe(false);
  });

  it('trusting the all-zero or the identity key is refused on its field', async () => {
    const { core } = await officeWithVenue();
    for (const raw of [ALL_ZERO, IDENTITY]) {
      expect(await core.fail('codes.trustKey', { officeName: 'Ai cũng ký được', publicKey: raw.toString('base64') })).toMatchObject({
        code: 'INVALID_INPUT',
        field: 'publicKey',
      });
    }
  });
});
