import { getTranslations } from 'next-intl/server';
import type { RosterStatus } from '@/db/queries/lti-roster-status';
import type { StoredRegistration } from '@/db/queries/lti-registrations';
import { removePlatform } from '../actions';
import { DeploymentForm } from './deployment-form';
import { RosterStatusCell } from './roster-status';

/** The school's connected platforms: deployments (with a form to add one), last roster sync, removal. */
export async function PlatformsTable({ platforms, rosters }: { platforms: StoredRegistration[]; rosters: RosterStatus[] }) {
  const [t, tr] = await Promise.all([getTranslations('lms'), getTranslations('lmsRoster')]);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('issuer')}</th>
          <th scope="col">{t('clientId')}</th>
          <th scope="col">{t('deployments')}</th>
          <th scope="col">{tr('heading')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('remove')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {platforms.map((p) => (
          <tr key={p.id}>
            <td>{p.issuer}</td>
            <td>{p.clientId}</td>
            <td>
              {p.deploymentIds.join(', ')}
              <DeploymentForm registrationId={p.id} />
            </td>
            <td>
              <RosterStatusCell status={rosters.find((r) => r.registrationId === p.id)} />
            </td>
            <td>
              <form action={removePlatform}>
                <input type="hidden" name="id" value={p.id} />
                <button type="submit" className="button small">
                  {t('remove')}
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
