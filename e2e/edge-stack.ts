// The deployment shape for e2e/public-address.spec.ts: a throwaway TLS certificate, nginx
// running deploy/nginx/kko-teach.conf (the file the README shows), and a second production
// server of the app behind it. Also reads QR codes out of PDFs with poppler and zbarimg.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';

const root = process.cwd();

export function findNginx() {
  return ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p)) ?? null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** A self-signed certificate for `host`, valid for a day. */
export function makeCertificate(dir: string, host: string) {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      `/CN=${host}`,
      '-addext',
      `subjectAltName=DNS:${host}`,
    ],
    { stdio: 'pipe' },
  );
  return { cert, key };
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** nginx in the foreground with its own prefix, serving the repo's site file with the placeholders filled in. */
export async function startNginx(opts: { dir: string; serverName: string; port: number; app: string; cert: string; key: string }) {
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx is not installed (apt-get install nginx)');
  const site = fs
    .readFileSync(path.join(root, 'deploy/nginx/kko-teach.conf'), 'utf8')
    .replaceAll('{{SERVER_NAME}}', opts.serverName)
    .replaceAll('{{PORT}}', String(opts.port))
    .replaceAll('{{APP}}', opts.app)
    .replaceAll('{{CERTIFICATE}}', opts.cert)
    .replaceAll('{{CERTIFICATE_KEY}}', opts.key);
  if (/\{\{[A-Z_]+\}\}/.test(site)) throw new Error('deploy/nginx/kko-teach.conf has a placeholder the test does not fill');
  const tmp = path.join(opts.dir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  // Workers may run as another user: they need to reach the temp folders.
  fs.chmodSync(opts.dir, 0o755);
  fs.chmodSync(tmp, 0o777);
  fs.writeFileSync(path.join(opts.dir, 'kko-teach.conf'), site);
  const conf = path.join(opts.dir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes 1;
error_log ${opts.dir}/error.log warn;
pid ${opts.dir}/nginx.pid;
events { worker_connections 256; }
http {
  access_log ${opts.dir}/access.log;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  include ${opts.dir}/kko-teach.conf;
}
`,
  );
  execFileSync(nginx, ['-t', '-q', '-p', opts.dir, '-e', `${opts.dir}/error.log`, '-c', conf], { stdio: 'pipe' });
  const child = spawn(nginx, ['-p', opts.dir, '-e', `${opts.dir}/error.log`, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  await waitForPort(opts.port, child, 'nginx');
  return { stop: () => stopChild(child), log: () => fs.readFileSync(path.join(opts.dir, 'error.log'), 'utf8') };
}

async function waitForPort(port: number, child: ChildProcess, name: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => s.end(() => resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not listen on ${port}`);
}

/** A second production server (scripts/server.mjs, the build Playwright made in .next-e2e) on its own embedded database. */
export async function startApp(opts: { port: number; dataDir: string; env: Record<string, string> }) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_DIST_DIR: '.next-e2e',
    KKO_DATA_DIR: opts.dataDir,
    DEMO_PASSWORD: process.env.DEMO_PASSWORD || 'e2e-demo-password',
    ...opts.env,
  };
  delete env.DATABASE_URL;
  for (const [k, v] of Object.entries(opts.env)) if (v === '') delete env[k];
  const child = spawn(process.execPath, [path.join(root, 'scripts/server.mjs'), '-p', String(opts.port), '-H', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}`);
    const ok = await directGet(opts.port, '/api/health').then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error('the app server did not become healthy');
    await new Promise((r) => setTimeout(r, 300));
  }
  return { stop: () => stopChild(child) };
}

/** A request straight to the app, not through nginx, from a chosen loopback address (127.0.0.2 is no trusted proxy). */
export function directGet(port: number, pathname: string, opts: { from?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: pathname, localAddress: opts.from, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${pathname}`)));
  });
}

/** One request to nginx with a chosen TLS server name and Host header: the status, or the error that ended it. */
export function viaNginx(port: number, pathname: string, opts: { servername: string; host: string }) {
  return new Promise<{ status: number } | { error: string }>((resolve) => {
    const req = https.get(
      { host: '127.0.0.1', port, path: pathname, servername: opts.servername, headers: { host: opts.host }, rejectUnauthorized: false },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0 });
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.setTimeout(15_000, () => req.destroy(new Error('timeout')));
  });
}

/** Bytes of a URL fetched by the page itself, so Chromium's resolver rules and TLS apply. */
export async function fetchInPage(page: Page, url: string) {
  const { status, type, base64 } = await page.evaluate(async (u) => {
    const res = await fetch(u, { credentials: 'include' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { status: res.status, type: res.headers.get('content-type'), base64: btoa(bin) };
  }, url);
  return { status, type, body: Buffer.from(base64, 'base64') };
}

/** Every QR code in a PDF, decoded: each page rasterized with pdftoppm, read by zbarimg. */
export function qrCodesInPdf(pdf: Buffer, dir: string) {
  const work = fs.mkdtempSync(path.join(dir, 'qr-'));
  fs.writeFileSync(path.join(work, 'doc.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '150', '-png', path.join(work, 'doc.pdf'), path.join(work, 'page')]);
  const codes: string[] = [];
  for (const png of fs
    .readdirSync(work)
    .filter((f) => f.endsWith('.png'))
    .sort()) {
    try {
      const out = execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', path.join(work, png)], { encoding: 'utf8' });
      codes.push(...out.split('\n').filter(Boolean));
    } catch (err) {
      // zbarimg exits 4 when a page has no code at all.
      if ((err as { status?: number }).status !== 4) throw err;
    }
  }
  return codes;
}
