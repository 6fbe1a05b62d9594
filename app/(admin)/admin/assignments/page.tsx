import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { listAssignments } from '@/db/queries/assignments';
import { listSchoolPeople } from '@/db/queries/people';
import { requireSchoolAdmin } from '@/app/_lib/session';
import { getCatalog } from '@/lib/content/catalog';
import { TIERS } from '@/lib/content/tiers';
import { todayInKazakhstan } from '@/lib/completion/school';
import { unassign } from './actions';
import { AssignmentForm } from './_components/assignment-form';
import { getPageLocale } from '@/app/_lib/locale';
import { formatDay } from '@/lib/i18n/dates';
import { TableScroll } from '@/app/_components/table-scroll';

type Props = { searchParams: Promise<{ error?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('assignments'))('title') };
}

export default async function AssignmentsPage({ searchParams }: Props) {
  const admin = await requireSchoolAdmin();
  const [t, locale, rows, people, { error }] = await Promise.all([
    getTranslations('assignments'),
    getPageLocale(),
    listAssignments(admin.schoolId),
    listSchoolPeople(admin.schoolId),
    searchParams,
  ]);
  const today = todayInKazakhstan();
  const modules = getCatalog().map((m) => ({ value: m.id, label: `${m.tier} · ${m.lessons[locale].frontmatter.title}` }));
  const targets = {
    tiers: TIERS.map((tier) => ({ value: `tier:${tier}`, label: t('tierOption', { tier }) })),
    teachers: people.filter((p) => p.role === 'teacher' && p.active).map((p) => ({ value: `user:${p.userId}`, label: p.name })),
  };
  return (
    <div>
      <h1>{t('title')}</h1>
      {error && (
        <p className="notice error" role="alert">
          {t('notFound')}
        </p>
      )}
      <AssignmentForm modules={modules} targets={targets} today={today} />
      <h2>{t('listHeading')}</h2>
      {rows.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <TableScroll label={t('listHeading')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('module')}</th>
                <th scope="col">{t('target')}</th>
                <th scope="col">{t('dueDate')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id} data-overdue={a.dueDate < today}>
                  <td>
                    {a.moduleTier} · {a.title[locale]}
                  </td>
                  <td>{a.tier ? t('tierOption', { tier: a.tier }) : a.userName}</td>
                  <td>
                    <time dateTime={a.dueDate}>{formatDay(a.dueDate, locale)}</time>
                  </td>
                  <td>
                    <form action={unassign}>
                      <input type="hidden" name="assignmentId" value={a.id} />
                      <button type="submit" className="button small">
                        {t('remove')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
