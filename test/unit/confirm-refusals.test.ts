import { describe, expect, it } from 'vitest';
import { CHECK_KEYS } from '../../shared/domain/inspections';
import { useFreshCore } from '../support/core';

const freshCore = useFreshCore();

describe('far-reaching actions main refuses whatever the window asks', () => {
  it('refuses to demote the last active admin, naming them, and allows it once another admin works', async () => {
    const core = freshCore();
    const admin = await core.signIn('Nguyễn Thị Lan');
    expect(admin.role).toBe('admin');

    const refused = await core.fail('staff.update', { id: admin.id, name: admin.name, role: 'clerk', active: true });
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', field: 'role', message: expect.stringContaining('Nguyễn Thị Lan là quản trị viên duy nhất') });
    expect(await core.call('staff.list', { includeInactive: true })).toMatchObject([{ id: admin.id, role: 'admin', active: true }]);

    await core.call('staff.create', { name: 'Trần Văn Bình', role: 'admin' });
    expect(await core.call('staff.update', { id: admin.id, name: admin.name, role: 'clerk', active: true })).toMatchObject({ role: 'clerk' });
  });

  it('makes one follow-up per round: a second request is a CONFLICT and writes no round', async () => {
    const core = freshCore();
    const staff = await core.signIn('Trần Văn Bình');
    const venue = await core.call('venues.create', { name: 'Quán số 1' });
    const round = await core.call('rounds.create', { name: 'Đợt tháng 11', startsOn: '2026-11-20', team: [{ staffId: staff.id, name: staff.name }], venueIds: [venue.id] });
    const point = (await core.call('venues.get', { id: venue.id })).postingPoints[0].id;
    await core.call('visits.save', {
      roundId: round.id,
      venueId: venue.id,
      visitedOn: '2026-11-20',
      points: [{ postingPointId: point, results: { ...Object.fromEntries(CHECK_KEYS.map((key) => [key, true])), intact: false } }],
      findings: [{ postingPointId: point, category: 'damaged', action: { kind: 'reprint', dueOn: '2026-11-30', responsible: 'Văn phòng xã' } }],
    });
    const closed = await core.call('rounds.close', { id: round.id, version: round.version });
    expect(closed.status).toBe('closed');

    const team = [{ staffId: null, name: 'Tổ kiểm tra' }];
    const first = await core.call('rounds.followUp', { id: round.id, startsOn: '2026-12-05', team });
    const second = await core.fail('rounds.followUp', { id: round.id, startsOn: '2026-12-06', team });
    expect(second).toMatchObject({ code: 'CONFLICT', field: 'followUpOf' });
    expect((await core.call('rounds.list', {})).filter((other) => other.followUpOf === round.id).map((other) => other.id)).toEqual([first.id]);
  });
});
