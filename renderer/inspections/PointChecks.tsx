import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECK_KEYS, type CheckKey } from '../../shared/domain/inspections';
import { POSTER_CHECKS, scanPercent, type PointDraft } from './visit-draft';

interface Props {
  point: PointDraft;
  /** Shown when the venue has several posting points; one point hides the distinction. */
  title?: string;
  autoFocus?: boolean;
  onToggle(check: CheckKey, passed: boolean): void;
  onCount(patch: Partial<Pick<PointDraft, 'minutes' | 'people' | 'scans'>>): void;
}

const count = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/**
 * The seven checks of one posting point, all ticked to begin with. Keys 1–7 toggle a
 * check while any of them has the focus, so a row of problems is typed without a mouse.
 */
export function PointChecks({ point, title, autoFocus, onToggle, onCount }: Props) {
  const { t } = useTranslation();
  const posterMissing = !point.results.poster_present;
  const people = count(point.people);
  const scans = count(point.scans);
  const rate = people !== null && scans !== null ? scanPercent(people, scans) : null;

  function onKey(event: KeyboardEvent) {
    const index = Number(event.key) - 1;
    if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'checkbox') return;
    if (!Number.isInteger(index) || index < 0 || index >= CHECK_KEYS.length || event.ctrlKey || event.altKey) return;
    const check = CHECK_KEYS[index];
    if (posterMissing && POSTER_CHECKS.has(check)) return;
    event.preventDefault();
    onToggle(check, !point.results[check]);
  }

  return (
    <fieldset className="point-checks" onKeyDown={onKey}>
      <legend>{title ?? t('inspections.visit.checks')}</legend>
      <ol className="checklist">
        {CHECK_KEYS.map((check, index) => {
          const skipped = posterMissing && POSTER_CHECKS.has(check);
          return (
            <li key={check} className={skipped ? 'skipped' : point.results[check] ? 'passed' : 'failed'}>
              <label>
                <input
                  type="checkbox"
                  autoFocus={autoFocus && index === 0}
                  checked={!skipped && point.results[check]}
                  disabled={skipped}
                  onChange={(event) => onToggle(check, event.target.checked)}
                />
                <kbd aria-hidden="true">{index + 1}</kbd> {t(`inspections.checks.${check}`)}
              </label>
            </li>
          );
        })}
      </ol>
      {posterMissing && <p className="muted small">{t('inspections.visit.posterMissingHint')}</p>}
      <div className="door-count" role="group" aria-label={t('inspections.visit.observation')}>
        <span>{t('inspections.visit.observation')}</span>
        <label>
          {t('inspections.visit.minutes')}
          <input className="narrow-number" inputMode="numeric" value={point.minutes} onChange={(event) => onCount({ minutes: event.target.value })} />
        </label>
        <label>
          {t('inspections.visit.people')}
          <input className="narrow-number" inputMode="numeric" value={point.people} onChange={(event) => onCount({ people: event.target.value })} />
        </label>
        <label>
          {t('inspections.visit.scans')}
          <input className="narrow-number" inputMode="numeric" value={point.scans} onChange={(event) => onCount({ scans: event.target.value })} />
        </label>
        {people !== null && scans !== null && scans > people ? (
          <output className="rate low">{t('inspections.visit.scansAbovePeople')}</output>
        ) : (
          rate !== null && <output className={rate < 50 ? 'rate low' : 'rate'}>{t('inspections.visit.rate', { rate, scans, people })}</output>
        )}
      </div>
    </fieldset>
  );
}
