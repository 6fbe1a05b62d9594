import { getCatalog, getModule } from '@/lib/content/catalog';
import { renderLessonPage } from '@/lib/content/html/lesson-page';
import { isLocale, LOCALES } from '@/lib/i18n/locales';

// Every section in every language is rendered once at build time: lesson content is the same for
// everyone and not secret, so it is served without touching the session or the database.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return getCatalog().flatMap((mod) => LOCALES.flatMap((lang) => mod.lessons[lang].sections.map((s) => ({ lang, moduleId: mod.id, sectionId: s.id }))));
}

type Params = { params: Promise<{ lang: string; moduleId: string; sectionId: string }> };

export async function GET(_request: Request, { params }: Params) {
  const { lang, moduleId, sectionId } = await params;
  const mod = getModule(moduleId);
  const page = mod && isLocale(lang) ? await renderLessonPage(mod, lang, sectionId) : undefined;
  if (!page) return new Response('Not found', { status: 404 });
  return new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
