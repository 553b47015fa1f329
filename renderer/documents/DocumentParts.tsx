import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FILED_COPIES, MOTTO, NATION, listedLines, longDay } from '../../shared/domain/documents-vi';
import { useErrorText } from '../api/use-error-text';
import type { Loaded } from './document-load';
import { useDocumentFonts } from './print-ready';
import './documents.css';

/*
 * The pieces every administrative document of the office is made of, laid out as Nghị
 * định 30/2020 has them: the two-column heading, the addressees, signature blocks, the
 * "Nơi nhận" list. Their wording is Vietnamese whatever language the app is shown in:
 * the papers are handed to venue owners, filed and sent upward. Only the toolbar (never
 * printed) follows the app's language.
 */

/** The screen around the sheet: a toolbar (never printed) over a grey desk; `tools` adds the document's own buttons. */
export function DocumentDesk({ children, status, tools }: { children?: ReactNode; status?: ReactNode; tools?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentFonts();
  return (
    <div className="doc-desk">
      <div className="doc-toolbar">
        <button type="button" onClick={() => void navigate(-1)}>
          {t('documents.back')}
        </button>
        {tools}
        <button type="button" className="primary" onClick={() => window.print()} disabled={!children}>
          {t('documents.print')}
        </button>
      </div>
      {status}
      {children}
    </div>
  );
}

/** The loading or failure line in place of a sheet. */
export function DocumentStatus({ loaded, failedText }: { loaded: Loaded<unknown>; failedText?: string }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  if (loaded.state === 'failed') return <p className="doc-status error">{failedText ?? errorText(loaded.error)}</p>;
  return <p className="doc-status muted">{t('documents.loading')}</p>;
}

/** The two-column heading: the issuing office and the document's number left, the nation and the place and date right. */
export function DocumentHeading({ officeName, number, place, day }: { officeName: string; number: string; place: string | null; day: string }) {
  return (
    <header className="doc-heading">
      <div className="doc-heading-office">
        <p className="doc-office">{officeName}</p>
        <p className="doc-number">Số: {number}</p>
      </div>
      <div className="doc-heading-nation">
        <p className="doc-nation">{NATION}</p>
        <p className="doc-motto">{MOTTO}</p>
        <p className="doc-place-date">
          {place ?? '…………'}, {longDay(day)}
        </p>
      </div>
    </header>
  );
}

/** "Kính gửi: …" on one line for one addressee, a dashed list under it for several. */
export function Addressees({ names }: { names: readonly string[] }) {
  if (names.length === 1) return <p className="doc-addressee">Kính gửi: {names[0]}</p>;
  return (
    <div className="doc-addressees">
      <p>Kính gửi:</p>
      <div>
        {listedLines(names).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </div>
  );
}

export interface Signer {
  title: string;
  name?: string;
}

/** Signature blocks side by side: title, "(Ký, ghi rõ họ tên)", room to sign, the name. */
export function Signatures({ signers }: { signers: Signer[] }) {
  return (
    <div className="doc-signatures">
      {signers.map((signer) => (
        <div key={signer.title} className="doc-signer">
          <p className="doc-signer-title">{signer.title}</p>
          <p className="doc-signer-hint">(Ký, ghi rõ họ tên)</p>
          <p className="doc-signer-name">{signer.name ?? ''}</p>
        </div>
      ))}
    </div>
  );
}

/**
 * The end of a document sent upward: "Nơi nhận" left (the addressees as "Như trên", the
 * office's file), the signer right: the authority and title lines, room to sign and
 * stamp, the name. Kept on the page of the text above it (documents.css).
 */
export function SignOff({ signerTitle, signerName }: { signerTitle: readonly string[]; signerName: string }) {
  return (
    <div className="doc-sign-off">
      <div className="doc-copies">
        <p className="doc-copies-label">Nơi nhận:</p>
        {listedLines(FILED_COPIES).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <div className="doc-signer">
        {signerTitle.map((line, index) => (
          <p key={`${index}:${line}`} className="doc-signer-title">
            {line}
          </p>
        ))}
        <p className="doc-signer-name">{signerName}</p>
      </div>
    </div>
  );
}
