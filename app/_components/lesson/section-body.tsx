import type { CatalogModule } from '@/lib/content/catalog';
import { getSectionContent } from '@/lib/content/render';
import type { Locale } from '@/lib/i18n/locales';
import { Cite } from './cite';
import { Scenario } from './scenario';
import { WhatToDo } from './what-to-do';

const components = { Cite, Scenario, WhatToDo };

export async function SectionBody({ mod, locale, sectionId }: { mod: CatalogModule; locale: Locale; sectionId: string }) {
  const Content = await getSectionContent(mod, locale, sectionId);
  if (!Content) return null;
  return (
    <div className="prose">
      <Content components={components} />
    </div>
  );
}
