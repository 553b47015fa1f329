import { z } from 'zod';
import {
  AdminUnit,
  UnitCreate,
  UnitImport,
  UnitImportSummary,
  UnitMerge,
  UnitMergeResult,
  UnitUpdate,
} from '../domain/admin-unit';
import { AUDIT_ENTITIES, AuditEntry, AuditLogPage, AuditSearch } from '../domain/audit';
import { OfficeKey, REVOKE_REASONS, VenueCode, Verification } from '../domain/codes';
import { Id, requiredText, Version } from '../domain/fields';
import { Pin } from '../domain/pin';
import {
  Action,
  ACTION_STATUSES,
  Day,
  Finding,
  FINDING_CATEGORIES,
  Round,
  RoundDetail,
  RoundFields,
  TeamMember,
  VenueSuggestion,
  Visit,
  VisitSave,
} from '../domain/inspections';
import { ImportCheck, ImportCommit, ImportOpen, ImportRow, ImportRowsQuery, ImportSheet, ImportStatus } from '../domain/import';
import { Settings, SettingsPatch } from '../domain/settings';
import { Staff, StaffCreate, StaffUpdate } from '../domain/staff';
import {
  DuplicateCandidate,
  DuplicateQuery,
  PostingPoint,
  Venue,
  VenueCreate,
  VenueDetail,
  VenuePage,
  VenueQuery,
  VenueStatusChange,
  VenueUpdate,
} from '../domain/venue';
import { PrintJob, PrintJobCreate, PrintJobStatus, PrintSlice } from '../domain/posters';
import { PrintRecord, QueueEntry } from '../domain/prints';
import { operation } from './operation';
import { backupOperations } from './operations/backups';
import { dashboardOperations } from './operations/dashboard';
import { documentOperations } from './operations/documents';
import { exchangeOperations } from './operations/exchange';
import { pinOperations } from './operations/pin';
import { reportOperations } from './operations/reports';
import { scanOperations } from './operations/scans';
import type { Result } from './result';

const PostingPointLabel = requiredText(80);

/**
 * The one list of operations. The preload bridge, the IPC dispatcher, the renderer's
 * client and the browser bridge's routes are all derived from it: adding an operation
 * means adding it here plus its handler in main/core/handlers.ts.
 */
