'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/form/field';
import { SubmitRow } from '@/app/_components/form/submit-row';
import { applyFieldErrors, useFormMessage } from '@/app/_components/form/use-form-errors';
import { NamesSchema, type NamesValues, type OperatorResult } from '../schema';

type Props = {
  heading: string;
  defaults: NamesValues;
  save: (values: NamesValues) => Promise<OperatorResult<NamesValues>>;
  /** Given for a school: the regions it may move to. */
  regions?: { id: string; label: string }[];
};

/** Edits the names of a region, or the names and region of a school. */
export function NamesForm({ heading, defaults, save, regions }: Props) {
  const t = useTranslations('operator');
  const edit = useTranslations('operatorEdit');
  const err = useFormMessage();
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<NamesValues>({ resolver: zodResolver(NamesSchema), defaultValues: defaults });
  const onSubmit = async (values: NamesValues) => {
    setSaved(false);
    const result = await save(values);
    if (result.ok) return setSaved(true);
    applyFieldErrors(setError, result.fieldErrors);
  };
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="form" aria-labelledby="names-heading">
      <h2 id="names-heading">{heading}</h2>
      <Field id="names-kk" label={t('nameKk')} lang="kk" error={err(e.nameKk?.message)} {...register('nameKk')} />
      <Field id="names-ru" label={t('nameRu')} lang="ru" error={err(e.nameRu?.message)} {...register('nameRu')} />
      <Field id="names-en" label={t('nameEn')} lang="en" error={err(e.nameEn?.message)} {...register('nameEn')} />
      {regions && (
        <div className="field">
          <label htmlFor="names-region">{t('region')}</label>
          <select id="names-region" aria-describedby="names-region-error" {...register('regionId')}>
            <option value="">{t('noRegion')}</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
          <p id="names-region-error" className="field-error" aria-live="polite">
            {err(e.regionId?.message)}
          </p>
        </div>
      )}
      <SubmitRow label={edit('save')} pending={formState.isSubmitting} savedMessage={saved ? t('saved') : null} />
    </form>
  );
}
