import { UNIT_LEVELS, type AdminUnit } from '../../shared/domain/admin-unit';
import { foldVietnamese } from '../../shared/text/fold';

export interface UnitNode {
  unit: AdminUnit;
  children: UnitNode[];
}

const collator = new Intl.Collator('vi');

/** Siblings: districts before communes under a province, then Vietnamese order of names. */
const siblingOrder = (a: AdminUnit, b: AdminUnit) =>
  UNIT_LEVELS.indexOf(a.level) - UNIT_LEVELS.indexOf(b.level) || collator.compare(a.name, b.name);

/** The unit and the units above it, nearest first. */
export function lineOf(unit: AdminUnit, byId: ReadonlyMap<string, AdminUnit>): AdminUnit[] {
  const line: AdminUnit[] = [];
  for (let at: AdminUnit | undefined = unit; at; at = at.parentId === null ? undefined : byId.get(at.parentId)) line.push(at);
  return line;
}

/**
 * Which units a name filter keeps: those whose name matches (folded, so "ky bac" finds
 * "Kỳ Bắc"), the units above them to reach them, and everything below them.
 */
function filtered(units: readonly AdminUnit[], byId: ReadonlyMap<string, AdminUnit>, filter: string): AdminUnit[] {
  const wanted = foldVietnamese(filter);
  if (wanted === '') return [...units];
  const matches = (unit: AdminUnit) => foldVietnamese(unit.name).includes(wanted);
  const kept = new Set<string>();
  for (const unit of units) {
    const line = lineOf(unit, byId);
    if (matches(unit)) line.forEach((at) => kept.add(at.id));
    else if (line.some(matches)) kept.add(unit.id);
  }
  return units.filter((unit) => kept.has(unit.id));
}

/** The flat list as a tree; a unit whose parent is not listed (e.g. retired and hidden) becomes a root. */
export function buildTree(units: readonly AdminUnit[], filter: string): UnitNode[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const childrenOf = new Map<string | null, AdminUnit[]>();
  for (const unit of filtered(units, byId, filter).sort(siblingOrder)) {
    const parentId = unit.parentId !== null && byId.has(unit.parentId) ? unit.parentId : null;
    const siblings = childrenOf.get(parentId) ?? [];
    siblings.push(unit);
    childrenOf.set(parentId, siblings);
  }
  const nodesUnder = (parentId: string | null): UnitNode[] =>
    (childrenOf.get(parentId) ?? []).map((unit) => ({ unit, children: nodesUnder(unit.id) }));
  return nodesUnder(null);
}
