import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getRegionBySlug } from '@/db/queries/operator';
import { requireOperator } from '@/app/_lib/session';
import { saveRegionNames } from '../../edit-actions';
import { NamesForm } from '../../_components/names-form';
import { getPageLocale } from '@/app/_lib/locale';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('operatorEdit'))('editRegion') };
}

export default async function EditRegionPage({ params }: Props) {
  await requireOperator();
  const region = await getRegionBySlug((await params).slug);
  if (!region) notFound();
  const [t, locale] = await Promise.all([getTranslations('operatorEdit'), getPageLocale()]);
  return (
    <div className="narrow-wide">
      <p className="eyebrow">
        <Link href="/operator/regions">{t('regionsTitle')}</Link>
      </p>
      <h1>{region.name[locale]}</h1>
      <NamesForm
        heading={t('editRegion')}
        defaults={{ nameKk: region.name.kk, nameRu: region.name.ru, nameEn: region.name.en }}
        save={saveRegionNames.bind(null, region.id)}
      />
    </div>
  );
}
