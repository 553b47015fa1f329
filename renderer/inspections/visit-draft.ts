import type { InputOf } from '../../shared/api/contract';
import {
  CHECK_KEYS,
  CHECKS,
  NEEDS_NEW_POSTER,
  type ActionKind,
  type CheckKey,
  type FindingCategory,
} from '../../shared/domain/inspections';
import { addDays, formatDay, parseDay } from './day';
import type { PreparedPhoto } from './photos';

/** What a visit's form holds before it is saved: text as typed, checks as ticked. */
export interface PointDraft {
  postingPointId: string;
  label: string;
  results: Record<CheckKey, boolean>;
  /** The door count, as typed: minutes, people entering, scans. */
  minutes: string;
  people: string;
  scans: string;
}

export interface FindingDraft {
  key: string;
  postingPointId: string;
  /** The failed check this finding was proposed for; null when added by hand. */
  check: CheckKey | null;
  category: FindingCategory;
  note: string;
  photos: PreparedPhoto[];
  /** Photos still being turned upright and shrunk: the visit waits for them before saving. */
  pendingPhotos: number;
  action: { enabled: boolean; kind: ActionKind; dueOn: string; responsible: string };
  requestReprint: boolean;
}

/** Without a poster, the checks about the poster itself were not looked at: they are left out, not failed. */
export const POSTER_CHECKS: ReadonlySet<CheckKey> = new Set(['intact', 'large_enough', 'placed_well', 'laminated', 'current_code']);

/** The usual fix for each kind of problem: the form proposes it, the inspector may change it. */
export const DEFAULT_ACTION: Record<FindingCategory, ActionKind> = {
  missing: 'reprint',
  damaged: 'reprint',
  too_small: 'reprint',
  hidden: 'relocate',
  not_laminated: 'laminate',
  wrong_code: 'reprint',
  low_scanning: 'remind_owner',
  other: 'remind_owner',
};

/** Days an owner gets to fix a problem unless the team says otherwise. */
export const DEFAULT_DAYS_TO_FIX = 14;

/** Every check passed: the team only unticks what is wrong. */
export const allGood = (): Record<CheckKey, boolean> =>
  Object.fromEntries(CHECK_KEYS.map((key) => [key, true])) as Record<CheckKey, boolean>;

export interface FindingDefaults {
  /** The visit's day (yyyy-MM-dd): the due date counts from it. */
  visitedOn: string;
  responsible: string;
}

export function newFinding(postingPointId: string, check: CheckKey | null, category: FindingCategory, defaults: FindingDefaults): FindingDraft {
  return {
    key: crypto.randomUUID(),
    postingPointId,
    check,
    category,
    note: '',
    photos: [],
    pendingPhotos: 0,
    action: {
      enabled: true,
      kind: DEFAULT_ACTION[category],
      dueOn: formatDay(addDays(defaults.visitedOn, DEFAULT_DAYS_TO_FIX)),
      responsible: defaults.responsible,
    },
    requestReprint: NEEDS_NEW_POSTER.has(category),
  };
}

export const findingForCheck = (postingPointId: string, check: CheckKey, defaults: FindingDefaults) =>
  newFinding(postingPointId, check, CHECKS[check], defaults);

/** The findings in the order the form shows them (point by point): their numbers are positions in this list. */
export const inPointOrder = (points: readonly PointDraft[], findings: readonly FindingDraft[]) =>
  points.flatMap((point) => findings.filter((finding) => finding.postingPointId === point.postingPointId));

export const scanPercent = (people: number, scans: number) => (people > 0 ? Math.round((Math.min(scans, people) / people) * 100) : null);

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/** Why the form cannot be sent yet, worded by the page; `number` is the finding's or point's position. */
export type DraftProblem =
  | { kind: 'visitedOn' }
  | { kind: 'observation'; label: string }
  | { kind: 'dueOn'; number: number }
  | { kind: 'photosPending' };

export type DraftResult = { ok: true; input: InputOf<'visits.save'> } | { ok: false; problem: DraftProblem };

/**
 * The form as 'visits.save' takes it. Only what cannot be sent at all is caught here (a day
 * that is not a day, a half-typed door count); the rules (a due date before the visit, a
 * closed venue or round) are the back end's, and its answer is shown.
 */
export function toVisitSave(
  ids: { roundId: string; venueId: string },
  visitedOnText: string,
  note: string,
  points: readonly PointDraft[],
  findings: readonly FindingDraft[],
): DraftResult {
  const visitedOn = parseDay(visitedOnText);
  if (visitedOn === null) return { ok: false, problem: { kind: 'visitedOn' } };
  if (findings.some((finding) => finding.pendingPhotos > 0)) return { ok: false, problem: { kind: 'photosPending' } };

  const pointInputs = [];
  for (const point of points) {
    const counts = [point.minutes, point.people, point.scans];
    const typed = counts.filter((text) => text.trim() !== '');
    const [minutes, people, scans] = counts.map(whole);
    if (typed.length > 0 && (minutes === null || people === null || scans === null || minutes < 1)) {
      return { ok: false, problem: { kind: 'observation', label: point.label } };
    }
    const posterMissing = !point.results.poster_present;
    const results = Object.fromEntries(
      CHECK_KEYS.filter((key) => !(posterMissing && POSTER_CHECKS.has(key))).map((key) => [key, point.results[key]]),
    );
    pointInputs.push({
      postingPointId: point.postingPointId,
      results,
      observation: minutes !== null && people !== null && scans !== null ? { minutes, peopleEntering: people, scans } : null,
    });
  }

  const ordered = inPointOrder(points, findings);
  const findingInputs = [];
  for (const [index, finding] of ordered.entries()) {
    let action = null;
    if (finding.action.enabled) {
      const dueOn = parseDay(finding.action.dueOn);
      if (dueOn === null) return { ok: false, problem: { kind: 'dueOn', number: index + 1 } };
      action = { kind: finding.action.kind, dueOn, responsible: finding.action.responsible };
    }
    findingInputs.push({
      postingPointId: finding.postingPointId,
      category: finding.category,
      note: finding.note,
      photos: finding.photos.map(({ fileName, bytesBase64, thumbnailBase64 }) => ({ fileName, bytesBase64, thumbnailBase64 })),
      action,
      requestReprint: finding.requestReprint && NEEDS_NEW_POSTER.has(finding.category),
    });
  }
  return { ok: true, input: { ...ids, visitedOn, note, points: pointInputs, findings: findingInputs } };
}
