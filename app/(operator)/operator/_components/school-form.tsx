'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/form/field';
import { applyFieldErrors, useFormMessage } from '@/app/_components/form/use-form-errors';
import { addSchool } from '../actions';
import { SchoolSchema, type SchoolValues } from '../schema';

export function SchoolForm({ regions }: { regions: { id: string; label: string }[] }) {
  const t = useTranslations('operator');
  const err = useFormMessage();
  const [link, setLink] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<SchoolValues>({
    resolver: zodResolver(SchoolSchema),
    defaultValues: { slug: '', nameKk: '', nameRu: '', nameEn: '', regionId: '', adminEmail: '' },
  });
  const onSubmit = async (values: SchoolValues) => {
    setLink(null);
    const result = await addSchool(values);
    if (result.ok && result.link) {
      reset();
      return setLink(result.link);
    }
    applyFieldErrors(setError, result.fieldErrors);
  };
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="form" aria-labelledby="school-heading">
      <h2 id="school-heading">{t('addSchool')}</h2>
      <Field id="school-slug" label={t('slug')} error={err(e.slug?.message)} {...register('slug')} />
      <Field id="school-kk" label={t('nameKk')} lang="kk" error={err(e.nameKk?.message)} {...register('nameKk')} />
      <Field id="school-ru" label={t('nameRu')} lang="ru" error={err(e.nameRu?.message)} {...register('nameRu')} />
      <Field id="school-en" label={t('nameEn')} lang="en" error={err(e.nameEn?.message)} {...register('nameEn')} />
      <div className="field">
        <label htmlFor="school-region">{t('region')}</label>
        <select id="school-region" aria-describedby="school-region-error" {...register('regionId')}>
          <option value="">{t('noRegion')}</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
        <p id="school-region-error" className="field-error" aria-live="polite">
          {err(e.regionId?.message)}
        </p>
      </div>
      <Field id="school-admin" label={t('adminEmail')} type="email" error={err(e.adminEmail?.message)} {...register('adminEmail')} />
      <button type="submit" className="button primary" disabled={formState.isSubmitting}>
        {t('addSchool')}
      </button>
      {link && (
        <div className="notice success" role="status">
          <p>{t('schoolCreated')}</p>
          <p>
            <code className="copyable">{link}</code>
          </p>
        </div>
      )}
    </form>
  );
}
