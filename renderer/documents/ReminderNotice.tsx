import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { draftNumber, stillOpen } from '../../shared/domain/documents';
import { formatDay, longDay } from '../../shared/domain/documents-vi';
import type { Finding } from '../../shared/domain/inspections';
import { DocumentPage } from './DocumentPage';
import { DocumentHeading, Signatures } from './DocumentParts';
import { leaderOf, useDraftDocument, venuesOf, type ShownDocument } from './round-data';
import { ACTION_VI, FindingText, REMEDY_VI } from './round-wording';

function WhatToDo({ finding }: { finding: Finding }) {
  const action = finding.action;
  return (
    <>
      {action ? ACTION_VI[action.kind] : REMEDY_VI[finding.category]}
      {action && <span className="doc-small">Người thực hiện: {action.responsible}</span>}
    </>
  );
}

/** A reminder notice (giấy nhắc nhở): a draft (number null) or as it was issued. */
export function ReminderSheet({ shown }: { shown: ShownDocument }) {
  const data = shown.content;
  const { detail } = data;
  const venueId = data.venueId ?? '';
  const visits = detail.visits.filter((visit) => visit.venueId === venueId).toSorted((a, b) => a.visitedOn.localeCompare(b.visitedOn));
  const last = visits.at(-1)!;
  const findings = visits.flatMap((visit) => visit.findings).filter(stillOpen);
  const venue = venuesOf(data).get(venueId);
  const dues = findings.flatMap((finding) => (finding.action ? [finding.action.dueOn] : [])).sort();
  const days = [...new Set(visits.map((visit) => formatDay(visit.visitedOn)))].join(', ');
  return (
    <>
      <DocumentHeading officeName={data.officeName} number={shown.number ?? draftNumber('reminder')} place={data.place} day={last.visitedOn} />
      <h1 className="doc-title">GIẤY NHẮC NHỞ</h1>
      <p className="doc-subtitle">Về việc niêm yết mã QR tại cơ sở</p>
      <p className="doc-rule" aria-hidden="true" />

      <p className="doc-addressee">
        Kính gửi: {venue?.ownerName ? `Ông/Bà ${venue.ownerName}, chủ cơ sở ${last.venueName}` : `Chủ cơ sở ${last.venueName}`}
      </p>
      <p className="doc-paragraph doc-facts">
        Cơ sở: <strong>{last.venueName}</strong> (mã {last.shortCode})
        {venue?.place && (
          <>
            <br />
            Địa chỉ: {venue.place}
          </>
        )}
      </p>
      <p className="doc-paragraph">
        Ngày {days}, đoàn kiểm tra (đợt “{detail.round.name}”) đã kiểm tra việc niêm yết mã QR tại cơ sở và ghi nhận những tồn tại sau:
      </p>

      <table className="doc-table">
        <colgroup>
          <col className="doc-col-number" />
          <col className="doc-col-finding-wide" />
          <col className="doc-col-action-wide" />
          <col className="doc-col-due" />
        </colgroup>
        <thead>
          <tr>
            <th>STT</th>
            <th>Tồn tại</th>
            <th>Việc cần làm</th>
            <th>Thời hạn</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((finding, index) => (
            <tr key={finding.id}>
              <td className="doc-center">{index + 1}</td>
              <td>
                <FindingText finding={finding} />
              </td>
              <td>
                <WhatToDo finding={finding} />
              </td>
              <td className="doc-center">{finding.action ? formatDay(finding.action.dueOn) : 'Ngay'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <p className="doc-paragraph">
        Đề nghị ông/bà thực hiện các việc nêu trên trong thời hạn ghi ở từng mục
        {dues.length > 0 ? `, chậm nhất ${longDay(dues.at(-1)!)}` : ''}. Đoàn kiểm tra sẽ đến kiểm tra lại việc khắc phục.
      </p>
      {/* The signatures stay on the page of the sentence above them: never alone on the last page. */}
      <div className="doc-closing">
        <p className="doc-paragraph">Cảm ơn sự hợp tác của ông/bà.</p>
        <Signatures
          signers={[
            { title: 'ĐẠI DIỆN CƠ SỞ', name: venue?.ownerName || undefined },
            { title: 'TRƯỞNG ĐOÀN KIỂM TRA', name: leaderOf(detail) },
          ]}
        />
      </div>
    </>
  );
}

/**
 * Today's draft of a reminder notice for a venue owner (giấy nhắc nhở): what the team
 * found, what to do, by when. Lists the venue's findings in the round that are still open;
 * main refuses a venue with none.
 */
export function ReminderNotice() {
  const { roundId = '', venueId = '' } = useParams();
  const { t } = useTranslation();
  const loaded = useDraftDocument({ kind: 'reminder', roundId, venueId });
  const nothing = loaded.state === 'failed' && loaded.error.code === 'INVALID_INPUT' && loaded.error.field === 'venueId';
  return (
    <DocumentPage
      loaded={loaded}
      failedText={nothing ? t('documents.nothingToRemind') : undefined}
      titleOf={(shown) => `Giấy nhắc nhở – ${shown.content.venues[0]?.name ?? ''}`}
    >
      {(shown) => <ReminderSheet shown={shown} />}
    </DocumentPage>
  );
}
