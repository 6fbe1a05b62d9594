import { useFormatter, useTranslations } from 'next-intl';
import type { listInvites } from '@/db/queries/invites';
import { revokeInviteAction } from '../actions';
import { TableScroll } from '@/app/_components/table-scroll';

type Invite = Awaited<ReturnType<typeof listInvites>>[number];

function stateOf(i: Invite, now: Date) {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt < now ? 'expired' : 'open';
}

export function InvitesTable({ invites, now }: { invites: Invite[]; now: Date }) {
  const t = useTranslations('people');
  const format = useFormatter();
  if (invites.length === 0) return <p>{t('noInvites')}</p>;
  return (
    <TableScroll label={t('invitesHeading')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('email')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('expires')}</th>
            <th scope="col">{t('state')}</th>
          </tr>
        </thead>
        <tbody>
          {invites.map((i) => {
            const state = stateOf(i, now);
            return (
              <tr key={i.id}>
                <td>{i.email}</td>
                <td>{t(`roles.${i.role}`)}</td>
                <td>{format.dateTime(i.expiresAt, { dateStyle: 'medium' })}</td>
                <td>
                  {t(`inviteStates.${state}`)}
                  {state === 'open' && (
                    <form action={revokeInviteAction}>
                      <input type="hidden" name="inviteId" value={i.id} />
                      <button type="submit" className="button small">
                        {t('revoke', { email: i.email })}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
