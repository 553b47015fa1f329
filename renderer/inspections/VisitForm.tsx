import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKS, type CheckKey, type Round, type Visit } from '../../shared/domain/inspections';
import type { PostingPoint, Venue } from '../../shared/domain/venue';
import { api } from '../api/client';
import { TextField } from '../forms/TextField';
import { useLeaveGuard } from '../forms/use-leave-guard';
import { dayProblem, formatDay, parseDay, today, type DayProblem } from './day';
import { FindingEditor } from './FindingEditor';
import { PointChecks } from './PointChecks';
import { useInspectionErrorText } from './use-inspection-error-text';
import { VerifyPoster } from './VerifyPoster';
import {
  allGood,
  findingForCheck,
  inPointOrder,
  newFinding,
  toVisitSave,
  type DraftProblem,
  type FindingDraft,
  type PointDraft,
} from './visit-draft';
import { draftTime, dropVisitDraft, keepVisitDraft, type VisitDraft } from './visit-draft-store';

interface Props {
  round: Round;
  venue: Venue;
  postingPoints: PostingPoint[];
  /** The form as it was left, when the clerk chose to carry on with it. */
  draft: VisitDraft | null;
  onSaved(visit: Visit): void;
}

/** Half a second after the last change: a draft is kept without writing photos at every keystroke. */
const KEEP_AFTER_MS = 500;

/**
 * The venue's points as they are now, each with what the draft held for it: a point retired
 * since the draft is left out with its findings; photos still being prepared were lost with the page.
 */
function pointsFrom(postingPoints: PostingPoint[], draft: VisitDraft | null): PointDraft[] {
  return postingPoints.map(
    (point) =>
      draft?.points.find((kept) => kept.postingPointId === point.id) ?? {
        postingPointId: point.id,
        label: point.label,
        results: allGood(),
        minutes: '',
        people: '',
        scans: '',
      },
  );
}

const findingsFrom = (postingPoints: PostingPoint[], draft: VisitDraft | null): FindingDraft[] =>
  (draft?.findings ?? [])
    .filter((finding) => postingPoints.some((point) => point.id === finding.postingPointId))
    .map((finding) => ({ ...finding, pendingPhotos: 0 }));

/** The day typed for the round's last visit: the next venue was most likely seen the same day. */
const lastVisitDay = new Map<string, string>();

/** The round's day nearest today: results typed after a one-day round carry that day. */
function defaultVisitDay(round: Round): string {
  const now = today();
  const last = round.endsOn ?? round.startsOn;
  return now < round.startsOn ? round.startsOn : now > last ? last : now;
}

