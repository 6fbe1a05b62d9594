import { NextResponse } from 'next/server';
import { checkDatabase } from '@/db/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkDatabase();
  return NextResponse.json(health.ok ? { status: 'ok', db: health.kind } : { status: 'unavailable', db: health.kind, error: health.error }, {
    status: health.ok ? 200 : 503,
  });
}
