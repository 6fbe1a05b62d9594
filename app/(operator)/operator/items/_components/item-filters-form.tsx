import { getTranslations } from 'next-intl/server';
import { LOCALES, LOCALE_NAMES } from '@/lib/i18n/locales';
import { ITEM_SORTS, type ItemFilters } from '@/lib/items/filters';

type Props = { filters: ItemFilters; modules: { id: string; label: string }[]; csvHref: string };

export async function ItemFiltersForm({ filters, modules, csvHref }: Props) {
  const t = await getTranslations('items');
  return (
    <form method="get" className="filters" aria-label={t('filters')}>
      <label>
        {t('module')}
        <select name="module" defaultValue={filters.moduleId ?? ''}>
          <option value="">{t('allModules')}</option>
          {modules.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('language')}
        <select name="lang" defaultValue={filters.language}>
          <option value="">{t('allLanguages')}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sortBy')}
        <select name="sort" defaultValue={filters.sort}>
          {ITEM_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button">
        {t('apply')}
      </button>
      <a className="button" href={csvHref} download>
        {t('exportCsv')}
      </a>
    </form>
  );
}
