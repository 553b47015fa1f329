import { describe, expect, it } from 'vitest';
import { useFreshCore } from '../support/core';

const freshCore = useFreshCore();

/** An admin, a clerk who adds two venues and renames one, and a round: entries by two people about three kinds of record. */
async function officeWithHistory() {
  const core = freshCore();
  const admin = await core.signIn('Nguyễn Thị Lan');
  const clerk = await core.call('staff.create', { name: 'Trần Văn Bình', role: 'clerk' });
  await core.call('session.start', { staffId: clerk.id });
  const market = await core.call('venues.create', { name: 'Chợ Kỳ Bắc', acknowledgeDuplicates: true });
  await core.call('venues.create', { name: 'Quán Cô Ba', acknowledgeDuplicates: true });
  await core.call('venues.update', { id: market.id, version: market.version, name: 'Chợ Kỳ Bắc mới' });
  await core.call('session.start', { staffId: admin.id });
  return { core, admin, clerk, market };
}

describe('audit.search (the office history page)', () => {
  it('lists every entry newest first, names the record as it is now and the venue to open', async () => {
    const { core, market } = await officeWithHistory();
    const { entries, nextBefore } = await core.call('audit.search', {});
    expect(nextBefore).toBeNull();
    expect(entries.map((entry) => entry.id)).toEqual([...entries.map((entry) => entry.id)].sort().reverse());
    const rename = entries.find((entry) => entry.action === 'update' && entry.entity === 'venue');
    expect(rename).toMatchObject({ staffName: 'Trần Văn Bình', subject: 'Chợ Kỳ Bắc mới', venueId: market.id, before: { name: 'Chợ Kỳ Bắc' } });
    const newPerson = entries.find((entry) => entry.entity === 'staff' && entry.action === 'create' && entry.entityId !== entry.staffId);
    expect(newPerson).toMatchObject({ subject: 'Trần Văn Bình', venueId: null });
  });

  it('narrows by person, by kind of record and by time', async () => {
    const { core, clerk } = await officeWithHistory();
    const byClerk = await core.call('audit.search', { staffId: clerk.id });
    expect(byClerk.entries.length).toBeGreaterThanOrEqual(3);
    expect(new Set(byClerk.entries.map((entry) => entry.staffName))).toEqual(new Set(['Trần Văn Bình']));
    const staffOnly = await core.call('audit.search', { entity: 'staff' });
    expect(staffOnly.entries.length).toBeGreaterThan(0);
    expect(staffOnly.entries.every((entry) => entry.entity === 'staff')).toBe(true);
    const everything = await core.call('audit.search', {});
    const newest = everything.entries[0].at;
    expect((await core.call('audit.search', { since: new Date(Date.parse(newest) + 1000).toISOString() })).entries).toEqual([]);
    expect((await core.call('audit.search', { until: new Date(Date.parse(everything.entries.at(-1)!.at)).toISOString() })).entries).toEqual([]);
  });

  it('pages on from the last entry shown, without repeats or gaps', async () => {
    const { core } = await officeWithHistory();
    const all = (await core.call('audit.search', {})).entries.map((entry) => entry.id);
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await core.call('audit.search', { limit: 2, ...(before && { before }) });
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.entries.map((entry) => entry.id));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(seen).toEqual(all);
  });

  it('is for admins only', async () => {
    const { core, clerk } = await officeWithHistory();
    await core.call('session.start', { staffId: clerk.id });
    expect(await core.fail('audit.search', {})).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('issuing a document', () => {
  it('is in the round\'s history with its number', async () => {
    const core = freshCore();
    const admin = await core.signIn('Nguyễn Thị Lan');
    const venue = await core.call('venues.create', { name: 'Chợ Kỳ Bắc', acknowledgeDuplicates: true });
    const round = await core.call('rounds.create', { name: 'Đợt tháng 11', startsOn: '2026-11-02', team: [{ staffId: admin.id, name: admin.name }], venueIds: [venue.id] });
    const point = (await core.call('venues.get', { id: venue.id })).postingPoints[0].id;
    await core.call('visits.save', { roundId: round.id, venueId: venue.id, visitedOn: '2026-11-02', points: [{ postingPointId: point, results: {} }] });
    const issued = await core.call('documents.issue', { kind: 'round_record', roundId: round.id });
    const { entries } = await core.call('audit.search', { entity: 'round' });
    expect(entries.find((entry) => entry.action === 'document_issued')).toMatchObject({
      entityId: round.id,
      staffName: 'Nguyễn Thị Lan',
      subject: 'Đợt tháng 11',
      after: { kind: 'round_record', number: issued.number },
    });
  });
});
