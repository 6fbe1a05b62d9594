'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { signInWithPassword } from '../actions';
import { SignInSchema, type SignInResult, type SignInValues } from '../schema';

export function SignInForm({ defaultEmail = '' }: { defaultEmail?: string }) {
  const t = useTranslations('signin');
  const [serverError, setServerError] = useState<Extract<SignInResult, { ok: false }>['message'] | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ resolver: zodResolver(SignInSchema), defaultValues: { email: defaultEmail, password: '' } });

  const onSubmit = async (values: SignInValues) => {
    setServerError(null);
    const result = await signInWithPassword(values);
    // A full page load: the header, language and session all start fresh for the signed-in user.
    if (result.ok) window.location.assign(result.to);
    else setServerError(result.message);
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="form">
      <div className="field">
        <label htmlFor="email">{t('email')}</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          aria-invalid={!!errors.email}
          aria-describedby="email-error"
          {...register('email')}
        />
        <p id="email-error" className="field-error" aria-live="polite">
          {errors.email?.message && t(errors.email.message as 'emailRequired')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="password">{t('password')}</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!errors.password}
          aria-describedby="password-error"
          {...register('password')}
        />
        <p id="password-error" className="field-error" aria-live="polite">
          {errors.password?.message && t(errors.password.message as 'passwordRequired')}
        </p>
      </div>
      <p role="alert" className="form-error">
        {serverError && t(`errors.${serverError}`)}
      </p>
      <button type="submit" className="button primary" disabled={isSubmitting}>
        {isSubmitting ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
