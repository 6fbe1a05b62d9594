'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/form/field';
import { useFormMessage } from '@/app/_components/form/use-form-errors';
import { enhancedFormData } from '@/lib/forms/enhanced';
import { acceptInviteAction } from '../../actions';
import { AcceptInviteSchema, type AcceptInviteValues } from '../../schema';

/** Posts to a server action, so it works before hydration and without script; react-hook-form checks it first when it can. */
export function AcceptInviteForm({ token }: { token: string }) {
  const t = useTranslations('join');
  const f = useTranslations('forms');
  const err = useFormMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(acceptInviteAction, null);
  const failed = state && !state.ok ? state : null;
  // What was sent comes back in the server's HTML too (defaultValue), for a page without script.
  const name = typeof failed?.values?.name === 'string' ? failed.values.name : '';
  const { register, handleSubmit, formState } = useForm<AcceptInviteValues>({
    resolver: zodResolver(AcceptInviteSchema),
    defaultValues: { name, password: '' },
  });
  useEffect(() => {
    if (state?.ok) window.location.assign(state.to);
  }, [state]);
  const e = (name: keyof AcceptInviteValues) => err(formState.errors[name]?.message ?? failed?.fieldErrors?.[name]);
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
      <input type="hidden" name="token" value={token} />
      <Field id="name" label={t('name')} autoComplete="name" error={e('name')} defaultValue={name} {...register('name')} />
      <Field
        id="password"
        label={t('password')}
        type="password"
        autoComplete="new-password"
        hint={t('passwordHint')}
        error={e('password')}
        {...register('password')}
      />
      <p role="alert" className="form-error">
        {failed?.message && f(failed.message as 'inviteInvalid')}
      </p>
      <button type="submit" className="button primary" disabled={pending}>
        {t('createAccount')}
      </button>
    </form>
  );
}
