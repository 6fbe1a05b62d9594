import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getReminderSettings } from '@/db/queries/reminders';
import { requireSchoolAdmin } from '@/app/_lib/session';
import { saveReminderSettingsAction } from './actions';
import { REMINDER_DAY_CHOICES } from './schema';

type Props = { searchParams: Promise<{ saved?: string; error?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reminders'))('title') };
}

export default async function ReminderSettingsPage({ searchParams }: Props) {
  const admin = await requireSchoolAdmin();
  const [{ saved, error }, settings, t] = await Promise.all([searchParams, getReminderSettings(admin.schoolId), getTranslations('reminders')]);
  return (
    <div className="narrow">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <div aria-live="polite">
        {saved && <p role="status">{t('saved')}</p>}
        {error && (
          <p role="alert" className="error">
            {t('invalid')}
          </p>
        )}
      </div>
      <form action={saveReminderSettingsAction}>
        <label className="option">
          <input type="checkbox" name="enabled" defaultChecked={settings.enabled} /> {t('enabled')}
        </label>
        <fieldset>
          <legend>{t('daysBefore')}</legend>
          {REMINDER_DAY_CHOICES.map((d) => (
            <label key={d} className="option">
              <input type="checkbox" name="daysBefore" value={d} defaultChecked={settings.daysBefore.includes(d)} /> {t('day', { count: d })}
            </label>
          ))}
        </fieldset>
        <label className="option">
          <input type="checkbox" name="onOverdue" defaultChecked={settings.onOverdue} /> {t('onOverdue')}
        </label>
        <label className="option">
          <input type="checkbox" name="weeklyDigest" defaultChecked={settings.weeklyDigest} /> {t('weeklyDigest')}
        </label>
        <button type="submit">{t('save')}</button>
      </form>
    </div>
  );
}
