'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/form/field';
import { applyFieldErrors, useFormMessage } from '@/app/_components/form/use-form-errors';
import { TierCheckboxes } from '@/app/_components/form/tier-checkboxes';
import { joinWithCodeAction } from '../actions';
import { JoinSchema, type JoinValues } from '../schema';

export function JoinForm() {
  const t = useTranslations('join');
  const err = useFormMessage();
  const { register, handleSubmit, setError, formState } = useForm<JoinValues>({
    resolver: zodResolver(JoinSchema),
    defaultValues: { code: '', name: '', email: '', password: '', tiers: [] },
  });
  const onSubmit = async (values: JoinValues) => {
    const result = await joinWithCodeAction(values);
    if (result.ok) return window.location.assign(result.to);
    applyFieldErrors(setError, result.fieldErrors);
  };
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="form">
      <Field id="code" label={t('code')} autoComplete="off" error={err(e.code?.message)} {...register('code')} />
      <Field id="name" label={t('name')} autoComplete="name" error={err(e.name?.message)} {...register('name')} />
      <Field id="email" label={t('email')} type="email" autoComplete="email" error={err(e.email?.message)} {...register('email')} />
      <Field id="password" label={t('password')} type="password" autoComplete="new-password" hint={t('passwordHint')} error={err(e.password?.message)} {...register('password')} />
      <TierCheckboxes legend={t('tiers')} idPrefix="join-tiers" error={err(e.tiers?.message)} {...register('tiers')} />
      <button type="submit" className="button primary" disabled={formState.isSubmitting}>
        {t('createAccount')}
      </button>
    </form>
  );
}
