import type { InputHTMLAttributes } from 'react';
import { TIERS } from '@/lib/content/tiers';

type Props = { legend: string; error?: string; idPrefix: string; defaultTiers?: string[] } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value'>;

export function TierCheckboxes({ legend, error, idPrefix, defaultTiers, ...input }: Props) {
  return (
    <fieldset className="tier-boxes" aria-describedby={`${idPrefix}-error`}>
      <legend>{legend}</legend>
      {TIERS.map((tier) => (
        <label key={tier}>
          <input type="checkbox" value={tier} defaultChecked={defaultTiers?.includes(tier)} {...input} /> {tier}
        </label>
      ))}
      <p id={`${idPrefix}-error`} className="field-error" aria-live="polite">
        {error}
      </p>
    </fieldset>
  );
}
