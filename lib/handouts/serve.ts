import 'server-only';
import { createHash } from 'node:crypto';
import os from 'node:os';
import { getHandoutSchool } from '@/db/queries/handouts';
import { isTier, TIERS, type Tier } from '@/lib/content/tiers';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { isSlug } from '@/lib/server/slug';
import { drawableLogo } from '@/lib/admin/logo';
import { pdfRenderThreads, renderPdf } from '@/lib/pdf/pool';
import { ByteLru } from './cache';
import { RenderBusyError, RenderGate } from './render-gate';
import { RenderRateLimit } from './render-rate';
import { renderHandoutCard } from './card';
import { getHandout, handoutVersion } from './content';
import { renderHandoutHtml } from './html';
import { handoutLabels } from './labels';
import type { HandoutSchool } from './types';
import { env } from '@/env';

export type HandoutForm = 'page' | 'pdf' | 'png';
const TYPES: Record<HandoutForm, string> = { page: 'text/html; charset=utf-8', pdf: 'application/pdf', png: 'image/png' };

// Shared through globalThis: the routes and the job runner (which pre-renders) are separate bundles of one process.
type HandoutState = { cache: ByteLru; inflight: Map<string, Promise<Buffer>>; gate?: RenderGate };
const shared = globalThis as typeof globalThis & { __kkoHandouts?: HandoutState };
const state: HandoutState = (shared.__kkoHandouts ??= {
  cache: new ByteLru(env().HANDOUT_CACHE_MB * 1024 * 1024),
  inflight: new Map<string, Promise<Buffer>>(),
});
const { cache, inflight } = state;

/** "9-10", "9-10.pdf" or "9-10.png". */
export function parseTierParam(raw: string): { tier: Tier; form: HandoutForm } | null {
  const m = /^(\d{1,2}-\d{2})(?:\.(pdf|png))?$/.exec(raw);
  if (!m || !isTier(m[1])) return null;
  return { tier: m[1], form: (m[2] as HandoutForm | undefined) ?? 'page' };
}

export function shortCode(tier: Tier, lang: Locale) {
  return `${TIERS.indexOf(tier) + 1}${lang}`;
}

export function parseShortCode(code: string): { tier: Tier; lang: Locale } | null {
  const tier = TIERS[Number(code[0]) - 1];
  const lang = code.slice(1);
  return tier && isLocale(lang) ? { tier, lang } : null;
}

export type HandoutResult =
  | { status: 200; body: Buffer; contentType: string; etag: string; cached: boolean }
  | { status: 404; reason: 'school' | 'tier' | 'lang' }
  /** 503: every render slot is busy; 429: this client asked for too many fresh renders. */
  | { status: 503; retryAfterSeconds: number }
  | { status: 429; retryAfterSeconds: number };

/**
 * Who asks. A public request is rate-limited by its address (null when unknown) unless it
 * turns out to be signed in (asked only on a cache miss: it costs a database read); an
 * admin's ZIP waits its turn for a render slot instead of being refused.
 */
export type HandoutRequester = { kind: 'public'; address: string | null; signedIn: () => Promise<boolean> } | { kind: 'admin' };

/**
 * With the PDF worker pool, two renders per worker keep every worker busy (the next job waits
 * in the pool while the main thread prepares it); without it, renders share the one JavaScript
 * thread, so more slots than two only add latency and memory. The queue stays short either way.
 */
function renderGate() {
  if (state.gate) return state.gate;
  const threads = pdfRenderThreads();
  const slots = threads > 0 ? threads * 2 : Math.max(1, Math.min(os.availableParallelism(), 2));
  state.gate = new RenderGate(slots, Math.max(8, slots * 2));
  return state.gate;
}
// A parent needs 1-3 documents; an admin previewing every tier and language about 36 in a few minutes.
const rate = new RenderRateLimit(60, 30);

/**
 * Everything that changes the document, and nothing else: the school and its profile version,
 * the tier and its content version, the language, the format, and the public origin printed
 * in its links (as `publicOrigin` decides it, never a raw request header).
 */
