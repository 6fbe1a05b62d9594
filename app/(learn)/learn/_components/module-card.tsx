import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatDay } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/locales';
import type { ModuleCard } from '@/lib/learn/my-training';

export function ModuleCardView({ card }: { card: ModuleCard }) {
  const t = useTranslations('learn');
  const locale = useLocale() as Locale;
  return (
    <li className="card" data-status={card.status}>
      <h3>
        <Link href={`/learn/${card.id}`}>{card.title}</Link>
      </h3>
      <p>{card.summary}</p>
      <p className="meta">
        <span className={`status status-${card.status}`}>{t(`status.${card.status}`)}</span>
        <span>{t('minutes', { minutes: card.minutes })}</span>
        <span>{t('sectionsRead', { read: card.readCount, total: card.sectionCount })}</span>
        {card.score !== null && <span>{t('score', { score: card.score })}</span>}
        {card.dueDate && (
          <span className={card.overdue ? 'overdue' : undefined}>{t(card.overdue ? 'overdueSince' : 'dueBy', { date: formatDay(card.dueDate, locale) })}</span>
        )}
      </p>
      {card.certificateId && (
        <p>
          <Link href={`/certificates/${card.certificateId}`}>{t('certificate')}</Link>
        </p>
      )}
    </li>
  );
}
