import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { listInvites } from '@/db/queries/invites';
import { listSchoolPeople } from '@/db/queries/people';
import { getSchoolProfile } from '@/db/queries/school-profile';
import { requireSchoolAdmin } from '@/app/_lib/session';
import { rotateJoinCode } from './actions';
import { InviteForm } from './_components/invite-form';
import { InvitesTable } from './_components/invites-table';
import { PeopleTable } from './_components/people-table';

type Props = { searchParams: Promise<{ error?: string; saved?: string; resetSent?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('people'))('title') };
}

export default async function PeoplePage({ searchParams }: Props) {
  const admin = await requireSchoolAdmin();
  const { error, saved, resetSent } = await searchParams;
  const [t, people, invites, profile] = await Promise.all([
    getTranslations('people'),
    listSchoolPeople(admin.schoolId),
    listInvites(admin.schoolId),
    getSchoolProfile(admin.schoolId),
  ]);
  return (
    <div>
      <h1>{t('title')}</h1>
      {error && (
        <p className="notice error" role="alert">
          {t(error === 'notFound' ? 'errors.notFound' : error === 'rateLimited' ? 'errors.resetRateLimited' : 'errors.invalid')}
        </p>
      )}
      {resetSent && (
        <p className="notice success" role="status">
          {t('resetSent')}
        </p>
      )}
      {saved && (
        <p className="notice success" role="status">
          {t('saved')}
        </p>
      )}
      <PeopleTable people={people} selfId={admin.id} />
      <div className="two-col">
        <InviteForm />
        <section aria-labelledby="join-code">
          <h2 id="join-code">{t('joinCodeHeading')}</h2>
          <p>{t('joinCodeIntro')}</p>
          {profile?.joinCode ? (
            <p className="join-code" data-testid="join-code">
              {profile.joinCode}
            </p>
          ) : (
            <p>{t('noJoinCode')}</p>
          )}
          <form action={rotateJoinCode}>
            <button type="submit" className="button">
              {profile?.joinCode ? t('rotateJoinCode') : t('createJoinCode')}
            </button>
          </form>
        </section>
      </div>
      <section aria-labelledby="invites">
        <h2 id="invites">{t('invitesHeading')}</h2>
        <InvitesTable invites={invites} now={new Date()} />
      </section>
    </div>
  );
}
