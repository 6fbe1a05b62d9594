'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/form/field';
import { applyFieldErrors, useFormMessage } from '@/app/_components/form/use-form-errors';
import { setNewPassword } from '../actions';
import { NewPasswordSchema, type NewPasswordValues } from '../schema';

export function NewPasswordForm({ token }: { token: string }) {
  const t = useTranslations('forgot');
  const err = useFormMessage();
  const [state, setState] = useState<'form' | 'done' | 'invalid'>('form');
  const { register, handleSubmit, setError, formState } = useForm<NewPasswordValues>({
    resolver: zodResolver(NewPasswordSchema),
    defaultValues: { password: '', confirm: '' },
  });
  const onSubmit = async (values: NewPasswordValues) => {
    const result = await setNewPassword(token, values);
    if (result.ok) return setState('done');
    if (result.message === 'linkInvalid') return setState('invalid');
    applyFieldErrors(setError, result.fieldErrors);
  };
  if (state === 'done') {
    return (
      <div className="notice success" role="status">
        <p>{t('resetDone')}</p>
        <p>
          <Link href="/signin">{t('backToSignIn')}</Link>
        </p>
      </div>
    );
  }
  if (state === 'invalid') {
    return (
      <p className="notice error" role="alert">
        {t('linkInvalid')} <Link href="/forgot">{t('askAgain')}</Link>
      </p>
    );
  }
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="form">
      <Field
        id="password"
        label={t('newPassword')}
        type="password"
        autoComplete="new-password"
        hint={t('passwordHint')}
        error={err(e.password?.message)}
        {...register('password')}
      />
      <Field id="confirm" label={t('confirmPassword')} type="password" autoComplete="new-password" error={err(e.confirm?.message)} {...register('confirm')} />
      <button type="submit" className="button primary" disabled={formState.isSubmitting}>
        {t('setPassword')}
      </button>
    </form>
  );
}
