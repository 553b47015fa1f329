import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldErrorsOf } from '../../shared/api/validation';
import { UNIT_LIMITS, UnitCreate, UnitUpdate, type AdminUnit, type UnitLevel } from '../../shared/domain/admin-unit';
import { api } from '../api/client';
import { ErrorMessage } from '../forms/ErrorMessage';
import { FormActions } from '../forms/FormActions';
import { TextField } from '../forms/TextField';
import { useLeaveGuard } from '../forms/use-leave-guard';
import { useUnitErrorText } from './use-unit-error-text';

export type UnitFormMode = { kind: 'add'; level: UnitLevel; parent: AdminUnit | null } | { kind: 'edit'; unit: AdminUnit };

interface Props {
  mode: UnitFormMode;
  onDone(message: string): void;
  onCancel(): void;
}

type Draft = { name: string; officialCode: string; codePrefix: string };
type FieldName = keyof Draft;
const isFormField = (field: string | undefined): field is FieldName =>
  field === 'name' || field === 'officialCode' || field === 'codePrefix';

const problemsOf = (schema: z.ZodType, input: unknown) => {
  const checked = schema.safeParse(input);
  return checked.success ? [] : fieldErrorsOf(checked.error).filter((problem) => isFormField(problem.field));
};

/** Adds a unit under a parent, or renames one and sets its codes; checked with the contract's own schemas first. */
export function UnitForm({ mode, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const { unitErrorText, fieldText } = useUnitErrorText();
  const editing = mode.kind === 'edit' ? mode.unit : null;
  const level = mode.kind === 'edit' ? mode.unit.level : mode.level;
  const [initial] = useState<Draft>(() => ({
    name: editing?.name ?? '',
    officialCode: editing?.officialCode ?? '',
    codePrefix: editing?.codePrefix ?? '',
  }));
  const [draft, setDraft] = useState<Draft>(initial);
  // Saved or cancelled, the form closes and its guard goes with it.
  const { dialog: leaveDialog } = useLeaveGuard((Object.keys(initial) as FieldName[]).some((name) => draft[name] !== initial[name]));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);

  const title =
    mode.kind === 'edit'
      ? t('units.form.editTitle', { name: mode.unit.name })
      : mode.parent
        ? t('units.form.addUnder', { action: t(`units.add.${level}`), parent: mode.parent.name })
        : t(`units.add.${level}`);

  /** The call to make, and what the contract's schema already finds wrong with it before sending. */
  function request() {
    if (mode.kind === 'edit') {
      const input = { ...draft, id: mode.unit.id, version: mode.unit.version };
      return { problems: problemsOf(UnitUpdate, input), send: () => api['units.update'](input) };
    }
    const input = { ...draft, level, parentId: mode.parent?.id ?? null };
    return { problems: problemsOf(UnitCreate, input), send: () => api['units.create'](input) };
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    const { problems, send } = request();
    setErrors(Object.fromEntries(problems.map((problem) => [problem.field, fieldText(problem)])));
    if (problems.length > 0) return;
    setSaving(true);
    const result = await send();
    setSaving(false);
    if (result.ok) return onDone(t(editing ? 'units.form.saved' : 'units.form.added', { name: result.value.name }));
    if (isFormField(result.error.field)) setErrors({ [result.error.field]: unitErrorText(result.error) });
    else setFailure(unitErrorText(result.error));
  }

  const field = (name: FieldName, label: string, maxLength: number, hint?: string) => (
    <TextField
      name={name}
      label={label}
      value={draft[name]}
      maxLength={maxLength}
      required={name === 'name'}
      hint={hint}
      error={errors[name]}
      onChange={(value) => setDraft((current) => ({ ...current, [name]: value }))}
    />
  );

  return (
    <form className="unit-panel venue-form" aria-label={title} onSubmit={(event) => void save(event)}>
      <h3>{title}</h3>
      {field('name', t('units.form.name'), UNIT_LIMITS.name)}
      {/* Villages have no national code; the statistics office numbers the levels above. */}
      {level !== 'village' && field('officialCode', t('units.form.officialCode'), UNIT_LIMITS.officialCode)}
      {level === 'commune' && field('codePrefix', t('units.form.codePrefix'), UNIT_LIMITS.codePrefix, t('units.form.codePrefixHint'))}
      <ErrorMessage error={failure} />
      <FormActions
        submit={saving ? t('units.saving') : t('units.save')}
        cancel={t('units.cancel')}
        disabled={saving}
        onCancel={onCancel}
      />
      {leaveDialog}
    </form>
  );
}
