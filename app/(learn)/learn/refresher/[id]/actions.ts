'use server';
import { redirect } from 'next/navigation';
import { requireUser } from '@/app/_lib/session';
import { answerRefresher } from '@/lib/refreshers/answer';
import { AnswerError } from '@/lib/quiz/score';
import { answersFromForm } from './schema';

export async function submitRefresher(id: string, formData: FormData) {
  const user = await requireUser();
  const answers = answersFromForm(formData);
  try {
    const done = await answerRefresher(user.id, id, answers);
    if (!done.ok) redirect('/learn');
  } catch (err) {
    if (err instanceof AnswerError) redirect(`/learn/refresher/${id}?error=incomplete`);
    throw err;
  }
  redirect(`/learn/refresher/${id}`);
}
