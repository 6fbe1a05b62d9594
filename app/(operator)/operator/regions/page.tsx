import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listRegions } from '@/db/queries/operator';
import { TableScroll } from '@/app/_components/table-scroll';
import { requireOperator } from '@/app/_lib/session';
import { intlLocale } from '@/lib/i18n/dates';
import { RegionForm } from '../_components/region-form';
import { getPageLocale } from '@/app/_lib/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('operatorEdit'))('regionsTitle') };
}

export default async function RegionsPage() {
  await requireOperator();
  const [t, o, locale, regions] = await Promise.all([getTranslations('operatorEdit'), getTranslations('operator'), getPageLocale(), listRegions()]);
  const collator = new Intl.Collator(intlLocale(locale));
  const sorted = [...regions].sort((a, b) => collator.compare(a.name[locale], b.name[locale]));
  return (
    <div>
      <p className="eyebrow">
        <Link href="/operator">{o('title')}</Link>
      </p>
      <h1>{t('regionsTitle')}</h1>
      <p className="lead">{t('regionsIntro', { count: regions.length })}</p>
      <TableScroll label={t('regionsTitle')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{o('region')}</th>
              <th scope="col" lang="kk">
                {o('nameKk')}
              </th>
              <th scope="col">{o('nameRu')}</th>
              <th scope="col">{o('nameEn')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.id} data-region={r.slug}>
                <th scope="row">
                  <Link href={`/operator/regions/${r.slug}`} aria-label={t('editNamed', { name: r.name[locale] })}>
                    {r.name[locale]}
                  </Link>
                </th>
                <td lang="kk">{r.name.kk}</td>
                <td lang="ru">{r.name.ru}</td>
                <td lang="en">{r.name.en}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div className="two-col">
        <RegionForm />
      </div>
    </div>
  );
}
