import { renderAboutHtml } from '@/lib/content/about';
import { isLocale, LOCALES } from '@/lib/i18n/locales';

// Prerendered at build time, one page per language: /about picks one by ?lang=, the language cookie or the browser (next.config.js).
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return LOCALES.map((lang) => ({ lang }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  if (!isLocale(lang)) return new Response('Unknown language.', { status: 404 });
  return new Response(renderAboutHtml(lang), { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
