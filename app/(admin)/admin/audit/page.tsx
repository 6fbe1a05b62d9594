import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listAudit } from '@/db/queries/audit';
import { requireSchoolAdmin } from '@/app/_lib/session';
import { TableScroll } from '@/app/_components/table-scroll';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

const ACTIONS = ['profile.updated', 'join_code.rotated', 'member.tiers_changed', 'member.deactivated', 'member.reactivated', 'invite.created', 'invite.revoked', 'invite.accepted', 'member.joined_with_code', 'assignment.set', 'assignment.removed', 'school.created', 'member.reset_link_sent', 'mail.shared', 'mail.retried', 'school.updated'];

export default async function AuditPage() {
  const admin = await requireSchoolAdmin();
  const [t, format, rows] = await Promise.all([getTranslations('audit'), getFormatter(), listAudit(admin.schoolId)]);
  return (
    <div>
      <h1>{t('title')}</h1>
      {rows.length === 0 && <p>{t('none')}</p>}
      <TableScroll label={t('title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('who')}</th>
              <th scope="col">{t('what')}</th>
              <th scope="col">{t('details')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-action={r.action}>
                <td>{format.dateTime(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td>{r.actorName ?? '—'}</td>
                <td>{ACTIONS.includes(r.action) ? t(`actions.${r.action.replace('.', '_')}`) : r.action}</td>
                <td>
                  <code>{JSON.stringify(r.details)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
