import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { reachRefusal } from '../../shared/qr/reach-refusal';
import { formatDate } from '../../shared/text/date';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { useOperation } from '../api/use-operation';
import { useLeaveGuard } from '../forms/use-leave-guard';
import { ScanPhotoButton } from '../scan/ScanPhotoButton';
import { useAction } from '../api/use-action';
import { RevokeCode } from './RevokeCode';
import { useMay } from '../session/use-may';

interface Props {
  venueId: string;
  /** False for a received commune's venue: its codes and prints are that commune's. */
  editable: boolean;
  onChanged(): void;
  revision: number;
}

/** The venue's check-in code: current revision, revoke, the official code, and its print history. */
export function VenueCodes({ venueId, editable, onChanged, revision }: Props) {
  const { t, i18n } = useTranslation();
  const { errorText } = useErrorText({ payload: t('codes.official') });
  const codes = useOperation(() => api['codes.list']({ venueId }), [venueId, revision]);
  const history = useOperation(() => api['posters.history']({ venueId }), [venueId, revision]);
  const [official, setOfficial] = useState('');
  // The national code typed or read from a photo, not yet saved: long, and not typed twice gladly.
  const { dialog: leaveDialog } = useLeaveGuard(official.trim() !== '');
  const { failure, run } = useAction({ onSuccess: onChanged });
  const mayPrint = useMay('posters.createJob') && editable;
  const mayRevoke = useMay('codes.revoke') && editable;
  const maySetOfficial = useMay('codes.setOfficial') && editable;

  async function saveOfficial(event: FormEvent) {
    event.preventDefault();
    if (await run(api['codes.setOfficial']({ venueId, payload: official }))) setOfficial('');
  }

  // How far the typed code reads on an A4 at the entrance, said before main is asked (shared/qr/reach.ts).
  const reach = official === '' ? null : reachRefusal(official, 'a4');
  const current = codes?.ok ? codes.value.find((code) => code.revokedAt === null) : undefined;
  return (
    <section>
      <h2>{t('codes.title')}</h2>
      {current ? (
        <p>
          {t('codes.current', { revision: current.revision, date: formatDate(current.issuedAt) })} ·{' '}
          {t(`codes.source.${current.source}`)}
          <br />
          <code className="payload">{current.payload}</code>
        </p>
      ) : (
        <p className="muted">{t('codes.none')}</p>
      )}
      {mayPrint && (
        <div className="actions">
          <Link className="button primary" to={`/posters?venue=${venueId}`}>
            {t('codes.printPoster')}
          </Link>
        </div>
      )}
      {maySetOfficial && (
        <form className="inline-form" onSubmit={(event) => void saveOfficial(event)}>
          <input aria-label={t('codes.official')} placeholder={t('codes.officialPlaceholder')} value={official} onChange={(event) => setOfficial(event.target.value)} />
          <ScanPhotoButton onCode={setOfficial} />
          <button type="submit">{t('codes.saveOfficial')}</button>
          {reach && <p className="muted">{i18n.language === 'en' ? reach.en : reach.vi}</p>}
        </form>
      )}
      {current && mayRevoke && (
        <RevokeCode venueId={venueId} outdatedPrints={history?.ok ? history.value.filter((print) => print.revision === current.revision).length : 0} run={run} />
      )}
      {failure && <p className="error" role="alert">{errorText(failure)}</p>}
      {leaveDialog}
      <h2>{t('printing.historyTitle')}</h2>
      {history?.ok && history.value.length === 0 && <p className="muted">{t('printing.neverPrinted')}</p>}
      {history?.ok && history.value.length > 0 && (
        <table className="simple-table print-history">
          <thead>
            <tr>
              <th>{t('printing.when')}</th>
              <th>{t('postingPoints.label')}</th>
              <th>{t('printing.template')}</th>
              <th>{t('printing.reason')}</th>
              <th>{t('printing.output')}</th>
              <th>{t('printing.who')}</th>
            </tr>
          </thead>
          <tbody>
            {history.value.map((print) => (
              <tr key={print.id}>
                <td className="nowrap">{formatDate(print.printedAt)}</td>
                <td>{print.postingPointLabel}</td>
                <td>{t(`printing.templates.${print.template}`, { defaultValue: print.template })} · {t('codes.revisionShort', { revision: print.revision })}</td>
                <td>
                  {t(`printing.reasons.${print.reason}`, { defaultValue: print.reason })}
                  {print.laminated && ` · ${t('printing.laminated')}`}
                </td>
                <td>{t(`printing.outputs.${print.output}`)}</td>
                <td>{print.printedBy ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
