import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type Page } from '@playwright/test';

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'e2e-demo-password';
export const ACCOUNTS = {
  admin: 'admin@demo.school',
  teacher1: 'teacher1@demo.school',
  teacher2: 'teacher2@demo.school',
} as const;

/**
 * Fails on serious or critical accessibility violations of the page once it has settled. Next
 * streams a page's metadata: right after a client-side navigation the document may have no
 * title yet, and axe would report `document-title` for a page that gets one a moment later.
 */
export async function expectAccessible(page: Page) {
  await page.waitForLoadState('load');
  await page.waitForFunction(() => document.title.trim() !== '' && document.querySelector('main h1, h1') !== null);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `accessibility of ${page.url()}`,
  ).toEqual([]);
}

/** Submits the sign-in form; for a failure the page stays on /signin with an alert. */
export async function trySignIn(page: Page, email: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits until the app has taken the user past the sign-in page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await trySignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

export function formAlert(page: Page) {
  return page.getByRole('main').getByRole('alert');
}

export const test = base.extend<{ axe: (page: Page) => Promise<void> }>({
  axe: async ({}, use) => use(expectAccessible),
});
export { expect };

/** A page in its own browser context (a second person at another computer); axe needs a context of its own. */
export async function openPage(browser: Browser) {
  const context = await browser.newContext({ locale: 'en-US' });
  return context.newPage();
}
