import 'server-only';
import { transaction, type Tx } from '@/db';
import { insertAccountToken, recordEmailConfirmed, takeAccountToken } from '@/db/queries/account-tokens';
import { queueMail } from '@/db/queries/mail-outbox';
import { hashToken } from '@/lib/admin/tokens';
import type { Locale } from '@/lib/i18n/locales';
import { renderMail } from '@/lib/mail/templates';
import { CONFIRM_TTL_SECONDS, isLinkToken, newLinkToken } from './links';

/** Inside the join transaction: the unconfirmed account exists exactly when its confirmation mail does. */
export async function queueJoinConfirmation(
  tx: Tx,
  p: { userId: string; schoolId: string; email: string; name: string; locale: Locale; schoolName: string; origin: string },
) {
  const { token, tokenHash } = newLinkToken();
  await insertAccountToken(tx, { userId: p.userId, purpose: 'confirm', tokenHash, ttlSeconds: CONFIRM_TTL_SECONDS });
  const mail = renderMail('join_confirm', p.locale, { link: `${p.origin}/confirm/${token}`, name: p.name, schoolName: p.schoolName });
  await queueMail(tx, { schoolId: p.schoolId, recipient: p.email, locale: p.locale, kind: 'join_confirm', ...mail });
}

/** Uses a confirmation link once; false when it is unknown, used or expired. */
export async function confirmEmail(token: string) {
  if (!isLinkToken(token)) return false;
  return transaction(async (tx) => {
    const userId = await takeAccountToken(tx, hashToken(token), 'confirm');
    if (!userId) return false;
    await recordEmailConfirmed(tx, userId);
    return true;
  });
}
