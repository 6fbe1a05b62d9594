import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LOCALES, type Locale } from '@/lib/i18n/locales';

export const SITUATIONS = ['cyberbullying', 'unwanted-contact', 'intimate-images', 'self-harm', 'harmful-content', 'scams'] as const;
export type Situation = (typeof SITUATIONS)[number];

/** Every situation answers the same five questions, in this order, in every language. */
export const RESPOND_SECTIONS = ['first-hour', 'say', 'record', 'school', 'refer'] as const;

export function isSituation(value: unknown): value is Situation {
  return typeof value === 'string' && (SITUATIONS as readonly string[]).includes(value);
}

export const GuideFrontmatterSchema = z
  .object({
    id: z.enum(SITUATIONS),
    order: z.number().int().min(1).max(20),
    title: z.string().min(3).max(90),
    summary: z.string().min(10).max(200),
  })
  .strict();

export type GuideSection = { id: string; title: string; body: string };
export type Guide = z.infer<typeof GuideFrontmatterSchema> & { lang: Locale; sections: GuideSection[] };

export class GuideError extends Error {}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;
const SECTION = /<Section\s+id="([^"]+)"\s+title="([^"]+)"\s*>([\s\S]*?)<\/Section>/g;

export function respondRoot() {
  return path.join(process.cwd(), 'modules', 'respond');
}

export function guideFile(situation: string, lang: Locale, root = respondRoot()) {
  return path.join(root, `${situation}.${lang}.mdx`);
}

/** Frontmatter plus top-level `<Section>` blocks; nothing may sit outside them. */
export function parseGuide(source: string, lang: Locale, file: string): Guide {
  const match = FRONTMATTER.exec(source);
  if (!match) throw new GuideError(`${file}: missing frontmatter`);
  const fm = GuideFrontmatterSchema.safeParse(parseYaml(match[1] ?? ''));
  if (!fm.success) {
    throw new GuideError(`${file}: invalid frontmatter: ${fm.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  const body = source.slice(match[0].length);
  const sections: GuideSection[] = [];
  let rest = body;
  for (const m of body.matchAll(SECTION)) {
    sections.push({ id: m[1]!, title: m[2]!, body: m[3]!.trim() });
    rest = rest.replace(m[0], '');
  }
  if (rest.trim() !== '') throw new GuideError(`${file}: text outside <Section> blocks: "${rest.trim().slice(0, 60)}"`);
  return { ...fm.data, lang, sections };
}

export function loadGuide(situation: string, lang: Locale, root = respondRoot()): Guide {
  const file = guideFile(situation, lang, root);
  if (!fs.existsSync(file)) throw new GuideError(`${file}: missing`);
  return parseGuide(fs.readFileSync(file, 'utf8'), lang, file);
}

let cache: Map<string, Guide> | undefined;

/** All guides, read once per process (content ships with a restart), in the guide's order. */
function loaded() {
  if (!cache) {
    cache = new Map();
    for (const s of SITUATIONS) for (const lang of LOCALES) cache.set(`${s}/${lang}`, loadGuide(s, lang));
  }
  return cache;
}

export function getGuide(situation: Situation, lang: Locale): Guide {
  return loaded().get(`${situation}/${lang}`)!;
}

export function listGuides(lang: Locale): Guide[] {
  return SITUATIONS.map((s) => getGuide(s, lang)).sort((a, b) => a.order - b.order);
}
