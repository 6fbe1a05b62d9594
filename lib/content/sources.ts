import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Public sources for what a teacher needs beyond the study's findings (emergency numbers,
 * clinical guidance, removal services). Each one says what it supports, so a reader can check it.
 */
export const SourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    title: z.string().min(3).max(300),
    publisher: z.string().min(2).max(200),
    year: z.number().int().min(1990).max(2100),
    url: z.url({ protocol: /^https$/, error: 'must be an https:// address' }),
    supports: z.string().min(20).max(600),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

export const SourcesSchema = z.array(SourceSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((s, i) => {
    if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate source id "${s.id}"` });
    seen.add(s.id);
  });
});

export const SOURCE_REF = /<Source\s+id="([^"]+)"\s*\/>/g;

export function sourcesFile(root = path.join(process.cwd(), 'modules')) {
  return path.join(root, 'sources.json');
}

// modules/ is read from the project folder at run time, never bundled: a path chosen by the
// caller would otherwise make Turbopack's file tracer include the whole project.
export function loadSources(file = sourcesFile()): Source[] {
  return SourcesSchema.parse(JSON.parse(fs.readFileSync(/* turbopackIgnore: true */ file, 'utf8')));
}

let cache: Map<string, Source> | undefined;

export function getSources(): Map<string, Source> {
  cache ??= new Map(loadSources().map((s) => [s.id, s]));
  return cache;
}
