import 'server-only';
import { getSchoolCompletionData } from '@/db/queries/completion';
import { summarizeCompletion, type CompletionFilters } from './summarize';

export function todayInKazakhstan(now = new Date()) {
  // Due dates are calendar dates in the school's own day (UTC+5).
  return new Date(now.getTime() + 5 * 3600_000).toISOString().slice(0, 10);
}

export async function getSchoolCompletion(schoolId: string, filters: CompletionFilters = {}) {
  return summarizeCompletion(await getSchoolCompletionData(schoolId), todayInKazakhstan(), filters);
}
