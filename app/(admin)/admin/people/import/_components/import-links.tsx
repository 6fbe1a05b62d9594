'use client';

import { useTranslations } from 'next-intl';

const csvCell = (s: string) => (/[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The one-time invite links, shown once: the admin downloads them to send (mail merge, messenger). */
export function ImportLinks({ links }: { links: { name: string; email: string; link: string }[] }) {
  const t = useTranslations('peopleImport');
  const csv = ['name,email,link', ...links.map((l) => [l.name, l.email, l.link].map(csvCell).join(','))].join('\r\n');
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}`;
  return (
    <div className="notice success" role="status">
      <p>{t('imported', { count: links.length })}</p>
      <p>
        <a className="button" href={href} download="invite-links.csv">
          {t('downloadLinks')}
        </a>
      </p>
    </div>
  );
}
