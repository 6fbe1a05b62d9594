import { useTranslations } from 'next-intl';

/** How long a throttled sign-in must wait, in seconds under a minute and whole minutes above. */
export function RateLimitedMessage({ seconds = 60 }: { seconds?: number }) {
  const t = useTranslations('signin.errors');
  return seconds < 60 ? t('rateLimited', { seconds: Math.max(1, Math.ceil(seconds)) }) : t('rateLimitedMinutes', { minutes: Math.ceil(seconds / 60) });
}
