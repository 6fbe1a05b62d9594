import 'server-only';
import { getSchoolProfile } from '@/db/queries/school-profile';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { getTemplate, isTemplateId } from './content';
import { renderPdf } from '@/lib/pdf/pool';
import type { TemplateLabels } from './pdf';

export type TemplateRequester = { schoolId: string; schoolSlug: string } | null;
export type TemplateFileResult = { status: 200; body: Buffer; filename: string } | { status: 401 } | { status: 404; reason: 'school' | 'template' | 'lang' };

/** "incident-log.pdf" → the template id. */
export function parseTemplateFile(raw: string) {
  const m = /^([a-z-]+)\.pdf$/.exec(raw);
  return m && isTemplateId(m[1]) ? m[1] : null;
}

/**
 * A template filled with one school's profile. Only a signed-in member of that very school gets
 * it: another school's slug answers 404 exactly like an unknown one, so nothing leaks.
 */
export async function getSchoolTemplateFile(
  requester: TemplateRequester,
  slug: string,
  rawFile: string,
  rawLang: string | null,
  labelsFor: (lang: Locale) => Promise<TemplateLabels>,
): Promise<TemplateFileResult> {
  if (!requester) return { status: 401 };
  if (requester.schoolSlug !== slug) return { status: 404, reason: 'school' };
  const id = parseTemplateFile(rawFile);
  if (!id) return { status: 404, reason: 'template' };
  const lang = rawLang ?? 'kk';
  if (!isLocale(lang)) return { status: 404, reason: 'lang' };
  const school = await getSchoolProfile(requester.schoolId);
  if (!school) return { status: 404, reason: 'school' };
  const body = await renderPdf({ kind: 'template', args: [getTemplate(id, lang), lang, school, await labelsFor(lang)] });
  return { status: 200, body, filename: `${school.slug}-${id}-${lang}.pdf` };
}
