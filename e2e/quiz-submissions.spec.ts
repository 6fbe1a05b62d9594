import { ACCOUNTS, expect, signIn, test, openPage } from './fixtures';
import { questionsOnPage, readModule } from './content';
import type { Page } from '@playwright/test';

const mod = readModule('11-12', 'living-online');
const other = readModule('13-14', 'the-adult-they-tell');

async function openAttempt(page: Page, moduleId: string) {
  await page.goto(`/learn/${moduleId}/quiz`);
  const start = page.getByRole('button', { name: /Start the quiz|Try again/ });
  if (await start.count()) await start.click();
  const form = page.locator('form[data-attempt-id]');
  await expect(form).toBeVisible();
  return (await form.getAttribute('data-attempt-id'))!;
}

test('tampered, malformed and repeated quiz submissions', async ({ page, browser }) => {
  await signIn(page, ACCOUNTS.teacher1);
  await expect(page).toHaveURL(/\/learn$/);
  const attemptId = await openAttempt(page, mod.id);
  const shown = await questionsOnPage(page, mod.questions);
  const correct = Object.fromEntries(shown.map((q) => [q.id, q.correct]));
  const post = (data: unknown, id = attemptId) => page.request.post(`/api/attempts/${id}`, { data });

  await test.step('bad input gets a 4xx with a clear message and changes nothing', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ answers: { ...correct, 'no-such-question': ['a'] } }, 400, /not part of this attempt/],
      [{ answers: { ...correct, [shown[0]!.id]: ['zz'] } }, 400, /not offered/],
      [{ answers: { [shown[0]!.id]: shown[0]!.correct } }, 400, /has no answer/],
      [{ answers: 'all of them' }, 400, /Malformed submission/],
      [{ answers: correct, score: 100 }, 400, /Malformed submission/],
    ];
    for (const [data, status, message] of cases) {
      const res = await post(data);
      expect(res.status()).toBe(status);
      expect((await res.json()).error).toMatch(message);
    }
    const notJson = await page.request.post(`/api/attempts/${attemptId}`, { data: '{oops', headers: { 'content-type': 'application/json' } });
    expect(notJson.status()).toBe(400);
    expect((await post({ answers: correct }, '00000000-0000-4000-8000-000000000000')).status()).toBe(404);
    expect((await post({ answers: correct }, 'not-a-uuid')).status()).toBe(404);
    // Still the same open attempt, with the same questions.
    expect(await openAttempt(page, mod.id)).toBe(attemptId);
  });

  await test.step("another teacher's attempt id is refused and left untouched", async () => {
    const teacher2 = await openPage(browser);
    await signIn(teacher2, ACCOUNTS.teacher2);
    await expect(teacher2).toHaveURL(/\/learn$/);
    const theirs = await openAttempt(teacher2, other.id);
    const res = await post({ answers: correct }, theirs);
    expect(res.status()).toBe(404);
    expect(await openAttempt(teacher2, other.id)).toBe(theirs);
    await teacher2.close();
  });

  await test.step('a request without a session is refused', async () => {
    const anonymous = await browser.newContext();
    const res = await anonymous.request.post(`${test.info().project.use.baseURL}/api/attempts/${attemptId}`, { data: { answers: correct } });
    expect(res.status()).toBe(401);
    await anonymous.close();
  });

  await test.step('the same submission sent twice at once is recorded once', async () => {
    const [a, b] = await Promise.all([post({ answers: correct }), post({ answers: correct })]);
    expect([a.status(), b.status()].sort()).toEqual([200, 201]);
    const [ra, rb] = [await a.json(), await b.json()];
    expect(ra.score).toBe(100);
    expect(rb.score).toBe(100);
    expect(ra.attemptId).toBe(rb.attemptId);
    const changed = await post({ answers: Object.fromEntries(shown.map((q) => [q.id, [q.options.find((o) => !q.correct.includes(o.id))!.id]])) });
    expect(changed.status()).toBe(409);
  });

  await test.step('the school sees one attempt and one completion', async () => {
    const admin = await openPage(browser);
    await signIn(admin, ACCOUNTS.admin);
    await admin.locator(`tr[data-teacher="${ACCOUNTS.teacher1}"]`).getByRole('link').click();
    const row = admin.locator(`tr[data-module="${mod.id}"]`);
    await expect(row.getByText('Completed')).toBeVisible();
    await expect(row.locator('td').nth(3)).toHaveText('1');
    await admin.close();
  });
});
