import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const TermSchema = z.object({ term: z.string().min(2), forbidden: z.array(z.string().min(3)).min(1) }).strict();
const ConceptSchema = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), en: z.string().min(2), kk: TermSchema, ru: TermSchema }).strict();
export const GlossarySchema = z.object({ note: z.string().optional(), concepts: z.array(ConceptSchema).min(1) }).strict();
export type Glossary = z.infer<typeof GlossarySchema>;
export type GlossaryLang = 'kk' | 'ru';

export const glossaryFile = () => path.join(process.cwd(), 'modules', 'glossary.json');

export function loadGlossary(file = glossaryFile()): Glossary {
  return GlossarySchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

// `\w` in a stem means any letter (Cyrillic too). A stem matches at the start of a word and takes any ending: Kazakh and Russian inflect by suffix.
const compiled = new WeakMap<Glossary, Record<GlossaryLang, { concept: string; term: string; stem: string; re: RegExp }[]>>();
function rules(g: Glossary) {
  let r = compiled.get(g);
  if (!r) {
    const build = (lang: GlossaryLang) =>
      g.concepts.flatMap((c) =>
        c[lang].forbidden.map((stem) => ({
          concept: c.id,
          term: c[lang].term,
          stem,
          re: new RegExp(`(?<![\\p{L}\\p{N}-])${stem.replaceAll('\\w', '\\p{L}')}[\\p{L}\\p{N}-]*`, 'giu'),
        })),
      );
    r = { kk: build('kk'), ru: build('ru') };
    compiled.set(g, r);
  }
  return r;
}

export type GlossaryHit = { concept: string; found: string; use: string; line: number };

/** Every forbidden variant in a text, with the line it is on and the term to use instead. */
export function glossaryHits(text: string, lang: GlossaryLang, glossary: Glossary): GlossaryHit[] {
  const byPosition = new Map<number, GlossaryHit>();
  for (const rule of rules(glossary)[lang]) {
    for (const m of text.matchAll(rule.re)) {
      // Two stems of one concept may match the same word: report it once.
      if (!byPosition.has(m.index))
        byPosition.set(m.index, { concept: rule.concept, found: m[0], use: rule.term, line: text.slice(0, m.index).split('\n').length });
    }
  }
  return [...byPosition.entries()].sort((a, b) => a[0] - b[0]).map(([, h]) => h);
}

/** kk and ru files of the content and the UI: lesson MDX, quiz banks, handouts, incident guide, kits, templates, finding texts, messages. */
export function glossaryFiles(root = process.cwd()): { file: string; lang: GlossaryLang }[] {
  const out: { file: string; lang: GlossaryLang }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else {
        const m = /(?:^|\.)(kk|ru)\.(mdx|json)$/.exec(entry.name);
        if (m) out.push({ file: p, lang: m[1] as GlossaryLang });
      }
    }
  };
  walk(path.join(root, 'modules'));
  for (const lang of ['kk', 'ru'] as const) out.push({ file: path.join(root, 'messages', `${lang}.json`), lang });
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

export function checkGlossary(root = process.cwd(), glossary = loadGlossary(path.join(root, 'modules', 'glossary.json'))) {
  const problems: { where: string; message: string }[] = [];
  for (const { file, lang } of glossaryFiles(root)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const h of glossaryHits(text, lang, glossary)) {
      problems.push({ where: `${path.relative(root, file)}:${h.line}`, message: `"${h.found}" is not the glossary's term for ${h.concept}; use "${h.use}"` });
    }
  }
  return problems;
}
