import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Locale } from './locales';

export type MissingThing = 'handout' | 'certificate';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A 404 for a public link that someone typed or scanned (a handout short link, a certificate
 * PDF): a small page in the visitor's language that names what was not found and what to check,
 * instead of an English line of text. Self-contained: route handlers return it as it is.
 */
export async function missingPage(thing: MissingThing, locale: Locale, asked: string) {
  const t = await getTranslations({ locale, namespace: 'missing' });
  const checks = [t(`${thing}.check1`), t(`${thing}.check2`), t(`${thing}.check3`)];
  const title = t(`${thing}.title`);
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · KKO Teach</title>
<style>body{font:16px/1.5 system-ui,sans-serif;color:#1b2530;background:#f7f9fb;margin:0}main{max-width:36rem;margin:2rem auto;padding:0 1rem}h1{font-size:1.5rem}code{background:#eef1f4;padding:0 .25rem;border-radius:.2rem;overflow-wrap:anywhere}a{color:#0b5cad}</style>
</head><body><main>
<h1>${escape(title)}</h1>
<p>${escape(t(`${thing}.text`, { asked: '\uE000' })).replace('\uE000', `<code>${escape(asked)}</code>`)}</p>
<h2>${escape(t('checkHeading'))}</h2>
<ul>${checks.map((c) => `<li>${escape(c)}</li>`).join('')}</ul>
<p><a href="/">${escape(t('home'))}</a></p>
</main></body></html>`;
  return new Response(html, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}
