import 'server-only';
import { getSchoolCompletionData } from '@/db/queries/completion';
import { summarizeCompletion } from './summarize';

export async function getSchoolCompletion(schoolId: string) {
  return summarizeCompletion(await getSchoolCompletionData(schoolId));
}
