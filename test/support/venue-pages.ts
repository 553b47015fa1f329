import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The names in the venue list, as the clerk sees them. */
export const listedNames = (page: Page) => page.locator('.venue-scroller [role="row"] .name');

export interface NewVenue {
  name: string;
  type?: string;
  phones?: string;
  address?: string;
}

/** Fills the "add venue" form like a clerk and saves it; expects the saved notice. */
export async function addVenueThroughForm(page: Page, venue: NewVenue) {
  await page.getByRole('link', { name: 'Thêm cơ sở' }).click();
  await page.getByLabel('Tên cơ sở').fill(venue.name);
  if (venue.type) await page.getByLabel('Loại hình').selectOption({ label: venue.type });
  if (venue.phones) await page.getByLabel('Số điện thoại').fill(venue.phones);
  if (venue.address) await page.getByLabel('Địa chỉ').fill(venue.address);
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('status')).toContainText(`Đã lưu cơ sở “${venue.name}”`);
}
