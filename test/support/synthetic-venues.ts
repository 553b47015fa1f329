import { v7 as uuidv7 } from 'uuid';
import type { VenueType } from '../../shared/domain/venue';
import { normalizePhone, phoneDigits } from '../../shared/text/phone';
import { vietnameseSortKey } from '../../shared/text/sort-key';
import type { Db } from '../../main/db/open';
import { MAIN_ENTRANCE_LABEL } from '../../shared/domain/venue';
import { venueSearchColumns } from '../../main/venues/search-text';
import { indexImportedVenues, setAsideSearchIndexing } from '../../main/import/bulk-search-index';
import { filledFields } from '../../main/audit/service';

/**
 * Deterministic synthetic venues for the 100,000-venue search test and `npm run bench`:
 * realistic Vietnamese names (tone marks, đ, old and new tone placement), owners, village
 * addresses and mobile numbers. The same seed always yields the same venues.
 *
 * The generator never produces the words "Kỳ", "Đường", "Sắt" or "Gành", nor a landline
 * (02…) number, so venues made with those can serve as needles that only a correct
 * search finds first.
 */

/** mulberry32: a small seeded PRNG returning floats in [0, 1); never Math.random. */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (random: Random, probability: number): boolean => random() < probability;

/** What a venue kind is called on its sign, with how common it is among a commune's venues. */
const KINDS: ReadonlyArray<{ type: VenueType; weight: number; names: readonly string[] }> = [
  { type: 'shop', weight: 22, names: ['Tạp hoá', 'Tạp hóa', 'Cửa hàng tạp hoá', 'Cửa hàng điện thoại', 'Cửa hàng vật liệu xây dựng', 'Cửa hàng điện máy', 'Shop quần áo'] },
  { type: 'household_business', weight: 14, names: ['Hộ kinh doanh', 'Tiệm may', 'Tiệm cắt tóc', 'Tiệm sửa xe máy', 'Tiệm vàng', 'Tiệm bánh', 'Tiệm giặt là'] },
  { type: 'restaurant', weight: 14, names: ['Quán bún bò', 'Quán phở', 'Quán cơm', 'Nhà hàng', 'Quán bánh mì', 'Quán lẩu dê', 'Quán bún chả', 'Quán cháo lươn', 'Quán ốc'] },
  { type: 'cafe', weight: 10, names: ['Quán cà phê', 'Cà phê', 'Cafe', 'Quán trà sữa', 'Quán nước mía'] },
  { type: 'market_stall', weight: 8, names: ['Sạp rau', 'Sạp thịt', 'Sạp cá', 'Ki-ốt', 'Quầy hoa quả', 'Sạp vải'] },
  { type: 'hotel', weight: 4, names: ['Nhà nghỉ', 'Khách sạn', 'Homestay'] },
  { type: 'entertainment', weight: 4, names: ['Karaoke', 'Quán bi-a', 'Phòng game', 'Sân bóng mini'] },
  { type: 'supermarket', weight: 3, names: ['Siêu thị', 'Siêu thị mini', 'Cửa hàng tiện lợi'] },
  { type: 'fuel_station', weight: 2, names: ['Cửa hàng xăng dầu', 'Cây xăng', 'Trạm xăng dầu'] },
  { type: 'health', weight: 3, names: ['Nhà thuốc', 'Trạm y tế', 'Phòng khám đa khoa', 'Nha khoa', 'Quầy thuốc'] },
  { type: 'factory', weight: 3, names: ['Xưởng mộc', 'Xưởng may', 'Xưởng cơ khí', 'Cơ sở sản xuất gạch', 'Xưởng chế biến hải sản'] },
  { type: 'office', weight: 2, names: ['Công ty TNHH', 'Văn phòng công chứng', 'Hợp tác xã', 'Trụ sở thôn'] },
  { type: 'school', weight: 2, names: ['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS', 'Nhóm trẻ'] },
  { type: 'religious', weight: 1, names: ['Chùa', 'Nhà thờ giáo xứ', 'Đền', 'Đình làng'] },
  { type: 'bank_post', weight: 1, names: ['Bưu điện văn hoá xã', 'Ngân hàng Agribank chi nhánh', 'Phòng giao dịch ngân hàng chính sách'] },
  { type: 'transport', weight: 1, names: ['Bến xe', 'Nhà chờ xe buýt', 'Bến đò'] },
  { type: 'market', weight: 1, names: ['Chợ', 'Chợ đầu mối', 'Chợ cá'] },
  { type: 'other', weight: 5, names: ['Cơ sở', 'Điểm thu gom phế liệu', 'Tiệm in ấn', 'Đại lý vé số', 'Điểm bán hàng'] },
];
const TOTAL_WEIGHT = KINDS.reduce((sum, kind) => sum + kind.weight, 0);

