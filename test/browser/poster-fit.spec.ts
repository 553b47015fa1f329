import type { Page } from '@playwright/test';
import { POSTER_LAYOUT, type PosterLayout, type PosterSize } from '../../renderer/posters/poster-layout';
import { expect, test } from '../support/browser-fixtures';

/** Names that stress fitting: long, stacked Vietnamese marks, capitals, one unbreakable word, short. */
const NAMES = [
  'Hợp tác xã dịch vụ nông nghiệp tổng hợp Đông Kỳ Bắc chuyên cung ứng vật tư phân bón giống cây trồng và thức ăn chăn nuôi',
  'Quầy thuốc Nguyễn Thị Ngọc Huyền – Chi nhánh Ấp Mỹ Hưng',
  'CỬA HÀNG VẬT LIỆU XÂY DỰNG ĐỨC THUẬN PHƯỚC LỘC',
  'Nhà hàng Ẩm thực Quê Hương Bảy Mẫu Hồ Gươm Hữu Nghị',
  'Tiệm tạp hoá Bà Tư Xuyến',
  'Khuvuichơigiảitríthiếunhiđatầngkhôngdấucách',
  'Ỷ Lan',
  'Cơ sở sản xuất nước mắm truyền thống Thuận Phước của ông Lưu Quốc Tuấn',
];
const ADDRESS = 'Số 128, ngõ 45, đường Nguyễn Thị Minh Khai, khu phố Thượng Hưng, phường Ngũ Lão Thủy Nguyên';

const RANGE_OF: Record<string, keyof Omit<PosterLayout, 'placement'>> = {
  'poster-office': 'office',
  'poster-name': 'name',
  'poster-address': 'address',
  'poster-point': 'postingPoint',
};

async function createVenues(page: Page, url: string): Promise<string[]> {
  const venueIds: string[] = [];
  for (const name of NAMES) {
    const answer = await (await page.request.post(`${url}api/venues.create`, { data: { name, type: 'shop', address: ADDRESS, acknowledgeDuplicates: true } })).json();
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    venueIds.push(answer.value.id);
  }
  return venueIds;
}

async function openJob(page: Page, url: string, venueIds: string[], template: string): Promise<void> {
  const job = await (await page.request.post(`${url}api/posters.createJob`, { data: { selection: { kind: 'venues', venueIds }, template } })).json();
  expect(job.ok, JSON.stringify(job.error)).toBe(true);
  await page.goto(`${url}#/print/${job.value.jobId}`);
  await expect(page.locator('html[data-print-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
}

/**
 * The sizes the poster's own boxes give when fitted in place, the way FitText measured
 * before it measured in a hidden copy: set each size on the real text, read its overflow.
 * A reference only, so it is written here in the page, not taken from the app; only the
 * leading (line height and padding the text's marks need, which depend on the text alone)
 * is read from what the app set, and a word wider than the box shrinks below the minimum.
 */
function fitInPlace(cases: Array<{ index: number; range: { maxPt: number; minPt: number; maxLines: number; stepPt?: number; lineHeight?: number } }>) {
  const boxes = [...document.querySelectorAll<HTMLElement>('.poster-sheet .fit-box')];
  return cases.map(({ index, range }) => {
    const box = boxes[index];
    const text = box.querySelector<HTMLElement>('.fit-text')!;
    const lineHeight = Number(text.style.lineHeight);
    const padEm = (parseFloat(text.style.paddingTop) || 0) + (parseFloat(text.style.paddingBottom) || 0);
    const grid = (from: number, to: number) => {
      const sizes: number[] = [];
      for (let size = from; size > to + 1e-6; size -= range.stepPt ?? 0.5) sizes.push(Math.round(size * 100) / 100);
      sizes.push(to);
      return sizes;
    };
    const setSize = (sizePt: number) => {
      text.style.setProperty('font-size', `${sizePt}pt`);
      for (const property of ['display', '-webkit-box-orient', '-webkit-line-clamp', 'overflow']) text.style.removeProperty(property);
      return text.scrollWidth <= text.clientWidth + 0.5;
    };
    const fitsAt = (sizePt: number, maxLines: number | null) => {
      if (!setSize(sizePt)) return false;
      if (text.offsetHeight > box.clientHeight + 0.5) return false;
      const sizePx = sizePt * (96 / 72);
      return maxLines === null || Math.round((text.offsetHeight - padEm * sizePx) / (sizePx * lineHeight)) <= maxLines;
    };
    const sizes = grid(range.maxPt, range.minPt);
    const largest = (maxLines: number | null) => sizes.find((size) => fitsAt(size, maxLines)) ?? null;
    return largest(range.maxLines) ?? largest(null) ?? grid(range.minPt, range.minPt / 2).find(setSize) ?? range.minPt / 2;
  });
}

test('fitting tries no size on the printed posters: each text is written once, with its fit', async ({ page, signedInUrl }) => {
  // Counts style writes on the print view's fitted texts from the first render on.
  await page.addInitScript(() => {
    const writes = new Map<Element, number>();
    (window as unknown as { fitWrites: () => number[] }).fitWrites = () => [...writes.values()];
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target as Element;
        if (target.classList.contains('fit-text') && target.closest('.poster-sheet')) writes.set(target, (writes.get(target) ?? 0) + 1);
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['style'] });
  });
  await openJob(page, signedInUrl, await createVenues(page, signedInUrl), 'a4');
  const writes = await page.evaluate(() => (window as unknown as { fitWrites: () => number[] }).fitWrites());
  expect(writes.length).toBeGreaterThanOrEqual(NAMES.length * 3);
  // One fit is 7 declarations (fit-measure's fitDeclarations); trying sizes in place wrote dozens.
  expect(Math.max(...writes)).toBeLessThanOrEqual(7);
});

for (const template of ['a4', 'sheet_4xa6'] as const) {
  test(`${template}: fitted sizes equal those of fitting each box in place`, async ({ page, signedInUrl }) => {
    await openJob(page, signedInUrl, await createVenues(page, signedInUrl), template);

    const boxes = await page.locator('.poster-sheet .fit-box').evaluateAll((elements) =>
      elements.map((element) => ({
        boxClass: [...element.classList].find((name) => name.startsWith('poster-'))!,
        size: [...element.closest('.poster')!.classList].find((name) => name.startsWith('poster-'))!.slice('poster-'.length),
        fitted: Number(element.getAttribute('data-fit-pt')),
        text: element.textContent,
      })),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(NAMES.length * 3);
    const cases = boxes.map((box, index) => ({ index, range: POSTER_LAYOUT[box.size as PosterSize][RANGE_OF[box.boxClass]] }));
    const inPlace = await page.evaluate(fitInPlace, cases);
    const differing = boxes.flatMap((box, index) => (box.fitted === inPlace[index] ? [] : [`${box.boxClass} "${box.text}": ${box.fitted} vs ${inPlace[index]}`]));
    expect(differing).toEqual([]);
    // The names did not all land on one size: the comparison says something.
    expect(new Set(boxes.filter((box) => box.boxClass === 'poster-name').map((box) => box.fitted)).size).toBeGreaterThan(2);
  });
}
