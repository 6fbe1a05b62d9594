// The real deployment shape: nginx terminates TLS for teach.kko.test and proxies to a
// production server of the app; Chromium resolves the name to 127.0.0.1. Every link the app
// prints (QR codes in PDFs, short links, certificate and invite links) must be the public address.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { answerQuiz, readModule } from './content';
import { directGet, fetchInPage, viaNginx, findNginx, freePort, makeCertificate, qrCodesInPdf, startApp, startNginx } from './edge-stack';
import { ACCOUNTS, expect, expectAccessible, signIn, test } from './fixtures';

const HOST = 'teach.kko.test';
const mod = readModule('9-10', 'living-online');
const handoutTitle = (tier: string, lang: string) => JSON.parse(fs.readFileSync(`modules/handouts/${tier}/${lang}.json`, 'utf8')).title as string;
const systemChromium = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => fs.existsSync(p));

test.use({
  launchOptions: { executablePath: process.env.PLAYWRIGHT_CHROMIUM || systemChromium, args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`] },
});
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let dir = '';
let origin = '';
let appPort = 0;
let nginxPort = 0;
let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
let app: Awaited<ReturnType<typeof startApp>> | undefined;
const trusted = { TRUSTED_PROXIES: '127.0.0.1,::1' };

test.beforeAll(async () => {
  test.skip(!findNginx(), 'nginx is not installed here (apt-get install nginx; .ci/run installs it)');
  test.setTimeout(180_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-edge-'));
  nginxPort = await freePort();
  appPort = await freePort();
  origin = `https://${HOST}:${nginxPort}`;
  const { cert, key } = makeCertificate(dir, HOST);
  app = await startApp({ port: appPort, dataDir: path.join(dir, 'data'), env: { PUBLIC_URL: origin, ...trusted } });
  nginx = await startNginx({ dir: path.join(dir, 'nginx'), serverName: HOST, port: nginxPort, app: `127.0.0.1:${appPort}`, cert, key });
});

test.afterAll(async () => {
  await nginx?.stop();
  await app?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const context = (browser: Browser) => browser.newContext({ baseURL: origin, ignoreHTTPSErrors: true, locale: 'en-US' });

test('behind nginx with PUBLIC_URL: QR codes, short links, certificate and invite links all lead to the public address', async ({ browser }) => {
  const visitor = await (await context(browser)).newPage();

  await test.step('the handout PDF QR code opens the phone page through nginx', async () => {
    await visitor.goto('/handouts/demo/9-10?lang=kk');
    const pdf = await fetchInPage(visitor, `${origin}/handouts/demo/9-10.pdf?lang=kk`);
    expect(pdf.type).toBe('application/pdf');
    const codes = qrCodesInPdf(pdf.body, dir);
    expect(codes).toEqual([`${origin}/handouts/demo/9-10?lang=kk`]);
    await visitor.goto('about:blank');
    await visitor.goto(codes[0]!);
    expect(visitor.url()).toBe(codes[0]);
    await expect(visitor.getByRole('heading', { level: 1, name: handoutTitle('9-10', 'kk') })).toBeVisible();
    await expect(visitor.locator('a[href="tel:150"]')).toBeVisible();
    await expectAccessible(visitor);
  });

  await test.step('a /h/ short link lands on the phone page at the public address', async () => {
    await visitor.goto(`${origin}/h/demo/3ru`);
    expect(visitor.url()).toBe(`${origin}/handouts/demo/13-14?lang=ru`);
    await expect(visitor.getByRole('heading', { level: 1, name: handoutTitle('13-14', 'ru') })).toBeVisible();
  });

  let certificate = '';
  await test.step('a teacher passes a quiz over https; the certificate PDF QR code opens its verification page', async () => {
    const teacher = await (await context(browser)).newPage();
    await signIn(teacher, ACCOUNTS.teacher1);
    await teacher.goto(`/learn/${mod.id}/quiz`);
    await teacher.getByRole('button', { name: 'Start the quiz' }).click();
    await answerQuiz(teacher, mod.questions, true);
    await teacher.getByRole('button', { name: 'Submit answers' }).click();
    await teacher.getByRole('link', { name: 'View your certificate' }).click();
    await expect(teacher.getByRole('heading', { name: 'This certificate is genuine' })).toBeVisible();
    certificate = teacher.url();
    expect(certificate).toMatch(new RegExp(`^${origin.replace(/\./g, '\\.')}/certificates/KKO-`));
    const pdf = await fetchInPage(teacher, `${certificate}/pdf?lang=ru`);
    expect(pdf.type).toBe('application/pdf');
    expect(qrCodesInPdf(pdf.body, dir)).toEqual([certificate]);
    await teacher.context().close();

    await visitor.goto(certificate);
    await expect(visitor.getByRole('heading', { name: 'This certificate is genuine' })).toBeVisible();
    await expectAccessible(visitor);
  });

  await test.step("an admin's invite link opens the join page at the public address", async () => {
    const admin = await (await context(browser)).newPage();
    await signIn(admin, ACCOUNTS.admin);
    await admin.goto('/admin/people');
    await admin.getByLabel('Email').fill('edge.teacher@demo.school');
    await admin.getByRole('form', { name: 'Invite someone' }).getByLabel('9-10').check();
    await admin.getByRole('button', { name: 'Create invitation link' }).click();
    const link = (await admin.locator('code.copyable').textContent())!;
    expect(link.startsWith(`${origin}/join/`), link).toBe(true);
    await admin.context().close();
    await visitor.goto(link);
    expect(visitor.url()).toBe(link);
    await expect(visitor.getByText('as edge.teacher@demo.school')).toBeVisible();
  });

  await test.step('nginx serves only the public host name', async () => {
    expect(await viaNginx(nginxPort, '/h/demo/1kk', { servername: HOST, host: `${HOST}:${nginxPort}` })).toEqual({ status: 308 });
    expect(await viaNginx(nginxPort, '/h/demo/1kk', { servername: HOST, host: 'evil.example' })).toEqual({ error: 'ECONNRESET' });
    expect(await viaNginx(nginxPort, '/h/demo/1kk', { servername: 'evil.example', host: 'evil.example' })).toEqual({ error: 'EPROTO' });
  });

  await test.step('forged forwarded headers sent straight to the app change no printed link', async () => {
    const forged = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http', 'x-forwarded-for': '6.6.6.6' };
    // 127.0.0.2 is not a trusted proxy; 127.0.0.1 is, and PUBLIC_URL still wins there.
    for (const from of ['127.0.0.2', '127.0.0.1']) {
      const short = await directGet(appPort, '/h/demo/1kk', { from, headers: forged });
      expect(short.status).toBe(308);
      expect(short.headers.location).toBe(`${origin}/handouts/demo/9-10?lang=kk`);
      const handout = await directGet(appPort, '/handouts/demo/11-12.pdf?lang=en', { from, headers: forged });
      expect(qrCodesInPdf(handout.body, dir)).toEqual([`${origin}/handouts/demo/11-12?lang=en`]);
      const cert = await directGet(appPort, `${new URL(certificate).pathname}/pdf?lang=en`, { from, headers: forged });
      expect(qrCodesInPdf(cert.body, dir)).toEqual([certificate]);
    }
  });
  await visitor.context().close();
});

test('behind nginx without PUBLIC_URL: only the trusted proxy decides the address', async ({ browser }) => {
  await app?.stop();
  app = await startApp({ port: appPort, dataDir: path.join(dir, 'data'), env: { PUBLIC_URL: '', ...trusted } });
  const page = await (await context(browser)).newPage();

  await test.step('through nginx, short links and QR codes carry the address the browser used', async () => {
    await page.goto(`${origin}/h/demo/2en`);
    expect(page.url()).toBe(`${origin}/handouts/demo/11-12?lang=en`);
    const pdf = await fetchInPage(page, `${origin}/handouts/demo/11-12.pdf?lang=en`);
    expect(qrCodesInPdf(pdf.body, dir)).toEqual([`${origin}/handouts/demo/11-12?lang=en`]);
  });

  await test.step('straight to the app from an untrusted address, forged headers are ignored', async () => {
    const forged = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', forwarded: 'host=evil.example' };
    const short = await directGet(appPort, '/h/demo/2en', { from: '127.0.0.2', headers: forged });
    expect(short.headers.location).toBe(`http://127.0.0.1:${appPort}/handouts/demo/11-12?lang=en`);
    const pdf = await directGet(appPort, '/handouts/demo/15-17.pdf?lang=kk', { from: '127.0.0.2', headers: forged });
    expect(qrCodesInPdf(pdf.body, dir)).toEqual([`http://127.0.0.1:${appPort}/handouts/demo/15-17?lang=kk`]);
  });
  await page.context().close();
});
