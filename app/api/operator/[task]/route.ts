import { NextResponse } from 'next/server';
import { isOperatorToken, serverMaintenance } from '@/db/queries/maintenance';
import { DemoPasswordError } from '@/lib/demo/password';
import { OPERATOR_TASKS, runOperatorTask, type OperatorTask } from '@/lib/operator/tasks';

/**
 * Lets `npm run db:*` work while the server runs: the embedded database may be opened by one
 * process only, so the command line sends the task here with the token from the lock file.
 */
export async function POST(request: Request, { params }: { params: Promise<{ task: string }> }) {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
  if (!(await isOperatorToken(token))) return NextResponse.json({ error: 'Not found.' }, { status: 404 });
  const task = (await params).task;
  if (!(OPERATOR_TASKS as readonly string[]).includes(task)) return NextResponse.json({ error: `Unknown task "${task}".` }, { status: 400 });
  try {
    const input = request.headers.get('content-type')?.includes('json') ? await request.json() : undefined;
    const result = await runOperatorTask(await serverMaintenance(), task as OperatorTask, input);
    if (result.backup) {
      return new Response(result.backup, { headers: { 'content-type': 'application/gzip', 'x-kko-log': encodeURIComponent(result.log.join('\n')) } });
    }
    return NextResponse.json({ log: result.log }, { status: result.failed ? 422 : 200 });
  } catch (err) {
    if (err instanceof DemoPasswordError) return NextResponse.json({ error: err.message }, { status: 400 });
    console.error(`[operator] ${task} failed:`, err);
    return NextResponse.json({ error: (err as Error).message }, { status: 500 });
  }
}
