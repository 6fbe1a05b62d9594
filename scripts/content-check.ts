import { checkCatalog, checkHandouts } from '@/lib/content/check';
import { checkKits } from '@/lib/content/check-kits';
import { checkTemplates } from '@/lib/content/check-templates';

const report = checkCatalog();
report.problems.push(...checkHandouts(), ...checkKits(), ...checkTemplates());
const tiers = Object.entries(report.modulesPerTier).map(([t, n]) => `${t}: ${n}`).join(', ');
const words = Object.entries(report.wordsPerLanguage).map(([l, n]) => `${l} ${n}`).join(', ');
console.log(`Catalog: modules per tier ${tiers}; ${report.questions} questions per language; words ${words}; parent handouts for 4 tiers × 3 languages; classroom kits and school templates in 3 languages`);
for (const p of report.problems) console.error(`✗ ${p.where}: ${p.message}`);
if (report.problems.length > 0) {
  console.error(`${report.problems.length} content problem(s).`);
  process.exit(1);
}
console.log('Content check passed.');
