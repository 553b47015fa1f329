import { useParams } from 'react-router';
import { draftNumber, recordDayOf, type DocumentVenue } from '../../shared/domain/documents';
import { formatDay } from '../../shared/domain/documents-vi';
import type { Finding, Visit } from '../../shared/domain/inspections';
import { DocumentPage } from './DocumentPage';
import { DocumentHeading, Signatures } from './DocumentParts';
import { leaderOf, useDraftDocument, venuesOf, type ShownDocument } from './round-data';
import { ACTION_STATUS_VI, ACTION_VI, FindingText } from './round-wording';

const names = new Intl.Collator('vi', { numeric: true });
const byVisitThenName = (a: Visit, b: Visit) => a.visitedOn.localeCompare(b.visitedOn) || names.compare(a.venueName, b.venueName);

function VenueCell({ visit, venue }: { visit: Visit; venue: DocumentVenue | undefined }) {
  const rates = visit.points.filter((point) => point.scanRate !== null);
  return (
    <>
      <strong>{visit.venueName}</strong>
      <span className="doc-small">
        Mã: {visit.shortCode}
        {venue?.place ? `; ${venue.place}` : ''}
      </span>
      <span className="doc-small">Kiểm tra ngày {formatDay(visit.visitedOn)}</span>
      {rates.map((point) => (
        <span key={point.postingPointId} className="doc-small">
          Tỷ lệ quét mã quan sát{rates.length > 1 ? ` (${point.postingPointLabel})` : ''}: {Math.round((point.scanRate ?? 0) * 100)}%
        </span>
      ))}
      {visit.note && <span className="doc-small doc-note">Ghi chú: {visit.note}</span>}
    </>
  );
}

function ActionCell({ finding }: { finding: Finding }) {
  const action = finding.action;
  if (!action) return <span className="doc-small">Chưa đề ra biện pháp</span>;
  const status = ACTION_STATUS_VI[action.status];
  return (
    <>
      {ACTION_VI[action.kind]}
      <span className="doc-small">Người thực hiện: {action.responsible}</span>
      {status && <span className="doc-small doc-note">({status})</span>}
    </>
  );
}

function FindingsTable({ visits, venues }: { visits: Visit[]; venues: ReadonlyMap<string, DocumentVenue> }) {
  return (
    <table className="doc-table">
      <colgroup>
        <col className="doc-col-number" />
        <col className="doc-col-venue" />
        <col className="doc-col-finding" />
        <col className="doc-col-action" />
        <col className="doc-col-due" />
      </colgroup>
      <thead>
        <tr>
          <th>STT</th>
          <th>Cơ sở được kiểm tra</th>
          <th>Tồn tại phát hiện</th>
          <th>Biện pháp khắc phục</th>
          <th>Thời hạn</th>
        </tr>
      </thead>
      {visits.map((visit, index) => {
        const rows = Math.max(1, visit.findings.length);
        const first = (
          <>
            <td rowSpan={rows} className="doc-center">
              {index + 1}
            </td>
            <td rowSpan={rows} className="doc-venue-cell">
              <VenueCell visit={visit} venue={venues.get(visit.venueId)} />
            </td>
          </>
        );
        return (
          <tbody key={visit.id} className="doc-visit">
            {visit.findings.length === 0 ? (
              <tr>
                {first}
                <td colSpan={3}>Đạt yêu cầu, không có tồn tại.</td>
              </tr>
            ) : (
              visit.findings.map((finding, at) => (
                <tr key={finding.id}>
                  {at === 0 && first}
                  <td>
                    <FindingText finding={finding} />
                  </td>
                  <td>
                    <ActionCell finding={finding} />
                  </td>
                  <td className="doc-center">{finding.action ? formatDay(finding.action.dueOn) : '—'}</td>
                </tr>
              ))
            )}
          </tbody>
        );
      })}
    </table>
  );
}

const CHECKLIST =
  'có áp phích; áp phích nguyên vẹn, dễ đọc (không rách, phai, ướt); đủ kích thước (mã QR từ 15 cm); ' +
  'đặt đúng vị trí (tại lối vào, ngang tầm mắt khoảng 1,3 m, nhìn thấy từ bên ngoài, đủ sáng, không bị cửa hay hàng hoá che); ' +
  'được ép plastic hoặc bảo vệ; đúng mã hiện hành của cơ sở; nhân viên nhắc khách quét mã.';

