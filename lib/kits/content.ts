import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { TIERS, type Tier } from '@/lib/content/tiers';
import { LOCALES, type Locale } from '@/lib/i18n/locales';

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const text = z.string().min(3).max(700);

export const KIT_MIN_MINUTES = 40;
export const KIT_MAX_MINUTES = 45;

export const WorksheetTaskSchema = z
  .object({
    id: z.string().regex(kebab),
    prompt: text,
    // Options print as tick boxes; answer lines as ruled lines to write on.
    options: z.array(z.string().min(1).max(160)).min(2).max(6).optional(),
    answerLines: z.number().int().min(0).max(8),
  })
  .strict();

export const KitSchema = z
  .object({
    id: z.string().regex(kebab),
    tier: z.enum(TIERS),
    title: z.string().min(5).max(120),
    summary: z.string().min(20).max(400),
    minutes: z.number().int().min(KIT_MIN_MINUTES).max(KIT_MAX_MINUTES),
    modules: z.array(z.string().regex(kebab)).min(1),
    findings: z.array(z.string().min(3)).min(1),
    objectives: z.array(text).min(2).max(5),
    materials: z.array(text).min(1).max(6),
    activities: z
      .array(
        z
          .object({
            id: z.string().regex(kebab),
            minutes: z.number().int().min(2).max(20),
            title: z.string().min(3).max(120),
            steps: z.array(text).min(1).max(6),
          })
          .strict(),
      )
      .min(3)
      .max(7),
    prompts: z.array(text).min(3).max(6),
    worksheet: z.object({ title: z.string().min(3).max(120), intro: text, tasks: z.array(WorksheetTaskSchema).min(3).max(6), help: text }).strict(),
  })
  .strict();
export type Kit = z.infer<typeof KitSchema>;

export function kitsRoot() {
  return path.join(process.cwd(), 'modules', 'kits');
}

export function kitFile(tier: Tier, slug: string, lang: Locale, root = kitsRoot()) {
  return path.join(root, tier, slug, `${lang}.json`);
}

// modules/ is read from the project folder at run time, never bundled: the ignore hints keep
// Turbopack's file tracer from including the whole project for these caller-chosen paths.
export function loadKit(tier: Tier, slug: string, lang: Locale, root = kitsRoot()): Kit {
  return KitSchema.parse(JSON.parse(fs.readFileSync(/* turbopackIgnore: true */ kitFile(tier, slug, lang, root), 'utf8')));
}

/** Kit folders per tier, in name order. */
export function listKitSlugs(tier: Tier, root = kitsRoot()): string[] {
  const dir = path.join(/* turbopackIgnore: true */ root, tier);
  if (!fs.existsSync(/* turbopackIgnore: true */ dir)) return [];
  return fs
    .readdirSync(/* turbopackIgnore: true */ dir)
    .filter((s) => fs.statSync(/* turbopackIgnore: true */ path.join(/* turbopackIgnore: true */ dir, s)).isDirectory())
    .sort();
}

export type KitEntry = { id: string; tier: Tier; slug: string; versions: Record<Locale, Kit> };
let cache: Map<string, KitEntry> | undefined;

/** Every kit in every language, read once per process (the content check has vetted them). */
export function getKits(): Map<string, KitEntry> {
  if (cache) return cache;
  const kits = new Map<string, KitEntry>();
  for (const tier of TIERS) {
    for (const slug of listKitSlugs(tier)) {
      const versions = Object.fromEntries(LOCALES.map((lang) => [lang, loadKit(tier, slug, lang)])) as Record<Locale, Kit>;
      kits.set(`${tier}-${slug}`, { id: `${tier}-${slug}`, tier, slug, versions });
    }
  }
  cache = kits;
  return kits;
}

export function getKit(id: string): KitEntry | undefined {
  return getKits().get(id);
}

/** The kits written to go with one training module. */
export function kitsForModule(moduleId: string): KitEntry[] {
  return [...getKits().values()].filter((k) => k.versions.en.modules.includes(moduleId));
}
