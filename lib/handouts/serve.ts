import 'server-only';
import { createHash } from 'node:crypto';
import { getHandoutSchool } from '@/db/queries/handouts';
import { isTier, TIERS, type Tier } from '@/lib/content/tiers';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { isSlug } from '@/lib/server/slug';
import { drawableLogo } from '@/lib/admin/logo';
import { ByteLru } from './cache';
import { renderHandoutCard } from './card';
import { getHandout, handoutVersion } from './content';
import { renderHandoutHtml } from './html';
import { handoutLabels } from './labels';
import { renderHandoutPdf } from './pdf';
import type { HandoutSchool } from './types';

export type HandoutForm = 'page' | 'pdf' | 'png';
const TYPES: Record<HandoutForm, string> = { page: 'text/html; charset=utf-8', pdf: 'application/pdf', png: 'image/png' };

const cache = new ByteLru(Number(process.env.HANDOUT_CACHE_MB ?? 64) * 1024 * 1024);
const inflight = new Map<string, Promise<Buffer>>();

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

export type HandoutResult = { status: 200; body: Buffer; contentType: string; etag: string } | { status: 404; reason: 'school' | 'tier' | 'lang' };

/**
 * Renders (or reuses) one handout. The cache key holds the school profile version and the
 * content version, so an edit to either yields a fresh rendering; concurrent first requests
 * share one rendering.
 */
export async function getHandoutFile(slug: string, rawTier: string, rawLang: string | null, origin: string): Promise<HandoutResult> {
  const parsed = parseTierParam(rawTier);
  if (!parsed) return { status: 404, reason: 'tier' };
  const lang = rawLang ?? 'kk';
  if (!isLocale(lang)) return { status: 404, reason: 'lang' };
  if (!isSlug(slug)) return { status: 404, reason: 'school' };
  const school = await getHandoutSchool(slug);
  if (!school) return { status: 404, reason: 'school' };
  const { tier, form } = parsed;
  const key = `${school.slug}@${school.profileVersion}/${tier}@${handoutVersion(tier)}/${lang}.${form}/${origin}`;
  const etag = `"${createHash('sha1').update(key).digest('base64url')}"`;
  let body = cache.get(key);
  if (!body) {
    let pending = inflight.get(key);
    if (!pending) {
      pending = render(school, tier, lang, form, origin).finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    body = await pending;
    cache.set(key, body);
  }
  return { status: 200, body, contentType: TYPES[form], etag };
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
  if (form === 'pdf') return Buffer.from(await renderHandoutPdf(handout, lang, view));
  if (form === 'png') return renderHandoutCard(handout, lang, view);
  return Buffer.from(renderHandoutHtml(handout, lang, view));
}
