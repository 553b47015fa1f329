import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { ErrorMessage } from '../forms/ErrorMessage';
import { useMay } from '../session/use-may';
import { panelBelongsTo, type Panel } from './panel';
import { buildTree } from './unit-tree';
import { UnitPanel } from './UnitPanel';
import { UnitSources } from './UnitSources';
import { UnitTree } from './UnitTree';
import { useUnitErrorText } from './use-unit-error-text';
import './units.css';

/** Up to this many units the tree opens fully; the official list (10,000+ communes) opens at its provinces. */
const OPEN_TREE_LIMIT = 300;

/** Settings → administrative units: the tree, adding by hand, rename, merge, retire, example seed and import. */
export function UnitsPage() {
  const { t } = useTranslation();
  const { unitErrorText } = useUnitErrorText();
  const [revision, setRevision] = useState(0);
  const [showRetired, setShowRetired] = useState(false);
  const [filter, setFilter] = useState('');
  const [panel, setPanel] = useState<Panel | null>(null);
  const mayAdd = useMay('units.create');
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<string>();
  // null until the user opens or closes a unit: until then the tree's size decides.
  const [openIds, setOpenIds] = useState<ReadonlySet<string> | null>(null);

  const listed = useOperation(() => api['units.list']({ includeRetired: showRetired }), [revision, showRetired]);
  const counts = useOperation(() => api['units.venueCounts']({}), [revision]);
  const units = useMemo(() => (listed?.ok ? listed.value : []), [listed]);
  const venueCounts = counts?.ok ? counts.value : {};
  const nodes = useMemo(() => buildTree(units, filter), [units, filter]);

  const defaultOpen = () => new Set(units.length <= OPEN_TREE_LIMIT ? units.map((unit) => unit.id) : []);
  const isOpen = (id: string) => filter.trim() !== '' || (openIds ?? defaultOpen()).has(id);
  const setOpen = (id: string, open: boolean) =>
    setOpenIds((current) => {
      const next = new Set(current ?? defaultOpen());
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });

  function done(message: string) {
    // A unit just added under a closed parent must be seen.
    if (panel?.kind === 'add' && panel.parentId !== null) setOpen(panel.parentId, true);
    setPanel(null);
    setFailure(undefined);
    setNotice(message);
    setRevision((value) => value + 1);
  }

  const treeProps = {
    units,
    venueCounts,
    panel,
    setPanel,
    onDone: done,
    isOpen,
    toggle: (id: string) => setOpen(id, !isOpen(id)),
  };

  return (
    <section className="units-page">
      <p className="small">
        <Link to="/settings">{t('settings.title')}</Link> › {t('units.title')}
      </p>
      <h1>{t('units.title')}</h1>
      <p className="muted">{t('units.intro')}</p>
      <UnitSources
        onDone={done}
        onFailure={(message) => {
          setNotice(undefined);
          setFailure(message);
        }}
      />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage error={failure} />
      <div className="unit-tools">
        <input
          className="search"
          type="search"
          aria-label={t('units.filter')}
          placeholder={t('units.filter')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <label>
          <input type="checkbox" checked={showRetired} onChange={(event) => setShowRetired(event.target.checked)} />{' '}
          {t('units.showRetired')}
        </label>
        {mayAdd && (
          <button type="button" onClick={() => setPanel({ kind: 'add', level: 'province', parentId: null })}>
            {t('units.add.province')}
          </button>
        )}
      </div>
      {panelBelongsTo(panel, null) && (
        <UnitPanel panel={panel} units={units} venueCounts={venueCounts} onDone={done} onCancel={() => setPanel(null)} />
      )}
      {listed === undefined && <p className="muted">{t('units.loading')}</p>}
      {listed?.ok === false && <ErrorMessage error={unitErrorText(listed.error)} />}
      {listed?.ok &&
        (nodes.length === 0 ? (
          <p className="muted">{filter.trim() ? t('units.noMatch', { filter }) : t('units.empty')}</p>
        ) : (
          <UnitTree nodes={nodes} {...treeProps} />
        ))}
    </section>
  );
}
