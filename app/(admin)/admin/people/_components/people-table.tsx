import { useTranslations } from 'next-intl';
import { TierCheckboxes } from '@/app/_components/form/tier-checkboxes';
import type { listSchoolPeople } from '@/db/queries/people';
import { saveMemberTiers, sendTeacherResetLink, setMemberActive } from '../actions';
import { TableScroll } from '@/app/_components/table-scroll';

type Person = Awaited<ReturnType<typeof listSchoolPeople>>[number];

export function PeopleTable({ people, selfId }: { people: Person[]; selfId: string }) {
  const t = useTranslations('people');
  return (
    <TableScroll label={t('title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('tiers')}</th>
            <th scope="col">{t('state')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.userId} data-email={p.email}>
              <th scope="row">
                {p.name}
                <br />
                <small>{p.email}</small>
              </th>
              <td>{t(`roles.${p.role}`)}</td>
              <td>
                {p.role === 'teacher' && (
                  <form action={saveMemberTiers} className="inline-form">
                    <input type="hidden" name="userId" value={p.userId} />
                    <TierCheckboxes legend={t('tiersOf', { name: p.name })} idPrefix={`tiers-${p.userId}`} name="tiers" defaultTiers={p.tiers} />
                    <button type="submit" className="button small">
                      {t('saveTiers')}
                    </button>
                  </form>
                )}
              </td>
              <td>
                {p.active ? t('active') : t('inactive')}
                {p.userId !== selfId && (
                  <form action={setMemberActive}>
                    <input type="hidden" name="userId" value={p.userId} />
                    <input type="hidden" name="active" value={p.active ? 'false' : 'true'} />
                    <button type="submit" className="button small">
                      {p.active ? t('deactivate', { name: p.name }) : t('reactivate', { name: p.name })}
                    </button>
                  </form>
                )}
                {p.role === 'teacher' && p.active && p.email && (
                  <form action={sendTeacherResetLink}>
                    <input type="hidden" name="userId" value={p.userId} />
                    <button type="submit" className="button small">
                      {t('sendResetLink', { name: p.name })}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
