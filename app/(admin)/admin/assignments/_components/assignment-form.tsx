'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/form/field';
import { SubmitRow } from '@/app/_components/form/submit-row';
import { applyFieldErrors, useFormMessage } from '@/app/_components/form/use-form-errors';
import { assignModule } from '../actions';
import { assignmentSchema, type AssignmentValues } from '../schema';

type Option = { value: string; label: string };
type Props = { modules: Option[]; targets: { tiers: Option[]; teachers: Option[] }; today: string };

export function AssignmentForm({ modules, targets, today }: Props) {
  const t = useTranslations('assignments');
  const err = useFormMessage();
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<AssignmentValues>({
    resolver: zodResolver(assignmentSchema(today)),
    defaultValues: { moduleId: '', target: '', dueDate: '' },
  });
  const onSubmit = async (values: AssignmentValues) => {
    setSaved(false);
    const result = await assignModule(values);
    if (result.ok) return setSaved(true);
    applyFieldErrors(setError, result.fieldErrors);
  };
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="form" aria-labelledby="assign-heading">
      <h2 id="assign-heading">{t('formHeading')}</h2>
      <div className="field">
        <label htmlFor="moduleId">{t('module')}</label>
        <select id="moduleId" aria-invalid={!!e.moduleId} aria-describedby="moduleId-error" {...register('moduleId')}>
          <option value="">{t('choose')}</option>
          {modules.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
        <p id="moduleId-error" className="field-error" aria-live="polite">
          {err(e.moduleId?.message)}
        </p>
      </div>
      <div className="field">
        <label htmlFor="target">{t('target')}</label>
        <select id="target" aria-invalid={!!e.target} aria-describedby="target-error" {...register('target')}>
          <option value="">{t('choose')}</option>
          <optgroup label={t('everyTeacherOfTier')}>
            {targets.tiers.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('namedTeacher')}>
            {targets.teachers.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        </select>
        <p id="target-error" className="field-error" aria-live="polite">
          {err(e.target?.message)}
        </p>
      </div>
      <Field id="dueDate" label={t('dueDate')} type="date" min={today} error={err(e.dueDate?.message)} {...register('dueDate')} />
      <SubmitRow label={t('assign')} pending={formState.isSubmitting} savedMessage={saved ? t('saved') : null} />
    </form>
  );
}