export function handoutCacheKey(k: {
  slug: string;
  profileVersion: number;
  tier: Tier;
  contentVersion: string;
  lang: Locale;
  form: HandoutForm;
  origin: string;
}) {
  return `${k.slug}@${k.profileVersion}/${k.tier}@${k.contentVersion}/${k.lang}.${k.form}/${k.origin}`;
}

/**
 * Renders (or reuses) one handout. Concurrent first requests share one rendering; cached
 * documents are always served, fresh renders are rate-limited per client and bounded overall.
 */
export async function getHandoutFile(
  slug: string,
  rawTier: string,
  rawLang: string | null,
  origin: string,
  requester: HandoutRequester,
): Promise<HandoutResult> {
  const parsed = parseTierParam(rawTier);
  if (!parsed) return { status: 404, reason: 'tier' };
  const lang = rawLang ?? 'kk';
  if (!isLocale(lang)) return { status: 404, reason: 'lang' };
  if (!isSlug(slug)) return { status: 404, reason: 'school' };
  const school = await getHandoutSchool(slug);
  if (!school) return { status: 404, reason: 'school' };
  const { tier, form } = parsed;
  const key = handoutCacheKey({ slug: school.slug, profileVersion: school.profileVersion, tier, contentVersion: handoutVersion(tier), lang, form, origin });
  const etag = `"${createHash('sha1').update(key).digest('base64url')}"`;
  const hit = cache.get(key);
  if (hit) return { status: 200, body: hit, contentType: TYPES[form], etag, cached: true };
  // The phone page is a string template; only PDF and PNG renders are heavy enough to queue.
  const heavy = form !== 'page';
  let pending = inflight.get(key);
  if (!pending) {
    if (requester.kind === 'public') {
      // A refused request spends no token: the client did not get a render.
      if (heavy && renderGate().isFull) return { status: 503, retryAfterSeconds: renderGate().retryAfterSeconds };
      if (!(await requester.signedIn())) {
        const wait = rate.take(requester.address ?? 'unknown');
        if (wait !== null) return { status: 429, retryAfterSeconds: wait };
      }
    }
    pending = inflight.get(key);
  }
  if (!pending) {
    const work = () => render(school, tier, lang, form, origin);
    pending = (heavy ? renderGate().run(work, { queueAlways: requester.kind === 'admin' }) : work())
      .then((body) => {
        cache.set(key, body);
        return body;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, pending);
  }
  try {
    return { status: 200, body: await pending, contentType: TYPES[form], etag, cached: false };
  } catch (err) {
    if (err instanceof RenderBusyError) return { status: 503, retryAfterSeconds: err.retryAfterSeconds };
    throw err;
  }
}

async function render(stored: HandoutSchool, tier: Tier, lang: Locale, form: HandoutForm, origin: string): Promise<Buffer> {
  const handout = getHandout(tier, lang);
  const school = { ...stored, logo: await drawableLogo(stored.logo) };
  const view = {
    school,
    labels: await handoutLabels(lang),
    pageUrl: `${origin}/handouts/${encodeURIComponent(school.slug)}/${tier}?lang=${lang}`,
    shortUrl: `${origin.replace(/^https?:\/\//, '')}/h/${encodeURIComponent(school.slug)}/${shortCode(tier, lang)}`,
  };
  if (form === 'pdf') return renderPdf({ kind: 'handout', args: [handout, lang, view] });
  if (form === 'png') return renderHandoutCard(handout, lang, view);
  return Buffer.from(renderHandoutHtml(handout, lang, view));
}

/** A school's documents of older profile versions: a new profile supersedes them, so they only take memory. */
export function dropOlderHandouts(slug: string, profileVersion: number) {
  return cache.deleteWhere((key) => {
    const m = /^([^@]+)@(\d+)\//.exec(key);
    return !!m && m[1] === slug && Number(m[2]) < profileVersion;
  });
}

/** The keys of the handouts held in memory (for tests and diagnostics). */
export function cachedHandoutKeys() {
  return cache.keys();
}
