import { renderAboutHtml } from '@/lib/content/about';

// Prerendered at build time: the same bytes for everyone, served without touching the database.
export const dynamic = 'force-static';

export function GET() {
  return new Response(renderAboutHtml(), { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
