'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/form/field';
import { SubmitRow } from '@/app/_components/form/submit-row';
import { applyFieldErrors, useFormMessage } from '@/app/_components/form/use-form-errors';
import { LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';
import { saveAccountSettings } from '../actions';
import { AccountSettingsSchema, type AccountSettingsValues } from '../schema';

export function SettingsForm({ defaults }: { defaults: AccountSettingsValues }) {
  const t = useTranslations('account');
  const err = useFormMessage();
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<AccountSettingsValues>({
    resolver: zodResolver(AccountSettingsSchema),
    defaultValues: defaults,
  });
  const onSubmit = async (values: AccountSettingsValues) => {
    setSaved(false);
    const result = await saveAccountSettings(values);
    if (!result.ok) return applyFieldErrors(setError, result.fieldErrors);
    // The whole page follows a new language at once.
    if (values.locale !== defaults.locale) return window.location.reload();
    setSaved(true);
  };
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="form" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      <Field id="account-name" label={t('name')} autoComplete="name" error={err(formState.errors.name?.message)} {...register('name')} />
      <div className="field">
        <label htmlFor="account-locale">{t('language')}</label>
        <select id="account-locale" {...register('locale')}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
      <div className="field checkbox">
        <input id="account-notify" type="checkbox" aria-describedby="account-notify-hint" {...register('notifyOptional')} />
        <label htmlFor="account-notify">{t('notifyOptional')}</label>
        <p className="hint" id="account-notify-hint">
          {t('notifyHint')}
        </p>
      </div>
      <SubmitRow label={t('save')} pending={formState.isSubmitting} savedMessage={saved ? t('saved') : null} />
    </form>
  );
}
