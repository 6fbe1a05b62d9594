import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listAudit, listAuditPeopleNames } from '@/db/queries/audit';
import { actionMessageKey, auditParts, auditPeople } from '@/lib/audit/describe';
import { requireSchoolAdmin } from '@/app/_lib/session';
import { AuditDetails } from './_components/audit-details';
import { TableScroll } from '@/app/_components/table-scroll';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

export default async function AuditPage() {
  const admin = await requireSchoolAdmin();
  const [t, format, rows] = await Promise.all([getTranslations('audit'), getFormatter(), listAudit(admin.schoolId)]);
  const names = await listAuditPeopleNames(admin.schoolId, auditPeople(rows.map((r) => r.details)));
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
                <td>{t(`actions.${actionMessageKey(r.action)}`)}</td>
                <td>
                  <AuditDetails parts={auditParts(r.details)} names={names} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
