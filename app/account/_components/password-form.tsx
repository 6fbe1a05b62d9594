'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/form/field';
import { SubmitRow } from '@/app/_components/form/submit-row';
import { applyFieldErrors, useFormMessage } from '@/app/_components/form/use-form-errors';
import { changeOwnPassword } from '../actions';
import { ChangePasswordSchema, type ChangePasswordValues } from '../schema';

export function PasswordForm() {
  const t = useTranslations('account');
  const err = useFormMessage();
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, reset, formState } = useForm<ChangePasswordValues>({
    resolver: zodResolver(ChangePasswordSchema),
    defaultValues: { current: '', password: '', confirm: '' },
  });
  const onSubmit = async (values: ChangePasswordValues) => {
    setSaved(false);
    const result = await changeOwnPassword(values);
    if (!result.ok) return applyFieldErrors(setError, result.fieldErrors);
    reset();
    setSaved(true);
  };
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="form" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('passwordHeading')}</h2>
      <Field
        id="current-password"
        label={t('currentPassword')}
        type="password"
        autoComplete="current-password"
        error={err(e.current?.message)}
        {...register('current')}
      />
      <Field
        id="new-password"
        label={t('newPassword')}
        type="password"
        autoComplete="new-password"
        hint={t('passwordHint')}
        error={err(e.password?.message)}
        {...register('password')}
      />
      <Field
        id="confirm-password"
        label={t('confirmPassword')}
        type="password"
        autoComplete="new-password"
        error={err(e.confirm?.message)}
        {...register('confirm')}
      />
      <SubmitRow label={t('changePassword')} pending={formState.isSubmitting} savedMessage={saved ? t('passwordChanged') : null} />
    </form>
  );
}
