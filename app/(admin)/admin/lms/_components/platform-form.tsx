'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/form/field';
import { SubmitRow } from '@/app/_components/form/submit-row';
import { applyFieldErrors, useFormMessage } from '@/app/_components/form/use-form-errors';
import { addPlatform } from '../actions';
import { PlatformFormSchema, type PlatformFormValues } from '../schema';

export function PlatformForm() {
  const t = useTranslations('lms');
  const err = useFormMessage();
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, reset, formState } = useForm<PlatformFormValues>({
    resolver: zodResolver(PlatformFormSchema),
    defaultValues: { issuer: '', clientId: '', authUrl: '', tokenUrl: '', jwksUrl: '', deployments: '' },
  });
  const onSubmit = async (values: PlatformFormValues) => {
    setSaved(false);
    const result = await addPlatform(values);
    if (result.ok) {
      reset();
      return setSaved(true);
    }
    applyFieldErrors(setError, result.fieldErrors);
  };
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="form" aria-labelledby="manual-heading">
      <h2 id="manual-heading">{t('manualHeading')}</h2>
      <Field id="issuer" label={t('issuer')} error={err(e.issuer?.message)} {...register('issuer')} />
      <Field id="clientId" label={t('clientId')} error={err(e.clientId?.message)} {...register('clientId')} />
      <Field id="authUrl" label={t('authUrl')} error={err(e.authUrl?.message)} {...register('authUrl')} />
      <Field id="tokenUrl" label={t('tokenUrl')} error={err(e.tokenUrl?.message)} {...register('tokenUrl')} />
      <Field id="jwksUrl" label={t('jwksUrl')} error={err(e.jwksUrl?.message)} {...register('jwksUrl')} />
      <Field id="deployments" label={t('deployments')} hint={t('deploymentsHint')} error={err(e.deployments?.message)} {...register('deployments')} />
      <SubmitRow label={t('add')} pending={formState.isSubmitting} savedMessage={saved ? t('saved') : null} />
    </form>
  );
}
