import { NextResponse } from 'next/server';
import { listReadSections } from '@/db/queries/progress';
import { getCurrentUser } from '@/app/_lib/session';
import { findModuleForTeacher } from '@/lib/learn/my-training';

const NO_STORE = { 'cache-control': 'private, no-store' };

/** The teacher's read marks for one module, for the prerendered lesson pages. */
export async function GET(_request: Request, { params }: { params: Promise<{ moduleId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to see your progress.' }, { status: 401, headers: NO_STORE });
  const scope = { userId: user.id, schoolId: user.schoolId };
  const mod = await findModuleForTeacher(scope, (await params).moduleId, user.tiers);
  if (!mod) return NextResponse.json({ error: 'This module is not in your training.' }, { status: 404, headers: NO_STORE });
  return NextResponse.json({ moduleId: mod.id, read: await listReadSections(scope, mod.id) }, { headers: NO_STORE });
}
