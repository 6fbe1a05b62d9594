import fs from 'node:fs';
import path from 'node:path';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { KIT_MAX_MINUTES, KIT_MIN_MINUTES, kitFile, kitsRoot, listKitSlugs, loadKit, type Kit } from '@/lib/kits/content';
import { modulesRoot } from './catalog';
import type { ContentProblem } from './check';
import { checkCitations } from './check';
import { getFindings } from './findings';
import { TIERS, type Tier } from './tiers';
import type { Finding } from './types';

export const MIN_KITS_PER_TIER = 2;
const CITE = /<Cite\s+id="([^"]+)"\s*\/>/g;

/** Every piece of text in a kit, with where it sits, for the citation and wording checks. */
export function kitTexts(kit: Kit): { where: string; text: string }[] {
  return [
    { where: 'title', text: kit.title },
    { where: 'summary', text: kit.summary },
    ...kit.objectives.map((text, i) => ({ where: `objective ${i + 1}`, text })),
    ...kit.materials.map((text, i) => ({ where: `material ${i + 1}`, text })),
    ...kit.activities.flatMap((a) => [{ where: `activity "${a.id}"`, text: a.title }, ...a.steps.map((text) => ({ where: `activity "${a.id}"`, text }))]),
    ...kit.prompts.map((text, i) => ({ where: `prompt ${i + 1}`, text })),
    { where: 'worksheet', text: kit.worksheet.title },
    { where: 'worksheet', text: kit.worksheet.intro },
    { where: 'worksheet', text: kit.worksheet.help },
    ...kit.worksheet.tasks.flatMap((t) => [
      { where: `task "${t.id}"`, text: t.prompt },
      ...(t.options ?? []).map((text) => ({ where: `task "${t.id}"`, text })),
    ]),
  ];
}

/** One language of one kit: timings, citations and the finding list. */
export function checkKit(kit: Kit, tier: Tier, slug: string, findings: Map<string, Finding>, moduleIds: Set<string>): string[] {
  const errors: string[] = [];
  if (kit.id !== `${tier}-${slug}`) errors.push(`id "${kit.id}" should be "${tier}-${slug}"`);
  if (kit.tier !== tier) errors.push(`tier "${kit.tier}" does not match its folder "${tier}"`);
  const total = kit.activities.reduce((sum, a) => sum + a.minutes, 0);
  if (total !== kit.minutes) errors.push(`activities add up to ${total} minutes, not the ${kit.minutes} the kit states`);
  if (total < KIT_MIN_MINUTES || total > KIT_MAX_MINUTES)
    errors.push(`activities add up to ${total} minutes; a lesson is ${KIT_MIN_MINUTES}-${KIT_MAX_MINUTES}`);
  const activityIds = kit.activities.map((a) => a.id);
  if (new Set(activityIds).size !== activityIds.length) errors.push('duplicate activity id');
  const taskIds = kit.worksheet.tasks.map((t) => t.id);
  if (new Set(taskIds).size !== taskIds.length) errors.push('duplicate worksheet task id');
  for (const m of kit.modules) {
    if (!moduleIds.has(m)) errors.push(`goes with module "${m}", which does not exist`);
    else if (!m.startsWith(`${tier}-`)) errors.push(`goes with module "${m}" of another tier`);
  }
  for (const id of kit.findings) if (!findings.has(id)) errors.push(`unknown finding id "${id}"`);
  const cited = new Set<string>();
  for (const { where, text } of kitTexts(kit)) {
    for (const e of checkCitations(text, findings)) errors.push(`${where}: ${e}`);
    for (const m of text.matchAll(CITE)) cited.add(m[1]!);
  }
  for (const id of cited) if (!kit.findings.includes(id)) errors.push(`cites "${id}" but does not list it in findings`);
  // Discussion prompts are built on what the children themselves answered in the survey.
  kit.prompts.forEach((p, i) => {
    if (!/<Cite\s/.test(p)) errors.push(`prompt ${i + 1} cites no finding`);
  });
  if (!/150/.test(kit.worksheet.help)) errors.push('the worksheet does not name Helpline 150');
  return errors;
}

/** The parts that must be identical in every language. */
export function kitShape(kit: Kit) {
  return JSON.stringify({
    id: kit.id,
    tier: kit.tier,
    minutes: kit.minutes,
    modules: kit.modules,
    findings: [...kit.findings].sort(),
    activities: kit.activities.map((a) => [a.id, a.minutes, a.steps.length]),
    objectives: kit.objectives.length,
    prompts: kit.prompts.length,
    tasks: kit.worksheet.tasks.map((t) => [t.id, t.answerLines, t.options?.length ?? 0]),
  });
}

function listModuleIds(root: string) {
  const ids = new Set<string>();
  for (const tier of TIERS) {
    const dir = path.join(root, tier);
    if (!fs.existsSync(dir)) continue;
    for (const slug of fs.readdirSync(dir)) if (fs.statSync(path.join(dir, slug)).isDirectory()) ids.add(`${tier}-${slug}`);
  }
  return ids;
}

/** Classroom kits: schema, languages in step, timings, modules they go with, and every figure against its citation. */
export function checkKits(root = kitsRoot(), catalogRoot = modulesRoot(), minPerTier = MIN_KITS_PER_TIER): ContentProblem[] {
  const findings = getFindings();
  const moduleIds = listModuleIds(catalogRoot);
  const problems: ContentProblem[] = [];
  for (const tier of TIERS) {
    const slugs = listKitSlugs(tier, root);
    if (slugs.length < minPerTier)
      problems.push({ where: path.relative(process.cwd(), path.join(root, tier)), message: `has ${slugs.length} kits; at least ${minPerTier} are required` });
    for (const slug of slugs) {
      const loaded: Partial<Record<Locale, Kit>> = {};
      for (const lang of LOCALES) {
        const where = path.relative(process.cwd(), kitFile(tier, slug, lang, root));
        try {
          loaded[lang] = loadKit(tier, slug, lang, root);
        } catch (err) {
          problems.push({ where, message: `missing or invalid: ${(err as Error).message.split('\n').slice(0, 3).join(' ')}` });
          continue;
        }
        for (const message of checkKit(loaded[lang]!, tier, slug, findings, moduleIds)) problems.push({ where, message });
      }
      const en = loaded.en;
      for (const lang of ['ru', 'kk'] as const) {
        const kit = loaded[lang];
        if (en && kit && kitShape(kit) !== kitShape(en)) {
          problems.push({
            where: path.relative(process.cwd(), kitFile(tier, slug, lang, root)),
            message: 'id, minutes, modules, findings, activities, prompts or worksheet tasks differ from en.json',
          });
        }
      }
    }
  }
  return problems;
}
