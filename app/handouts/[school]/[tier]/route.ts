import { getTranslations } from 'next-intl/server';
import { getHandoutFile } from '@/lib/handouts/serve';
import { publicOrigin } from '@/lib/server/origin';

export const runtime = 'nodejs';

/** `/handouts/{school}/{tier}` (phone page), `{tier}.pdf` (print) and `{tier}.png` (messenger card), `?lang=kk|ru|en`. */
export async function GET(request: Request, { params }: { params: Promise<{ school: string; tier: string }> }) {
  const { school, tier } = await params;
  const url = new URL(request.url);
  const result = await getHandoutFile(school, tier, url.searchParams.get('lang'), publicOrigin(request));
  if (result.status === 404) {
    const t = await getTranslations('handout');
    const message = t(`notFound.${result.reason}`);
    return new Response(
      `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${t('notFoundTitle')}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem"><h1>${t('notFoundTitle')}</h1><p>${message}</p></body></html>`,
      { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' } },
    );
  }
  if (request.headers.get('if-none-match') === result.etag) return new Response(null, { status: 304, headers: { etag: result.etag } });
  return new Response(new Uint8Array(result.body), {
    headers: { 'content-type': result.contentType, etag: result.etag, 'cache-control': 'public, max-age=300, must-revalidate' },
  });
}
