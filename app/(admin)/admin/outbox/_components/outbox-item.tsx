import { useFormatter, useTranslations } from 'next-intl';
import type { listSchoolOutbox } from '@/db/queries/mail-outbox';
import { shareLinks } from '@/lib/mail/share';
import { markShared, retryMail } from '../actions';
import { CopyButton } from './copy-button';

type Mail = Awaited<ReturnType<typeof listSchoolOutbox>>[number];

const KINDS = ['password_reset', 'join_confirm', 'invite'] as const;

/** One message: its status and, until it is delivered, its link to copy or share in a messenger. */
export function OutboxItem({ mail }: { mail: Mail }) {
  const t = useTranslations('outbox');
  const format = useFormatter();
  const open = mail.status === 'pending' || mail.status === 'failed';
  const kind = (KINDS as readonly string[]).includes(mail.kind) ? t(`kinds.${mail.kind as (typeof KINDS)[number]}`) : mail.kind;
  const share = open && mail.link ? shareLinks(mail.subject, mail.link) : null;
  return (
    <li className="card" data-recipient={mail.recipient} data-status={mail.status}>
      <p>
        <strong>{kind}</strong> · {mail.recipient} · <span lang={mail.locale}>{mail.locale.toUpperCase()}</span>
      </p>
      <p>
        {t(`status.${mail.status}`)}
        {mail.tries > 0 && ` · ${t('tries', { count: mail.tries })}`} · {format.dateTime(mail.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
      </p>
      {mail.lastError && <p className="field-error">{t('lastError', { error: mail.lastError })}</p>}
      {open && mail.link && share && (
        <div className="outbox-share">
          <p>
            <code className="copyable">{mail.link}</code>
          </p>
          <p className="inline-form">
            <CopyButton text={mail.link} label={t('copyFor', { recipient: mail.recipient })} />
            <a className="button small" href={share.whatsapp} target="_blank" rel="noopener noreferrer">
              {t('whatsapp')}
            </a>
            <a className="button small" href={share.telegram} target="_blank" rel="noopener noreferrer">
              {t('telegram')}
            </a>
          </p>
        </div>
      )}
      {open && (
        <div className="inline-form">
          <form action={markShared}>
            <input type="hidden" name="mailId" value={mail.id} />
            <button type="submit" className="button small">
              {t('markShared')}
            </button>
          </form>
          {mail.status === 'failed' && (
            <form action={retryMail}>
              <input type="hidden" name="mailId" value={mail.id} />
              <button type="submit" className="button small">
                {t('retry')}
              </button>
            </form>
          )}
        </div>
      )}
    </li>
  );
}