export const contract = {
  'app.info': operation({
    summary: 'Phiên bản ứng dụng và lược đồ dữ liệu / app and schema version',
    kind: 'read',
    roles: 'anyone',
    input: z.object({}),
    output: z.object({ appVersion: z.string(), schemaVersion: z.number().int(), dataDir: z.string() }),
  }),

  'session.get': operation({
    summary: 'Người đang làm việc / who is working',
    kind: 'read',
    roles: 'anyone',
    input: z.object({}),
    output: z.object({ staff: Staff.nullable() }),
  }),
  'session.start': operation({
    summary: 'Chọn người đang làm việc / say who is working',
    kind: 'write',
    roles: 'anyone',
    // The PIN is asked of those who set one (see shared/api/operations/pin.ts).
    input: z.object({ staffId: Id, pin: Pin.optional() }),
    output: Staff,
  }),

  'staff.list': operation({
    summary: 'Danh sách cán bộ / staff list',
    kind: 'read',
    roles: 'anyone',
    input: z.object({ includeInactive: z.boolean().optional().default(false) }),
    output: z.array(Staff),
  }),
  'staff.create': operation({
    summary: 'Thêm cán bộ / add staff',
    kind: 'write',
    roles: ['admin'],
    openBeforeFirstStaff: true,
    input: StaffCreate,
    output: Staff,
  }),
  'staff.update': operation({
    summary: 'Sửa cán bộ / edit staff',
    kind: 'write',
    roles: ['admin'],
    input: StaffUpdate,
    output: Staff,
  }),

  'settings.get': operation({
    summary: 'Cài đặt của văn phòng / office settings',
    kind: 'read',
    roles: 'staff',
    input: z.object({}),
    output: Settings,
  }),
  'settings.update': operation({
    summary: 'Sửa cài đặt / change settings',
    kind: 'write',
    roles: ['admin'],
    input: SettingsPatch,
    output: Settings,
  }),

  'units.list': operation({
    summary: 'Danh sách đơn vị hành chính / administrative units',
    kind: 'read',
    roles: 'staff',
    input: z.object({ includeRetired: z.boolean().optional().default(false) }),
    output: z.array(AdminUnit),
  }),
  'units.venueCounts': operation({
    summary: 'Số cơ sở theo từng xã/thôn / venues per commune and village',
    kind: 'read',
    roles: 'staff',
    input: z.object({}),
    output: z.record(Id, z.number().int()),
  }),
  'units.create': operation({
    summary: 'Thêm đơn vị hành chính / add a unit',
    kind: 'write',
    roles: ['admin'],
    input: UnitCreate,
    output: AdminUnit,
  }),
  'units.update': operation({
    summary: 'Đổi tên, mã của đơn vị / rename a unit or set its codes',
    kind: 'write',
    roles: ['admin'],
    input: UnitUpdate,
    output: AdminUnit,
  }),
  'units.retire': operation({
    summary: 'Thôi dùng đơn vị / retire a unit',
    kind: 'write',
    roles: ['admin'],
    input: z.object({ id: Id }),
    output: AdminUnit,
  }),
  'units.merge': operation({
    summary: 'Gộp đơn vị, chuyển cơ sở sang đơn vị mới / merge units, moving their venues',
    kind: 'write',
    roles: ['admin'],
    input: UnitMerge,
    output: UnitMergeResult,
  }),
  'units.seedExample': operation({
    summary: 'Nạp dữ liệu mẫu (ghi rõ là ví dụ) / add the labelled example units',
    kind: 'write',
    roles: ['admin'],
    input: z.object({}),
    output: z.object({ added: z.number().int() }),
  }),
  'units.import': operation({
    summary: 'Nhập danh mục đơn vị từ tệp .xlsx của cơ quan thống kê / import the official unit list',
    kind: 'write',
    roles: ['admin'],
    input: UnitImport,
    output: UnitImportSummary,
  }),

  'venues.create': operation({
    summary: 'Thêm cơ sở / create a venue',
    kind: 'write',
    roles: ['clerk'],
    input: VenueCreate,
    output: Venue,
  }),
  'venues.update': operation({
    summary: 'Sửa cơ sở / edit a venue',
    kind: 'write',
    roles: ['clerk'],
    input: VenueUpdate,
    output: Venue,
  }),
  'venues.setStatus': operation({
    summary: 'Đóng, tạm ngừng hoặc mở lại cơ sở / close, suspend or reopen a venue',
    kind: 'write',
    roles: ['clerk'],
    input: VenueStatusChange,
    output: Venue,
  }),
  'venues.get': operation({
    summary: 'Xem một cơ sở và các vị trí niêm yết / one venue with its posting points',
    kind: 'read',
    roles: 'staff',
    input: z.object({ id: Id }),
    output: VenueDetail,
  }),
  'venues.list': operation({
    summary: 'Danh sách cơ sở, lọc và tìm không dấu / venue list with filters and folded search',
    kind: 'read',
    roles: 'staff',
    input: VenueQuery,
    output: VenuePage,
  }),
  'venues.findDuplicates': operation({
    summary: 'Cơ sở có thể trùng / venues that look like this one',
    kind: 'read',
    roles: 'staff',
    input: DuplicateQuery,
    output: z.array(DuplicateCandidate),
  }),
  'venues.export': operation({
    summary: 'Xuất danh sách cơ sở đang lọc ra Excel hoặc CSV / export the filtered venue list to .xlsx or .csv',
    kind: 'read',
    roles: 'staff',
    // csv: comma-separated, for other software; csv-semicolon: for Excel under the Vietnamese regional format.
    input: VenueQuery.omit({ limit: true, offset: true }).extend({ format: z.enum(['xlsx', 'csv', 'csv-semicolon']) }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), bytesBase64: z.string(), rows: z.number().int() }),
  }),

  'postingPoints.add': operation({
    summary: 'Thêm vị trí niêm yết / add a posting point',
    kind: 'write',
    roles: ['clerk'],
    input: z.object({ venueId: Id, label: PostingPointLabel }),
    output: PostingPoint,
  }),
  'postingPoints.rename': operation({
    summary: 'Đổi tên vị trí niêm yết / rename a posting point',
    kind: 'write',
    roles: ['clerk'],
    input: z.object({ id: Id, label: PostingPointLabel }),
    output: PostingPoint,
  }),
  'postingPoints.retire': operation({
    summary: 'Thôi dùng vị trí niêm yết / retire a posting point',
    kind: 'write',
    roles: ['clerk'],
    input: z.object({ id: Id }),
    output: PostingPoint,
  }),

  'imports.open': operation({
    summary: 'Mở tệp Excel/CSV danh sách cơ sở để nhập / open a venue list file to import',
    kind: 'write',
    roles: ['clerk'],
    input: ImportOpen,
    output: ImportStatus,
  }),
  'imports.status': operation({
    summary: 'Tiến độ và kết quả của một lần nhập / progress and result of an import',
    kind: 'job',
    roles: ['clerk'],
    input: z.object({ importId: Id }),
    output: ImportStatus,
  }),
  'imports.cancel': operation({
    summary: 'Huỷ bước đang chạy của lần nhập; không ghi gì / cancel the running step, writing nothing',
    kind: 'job',
    roles: ['clerk'],
    input: z.object({ importId: Id }),
    output: ImportStatus,
  }),
  'imports.describeSheet': operation({
    summary: 'Các cột của một trang tính với dòng tiêu đề đã chọn / columns for a chosen header row',
    kind: 'read',
    roles: ['clerk'],
    input: z.object({ importId: Id, sheet: z.string().max(200), headerRow: z.number().int().min(1) }),
    output: ImportSheet,
  }),
  'imports.check': operation({
    summary: 'Kiểm tra từng dòng theo cách ghép cột đã chọn / check every row with the chosen mapping',
    kind: 'write',
    roles: ['clerk'],
    input: ImportCheck,
    output: ImportStatus,
  }),
  'imports.rows': operation({
    summary: 'Các dòng đã kiểm tra, theo trạng thái / checked rows, by status',
    kind: 'read',
    roles: ['clerk'],
    input: ImportRowsQuery,
    output: z.object({ rows: z.array(ImportRow), total: z.number().int() }),
  }),
  'imports.commit': operation({
    summary: 'Ghi các dòng vào sổ trong một giao dịch / write the rows in one transaction',
    kind: 'write',
    roles: ['clerk'],
    input: ImportCommit,
    output: ImportStatus,
  }),
  'imports.errorReport': operation({
    summary: 'Tệp Excel các dòng lỗi kèm lý do / the refused rows with their reasons, as .xlsx',
    kind: 'read',
    roles: ['clerk'],
    input: z.object({ importId: Id }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), bytesBase64: z.string() }),
  }),

  'codes.list': operation({
    summary: 'Các lần cấp mã của một cơ sở / a venue\'s code revisions',
    kind: 'read',
    roles: 'staff',
    input: z.object({ venueId: Id }),
    output: z.array(VenueCode),
  }),
  'codes.ensure': operation({
    summary: 'Mã hiện hành, cấp mới nếu chưa có / the current code, minted if none',
    kind: 'write',
    roles: ['clerk'],
    input: z.object({ venueId: Id }),
    output: VenueCode,
  }),
  'codes.revoke': operation({
    summary: 'Thu hồi mã và cấp lần mới / revoke the code and issue the next revision',
    kind: 'write',
    roles: ['clerk'],
    input: z.object({ venueId: Id, reason: z.enum(REVOKE_REASONS) }),
    output: VenueCode,
  }),
  'codes.setOfficial': operation({
    summary: 'Ghi mã do hệ thống quốc gia cấp, giữ nguyên từng byte / record the national system\'s code as is',
    kind: 'write',
    roles: ['clerk'],
    input: z.object({ venueId: Id, payload: z.string().min(1).max(1000) }),
    output: VenueCode,
  }),
  'codes.importOfficial': operation({
    summary: 'Nhập hàng loạt mã chính thức từ Excel/CSV (mã cơ sở + chuỗi mã) / official codes in bulk',
    kind: 'write',
    roles: ['clerk'],
    input: ImportOpen,
    output: z.object({ updated: z.number().int(), unchanged: z.number().int() }),
  }),
  'codes.verify': operation({
    summary: 'Kiểm tra một mã quét được / verify a scanned code offline',
    kind: 'read',
    roles: 'staff',
    input: z.object({ text: z.string().min(1).max(2000), expectedVenueId: Id.optional() }),
    output: Verification,
  }),
  'codes.officeKey': operation({
    summary: 'Khoá công khai của văn phòng để gửi xã khác, huyện / the office\'s public key to share',
    kind: 'read',
    roles: 'staff',
    input: z.object({}),
    output: OfficeKey,
  }),
  'codes.trustKey': operation({
    summary: 'Tin khoá công khai của văn phòng khác / trust another office\'s public key',
    kind: 'write',
    roles: ['admin'],
    input: z.object({
      officeName: requiredText(120),
      publicKey: z.string().min(40).max(100),
      /** At an upper office: the commune whose packages this key signs. */
      communeId: Id.nullable().optional().default(null),
    }),
    output: z.object({ keyId: z.string() }),
  }),

  'posters.createJob': operation({
    summary: 'Chuẩn bị một lượt in áp phích / prepare a print of posters',
    kind: 'write',
    roles: ['clerk'],
    input: PrintJobCreate,
    output: PrintJob,
  }),
  'posters.slice': operation({
    summary: 'Một phần áp phích của lượt in, cho trang in / a slice of a print job',
    kind: 'job',
    roles: 'staff',
    input: z.object({ jobId: Id, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(200) }),
    output: PrintSlice,
  }),
  'posters.exportPdf': operation({
    summary: 'Tạo một tệp PDF cho cả lượt in / render the whole print to one PDF',
    kind: 'write',
    roles: ['clerk'],
    input: z.object({ jobId: Id }),
    output: PrintJobStatus,
  }),
  'posters.status': operation({
    summary: 'Tiến độ tạo PDF / PDF progress',
    kind: 'job',
    roles: ['clerk'],
    input: z.object({ jobId: Id }),
    output: PrintJobStatus,
  }),
  'posters.cancel': operation({
    summary: 'Huỷ tạo PDF / cancel the PDF',
    kind: 'job',
    roles: ['clerk'],
    input: z.object({ jobId: Id }),
    output: PrintJobStatus,
  }),
  'posters.download': operation({
    summary: 'Tải tệp PDF đã tạo / download the PDF',
    kind: 'read',
    roles: ['clerk'],
    input: z.object({ jobId: Id }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), bytesBase64: z.string() }),
  }),
  'posters.recordPrinted': operation({
    summary: 'Ghi sổ các áp phích vừa in ra giấy / record the posters just printed on paper',
    kind: 'write',
    roles: ['clerk'],
    input: z.object({ jobId: Id }),
    output: z.object({ recorded: z.number().int() }),
  }),
  'posters.history': operation({
    summary: 'Lịch sử in của một cơ sở / a venue\'s print history',
    kind: 'read',
    roles: 'staff',
    input: z.object({ venueId: Id }),
    output: z.array(PrintRecord),
  }),
  'posters.queue': operation({
    summary: 'Danh sách cần in hoặc in lại / the reprint queue',
    kind: 'read',
    roles: 'staff',
    input: z.object({}),
    output: z.array(QueueEntry),
  }),

  'rounds.list': operation({
    summary: 'Các đợt kiểm tra / inspection rounds',
    kind: 'read',
    roles: 'staff',
    input: z.object({}),
    output: z.array(Round),
  }),
  'rounds.create': operation({
    summary: 'Mở đợt kiểm tra / open an inspection round',
    kind: 'write',
    roles: ['inspector'],
    input: RoundFields.extend({ venueIds: z.array(Id).max(5000).default([]) }),
    output: Round,
  }),
  'rounds.get': operation({
    summary: 'Một đợt kiểm tra với các lượt đến cơ sở / a round with its visits',
    kind: 'read',
    roles: 'staff',
    input: z.object({ id: Id }),
    output: RoundDetail,
  }),
  'rounds.addVenues': operation({
    summary: 'Thêm cơ sở cần đến vào đợt / add venues to visit',
    kind: 'write',
    roles: ['inspector'],
    input: z.object({ id: Id, venueIds: z.array(Id).min(1).max(5000) }),
    output: RoundDetail,
  }),
  'rounds.suggest': operation({
    summary: 'Gợi ý cơ sở cần kiểm tra / venues worth a visit',
    kind: 'read',
    roles: 'staff',
    input: z.object({ communeId: Id.optional(), villageId: Id.optional() }),
    output: z.array(VenueSuggestion),
  }),
  'rounds.close': operation({
    summary: 'Kết thúc đợt kiểm tra / close a round',
    kind: 'write',
    roles: ['leader'],
    input: z.object({ id: Id, version: Version, closeWithUnvisited: z.boolean().default(false) }),
    output: Round,
  }),
  'rounds.followUp': operation({
    summary: 'Mở đợt kiểm tra lại các cơ sở còn tồn tại / a follow-up round for open actions',
    kind: 'write',
    roles: ['inspector'],
    input: z.object({ id: Id, startsOn: Day, team: z.array(TeamMember).min(1).max(30) }),
    output: Round,
  }),
  'visits.save': operation({
    summary: 'Ghi kết quả đến một cơ sở / record a visit',
    kind: 'write',
    roles: ['inspector'],
    input: VisitSave,
    output: Visit,
  }),
  'findings.forVenue': operation({
    summary: 'Các tồn tại đã ghi ở một cơ sở / a venue\'s findings',
    kind: 'read',
    roles: 'staff',
    input: z.object({ venueId: Id }),
    output: z.array(Finding),
  }),
  'findings.photo': operation({
    summary: 'Ảnh của một tồn tại / a finding\'s photo',
    kind: 'read',
    roles: 'staff',
    input: z.object({ photoId: Id, thumbnail: z.boolean().default(true) }),
    output: z.object({ mimeType: z.string(), bytesBase64: z.string() }),
  }),
  'actions.list': operation({
    summary: 'Biện pháp khắc phục, lọc theo trạng thái / corrective actions',
    kind: 'read',
    roles: 'staff',
    input: z.object({ status: z.enum(ACTION_STATUSES).optional(), overdueOnly: z.boolean().default(false) }),
    output: z.array(Action.extend({ venueName: z.string(), shortCode: z.string(), category: z.enum(FINDING_CATEGORIES) })),
  }),
  'actions.markDone': operation({
    summary: 'Đánh dấu đã khắc phục / mark an action done',
    kind: 'write',
    roles: ['inspector', 'clerk'],
    input: z.object({ id: Id }),
    output: Action,
  }),

  'audit.list': operation({
    summary: 'Lịch sử thay đổi của một bản ghi / change history of a record',
    kind: 'read',
    roles: 'staff',
    input: z.object({ entity: z.enum(AUDIT_ENTITIES), entityId: z.string().min(1).max(100) }),
    output: z.array(AuditEntry),
  }),

  'audit.search': operation({
    summary: 'Lịch sử thay đổi của cả văn phòng, lọc theo người, loại bản ghi và thời gian / the office\'s change history, filtered',
    kind: 'read',
    roles: ['admin'],
    input: AuditSearch,
    output: AuditLogPage,
  }),

  // Larger areas declare their operations in shared/api/operations/<area>.ts: still one list.
  ...scanOperations,
  ...dashboardOperations,
  ...reportOperations,
  ...documentOperations,
  ...exchangeOperations,
  ...backupOperations,
  ...pinOperations,
};

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

/** What a caller sends (defaults may be left out). */
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>;
/** What a handler receives, after the schema has parsed and defaulted it. */
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends OperationName> = z.output<Contract[N]['output']>;

/** The API as the renderer sees it, whatever the transport. */
export type Api = { [N in OperationName]: (input: InputOf<N>) => Promise<Result<OutputOf<N>>> };

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The IPC channel of an operation: one rule, used by preload and main alike. */
export const channelOf = (name: OperationName): string => `api:${name}`;
