import fs from 'node:fs';
import path from 'node:path';

const CITE = /<Cite\s+id=\\?"([^"\\]+)\\?"\s*\/>/g;

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/**
 * Finding ids cited anywhere a reader meets them: `<Cite>` in lessons, handouts and the incident
 * guide, and the `findings` a quiz question names (its explanation is shown with them).
 * Frontmatter lists are not counted: a listed but never cited finding reaches no reader.
 */
export function citedFindingIds(root: string): Set<string> {
  const cited = new Set<string>();
  for (const file of walk(root)) {
    if (file.includes(`${path.sep}evidence${path.sep}`)) continue;
    const text = fs.readFileSync(file, 'utf8');
    if (file.endsWith('.mdx') || (file.endsWith('.json') && !path.basename(file).startsWith('quiz.'))) {
      for (const m of text.matchAll(CITE)) cited.add(m[1]!);
    }
    if (path.basename(file).startsWith('quiz.') && file.endsWith('.json')) {
      const bank = JSON.parse(text) as { questions: { findings: string[] }[] };
      for (const q of bank.questions) for (const id of q.findings) cited.add(id);
    }
  }
  return cited;
}

export type Coverage = { total: number; cited: number; share: number; uncited: string[] };

export function findingsCoverage(allIds: Iterable<string>, cited: Set<string>): Coverage {
  const ids = [...allIds];
  const uncited = ids.filter((id) => !cited.has(id)).sort();
  const n = ids.length - uncited.length;
  return { total: ids.length, cited: n, share: ids.length ? n / ids.length : 0, uncited };
}
