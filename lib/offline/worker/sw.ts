// The service worker (built by scripts/build-sw.mjs into public/sw.js). It keeps what "Save for
// offline" asked for, serves it when there is no connection, and holds read marks and quiz
// answers made offline until they can be sent. The server stays the judge of both.
import { BackgroundSyncQueue, CacheFirst, NetworkFirst, Serwist, type RouteHandlerCallbackOptions, type SerwistPlugin } from 'serwist';
import { ANSWER_PATH, CACHES, isPersonalPage, isPublicPage, MARK_PATH, SAFE_NEXT, type OfflineMessage } from './rules';

type Worker = {
  clients: { matchAll(options?: { includeUncontrolled?: boolean }): Promise<{ postMessage(m: unknown): void }[]> };
  addEventListener(type: 'message', listener: (event: { data: unknown; ports: readonly MessagePort[]; waitUntil(p: Promise<unknown>): void }) => void): void;
};
const worker = self as unknown as Worker;

// Only a page the server answered in full is kept: never a redirect (a signed-out visit lands on /signin).
const completeOnly: SerwistPlugin = { cacheWillUpdate: async ({ response }) => (response.status === 200 && !response.redirected ? response : null) };
const network = (cacheName: string) => new NetworkFirst({ cacheName, networkTimeoutSeconds: 6, plugins: [completeOnly] });

const WEEK_MINUTES = 7 * 24 * 60;
const marks = new BackgroundSyncQueue('kko-marks', { maxRetentionTime: 2 * WEEK_MINUTES, onSync: () => replay() });
const answers = new BackgroundSyncQueue('kko-answers', { maxRetentionTime: 2 * WEEK_MINUTES, onSync: () => replay() });

async function broadcast(message: OfflineMessage) {
  for (const client of await worker.clients.matchAll({ includeUncontrolled: true })) client.postMessage(message);
}

/** Sends what waits, marks first (a retry of the quiz may depend on them), and tells the pages. */
async function replay() {
  const waiting = (await marks.size()) + (await answers.size());
  if (waiting === 0) return;
  try {
    await marks.replayRequests();
    await answers.replayRequests();
  } finally {
    const left = (await marks.size()) + (await answers.size());
    if (left < waiting) await broadcast({ type: 'synced', sent: waiting - left, left });
  }
}

/** A mark kept offline shows at once: the saved read marks of the module get it too. */
async function rememberMark(url: URL) {
  const [, , , moduleId, sectionId] = url.pathname.split('/');
  const cache = await caches.open(CACHES.personal);
  const key = `/api/progress/${moduleId}`;
  const saved = await cache.match(key);
  if (!saved || !sectionId) return;
  const body = (await saved.json()) as { moduleId: string; read: string[] };
  const read = [...new Set([...body.read, decodeURIComponent(sectionId)])];
  await cache.put(key, Response.json({ ...body, read }));
}

/** Where a lesson's plain form post goes on from, named by the form itself; only a page of this site. */
async function nextPageOf(request: Request) {
  const next = (await request.formData().catch(() => null))?.get('next');
  return typeof next === 'string' && SAFE_NEXT.test(next) ? new URL(next, location.origin).href : null;
}

/**
 * Sends a write now, or keeps it on the device when there is no connection: a script's request
 * hears 202; a lesson's form post goes on to the next page, as it would online.
 */
function sendOrKeep(queue: BackgroundSyncQueue, remember?: (url: URL) => Promise<void>) {
  return async ({ request, url }: RouteHandlerCallbackOptions) => {
    const kept = request.clone();
    const form = request.mode === 'navigate' ? request.clone() : null;
    try {
      return await fetch(request);
    } catch {
      await queue.pushRequest({ request: kept });
      if (remember) await remember(url);
      const next = form && (await nextPageOf(form));
      return next ? Response.redirect(next, 303) : Response.json({ queued: true }, { status: 202 });
    }
  };
}

async function emptyQueue(queue: BackgroundSyncQueue) {
  while (await queue.shiftRequest());
}

/** At sign-in and sign-out the device may change hands: nothing personal stays, nothing unsent goes out under another name. */
async function forgetPersonal() {
  await Promise.all([caches.delete(CACHES.personal), emptyQueue(marks), emptyQueue(answers)]);
}

const NEXT_ASSET = /\/_next\/static\/[^"'\\\s)<>]+|static\/(?:chunks|css|media)\/[^"'\\\s)<>]+/g;

/** Keeps the pages asked for, and the script and style files their HTML names, so they open offline as they do online. */
async function save(list: { public: string[]; personal: string[] }) {
  let saved = 0;
  const failed: string[] = [];
  const assets = new Set<string>();
  const keep = async (cacheName: string, path: string) => {
    try {
      const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store' });
      if (response.status !== 200 || response.redirected) throw new Error(String(response.status));
      if ((response.headers.get('content-type') ?? '').includes('text/html')) {
        for (const m of (await response.clone().text()).matchAll(NEXT_ASSET)) assets.add(m[0].startsWith('/') ? m[0] : `/_next/${m[0]}`);
      }
      await (await caches.open(cacheName)).put(path, response);
      saved++;
    } catch {
      failed.push(path);
    }
  };
  await Promise.all(list.public.map((p) => keep(CACHES.public, p)));
  await Promise.all(list.personal.map((p) => keep(CACHES.personal, p)));
  const assetCache = await caches.open(CACHES.assets);
  await Promise.all([...assets].map((a) => assetCache.add(a).catch(() => failed.push(a))));
  return { saved, failed };
}

const serwist = new Serwist({
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    { matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/signin', handler: async ({ request }) => (await forgetPersonal(), fetch(request)) },
    { matcher: ({ url, sameOrigin }) => sameOrigin && MARK_PATH.test(url.pathname), method: 'POST', handler: sendOrKeep(marks, rememberMark) },
    { matcher: ({ url, sameOrigin }) => sameOrigin && ANSWER_PATH.test(url.pathname), method: 'POST', handler: sendOrKeep(answers) },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/_next/static/'),
      handler: new CacheFirst({ cacheName: CACHES.assets, plugins: [completeOnly] }),
    },
    { matcher: ({ url, request, sameOrigin }) => sameOrigin && isPublicPage(url, request.mode), handler: network(CACHES.public) },
    { matcher: ({ url, request, sameOrigin }) => sameOrigin && isPersonalPage(url, request.mode), handler: network(CACHES.personal) },
  ],
});
serwist.addEventListeners();

worker.addEventListener('message', (event) => {
  const data = event.data as { type?: string; public?: unknown; personal?: unknown } | null;
  const reply = event.ports[0];
  if (data?.type === 'replay') event.waitUntil(replay());
  if (data?.type === 'forget') event.waitUntil(forgetPersonal().then(() => reply?.postMessage({ type: 'forgotten' })));
  if (data?.type === 'save' && Array.isArray(data.public) && Array.isArray(data.personal)) {
    const onlyPaths = (l: unknown[]) => l.filter((p): p is string => typeof p === 'string' && p.startsWith('/') && !p.startsWith('//'));
    event.waitUntil(save({ public: onlyPaths(data.public), personal: onlyPaths(data.personal) }).then((r) => reply?.postMessage({ type: 'saved', ...r })));
  }
});
