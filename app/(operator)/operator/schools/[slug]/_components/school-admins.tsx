import { useTranslations } from 'next-intl';
import type { listSchoolPeople } from '@/db/queries/people';
import { sendAdminResetLink } from '../../../actions';

type Person = Awaited<ReturnType<typeof listSchoolPeople>>[number];

/** The school's admins, each with a "send reset link" button (the link goes to their own address). */
export function SchoolAdmins({ slug, admins, result }: { slug: string; admins: Person[]; result?: string }) {
  const t = useTranslations('account');
  return (
    <section aria-labelledby="school-admins">
      <h2 id="school-admins">{t('schoolAdmins')}</h2>
      {result === 'queued' && (
        <p className="notice success" role="status">
          {t('resetQueued')}
        </p>
      )}
      {(result === 'notFound' || result === 'rateLimited') && (
        <p className="notice error" role="alert">
          {t(result === 'notFound' ? 'resetNotFound' : 'resetRateLimited')}
        </p>
      )}
      <ul>
        {admins.map((a) => (
          <li key={a.userId}>
            {a.name} ({a.email}){' '}
            {a.active && (
              <form action={sendAdminResetLink} className="inline-form">
                <input type="hidden" name="slug" value={slug} />
                <input type="hidden" name="userId" value={a.userId} />
                <button type="submit" className="button small">
                  {t('sendResetLink', { name: a.name })}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
