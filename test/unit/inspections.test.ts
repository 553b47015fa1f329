import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHECK_KEYS } from '../../shared/domain/inspections';
import { useFreshCore, type TestCore } from '../support/core';

const freshCore = useFreshCore();

// The visits below are dated in late 2026; "today" is pinned after them so that a visit in the
// future stays refused whatever day the suite runs. Only Date is faked: timers run as usual.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-20T03:00:00Z'));
});
afterEach(() => vi.useRealTimers());

/** A tiny real PNG, as a phone photo stand-in. */
function png(width = 8, height = 8): string {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return PNG.sync.write(image).toString('base64');
}

const allGood = Object.fromEntries(CHECK_KEYS.map((key) => [key, true]));

async function roundWithVenues(count = 3) {
  const core = freshCore();
  const staff = await core.signIn('Trần Văn Bình');
  const venues = [];
  for (let n = 1; n <= count; n++) venues.push(await core.call('venues.create', { name: `Quán số ${n}`, acknowledgeDuplicates: true }));
  const round = await core.call('rounds.create', {
    name: 'Đợt kiểm tra tháng 11',
    startsOn: '2026-11-20',
    team: [{ staffId: staff.id, name: staff.name }, { staffId: null, name: 'Công an xã: Lê Văn Hùng' }],
    venueIds: venues.map((venue) => venue.id),
  });
  return { core, venues, round };
}

const pointOf = async (core: TestCore, venueId: string) => (await core.call('venues.get', { id: venueId })).postingPoints[0].id;

describe('inspection rounds and visits', () => {
  it('records a damaged poster with a photo and an action, queues a reprint, and the print marks the action done', async () => {
    const { core, venues, round } = await roundWithVenues();
    const [damaged] = venues;
    const point = await pointOf(core, damaged.id);
    const visit = await core.call('visits.save', {
      roundId: round.id,
      venueId: damaged.id,
      visitedOn: '2026-11-20',
      points: [{ postingPointId: point, results: { ...allGood, intact: false } }],
      findings: [
        {
          postingPointId: point,
          category: 'damaged',
          note: 'Áp phích rách góc, mã mờ',
          photos: [{ fileName: 'IMG_0001.png', bytesBase64: png(40, 30), thumbnailBase64: png(8, 6) }],
          action: { kind: 'reprint', dueOn: '2026-11-30', responsible: 'Văn phòng xã' },
          requestReprint: true,
        },
      ],
    });
    expect(visit.findings).toHaveLength(1);
    const [finding] = visit.findings;
    expect(finding).toMatchObject({ category: 'damaged', action: { kind: 'reprint', status: 'open' } });
    const photo = await core.call('findings.photo', { photoId: finding.photos[0].id, thumbnail: false });
    expect(PNG.sync.read(Buffer.from(photo.bytesBase64, 'base64')).width).toBe(40);
    expect(fs.readdirSync(path.join(core.dataDir, 'photos'))).toHaveLength(1);

    const queue = await core.call('posters.queue', {});
    expect(queue.find((entry) => entry.venueId === damaged.id)?.requestReasons).toEqual(['damaged']);
    const job = await core.call('posters.createJob', { selection: { kind: 'venues', venueIds: [damaged.id] }, template: 'a4', reason: 'damaged' });
    await core.call('posters.recordPrinted', { jobId: job.jobId });
    expect(await core.call('actions.list', { status: 'done' })).toMatchObject([{ venueId: damaged.id, kind: 'reprint', status: 'done' }]);

    // The follow-up round finds the poster fixed: the action is verified.
    await core.call('rounds.close', { id: round.id, version: round.version, closeWithUnvisited: true });
    const followUp = await core.call('rounds.followUp', { id: round.id, startsOn: '2026-12-05', team: [{ staffId: null, name: 'Tổ kiểm tra' }] });
    expect((await core.call('rounds.get', { id: followUp.id })).plannedVenueIds).toEqual([damaged.id]);
    await core.call('visits.save', {
      roundId: followUp.id,
      venueId: damaged.id,
      visitedOn: '2026-12-05',
      points: [{ postingPointId: point, results: allGood }],
    });
    expect(await core.call('actions.list', { status: 'verified' })).toMatchObject([{ venueId: damaged.id }]);
  });

  it('asks before closing a round with unvisited venues, and refuses edits to a closed round', async () => {
    const { core, venues, round } = await roundWithVenues();
    expect(await core.fail('rounds.close', { id: round.id, version: round.version })).toMatchObject({ code: 'CONFLICT', field: 'closeWithUnvisited' });
    await core.call('rounds.close', { id: round.id, version: round.version, closeWithUnvisited: true });
    const error = await core.fail('visits.save', { roundId: round.id, venueId: venues[0].id, visitedOn: '2026-11-21', points: [] });
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'roundId' });
  });

  it.each([
    ['a finding without a category', { category: undefined }, 'findings.0.category'],
    ['a due date before the visit', { action: { kind: 'laminate', dueOn: '2026-11-01', responsible: 'Chủ cơ sở' } }, 'findings.0.action.dueOn'],
    ['a photo that is not an image', { photos: [{ fileName: 'a.txt', bytesBase64: Buffer.from('hello').toString('base64'), thumbnailBase64: png() }] }, 'findings.0.photos.0'],
  ])('refuses %s, saving nothing', async (_label, patch, field) => {
    const { core, venues, round } = await roundWithVenues(1);
    const point = await pointOf(core, venues[0].id);
    const error = await core.fail('visits.save', {
      roundId: round.id,
      venueId: venues[0].id,
      visitedOn: '2026-11-20',
      points: [{ postingPointId: point, results: { ...allGood, laminated: false } }],
      findings: [{ postingPointId: point, category: 'not_laminated', ...patch } as never],
    });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field });
    expect((await core.call('rounds.get', { id: round.id })).visits).toEqual([]);
    expect(fs.existsSync(path.join(core.dataDir, 'photos')) ? fs.readdirSync(path.join(core.dataDir, 'photos'), { recursive: true }).filter((f) => String(f).includes('.')) : []).toEqual([]);
  });

  it('refuses a visit on a closed venue', async () => {
    const { core, venues, round } = await roundWithVenues(1);
    await core.call('venues.setStatus', { id: venues[0].id, version: venues[0].version, status: 'closed' });
    expect(await core.fail('visits.save', { roundId: round.id, venueId: venues[0].id, visitedOn: '2026-11-20', points: [] })).toMatchObject({ code: 'INVALID_INPUT', field: 'venueId' });
  });

  it('suggests never-inspected venues and those with overdue actions first', async () => {
    const { core, venues, round } = await roundWithVenues(2);
    const point = await pointOf(core, venues[1].id);
    await core.call('visits.save', {
      roundId: round.id,
      venueId: venues[1].id,
      visitedOn: '2020-01-01',
      points: [{ postingPointId: point, results: { ...allGood, placed_well: false } }],
      findings: [{ postingPointId: point, category: 'hidden', action: { kind: 'relocate', dueOn: '2020-01-10', responsible: 'Chủ cơ sở' } }],
    });
    const suggestions = await core.call('rounds.suggest', {});
    expect(suggestions.map((s) => [s.venueName, s.reasons])).toEqual([
      ['Quán số 2', ['open_findings', 'overdue_actions']],
      ['Quán số 1', ['never_inspected']],
    ]);
    expect((await core.call('actions.list', { overdueOnly: true }))[0]).toMatchObject({ kind: 'relocate', overdue: true });
    const done = await core.call('actions.markDone', { id: (await core.call('actions.list', {}))[0].id });
    expect(done.status).toBe('done');
  });
});

