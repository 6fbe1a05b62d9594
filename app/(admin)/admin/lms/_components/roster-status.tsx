import { getFormatter, getTranslations } from 'next-intl/server';
import type { RosterStatus } from '@/db/queries/lti-roster-status';

/** The last course-roster sync of one platform: when, how many people, or why it failed. */
export async function RosterStatusCell({ status }: { status: RosterStatus | undefined }) {
  const [t, format] = await Promise.all([getTranslations('lmsRoster'), getFormatter()]);
  if (!status) return <span data-roster="none">{t('never')}</span>;
  const when = format.dateTime(status.at, { dateStyle: 'medium', timeStyle: 'short' });
  if (status.ok) return <span data-roster="ok">{t('synced', { when, members: status.members ?? 0 })}</span>;
  const reason = status.reason === 'http' ? t('reason.http', { status: status.status ?? 0 }) : t(`reason.${status.reason ?? 'other'}`);
  return (
    <span data-roster="failed">
      {t('failed', { when, failures: status.failures })}
      <span className="meta"> {reason}</span>
    </span>
  );
}
