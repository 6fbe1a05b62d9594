import 'server-only';
import { evaluate } from '@mdx-js/mdx';
import type { MDXContent } from 'mdx/types';
import * as runtime from 'react/jsx-runtime';
import type { CatalogModule } from './catalog';
import type { Locale } from '@/lib/i18n/locales';

const compiled = new Map<string, Promise<MDXContent>>();

/** Compiles a section's MDX once per content version and language. */
export function getSectionContent(mod: CatalogModule, locale: Locale, sectionId: string): Promise<MDXContent> | undefined {
  const section = mod.lessons[locale].sections.find((s) => s.id === sectionId);
  if (!section) return undefined;
  const key = `${mod.id}@${mod.version}/${locale}/${sectionId}`;
  let content = compiled.get(key);
  if (!content) {
    content = evaluate(section.body, { ...runtime }).then((m) => m.default);
    compiled.set(key, content);
  }
  return content;
}
