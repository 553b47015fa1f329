import fs from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { CHECK_KEYS } from '../../shared/domain/inspections';
import { startBridgeProcess, type RunningBridge } from '../support/bridge-process';
import { call } from '../support/api-call';
import { expect, test } from '../support/browser-fixtures';
import { COMMUNES, type CommuneName } from '../support/exchange-offices';
import { makeTempDir } from '../support/temp-dir';

/**
 * Two commune offices and their province, each its own data folder and bridge, as three
 * PCs would be: each commune prepares and saves its package from "Gửi dữ liệu lên cấp
 * trên"; the province is set up as an upper office in Settings, trusts each commune's key
 * bound to that commune, refuses a copy with one byte changed (with the reason, writing
 * nothing), receives both genuine packages on "Dữ liệu các xã" and then lists the sum of
 * their venues, each with its commune, and offers no change to a received venue.
 * Then the other way: the province's own finding at a Kỳ Bắc venue goes down in a return
 * package, is fixed there by a reprint, and shows as fixed at the province after Kỳ Bắc's
 * next package.
 */

/** An office's first person (an admin) and the province with both communes, named as the statistics office codes them. */
async function setUpOffice(request: APIRequestContext, url: string, person: string) {
  const admin = await call(request, url, 'staff.create', { name: person, role: 'admin' });
  await call(request, url, 'session.start', { staffId: admin.id });
  const province = await call(request, url, 'units.create', { level: 'province', name: 'Tỉnh Hà Tĩnh', officialCode: '42' });
  for (const commune of ['kyBac', 'kyPhong'] as const) {
    await call(request, url, 'units.create', { level: 'commune', parentId: province.id, ...COMMUNES[commune] });
  }
  return province;
}

/** A commune office with its commune chosen and its venues registered. */
async function communeOffice(request: APIRequestContext, url: string, commune: CommuneName, venues: string[]) {
  await setUpOffice(request, url, 'Nguyễn Thị Lan');
  const units = await call(request, url, 'units.list', {});
  const communeId = units.find((unit) => unit.name === COMMUNES[commune].name)!.id;
  await call(request, url, 'settings.update', { homeCommuneId: communeId });
  for (const name of venues) await call(request, url, 'venues.create', { name, type: 'shop', acknowledgeDuplicates: true });
  return { url, commune: COMMUNES[commune].name, key: await call(request, url, 'codes.officeKey', {}), venues: venues.length };
}
type CommuneOffice = Awaited<ReturnType<typeof communeOffice>>;

const factValue = (page: Page, label: string) =>
  page.locator('.fact').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');

/**
 * The clerk's way: the menu entry, "Chuẩn bị gói dữ liệu", the size and counts, then "Lưu
 * tệp .diemqr". The first package is full; after it the page chooses an incremental on
 * the last package sent, which carries only what changed.
 */
async function sendFromPage(page: Page, office: CommuneOffice, sequence = 1): Promise<Buffer> {
  await page.goto(`${office.url}#/venues`);
  await page.getByRole('navigation').getByRole('link', { name: 'Gửi lên cấp trên' }).click();
  await expect(page.getByRole('heading', { name: 'Gửi dữ liệu lên cấp trên' })).toBeVisible();
  const base = sequence - 1;
  if (base > 0) await expect(page.getByRole('radio', { name: new RegExp(`^Gói bổ sung: .* từ gói số ${base} `) })).toBeChecked();
  await page.getByRole('button', { name: 'Chuẩn bị gói dữ liệu' }).click();
  const ready = base > 0 ? `Gói bổ sung số ${sequence} \\(nối tiếp gói số ${base}\\)` : `Gói số ${sequence}`;
  await expect(page.getByRole('status')).toContainText(new RegExp(`${ready} đã sẵn sàng: [\\d,.]+ (byte|KB|MB)`));
  if (base === 0) await expect(factValue(page, 'Cơ sở')).toHaveText(String(office.venues));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lưu tệp .diemqr' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.diemqr$/);
  return fs.readFileSync((await download.path())!);
}

