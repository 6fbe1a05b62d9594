import 'server-only';
import { transaction, type Tx } from '@/db';
import { getMailRecipient, getSchoolMember } from '@/db/queries/account';
import {
  countRecentTokens,
  endOtherSessions,
  insertAccountToken,
  lockUser,
  recordEmailConfirmed,
  recordPasswordHash,
  takeAccountToken,
} from '@/db/queries/account-tokens';
import { recordAudit, type Actor } from '@/db/queries/audit';
import { countRecentMail, queueMail } from '@/db/queries/mail-outbox';
import { hashToken } from '@/lib/admin/tokens';
import { hashPassword } from '@/lib/auth/password';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { renderMail } from '@/lib/mail/templates';
import { isLinkToken, newLinkToken, RESET_LIMIT, RESET_TTL_SECONDS } from './links';

/** Every /forgot answer takes at least this long, so an unknown address answers as slowly as a known one. */
const FORGOT_MIN_MS = 600;

type Recipient = { id: string; email: string; name: string; locale: string | null };

/** Token and mail in one transaction; false when the address or account reached its hourly limit. */
async function queueResetMail(tx: Tx, r: Recipient, p: { schoolId: string | null; origin: string; fallbackLocale: Locale }) {
  await lockUser(tx, r.id);
  if ((await countRecentMail(tx, r.email, 'password_reset', RESET_LIMIT.windowSeconds)) >= RESET_LIMIT.perAddress) return false;
  if ((await countRecentTokens(tx, r.id, 'reset', RESET_LIMIT.windowSeconds)) >= RESET_LIMIT.perAccount) return false;
  const { token, tokenHash } = newLinkToken();
  await insertAccountToken(tx, { userId: r.id, purpose: 'reset', tokenHash, ttlSeconds: RESET_TTL_SECONDS });
  const locale = isLocale(r.locale) ? r.locale : p.fallbackLocale;
  const mail = renderMail('password_reset', locale, { link: `${p.origin}/reset/${token}`, name: r.name });
  await queueMail(tx, { schoolId: p.schoolId, recipient: r.email, locale, kind: 'password_reset', ...mail });
  return true;
}

/** /forgot: mails a reset link when the address has an account; answers nothing either way, in about the same time. */
export async function requestPasswordReset(email: string, origin: string, fallbackLocale: Locale) {
  const started = Date.now();
  const recipient = await getMailRecipient(email);
  if (recipient) {
    const queued = await transaction((tx) => queueResetMail(tx, recipient, { schoolId: recipient.schoolId, origin, fallbackLocale }));
    if (!queued) console.warn('[mail] password reset for one address refused: hourly limit reached');
  }
  const rest = FORGOT_MIN_MS - (Date.now() - started);
  if (rest > 0) await new Promise((r) => setTimeout(r, rest));
}

export type SendResetResult = 'queued' | 'notFound' | 'rateLimited';

/** A school admin sends a reset link to a teacher of their own school (audited); another school's teacher is "not found". */
export async function sendResetLinkToTeacher(
  actor: Actor & { schoolId: string; actorId: string },
  userId: string,
  origin: string,
  fallbackLocale: Locale,
): Promise<SendResetResult> {
  const teacher = await getSchoolMember(actor.schoolId, userId, 'teacher');
  if (!teacher) return 'notFound';
  return transaction(async (tx) => {
    if (!(await queueResetMail(tx, teacher, { schoolId: actor.schoolId, origin, fallbackLocale }))) return 'rateLimited';
    await recordAudit(tx, actor, 'member.reset_link_sent', { email: teacher.email });
    return 'queued';
  });
}

/** The operator sends a reset link to a school admin; audited in that school's log. */
export async function sendResetLinkToSchoolAdmin(
  operatorId: string,
  schoolId: string,
  userId: string,
  origin: string,
  fallbackLocale: Locale,
): Promise<SendResetResult> {
  const admin = await getSchoolMember(schoolId, userId, 'school_admin');
  if (!admin) return 'notFound';
  return transaction(async (tx) => {
    if (!(await queueResetMail(tx, admin, { schoolId, origin, fallbackLocale }))) return 'rateLimited';
    await recordAudit(tx, { actorId: operatorId, schoolId }, 'member.reset_link_sent', { email: admin.email, by: 'operator' });
    return 'queued';
  });
}

/**
 * Uses a reset link once: the new password, the used token and the end of the user's other
 * sessions are one transaction. `keepSessionId` is the caller's own session, if it is this user's.
 */
export async function resetPassword(token: string, newPassword: string, keepSessionId: string | null): Promise<{ ok: true; userId: string } | { ok: false }> {
  if (!isLinkToken(token)) return { ok: false };
  const passwordHash = await hashPassword(newPassword);
  return transaction(async (tx) => {
    const userId = await takeAccountToken(tx, hashToken(token), 'reset');
    if (!userId) return { ok: false } as const;
    await recordPasswordHash(tx, userId, passwordHash);
    // The link reached the mailbox: the address is proven, as a confirmation link would.
    await recordEmailConfirmed(tx, userId);
    await endOtherSessions(tx, userId, keepSessionId);
    return { ok: true, userId } as const;
  });
}
