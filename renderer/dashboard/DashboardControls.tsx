import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VENUE_TYPES } from '../../shared/domain/venue';
import { optionsOf } from '../forms/Choice';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { formatDay, parseDay } from '../inspections/day';
import { unitOptions, useUnits } from '../units/use-units';
import { PERIOD_CHOICES, presetPeriod, type PeriodChoice } from './period';
import type { Selection } from './selection';

interface Props {
  selection: Selection;
  onChange(selection: Selection): void;
}

/** Period (this month, last month, this quarter, days typed), area (whole office, a commune, a village) and venue type. */
export function DashboardControls({ selection, onChange }: Props) {
  const { t } = useTranslation();
  const { communes, villagesOf } = useUnits();
  const { choice, query } = selection;
  const [fromText, setFromText] = useState(formatDay(query.from));
  const [toText, setToText] = useState(formatDay(query.to));
  const from = parseDay(fromText);
  const to = parseDay(toText);
  const villages = query.communeId ? villagesOf(query.communeId) : [];

  const setQuery = (patch: Partial<Selection['query']>) => onChange({ choice, query: { ...query, ...patch } });

  function choosePeriod(next: PeriodChoice) {
    if (next === 'custom') {
      // Custom days start from the period shown, for the clerk to adjust.
      setFromText(formatDay(query.from));
      setToText(formatDay(query.to));
      onChange({ choice: next, query });
    } else onChange({ choice: next, query: { ...query, ...presetPeriod(next) } });
  }

  /** Typed days apply as soon as both are days and in order. */
  function typeDay(which: 'from' | 'to', text: string) {
    (which === 'from' ? setFromText : setToText)(text);
    const days = { from: which === 'from' ? parseDay(text) : from, to: which === 'to' ? parseDay(text) : to };
    if (days.from !== null && days.to !== null && days.from <= days.to) setQuery({ from: days.from, to: days.to });
  }

  const dayError = (text: string, day: string | null) => (text.trim() !== '' && day === null ? t('dashboard.period.badDay') : undefined);
  return (
    <div className="dashboard-controls" role="group" aria-label={t('dashboard.controls')}>
      <fieldset className="dashboard-period">
        <legend>{t('dashboard.period.label')}</legend>
        <div className="tabs">
          {PERIOD_CHOICES.map((option) => (
            <button key={option} type="button" className={option === choice ? 'active' : undefined} aria-pressed={option === choice} onClick={() => choosePeriod(option)}>
              {t(`dashboard.period.${option}`)}
            </button>
          ))}
        </div>
        {choice === 'custom' && (
          <div className="field-pair">
            <TextField name="from" label={t('dashboard.period.from')} value={fromText} maxLength={10} hint={t('dashboard.period.dayHint')} error={dayError(fromText, from)} onChange={(text) => typeDay('from', text)} />
            <TextField name="to" label={t('dashboard.period.to')} value={toText} maxLength={10} hint={t('dashboard.period.dayHint')} error={dayError(toText, to) ?? (from !== null && to !== null && to < from ? t('dashboard.period.endsBeforeStart') : undefined)} onChange={(text) => typeDay('to', text)} />
          </div>
        )}
      </fieldset>
      <div className="dashboard-area">
        {communes.length > 0 && (
          <SelectField
            label={t('dashboard.area.commune')}
            value={query.communeId}
            empty={t('dashboard.area.wholeOffice')}
            options={unitOptions(communes)}
            onChange={(communeId) => setQuery({ communeId: communeId ?? undefined, villageId: undefined })}
          />
        )}
        {villages.length > 0 && (
          <SelectField
            label={t('dashboard.area.village')}
            value={query.villageId}
            empty={t('dashboard.area.wholeCommune')}
            options={unitOptions(villages)}
            onChange={(villageId) => setQuery({ villageId: villageId ?? undefined })}
          />
        )}
        <SelectField
          label={t('dashboard.area.type')}
          value={query.type}
          empty={t('dashboard.area.allTypes')}
          options={optionsOf(VENUE_TYPES, (type) => t(`venueType.${type}`))}
          onChange={(type) => setQuery({ type: type ?? undefined })}
        />
      </div>
    </div>
  );
}
