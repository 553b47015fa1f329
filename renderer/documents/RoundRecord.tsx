import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { AppErrorData, Result } from '../../shared/api/result';
import type { AdminUnit } from '../../shared/domain/admin-unit';
import type { ActionKind, ActionStatus, Finding, FindingCategory, RoundDetail, Visit } from '../../shared/domain/inspections';
import type { Venue } from '../../shared/domain/venue';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import './documents.css';

/*
 * Administrative documents of an inspection round, laid out as Nghị định 30/2020 has
 * them: the two-column heading, a bold title, a 13 pt body, signature blocks. Their
 * wording is Vietnamese whatever language the app is shown in: they are handed to venue
 * owners and filed. Only the toolbar (not printed) follows the app's language.
 */

// ---- Wording shared by the record and the reminder ----

export const NATION = 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export const CATEGORY_VI: Record<FindingCategory, string> = {
  missing: 'Không niêm yết áp phích mã QR',
  damaged: 'Áp phích rách, hỏng, phai mờ',
  too_small: 'Áp phích quá nhỏ (mã QR dưới 15 cm)',
  hidden: 'Niêm yết khuất, không đúng vị trí',
  not_laminated: 'Áp phích chưa ép plastic, chưa được bảo vệ',
  wrong_code: 'Mã QR sai hoặc không còn hiệu lực',
  low_scanning: 'Ít khách quét mã',
  other: 'Tồn tại khác',
};

export const ACTION_VI: Record<ActionKind, string> = {
  reprint: 'In lại, thay áp phích mới',
  relocate: 'Dời áp phích ra lối vào, ngang tầm mắt (khoảng 1,3 m), nơi dễ thấy, đủ sáng',
  laminate: 'Ép plastic hoặc bọc bảo vệ áp phích',
  remind_owner: 'Nhắc nhở chủ cơ sở thực hiện đúng việc niêm yết và hướng dẫn khách quét mã',
  reregister_code: 'Đăng ký lại mã QR và niêm yết áp phích có mã mới',
};

/** What the owner is asked to do when the team set no action for a finding. */
export const REMEDY_VI: Record<FindingCategory, string> = {
  missing: 'Niêm yết áp phích mã QR tại lối vào',
  damaged: 'Thay áp phích mới',
  too_small: 'Thay áp phích đủ kích thước (mã QR từ 15 cm)',
  hidden: ACTION_VI.relocate,
  not_laminated: ACTION_VI.laminate,
  wrong_code: 'Thay áp phích có mã hiện hành của cơ sở',
  low_scanning: 'Nhắc nhân viên hướng dẫn khách quét mã khi vào',
  other: 'Khắc phục theo ghi chú của đoàn kiểm tra',
};

export const ACTION_STATUS_VI: Record<ActionStatus, string | null> = {
  open: null,
  done: 'đã thực hiện',
  verified: 'đã kiểm tra lại, đạt',
};

/** yyyy-MM-dd → dd/MM/yyyy. */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

/** "ngày 05 tháng 02 năm 2026": days below 10 and January, February written with a leading zero. */
export function longDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const month = Number(match[2]);
  return `ngày ${match[3]} tháng ${month < 3 ? match[2] : String(month)} năm ${match[1]}`;
}

/** "Xã Kỳ Bắc" → "Kỳ Bắc": the place before the date is written without its level. */
export const placeOf = (unitName: string) => unitName.replace(/^(xã|phường|thị trấn|đặc khu)\s+/iu, '');

const upper = (text: string) => text.toLocaleUpperCase('vi');

/** The record's date: the round's last day, else its last visit, else its first day (as main names the file). */
export function recordDayOf(detail: RoundDetail): string {
  const lastVisit = detail.visits.map((visit) => visit.visitedOn).sort().at(-1);
  return detail.round.endsOn ?? lastVisit ?? detail.round.startsOn;
}

/** What a reminder lists: findings still to be put right (no action yet, or an open one), as main checks. */
export const stillOpen = (finding: Finding) => finding.action === null || finding.action.status === 'open';

