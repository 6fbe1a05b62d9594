import { getCurrentUser } from '@/app/_lib/session';
import { isLocale } from '@/lib/i18n/locales';
import { getKit } from '@/lib/kits/content';
import { worksheetLabels } from '@/lib/kits/labels';
import { renderPdf } from '@/lib/pdf/pool';

export const runtime = 'nodejs';

/** `/learn/kits/{kit}/worksheet.pdf?lang=kk|ru|en`: the children's worksheet with the teacher's school on top. */
export async function GET(request: Request, { params }: { params: Promise<{ kitId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in first.', { status: 401 });
  const kit = getKit((await params).kitId);
  const lang = new URL(request.url).searchParams.get('lang') ?? 'kk';
  if (!kit || !isLocale(lang)) return new Response('No such worksheet.', { status: 404 });
  const pdf = await renderPdf({
    kind: 'worksheet',
    args: [kit.versions[lang], lang, user.schoolName[lang] || user.schoolName.en, await worksheetLabels(lang)],
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${kit.id}-worksheet-${lang}.pdf"`,
      'cache-control': 'private, max-age=300',
    },
  });
}
