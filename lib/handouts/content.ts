import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { TIERS, type Tier } from '@/lib/content/tiers';

export const HANDOUT_SECTIONS = ['what-children-do', 'risks-that-matter', 'what-parents-miss', 'how-to-talk', 'signs', 'where-to-get-help'] as const;

export const HandoutSchema = z
  .object({
    tier: z.enum(TIERS),
    title: z.string().min(5).max(120),
    intro: z.string().min(20).max(600),
    keyMessages: z.array(z.string().min(5).max(90)).length(3),
    sections: z
      .array(
        z
          .object({
            id: z.enum(HANDOUT_SECTIONS),
            heading: z.string().min(3).max(120),
            paragraphs: z.array(z.string().min(1)),
            bullets: z.array(z.string().min(1)),
          })
          .strict(),
      )
      .length(HANDOUT_SECTIONS.length),
    findings: z.array(z.string()).min(1),
  })
  .strict();
export type Handout = z.infer<typeof HandoutSchema>;

export function handoutsRoot() {
  return path.join(process.cwd(), 'modules', 'handouts');
}

export function handoutFile(tier: Tier, lang: Locale, root = handoutsRoot()) {
  return path.join(root, tier, `${lang}.json`);
}

export function loadHandout(tier: Tier, lang: Locale, root = handoutsRoot()): Handout {
  return HandoutSchema.parse(JSON.parse(fs.readFileSync(handoutFile(tier, lang, root), 'utf8')));
}

type Loaded = { handouts: Map<string, Handout>; versions: Map<Tier, string> };
let cache: Loaded | undefined;

/** Every handout, read once per process; a tier's version is the hash of its three language files. */
function loaded(): Loaded {
  if (cache) return cache;
  const handouts = new Map<string, Handout>();
  const versions = new Map<Tier, string>();
  for (const tier of TIERS) {
    const hash = createHash('sha256');
    for (const lang of LOCALES) {
      handouts.set(`${tier}/${lang}`, loadHandout(tier, lang));
      hash.update(fs.readFileSync(handoutFile(tier, lang)));
    }
    versions.set(tier, hash.digest('hex').slice(0, 12));
  }
  cache = { handouts, versions };
  return cache;
}

export function getHandout(tier: Tier, lang: Locale) {
  return loaded().handouts.get(`${tier}/${lang}`)!;
}

export function handoutVersion(tier: Tier) {
  return loaded().versions.get(tier)!;
}

const CITE = /\s*<Cite\s+id="([^"]+)"\s*\/>/g;

/** Text for print and images: citations dropped (the sources line covers them). */
export function plainText(text: string) {
  return text.replace(CITE, '');
}

/** Splits text into plain runs and citation ids, for the phone page's source links. */
export function textWithCitations(text: string): ({ text: string } | { cite: string })[] {
  const parts: ({ text: string } | { cite: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(CITE)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ cite: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
