'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/form/field';
import { applyFieldErrors, useFormMessage } from '@/app/_components/form/use-form-errors';
import { requestResetLink } from '../actions';
import { ForgotSchema, type ForgotValues } from '../schema';

export function ForgotForm() {
  const t = useTranslations('forgot');
  const err = useFormMessage();
  const [sent, setSent] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<ForgotValues>({ resolver: zodResolver(ForgotSchema), defaultValues: { email: '' } });
  const onSubmit = async (values: ForgotValues) => {
    const result = await requestResetLink(values);
    if (result.ok) setSent(true);
    else applyFieldErrors(setError, result.fieldErrors);
  };
  if (sent) {
    return (
      <p className="notice success" role="status">
        {t('sent')}
      </p>
    );
  }
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="form">
      <Field id="email" label={t('email')} type="email" autoComplete="email" error={err(formState.errors.email?.message)} {...register('email')} />
      <button type="submit" className="button primary" disabled={formState.isSubmitting}>
        {t('submit')}
      </button>
    </form>
  );
}
