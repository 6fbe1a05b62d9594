import type { InputHTMLAttributes, ReactNode } from 'react';

type Props = { id: string; label: string; error?: string; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export function Field({ id, label, error, hint, ...input }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input id={id} aria-invalid={!!error} aria-describedby={`${id}-error${hint ? ` ${id}-hint` : ''}`} {...input} />
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {error}
      </p>
    </div>
  );
}
