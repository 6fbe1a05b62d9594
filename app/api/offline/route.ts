import { NextResponse } from 'next/server';
import { getCurrentUser } from '@/app/_lib/session';
import { isLocale } from '@/lib/i18n/locales';
import { prepareOffline } from '@/lib/offline/prepare';
import { isSameOriginRequest } from '@/lib/server/same-origin';

/** "Save for offline": readies the teacher's quizzes and answers with the pages to keep on the device, in the language asked for. */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return NextResponse.json({ error: 'Cross-site requests are refused.' }, { status: 403 });
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to save your training for offline reading.' }, { status: 401 });
  const lang = new URL(request.url).searchParams.get('lang');
  if (!isLocale(lang)) return NextResponse.json({ error: 'lang must be kk, ru or en.' }, { status: 400 });
  const set = await prepareOffline({ userId: user.id, schoolId: user.schoolId }, user.tiers, lang, user.schoolSlug);
  return NextResponse.json(set, { headers: { 'cache-control': 'private, no-store' } });
}
