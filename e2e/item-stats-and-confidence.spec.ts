import fs from 'node:fs';
import { ACCOUNTS, expect, formAlert, signIn, test } from './fixtures';
import { answerQuiz, readModule } from './content';

// A module no other spec takes, so its statistics and confidence answers are this spec's alone.
const mod = readModule('15-17', 'parents-and-classroom');
const confidence = JSON.parse(fs.readFileSync('modules/confidence.json', 'utf8')) as { questions: { id: string; text: { en: string } }[] };

test('a teacher rates confidence before and after a module; the operator sees item statistics and the learning gain', async ({ page, browser, axe }) => {
  // Three people, eight pages with axe checks, a quiz and a snapshot refresh.
  test.setTimeout(180_000);
  await test.step('opening a module the first time offers the optional "before" questions', async () => {
    await signIn(page, ACCOUNTS.teacher2);
    await page.goto(`/learn/${mod.id}`);
    await expect(page.getByRole('heading', { name: 'Before you start: how sure do you feel?' })).toBeVisible();
    for (const q of confidence.questions) await expect(page.getByRole('group', { name: q.text.en })).toBeVisible();
    await axe(page);
  });

  await test.step('a tampered rating is refused and nothing is stored', async () => {
    const first = page.getByRole('group', { name: confidence.questions[0]!.text.en });
    // After the click: React puts a radio's rendered value back when it changes.
    await first.getByRole('radio', { name: /^3/ }).check();
    await first.getByRole('radio', { name: /^3/ }).evaluate((el) => ((el as HTMLInputElement).value = '9'));
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await expect(formAlert(page)).toContainText('each rating must be a whole number from 1 to 5');
    await expect(page.getByRole('heading', { name: 'Before you start: how sure do you feel?' })).toBeVisible();
  });

  await test.step('answers two statements and leaves the rest blank', async () => {
    await page.getByRole('group', { name: confidence.questions[0]!.text.en }).getByRole('radio', { name: /^2/ }).check();
    await page.getByRole('group', { name: confidence.questions[1]!.text.en }).getByRole('radio', { name: /^3/ }).check();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'your answers are saved' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /how sure do you feel/ })).toHaveCount(0);
    await axe(page);
  });

  await test.step('passes the quiz and is asked again, once', async () => {
    await page.goto(`/learn/${mod.id}/quiz`);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await answerQuiz(page, mod.questions, true);
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect(page.getByRole('heading', { name: 'Passed: 100%. The module is complete.' })).toBeVisible();
    await page.getByRole('link', { name: 'How sure do you feel now? (optional)' }).click();
    await expect(page.getByRole('heading', { name: 'You passed: how sure do you feel now?' })).toBeVisible();
    await axe(page);
    for (const q of confidence.questions) await page.getByRole('group', { name: q.text.en }).getByRole('radio', { name: /^5/ }).check();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'your answers are saved' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /how sure do you feel/ })).toHaveCount(0);
  });

  await test.step('the school admin sees the gain only as a hidden small cell, and cannot open the item statistics', async () => {
    const admin = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await signIn(admin, ACCOUNTS.admin);
    await admin.goto('/admin?tier=15-17');
    const row = admin
      .getByRole('region', { name: /Learning gain/ })
      .getByRole('row')
      .filter({ has: admin.getByRole('rowheader', { name: mod.title }) });
    await expect(row).toContainText('fewer than 5 (n = 1)');
    await axe(admin);
    const csv = await admin.request.get('/api/schools/demo/learning-gain.csv?tier=15-17');
    expect(csv.status()).toBe(200);
    const line = (await csv.text()).split('\r\n').find((l) => l.includes(`"${mod.id}"`))!;
    // Counts kept, means left empty: one teacher is fewer than five.
    expect(line).toBe(`"15-17","${mod.id}","${mod.title}","1","","1","","1",""`);
    expect((await admin.goto('/operator/items'))?.status()).toBe(404);
    expect((await admin.request.get('/api/items.csv')).status()).toBe(404);
    expect((await admin.request.get('/api/learning-gain.csv')).status()).toBe(404);
    await admin.context().close();
  });

  await test.step('the operator recomputes and reads the item statistics per language', async () => {
    const op = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await signIn(op, 'operator@demo.school');
    await op.goto('/operator/items');
    await expect(op.getByRole('heading', { level: 1, name: 'Quiz item statistics' })).toBeVisible();
    await op.getByRole('button', { name: 'Recompute now' }).click();
    await op.getByRole('combobox', { name: 'Module', exact: true }).selectOption(mod.id);
    await op.getByRole('combobox', { name: 'Language', exact: true }).selectOption('en');
    await op.getByRole('combobox', { name: 'Sort by', exact: true }).selectOption('module');
    await op.getByRole('button', { name: 'Apply' }).click();
    await expect(op).toHaveURL(new RegExp(`module=${mod.id}&lang=en&sort=module`));
    const rows = op.getByRole('region', { name: 'Quiz item statistics' }).getByRole('row');
    await expect(rows).toHaveCount(8 + 1);
    // Every answered item was answered right once: 100%, one answer, no flag below 20 answers.
    await expect(rows.nth(1)).toContainText('100%');
    await expect(op.getByText('8 items, 0 flagged.')).toBeVisible();
    await axe(op);

    await op.getByRole('combobox', { name: 'Language', exact: true }).selectOption('kk');
    await op.getByRole('button', { name: 'Apply' }).click();
    await expect(op.getByText('No submitted answers yet for this choice.')).toBeVisible();

    const csv = await op.request.get(`/api/items.csv?module=${mod.id}&lang=en`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(9);
    expect(lines[0]).toContain('"Share correct","Discrimination"');
    expect(lines[1]).toMatch(/^"en","15-17",/);
  });

  await test.step('the national learning gain has no names and hides cells under five teachers', async () => {
    const op = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await signIn(op, 'operator@demo.school');
    await op.goto('/operator?tier=15-17');
    const region = op.getByRole('region', { name: /Learning gain/ });
    await expect(region.getByRole('row').filter({ has: op.getByRole('rowheader', { name: mod.title }) })).toContainText('fewer than 5 (n = 1)');
    await expect(region).not.toContainText('Yerlan');
    await axe(op);
  });
});
