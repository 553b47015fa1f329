import type { APIRequestContext, Locator } from '@playwright/test';
import { call, exampleOffice } from '../support/api-call';
import { expect, test } from '../support/browser-fixtures';

/**
 * Issue 11, trap 10: at 1024 and 1366 px wide (office PCs) venue names shrank to ~10
 * letters and the round table's buttons were cut off. Measured in the page: what a clerk
 * reads fits, and what they click lies whole inside the window.
 */
const WIDTHS = [1024, 1366] as const;

const NAMES = ['Quán cà phê Đường Sắt', 'Trạm y tế xã Kỳ Bắc', 'Tạp hóa Hồng Nhung Bến', 'Cửa hàng vật liệu xây dựng Hoàng Long Phát'];

async function office(request: APIRequestContext, url: string) {
  const admin = await call(request, url, 'staff.create', { name: 'Nguyễn Thị Lan', role: 'admin' });
  await call(request, url, 'session.start', { staffId: admin.id });
  const { commune } = await exampleOffice(request, url);
  const venues = [];
  for (const name of NAMES) {
    venues.push(
      await call(request, url, 'venues.create', {
        name,
        ownerName: 'Nguyễn Văn Hải',
        phones: ['0912345678'],
        address: 'Số 12 đường Quang Trung',
        communeId: commune.id,
        acknowledgeDuplicates: true,
      }),
    );
  }
  return { admin, commune, venues };
}

/** Whether the element's text shows whole, not cut by an ellipsis. */
const showsWhole = (cell: Locator) => cell.evaluate((element) => element.scrollWidth <= element.clientWidth);

test('venue names keep their room in the list at 1024 and 1366 px', async ({ page, appUrl, request }) => {
  await office(request, appUrl);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 768 });
    await page.goto(`${appUrl}#/venues`);
    const names = page.locator('.venue-scroller [role="row"] .name');
    await expect(names).toHaveCount(NAMES.length);
    for (const name of NAMES.slice(0, 3)) {
      expect(await showsWhole(names.filter({ hasText: name })), `“${name}” whole at ${width} px`).toBe(true);
    }
    // Every column shown lies inside the row, and the phone, status and day read whole; at 1024 px
    // the day of the last change is left out for the name and the phone.
    const row = page.locator('.venue-scroller [role="row"]').first();
    const cells = row.locator('[role="cell"]:visible');
    const [rowBox, lastBox] = [await row.boundingBox(), await cells.last().boundingBox()];
    expect(lastBox!.x + lastBox!.width, `last column inside the row at ${width} px`).toBeLessThanOrEqual(rowBox!.x + rowBox!.width);
    const day = row.locator('[role="cell"]').last();
    await expect(day).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
    if (width > 1100) expect(await showsWhole(day), `the day whole at ${width} px`).toBe(true);
    else await expect(day).toBeHidden();
    expect(await showsWhole(row.locator('.status-active')), `the status whole at ${width} px`).toBe(true);
    const phone = row.locator('[role="cell"]', { hasText: '0912 345 678' });
    expect(await showsWhole(phone), `the phone whole at ${width} px`).toBe(true);
    // A name longer than the column ends in an ellipsis, and says itself whole on hover.
    await expect(names.filter({ hasText: NAMES[3] })).toHaveAttribute('title', NAMES[3]);
  }
});

/** How many lines the element's words take in the page. */
const linesOf = (element: Locator) =>
  element.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });

test('a venue page and the posters page keep their words whole at 1024 and 1366 px', async ({ page, appUrl, request }) => {
  const { venues } = await office(request, appUrl);
  const longest = venues[3];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 768 });
    await page.goto(`${appUrl}#/venues/${longest.id}`);
    await expect(page.getByRole('heading', { name: /Hoàng Long Phát/ })).toBeVisible();
    expect(await linesOf(page.locator('h1 .muted')), `the code on one line at ${width} px`).toBe(1);
    const buttons = page.locator('.toolbar .actions').first().locator('button, .button');
    expect(await buttons.count()).toBeGreaterThanOrEqual(2);
    for (const button of await buttons.all()) {
      expect(await linesOf(button), `“${await button.textContent()}” on one line at ${width} px`).toBe(1);
      const box = (await button.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }

    await page.goto(`${appUrl}#/posters`);
    const village = page.locator('.queue-village [role="cell"]').first();
    await expect(village).toContainText("— 4 cơ sở");
    expect(await showsWhole(village), `the village heading whole at ${width} px`).toBe(true);
  }
});

test('the round table keeps every button whole and inside the window at 1024 and 1366 px', async ({ page, appUrl, request }) => {
  const { admin, commune, venues } = await office(request, appUrl);
  const round = await call(request, appUrl, 'rounds.create', {
    name: 'Kiểm tra tháng 12',
    startsOn: '2026-11-30',
    communeId: commune.id,
    team: [{ staffId: admin.id, name: admin.name }],
    venueIds: venues.map((venue) => venue.id),
  });
  // The longest name, visited with a finding still open: its row carries a link and two document buttons.
  const point = (await call(request, appUrl, 'venues.get', { id: venues[3].id })).postingPoints[0].id;
  await call(request, appUrl, 'visits.save', {
    roundId: round.id,
    venueId: venues[3].id,
    visitedOn: '2026-11-30',
    points: [{ postingPointId: point, results: { intact: false } }],
    findings: [{ postingPointId: point, category: 'damaged', requestReprint: true }],
  });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 768 });
    await page.goto(`${appUrl}#/inspections/${round.id}`);
    const table = page.locator('table.round-venues');
    await expect(table.getByRole('button', { name: 'Ban hành giấy nhắc nhở' })).toBeVisible();
    const tableBox = (await table.boundingBox())!;
    const clickable = await table.locator('.row-actions a, .row-actions button').all();
    expect(clickable.length).toBeGreaterThanOrEqual(3 + venues.length - 1);
    const boxes = [];
    for (const item of clickable) {
      const box = (await item.boundingBox())!;
      const label = `“${await item.textContent()}” at ${width} px`;
      expect(await linesOf(item), `${label} on one line`).toBe(1);
      expect(box.x + box.width, `${label} inside the table`).toBeLessThanOrEqual(tableBox.x + tableBox.width + 0.5);
      expect(box.x + box.width, `${label} inside the window`).toBeLessThanOrEqual(width);
      boxes.push({ box, label });
    }
    // No two of them overlap.
    for (const [index, { box, label }] of boxes.entries()) {
      for (const other of boxes.slice(index + 1)) {
        const apart =
          box.x + box.width <= other.box.x + 0.5 || other.box.x + other.box.width <= box.x + 0.5 || box.y + box.height <= other.box.y + 0.5 || other.box.y + other.box.height <= box.y + 0.5;
        expect(apart, `${label} and ${other.label} apart`).toBe(true);
      }
    }
  }
});
