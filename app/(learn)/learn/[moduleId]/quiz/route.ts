import { NextResponse } from 'next/server';
import { getOpenAttempt, getQuizHistory } from '@/db/queries/attempts';
import { getPageLocale } from '@/app/_lib/locale';
import { getCurrentUser, requireUser } from '@/app/_lib/session';
import { findModuleForTeacher } from '@/lib/learn/my-training';
import { getRetryGate, isCurrentDraw, publicQuestions, RetryNotOpenError, startAttempt } from '@/lib/quiz/attempts';
import { QUIZ_SIZE } from '@/lib/quiz/draw';
import { PASS_MARK } from '@/lib/quiz/score';
import { requestNonce } from '@/lib/server/csp';
import { publicOrigin } from '@/lib/server/origin';
import { isSameOriginRequest } from '@/lib/server/same-origin';
import { quizPageHtml, quizTranslators, type QuizView } from './_components/quiz-page-html';

// A route handler, not a page: the quiz page is plain HTML plus one small script (/quiz.js), so a
// phone loads React and react-hook-form but not Next's client router (the phone budget is 120 kB).
type Params = { params: Promise<{ moduleId: string }> };

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-store' } });

export async function GET(request: Request, { params }: Params) {
  const user = await requireUser();
  const scope = { userId: user.id, schoolId: user.schoolId };
  const [mod, locale] = await Promise.all([findModuleForTeacher(scope, (await params).moduleId, user.tiers), getPageLocale()]);
  if (!mod) {
    const t = quizTranslators(locale);
    return html(
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${t.common('notFoundTitle')}</title><link rel="stylesheet" href="/app.css"></head><body><main id="main"><h1>${t.common('notFoundTitle')}</h1><p><a href="/learn">${t.nav('myTraining')}</a></p></main></body></html>`,
      404,
    );
  }
  const [open, history, gate] = await Promise.all([getOpenAttempt(scope, mod.id), getQuizHistory(scope, mod.id), getRetryGate(scope, mod)]);
  const titles = new Map(mod.lessons[locale].sections.map((s) => [s.id, s.title]));
  const last = history.attempts[0];
  const view: QuizView =
    open && isCurrentDraw(mod, open)
      ? { kind: 'form', attemptId: open.id, questions: publicQuestions(mod, open, locale) }
      : gate.opensAt
        ? { kind: 'review', sections: gate.review.map((id) => ({ id, title: titles.get(id) ?? id })), opensAt: gate.opensAt }
        : {
            kind: 'start',
            count: Math.min(QUIZ_SIZE, mod.quizzes.en.questions.length),
            passMark: PASS_MARK,
            previous: last ? { count: history.attempts.length, score: last.score ?? 0 } : null,
          };
  return html(
    quizPageHtml({
      locale,
      nonce: requestNonce(request.headers),
      moduleId: mod.id,
      moduleTitle: mod.lessons[locale].frontmatter.title,
      passedScore: history.completion?.score ?? null,
      view,
      isTeacher: user.role === 'teacher',
    }),
  );
}

/** "Start the quiz" / "Try again": draws a fresh attempt (unless the retry is not open yet) and shows the page again. */
export async function POST(request: Request, { params }: Params) {
  if (!isSameOriginRequest(request)) return NextResponse.json({ error: 'Cross-site requests are refused.' }, { status: 403 });
  const back = (path: string) => NextResponse.redirect(new URL(path, publicOrigin(request)), 303);
  const user = await getCurrentUser();
  if (!user) return back('/signin');
  const mod = await findModuleForTeacher({ userId: user.id, schoolId: user.schoolId }, (await params).moduleId, user.tiers);
  if (!mod) return back('/learn');
  try {
    await startAttempt({ userId: user.id, schoolId: user.schoolId }, mod);
  } catch (err) {
    // The quiz page explains what to reread and when the retry opens.
    if (!(err instanceof RetryNotOpenError)) throw err;
  }
  return back(`/learn/${mod.id}/quiz`);
}
