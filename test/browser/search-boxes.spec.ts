import { expect, test } from '../support/browser-fixtures';

/**
 * The small venue search boxes (a round's planning, a scan row's venue) ask as the venue
 * list does: once typing pauses, never once per keystroke; Enter right after typing still
 * adds the match for what was typed.
 */
test('planning a round searches per pause, and Enter before the answer adds the match typed', async ({ page, signedInUrl, request }) => {
  for (const name of ['Quán phở Hạnh', 'Chợ Kỳ Bắc', 'Nhà nghỉ Hoà Bình']) {
    const created = await (await request.post(`${signedInUrl}api/venues.create`, { data: { name, type: 'market' } })).json();
    expect(created.ok).toBe(true);
  }
  const searched: string[] = [];
  page.on('request', (sent) => {
    if (!sent.url().endsWith('/api/venues.list')) return;
    const { search = '' } = sent.postDataJSON() as { search?: string };
    if (search !== '') searched.push(search);
  });
  await page.goto(`${signedInUrl}#/inspections/new`);
  const box = page.getByLabel('Tìm cơ sở để thêm vào đợt');
  const found = page.getByRole('region', { name: 'Tìm cơ sở' });

  await box.pressSequentially('pho hanh', { delay: 30 });
  await expect.poll(() => searched.at(-1)).toBe('pho hanh');
  await expect(found.getByRole('button', { name: 'Thêm Quán phở Hạnh' })).toBeVisible();
  // Eight keys, far fewer searches (one per pause; a slow machine may pause more often).
  expect(searched.length).toBeLessThan(5);

  await box.fill('cho ky');
  await box.press('Enter');
  await expect(page.locator('.picked-venues li')).toHaveCount(1);
  await expect(page.locator('.picked-venues li')).toContainText('Chợ Kỳ Bắc');
  await expect(box).toHaveValue('');
});
