import { useTranslation } from 'react-i18next';

export type PackageKind = 'incremental' | 'full';

/**
 * Full or incremental: an incremental (the default when there is a package to build on)
 * carries only what changed since the last package sent; a full one, everything, for an
 * upper office that missed a package or asks for it.
 */
export function PackageKindChoice({ base, kind, onChange }: { base: number | null; kind: PackageKind; onChange: (kind: PackageKind) => void }) {
  const { t } = useTranslation();
  if (base === null) return <p className="muted">{t('exchange.send.fullOnly')}</p>;
  return (
    <fieldset>
      <legend>{t('exchange.send.kind')}</legend>
      <label>
        <input type="radio" name="package-kind" checked={kind === 'incremental'} onChange={() => onChange('incremental')} />{' '}
        {t('exchange.send.incremental', { base })}
      </label>
      <br />
      <label>
        <input type="radio" name="package-kind" checked={kind === 'full'} onChange={() => onChange('full')} /> {t('exchange.send.full')}
      </label>
      <p className="muted">{t('exchange.send.fullWhen')}</p>
    </fieldset>
  );
}
