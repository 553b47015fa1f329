import { useRef, type ReactNode } from 'react';
import type { Loaded } from './document-load';
import { DocumentDesk, DocumentStatus } from './DocumentParts';
import { useDocumentTitle, usePrintReady } from './print-ready';
import type { ShownDocument } from './round-data';

/**
 * A round's document on its desk: the sheet once its data is ready (marked for the PDF
 * renderer once laid out in its font), or the loading or failure line. A draft says so
 * on the sheet itself, on screen and on paper: it has no number and is not the record.
 */
export function DocumentPage({
  loaded,
  titleOf,
  failedText,
  children,
}: {
  loaded: Loaded<ShownDocument>;
  titleOf: (shown: ShownDocument) => string;
  failedText?: string;
  children: (shown: ShownDocument) => ReactNode;
}) {
  const sheet = useRef<HTMLElement>(null);
  usePrintReady(sheet, loaded);
  useDocumentTitle(loaded.state === 'ready' ? titleOf(loaded.data) : null);
  if (loaded.state !== 'ready') return <DocumentDesk status={<DocumentStatus loaded={loaded} failedText={failedText} />} />;
  return (
    <DocumentDesk>
      <article className={loaded.data.number === null ? 'doc-sheet doc-draft' : 'doc-sheet'} ref={sheet}>
        {loaded.data.number === null && <p className="doc-draft-mark">DỰ THẢO – chưa ban hành, chưa có số</p>}
        {children(loaded.data)}
      </article>
    </DocumentDesk>
  );
}
