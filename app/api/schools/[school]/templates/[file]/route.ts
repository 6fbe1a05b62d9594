import { getCurrentUser } from '@/app/_lib/session';
import { templateLabels } from '@/lib/templates/labels';
import { getSchoolTemplateFile } from '@/lib/templates/serve';

export const runtime = 'nodejs';

/** `/api/schools/{school}/templates/{template}.pdf?lang=kk|ru|en`: for that school's own teachers and admins. */
export async function GET(request: Request, { params }: { params: Promise<{ school: string; file: string }> }) {
  const { school, file } = await params;
  const result = await getSchoolTemplateFile(await getCurrentUser(), school, file, new URL(request.url).searchParams.get('lang'), templateLabels);
  if (result.status === 401) return new Response('Sign in first.', { status: 401 });
  if (result.status === 404) return new Response('No such template, or you may not see it.', { status: 404 });
  return new Response(new Uint8Array(result.body), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${result.filename}"`,
      'cache-control': 'private, no-store',
    },
  });
}
