import type { UnitLevel } from '../../shared/domain/admin-unit';

/** The one form open on the units page: adding under a parent (none for a province), or acting on a unit. */
export type Panel =
  | { kind: 'add'; level: UnitLevel; parentId: string | null }
  | { kind: 'edit' | 'merge' | 'retire'; unitId: string };

/** Whether the panel opens below this unit's row (null: above the tree). */
export const panelBelongsTo = (panel: Panel | null, unitId: string | null): panel is Panel =>
  panel !== null && (panel.kind === 'add' ? panel.parentId === unitId : panel.unitId === unitId);
