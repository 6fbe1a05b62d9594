import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Locale } from '@/lib/i18n/locales';
import { getFindings } from './findings';
import type { Finding } from './types';

/** A finding as a reader sees it: a short human title and the statement in the page's language. */
export type FindingText = { title: string; summary: string };

const EntrySchema = z.object({ title: z.string().min(3).max(120), summary: z.string().min(10).max(900).optional() }).strict();
const FileSchema = z.record(z.string(), EntrySchema);
type FindingTexts = z.infer<typeof FileSchema>;

// The evidence copy stays verbatim; its translations live beside it, one file per language.
export const findingTextFile = (lang: Locale, dir = path.join(process.cwd(), 'modules', 'evidence')) => path.join(dir, `findings.${lang}.json`);

const cache = new Map<string, FindingTexts>();

export function loadFindingTexts(lang: Locale, dir?: string): FindingTexts {
  const file = findingTextFile(lang, dir);
  let texts = cache.get(file);
  if (!texts) {
    texts = FileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    cache.set(file, texts);
  }
  return texts;
}

/** English summaries are the statement itself; kk and ru carry their own. A missing entry falls back to English (the content check forbids it). */
export function findingText(finding: Finding, lang: Locale): FindingText & { lang: Locale } {
  const own = loadFindingTexts(lang)[finding.id];
  const en = loadFindingTexts('en')[finding.id];
  if (own && (lang === 'en' || own.summary)) return { title: own.title, summary: lang === 'en' ? finding.statement : own.summary!, lang };
  return { title: en?.title ?? finding.id, summary: finding.statement, lang: 'en' };
}

const PERCENT = /(\d+(?:[.,]\d+)?)\s?%/g;
const numbers = (s: string) => [...s.matchAll(PERCENT)].map((m) => Number(m[1]!.replace(',', '.'))).sort((a, b) => a - b);

/**
 * Every finding has a title in each language and a kk and ru summary, and a summary quotes
 * exactly the percentages of the statement it translates (no figure lost, changed or added).
 */
export function checkFindingTexts(langs: readonly Locale[], dir?: string, findings = getFindings()): { where: string; message: string }[] {
  const problems: { where: string; message: string }[] = [];
  for (const lang of langs) {
    const where = path.relative(process.cwd(), findingTextFile(lang, dir));
    let texts: FindingTexts;
    try {
      texts = FileSchema.parse(JSON.parse(fs.readFileSync(findingTextFile(lang, dir), 'utf8')));
    } catch (err) {
      problems.push({ where, message: `missing or invalid: ${(err as Error).message.split('\n')[0]}` });
      continue;
    }
    for (const id of Object.keys(texts)) if (!findings.has(id)) problems.push({ where, message: `unknown finding id "${id}"` });
    for (const f of findings.values()) {
      const t = texts[f.id];
      if (!t) {
        problems.push({ where, message: `no title for "${f.id}"` });
        continue;
      }
      if (lang === 'en') continue;
      if (!t.summary) {
        problems.push({ where, message: `no summary for "${f.id}"` });
        continue;
      }
      if (
        /[A-Za-z]{4,}/.test(
          t.summary.replace(
            /Kazakhstan Kids Online|Global Kids Online|Telegram|Instagram|TikTok|WhatsApp|YouTube|HBSC|HSBC|EU Kids Online|UNICEF|WHO|Roblox|Minecraft|PUBG|Free Fire|Snapchat|Discord|Facebook|VKontakte|Google|Likee|OCSEA|GIGA|telefon150|CAPI|CAWI/g,
            '',
          ),
        )
      ) {
        problems.push({ where, message: `summary of "${f.id}" still has English words` });
      }
      if (numbers(t.summary).join() !== numbers(f.statement).join()) {
        problems.push({
          where,
          message: `summary of "${f.id}" quotes ${numbers(t.summary).join('%, ') || 'no'}%; the statement has ${numbers(f.statement).join('%, ') || 'no'}%`,
        });
      }
    }
  }
  return problems;
}

/** The sample sizes behind a finding's figures ("n=1201"), the part of an English base that reads the same in every language. */
export function sampleSizes(finding: Finding): string[] {
  const sizes = new Set<string>();
  for (const f of finding.figures) for (const m of (f.base ?? '').matchAll(/\bn\s*=\s*([\d,]+)/g)) sizes.add(`n=${m[1]!.replace(/,/g, '')}`);
  return [...sizes];
}
