import 'server-only';
import { recordCatalog } from '@/db/queries/catalog';
import { getCatalog } from './catalog';

/** Writes the catalog read from `modules/` into the database (module ids, sections, versions). */
export async function syncCatalog() {
  const catalog = getCatalog();
  await recordCatalog(
    catalog.map((m) => ({
      id: m.id,
      tier: m.tier,
      position: m.order,
      version: m.version,
      sectionIds: m.lessons.en.sections.map((s) => s.id),
      questionCount: m.quizzes.en.questions.length,
      title: { kk: m.lessons.kk.frontmatter.title, ru: m.lessons.ru.frontmatter.title, en: m.lessons.en.frontmatter.title },
      minutes: m.minutes,
    })),
  );
  return catalog.length;
}
