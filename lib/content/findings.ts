import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from './types';

const evidenceDir = () => path.join(process.cwd(), 'modules', 'evidence');
// Evidence always comes from the repository copy, whichever catalog folder is loaded.

let cache: Map<string, Finding> | undefined;
let reportLines: string[] | undefined;

/** The findings dataset, copied verbatim from the study's findings.json. */
export function getFindings(): Map<string, Finding> {
  cache ??= new Map((JSON.parse(fs.readFileSync(path.join(evidenceDir(), 'findings.json'), 'utf8')) as Finding[]).map((f) => [f.id, f]));
  return cache;
}

export function getFinding(id: string): Finding | undefined {
  return getFindings().get(id);
}

/** A line of the report text (1-based), for tracing a figure back to its source. */
export function getReportLine(line: number): string | undefined {
  reportLines ??= fs.readFileSync(path.join(evidenceDir(), 'kazakhstan-kids-online-2023.txt'), 'utf8').split('\n');
  return reportLines[line - 1];
}

/** Every numeric value a citation of this finding may quote (figures and age breakdowns). */
export function citableValues(finding: Finding): number[] {
  const values: number[] = [];
  for (const f of finding.figures) if (typeof f.value === 'number') values.push(f.value);
  for (const a of finding.ageBreakdown ?? []) values.push(a.value);
  return values;
}