describe('what the review of inspections found', () => {
  async function marketWithTwoGates() {
    const { core, venues, round } = await roundWithVenues(1);
    const [market] = venues;
    const gate = await core.call('postingPoints.add', { venueId: market.id, label: 'Cổng phụ' });
    const main = await pointOf(core, market.id);
    await core.call('visits.save', {
      roundId: round.id,
      venueId: market.id,
      visitedOn: '2026-11-20',
      points: [
        { postingPointId: main, results: { ...allGood, intact: false } },
        { postingPointId: gate.id, results: { ...allGood, intact: false } },
      ],
      findings: [main, gate.id].map((postingPointId) => ({
        postingPointId,
        category: 'damaged' as const,
        action: { kind: 'reprint' as const, dueOn: '2026-11-30', responsible: 'Văn phòng xã' },
        requestReprint: true,
      })),
    });
    return { core, round, market, main, gate: gate.id };
  }

  it('a print closes the reprint action and request of its own posting point only', async () => {
    const { core, market, main, gate } = await marketWithTwoGates();
    // With the main entrance retired, a print of the venue makes the side gate's poster only.
    await core.call('postingPoints.retire', { id: main });
    const job = await core.call('posters.createJob', { selection: { kind: 'venues', venueIds: [market.id] }, template: 'a4' });
    expect((await core.call('posters.slice', { jobId: job.jobId })).posters.map((poster) => poster.postingPointId)).toEqual([gate]);
    await core.call('posters.recordPrinted', { jobId: job.jobId });
    const actions = await core.call('actions.list', {});
    expect(actions.map((action) => action.status).sort()).toEqual(['done', 'open']);
    expect((await core.call('posters.queue', {})).find((entry) => entry.venueId === market.id)?.reasons).toEqual(['requested']);
  });

  it('a follow-up visit verifies only the actions of the points it found fixed', async () => {
    const { core, round, market, main, gate } = await marketWithTwoGates();
    await core.call('rounds.close', { id: round.id, version: round.version, closeWithUnvisited: true });
    const followUp = await core.call('rounds.followUp', { id: round.id, startsOn: '2026-12-05', team: [{ staffId: null, name: 'Tổ kiểm tra' }] });
    await core.call('visits.save', {
      roundId: followUp.id,
      venueId: market.id,
      visitedOn: '2026-12-05',
      points: [
        { postingPointId: main, results: allGood },
        { postingPointId: gate, results: { ...allGood, intact: false } },
      ],
    });
    const actions = await core.call('actions.list', {});
    expect(actions.map((action) => action.status).sort()).toEqual(['open', 'verified']);
  });

  it('refuses a day that is not on the calendar and a venue the round did not plan', async () => {
    const { core, venues, round } = await roundWithVenues(1);
    const error = await core.fail('visits.save', { roundId: round.id, venueId: venues[0].id, visitedOn: '2026-02-31', points: [] });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'visitedOn' });
    const stranger = await core.call('venues.create', { name: 'Quán ngoài đợt' });
    expect(await core.fail('visits.save', { roundId: round.id, venueId: stranger.id, visitedOn: '2026-11-20', points: [] })).toMatchObject({ code: 'INVALID_INPUT', field: 'venueId' });
  });
});

