import type { ItemKey } from '@/db/queries/item-stats';
import type { CatalogModule } from '@/lib/content/catalog';

/** Every question's answer key, from the content (the keys never live in the database). */
export function itemKeys(catalog: readonly CatalogModule[]): ItemKey[] {
  return catalog.flatMap((m) => m.quizzes.en.questions.map((q) => ({ moduleId: m.id, questionId: q.id, correct: [...q.correct] })));
}
