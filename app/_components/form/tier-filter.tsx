import { TIERS } from '@/lib/content/tiers';

/** The age-group choice of a GET filter form (`?tier=`); empty means all tiers. */
export function TierFilter({ label, allLabel, value }: { label: string; allLabel: string; value: string | null | undefined }) {
  return (
    <label>
      {label}
      <select name="tier" defaultValue={value ?? ''}>
        <option value="">{allLabel}</option>
        {TIERS.map((tier) => (
          <option key={tier} value={tier}>
            {tier}
          </option>
        ))}
      </select>
    </label>
  );
}
