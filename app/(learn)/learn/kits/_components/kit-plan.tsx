import { useTranslations } from 'next-intl';
import type { Kit } from '@/lib/kits/content';

/** The timed lesson plan: each activity with its minutes, and the total. */
export function KitPlan({ kit }: { kit: Kit }) {
  const t = useTranslations('kits');
  return (
    <section aria-labelledby="kit-plan">
      <h2 id="kit-plan">{t('activities')}</h2>
      <ol className="kit-plan">
        {kit.activities.map((a) => (
          <li key={a.id} data-activity={a.id}>
            <h3>
              {a.title} <span className="meta">({t('activityMinutes', { minutes: a.minutes })})</span>
            </h3>
            <ul>
              {a.steps.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <p className="meta">{t('totalMinutes', { minutes: kit.minutes })}</p>
    </section>
  );
}
