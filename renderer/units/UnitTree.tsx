import { useTranslation } from 'react-i18next';
import { childLevelsOf, type AdminUnit } from '../../shared/domain/admin-unit';
import { panelBelongsTo, type Panel } from './panel';
import { useMay } from '../session/use-may';
import type { UnitNode } from './unit-tree';
import { UnitPanel } from './UnitPanel';

export interface TreeProps {
  units: readonly AdminUnit[];
  venueCounts: Readonly<Record<string, number>>;
  panel: Panel | null;
  setPanel(panel: Panel | null): void;
  onDone(message: string): void;
  isOpen(unitId: string): boolean;
  toggle(unitId: string): void;
}

/** Province → district → commune → village as nested lists: indented, and read as a tree by screen readers. */
export function UnitTree({ nodes, ...props }: TreeProps & { nodes: UnitNode[] }) {
  return (
    <ul className="unit-tree">
      {nodes.map((node) => (
        <UnitItem key={node.unit.id} node={node} {...props} />
      ))}
    </ul>
  );
}

function UnitItem({ node, ...props }: TreeProps & { node: UnitNode }) {
  const { t } = useTranslation();
  const { unit, children } = node;
  const open = props.isOpen(unit.id);
  return (
    <li>
      {/* A group named after the unit, so its buttons are found as "Sửa" in "Xã Kỳ Bắc". */}
      <div className={unit.retired ? 'unit-row retired' : 'unit-row'} role="group" aria-label={unit.name}>
        {children.length > 0 ? (
          <button
            type="button"
            className="unit-toggle"
            aria-expanded={open}
            aria-label={t(open ? 'units.collapse' : 'units.expand', { name: unit.name })}
            onClick={() => props.toggle(unit.id)}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="unit-toggle" />
        )}
        <UnitSummary unit={unit} units={props.units} venues={props.venueCounts[unit.id] ?? 0} />
        {!unit.retired && <UnitActions unit={unit} setPanel={props.setPanel} />}
      </div>
      {panelBelongsTo(props.panel, unit.id) && (
        <UnitPanel
          panel={props.panel}
          units={props.units}
          venueCounts={props.venueCounts}
          onDone={props.onDone}
          onCancel={() => props.setPanel(null)}
        />
      )}
      {open && children.length > 0 && <UnitTree nodes={children} {...props} />}
    </li>
  );
}

function UnitSummary({ unit, units, venues }: { unit: AdminUnit; units: readonly AdminUnit[]; venues: number }) {
  const { t } = useTranslation();
  const mergedInto = unit.mergedIntoId && units.find((other) => other.id === unit.mergedIntoId);
  return (
    <span className="unit-summary">
      <strong>{unit.name}</strong>
      <span className="muted small">{t(`units.level.${unit.level}`)}</span>
      {unit.officialCode && <span className="muted small">{t('units.officialCode', { code: unit.officialCode })}</span>}
      {unit.codePrefix && <span className="muted small">{t('units.prefix', { prefix: unit.codePrefix })}</span>}
      {venues > 0 && <span className="small">{t('units.venueCount', { count: venues })}</span>}
      {unit.isExample && <span className="status-badge small">{t('units.example')}</span>}
      {unit.retired && (
        <span className="status-badge small">
          {mergedInto ? t('units.mergedInto', { name: mergedInto.name }) : t('units.retired')}
        </span>
      )}
    </span>
  );
}

function UnitActions({ unit, setPanel }: { unit: AdminUnit; setPanel(panel: Panel): void }) {
  const { t } = useTranslation();
  const may = { add: useMay('units.create'), edit: useMay('units.update'), merge: useMay('units.merge'), retire: useMay('units.retire') };
  const kinds = (['edit', 'merge', 'retire'] as const).filter((kind) => may[kind]);
  return (
    <span className="unit-actions">
      {may.add && childLevelsOf(unit.level).map((level) => (
        <button key={level} type="button" className="link-button small" onClick={() => setPanel({ kind: 'add', level, parentId: unit.id })}>
          {t(`units.add.${level}`)}
        </button>
      ))}
      {kinds.map((kind) => (
        <button key={kind} type="button" className="link-button small" onClick={() => setPanel({ kind, unitId: unit.id })}>
          {t(`units.actions.${kind}`)}
        </button>
      ))}
    </span>
  );
}
