import type { CatalogModule } from '@/lib/content/catalog';
import type { Locale } from '@/lib/i18n/locales';
import { lessonPath } from './lesson-paths';

/** Where a teacher goes after marking a section read: the next section in their language, or the quiz after the last. */
export function pathAfterSection(mod: CatalogModule, locale: Locale, sectionId: string): string {
  const sections = mod.lessons[locale].sections;
  const next = sections[sections.findIndex((s) => s.id === sectionId) + 1];
  return next && sections.some((s) => s.id === sectionId) ? lessonPath(locale, mod.id, next.id) : `/learn/${encodeURIComponent(mod.id)}/quiz`;
}
