import { compileSync } from '@mdx-js/mdx';
import fs from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from '@/lib/content/check';
import { checkCitations } from '@/lib/content/check';
import { getFindings } from '@/lib/content/findings';
import { SOURCE_REF, sourcesFile, SourcesSchema, type Source } from '@/lib/content/sources';
import type { Finding } from '@/lib/content/types';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { guideFile, loadGuide, RESPOND_SECTIONS, respondRoot, SITUATIONS, type Guide } from './guide';

export const GUIDE_COMPONENTS = ['Cite', 'Source'];
/** Print budget: the fullest page measured (cyberbullying in Russian, 425 words) reaches 86% of the A4 height in Chromium; the e2e test prints every page. */
export const MAX_GUIDE_WORDS = 500;
export const REFERRAL_NUMBERS = ['150', '102', '112'];

const CITE = /<Cite\s+id="([^"]+)"\s*\/>/g;

export function countGuideWords(g: Guide) {
  const text = g.sections.map((s) => `${s.title} ${s.body.replace(/<[^>]+>/g, ' ')}`).join(' ');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** One situation in one language: sections, components, figures against findings, sources, referral numbers, length. */
export function checkGuide(g: Guide, findings: Map<string, Finding>, sources: Map<string, Source>): string[] {
  const errors: string[] = [];
  const ids = g.sections.map((s) => s.id);
  if (ids.join() !== RESPOND_SECTIONS.join()) errors.push(`sections are ${ids.join(', ') || 'none'}; expected ${RESPOND_SECTIONS.join(', ')}`);
  for (const s of g.sections) {
    const at = (m: string) => errors.push(`section "${s.id}": ${m}`);
    for (const m of s.body.matchAll(/<([A-Z][A-Za-z]*)/g)) if (!GUIDE_COMPONENTS.includes(m[1]!)) at(`unknown component <${m[1]}>`);
    if (/^\s*(import|export)\s/m.test(s.body)) at('import/export statements are not allowed');
    try {
      compileSync(s.body);
    } catch (err) {
      at(`MDX does not compile: ${(err as Error).message.split('\n')[0]}`);
    }
    for (const e of checkCitations(s.body, findings)) at(e);
    for (const m of s.body.matchAll(SOURCE_REF)) if (!sources.has(m[1]!)) at(`unknown source id "${m[1]}"`);
  }
  const refer = g.sections.find((s) => s.id === 'refer')?.body ?? '';
  for (const n of REFERRAL_NUMBERS) if (!new RegExp(`(^|\\D)${n}(\\D|$)`).test(refer)) errors.push(`section "refer" does not give ${n}`);
  const words = countGuideWords(g);
  if (words > MAX_GUIDE_WORDS) errors.push(`${words} words; at most ${MAX_GUIDE_WORDS} fit on one printed page`);
  return errors;
}

function refs(g: Guide, pattern: RegExp) {
  return [...new Set(g.sections.flatMap((s) => [...s.body.matchAll(pattern)].map((m) => m[1]!)))].sort();
}

function allMdx(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) allMdx(p, out);
    else if (p.endsWith('.mdx')) out.push(p);
  }
  return out;
}

/**
 * The incident guide and the sources registry: every situation in every language, the same
 * sections, findings and sources in each language, and every registered source used somewhere.
 */
export function checkRespond(root = respondRoot(), registry = sourcesFile(), modules = path.join(process.cwd(), 'modules')): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const rel = (p: string) => path.relative(process.cwd(), p);
  let sources = new Map<string, Source>();
  try {
    const parsed = SourcesSchema.safeParse(JSON.parse(fs.readFileSync(registry, 'utf8')));
    if (parsed.success) sources = new Map(parsed.data.map((s) => [s.id, s]));
    for (const i of parsed.error?.issues ?? []) problems.push({ where: rel(registry), message: `invalid: ${i.path.join('.') || '(root)'}: ${i.message}` });
  } catch (err) {
    problems.push({ where: rel(registry), message: `unreadable: ${(err as Error).message}` });
  }
  const findings = getFindings();
  for (const situation of SITUATIONS) {
    const loaded: Partial<Record<Locale, Guide>> = {};
    for (const lang of LOCALES) {
      const where = rel(guideFile(situation, lang, root));
      try {
        loaded[lang] = loadGuide(situation, lang, root);
      } catch (err) {
        problems.push({ where, message: (err as Error).message });
        continue;
      }
      const g = loaded[lang]!;
      if (g.id !== situation) problems.push({ where, message: `id "${g.id}" does not match the file name "${situation}"` });
      for (const message of checkGuide(g, findings, sources)) problems.push({ where, message });
    }
    const en = loaded.en;
    for (const lang of ['ru', 'kk'] as const) {
      const g = loaded[lang];
      if (!en || !g) continue;
      const where = rel(guideFile(situation, lang, root));
      if (g.order !== en.order) problems.push({ where, message: 'order differs from the en file' });
      if (refs(g, CITE).join() !== refs(en, CITE).join()) problems.push({ where, message: 'cites different findings from the en file' });
      if (refs(g, SOURCE_REF).join() !== refs(en, SOURCE_REF).join()) problems.push({ where, message: 'cites different sources from the en file' });
    }
  }
  const used = new Set(allMdx(modules).flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(SOURCE_REF)].map((m) => m[1]!)));
  for (const id of sources.keys()) if (!used.has(id)) problems.push({ where: rel(registry), message: `source "${id}" is never cited` });
  return problems;
}
