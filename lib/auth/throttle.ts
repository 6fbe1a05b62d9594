import 'server-only';
import { clearSignInFailures, getSignInFailures, recordSignInFailure } from '@/db/queries/throttle';

// Per account: 5 wrong passwords per 15 minutes; per client address: 30 (a shared school network).
const WINDOW_SECONDS = 15 * 60;
const LIMITS = { email: 5, ip: 30 };

function keys(email: string, ip: string | null) {
  return { email: `email:${email.trim().toLowerCase()}`, ip: ip ? `ip:${ip}` : null };
}

export async function isSignInThrottled(email: string, ip: string | null) {
  const k = keys(email, ip);
  const [byEmail, byIp] = await Promise.all([
    getSignInFailures(k.email, WINDOW_SECONDS),
    k.ip ? getSignInFailures(k.ip, WINDOW_SECONDS) : 0,
  ]);
  return byEmail >= LIMITS.email || byIp >= LIMITS.ip;
}

export async function noteSignInFailure(email: string, ip: string | null) {
  const k = keys(email, ip);
  await recordSignInFailure(k.email, WINDOW_SECONDS);
  if (k.ip) await recordSignInFailure(k.ip, WINDOW_SECONDS);
}

export async function noteSignInSuccess(email: string) {
  await clearSignInFailures(keys(email, null).email);
}
