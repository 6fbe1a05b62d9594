import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { listOutbox } from '@/db/queries/grade-outbox';
import { listSchoolRegistrations } from '@/db/queries/lti-registrations';
import { listRosterStatus } from '@/db/queries/lti-roster-status';
import { requireSchoolAdmin } from '@/app/_lib/session';
import { toolUrls } from '@/lib/lti/tool';
import { publicOrigin } from '@/lib/server/origin';
import { resendScore } from './actions';
import { PlatformForm } from './_components/platform-form';
import { RegistrationLink } from './_components/registration-link';
import { PlatformsTable } from './_components/platforms-table';
import { TableScroll } from '@/app/_components/table-scroll';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('lms'))('title') };
}

/** Connect the school's LMS: dynamic registration URL, tool details for manual setup, registered platforms, passback status. */
export default async function LmsPage() {
  const admin = await requireSchoolAdmin();
  const tool = toolUrls(publicOrigin(await headers()));
  const [t, tables, platforms, outbox, rosters] = await Promise.all([
    getTranslations('lms'),
    getTranslations('tables'),
    listSchoolRegistrations(admin.schoolId),
    listOutbox(admin.schoolId),
    listRosterStatus(admin.schoolId),
  ]);
  const counts = { pending: 0, sent: 0, failed: 0 };
  for (const o of outbox) counts[o.status]++;
  return (
    <div>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <section aria-labelledby="dynamic">
        <h2 id="dynamic">{t('dynamicHeading')}</h2>
        <p>{t('dynamicIntro')}</p>
        <RegistrationLink />
      </section>
      <section aria-labelledby="tool">
        <h2 id="tool">{t('toolHeading')}</h2>
        <dl className="facts">
          <dt>{t('loginUrl')}</dt>
          <dd>
            <code>{tool.loginUrl}</code>
          </dd>
          <dt>{t('launchUrl')}</dt>
          <dd>
            <code>{tool.launchUrl}</code>
          </dd>
          <dt>{t('jwksUrlTool')}</dt>
          <dd>
            <code>{tool.jwksUrl}</code>
          </dd>
        </dl>
      </section>
      <section aria-labelledby="platforms">
        <h2 id="platforms">{t('platformsHeading')}</h2>
        {platforms.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <TableScroll label={t('platformsHeading')}>
            <PlatformsTable platforms={platforms} rosters={rosters} />
          </TableScroll>
        )}
        <p>{t('passback', counts)}</p>
        {outbox.length > 0 && (
          <TableScroll label={tables('scoreQueue')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('teacher')}</th>
                  <th scope="col">{t('module')}</th>
                  <th scope="col">{t('score')}</th>
                  <th scope="col">{t('syncStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {outbox.map((o) => (
                  <tr key={o.id} data-sync={o.status}>
                    <td>{o.teacher}</td>
                    <td>{o.moduleId}</td>
                    <td>{o.scoreGiven}</td>
                    <td>
                      {t(`sync.${o.status}`, { tries: o.tries })}
                      {o.lastError && <div className="meta">{o.lastError}</div>}
                      {o.status === 'failed' && (
                        <form action={resendScore}>
                          <input type="hidden" name="id" value={o.id} />
                          <button type="submit" className="button small">
                            {t('resend')}
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <PlatformForm />
    </div>
  );
}
