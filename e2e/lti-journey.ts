import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { BrowserLaunchResult } from '../test/lti-platform/browser';
import { startTestPlatform } from '../test/lti-platform';

// The LTI journey, split over e2e/lti-<n>-*.spec.ts: each file starts the same test LMS (fixed
// port and kept key, so the tool sees one platform across files) and registers it if no earlier
// file did. The files run in name order and each also runs alone on a fresh database.

const run = promisify(execFile);
const port = Number(process.env.E2E_PORT ?? 3100);
export const BASE = `http://127.0.0.1:${port}`;
const env = { ...process.env, KKO_DATA_DIR: path.join(process.cwd(), 'data-e2e'), DATABASE_URL: '' };

/** `npm run lti` against the e2e server's data directory: exit code and output. */
export const lti = (...args: string[]) =>
  run('npx', ['tsx', '--conditions=react-server', 'scripts/lti.ts', ...args], { env }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

export const LEARNER = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner';
export const INSTRUCTOR = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor';
export const GUEST = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor';
export const MODULE = '11-12-risks-and-harms';

export type Platform = Awaited<ReturnType<typeof startTestPlatform>>;

/** The course LMS of the journey: three course members, one tool client `kko-tool` with deployment dep-1. */
export function startJourneyPlatform() {
  return startTestPlatform({
    port: port + 1000,
    keyFile: path.join(os.tmpdir(), `kko-e2e-lti-platform-${port}.jwk`),
    members: [
      { user_id: 'lms-user-1', roles: [LEARNER], name: 'Асель Нурланова' },
      { user_id: 'lms-user-2', roles: [LEARNER], name: 'Dias Omarov' },
      { user_id: 'lms-user-3', roles: [LEARNER], name: 'Gulzhan Never-Launched' },
    ],
    clients: [
      {
        clientId: 'kko-tool',
        deploymentIds: ['dep-1'],
        redirectUris: [`${BASE}/lti/launch`],
        initiateLoginUri: `${BASE}/lti/login`,
        jwksUrl: `${BASE}/lti/jwks`,
        targetLinkUri: `${BASE}/learn/${MODULE}`,
      },
    ],
  });
}

/** The operator's command-line registration of a platform client in the demo school. */
export function addPlatform(platform: Platform, clientId: string, opts: { issuer?: string; deployment?: string } = {}) {
  const reg = platform.registrationFor(clientId);
  const urls = ['--auth-url', reg.authUrl, '--token-url', reg.tokenUrl, '--jwks-url', reg.jwksUrl];
  const deployment = opts.deployment ? ['--deployment', opts.deployment] : [];
  return lti('add-platform', '--school', 'demo', '--issuer', opts.issuer ?? reg.issuer, '--client-id', clientId, ...urls, ...deployment);
}

/** Starts the journey's LMS for one spec file; registers it unless an earlier file did. */
export function useJourneyPlatform({ register = true } = {}) {
  const holder: { platform?: Platform } = {};
  test.beforeAll(async () => {
    holder.platform = await startJourneyPlatform();
    if (!register) return;
    const listed = await lti('list', '--school', 'demo');
    if (listed.out.includes('client=kko-tool ')) return;
    const added = await addPlatform(holder.platform, 'kko-tool', { deployment: 'dep-1' });
    expect(added.code, added.out).toBe(0);
  });
  test.afterAll(() => holder.platform?.stop());
  return () => holder.platform!;
}

/** The launch ran in this browser: it holds the binding cookie the launch set, then opens the ticket. */
export async function openLaunch(page: Page, result: BrowserLaunchResult) {
  const binding = result.cookies.get('kko_lti_binding');
  expect(binding, 'the launch sets a browser binding cookie').toBeTruthy();
  await page.context().addCookies([{ name: 'kko_lti_binding', value: binding!, url: `${BASE}/lti/session` }]);
  return page.goto(result.location!);
}

/** A service on this machine the server must never be made to call or quote: it records what reaches it. */
export async function serveLocally(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, requests, stop: () => new Promise((resolve) => server.close(resolve)) };
}

/** An "LMS" configuration anyone could host, naming the registration endpoint the test wants. */
export function hostileLms(registrationEndpoint: string) {
  return serveLocally((req, res) => {
    const origin = `http://${req.headers.host}`;
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        issuer: origin,
        authorization_endpoint: `${origin}/auth`,
        token_endpoint: `${origin}/token`,
        jwks_uri: `${origin}/jwks`,
        registration_endpoint: registrationEndpoint,
      }),
    );
  });
}
