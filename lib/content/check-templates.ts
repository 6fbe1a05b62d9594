import path from 'node:path';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { loadTemplate, TEMPLATE_IDS, templateFile, templatesRoot, type Template } from '@/lib/templates/content';
import { unknownPlaceholders } from '@/lib/templates/fill';
import type { ContentProblem } from './check';

// Only the national numbers are printed; every local body is a blank the school fills in.
const ALLOWED_NUMBERS = new Set(['150', '102', '112']);

export function templateTexts(t: Template): string[] {
  const texts = [t.title, t.summary];
  for (const b of t.blocks) {
    if (b.heading) texts.push(b.heading);
    if (b.kind === 'text') texts.push(...b.paragraphs);
    if (b.kind === 'fields') texts.push(...b.fields.map((f) => f.label));
    if (b.kind === 'table') texts.push(...b.columns.map((c) => c.label));
    if (b.kind === 'checklist') texts.push(...b.items);
  }
  return texts;
}

/** One language of one template: placeholders, no invented phone numbers, no figures, help is named. */
export function checkTemplate(t: Template, id: string): string[] {
  const errors: string[] = [];
  if (t.id !== id) errors.push(`id "${t.id}" does not match its folder "${id}"`);
  const blockIds = t.blocks.map((b) => b.id);
  if (new Set(blockIds).size !== blockIds.length) errors.push('duplicate block id');
  const texts = templateTexts(t);
  for (const text of texts) {
    for (const p of unknownPlaceholders(text)) errors.push(`unknown placeholder {${p}} in "${text.slice(0, 60)}"`);
    if (/\d\s?%/.test(text)) errors.push(`templates quote no figures: "${text.slice(0, 60)}"`);
    if (/\+?\d[\d ()-]{5,}\d/.test(text)) errors.push(`looks like a phone number; leave local contacts blank: "${text.slice(0, 60)}"`);
    for (const m of text.matchAll(/(?<!\d|\d[.,])\d{3}(?!\d|[.,]\d)/g)) {
      if (!ALLOWED_NUMBERS.has(m[0])) errors.push(`number ${m[0]} is not Helpline 150, police 102 or emergency 112: "${text.slice(0, 60)}"`);
    }
  }
  if (!t.blocks.some((b) => b.kind === 'contacts') && !texts.some((x) => /\b150\b/.test(x))) errors.push('names neither Helpline 150 nor has a contacts block');
  return errors;
}

export function templateShape(t: Template) {
  return JSON.stringify({
    id: t.id,
    orientation: t.orientation,
    blocks: t.blocks.map((b) => [
      b.id,
      b.kind,
      b.kind === 'text' ? b.paragraphs.length : b.kind === 'checklist' ? b.items.length : 0,
      b.kind === 'fields' ? b.fields.map((f) => [f.id, f.lines]) : [],
      b.kind === 'table' ? [b.columns.map((c) => [c.id, c.width]), b.rows] : [],
    ]),
  });
}

/** The printable school templates: each exists in every language, with the same blocks and fields. */
export function checkTemplates(root = templatesRoot()): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const id of TEMPLATE_IDS) {
    const loaded: Partial<Record<Locale, Template>> = {};
    for (const lang of LOCALES) {
      const where = path.relative(process.cwd(), templateFile(id, lang, root));
      try {
        loaded[lang] = loadTemplate(id, lang, root);
      } catch (err) {
        problems.push({ where, message: `missing or invalid: ${(err as Error).message.split('\n').slice(0, 3).join(' ')}` });
        continue;
      }
      for (const message of checkTemplate(loaded[lang]!, id)) problems.push({ where, message });
    }
    for (const lang of ['ru', 'kk'] as const) {
      const t = loaded[lang];
      if (loaded.en && t && templateShape(t) !== templateShape(loaded.en)) {
        problems.push({ where: path.relative(process.cwd(), templateFile(id, lang, root)), message: 'blocks, fields or columns differ from en.json' });
      }
    }
  }
  return problems;
}
