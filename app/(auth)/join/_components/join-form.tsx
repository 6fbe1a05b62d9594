'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/form/field';
import { useFormMessage } from '@/app/_components/form/use-form-errors';
import { TierCheckboxes } from '@/app/_components/form/tier-checkboxes';
import { enhancedFormData } from '@/lib/forms/enhanced';
import { joinWithCodeAction } from '../actions';
import { JoinSchema, type JoinValues } from '../schema';

/** Posts to a server action, so it works before hydration and without script; react-hook-form checks it first when it can. */
export function JoinForm() {
  const t = useTranslations('join');
  const err = useFormMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(joinWithCodeAction, null);
  const failed = state && !state.ok ? state : null;
  // What was sent comes back in the server's HTML too (defaultValue), for a page without script.
  const text = (name: 'code' | 'name' | 'email') => (typeof failed?.values?.[name] === 'string' ? (failed.values[name] as string) : '');
  const tiers = (Array.isArray(failed?.values?.tiers) ? failed.values.tiers : []) as JoinValues['tiers'];
  const { register, handleSubmit, formState } = useForm<JoinValues>({
    resolver: zodResolver(JoinSchema),
    defaultValues: { code: text('code'), name: text('name'), email: text('email'), password: '', tiers },
  });
  useEffect(() => {
    if (state?.ok) window.location.assign(state.to);
  }, [state]);
  const e = (name: keyof JoinValues) => err(formState.errors[name]?.message ?? failed?.fieldErrors?.[name]);
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
      <Field id="code" label={t('code')} autoComplete="off" error={e('code')} defaultValue={text('code')} {...register('code')} />
      <Field id="name" label={t('name')} autoComplete="name" error={e('name')} defaultValue={text('name')} {...register('name')} />
      <Field id="email" label={t('email')} type="email" autoComplete="email" error={e('email')} defaultValue={text('email')} {...register('email')} />
      <Field
        id="password"
        label={t('password')}
        type="password"
        autoComplete="new-password"
        hint={t('passwordHint')}
        error={e('password')}
        {...register('password')}
      />
      <TierCheckboxes legend={t('tiers')} idPrefix="join-tiers" error={e('tiers')} defaultTiers={tiers} {...register('tiers')} />
      <button type="submit" className="button primary" disabled={pending}>
        {t('createAccount')}
      </button>
    </form>
  );
}
