'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { createRegistrationLink } from '../actions';

/** Creates a single-use registration address on request and shows it once. */
export function RegistrationLink() {
  const t = useTranslations('lms');
  const [state, create, pending] = useActionState(async () => createRegistrationLink(), null);
  return (
    <form action={create}>
      {state && (
        <p>
          <code className="copyable" data-testid="registration-url">
            {state.url}
          </code>
        </p>
      )}
      <button type="submit" className="button" disabled={pending}>
        {t(state ? 'newLink' : 'createLink')}
      </button>
    </form>
  );
}
