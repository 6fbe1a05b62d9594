import { NextResponse } from 'next/server';
import { getLocale } from 'next-intl/server';
import { getCurrentUser } from '@/app/_lib/session';
import { isLocale } from '@/lib/i18n/locales';
import { AnswerError, AttemptConflictError, AttemptNotFoundError } from '@/lib/quiz/attempts';
import { submitAttempt } from '@/lib/quiz/submit';
import { AttemptIdSchema, SubmissionSchema } from './schema';

const fail = (status: number, error: string, code?: string) => NextResponse.json({ error, ...(code ? { code } : {}) }, { status });

export async function POST(request: Request, { params }: { params: Promise<{ attemptId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return fail(401, 'Sign in to submit a quiz.');
  const attemptId = AttemptIdSchema.safeParse((await params).attemptId);
  if (!attemptId.success) return fail(404, 'This quiz attempt does not exist or is not yours.');
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return fail(400, 'The request body must be JSON: {"answers": {"<question id>": ["<option id>"]}}.');
  }
  const parsed = SubmissionSchema.safeParse(body);
  if (!parsed.success) return fail(400, `Malformed submission: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  const locale = await getLocale();
  try {
    const result = await submitAttempt({ userId: user.id, schoolId: user.schoolId }, attemptId.data, parsed.data.answers, isLocale(locale) ? locale : 'en');
    return NextResponse.json(result, { status: result.replayed ? 200 : 201 });
  } catch (err) {
    if (err instanceof AnswerError) return fail(400, err.message);
    if (err instanceof AttemptNotFoundError) return fail(404, err.message);
    if (err instanceof AttemptConflictError) return fail(409, err.message, err.code);
    throw err;
  }
}