describe('a round names only what exists', () => {
  it('an unknown commune, village or team member is refused on its field, and no round is made', async () => {
    const core = freshCore();
    const staff = await core.signIn('Trần Văn Bình');
    const unknown = '0190f1e2-0000-7000-8000-000000000000';
    const base = { name: 'Đợt kiểm tra', startsOn: '2026-11-20', team: [{ staffId: staff.id, name: staff.name }], venueIds: [] };
    expect(await core.fail('rounds.create', { ...base, communeId: unknown })).toMatchObject({ code: 'NOT_FOUND', field: 'communeId' });
    expect(await core.fail('rounds.create', { ...base, villageIds: [unknown] })).toMatchObject({ code: 'NOT_FOUND', field: 'villageIds.0' });
    const team = [...base.team, { staffId: unknown, name: 'Ai đó' }];
    expect(await core.fail('rounds.create', { ...base, team })).toMatchObject({ code: 'NOT_FOUND', field: 'team.1.staffId' });
    expect(await core.call('rounds.list', {})).toEqual([]);
  });
});

describe('suggestions from door counts', () => {
  it('suggests a venue where few of the people entering scanned at the last visit', async () => {
    const { core, venues, round } = await roundWithVenues(2);
    for (const [venue, scans] of [[venues[0], 2], [venues[1], 18]] as const) {
      await core.call('visits.save', {
        roundId: round.id,
        venueId: venue.id,
        visitedOn: '2026-11-20',
        points: [{ postingPointId: await pointOf(core, venue.id), results: allGood, observation: { minutes: 15, peopleEntering: 20, scans } }],
      });
    }
    const suggestions = await core.call('rounds.suggest', {});
    expect(suggestions.map((s) => [s.venueName, s.reasons])).toEqual([['Quán số 1', ['low_scanning']]]);
    const visit = (await core.call('rounds.get', { id: round.id })).visits.find((v) => v.venueId === venues[0].id)!;
    expect(visit.points[0].scanRate).toBeCloseTo(0.1);
  });
});

describe('checks that match the world', () => {
  it('refuses a visit dated after today in Vietnam, even when it is still yesterday in UTC', async () => {
    const { core, venues, round } = await roundWithVenues(1);
    // 20/12 at 18:30 UTC is already 21/12 at 01:30 in Vietnam: 21/12 is today, 22/12 is not yet.
    vi.setSystemTime(new Date('2026-12-20T18:30:00Z'));
    const error = await core.fail('visits.save', { roundId: round.id, venueId: venues[0].id, visitedOn: '2026-12-22', points: [] });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'visitedOn', reason: 'in_future' });
    expect((await core.call('rounds.get', { id: round.id })).visits).toEqual([]);
    await core.call('visits.save', { roundId: round.id, venueId: venues[0].id, visitedOn: '2026-12-21', points: [] });
  });

  it('saves more scans than people entering only when the team acknowledges it', async () => {
    const { core, venues, round } = await roundWithVenues(1);
    const visit = {
      roundId: round.id,
      venueId: venues[0].id,
      visitedOn: '2026-11-20',
      points: [{ postingPointId: await pointOf(core, venues[0].id), results: allGood, observation: { minutes: 15, peopleEntering: 10, scans: 50 } }],
    };
    expect(await core.fail('visits.save', visit)).toMatchObject({ code: 'INVALID_INPUT', field: 'points.0.observation.scans', reason: 'out_of_range' });
    expect((await core.call('rounds.get', { id: round.id })).visits).toEqual([]);
    const saved = await core.call('visits.save', { ...visit, acknowledgeScansAboveEntering: true });
    expect(saved.points[0].observation).toMatchObject({ peopleEntering: 10, scans: 50 });
  });

  it('says a day that does not exist and a number out of range in their own words', async () => {
    const { core, venues, round } = await roundWithVenues(1);
    const notADay = await core.fail('visits.save', { roundId: round.id, venueId: venues[0].id, visitedOn: '2026-02-31', points: [] });
    expect(notADay).toMatchObject({ field: 'visitedOn', reason: 'not_a_date' });
    const badFormat = await core.fail('visits.save', { roundId: round.id, venueId: venues[0].id, visitedOn: '31/02/2026', points: [] });
    expect(badFormat).toMatchObject({ field: 'visitedOn', reason: 'invalid' });
    const farNorth = await core.fail('venues.create', { name: 'Quán ở cực', latitude: 200 });
    expect(farNorth).toMatchObject({ field: 'latitude', reason: 'out_of_range' });
  });
});
