import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getOpenAttempt, getQuizHistory } from '@/db/queries/attempts';
import { requireUser } from '@/app/_lib/session';
import { findModuleForTeacher } from '@/lib/learn/my-training';
import { getRetryGate, isCurrentDraw, publicQuestions } from '@/lib/quiz/attempts';
import { QUIZ_SIZE } from '@/lib/quiz/draw';
import { PASS_MARK } from '@/lib/quiz/score';
import { startQuiz } from '../actions';
import { QuizForm } from './_components/quiz-form';
import { ReviewSections } from './_components/review-sections';
import { getPageLocale } from '@/app/_lib/locale';

type Props = { params: Promise<{ moduleId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('quiz'))('title') };
}

export default async function QuizPage({ params }: Props) {
  const user = await requireUser();
  const mod = await findModuleForTeacher({ userId: user.id, schoolId: user.schoolId }, (await params).moduleId, user.tiers);
  if (!mod) notFound();
  const scope = { userId: user.id, schoolId: user.schoolId };
  const [t, locale, open, history, gate] = await Promise.all([
    getTranslations('quiz'),
    getPageLocale(),
    getOpenAttempt(scope, mod.id),
    getQuizHistory(scope, mod.id),
    getRetryGate(scope, mod),
  ]);
  const title = mod.lessons[locale].frontmatter.title;
  const titles = new Map(mod.lessons[locale].sections.map((s) => [s.id, s.title]));
  return (
    <div className="narrow-wide">
      <p className="eyebrow">
        <Link href={`/learn/${mod.id}`}>{title}</Link>
      </p>
      <h1>{t('title')}</h1>
      {history.completion && (
        <p className="notice success" role="status">
          {t('alreadyPassed', { score: history.completion.score })}
        </p>
      )}
      {open && isCurrentDraw(mod, open) ? (
        <QuizForm key={open.id} attemptId={open.id} moduleId={mod.id} questions={publicQuestions(mod, open, locale)} />
      ) : gate.opensAt ? (
        <ReviewSections moduleId={mod.id} sections={gate.review.map((id) => ({ id, title: titles.get(id) ?? id }))} opensAt={gate.opensAt.toISOString()} />
      ) : (
        <>
          <p className="lead">{t('intro', { count: Math.min(QUIZ_SIZE, mod.quizzes.en.questions.length), passMark: PASS_MARK })}</p>
          {history.attempts.length > 0 && <p>{t('previous', { count: history.attempts.length, score: history.attempts[0]!.score ?? 0 })}</p>}
          <form action={startQuiz.bind(null, mod.id)}>
            <button type="submit" className="button primary">
              {history.attempts.length > 0 ? t('retry') : t('start')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
