import type { Browser, Page } from '@playwright/test';
import { ACCOUNTS, expect, expectAccessible, signIn, test } from './fixtures';
import { answerQuiz, readModule } from './content';

const PHONE = { width: 390, height: 844 };
const quizModule = readModule('15-17', 'risks-and-harms');

async function phonePage(browser: Browser, locale: 'kk' | 'ru' | 'en' = 'en') {
  const context = await browser.newContext({
    viewport: PHONE,
    locale: locale === 'en' ? 'en-US' : `${locale}-KZ`,
    extraHTTPHeaders: { 'accept-language': locale },
    hasTouch: true,
    isMobile: true,
  });
  return context.newPage();
}

/** The quiz form of the module, starting an attempt unless one is open. */
async function openQuiz(page: Page) {
  await page.goto(`/learn/${quizModule.id}/quiz`);
  const form = page.locator('form[data-attempt-id]');
  if ((await form.count()) === 0) await page.getByRole('button', { name: /Start the quiz|Try again/ }).click();
  await page.locator('form[data-ready="true"]').waitFor();
}

/** Nothing on the page is wider than the phone: only the table scrollers may scroll sideways. */
async function expectNoPageOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

test('a visitor learns what KKO Teach is and previews a lesson and a handout without signing in', async ({ browser }) => {
  for (const locale of ['kk', 'ru'] as const) {
    const page = await phonePage(browser, locale);
    await page.goto('/');
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('KKO Teach');
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    await expect(page.getByRole('region', { name: locale === 'kk' ? 'Ата-аналар алатын жадынама' : 'Памятка глазами родителей' })).toContainText('150');
    await page.getByRole('link', { name: locale === 'kk' ? 'Осы сабақты оқу' : 'Прочитать этот урок' }).click();
    await expect(page).toHaveURL(/\/read\/9-10-/);
    await expect(page.getByText(locale === 'kk' ? 'есепке алынбай оқып отырсыз' : 'без учёта')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: locale === 'kk' ? 'Оқуды бастау' : 'Начать чтение' }).click();
    await expect(page.locator('article h1')).toBeVisible();
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    await page.context().close();
  }
});

test('the sign-in page leads to joining and to what KKO Teach is', async ({ page }) => {
  await page.goto('/signin');
  await expect(page.getByRole('link', { name: 'Join your school' })).toHaveAttribute('href', '/join');
  await expect(page.getByRole('link', { name: 'What is KKO Teach?' })).toHaveAttribute('href', '/about');
  // Without ?joined=1 the address in the URL is not taken, and no "created" message shows.
  await page.goto('/signin?email=someone%40else.kz');
  await expect(page.getByLabel('Email')).toHaveValue('');
  await expect(page.getByText('Your account is created')).toHaveCount(0);
});

test("a mistyped handout link or certificate number gets a page in the visitor's language saying what to check", async ({ request, browser }) => {
  const ru = await request.get('/h/demo/9zz', { headers: { 'accept-language': 'ru' } });
  expect(ru.status()).toBe(404);
  const ruBody = await ru.text();
  expect(ruBody).toContain('<html lang="ru"');
  expect(ruBody).toContain('Такой ссылки на памятку нет');
  expect(ruBody).toContain('/h/demo/9zz');
  // The language in the link wins: 9kk is not a handout, but the visitor asked for Kazakh.
  expect(await (await request.get('/h/demo/9kk', { headers: { 'accept-language': 'en' } })).text()).toContain('Мұндай жадынама сілтемесі жоқ');
  const pdf = await request.get('/certificates/KKO-2222-3333-4444/pdf?lang=kk');
  expect(pdf.status()).toBe(404);
  expect(pdf.headers()['content-type']).toContain('text/html');
  expect(await pdf.text()).toContain('Бұл нөмірмен сертификат жоқ');
  const xss = await request.get('/certificates/%3Cscript%3E/pdf?lang=en');
  expect(await xss.text()).not.toContain('<script>');

  const page = await phonePage(browser, 'ru');
  const res = await page.goto('/certificates/KKO-2222-3333-4444');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Сертификата с таким номером нет' })).toBeVisible();
  await expect(page.getByText('никогда нет 0, 1, I, L и O')).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});

test('a question that wraps to two lines sits inside its card, below the top border', async ({ browser }) => {
  const page = await phonePage(browser);
  await signIn(page, ACCOUNTS.teacher2);
  await openQuiz(page);
  const boxes = await page.locator('fieldset.question').evaluateAll((sets) =>
    sets.map((f) => {
      const el = f.querySelector('legend')!;
      const legend = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.2;
      return { top: f.getBoundingClientRect().top, legendTop: legend.top, lines: Math.round(legend.height / lineHeight) };
    }),
  );
  expect(boxes.some((b) => b.lines >= 2)).toBe(true);
  for (const b of boxes) expect(b.legendTop).toBeGreaterThan(b.top);
  await page.context().close();
});

