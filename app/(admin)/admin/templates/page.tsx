import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TemplateList } from '@/app/_components/template-list';
import { requireSchoolAdmin } from '@/app/_lib/session';
import { getPageLocale } from '@/app/_lib/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('templates'))('title') };
}

export default async function AdminTemplatesPage() {
  const admin = await requireSchoolAdmin();
  const [t, locale] = await Promise.all([getTranslations('templates'), getPageLocale()]);
  return (
    <div>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <TemplateList schoolSlug={admin.schoolSlug} locale={locale} />
      <p className="meta">
        {t('profileHint')} <Link href="/admin/profile">{t('profileLink')}</Link>
      </p>
    </div>
  );
}