/** The record of a round (biên bản kiểm tra): a draft (number null) or as it was issued. */
export function RecordSheet({ shown }: { shown: ShownDocument }) {
  const data = shown.content;
  const { detail } = data;
  const venues = venuesOf(data);
  const { round } = detail;
  const visits = detail.visits.toSorted(byVisitThenName);
  const visited = new Set(visits.map((visit) => visit.venueId));
  const unvisited = detail.plannedVenueIds.filter((id) => !visited.has(id));
  const findings = visits.reduce((sum, visit) => sum + visit.findings.length, 0);
  const withFindings = visits.filter((visit) => visit.findings.length > 0).length;
  const lastDay = recordDayOf(detail);
  const period =
    lastDay > round.startsOn ? `Từ ngày ${formatDay(round.startsOn)} đến ngày ${formatDay(lastDay)}` : `Ngày ${formatDay(round.startsOn)}`;
  const leader = leaderOf(detail);
  return (
    <>
      <DocumentHeading officeName={data.officeName} number={shown.number ?? draftNumber('round_record')} place={data.place} day={lastDay} />
      <h1 className="doc-title">BIÊN BẢN</h1>
      <p className="doc-subtitle">Kiểm tra việc niêm yết mã QR tại các cơ sở</p>
      <p className="doc-subtitle-note">Đợt kiểm tra: {round.name}</p>
      <p className="doc-rule" aria-hidden="true" />

      <p className="doc-paragraph">
        {period}, đoàn kiểm tra đã kiểm tra việc niêm yết mã QR tại {visits.length} cơ sở
        {data.area ? ` trên địa bàn ${data.area}` : ''}.
      </p>

      <h2 className="doc-section">I. THÀNH PHẦN ĐOÀN KIỂM TRA</h2>
      <ol className="doc-list">
        {round.team.map((member, index) => (
          <li key={`${index}:${member.name}`}>
            {member.name} – {index === 0 ? 'Trưởng đoàn' : 'Thành viên'}
          </li>
        ))}
      </ol>

      <h2 className="doc-section">II. NỘI DUNG KIỂM TRA</h2>
      {round.purpose && <p className="doc-paragraph">{round.purpose}</p>}
      <p className="doc-paragraph">Tại mỗi vị trí niêm yết của cơ sở, đoàn kiểm tra xem xét: {CHECKLIST}</p>

      <h2 className="doc-section">III. KẾT QUẢ KIỂM TRA</h2>
      <p className="doc-paragraph">
        Số cơ sở đã kiểm tra: {visits.length}; số cơ sở có tồn tại: {withFindings}; số tồn tại ghi nhận: {findings}.
      </p>
      {visits.length > 0 && <FindingsTable visits={visits} venues={venues} />}
      {unvisited.length > 0 && (
        <p className="doc-paragraph">
          Cơ sở trong kế hoạch chưa kiểm tra ({unvisited.length}):{' '}
          {unvisited.map((id) => (venues.get(id) ? `${venues.get(id)!.name} (${venues.get(id)!.code})` : id)).join('; ')}.
        </p>
      )}

      <h2 className="doc-section">IV. KIẾN NGHỊ, YÊU CẦU</h2>
      <p className="doc-paragraph">
        {findings > 0
          ? 'Đề nghị chủ các cơ sở có tồn tại và những người được giao thực hiện các biện pháp khắc phục nêu trên đúng thời hạn. Đoàn kiểm tra sẽ kiểm tra lại việc khắc phục.'
          : 'Các cơ sở được kiểm tra thực hiện đúng việc niêm yết mã QR.'}
      </p>
      {visits.length > 0 && (
        <section className="doc-venue-signatures">
          <p className="doc-signer-title">ĐẠI DIỆN CÁC CƠ SỞ ĐƯỢC KIỂM TRA</p>
          <table className="doc-table">
            <colgroup>
              <col className="doc-col-number" />
              <col />
              <col className="doc-col-rep" />
              <col className="doc-col-sign" />
            </colgroup>
            <thead>
              <tr>
                <th>STT</th>
                <th>Cơ sở</th>
                <th>Họ tên người đại diện</th>
                <th>Chữ ký</th>
              </tr>
            </thead>
            <tbody>
              {visits.map((visit, index) => (
                <tr key={visit.id} className="doc-sign-row">
                  <td className="doc-center">{index + 1}</td>
                  <td>{visit.venueName}</td>
                  <td>{venues.get(visit.venueId)?.ownerName ?? ''}</td>
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {/* The signatures stay on the page of the sentence that asks for them: never alone on the last page. */}
      <div className="doc-closing">
        <p className="doc-paragraph">
          Biên bản được lập thành 02 bản có giá trị như nhau, đã đọc lại cho những người có mặt cùng nghe và thống nhất ký tên.
        </p>
        <Signatures signers={[{ title: `ĐẠI DIỆN ${data.officeName}` }, { title: 'TRƯỞNG ĐOÀN KIỂM TRA', name: leader }]} />
      </div>
    </>
  );
}

/** Today's draft of a round's record (biên bản kiểm tra): on screen with an "In" button, and for the PDF. */
export function RoundRecord() {
  const { roundId = '' } = useParams();
  const loaded = useDraftDocument({ kind: 'round_record', roundId });
  return (
    <DocumentPage loaded={loaded} titleOf={(shown) => `Biên bản kiểm tra – ${shown.content.detail.round.name}`}>
      {(shown) => <RecordSheet shown={shown} />}
    </DocumentPage>
  );
}
