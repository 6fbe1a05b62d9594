import type { Locale } from '@/lib/i18n/locales';

/** The prerendered, same-for-everyone lesson section in one language. */
export const lessonPath = (locale: Locale, moduleId: string, sectionId: string) =>
  `/lessons/${locale}/${encodeURIComponent(moduleId)}/${encodeURIComponent(sectionId)}`;

/** Where a section is marked read (a form post without script, a JSON post from the island or the offline queue). */
export const markReadPath = (moduleId: string, sectionId: string) => `/api/progress/${encodeURIComponent(moduleId)}/${encodeURIComponent(sectionId)}`;
