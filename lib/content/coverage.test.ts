import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { citedFindingIds, findingsCoverage } from './coverage';
import { getFindings } from './findings';

let root: string | undefined;
afterEach(() => root && fs.rmSync(root, { recursive: true, force: true }));

describe('findings coverage', () => {
  it('counts cites in lessons, guides and handouts and quiz findings, not frontmatter lists or the evidence folder', () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-cov-'));
    fs.mkdirSync(path.join(root, 'evidence'));
    fs.writeFileSync(path.join(root, 'evidence', 'x.mdx'), '<Cite id="e.in-evidence" />');
    fs.writeFileSync(path.join(root, 'a.mdx'), '---\nfindings:\n  - f.listed-only\n---\ntext <Cite id="f.cited" />');
    fs.writeFileSync(path.join(root, 'h.json'), JSON.stringify({ p: 'x <Cite id="h.in-handout" />' }));
    fs.writeFileSync(path.join(root, 'quiz.en.json'), JSON.stringify({ questions: [{ findings: ['q.in-quiz'] }] }));
    const cited = citedFindingIds(root);
    expect([...cited].sort()).toEqual(['f.cited', 'h.in-handout', 'q.in-quiz']);
    expect(findingsCoverage(['f.cited', 'f.listed-only', 'q.in-quiz', 'z'], cited)).toEqual({
      total: 4,
      cited: 2,
      share: 0.5,
      uncited: ['f.listed-only', 'z'],
    });
  });

  it('the content cites at least 90% of the study’s findings', () => {
    const cov = findingsCoverage(getFindings().keys(), citedFindingIds(path.join(process.cwd(), 'modules')));
    expect(cov.total).toBe(240);
    expect(cov.share, `uncited: ${cov.uncited.join(', ')}`).toBeGreaterThanOrEqual(0.9);
  });
});
