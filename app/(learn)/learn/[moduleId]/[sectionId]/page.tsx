import { notFound, redirect } from 'next/navigation';
import { getPageLocale } from '@/app/_lib/locale';
import { requireUser } from '@/app/_lib/session';
import { getModule } from '@/lib/content/catalog';
import { lessonPath } from '@/lib/learn/lesson-paths';
import { findModuleForTeacher } from '@/lib/learn/my-training';

type Props = { params: Promise<{ moduleId: string; sectionId: string }> };

/**
 * Older links to a section lead to its prerendered page in the teacher's language; another age
 * group's module opens read-only (nothing tracked).
 */
export default async function SectionPage({ params }: Props) {
  const { moduleId, sectionId } = await params;
  const user = await requireUser();
  const mod = await findModuleForTeacher({ userId: user.id, schoolId: user.schoolId }, moduleId, user.tiers);
  if (!mod && getModule(moduleId)?.lessons.en.sections.some((s) => s.id === sectionId)) redirect(`/read/${moduleId}/${sectionId}`);
  const locale = await getPageLocale();
  if (!mod || !mod.lessons[locale].sections.some((s) => s.id === sectionId)) notFound();
  redirect(lessonPath(locale, mod.id, sectionId));
}
