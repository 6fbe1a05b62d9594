import type { LocalizedText } from '@/db/schema';

/**
 * Kazakhstan's first-level divisions since the 2022 reform (Abai, Jetisu and Ulytau regions
 * created): 17 regions (oblys / область) and 3 cities of republican significance. Reference data
 * preloaded on every start; operators may edit the names afterwards, the preload never overwrites them.
 */
export const KAZAKHSTAN_REGIONS: readonly { slug: string; name: LocalizedText }[] = [
  { slug: 'astana', name: { kk: 'Астана қаласы', ru: 'город Астана', en: 'Astana (city)' } },
  { slug: 'almaty', name: { kk: 'Алматы қаласы', ru: 'город Алматы', en: 'Almaty (city)' } },
  { slug: 'shymkent', name: { kk: 'Шымкент қаласы', ru: 'город Шымкент', en: 'Shymkent (city)' } },
  { slug: 'abai', name: { kk: 'Абай облысы', ru: 'область Абай', en: 'Abai Region' } },
  { slug: 'akmola', name: { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region' } },
  { slug: 'aktobe', name: { kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe Region' } },
  { slug: 'almaty-region', name: { kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty Region' } },
  { slug: 'atyrau', name: { kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau Region' } },
  { slug: 'east-kazakhstan', name: { kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область', en: 'East Kazakhstan Region' } },
  { slug: 'jambyl', name: { kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Jambyl Region' } },
  { slug: 'jetisu', name: { kk: 'Жетісу облысы', ru: 'область Жетісу', en: 'Jetisu Region' } },
  { slug: 'karaganda', name: { kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda Region' } },
  { slug: 'kostanay', name: { kk: 'Қостанай облысы', ru: 'Костанайская область', en: 'Kostanay Region' } },
  { slug: 'kyzylorda', name: { kk: 'Қызылорда облысы', ru: 'Кызылординская область', en: 'Kyzylorda Region' } },
  { slug: 'mangystau', name: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region' } },
  { slug: 'north-kazakhstan', name: { kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область', en: 'North Kazakhstan Region' } },
  { slug: 'pavlodar', name: { kk: 'Павлодар облысы', ru: 'Павлодарская область', en: 'Pavlodar Region' } },
  { slug: 'turkistan', name: { kk: 'Түркістан облысы', ru: 'Туркестанская область', en: 'Turkistan Region' } },
  { slug: 'ulytau', name: { kk: 'Ұлытау облысы', ru: 'область Ұлытау', en: 'Ulytau Region' } },
  { slug: 'west-kazakhstan', name: { kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область', en: 'West Kazakhstan Region' } },
];
