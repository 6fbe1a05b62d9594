import 'server-only';
import { createRefresher, listDueRefreshers } from '@/db/queries/refreshers';
import { getModule } from '@/lib/content/catalog';
import { drawQuestions, shuffleOptions } from '@/lib/quiz/draw';

export const REFRESHER_SIZE = 3;

/** Makes the refreshers that fell due; returns how many were made. Safe in several processes at once. */
export async function createDueRefreshers(limit = 500) {
  let made = 0;
  for (const due of await listDueRefreshers(limit)) {
    const mod = getModule(due.module_id);
    if (!mod) continue;
    const bank = mod.quizzes.en.questions;
    const questionIds = drawQuestions(
      bank.map((q) => q.id),
      [],
      REFRESHER_SIZE,
    );
    const id = await createRefresher(due, { questionIds, optionOrder: shuffleOptions(bank.filter((q) => questionIds.includes(q.id))) });
    if (id) made++;
  }
  return made;
}
