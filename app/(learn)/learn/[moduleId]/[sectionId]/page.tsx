import { notFound, redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { findModuleForTeacher } from '@/lib/learn/my-training';
import { lessonPath } from '@/lib/learn/lesson-paths';
import { getPageLocale } from '@/app/_lib/locale';

type Props = { params: Promise<{ moduleId: string; sectionId: string }> };

/** Older links to a section lead to its prerendered page in the teacher's language. */
export default async function SectionPage({ params }: Props) {
  const { moduleId, sectionId } = await params;
  const user = await requireUser();
  const mod = await findModuleForTeacher({ userId: user.id, schoolId: user.schoolId }, moduleId, user.tiers);
  const locale = await getPageLocale();
  if (!mod || !mod.lessons[locale].sections.some((s) => s.id === sectionId)) notFound();
  redirect(lessonPath(locale, mod.id, sectionId));
}
