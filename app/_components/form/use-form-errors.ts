'use client';

import { useTranslations } from 'next-intl';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

/** Translates a schema's message key (`forms` namespace) for a field's error slot. */
export function useFormMessage() {
  const f = useTranslations('forms');
  return (key?: string) => (key ? f(key as 'required') : undefined);
}

/** Puts a server action's per-field errors next to their fields. */
export function applyFieldErrors<T extends FieldValues>(setError: UseFormSetError<T>, errors: Partial<Record<string, string>> | undefined) {
  for (const [field, message] of Object.entries(errors ?? {})) if (message) setError(field as Path<T>, { message });
}
