import { getTranslations } from 'next-intl/server';
import { getSources } from '@/lib/content/sources';

export async function SourceList({ ids }: { ids: string[] }) {
  const t = await getTranslations('respond');
  const sources = getSources();
  return (
    <section className="guide-sources" aria-labelledby="guide-sources">
      <h2 id="guide-sources">{t('sources')}</h2>
      <p className="guide-evidence">{t('evidence')}</p>
      <ol>
        {ids.map((id) => {
          const s = sources.get(id)!;
          return (
            <li key={id} id={`source-${id}`} lang="en">
              {s.publisher} ({s.year}). <cite>{s.title}</cite>. <a href={s.url}>{s.url}</a>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
