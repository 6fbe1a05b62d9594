import { getTranslations } from 'next-intl/server';

export async function EmergencyLine() {
  const t = await getTranslations('respond');
  return (
    <p className="emergency-line" role="note">
      {t('emergency')}
    </p>
  );
}
