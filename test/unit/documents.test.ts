import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { documentNumber } from '../../shared/domain/documents';
import { CHECK_KEYS } from '../../shared/domain/inspections';
import { useFreshCore, type TestCore } from '../support/core';

const freshCore = useFreshCore();

// Visits are dated in late 2026; "today" is pinned after them (a visit in the future is refused)
// and moved to the next year where numbering restarts. Only Date is faked.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-20T03:00:00Z'));
});
afterEach(() => vi.useRealTimers());

const allGood = Object.fromEntries(CHECK_KEYS.map((key) => [key, true]));
const pointOf = async (core: TestCore, venueId: string) => (await core.call('venues.get', { id: venueId })).postingPoints[0].id;

/** A round of two venues: the first visited with a poster hidden behind goods, to be moved by a date, the second not yet visited. */
async function visitedRound() {
  const core = freshCore();
  const leader = await core.signIn('Trần Văn Bình');
  const torn = await core.call('venues.create', { name: 'Quán cà phê Hoa Sữa', ownerName: 'Phạm Thị Hoa' });
  const later = await core.call('venues.create', { name: 'Tạp hoá Bà Tư', ownerName: 'Nguyễn Văn Tư' });
  const round = await core.call('rounds.create', {
    name: 'Kiểm tra tháng 11',
    startsOn: '2026-11-20',
    team: [{ staffId: null, name: 'Tổ kiểm tra' }],
    venueIds: [torn.id, later.id],
  });
  const point = await pointOf(core, torn.id);
  await core.call('visits.save', {
    roundId: round.id,
    venueId: torn.id,
    visitedOn: '2026-11-20',
    points: [{ postingPointId: point, results: { ...allGood, intact: false } }],
    findings: [{ postingPointId: point, category: 'hidden', note: 'Bị tủ hàng che', action: { kind: 'relocate', dueOn: '2026-11-30', responsible: 'Văn phòng xã' } }],
  });
  return { core, leader, torn, later, round };
}

describe('document numbers', () => {
  it("are two digits at least, with the kind's symbol", () => {
    expect(documentNumber('round_record', 1)).toBe('01/BB-KT');
    expect(documentNumber('reminder', 7)).toBe('07/GNN');
    expect(documentNumber('round_record', 123)).toBe('123/BB-KT');
  });

  it('follow each other per kind within a year and start again at 01 the next year', async () => {
    const { core, leader, torn, later, round } = await visitedRound();
    /** Another round, visiting the second venue on `day`. */
    const anotherRound = async (day: string) => {
      const next = await core.call('rounds.create', { name: `Kiểm tra ${day}`, startsOn: day, team: [{ staffId: null, name: 'Tổ kiểm tra' }], venueIds: [later.id] });
      await core.call('visits.save', { roundId: next.id, venueId: later.id, visitedOn: day, points: [{ postingPointId: await pointOf(core, later.id), results: allGood }] });
      return next;
    };
    const first = await core.call('documents.issue', { kind: 'round_record', roundId: round.id });
    const reminder = await core.call('documents.issue', { kind: 'reminder', roundId: round.id, venueId: torn.id });
    const second = await core.call('documents.issue', { kind: 'round_record', roundId: (await anotherRound('2026-12-01')).id });
    expect([first.number, reminder.number, second.number]).toEqual(['01/BB-KT', '01/GNN', '02/BB-KT']);
    vi.setSystemTime(new Date('2027-01-02T03:00:00Z'));
    // The session locks after so long unused: say again who is working.
    await core.call('session.start', { staffId: leader.id });
    expect((await core.call('documents.issue', { kind: 'round_record', roundId: (await anotherRound('2027-01-02')).id })).number).toBe('01/BB-KT');
    expect((await core.call('documents.list', { roundId: round.id })).map((issued) => issued.number)).toEqual(['01/BB-KT', '01/GNN']);
  });

  it('are given once: a round has one record and a venue one reminder in it, a second issue is refused naming the first', async () => {
    const { core, torn, round } = await visitedRound();
    await core.call('documents.issue', { kind: 'round_record', roundId: round.id });
    await core.call('documents.issue', { kind: 'reminder', roundId: round.id, venueId: torn.id });
    expect(await core.fail('documents.issue', { kind: 'round_record', roundId: round.id })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('01/BB-KT') });
    expect(await core.fail('documents.issue', { kind: 'reminder', roundId: round.id, venueId: torn.id })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('01/GNN') });
    expect((await core.call('documents.list', { roundId: round.id })).map((issued) => issued.number)).toEqual(['01/BB-KT', '01/GNN']);
  });
});

describe('issued documents are fixed records', () => {
  it('keep what they printed when issued: a later visit, an action done and a renamed venue change only the draft', async () => {
    const { core, torn, later, round } = await visitedRound();
    const record = await core.call('documents.issue', { kind: 'round_record', roundId: round.id });
    const reminder = await core.call('documents.issue', { kind: 'reminder', roundId: round.id, venueId: torn.id });
    expect(record.content).toEqual(await core.call('documents.draft', { kind: 'round_record', roundId: round.id }));

    await core.call('visits.save', {
      roundId: round.id,
      venueId: later.id,
      visitedOn: '2026-11-22',
      points: [{ postingPointId: await pointOf(core, later.id), results: allGood }],
    });
    await core.call('actions.markDone', { id: (await core.call('actions.list', {}))[0].id });
    await core.call('venues.update', { ...(await core.call('venues.get', { id: torn.id })).venue, name: 'Quán Hoa Sữa mới' });

    const draft = await core.call('documents.draft', { kind: 'round_record', roundId: round.id });
    expect(draft.detail.visits).toHaveLength(2);
    expect(await core.call('documents.get', { id: record.id })).toEqual(record);
    expect(await core.call('documents.get', { id: reminder.id })).toEqual(reminder);
    expect(record.content.detail.visits).toHaveLength(1);
    expect(record.content.detail.visits[0].findings[0].action?.status).toBe('open');
    expect(reminder.content.venues.map((venue) => venue.name)).toEqual(['Quán cà phê Hoa Sữa']);
    // The action done: nothing is left to remind, so no new reminder, while the issued one stays.
    expect(await core.fail('documents.issue', { kind: 'reminder', roundId: round.id, venueId: torn.id })).toMatchObject({ code: 'INVALID_INPUT', field: 'venueId' });
  });

  it('are issued by leaders (and admins), and a record only for a round with visits', async () => {
    const { core, round } = await visitedRound();
    const empty = await core.call('rounds.create', { name: 'Chưa đi', startsOn: '2026-12-01', team: [{ staffId: null, name: 'Tổ' }], venueIds: [] });
    expect(await core.fail('documents.issue', { kind: 'round_record', roundId: empty.id })).toMatchObject({ code: 'INVALID_INPUT', field: 'roundId' });
    const inspector = await core.call('staff.create', { name: 'Lê Văn Hùng', role: 'inspector' });
    await core.call('session.start', { staffId: inspector.id });
    expect(await core.fail('documents.issue', { kind: 'round_record', roundId: round.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await core.call('documents.list', { roundId: round.id })).toEqual([]);
  });
});
