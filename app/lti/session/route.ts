import { AuthError } from 'next-auth';
import { cookies } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { signIn } from '@/auth';
import { peekTicketTarget } from '@/db/queries/lti-tickets';
import { hashTicket } from '@/lib/lti/server/launch-flow';
import { ltiErrorPage } from '@/lib/lti/server/pages';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locales';

export const runtime = 'nodejs';

/** Trades the launch's one-time ticket for a session on this origin, then opens the launched page. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const ticket = url.searchParams.get('ticket') ?? '';
  const target = ticket.length < 100 ? await peekTicketTarget(hashTicket(ticket)) : null;
  if (!target) return ltiErrorPage(401, 'ticket_invalid', 'This launch link was already used or has expired.');
  // The course language: the launched page opens in it.
  const lang = url.searchParams.get('lang');
  if (isLocale(lang)) (await cookies()).set(LOCALE_COOKIE, lang, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  try {
    await signIn('lti-ticket', { ticket, redirectTo: target });
  } catch (err) {
    // signIn answers with Next's redirect to the target: let it through.
    unstable_rethrow(err);
    if (err instanceof AuthError) return ltiErrorPage(401, 'ticket_invalid', 'This launch link was already used or has expired.');
    throw err;
  }
  return ltiErrorPage(500, 'session_failed', 'The session could not be created.');
}
