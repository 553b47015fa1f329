import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { readFileAsBase64 } from '../files/file-base64';
import type { Option } from '../forms/Choice';
import { ErrorMessage } from '../forms/ErrorMessage';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { useLeaveGuard } from '../forms/use-leave-guard';
import { useAction } from '../api/use-action';
import { useMay } from '../session/use-may';
import { unitOptions, useUnits } from '../units/use-units';

/**
 * How the office's codes and posters look, and the keys that tell genuine posters from
 * forged ones: this office's public key to give the district and neighbouring communes,
 * and theirs to trust here.
 */
export function CodeSettings() {
  const { t } = useTranslation();
  const [revision, setRevision] = useState(0);
  const settings = useOperation(() => api['settings.get']({}), [revision]);
  const key = useOperation(() => api['codes.officeKey']({}), [revision]);
  const [edited, setEdited] = useState(false);
  const { dialog: leaveDialog } = useLeaveGuard(edited);
  // Reload (and reset the form) only after a save: a refused one keeps what the clerk typed.
  // Any success redraws the settings form (key={revision}) with what is saved, so it holds no change then.
  const { failure, setFailure, run: runAction } = useAction({
    onSuccess: () => {
      setRevision((value) => value + 1);
      setEdited(false);
    },
  });
  const [notice, setNotice] = useState('');
  const mayUpdate = useMay('settings.update');
  const mayTrust = useMay('codes.trustKey');
  const mayImportOfficial = useMay('codes.importOfficial');
  const { communes, uppers } = useUnits();
  const labels = {
    officeName: t('codeSettings.officeName'),
    codeUrlTemplate: t('codeSettings.urlTemplate'),
    publicKey: t('codeSettings.theirKey'),
    officeNameOfKey: t('codeSettings.theirOffice'),
    communeId: t(settings?.ok && settings.value.officeKind !== 'upper' ? 'exchange.trustUpper' : 'exchange.trustCommune'),
  };

  async function run(call: Promise<Result<unknown>>, done: string) {
    const saved = await runAction(call);
    setNotice(saved ? done : '');
    return saved;
  }

  if (!settings?.ok) return null;
  return (
    <section>
      <h2>{t('codeSettings.title')}</h2>
      {mayUpdate && (
        <form
          className="venue-form"
          key={revision}
          onChange={(event: FormEvent<HTMLFormElement>) => {
            const typed = typedSettings(event.currentTarget);
            setEdited(typed.officeName !== settings.value.officeName || typed.codeUrlTemplate !== settings.value.codeUrlTemplate);
          }}
          onSubmit={(event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            void run(api['settings.update'](typedSettings(event.currentTarget)), t('codeSettings.saved'));
          }}
        >
          <label className="field">
            <span>{labels.officeName}</span>
            <input name="officeName" defaultValue={settings.value.officeName ?? ''} placeholder="UBND XÃ KỲ BẮC" maxLength={120} />
          </label>
          <label className="field">
            <span>{labels.codeUrlTemplate}</span>
            <input name="codeUrlTemplate" defaultValue={settings.value.codeUrlTemplate ?? ''} placeholder="https://qr.example.gov.vn/v?c={code}" maxLength={120} />
            <span className="muted small">{t('codeSettings.urlHint')}</span>
          </label>
          <button type="submit" className="primary">{t('codeSettings.save')}</button>
        </form>
      )}
      {key?.ok && (
        <div className="facts-block">
          <h3>{t('codeSettings.ourKey')}</h3>
          <p className="muted">{t('codeSettings.ourKeyHint')}</p>
          <p>
            {t('codeSettings.keyId')}: <strong>{key.value.keyId}</strong>
          </p>
          <code className="payload" aria-label={t('codeSettings.ourKey')}>{key.value.publicKey}</code>
        </div>
      )}
      {mayTrust && (
        <TrustKeyForm
          // An upper office binds each commune's key to that commune: it then signs that commune's packages only.
          // A commune binds its upper office's key to that province or district: it then signs the return packages.
          bindTo={
            settings.value.officeKind === 'upper'
              ? { label: t('exchange.trustCommune'), empty: t('exchange.trustNoCommune'), options: unitOptions(communes) }
              : { label: t('exchange.trustUpper'), empty: t('exchange.trustNoUpper'), options: unitOptions(uppers) }
          }
          onTrust={(input) => run(api['codes.trustKey'](input), t('codeSettings.trusted'))}
        />
      )}
      {mayImportOfficial && (
        <label className="field narrow">
          <span>{t('codeSettings.officialImport')}</span>
          <input
            type="file"
            accept=".xlsx,.csv"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (!file) return;
              void readFileAsBase64(file).then(async (bytesBase64) => {
                const result = await api['codes.importOfficial']({ fileName: file.name, bytesBase64 });
                setFailure(result.ok ? undefined : result.error);
                setNotice(result.ok ? t('codeSettings.officialImported', result.value) : '');
              });
            }}
          />
          <span className="muted small">{t('codeSettings.officialImportHint')}</span>
        </label>
      )}
      <ErrorMessage error={failure} labels={labels} />
      {notice && <p className="notice" role="status">{notice}</p>}
      {leaveDialog}
    </section>
  );
}

/** The settings form's fields as saved: blank is none. */
function typedSettings(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim() || null;
  return { officeName: text('officeName'), codeUrlTemplate: text('codeUrlTemplate') };
}

interface TrustKeyProps {
  /** The units a key may be bound to: communes at an upper office, the province or district above at a commune. */
  bindTo: { label: string; empty: string; options: Option<string>[] };
  onTrust(input: InputOf<'codes.trustKey'>): Promise<boolean>;
}

function TrustKeyForm({ bindTo, onTrust }: TrustKeyProps) {
  const { t } = useTranslation();
  const [officeName, setOfficeName] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [communeId, setCommuneId] = useState<string | null>(null);
  const { dialog: leaveDialog } = useLeaveGuard(officeName.trim() !== '' || publicKey.trim() !== '');
  return (
    <form
      className="venue-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onTrust({ officeName, publicKey, communeId }).then((ok) => {
          if (!ok) return;
          setOfficeName('');
          setPublicKey('');
          setCommuneId(null);
        });
      }}
    >
      <h3>{t('codeSettings.trustTitle')}</h3>
      <TextField name="officeNameOfKey" label={t('codeSettings.theirOffice')} value={officeName} maxLength={120} onChange={setOfficeName} />
      <TextField name="publicKey" label={t('codeSettings.theirKey')} value={publicKey} maxLength={100} onChange={setPublicKey} />
      <SelectField label={bindTo.label} value={communeId} empty={bindTo.empty} options={bindTo.options} onChange={setCommuneId} />
      <button type="submit">{t('codeSettings.trust')}</button>
      {leaveDialog}
    </form>
  );
}
