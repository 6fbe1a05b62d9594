import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LOCALES, type Locale } from '@/lib/i18n/locales';

export const TEMPLATE_IDS = ['incident-log', 'referral-form', 'letter-to-parents', 'device-policy'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value);
}

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const line = z.string().min(1).max(900);
const id = z.string().regex(kebab);

/** Blocks a printed template is made of; `contacts` prints the school's contacts with Helpline 150, police 102 and emergency 112. */
export const TemplateBlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), id, heading: z.string().min(2).max(120).optional(), paragraphs: z.array(line).min(1) }).strict(),
  z
    .object({
      kind: z.literal('fields'),
      id,
      heading: z.string().min(2).max(120).optional(),
      fields: z.array(z.object({ id, label: z.string().min(2).max(160), lines: z.number().int().min(1).max(6) }).strict()).min(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal('table'),
      id,
      heading: z.string().min(2).max(120).optional(),
      columns: z
        .array(z.object({ id, label: z.string().min(1).max(60), width: z.number().min(1).max(6) }).strict())
        .min(2)
        .max(8),
      rows: z.number().int().min(3).max(20),
    })
    .strict(),
  z.object({ kind: z.literal('checklist'), id, heading: z.string().min(2).max(120).optional(), items: z.array(line).min(1) }).strict(),
  z.object({ kind: z.literal('contacts'), id, heading: z.string().min(2).max(120) }).strict(),
]);
export type TemplateBlock = z.infer<typeof TemplateBlockSchema>;

export const TemplateSchema = z
  .object({
    id: z.enum(TEMPLATE_IDS),
    title: z.string().min(5).max(120),
    summary: z.string().min(20).max(400),
    orientation: z.enum(['portrait', 'landscape']),
    blocks: z.array(TemplateBlockSchema).min(2).max(14),
  })
  .strict();
export type Template = z.infer<typeof TemplateSchema>;

export function templatesRoot() {
  return path.join(process.cwd(), 'modules', 'templates');
}

export function templateFile(id: string, lang: Locale, root = templatesRoot()) {
  return path.join(root, id, `${lang}.json`);
}

export function loadTemplate(id: string, lang: Locale, root = templatesRoot()): Template {
  return TemplateSchema.parse(JSON.parse(fs.readFileSync(templateFile(id, lang, root), 'utf8')));
}

let cache: Map<string, Template> | undefined;

export function getTemplate(id: TemplateId, lang: Locale): Template {
  if (!cache) {
    cache = new Map();
    for (const t of TEMPLATE_IDS) for (const l of LOCALES) cache.set(`${t}/${l}`, loadTemplate(t, l));
  }
  return cache.get(`${id}/${lang}`)!;
}
