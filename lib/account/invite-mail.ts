import type { Locale } from '@/lib/i18n/locales';
import { renderMail } from '@/lib/mail/templates';

/** The invite's mail, in the inviter's language (the invitee has chosen none yet). */
export function inviteMail(locale: Locale, link: string, schoolName: Record<Locale, string>) {
  return { locale, kind: 'invite', ...renderMail('invite', locale, { link, schoolName: schoolName[locale] }) };
}