const FAMILY_NAMES = [
  'Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng',
  'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Đoàn', 'Trương', 'Thái', 'Tạ',
];
const MALE_MIDDLE_NAMES = ['Văn', 'Đức', 'Minh', 'Hữu', 'Quang', 'Công', 'Đình', 'Bá', 'Xuân'];
const FEMALE_MIDDLE_NAMES = ['Thị', 'Thị', 'Thị Thu', 'Ngọc', 'Thanh', 'Minh', 'Xuân', 'Thị Kim'];
const MALE_GIVEN_NAMES = [
  'Hùng', 'Tuấn', 'Dũng', 'Đức', 'Đạt', 'Khánh', 'Sơn', 'Thắng', 'Vinh', 'Nghĩa', 'Cường', 'Hải', 'Long', 'Việt',
  'Bảo', 'Định', 'Toàn', 'Lộc', 'Quý', 'Hoà', 'Hòa', 'Tâm', 'Điệp', 'Thành', 'Phúc',
];
const FEMALE_GIVEN_NAMES = [
  'Lan', 'Hương', 'Thuý', 'Thúy', 'Nga', 'Phương', 'Quỳnh', 'Trang', 'Yến', 'Thuỷ', 'Thủy', 'Hằng', 'Bích', 'Mai',
  'Oanh', 'Thảo', 'Uyên', 'Ánh', 'Hạnh', 'Huệ', 'Hoà', 'Hòa', 'Tâm', 'Loan', 'Nhung',
];
const GIVEN_NAMES = [...MALE_GIVEN_NAMES, ...FEMALE_GIVEN_NAMES];
const TITLES = ['Bà', 'Ông', 'Cô', 'Chú', 'Anh', 'Chị', 'Dì', 'Bác'];
/** Brand-like words on Vietnamese signs ("Minh Đức", "Phúc An"). */
const SIGN_WORDS = [
  'Minh Đức', 'Hoàng Long', 'Phúc An', 'Thành Đạt', 'Hưng Thịnh', 'Tân Phát', 'An Khang', 'Đại Phát', 'Phát Lộc',
  'Hồng Phúc', 'Thiên Ân', 'Bình An', 'Ngọc Diệp', 'Đông Á', 'Tiến Thành', 'Mạnh Hùng', 'Hiếu Nghĩa', 'Sao Mai',
];
/** Places in the style of Hà Tĩnh and Nghệ An communes, none named "Kỳ". */
const PLACES = [
  'Thạch Hà', 'Cẩm Xuyên', 'Hồng Lĩnh', 'Đức Thọ', 'Hương Sơn', 'Nghi Xuân', 'Can Lộc', 'Lộc Hà', 'Thạch Kim',
  'Cẩm Bình', 'Xuân An', 'Đông Hà', 'Trung Sơn', 'Phú Lợi', 'Tân Thượng', 'Bình Minh', 'Hải Phong', 'Thuận Lộc',
  'Đồng Môn', 'Quỳnh Lưu', 'Diễn Châu', 'Hoà Bình', 'Hòa Lạc', 'Yên Thành', 'Cửa Lò', 'Vũ Quang', 'Sơn Thuỷ',
];
const VILLAGE_WORDS = ['Thôn', 'Thôn', 'Xóm', 'Tổ dân phố'];
const COMMUNES = ['xã Thạch Hạ', 'xã Cẩm Bình', 'xã Thạch Kim', 'xã Xuân An', 'phường Hồng Lĩnh', 'xã Đức Thọ', 'thị trấn Nghi Xuân'];
/** Mobile prefixes in use (Viettel, VinaPhone, MobiFone, Vietnamobile); never a landline. */
const MOBILE_PREFIXES = [
  '090', '091', '093', '094', '096', '097', '098', '086', '088', '089', '032', '033', '034', '035', '036', '037',
  '038', '039', '070', '076', '077', '078', '079', '081', '082', '083', '084', '085', '092', '056', '058',
];

