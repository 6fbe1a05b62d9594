import 'server-only';
import { getQuizHistory } from '@/db/queries/attempts';
import type { Scope } from '@/db/queries/progress';
import type { Locale } from '@/lib/i18n/locales';
import { listMyModules } from '@/lib/learn/my-training';
import { RetryNotOpenError, startAttempt } from '@/lib/quiz/attempts';
import { offlineSet } from './offline-set';

/**
 * Readies a teacher's modules for a time without connection: a quiz can only be answered offline
 * if its questions were drawn before, so each module not yet passed gets its open attempt (the
 * one already open, or a fresh draw where a retry is allowed). The answers are graded on the
 * server when they arrive, as ever.
 */
export async function prepareOffline(scope: Scope, tiers: readonly string[], locale: Locale, schoolSlug: string) {
  const mods = await listMyModules(scope, tiers);
  for (const mod of mods) {
    if ((await getQuizHistory(scope, mod.id)).completion) continue;
    try {
      await startAttempt(scope, mod);
    } catch (err) {
      if (!(err instanceof RetryNotOpenError)) throw err;
    }
  }
  return offlineSet(mods, locale, schoolSlug);
}
