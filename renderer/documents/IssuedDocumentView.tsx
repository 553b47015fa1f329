import { useParams } from 'react-router';
import { DocumentPage } from './DocumentPage';
import { ReminderSheet } from './ReminderNotice';
import { useIssuedDocument } from './round-data';
import { RecordSheet } from './RoundRecord';

/** An issued round document, as it was issued: printable on screen, and what main prints to PDF. */
export function IssuedDocumentView() {
  const { id = '' } = useParams();
  const loaded = useIssuedDocument(id);
  return (
    <DocumentPage
      loaded={loaded}
      titleOf={({ content, number }) =>
        content.kind === 'round_record' ? `Biên bản kiểm tra số ${number} – ${content.detail.round.name}` : `Giấy nhắc nhở số ${number} – ${content.venues[0]?.name ?? ''}`
      }
    >
      {(shown) => (shown.content.kind === 'round_record' ? <RecordSheet shown={shown} /> : <ReminderSheet shown={shown} />)}
    </DocumentPage>
  );
}
