import { getPublishedJwks } from '@/lib/lti/server/tool-keys';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET() {
  return Response.json(await getPublishedJwks(), { headers: { 'cache-control': 'public, max-age=300' } });
}
