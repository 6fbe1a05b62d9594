'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/form/field';
import { SubmitRow } from '@/app/_components/form/submit-row';
import { applyFieldErrors, useFormMessage } from '@/app/_components/form/use-form-errors';
import { addRegion } from '../actions';
import { RegionSchema, type RegionValues } from '../schema';

export function RegionForm() {
  const t = useTranslations('operator');
  const err = useFormMessage();
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, reset, formState } = useForm<RegionValues>({
    resolver: zodResolver(RegionSchema),
    defaultValues: { slug: '', nameKk: '', nameRu: '', nameEn: '' },
  });
  const onSubmit = async (values: RegionValues) => {
    setSaved(false);
    const result = await addRegion(values);
    if (result.ok) {
      reset();
      return setSaved(true);
    }
    applyFieldErrors(setError, result.fieldErrors);
  };
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="form" aria-labelledby="region-heading">
      <h2 id="region-heading">{t('addRegion')}</h2>
      <Field id="region-slug" label={t('slug')} error={err(e.slug?.message)} {...register('slug')} />
      <Field id="region-kk" label={t('nameKk')} lang="kk" error={err(e.nameKk?.message)} {...register('nameKk')} />
      <Field id="region-ru" label={t('nameRu')} lang="ru" error={err(e.nameRu?.message)} {...register('nameRu')} />
      <Field id="region-en" label={t('nameEn')} lang="en" error={err(e.nameEn?.message)} {...register('nameEn')} />
      <SubmitRow label={t('addRegion')} pending={formState.isSubmitting} savedMessage={saved ? t('saved') : null} />
    </form>
  );
}
