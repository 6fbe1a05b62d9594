import Link from 'next/link';
import { useTranslations } from 'next-intl';

type Props = { page: number; pages: number; first: number; shown: number; total: number; hrefOf: (page: number) => string };

/** Plain links, so paging works without JavaScript and every page can be bookmarked. */
export function Pagination({ page, pages, first, shown, total, hrefOf }: Props) {
  const t = useTranslations('admin');
  if (total === 0) return null;
  return (
    <nav aria-label={t('pagination')} className="pagination">
      <p>
        {t('shown', { first, last: first + shown - 1, total })}
        {pages > 1 && ` · ${t('pageOf', { page, pages })}`}
      </p>
      {page > 1 && (
        <Link href={hrefOf(page - 1)} rel="prev">
          {t('previousPage')}
        </Link>
      )}
      {page < pages && (
        <Link href={hrefOf(page + 1)} rel="next">
          {t('nextPage')}
        </Link>
      )}
    </nav>
  );
}
