'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/form/field';
import { applyFieldErrors, useFormMessage } from '@/app/_components/form/use-form-errors';
import { TierCheckboxes } from '@/app/_components/form/tier-checkboxes';
import { inviteMember } from '../actions';
import { InviteSchema, type InviteValues } from '../schema';

export function InviteForm() {
  const t = useTranslations('people');
  const err = useFormMessage();
  const [link, setLink] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<InviteValues>({ resolver: zodResolver(InviteSchema), defaultValues: { email: '', role: 'teacher', tiers: [] } });

  const onSubmit = async (values: InviteValues) => {
    setLink(null);
    const result = await inviteMember(values);
    if (result.ok && result.link) {
      setLink(result.link);
      reset();
      return;
    }
    applyFieldErrors(setError, result.fieldErrors);
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="form" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('inviteHeading')}</h2>
      <Field id="invite-email" label={t('email')} type="email" autoComplete="off" error={err(errors.email?.message)} {...register('email')} />
      <div className="field">
        <label htmlFor="invite-role">{t('role')}</label>
        <select id="invite-role" {...register('role')}>
          <option value="teacher">{t('roles.teacher')}</option>
          <option value="school_admin">{t('roles.school_admin')}</option>
        </select>
      </div>
      <TierCheckboxes legend={t('tiers')} idPrefix="invite-tiers" error={err(errors.tiers?.message)} {...register('tiers')} />
      <button type="submit" className="button primary" disabled={isSubmitting}>
        {t('createInvite')}
      </button>
      {link && (
        <div className="notice success" role="status">
          <p>{t('inviteCreated')}</p>
          <p>
            <code className="copyable">{link}</code>
          </p>
        </div>
      )}
    </form>
  );
}
