import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { Kit } from '@/lib/kits/content';

export function KitCard({ kit }: { kit: Kit }) {
  const t = useTranslations('kits');
  return (
    <li className="card" data-kit={kit.id}>
      <h3>
        <Link href={`/learn/kits/${kit.id}`}>{kit.title}</Link>
      </h3>
      <p>{kit.summary}</p>
      <p className="meta">
        <span>{t('minutes', { minutes: kit.minutes })}</span>
      </p>
    </li>
  );
}