/** The province's admin: upper office of the province, and each commune's key trusted for that commune. */
async function becomeUpperOffice(page: Page, url: string, communes: CommuneOffice[]) {
  await page.goto(`${url}#/settings`);
  await page.getByLabel('Loại văn phòng').selectOption({ label: 'Văn phòng cấp trên (tỉnh, hoặc huyện với dữ liệu trước 2025)' });
  await page.getByLabel('Đơn vị của văn phòng cấp trên').selectOption({ label: 'Tỉnh Hà Tĩnh' });
  await expect(page.getByLabel('Đơn vị của văn phòng cấp trên')).toHaveValue(/.+/);
  for (const office of communes) {
    await page.getByLabel('Tên văn phòng', { exact: true }).fill(`UBND ${office.commune}`);
    await page.getByLabel('Khoá công khai (base64)').fill(office.key.publicKey);
    await page.getByLabel('Khoá này ký gói dữ liệu của xã').selectOption({ label: office.commune });
    await page.getByRole('button', { name: 'Thêm khoá' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã thêm khoá.');
    await expect(page.getByLabel('Khoá công khai (base64)')).toHaveValue('');
  }
}

async function receiveOnPage(page: Page, fileName: string, bytes: Buffer, label = 'Chọn tệp .diemqr của xã') {
  await page.getByLabel(label).setInputFiles({ name: fileName, mimeType: 'application/octet-stream', buffer: bytes });
}

const communeRow = (page: Page, commune: string) => page.locator('.exchange-communes tbody tr', { hasText: commune });

test('two communes send their packages; the province refuses a tampered copy, receives both and lists the sum of their venues', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(120_000);
  const folders = [makeTempDir('diemqr-e2e-phong-'), makeTempDir('diemqr-e2e-province-')];
  const bridges: RunningBridge[] = [];
  try {
    for (const folder of folders) bridges.push(await startBridgeProcess(folder.dir));
    const [phongUrl, provinceUrl] = bridges.map((bridge) => bridge.url);
    const bac = await communeOffice(page.request, appUrl, 'kyBac', ['Quán Hoà Bình', 'Chợ Kỳ Bắc', 'Tạp hoá Minh Anh']);
    const phong = await communeOffice(page.request, phongUrl, 'kyPhong', ['Nhà văn hoá Kỳ Phong', 'Quán cà phê Sông La']);

    const bacPackage = await sendFromPage(page, bac);
    const phongPackage = await sendFromPage(page, phong);

    await setUpOffice(page.request, provinceUrl, 'Phạm Văn Tỉnh');
    await becomeUpperOffice(page, provinceUrl, [bac, phong]);
    // The menu entry exists once the office is set up, and leads to the communes' table.
    await page.goto(`${provinceUrl}#/venues`);
    await page.getByRole('navigation').getByRole('link', { name: 'Dữ liệu các xã' }).click();
    await expect(page.getByRole('heading', { name: 'Dữ liệu các xã' })).toBeVisible();
    await expect(communeRow(page, bac.commune)).toContainText('Chưa gửi gói nào');

    // A copy with one byte of a venue's name changed on the way: refused with the reason, nothing written.
    const tampered = Buffer.from(bacPackage);
    const at = tampered.indexOf(Buffer.from('Quán Hoà Bình'));
    expect(at).toBeGreaterThan(0);
    tampered[at] = 'K'.charCodeAt(0);
    await receiveOnPage(page, 'ky-bac.diemqr', tampered);
    await expect(page.getByRole('alert')).toContainText(/Không nhận gói dữ liệu.*gói đã bị sửa.*Chưa ghi gì/);
    await expect(communeRow(page, bac.commune)).toContainText('Chưa gửi gói nào');
    expect((await call(page.request, provinceUrl, 'venues.list', {})).total).toBe(0);

    // The genuine packages then.
    await receiveOnPage(page, 'ky-bac.diemqr', bacPackage);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('status')).toContainText(`Đã nhận gói số 1 của ${bac.commune}`);
    await expect(factValue(page, 'Cơ sở')).toHaveText('3');
    await receiveOnPage(page, 'ky-phong.diemqr', phongPackage);
    await expect(page.getByRole('status')).toContainText(`Đã nhận gói số 1 của ${phong.commune}`);
    for (const office of [bac, phong]) {
      await expect(communeRow(page, office.commune)).toContainText('Mới');
      await expect(communeRow(page, office.commune).locator('td').nth(4)).toHaveText(String(office.venues));
    }

    // The province's register is the sum of its communes' registers.
    const sum = (await call(page.request, appUrl, 'venues.list', {})).total + (await call(page.request, phongUrl, 'venues.list', {})).total;
    expect(sum).toBe(5);
    expect((await call(page.request, provinceUrl, 'venues.list', {})).total).toBe(sum);
    await page.getByRole('navigation').getByRole('link', { name: 'Cơ sở', exact: true }).click();
    await expect(page.getByText(`${sum} cơ sở`, { exact: true })).toBeVisible();

    // Each row names its commune; a received venue's page offers no change, and says whose it is.
    const market = page.getByRole('row', { name: /Chợ Kỳ Bắc/ });
    await expect(market.getByRole('cell', { name: bac.commune, exact: true })).toBeVisible();
    await market.click();
    await expect(page.getByRole('note')).toHaveText(`Dữ liệu của ${bac.commune}, chỉ xã đó sửa được.`);
    // Its sections have loaded before what they leave out is checked.
    for (const section of ['Vị trí niêm yết', 'Mã QR điểm đăng ký', 'Lượt quét mã QR']) await expect(page.getByRole('heading', { name: section, exact: true })).toBeVisible();
    for (const name of ['Sửa', 'Đóng cơ sở', 'Thêm vị trí', 'Đổi tên', 'In áp phích', 'Ghi mã chính thức', 'Ghi số lượt quét bằng tay']) {
      await expect(page.getByText(name, { exact: true })).toHaveCount(0);
    }
  } finally {
    for (const bridge of bridges) await bridge.stop();
    for (const folder of folders) folder.remove();
  }
});

