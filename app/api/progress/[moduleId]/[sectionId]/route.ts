import { NextResponse } from 'next/server';
import { markSectionRead } from '@/db/queries/progress';
import { getCurrentUser } from '@/app/_lib/session';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { findModuleForTeacher } from '@/lib/learn/my-training';
import { pathAfterSection } from '@/lib/learn/next-step';
import { publicOrigin } from '@/lib/server/origin';
import { isSameOriginRequest } from '@/lib/server/same-origin';

type Params = { params: Promise<{ moduleId: string; sectionId: string }> };

/**
 * Marks a section read. A form post (no script) is answered with a redirect to the next section;
 * a JSON post (the lesson script, or the offline queue replaying a mark) with JSON. Idempotent.
 */
export async function POST(request: Request, { params }: Params) {
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  const answer = (status: number, error: string, redirectTo: string) =>
    wantsJson ? NextResponse.json({ error }, { status }) : NextResponse.redirect(new URL(redirectTo, publicOrigin(request)), 303);
  if (!isSameOriginRequest(request)) return NextResponse.json({ error: 'Cross-site requests are refused.' }, { status: 403 });
  const user = await getCurrentUser();
  if (!user) return answer(401, 'Sign in to save your progress.', '/signin');
  const { moduleId, sectionId } = await params;
  const scope = { userId: user.id, schoolId: user.schoolId };
  const mod = await findModuleForTeacher(scope, moduleId, user.tiers);
  if (!mod || !mod.lessons.en.sections.some((s) => s.id === sectionId)) return answer(404, 'This section is not in your training.', '/learn');
  await markSectionRead(scope, mod.id, sectionId);
  if (wantsJson) return NextResponse.json({ moduleId: mod.id, sectionId, read: true });
  const form = await request.formData().catch(() => null);
  const lang = form?.get('lang');
  return NextResponse.redirect(new URL(pathAfterSection(mod, isLocale(lang) ? lang : DEFAULT_LOCALE, sectionId), publicOrigin(request)), 303);
}
