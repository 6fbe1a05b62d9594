import { makeXlsx } from '../test/xlsx-fixture';
import { ACCOUNTS, expect, signIn, test } from './fixtures';

function cp1251(s: string) {
  const table = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  return Buffer.from([...s].map((ch) => table.indexOf(ch)));
}

test('a school admin imports teachers from a file, seeing every row checked first', async ({ page, axe }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.goto('/admin/people/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import teachers' })).toBeVisible();
  await axe(page);
  const file = page.getByLabel('File (CSV or XLSX)');

  await test.step('a workbook with a formula is refused whole, naming the cell', async () => {
    const xlsx = makeXlsx([
      ['name', 'email', 'tiers'],
      ['A', 'a@x.kz', '9-10'],
      ['B', { f: 'LOWER("B@X.KZ")', v: 'b@x.kz' }, '9-10'],
    ]);
    await file.setInputFiles({
      name: 'teachers.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(xlsx),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByText(/formulas \(first one in cell B3\)/)).toBeVisible();
    await expect(page.getByRole('button', { name: /^Invite/ })).toHaveCount(0);
  });

  await test.step('a Windows-1251 CSV with semicolons: each row checked, nothing written yet', async () => {
    const csv =
      'ФИО;Эл. почта;Возрастные группы\r\nАсель Жумабаева;asel.import@demo.school;9-10\r\nЕрлан Ахметов;erlan.import@demo.school;11-12, 13-14\r\nУже есть;teacher1@demo.school;9-10\r\nОшибка;not-an-email;7-8\r\n';
    await file.setInputFiles({ name: 'учителя.csv', mimeType: 'text/csv', buffer: cp1251(csv) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const table = page.getByRole('table', { name: 'Rows in the file' });
    await expect(table.getByRole('row', { name: /Асель Жумабаева/ })).toContainText('Ready');
    await expect(table.getByRole('row', { name: /teacher1@demo.school/ })).toContainText('Already a member of this school.');
    await expect(table.getByRole('row', { name: /not-an-email/ })).toContainText('Not a valid e-mail address. Unknown age group: 7-8.');
    await expect(page.getByText('4 rows: 2 ready to invite, 2 with problems')).toBeVisible();
    await axe(page);
  });

  await test.step('confirming invites the valid rows and offers the links once', async () => {
    await page.getByRole('button', { name: 'Invite 2 teachers' }).click();
    await expect(page.getByText(/2 invites created/)).toBeVisible();
    const download = page.getByRole('link', { name: 'Download the invite links (CSV)' });
    const href = decodeURIComponent((await download.getAttribute('href')) ?? '');
    expect(href).toContain('asel.import@demo.school,http://127.0.0.1');
    expect(href).toMatch(/\/join\/[A-Za-z0-9_-]{32}/);
    await page.goto('/admin/people');
    await expect(page.getByRole('cell', { name: 'erlan.import@demo.school', exact: true })).toBeVisible();
  });
});

test('a school admin sets when reminders go out', async ({ page, axe }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.goto('/admin/reminders');
  await expect(page.getByRole('heading', { level: 1, name: 'Reminders' })).toBeVisible();
  await expect(page.getByLabel('7 days before')).toBeChecked();
  await expect(page.getByLabel('1 day before')).toBeChecked();
  await axe(page);
  await page.getByLabel('7 days before').uncheck();
  await page.getByLabel('3 days before').check();
  await page.getByLabel('Send school admins a weekly digest').uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await page.reload();
  await expect(page.getByLabel('7 days before')).not.toBeChecked();
  await expect(page.getByLabel('3 days before')).toBeChecked();
  await expect(page.getByLabel('Send school admins a weekly digest')).not.toBeChecked();
});