const names = new Intl.Collator('vi', { numeric: true });
const byVisitThenName = (a: Visit, b: Visit) => a.visitedOn.localeCompare(b.visitedOn) || names.compare(a.venueName, b.venueName);

// ---- Data ----

export interface VenueInfo {
  name: string;
  code: string;
  ownerName: string;
  /** Address, village, commune. */
  place: string;
}

export interface DocumentData {
  detail: RoundDetail;
  officeName: string;
  /** The commune the place-and-date line names, without its level; null when unknown. */
  place: string | null;
  /** "Xã Kỳ Bắc (Thôn A, Thôn B)", or null when the round names no area and the office no commune. */
  area: string | null;
  venues: ReadonlyMap<string, VenueInfo>;
}

export type Loaded = { state: 'loading' } | { state: 'ready'; data: DocumentData } | { state: 'failed'; error: AppErrorData };

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

async function loadDocumentData(roundId: string, venueIdsOf: (detail: RoundDetail) => string[]): Promise<DocumentData> {
  const [detail, officeKey, settings, units] = await Promise.all([
    api['rounds.get']({ id: roundId }).then(valueOf),
    api['codes.officeKey']({}).then(valueOf),
    api['settings.get']({}).then(valueOf),
    api['units.list']({ includeRetired: true }).then(valueOf),
  ]);
  const unitName = new Map(units.map((unit: AdminUnit) => [unit.id, unit.name]));
  const venueList: Venue[] = await Promise.all(
    [...new Set(venueIdsOf(detail))].map((id) => api['venues.get']({ id }).then((result) => valueOf(result).venue)),
  );
  const venues = new Map(
    venueList.map((venue) => [
      venue.id,
      {
        name: venue.name,
        code: venue.code,
        ownerName: venue.ownerName,
        place: [venue.address, venue.villageId && unitName.get(venue.villageId), venue.communeId && unitName.get(venue.communeId)]
          .filter(Boolean)
          .join(', '),
      },
    ]),
  );
  const communeId = detail.round.communeId ?? settings.homeCommuneId;
  const commune = communeId ? unitName.get(communeId) : undefined;
  const villages = detail.round.villageIds.map((id) => unitName.get(id)).filter((name): name is string => Boolean(name));
  const area = commune ? (villages.length > 0 ? `${commune} (${villages.join(', ')})` : commune) : villages.join(', ') || null;
  return { detail, officeName: upper(officeKey.officeName), place: commune ? placeOf(commune) : null, area, venues };
}

const allVenuesOf = (detail: RoundDetail) => [...detail.plannedVenueIds, ...detail.visits.map((visit) => visit.venueId)];

/** Loads a round with everything its documents print: the details of one venue, or (null) of every venue of the round. */
export function useDocumentData(roundId: string, venueId: string | null): Loaded {
  const key = `${roundId}/${venueId ?? '*'}`;
  const [answer, setAnswer] = useState<{ key: string; loaded: Loaded } | null>(null);
  useEffect(() => {
    let current = true;
    loadDocumentData(roundId, venueId === null ? allVenuesOf : () => [venueId]).then(
      (data) => current && setAnswer({ key, loaded: { state: 'ready', data } }),
      (error: unknown) => {
        const data: AppErrorData =
          typeof error === 'object' && error !== null && 'code' in error
            ? (error as AppErrorData)
            : { code: 'INTERNAL', message: String(error) };
        if (current) setAnswer({ key, loaded: { state: 'failed', error: data } });
      },
    );
    return () => {
      current = false;
    };
  }, [roundId, venueId, key]);
  return answer?.key === key ? answer.loaded : { state: 'loading' };
}

// ---- Print readiness ----

/** The faces documents use: 400 comes with the app, 700 and italic with documents.css. */
const FACES = ['400 16px', 'italic 400 16px', '700 16px'];

/**
 * Marks the document for the PDF renderer in main, which waits for html[data-print-ready]
 * or html[data-print-error]. Ready once the text is laid out in the bundled font: each
 * face is loaded for the very characters the document prints.
 */
