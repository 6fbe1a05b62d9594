import type { Locale } from '@/lib/i18n/locales';
import { toCsv } from './csv';
import type { CompletionSummary } from './summarize';

type Labels = { header: string[]; status: Record<string, string> };

/** The per-teacher table as CSV, with the dashboard's filters already applied. */
export function schoolCompletionCsv(summary: CompletionSummary, locale: Locale, labels: Labels) {
  const title = (id: string) => summary.byModule.find((m) => m.id === id)?.title[locale] ?? id;
  const rows = summary.byTeacher.flatMap((t) =>
    t.cells.map((c) => [
      t.name,
      t.email,
      c.tier,
      title(c.moduleId),
      labels.status[c.status] ?? c.status,
      c.score,
      c.attempts,
      c.dueDate,
      c.completedAt?.toISOString().slice(0, 10),
    ]),
  );
  return toCsv(labels.header, rows);
}
