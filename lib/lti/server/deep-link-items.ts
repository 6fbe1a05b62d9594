import type { CatalogModule } from '@/lib/content/catalog';
import type { Locale } from '@/lib/i18n/locales';
import type { DeepLinkItem } from '@/lib/lti/deep-linking';

/**
 * The course activities the picker's choice becomes. Titles, descriptions and gradebook column
 * names are in the language of the launch that opened the picker: they are what teachers see in
 * the course, and Moodle and Canvas keep them as sent.
 */
export function deepLinkItems(mods: readonly CatalogModule[], locale: Locale, baseUrl: string): DeepLinkItem[] {
  return mods.map((m) => {
    const { title, summary } = m.lessons[locale].frontmatter;
    return {
      url: new URL(`learn/${m.id}`, baseUrl).href,
      title: `${title} (${m.tier})`,
      text: summary,
      custom: { module: m.id },
      lineItem: { label: title, resourceId: m.id, tag: 'kko-teach', scoreMaximum: 100 },
    };
  });
}
