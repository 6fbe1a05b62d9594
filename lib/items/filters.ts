import { isLocale, type Locale } from '@/lib/i18n/locales';

export type ItemSort = 'flags' | 'difficulty' | 'discrimination' | 'module';
export const ITEM_SORTS: readonly ItemSort[] = ['flags', 'difficulty', 'discrimination', 'module'];

export type ItemFilters = { moduleId: string | null; language: '' | Locale; sort: ItemSort };

const one = (v: string | string[] | null | undefined) => (Array.isArray(v) ? v[0] : v) ?? undefined;

/** Query parameters of the item view and its CSV; anything unknown falls back to the default. */
export function parseItemFilters(params: Record<string, string | string[] | undefined>, moduleIds: readonly string[]): ItemFilters {
  const mod = one(params.module);
  const lang = one(params.lang);
  const sort = one(params.sort);
  return {
    moduleId: mod && moduleIds.includes(mod) ? mod : null,
    language: isLocale(lang) ? lang : '',
    sort: ITEM_SORTS.includes(sort as ItemSort) ? (sort as ItemSort) : 'flags',
  };
}

export function itemFiltersQuery(f: ItemFilters) {
  const q = new URLSearchParams();
  if (f.moduleId) q.set('module', f.moduleId);
  if (f.language) q.set('lang', f.language);
  if (f.sort !== 'flags') q.set('sort', f.sort);
  const s = q.toString();
  return s ? `?${s}` : '';
}
