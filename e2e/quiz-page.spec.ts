import { ACCOUNTS, expect, signIn, test } from './fixtures';
import { answerQuiz, questionGroup, readModule } from './content';

const mod = readModule('11-12', 'parents-and-classroom');
const quizPath = `/learn/${mod.id}/quiz`;

test("the quiz page is plain HTML with one script; its header's forms work and an early answer is kept", async ({ page, axe }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });

  await test.step('starts a quiz: the page loads /quiz.js and none of Next’s client chunks', async () => {
    await signIn(page, ACCOUNTS.teacher1);
    await page.goto(quizPath);
    scripts.length = 0;
    await page.getByRole('button', { name: /Start the quiz|Try again/ }).click();
    await page.locator('form[data-ready="true"]').waitFor();
    expect(scripts).toEqual(['/quiz.js']);
    await axe(page);
  });

  await test.step('an answer picked while the script was still loading survives it', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/quiz.js', async (route) => {
      await held;
      await route.continue();
    });
    // A deferred script holds back the load event, so wait only for the page to arrive.
    await page.goto(quizPath, { waitUntil: 'commit' });
    await expect(page.locator('form[data-ready="false"]')).toBeVisible();
    // Matched by hand: questionsOnPage waits for the script, which is held back here.
    const legend = await page.locator('fieldset.question legend').first().innerText();
    const first = mod.questions.find((q) => legend.includes(q.prompt));
    const option = questionGroup(page, first!).getByLabel(first!.options[0]!.text, { exact: true });
    await option.check();
    release();
    await page.locator('form[data-ready="true"]').waitFor();
    await expect(questionGroup(page, first!).getByLabel(first!.options[0]!.text, { exact: true })).toBeChecked();
    await page.unroute('**/quiz.js');
  });

  await test.step('a start posted from another site is refused and changes nothing', async () => {
    const attempt = await page.locator('form[data-attempt-id]').getAttribute('data-attempt-id');
    const res = await page.request.post(quizPath, { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, maxRedirects: 0 });
    expect(res.status()).toBe(403);
    await page.reload();
    await expect(page.locator('form[data-attempt-id]')).toHaveAttribute('data-attempt-id', attempt!);
  });

  await test.step('switches to Russian from the header and back, staying on the quiz', async () => {
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect(page).toHaveURL(new RegExp(`${quizPath}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Тест' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Русский' })).toHaveAttribute('aria-pressed', 'true');
    await axe(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
  });

  await test.step('passes, then signs out from the header', async () => {
    await page.locator('form[data-ready="true"]').waitFor();
    await answerQuiz(page, mod.questions, true);
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /^Passed/ })).toBeFocused();
    await axe(page);
    await page.goto(quizPath);
    await expect(page.getByRole('status').filter({ hasText: 'You have passed this module' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    expect((await page.context().cookies()).filter((c) => c.name.includes('session-token'))).toEqual([]);
    await page.goto(quizPath);
    await expect(page).toHaveURL(/\/signin/);
  });
});
