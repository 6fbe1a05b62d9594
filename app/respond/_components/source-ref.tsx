import { useTranslations } from 'next-intl';
import { getSources } from '@/lib/content/sources';

/** A numbered link to the guide's source list at the foot of the page. */
export function SourceRef({ id, n }: { id: string; n: number }) {
  const t = useTranslations('respond');
  const source = getSources().get(id);
  if (!source) return null;
  return (
    <sup className="source-ref">
      <a href={`#source-${id}`} aria-label={t('sourceLabel', { n, title: source.title })}>
        [{n}]
      </a>
    </sup>
  );
}
