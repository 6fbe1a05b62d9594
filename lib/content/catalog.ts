import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { parseLesson, ContentError } from './parse';
import { TIERS, type Tier } from './tiers';
import { QuizBankSchema, type Lesson, type QuizBank } from './types';
import { env } from '@/env';

export type CatalogModule = {
  id: string;
  tier: Tier;
  slug: string;
  order: number;
  minutes: number;
  findings: string[];
  /** Content hash of every file of the module: the version stored with attempts and completions. */
  version: string;
  dir: string;
  lessons: Record<Locale, Lesson>;
  quizzes: Record<Locale, QuizBank>;
};

export function modulesRoot() {
  const dir = env().KKO_MODULES_DIR;
  return dir ? path.resolve(dir) : path.join(process.cwd(), 'modules');
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ContentError(`${file}: ${(err as Error).message}`);
  }
}

export function loadModule(dir: string, tier: Tier, slug: string): CatalogModule {
  const files = fs.readdirSync(dir).sort();
  const hash = createHash('sha256');
  for (const f of files)
    hash
      .update(f)
      .update('\0')
      .update(fs.readFileSync(path.join(dir, f)));
  const lessons = {} as Record<Locale, Lesson>;
  const quizzes = {} as Record<Locale, QuizBank>;
  for (const lang of LOCALES) {
    const lessonFile = path.join(dir, `${lang}.mdx`);
    const quizFile = path.join(dir, `quiz.${lang}.json`);
    if (!fs.existsSync(lessonFile)) throw new ContentError(`${lessonFile}: missing`);
    if (!fs.existsSync(quizFile)) throw new ContentError(`${quizFile}: missing`);
    lessons[lang] = parseLesson(fs.readFileSync(lessonFile, 'utf8'), lessonFile);
    const quiz = QuizBankSchema.safeParse(readJson(quizFile));
    if (!quiz.success) {
      const issues = quiz.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new ContentError(`${quizFile}: invalid quiz bank: ${issues.join('; ')}`);
    }
    quizzes[lang] = quiz.data;
  }
  const fm = lessons.en.frontmatter;
  return {
    id: fm.id,
    tier,
    slug,
    order: fm.order,
    minutes: fm.minutes,
    findings: fm.findings,
    version: hash.digest('hex').slice(0, 16),
    dir,
    lessons,
    quizzes,
  };
}

/** Every module folder under `modules/<tier>/<slug>/`, in tier and order sequence. */
export function loadCatalogFromDisk(root = modulesRoot()): CatalogModule[] {
  const mods: CatalogModule[] = [];
  for (const tier of TIERS) {
    const tierDir = path.join(root, tier);
    if (!fs.existsSync(tierDir)) continue;
    for (const slug of fs.readdirSync(tierDir).sort()) {
      const dir = path.join(tierDir, slug);
      if (fs.statSync(dir).isDirectory()) mods.push(loadModule(dir, tier, slug));
    }
  }
  return mods.sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || a.order - b.order);
}

let cached: CatalogModule[] | undefined;

/** The catalog, read once per process (content changes ship with a restart). */
export function getCatalog(): CatalogModule[] {
  cached ??= loadCatalogFromDisk();
  return cached;
}

export function getModule(id: string): CatalogModule | undefined {
  return getCatalog().find((m) => m.id === id);
}
