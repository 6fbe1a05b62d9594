import path from 'node:path';
import { citedFindingIds, findingsCoverage } from '@/lib/content/coverage';
import { getFindings } from '@/lib/content/findings';

const cov = findingsCoverage(getFindings().keys(), citedFindingIds(path.join(process.cwd(), 'modules')));
console.log(`Findings cited: ${cov.cited} of ${cov.total} (${(cov.share * 100).toFixed(1)}%)`);
if (process.argv.includes('--list')) for (const id of cov.uncited) console.log(`  uncited: ${id}`);
