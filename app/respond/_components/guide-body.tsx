import { Cite } from '@/app/_components/lesson/cite';
import type { Guide } from '@/lib/respond/guide';
import { getGuideSectionContent } from '@/lib/respond/render';
import { SourceRef } from './source-ref';

export async function GuideBody({ guide, sourceNumbers }: { guide: Guide; sourceNumbers: Map<string, number> }) {
  const components = { Cite, Source: ({ id }: { id: string }) => <SourceRef id={id} n={sourceNumbers.get(id) ?? 0} /> };
  const sections = await Promise.all(guide.sections.map(async (s) => ({ ...s, Content: (await getGuideSectionContent(guide, s.id))! })));
  return (
    <>
      {sections.map(({ id, title, Content }) => (
        <section key={id} className={`guide-section guide-${id}`} aria-labelledby={`guide-${id}`}>
          <h2 id={`guide-${id}`}>{title}</h2>
          <div className="prose">
            <Content components={components} />
          </div>
        </section>
      ))}
    </>
  );
}
