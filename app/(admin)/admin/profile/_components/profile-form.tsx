'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState, type ChangeEvent } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/form/field';
import { SubmitRow } from '@/app/_components/form/submit-row';
import { applyFieldErrors, useFormMessage } from '@/app/_components/form/use-form-errors';
import { saveSchoolProfile } from '../actions';
import { ProfileSchema, type ProfileValues } from '../schema';

export function ProfileForm({ initial }: { initial: ProfileValues }) {
  const t = useTranslations('profile');
  const err = useFormMessage();
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, setValue, watch, formState } = useForm<ProfileValues>({
    resolver: zodResolver(ProfileSchema),
    defaultValues: initial,
  });
  const logo = watch('logo');
  const onLogo = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => setValue('logo', String(reader.result), { shouldValidate: true });
    reader.readAsDataURL(file);
  };
  const onSubmit = async (values: ProfileValues) => {
    setSaved(false);
    const result = await saveSchoolProfile(values);
    if (result.ok) return setSaved(true);
    applyFieldErrors(setError, result.fieldErrors);
  };
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="form">
      <Field id="nameKk" label={t('nameKk')} lang="kk" error={err(e.nameKk?.message)} {...register('nameKk')} />
      <Field id="nameRu" label={t('nameRu')} lang="ru" error={err(e.nameRu?.message)} {...register('nameRu')} />
      <Field id="nameEn" label={t('nameEn')} lang="en" error={err(e.nameEn?.message)} {...register('nameEn')} />
      <Field id="address" label={t('address')} error={err(e.address?.message)} {...register('address')} />
      <Field id="contactPhone" label={t('contactPhone')} type="tel" error={err(e.contactPhone?.message)} {...register('contactPhone')} />
      <Field id="contactEmail" label={t('contactEmail')} type="email" error={err(e.contactEmail?.message)} {...register('contactEmail')} />
      <Field id="counsellorName" label={t('counsellorName')} error={err(e.counsellorName?.message)} {...register('counsellorName')} />
      <Field id="counsellorContact" label={t('counsellorContact')} error={err(e.counsellorContact?.message)} {...register('counsellorContact')} />
      <div className="field">
        <label htmlFor="logo-file">{t('logo')}</label>
        <input id="logo-file" type="file" accept="image/png,image/jpeg" onChange={onLogo} aria-describedby="logo-error" />
        {/* eslint-disable-next-line @next/next/no-img-element -- a data URL preview */}
        {logo && <img src={logo} alt={t('logoPreview')} className="logo-preview" />}
        {logo && (
          <button type="button" className="link-button" onClick={() => setValue('logo', '')}>
            {t('removeLogo')}
          </button>
        )}
        <p id="logo-error" className="field-error" aria-live="polite">
          {err(e.logo?.message)}
        </p>
      </div>
      <SubmitRow label={t('save')} pending={formState.isSubmitting} savedMessage={saved ? t('saved') : null} />
    </form>
  );
}
