import 'server-only';
import { evaluate } from '@mdx-js/mdx';
import type { MDXContent } from 'mdx/types';
import * as runtime from 'react/jsx-runtime';
import { SOURCE_REF } from '@/lib/content/sources';
import type { Guide } from './guide';

const compiled = new Map<string, Promise<MDXContent>>();

/** Compiles a guide section once per process; guides change only with a deploy. */
export function getGuideSectionContent(guide: Guide, sectionId: string): Promise<MDXContent> | undefined {
  const section = guide.sections.find((s) => s.id === sectionId);
  if (!section) return undefined;
  const key = `${guide.id}/${guide.lang}/${sectionId}`;
  let content = compiled.get(key);
  if (!content) {
    content = evaluate(section.body, { ...runtime }).then((m) => m.default);
    compiled.set(key, content);
  }
  return content;
}

/** Source ids in order of first use, so the page can number them 1, 2, 3… */
export function sourcesInOrder(guide: Guide): string[] {
  const ids: string[] = [];
  for (const s of guide.sections) for (const m of s.body.matchAll(SOURCE_REF)) if (!ids.includes(m[1]!)) ids.push(m[1]!);
  return ids;
}