export function VisitForm({ round, venue, postingPoints, draft, onSaved }: Props) {
  const { t } = useTranslation();
  const errorText = useInspectionErrorText();
  const [visitedOn, setVisitedOn] = useState(() => draft?.visitedOn ?? lastVisitDay.get(round.id) ?? formatDay(defaultVisitDay(round)));
  const [note, setNote] = useState(draft?.note ?? '');
  const [points, setPoints] = useState<PointDraft[]>(() => pointsFrom(postingPoints, draft));
  const [findings, setFindings] = useState<FindingDraft[]>(() => findingsFrom(postingPoints, draft));
  const [keptAt, setKeptAt] = useState(draft?.savedAt);
  const [keepFailed, setKeepFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  /** Door counts with more scans than people entering, shown for the team to confirm before saving. */
  const [scansToConfirm, setScansToConfirm] = useState<Array<{ label: string; people: number; scans: number }>>([]);

  // Every change makes new state, so "changed since opened" is the state no longer being the first.
  const [opened] = useState(() => ({ visitedOn, note, points, findings }));
  const changed = visitedOn !== opened.visitedOn || note !== opened.note || points !== opened.points || findings !== opened.findings;
  const { dialog: leaveDialog, release } = useLeaveGuard(changed, {
    consequence: keepFailed ? undefined : t('unsaved.visit.kept'),
    leave: keepFailed ? undefined : t('unsaved.visit.leave'),
    // A draft keeps the work through a closed window; a failed draft does not.
    onUnload: keepFailed,
  });

  // The draft to keep: written shortly after the last change, and at once when the form goes away.
  const toKeep = useRef<VisitDraft | null>(null);
  const keep = useRef(() => {
    const next = toKeep.current;
    toKeep.current = null;
    if (!next) return;
    keepVisitDraft(next).then(
      () => setKeptAt(next.savedAt),
      () => setKeepFailed(true),
    );
  });
  useEffect(() => {
    if (!changed) return;
    toKeep.current = { roundId: round.id, venueId: venue.id, savedAt: new Date().toISOString(), visitedOn, note, points, findings };
    const timer = setTimeout(keep.current, KEEP_AFTER_MS);
    return () => clearTimeout(timer);
  }, [changed, round.id, venue.id, visitedOn, note, points, findings]);
  useEffect(() => {
    const keepNow = keep.current;
    return keepNow;
  }, []);

  const several = points.length > 1;
  const defaults = () => ({
    visitedOn: parseDay(visitedOn) ?? today(),
    responsible: venue.ownerName.trim() || t('inspections.finding.ownerDefault'),
  });
  const ordered = inPointOrder(points, findings);
  const numberOf = (key: string) => ordered.findIndex((finding) => finding.key === key) + 1;
  const blocked = round.status === 'closed' || venue.status === 'closed';

  const updatePoint = (pointId: string, update: (point: PointDraft) => PointDraft) =>
    setPoints((current) => current.map((point) => (point.postingPointId === pointId ? update(point) : point)));

  /** Unticking a check proposes its finding; ticking it again takes the proposal back. */
  function toggle(pointId: string, check: CheckKey, passed: boolean) {
    updatePoint(pointId, (point) => ({ ...point, results: { ...point.results, [check]: passed } }));
    setFindings((current) => {
      const proposed = current.some((finding) => finding.postingPointId === pointId && finding.check === check);
      if (passed) return current.filter((finding) => !(finding.postingPointId === pointId && finding.check === check));
      return proposed ? current : [...current, findingForCheck(pointId, check, defaults())];
    });
  }

  /** A verdict from a photo of the poster: fails its check and puts the verdict in that finding's note. */
  function recordVerdict(pointId: string, check: CheckKey, verdict: string) {
    updatePoint(pointId, (point) => ({ ...point, results: { ...point.results, [check]: false } }));
    setFindings((current) => {
      const existing = current.find((finding) => finding.postingPointId === pointId && finding.check === check);
      if (!existing) return [...current, { ...findingForCheck(pointId, check, defaults()), note: verdict }];
      return current.map((finding) =>
        finding === existing ? { ...finding, category: CHECKS[check], note: finding.note ? `${finding.note}; ${verdict}` : verdict } : finding,
      );
    });
  }

  const updateFinding = (key: string) => (update: (draft: FindingDraft) => FindingDraft) =>
    setFindings((current) => current.map((finding) => (finding.key === key ? update(finding) : finding)));

  /** The visit day as typed: a date that exists, and not after today in Vietnam. */
  const visitedOnProblem = visitedOn.trim() === '' ? null : dayProblem(visitedOn, today());
  function dayText(problem: DayProblem): string {
    if (problem === 'format') return t('inspections.badDay');
    return t(`errors.field.${problem}`, { field: t('inspections.visit.visitedOn') });
  }

  function problemText(problem: DraftProblem): string {
    switch (problem.kind) {
      case 'visitedOn':
        return visitedOnProblem === 'not_a_date' ? dayText(visitedOnProblem) : t('inspections.errors.visitedOn');
      case 'observation':
        return several ? `${problem.label}: ${t('inspections.errors.observation')}` : t('inspections.errors.observation');
      case 'dueOn':
        return t('inspections.errors.dueFormat', { number: problem.number });
      case 'photosPending':
        return t('inspections.errors.photosPending');
    }
  }

  async function save(event?: FormEvent, acknowledgeScansAboveEntering = false) {
    event?.preventDefault();
    if (saving || blocked) return;
    if (visitedOnProblem === 'in_future') return setFailure(dayText(visitedOnProblem));
    const draft = toVisitSave({ roundId: round.id, venueId: venue.id }, visitedOn, note, points, findings);
    if (!draft.ok) return setFailure(problemText(draft.problem));
    const above = draft.input.points.flatMap((point, index) =>
      point.observation && point.observation.scans > point.observation.peopleEntering
        ? [{ label: points[index].label, people: point.observation.peopleEntering, scans: point.observation.scans }]
        : [],
    );
    setScansToConfirm(acknowledgeScansAboveEntering ? [] : above);
    if (above.length > 0 && !acknowledgeScansAboveEntering) return setFailure(undefined);
    setSaving(true);
    const result = await api['visits.save']({ ...draft.input, acknowledgeScansAboveEntering });
    setSaving(false);
    if (!result.ok) return setFailure(errorText(result.error, 'visit'));
    setFailure(undefined);
    // Saved: nothing left to keep or to ask about.
    toKeep.current = null;
    release();
    void dropVisitDraft(round.id, venue.id);
    lastVisitDay.set(round.id, visitedOn);
    onSaved(result.value);
  }

  /**
   * Ctrl+Enter saves from anywhere in the form. A bare Enter in a field does not: a saved
   * visit cannot be taken back, so ending a note with Enter must not send it half done.
   */
  function onKey(event: KeyboardEvent) {
    if (event.key !== 'Enter') return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      void save();
    } else if (event.target instanceof HTMLInputElement) {
      event.preventDefault();
    }
  }

  return (
    <form className="visit-form" onSubmit={(event) => void save(event)} onKeyDown={onKey}>
      {round.status === 'closed' && <p className="warning">{t('inspections.errors.roundClosed')}</p>}
      {venue.status === 'closed' && <p className="warning">{t('inspections.errors.venueClosed')}</p>}
      <p className="muted small">{t('inspections.visit.allGoodHint')}</p>
      <div className="visit-day">
        <TextField
          name="visitedOn"
          label={t('inspections.visit.visitedOn')}
          value={visitedOn}
          maxLength={10}
          required
          hint={t('inspections.dayHint')}
          error={visitedOnProblem ? dayText(visitedOnProblem) : undefined}
          onChange={setVisitedOn}
        />
      </div>
      {points.map((point, index) => {
        const pointFindings = ordered.filter((finding) => finding.postingPointId === point.postingPointId);
        const label = several ? point.label : undefined;
        return (
          <section key={point.postingPointId} className="visit-point">
            <PointChecks
              point={point}
              title={several ? t('inspections.visit.pointTitle', { point: point.label }) : undefined}
              autoFocus={index === 0 && !blocked}
              onToggle={(check, passed) => toggle(point.postingPointId, check, passed)}
              onCount={(patch) => {
                setScansToConfirm([]);
                updatePoint(point.postingPointId, (current) => ({ ...current, ...patch }));
              }}
            />
            <VerifyPoster venueId={venue.id} pointLabel={label} onRecord={(check, verdict) => recordVerdict(point.postingPointId, check, verdict)} />
            {pointFindings.map((finding) => (
              <FindingEditor
                key={finding.key}
                number={numberOf(finding.key)}
                draft={finding}
                pointLabel={label}
                onChange={updateFinding(finding.key)}
                onRemove={() => setFindings((current) => current.filter((other) => other.key !== finding.key))}
              />
            ))}
            <button
              type="button"
              onClick={() => setFindings((current) => [...current, newFinding(point.postingPointId, null, 'other', defaults())])}
            >
              {several ? t('inspections.visit.addFindingAt', { point: point.label }) : t('inspections.visit.addFinding')}
            </button>
          </section>
        );
      })}
      <label className="field">
        <span>{t('inspections.visit.note')}</span>
        <textarea name="visitNote" rows={2} maxLength={1000} value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      {scansToConfirm.length > 0 && (
        <div className="warning" role="alert">
          {scansToConfirm.map(({ label, people, scans }) => (
            <p key={label}>{several ? `${label}: ` : ''}{t('inspections.errors.scansAbovePeople', { people, scans })}</p>
          ))}
          <button type="button" onClick={() => void save(undefined, true)}>
            {t('inspections.visit.saveScansAnyway')}
          </button>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving || blocked}>
          {saving ? t('inspections.visit.saving') : findings.length === 0 ? t('inspections.visit.saveClean') : t('inspections.visit.save', { count: findings.length })}
        </button>
        <span className="muted small">{t('inspections.visit.saveHint')}</span>
        {keptAt && !keepFailed && (
          <span className="muted small" role="status">
            {t('unsaved.visit.savedAt', { time: draftTime(keptAt) })}
          </span>
        )}
      </div>
      {keepFailed && (
        <p className="warning" role="alert">
          {t('unsaved.visit.notSaved')}
        </p>
      )}
      {leaveDialog}
    </form>
  );
}
