import { parseShortCode } from '@/lib/handouts/serve';
import { isLocale } from '@/lib/i18n/locales';
import { missingPage } from '@/lib/i18n/missing-page';
import { publicOrigin } from '@/lib/server/origin';
import { getPageLocale } from '@/app/_lib/locale';

/** Short links printed under QR codes: /h/{school}/1kk → the 9-10 Kazakh phone page, on the public address. */
export async function GET(request: Request, { params }: { params: Promise<{ school: string; code: string }> }) {
  const { school, code } = await params;
  const parsed = parseShortCode(code);
  if (!parsed) {
    const lang = code.slice(1);
    return missingPage('handout', isLocale(lang) ? lang : await getPageLocale(), new URL(request.url).pathname);
  }
  return Response.redirect(new URL(`/handouts/${encodeURIComponent(school)}/${parsed.tier}?lang=${parsed.lang}`, publicOrigin(request)), 308);
}
