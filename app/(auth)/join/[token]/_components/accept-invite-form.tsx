'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/form/field';
import { applyFieldErrors, useFormMessage } from '@/app/_components/form/use-form-errors';
import { acceptInviteAction } from '../../actions';
import { AcceptInviteSchema, type AcceptInviteValues } from '../../schema';

export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations('join');
  const f = useTranslations('forms');
  const err = useFormMessage();
  const [message, setMessage] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<AcceptInviteValues>({
    resolver: zodResolver(AcceptInviteSchema),
    defaultValues: { name: '', password: '' },
  });
  const onSubmit = async (values: AcceptInviteValues) => {
    const result = await acceptInviteAction(token, values);
    if (result.ok) return window.location.assign(`/signin?joined=1&email=${encodeURIComponent(email)}`);
    if (result.message) setMessage(f(result.message as 'inviteInvalid'));
    applyFieldErrors(setError, result.fieldErrors);
  };
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="form">
      <Field id="name" label={t('name')} autoComplete="name" error={err(formState.errors.name?.message)} {...register('name')} />
      <Field id="password" label={t('password')} type="password" autoComplete="new-password" hint={t('passwordHint')} error={err(formState.errors.password?.message)} {...register('password')} />
      <p role="alert" className="form-error">
        {message}
      </p>
      <button type="submit" className="button primary" disabled={formState.isSubmitting}>
        {t('createAccount')}
      </button>
    </form>
  );
}