function personName(random: Random): string {
  const female = chance(random, 0.55);
  const middle = pick(random, female ? FEMALE_MIDDLE_NAMES : MALE_MIDDLE_NAMES);
  return `${pick(random, FAMILY_NAMES)} ${middle} ${pick(random, female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES)}`;
}

function venueName(random: Random, kind: string): string {
  const style = random();
  if (style < 0.35) return `${kind} ${pick(random, TITLES)} ${pick(random, GIVEN_NAMES)}`;
  if (style < 0.55) return `${kind} ${pick(random, SIGN_WORDS)}`;
  if (style < 0.7) return `${kind} ${pick(random, PLACES)}`;
  if (style < 0.8) return `${kind} ${pick(random, GIVEN_NAMES)}`;
  if (style < 0.9) return `${kind} ${pick(random, SIGN_WORDS)} ${Math.floor(random() * 9) + 1}`;
  return `${kind} ${pick(random, GIVEN_NAMES)} ${pick(random, PLACES)}`;
}

function address(random: Random): string {
  const village = chance(random, 0.4)
    ? `${pick(random, VILLAGE_WORDS)} ${Math.floor(random() * 15) + 1}`
    : `${pick(random, VILLAGE_WORDS)} ${pick(random, PLACES)}`;
  const house = chance(random, 0.3) ? `Số ${Math.floor(random() * 300) + 1}, ` : '';
  const road = chance(random, 0.1) ? ', ven Quốc lộ 1A' : '';
  return `${house}${village}${road}, ${pick(random, COMMUNES)}`;
}

/** A mobile number in display form, "0912 345 678", formatted by the app's own normaliser. */
function mobilePhone(random: Random): string {
  const rest = String(Math.floor(random() * 10_000_000)).padStart(7, '0');
  return normalizePhone(`${pick(random, MOBILE_PREFIXES)}${rest}`)!;
}

export interface SyntheticVenue {
  name: string;
  type: VenueType;
  ownerName: string;
  /** Display form, as the app stores them. */
  phones: string[];
  address: string;
}

/** An endless, deterministic stream of venues for one seed. */
export function createVenueGenerator(seed = 20_250_701): () => SyntheticVenue {
  const random = createPrng(seed);
  return () => {
    let roll = random() * TOTAL_WEIGHT;
    const kind = KINDS.find((k) => (roll -= k.weight) < 0) ?? KINDS[KINDS.length - 1];
    const phoneCount = chance(random, 0.1) ? 0 : chance(random, 0.12) ? 2 : 1;
    return {
      name: venueName(random, pick(random, kind.names)),
      type: kind.type,
      ownerName: chance(random, 0.9) ? personName(random) : '',
      phones: Array.from({ length: phoneCount }, () => mobilePhone(random)),
      address: address(random),
    };
  };
}

/** The first `count` venues of a seed. */
export function syntheticVenues(count: number, seed?: number): SyntheticVenue[] {
  const next = createVenueGenerator(seed);
  return Array.from({ length: count }, next);
}

export interface SeedOptions {
  /** Letters of the codes, e.g. "TT" → TT-0001; continues after the prefix's counter, which is advanced. */
  prefix: string;
  seed?: number;
  communeId?: string | null;
  villageId?: string | null;
  /** Staff recorded as creator; null like a row imported without a session. */
  actorId?: string | null;
  /** created_at/updated_at of the last venue; earlier ones are spread one minute apart before it. */
  until?: Date;
  /** Also writes the "create" audit row createVenue writes for each venue (the import bench's fair floor). */
  audited?: boolean;
}

