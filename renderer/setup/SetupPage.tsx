import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { useSession } from '../session/SessionContext';
import { OfficeSettings } from '../settings/OfficeSettings';
import { UnitSources } from '../units/UnitSources';
import { useUnits } from '../units/use-units';
import { officeIsSet } from './office-set';
import { FullCopy } from '../backup/FullCopy';

/**
 * First-run setup, in the order the office needs it: who is working (done by the start
 * screen) → what this office is and its commune, the units list imported first when it is
 * empty → optionally the venue list. The import is offered only once the office is set, as
 * main refuses a commune office's import without its commune.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const { staff } = useSession();
  // Units imported or the office chosen: the steps read settings and units afresh.
  const [revision, setRevision] = useState(0);
  // Kept here, above the steps: the units import's answer outlives the steps read afresh.
  const [answer, setAnswer] = useState<Answer>();
  return (
    <section className="setup-page">
      <h1>{t('setup.title')}</h1>
      <p className="muted">{t('setup.intro')}</p>
      <ol className="setup-steps">
        <li>
          <h2>{t('setup.who')}</h2>
          <p>{t('setup.whoDone', { name: staff.name })}</p>
        </li>
        <OfficeSteps key={revision} answer={answer} onAnswer={setAnswer} onChanged={() => setRevision((value) => value + 1)} />
      </ol>
      {/* Moving to a new PC: the old one's full copy brings the office back whole instead of setting it up again. */}
      <FullCopy openOnly />
    </section>
  );
}

/** What the units import said: done (how many) or why not. */
type Answer = { ok: boolean; message: string };

interface StepsProps {
  answer: Answer | undefined;
  onAnswer(answer: Answer): void;
  onChanged(): void;
}

function OfficeSteps({ answer, onAnswer, onChanged }: StepsProps) {
  const { t } = useTranslation();
  const settings = useOperation(() => api['settings.get']({}), []);
  const { communes, uppers } = useUnits();
  if (!settings?.ok) return null;
  const ready = officeIsSet(settings.value);
  const noUnits = settings.value.officeKind === 'commune' ? communes.length === 0 : uppers.length === 0;

  return (
    <>
      <li>
        <h2>{t('setup.office')}</h2>
        <p className="muted">{t('setup.officeHint')}</p>
        {noUnits && <p className="warning">{t(settings.value.officeKind === 'commune' ? 'setup.noCommunes' : 'setup.noUppers')}</p>}
        {/* Importing the statistics office's list (or the example) is useful whenever the picker lacks the office's unit. */}
        <UnitSources
          onDone={(message) => {
            onAnswer({ ok: true, message });
            onChanged();
          }}
          onFailure={(message) => onAnswer({ ok: false, message })}
        />
        {answer && (
          <p className={answer.ok ? 'notice' : 'error'} role={answer.ok ? 'status' : 'alert'}>
            {answer.message}
          </p>
        )}
        <OfficeSettings onSaved={onChanged} />
      </li>
      <li>
        <h2>{t('setup.venues')}</h2>
        {ready ? (
          <p>
            <Link className="button primary" to="/venues/import">
              {t('setup.importVenues')}
            </Link>
          </p>
        ) : (
          <p className="muted">{t('setup.officeFirst')}</p>
        )}
        <p>
          <Link to="/dashboard">{ready ? t('setup.later') : t('setup.skip')}</Link>
        </p>
      </li>
    </>
  );
}
