import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/app/_lib/session';
import { getHandoutFile } from '@/lib/handouts/serve';
import { clientAddress } from '@/lib/server/client-address';
import { publicOrigin } from '@/lib/server/origin';

export const runtime = 'nodejs';

async function messagePage(status: number, title: string, message: string, headers: Record<string, string> = {}) {
  return new Response(
    `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem"><h1>${title}</h1><p>${message}</p></body></html>`,
    { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } },
  );
}

/** `/handouts/{school}/{tier}` (phone page), `{tier}.pdf` (print) and `{tier}.png` (messenger card), `?lang=kk|ru|en`. */
export async function GET(request: Request, { params }: { params: Promise<{ school: string; tier: string }> }) {
  const { school, tier } = await params;
  const url = new URL(request.url);
  const requester = {
    kind: 'public' as const,
    address: clientAddress(request.headers),
    signedIn: async () => (request.headers.has('cookie') ? !!(await getCurrentUser()) : false),
  };
  const result = await getHandoutFile(school, tier, url.searchParams.get('lang'), publicOrigin(request), requester);
  if (result.status === 404) {
    const t = await getTranslations('handout');
    return messagePage(404, t('notFoundTitle'), t(`notFound.${result.reason}`));
  }
  if (result.status === 503 || result.status === 429) {
    const t = await getTranslations('handoutBusy');
    return messagePage(result.status, t('title'), t('text'), { 'retry-after': String(result.retryAfterSeconds), 'cache-control': 'no-store' });
  }
  const cache = { 'x-handout-cache': result.cached ? 'hit' : 'render' };
  if (request.headers.get('if-none-match') === result.etag) return new Response(null, { status: 304, headers: { etag: result.etag, ...cache } });
  return new Response(new Uint8Array(result.body), {
    headers: { 'content-type': result.contentType, etag: result.etag, 'cache-control': 'public, max-age=300, must-revalidate', ...cache },
  });
}
