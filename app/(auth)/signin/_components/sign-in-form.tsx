'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { enhancedFormData } from '@/lib/forms/enhanced';
import { signInWithPassword } from '../actions';
import { SignInSchema, type SignInValues } from '../schema';
import { RateLimitedMessage } from './rate-limited-message';

/** Posts to a server action, so it works before hydration and without script; react-hook-form checks it first when it can. */
export function SignInForm({ notice }: { notice?: string }) {
  const t = useTranslations('signin');
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(signInWithPassword, null);
  const failed = state && !state.ok ? state : null;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SignInValues>({ resolver: zodResolver(SignInSchema), defaultValues: { email: failed?.email ?? '', password: '' } });

  // A full page load: the header, language and session all start fresh for the signed-in user.
  useEffect(() => {
    if (state?.ok) window.location.assign(state.to);
  }, [state]);

  const fieldError = (name: keyof SignInValues) => errors[name]?.message ?? failed?.fieldErrors?.[name];
  const emailError = fieldError('email');
  const passwordError = fieldError('password');

  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        void handleSubmit(() => startTransition(() => formAction(enhancedFormData(formRef.current!))))(event);
      }}
    >
      {notice && (
        <p className="notice success" role="status">
          {notice}
        </p>
      )}
      <div className="field">
        <label htmlFor="email">{t('email')}</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          aria-invalid={!!emailError}
          aria-describedby="email-error"
          defaultValue={failed?.email}
          {...register('email')}
        />
        <p id="email-error" className="field-error" aria-live="polite">
          {emailError && t(emailError as 'emailRequired')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="password">{t('password')}</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!passwordError}
          aria-describedby="password-error"
          {...register('password')}
        />
        <p id="password-error" className="field-error" aria-live="polite">
          {passwordError && t(passwordError as 'passwordRequired')}
        </p>
      </div>
      <p role="alert" className="form-error">
        {failed?.message === 'rateLimited' ? <RateLimitedMessage seconds={failed.retryAfterSeconds} /> : failed?.message && t(`errors.${failed.message}`)}
      </p>
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
