import { ACCOUNTS, expect, signIn, test, openPage } from './fixtures';

const ADMIN_PAGES = ['/admin', '/admin/people', '/admin/assignments', '/admin/profile', '/admin/audit', '/admin/handouts', '/admin/lms', '/admin/outbox'];
const OPERATOR_PAGES = ['/operator', '/operator/schools/demo'];

test('each school sees only its own data; teachers see no admin page', async ({ page, browser, axe }) => {
  let northAdminLink = '';
  await test.step('the operator creates a region and a second school with its admin', async () => {
    await signIn(page, 'operator@demo.school');
    await expect(page).toHaveURL(/\/operator$/);
    await expect(page.getByRole('heading', { level: 1, name: 'All schools' })).toBeVisible();
    await axe(page);
    // Kazakhstan's regions are preloaded; the operator adds another one on the regions page.
    await page.getByRole('link', { name: 'Edit or add regions' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Regions' })).toBeVisible();
    await expect(page.locator('tr[data-region]')).toHaveCount(20);
    await axe(page);
    await page.getByLabel('Short name').fill('almaty');
    await page.locator('#region-kk').fill('Алматы');
    await page.locator('#region-ru').fill('Алматы');
    await page.locator('#region-en').fill('Almaty');
    await page.getByRole('button', { name: 'Add a region' }).click();
    await expect(page.getByText('This short name is already used.')).toBeVisible();
    await page.getByLabel('Short name').fill('baikonur');
    await page.locator('#region-kk').fill('Байқоңыр қаласы');
    await page.locator('#region-ru').fill('город Байконур');
    await page.locator('#region-en').fill('Baikonur (city)');
    await page.getByRole('button', { name: 'Add a region' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await page.goto('/operator');
    await page.locator('#school-slug').fill('North School');
    await page.getByRole('button', { name: 'Add a school' }).click();
    await expect(page.getByText('Use lowercase Latin letters')).toBeVisible();
    await page.locator('#school-slug').fill('north');
    await page.locator('#school-kk').fill('Солтүстік мектебі');
    await page.locator('#school-ru').fill('Северная школа');
    await page.locator('#school-en').fill('North School');
    await page.getByLabel('Region', { exact: true }).selectOption({ label: 'Almaty (city)' });
    await page.getByLabel("Email of the school's first admin").fill('admin@north.school');
    await page.getByRole('button', { name: 'Add a school' }).click();
    northAdminLink = (await page.locator('code.copyable').textContent())!;
    await page.reload();
    await expect(page.getByRole('region', { name: 'By school' }).getByRole('link', { name: 'North School' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'By region' })).toContainText('Almaty');
  });

  await test.step('the operator drills into a school and exports any school', async () => {
    await page.goto('/operator/schools/demo');
    await expect(page.getByRole('heading', { level: 1, name: 'Demo School No. 1' })).toBeVisible();
    await axe(page);
    expect((await page.request.get('/api/schools/demo/completion.csv')).status()).toBe(200);
    const rollup = await page.request.get('/api/rollup.csv');
    expect((await rollup.body()).toString('utf8')).toContain('"North School","north"');
  });

  let demoTeacherPage = '';
  await test.step("the demo school's admin opens a teacher's page from the dashboard", async () => {
    const demo = await openPage(browser);
    await signIn(demo, ACCOUNTS.admin);
    await demo.locator(`tr[data-teacher="${ACCOUNTS.teacher1}"]`).getByRole('link').click();
    await expect(demo).toHaveURL(/\/admin\/teachers\/[0-9a-f-]{36}$/);
    await expect(demo.getByRole('heading', { level: 1 })).not.toHaveText('Page not found');
    demoTeacherPage = new URL(demo.url()).pathname;
    await demo.close();
  });

  const north = await openPage(browser);
  await test.step('the new school admin accepts and sees an empty school', async () => {
    await north.goto(northAdminLink);
    await north.getByLabel('Your full name').fill('Nurlan North');
    await north.getByLabel('Password').fill('north-admin-password');
    await north.getByRole('button', { name: 'Create account' }).click();
    await north.waitForURL(/\/signin/);
    await signIn(north, 'admin@north.school', 'north-admin-password');
    await expect(north).toHaveURL(/\/admin$/);
    await expect(north.getByText('North School')).toBeVisible();
    await expect(north.locator('tr[data-teacher]')).toHaveCount(0);
    await north.goto('/admin/people');
    await expect(north.getByText('teacher1@demo.school')).toHaveCount(0);
    // Its Outbox holds its own admin's invitation and nothing of the demo school.
    await north.goto('/admin/outbox');
    await expect(north.locator('li[data-recipient="admin@north.school"]')).toContainText('Invitation');
    await expect(north.getByText(/@demo\.school/)).toHaveCount(0);
  });

  await test.step("another school's admin gets nothing of the demo school", async () => {
    expect((await north.request.get('/api/schools/demo/completion.csv')).status()).toBe(404);
    // A demo teacher's page, an unknown id and a malformed one look the same: not found, nothing shown.
    for (const path of [demoTeacherPage, '/admin/teachers/00000000-0000-4000-8000-000000000000', '/admin/teachers/not-a-uuid']) {
      expect((await north.goto(path))?.status(), path).toBe(404);
      await expect(north.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      await expect(north.getByText(/@demo\.school/)).toHaveCount(0);
    }
    expect((await north.request.get('/api/schools/demo/handouts.zip')).status()).toBe(404);
    for (const path of OPERATOR_PAGES) expect((await north.goto(path))?.status(), path).toBe(404);
    expect((await north.request.get('/api/rollup.csv')).status()).toBe(404);
    await north.close();
  });

  await test.step('a teacher gets 404 on every admin and operator page and export', async () => {
    const teacher = await openPage(browser);
    await signIn(teacher, ACCOUNTS.teacher1);
    for (const path of [...ADMIN_PAGES, demoTeacherPage, ...OPERATOR_PAGES]) {
      const res = await teacher.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(teacher.getByText('Demo School No. 1')).toHaveCount(0);
    }
    expect((await teacher.request.get('/api/schools/demo/completion.csv')).status()).toBe(404);
    expect((await teacher.request.get('/api/schools/demo/handouts.zip')).status()).toBe(404);
    expect((await teacher.request.get('/api/rollup.csv')).status()).toBe(404);
    await teacher.close();
  });

  await test.step('visitors who are not signed in are sent to sign in', async () => {
    const visitor = await browser.newContext();
    const p = await visitor.newPage();
    for (const path of [...ADMIN_PAGES, '/operator']) {
      await p.goto(path);
      await expect(p).toHaveURL(/\/signin$/);
    }
    expect((await visitor.request.get(`${test.info().project.use.baseURL}/api/schools/demo/completion.csv`)).status()).toBe(401);
    await visitor.close();
  });
});