export interface SeedResult {
  count: number;
  /** Codes handed out, first and last. */
  firstCode: string;
  lastCode: string;
  byType: Partial<Record<VenueType, number>>;
}

const codeOf = (prefix: string, number: number) => `${prefix}-${String(number).padStart(4, '0')}`;

/**
 * Inserts `count` synthetic venues in one transaction with prepared statements.
 *
 * This BYPASSES the venue service (createVenue in main/venues/service.ts) only for speed:
 * 100,000 service calls with validation, duplicate checks and audit rows take minutes.
 * It writes the same rows createVenue writes — the venues columns (folded search columns
 * and sort key from the app's own venueSearchColumns/vietnameseSortKey), the venue_phones
 * digits, the main entrance posting point, and the code counter so later codes never
 * repeat — but no audit_log rows: synthetic venues have no history.
 *
 * Also for speed, the search index is filled once at the end, as an import commit does
 * (main/import/bulk-search-index.ts), all in the same transaction: the index holds exactly
 * what the per-row trigger would have put in it, and the trigger is back before anyone can look.
 */
export function seedVenues(db: Db, count: number, options: SeedOptions): SeedResult {
  const { prefix, seed, communeId = null, villageId = null, actorId = null, audited = false } = options;
  const until = (options.until ?? new Date()).getTime();
  const next = createVenueGenerator(seed);
  const hasPostingPoints =
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'posting_points'").get() !== undefined;
  const insertVenue = db.prepare(
    `INSERT INTO venues (id, code, name, sort_key, type, owner_name, phones, address, commune_id, village_id,
       business_reg_no, status, notes, latitude, longitude, name_folded, details_folded,
       created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 'active', '', NULL, NULL, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPhone = db.prepare('INSERT OR IGNORE INTO venue_phones (venue_id, digits) VALUES (?, ?)');
  const insertPoint = hasPostingPoints
    ? db.prepare(
        `INSERT INTO posting_points (id, venue_id, label, position, is_main, created_at, updated_at)
         VALUES (?, ?, ?, 0, 1, ?, ?)`,
      )
    : null;
  const insertAudit = db.prepare(
    `INSERT INTO audit_log (id, at, staff_id, entity, entity_id, action, before_json, after_json)
     VALUES (?, ?, ?, 'venue', ?, 'create', NULL, ?)`,
  );
  const reserveCodes = db.prepare<[string, number, number], { last_number: number }>(
    `INSERT INTO venue_code_counters (prefix, last_number) VALUES (?, ?)
     ON CONFLICT (prefix) DO UPDATE SET last_number = last_number + ?
     RETURNING last_number`,
  );

  return db.transaction((): SeedResult => {
    const searchIndexing = setAsideSearchIndexing(db);
    const last = reserveCodes.get(prefix, count, count)!.last_number;
    const first = last - count + 1;
    const byType: SeedResult['byType'] = {};
    for (let index = 0; index < count; index++) {
      const venue = next();
      const id = uuidv7();
      const code = codeOf(prefix, first + index);
      const at = new Date(until - (count - 1 - index) * 60_000).toISOString();
      const { nameFolded, detailsFolded } = venueSearchColumns({ ...venue, code });
      insertVenue.run(
        id, code, venue.name, vietnameseSortKey(venue.name), venue.type, venue.ownerName, JSON.stringify(venue.phones),
        venue.address, communeId, villageId, nameFolded, detailsFolded, at, actorId, at, actorId,
      );
      for (const phone of venue.phones) insertPhone.run(id, phoneDigits(phone));
      insertPoint?.run(uuidv7(), id, MAIN_ENTRANCE_LABEL, at, at);
      if (audited) {
        const after = filledFields({ code, name: venue.name, type: venue.type, ownerName: venue.ownerName, phones: venue.phones, address: venue.address, status: 'active' });
        insertAudit.run(uuidv7(), at, actorId, id, JSON.stringify(after));
      }
      byType[venue.type] = (byType[venue.type] ?? 0) + 1;
    }
    indexImportedVenues(db, searchIndexing);
    return { count, firstCode: codeOf(prefix, first), lastCode: codeOf(prefix, last), byType };
  }).immediate();
}
