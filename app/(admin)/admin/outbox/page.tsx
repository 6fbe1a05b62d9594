import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { listSchoolOutbox } from '@/db/queries/mail-outbox';
import { requireSchoolAdmin } from '@/app/_lib/session';
import { mailConfig } from '@/lib/mail/transport';
import { OutboxItem } from './_components/outbox-item';

type Props = { searchParams: Promise<{ done?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('outbox'))('title') };
}

export default async function OutboxPage({ searchParams }: Props) {
  const admin = await requireSchoolAdmin();
  const [t, mails, { done }] = await Promise.all([getTranslations('outbox'), listSchoolOutbox(admin.schoolId), searchParams]);
  return (
    <div>
      <h1>{t('title')}</h1>
      <p className="lead">{mailConfig() ? t('introSmtp') : t('introNoSmtp')}</p>
      {done === 'notFound' && (
        <p className="notice error" role="alert">
          {t('notFound')}
        </p>
      )}
      {(done === 'shared' || done === 'retried') && (
        <p className="notice success" role="status">
          {t(done === 'shared' ? 'sharedDone' : 'retriedDone')}
        </p>
      )}
      {mails.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="outbox">
          {mails.map((m) => (
            <OutboxItem key={m.id} mail={m} />
          ))}
        </ul>
      )}
    </div>
  );
}
