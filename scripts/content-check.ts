import path from 'node:path';
import { LOCALES } from '@/lib/i18n/locales';
import { checkCatalog, checkHandouts } from '@/lib/content/check';
import { citedFindingIds, findingsCoverage } from '@/lib/content/coverage';
import { checkKits } from '@/lib/content/check-kits';
import { checkTemplates } from '@/lib/content/check-templates';
import { checkConfidence } from '@/lib/confidence/check';
import { getFindings } from '@/lib/content/findings';
import { checkFindingTexts } from '@/lib/content/finding-text';
import { checkGlossary } from '@/lib/content/glossary';
import { checkRespond } from '@/lib/respond/check';

const report = checkCatalog();
report.problems.push(
  ...checkHandouts(),
  ...checkRespond(),
  ...checkKits(),
  ...checkTemplates(),
  ...checkConfidence(),
  ...checkGlossary(),
  ...checkFindingTexts(LOCALES),
);
const tiers = Object.entries(report.modulesPerTier)
  .map(([t, n]) => `${t}: ${n}`)
  .join(', ');
const words = Object.entries(report.wordsPerLanguage)
  .map(([l, n]) => `${l} ${n}`)
  .join(', ');
const cov = findingsCoverage(getFindings().keys(), citedFindingIds(path.join(process.cwd(), 'modules')));
console.log(
  `Catalog: modules per tier ${tiers}; ${report.questions} questions per language; words ${words}; parent handouts for 4 tiers × 3 languages; incident guide and sources registry; classroom kits and school templates in 3 languages; every finding titled in 3 languages and summarised in kk and ru; kk and ru terms against the glossary`,
);
console.log(`Findings cited: ${cov.cited} of ${cov.total} (${(cov.share * 100).toFixed(1)}%)`);
for (const p of report.problems) console.error(`✗ ${p.where}: ${p.message}`);
if (report.problems.length > 0) {
  console.error(`${report.problems.length} content problem(s).`);
  process.exit(1);
}
console.log('Content check passed.');
