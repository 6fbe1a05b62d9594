import { parse as parseYaml } from 'yaml';
import { FrontmatterSchema, type Lesson, type SectionSource } from './types';

export class ContentError extends Error {}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;
const SECTION = /<Section\s+id="([^"]+)"\s+title="([^"]+)"\s*>([\s\S]*?)<\/Section>/g;

/** Splits a lesson file into validated frontmatter and its top-level `<Section>` blocks. */
export function parseLesson(source: string, file: string): Lesson {
  const match = FRONTMATTER.exec(source);
  if (!match) throw new ContentError(`${file}: missing frontmatter`);
  const parsed = FrontmatterSchema.safeParse(parseYaml(match[1] ?? ''));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ContentError(`${file}: invalid frontmatter: ${issues}`);
  }
  const body = source.slice(match[0].length);
  const sections: SectionSource[] = [];
  let rest = body;
  for (const m of body.matchAll(SECTION)) {
    sections.push({ id: m[1]!, title: m[2]!, body: m[3]!.trim() });
    rest = rest.replace(m[0], '');
  }
  if (rest.trim() !== '') {
    throw new ContentError(`${file}: text outside <Section> blocks: "${rest.trim().slice(0, 60)}"`);
  }
  if (sections.length === 0) throw new ContentError(`${file}: no <Section> blocks`);
  return { frontmatter: parsed.data, sections };
}
