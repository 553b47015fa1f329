import type { AdminUnit } from '../../shared/domain/admin-unit';
import { MergeForm } from './MergeForm';
import type { Panel } from './panel';
import { RetireForm } from './RetireForm';
import { UnitForm } from './UnitForm';

interface Props {
  panel: Panel;
  units: readonly AdminUnit[];
  venueCounts: Readonly<Record<string, number>>;
  onDone(message: string): void;
  onCancel(): void;
}

/** The form a panel stands for; keyed by the panel, so switching forms starts each one afresh. */
export function UnitPanel({ panel, units, venueCounts, onDone, onCancel }: Props) {
  const key = JSON.stringify(panel);
  const find = (id: string | null) => units.find((unit) => unit.id === id);
  if (panel.kind === 'add') {
    const mode = { kind: 'add', level: panel.level, parent: find(panel.parentId) ?? null } as const;
    return <UnitForm key={key} mode={mode} onDone={onDone} onCancel={onCancel} />;
  }
  const unit = find(panel.unitId);
  if (!unit) return null;
  switch (panel.kind) {
    case 'edit':
      return <UnitForm key={key} mode={{ kind: 'edit', unit }} onDone={onDone} onCancel={onCancel} />;
    case 'merge':
      return <MergeForm key={key} unit={unit} units={units} venueCounts={venueCounts} onDone={onDone} onCancel={onCancel} />;
    case 'retire':
      return <RetireForm key={key} unit={unit} onDone={onDone} onCancel={onCancel} />;
  }
}