test('with JavaScript off, the quiz says why its button does not work', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  // Sign in with script on, then look at an open attempt with script off.
  const scripted = await phonePage(browser);
  await signIn(scripted, ACCOUNTS.teacher2);
  await openQuiz(scripted);
  await context.addCookies(await scripted.context().cookies());
  await page.goto(`/learn/${quizModule.id}/quiz`);
  await expect(page.getByRole('button', { name: 'Submit answers' })).toBeDisabled();
  await expect(page.getByText('The quiz is still loading')).toBeVisible();
  // Playwright turns script execution off but not the parser's scripting flag, so <noscript> is checked in the HTML.
  const html = await (await page.request.get(`/learn/${quizModule.id}/quiz`)).text();
  expect(html).toMatch(/<noscript><p class="notice error">This quiz needs JavaScript/);
  await scripted.context().close();
  await context.close();
});

test('on a phone, a submitted quiz shows its result in view, with focus on it', async ({ browser }) => {
  const page = await phonePage(browser);
  await signIn(page, ACCOUNTS.teacher2);
  await openQuiz(page);
  await answerQuiz(page, quizModule.questions, false);
  const submit = page.getByRole('button', { name: 'Submit answers' });
  await submit.scrollIntoViewIfNeeded();
  await submit.click();
  const heading = page.getByRole('heading', { level: 2, name: /%/ });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expectAccessible(page);
  await page.context().close();
});

test('on a phone, the school dashboard leads with its headline and its tables scroll inside the page', async ({ browser }) => {
  const page = await phonePage(browser);
  await signIn(page, ACCOUNTS.admin);
  // Russian from here on: the language cookie, as the switcher sets it.
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'ru', url: page.url() }]);
  await page.goto('/admin');
  const headline = page.getByRole('region', { name: 'Главное' });
  await expect(headline).toContainText('Пройдено назначенных модулей');
  await expect(headline).toContainText('Просрочено');
  // The headline comes before the first table.
  const order = await page.evaluate(() => {
    const h = document.querySelector('.headline')!;
    const table = document.querySelector('table')!;
    return h.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
  await expectNoPageOverflow(page);
  const scroller = page.locator('.table-scroll').last();
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  // The row header stays in view while the table scrolls.
  await scroller.evaluate((el) => el.scrollBy(200, 0));
  const sticky = scroller.locator('tbody th').first();
  const box = (await sticky.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x).toBeLessThan(40);
  await expectAccessible(page);
  // Age groups in age order, 9-10 first.
  const tiers = await page.getByRole('region', { name: 'По возрастным группам' }).locator('tbody th').allInnerTexts();
  expect(tiers).toEqual(['9-10', '11-12', '13-14', '15-17']);
  await page.context().close();
});

test('the operator sees Kazakhstan time, preloaded regions, and moves a school to another region with an audit entry', async ({ page, browser }) => {
  const operatorErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && operatorErrors.push(m.text()));
  await signIn(page, 'operator@demo.school');
  await page.getByRole('button', { name: 'Recompute now' }).click();
  const asOf = page.getByText(/Figures as of/);
  await expect(asOf).toBeVisible();
  const text = (await asOf.textContent())!;
  expect(text).not.toMatch(/\+00|\d{2}:\d{2}:\d{2}|T\d{2}:/);
  expect(text).toMatch(/\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/);
  await expect(page.getByRole('region', { name: 'At a glance' })).toContainText('Expected modules completed');

  await page.goto('/operator/schools/demo');
  await page.getByLabel('Region', { exact: true }).selectOption({ label: 'Shymkent (city)' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.reload();
  await expect(page.locator('.eyebrow').first()).toHaveText('Shymkent (city)');
  await expectAccessible(page);

  // The school's own audit log records the move.
  const admin = await phonePage(browser);
  await signIn(admin, ACCOUNTS.admin);
  await admin.goto('/admin/audit');
  await expect(admin.locator('tr[data-action="school.updated"]').first()).toBeVisible();
  await admin.context().close();
  expect(operatorErrors.filter((e) => /FORMATTING_ERROR|Invalid time value/.test(e))).toEqual([]);
});

test('a teacher reads modules of other age groups without being tracked', async ({ page }) => {
  await signIn(page, ACCOUNTS.teacher1);
  await expect(page.getByRole('heading', { name: 'Other age groups (read only)' })).toBeVisible();
  await page.getByText('Children aged 13-14').click();
  await page.getByRole('link', { name: readModule('13-14', 'living-online').title }).click();
  await expect(page).toHaveURL(/\/read\/13-14-living-online$/);
  // The tracked address of another tier's lesson leads to the untracked reader.
  await page.goto('/learn/13-14-living-online');
  await expect(page).toHaveURL(/\/read\/13-14-living-online$/);
  expect((await page.goto('/learn/13-14-living-online/quiz'))?.status()).toBe(404);
  await page.goto('/learn');
  await expect(page.locator('li.card[data-status]').filter({ hasText: readModule('13-14', 'living-online').title })).toHaveCount(0);
});
