import 'server-only';
import { getSchoolCompletionData, listTeacherCertificates } from '@/db/queries/completion';
import { todayInKazakhstan } from './school';
import { summarizeCompletion } from './summarize';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One teacher's modules, for an admin of `schoolId`: undefined unless the id is an active teacher
 * of that very school (another school's teacher, an unknown or a malformed id all look the same).
 */
export async function getTeacherCompletion(schoolId: string, userId: string, today = todayInKazakhstan()) {
  if (!UUID.test(userId)) return undefined;
  const [data, certificates] = await Promise.all([getSchoolCompletionData(schoolId, [userId]), listTeacherCertificates(schoolId, userId)]);
  const teacher = data.teachers[0];
  if (!teacher) return undefined;
  const summary = summarizeCompletion(data, today);
  const cells = summary.byTeacher[0]?.cells ?? [];
  const certificate = new Map(certificates.map((c) => [c.moduleId, c.id]));
  return {
    ...teacher,
    tally: summary.byTeacher[0]?.tally ?? { expected: 0, completed: 0, percent: 0 },
    modules: cells.map((c) => ({ ...c, title: summary.byModule.find((m) => m.id === c.moduleId)!.title, certificateId: certificate.get(c.moduleId) ?? null })),
  };
}

export type TeacherCompletion = NonNullable<Awaited<ReturnType<typeof getTeacherCompletion>>>;
