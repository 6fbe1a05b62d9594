import { parseShortCode } from '@/lib/handouts/serve';
import { publicOrigin } from '@/lib/server/origin';

/** Short links printed under QR codes: /h/{school}/1kk → the 9-10 Kazakh phone page, on the public address. */
export async function GET(request: Request, { params }: { params: Promise<{ school: string; code: string }> }) {
  const { school, code } = await params;
  const parsed = parseShortCode(code);
  if (!parsed) return new Response('Unknown handout link.', { status: 404 });
  return Response.redirect(new URL(`/handouts/${encodeURIComponent(school)}/${parsed.tier}?lang=${parsed.lang}`, publicOrigin(request)), 308);
}