export function usePrintReady(sheet: RefObject<HTMLElement | null>, loaded: Loaded) {
  const state = loaded.state;
  const failed = loaded.state === 'failed' ? loaded.error.code : null;
  useEffect(() => {
    const root = document.documentElement;
    const clear = () => {
      delete root.dataset.printReady;
      delete root.dataset.printError;
    };
    clear();
    if (failed !== null) root.dataset.printError = failed;
    if (state !== 'ready') return clear;
    let current = true;
    const text = sheet.current?.textContent ?? '';
    void Promise.all(FACES.map((face) => document.fonts.load(`${face} "Be Vietnam Pro"`, text)))
      .then(() => document.fonts.ready)
      .then(
        () => {
          if (current) root.dataset.printReady = 'true';
        },
        (error: unknown) => {
          if (current) root.dataset.printError = `fonts: ${String(error)}`;
        },
      );
    return () => {
      current = false;
      clear();
    };
  }, [sheet, state, failed]);
}

/** The window's title while a document is shown: the print dialog and the PDF take it. */
export function useDocumentTitle(title: string | null) {
  useEffect(() => {
    if (title === null) return;
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
}

// ---- Layout pieces ----

/** The screen around the sheet: a toolbar (never printed) over a grey desk. */
export function DocumentDesk({ children, status }: { children?: ReactNode; status?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="doc-desk">
      <div className="doc-toolbar">
        <button type="button" onClick={() => void navigate(-1)}>
          {t('documents.back')}
        </button>
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
export function DocumentStatus({ loaded, failedText }: { loaded: Loaded; failedText?: string }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  if (loaded.state === 'failed') return <p className="doc-status error">{failedText ?? errorText(loaded.error)}</p>;
  return <p className="doc-status muted">{t('documents.loading')}</p>;
}

/** The two-column heading of Nghị định 30/2020: the issuing office left, the nation right. */
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

/** The finding as a line: "Cửa chính: Áp phích rách, hỏng, phai mờ. Áp phích rách". */
export function FindingText({ finding }: { finding: Finding }) {
  return (
    <>
      {finding.postingPointLabel && <span className="doc-point">{finding.postingPointLabel}: </span>}
      {CATEGORY_VI[finding.category]}
      {finding.note && <span className="doc-note">. {finding.note}</span>}
    </>
  );
}

export const leaderOf = (detail: RoundDetail) => detail.round.team[0]?.name;

// ---- The record ----

function VenueCell({ visit, venue }: { visit: Visit; venue: VenueInfo | undefined }) {
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

function FindingsTable({ visits, venues }: { visits: Visit[]; venues: ReadonlyMap<string, VenueInfo> }) {
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

function RecordSheet({ data }: { data: DocumentData }) {
  const { detail, venues } = data;
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
      <DocumentHeading officeName={data.officeName} number="……/BB-KT" place={data.place} day={lastDay} />
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
      <p className="doc-paragraph">
        Biên bản được lập thành 02 bản có giá trị như nhau, đã đọc lại cho những người có mặt cùng nghe và thống nhất ký tên.
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

      <Signatures signers={[{ title: `ĐẠI DIỆN ${data.officeName}` }, { title: 'TRƯỞNG ĐOÀN KIỂM TRA', name: leader }]} />
    </>
  );
}

/** The inspection record of a round (biên bản kiểm tra): on screen with an "In" button, and for the PDF. */
export function RoundRecord() {
  const { roundId = '' } = useParams();
  const loaded = useDocumentData(roundId, null);
  const sheet = useRef<HTMLElement>(null);
  usePrintReady(sheet, loaded);
  useDocumentTitle(loaded.state === 'ready' ? `Biên bản kiểm tra – ${loaded.data.detail.round.name}` : null);
  if (loaded.state !== 'ready') return <DocumentDesk status={<DocumentStatus loaded={loaded} />} />;
  return (
    <DocumentDesk>
      <article className="doc-sheet" ref={sheet}>
        <RecordSheet data={loaded.data} />
      </article>
    </DocumentDesk>
  );
}
