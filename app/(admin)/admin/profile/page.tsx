import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getSchoolProfile } from '@/db/queries/school-profile';
import { requireSchoolAdmin } from '@/app/_lib/session';
import { ProfileForm } from './_components/profile-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('profile'))('title') };
}

export default async function ProfilePage() {
  const admin = await requireSchoolAdmin();
  const [t, p] = await Promise.all([getTranslations('profile'), getSchoolProfile(admin.schoolId)]);
  if (!p) throw new Error("The admin's school is missing");
  return (
    <div className="narrow-wide">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <ProfileForm
        initial={{
          nameKk: p.name.kk,
          nameRu: p.name.ru,
          nameEn: p.name.en,
          address: p.address,
          contactPhone: p.contactPhone,
          contactEmail: p.contactEmail,
          counsellorName: p.counsellorName,
          counsellorContact: p.counsellorContact,
          logo: p.logo ?? '',
        }}
      />
    </div>
  );
}
