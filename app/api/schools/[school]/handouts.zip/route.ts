import { getCurrentOperator, getCurrentUser } from '@/app/_lib/session';
import { buildHandoutZip } from '@/lib/handouts/zip';
import { publicOrigin } from '@/lib/server/origin';

export const runtime = 'nodejs';

export async function GET(request: Request, { params }: { params: Promise<{ school: string }> }) {
  const slug = (await params).school;
  const user = await getCurrentUser();
  const allowed = (user?.role === 'school_admin' && user.schoolSlug === slug) || (!!(await getCurrentOperator()) && slug.length <= 80);
  if (!allowed) return new Response(user ? 'No such school, or you may not see it.' : 'Sign in first.', { status: user ? 404 : 401 });
  const zip = await buildHandoutZip(slug, publicOrigin(request));
  if (!zip) return new Response('No such school.', { status: 404 });
  return new Response(new Uint8Array(zip), {
    headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="handouts-${slug}.zip"`, 'cache-control': 'private, no-store' },
  });
}
