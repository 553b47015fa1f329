import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVOKE_REASONS } from '../../shared/domain/codes';
import type { Result } from '../../shared/api/result';
import { api } from '../api/client';
import { ConfirmDialog } from '../forms/ConfirmDialog';

interface Props {
  venueId: string;
  /** Prints of the current revision: the posters on the wall that revoking makes outdated. */
  outdatedPrints: number;
  run(call: Promise<Result<unknown>>): Promise<boolean>;
}

/**
 * Revoking, in its own section apart from printing: the reason is chosen inside the
 * confirmation, beside the sentence saying how many posters become outdated.
 */
export function RevokeCode({ venueId, outdatedPrints, run }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState<(typeof REVOKE_REASONS)[number]>('lost');

  async function revoke() {
    setBusy(true);
    await run(api['codes.revoke']({ venueId, reason }));
    setBusy(false);
    setAsking(false);
  }

  return (
    <section className="revoke-code" aria-label={t('confirm.revoke.section')}>
      <button type="button" onClick={() => setAsking(true)}>
        {t('confirm.revoke.open')}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('confirm.revoke.title')}
          consequence={outdatedPrints === 0 ? t('confirm.revoke.consequenceNone') : t('confirm.revoke.consequence', { count: outdatedPrints })}
          confirm={t('confirm.revoke.confirm')}
          cancel={t('confirm.cancel')}
          busy={busy}
          onConfirm={() => void revoke()}
          onCancel={() => setAsking(false)}
        >
          <label className="field">
            {t('codes.revokeReason')}
            <select value={reason} onChange={(event) => setReason(event.target.value as typeof reason)}>
              {REVOKE_REASONS.map((value) => (
                <option key={value} value={value}>
                  {t(`codes.revokeReasons.${value}`)}
                </option>
              ))}
            </select>
          </label>
        </ConfirmDialog>
      )}
    </section>
  );
}
