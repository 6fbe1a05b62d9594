'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/form/field';
import { SubmitRow } from '@/app/_components/form/submit-row';
import { applyFieldErrors, useFormMessage } from '@/app/_components/form/use-form-errors';
import { addDeployment } from '../actions';
import { DeploymentFormSchema, type DeploymentFormValues } from '../deployment-schema';

/** Adds one deployment id to a connected platform; one form per platform row. */
export function DeploymentForm({ registrationId }: { registrationId: string }) {
  const t = useTranslations('lmsDeployments');
  const err = useFormMessage();
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, reset, formState } = useForm<DeploymentFormValues>({
    resolver: zodResolver(DeploymentFormSchema),
    defaultValues: { registrationId, deploymentId: '' },
  });
  const onSubmit = async (values: DeploymentFormValues) => {
    setSaved(false);
    const result = await addDeployment(values);
    if (result.ok) {
      reset({ registrationId, deploymentId: '' });
      return setSaved(true);
    }
    applyFieldErrors(setError, { ...result.fieldErrors, deploymentId: result.fieldErrors?.deploymentId ?? result.fieldErrors?.registrationId });
  };
  const id = `deployment-${registrationId}`;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="form">
      <input type="hidden" {...register('registrationId')} />
      <Field id={id} label={t('label')} hint={t('hint')} error={err(formState.errors.deploymentId?.message)} {...register('deploymentId')} />
      <SubmitRow label={t('add')} pending={formState.isSubmitting} savedMessage={saved ? t('saved') : null} />
    </form>
  );
}