const allGood = Object.fromEntries(CHECK_KEYS.map((key) => [key, true]));

/** The province's own inspection of a received venue: a faded poster, a reprint asked for by a due date. */
async function provinceInspects(request: APIRequestContext, url: string, venueName: string) {
  const venue = (await call(request, url, 'venues.list', { search: venueName })).items[0];
  const point = (await call(request, url, 'venues.get', { id: venue.id })).postingPoints[0].id;
  const staff = (await call(request, url, 'session.get', {})).staff!;
  const round = await call(request, url, 'rounds.create', {
    name: 'Kiểm tra của tỉnh',
    startsOn: '2026-11-25',
    team: [{ staffId: staff.id, name: staff.name }],
    venueIds: [venue.id],
  });
  await call(request, url, 'visits.save', {
    roundId: round.id,
    venueId: venue.id,
    visitedOn: '2026-11-25',
    points: [{ postingPointId: point, results: { ...allGood, intact: false } }],
    findings: [
      {
        postingPointId: point,
        category: 'damaged',
        note: 'Tỉnh: áp phích bạc màu',
        photos: [],
        action: { kind: 'reprint', dueOn: '2026-12-15', responsible: 'Văn phòng xã Kỳ Bắc' },
        requestReprint: true,
      },
    ],
  });
  return venue.id;
}

/** The venue page's finding row for the province's finding. */
const provinceFinding = (page: Page) => page.locator('.venue-findings tbody tr', { hasText: 'Tỉnh: áp phích bạc màu' });

