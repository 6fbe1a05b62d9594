import type { CatalogModule } from '@/lib/content/catalog';
import type { Locale } from '@/lib/i18n/locales';
import { lessonPath } from '@/lib/learn/lesson-paths';
import { SITUATIONS } from '@/lib/respond/guide';
import { PUBLIC_FILES } from './worker/rules';

/** Pages anyone may read, the same for every teacher: kept in the device's shared offline cache. */
export type OfflineSet = { public: string[]; personal: string[] };

/**
 * What "Save for offline" keeps on a teacher's device: every section of their modules in their
 * language (and the lesson's and the quiz page's style and script), the incident guide, the parent phone pages of
 * their school for their tiers; and, as personal pages cleared at sign-out, "My training", each
 * module page, each quiz page (with its drawn questions, never the key) and the read marks.
 */
export function offlineSet(mods: readonly CatalogModule[], locale: Locale, schoolSlug: string): OfflineSet {
  const tiers = [...new Set(mods.map((m) => m.tier))];
  const lessons = mods.flatMap((m) => m.lessons[locale].sections.map((s) => lessonPath(locale, m.id, s.id)));
  const respond = [`/respond?lang=${locale}`, ...SITUATIONS.map((s) => `/respond/${s}?lang=${locale}`)];
  const handouts = tiers.map((t) => `/handouts/${encodeURIComponent(schoolSlug)}/${t}?lang=${locale}`);
  const personal = ['/learn', ...mods.flatMap((m) => [`/learn/${m.id}`, `/learn/${m.id}/quiz`, `/api/progress/${m.id}`])];
  return { public: [...PUBLIC_FILES, ...lessons, ...respond, ...handouts], personal };
}
