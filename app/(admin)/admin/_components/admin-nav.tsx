import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/app/_lib/session';

const LINKS = [
  ['/admin', 'dashboard'],
  ['/admin/people', 'people'],
  ['/admin/people/import', 'import'],
  ['/admin/assignments', 'assignments'],
  ['/admin/reminders', 'reminders'],
  ['/admin/handouts', 'handouts'],
  ['/admin/templates', 'templates'],
  ['/admin/lms', 'lms'],
  ['/admin/profile', 'profile'],
  ['/admin/outbox', 'outbox'],
  ['/admin/audit', 'audit'],
] as const;

/** Shown only to school admins; every page still checks the role itself. */
export async function AdminNav() {
  const user = await getCurrentUser();
  if (user?.role !== 'school_admin') return null;
  const t = await getTranslations('adminNav');
  return (
    <nav aria-label={t('label')} className="subnav">
      {LINKS.map(([href, key]) => (
        <Link key={href} href={href}>
          {t(key)}
        </Link>
      ))}
    </nav>
  );
}