test('the province\'s finding goes down to the commune in a return package, is fixed there by a reprint, and shows fixed above after the next package', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(150_000);
  const folder = makeTempDir('diemqr-e2e-province-');
  let bridge: RunningBridge | undefined;
  try {
    bridge = await startBridgeProcess(folder.dir);
    const provinceUrl = bridge.url;
    const bac = await communeOffice(page.request, appUrl, 'kyBac', ['Quán Hoà Bình', 'Chợ Kỳ Bắc']);
    const firstPackage = await sendFromPage(page, bac);
    await setUpOffice(page.request, provinceUrl, 'Phạm Văn Tỉnh');
    await becomeUpperOffice(page, provinceUrl, [bac]);
    await page.goto(`${provinceUrl}#/venues`);
    await page.getByRole('navigation').getByRole('link', { name: 'Dữ liệu các xã' }).click();
    await receiveOnPage(page, 'ky-bac.diemqr', firstPackage);
    await expect(page.getByRole('status')).toContainText(`Đã nhận gói số 1 của ${bac.commune}`);
    const venueAbove = await provinceInspects(page.request, provinceUrl, 'Quán Hoà Bình');

    // The province makes Kỳ Bắc's return package from its row.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      communeRow(page, bac.commune).getByRole('button', { name: 'Lập gói trả về' }).click(),
    ]);
    const returnPackage = fs.readFileSync((await download.path())!);
    await expect(communeRow(page, bac.commune).getByRole('status')).toContainText(`Đã lập gói trả về số 1 cho ${bac.commune}`);

    // Kỳ Bắc trusts the province's key as its upper office's, in Settings.
    const provinceKey = await call(page.request, provinceUrl, 'codes.officeKey', {});
    await page.goto(`${appUrl}#/settings`);
    await page.getByLabel('Tên văn phòng', { exact: true }).fill('UBND Tỉnh Hà Tĩnh');
    await page.getByLabel('Khoá công khai (base64)').fill(provinceKey.publicKey);
    await page.getByLabel('Khoá này ký gói trả về của văn phòng cấp trên').selectOption({ label: 'Tỉnh Hà Tĩnh' });
    await page.getByRole('button', { name: 'Thêm khoá' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã thêm khoá.');

    // A copy altered on the way is refused with the reason; the genuine one comes in.
    await page.getByRole('navigation').getByRole('link', { name: 'Gửi lên cấp trên' }).click();
    const tampered = Buffer.from(returnPackage);
    const at = tampered.indexOf(Buffer.from('Tỉnh: áp phích bạc màu'));
    expect(at).toBeGreaterThan(0);
    tampered[at] = 'X'.charCodeAt(0);
    const fromAbove = 'Chọn tệp .diemqr của cấp trên';
    await receiveOnPage(page, 'tra-ve.diemqr', tampered, fromAbove);
    await expect(page.getByRole('alert')).toContainText(/Không nhận gói dữ liệu.*gói đã bị sửa.*Chưa ghi gì/);
    await receiveOnPage(page, 'tra-ve.diemqr', returnPackage, fromAbove);
    await expect(page.getByRole('status')).toContainText('Đã nhận gói số 1 của Tỉnh Hà Tĩnh');

    // At Kỳ Bắc: a finding from the province, its action open, the venue in the print queue.
    const venueHere = (await call(page.request, appUrl, 'venues.list', { search: 'Quán Hoà Bình' })).items[0].id;
    await page.goto(`${appUrl}#/venues/${venueHere}`);
    await expect(provinceFinding(page)).toContainText('Từ Tỉnh Hà Tĩnh');
    await expect(provinceFinding(page)).toContainText('Chưa khắc phục');
    expect((await call(page.request, appUrl, 'posters.queue', {})).find((entry) => entry.venueId === venueHere)?.reasons).toContain('requested');

    // Kỳ Bắc reprints the poster (the print queue's job, recorded as printed): the action is done.
    const job = await call(page.request, appUrl, 'posters.createJob', { selection: { kind: 'venues', venueIds: [venueHere] }, template: 'a4', reason: 'faded' });
    await call(page.request, appUrl, 'posters.recordPrinted', { jobId: job.jobId });
    await page.reload();
    await expect(provinceFinding(page)).toContainText('Đã khắc phục');

    // Kỳ Bắc's next package; at the province the finding, still its own, reads fixed.
    const secondPackage = await sendFromPage(page, bac, 2);
    await page.goto(`${provinceUrl}#/venues`);
    await page.getByRole('navigation').getByRole('link', { name: 'Dữ liệu các xã' }).click();
    await receiveOnPage(page, 'ky-bac-2.diemqr', secondPackage);
    await expect(page.getByRole('status')).toContainText(`Đã nhận gói số 2 của ${bac.commune}`);
    await page.goto(`${provinceUrl}#/venues/${venueAbove}`);
    await expect(provinceFinding(page)).toHaveCount(1);
    await expect(provinceFinding(page)).toContainText('Đã khắc phục');
    await expect(provinceFinding(page)).not.toContainText('Từ ');
  } finally {
    await bridge?.stop();
    folder.remove();
  }
});
