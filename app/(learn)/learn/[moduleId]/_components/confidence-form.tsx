import { getTranslations } from 'next-intl/server';
import type { Phase } from '@/lib/confidence/answers';
import { getConfidenceBank } from '@/lib/confidence/content';
import type { Locale } from '@/lib/i18n/locales';
import { recordConfidence } from '../actions';

const SCALE = [1, 2, 3, 4, 5] as const;

/** The optional before/after questions: a plain form, so it works without JavaScript. */
export async function ConfidenceForm({ moduleId, phase, locale }: { moduleId: string; phase: Phase; locale: Locale }) {
  const t = await getTranslations('confidence');
  const bank = getConfidenceBank();
  return (
    <section className="card confidence" aria-labelledby="confidence-title">
      <h2 id="confidence-title">{t(`${phase}.title`)}</h2>
      <p>{t(`${phase}.intro`)}</p>
      <form action={recordConfidence.bind(null, moduleId, phase)}>
        {bank.questions.map((q) => (
          <fieldset key={q.id} className="confidence-scale">
            <legend>{q.text[locale]}</legend>
            {SCALE.map((v) => (
              <label key={v}>
                <input type="radio" name={`q:${q.id}`} value={v} />
                <span>
                  {v}
                  <span className="visually-hidden"> — {t(`scale.${v}`)}</span>
                </span>
              </label>
            ))}
            <span className="meta" aria-hidden="true">
              1 = {t('scale.1')}, 5 = {t('scale.5')}
            </span>
          </fieldset>
        ))}
        <p className="actions">
          <button type="submit" name="intent" value="save" className="button primary">
            {t('save')}
          </button>
          <button type="submit" name="intent" value="skip" className="button">
            {t('skip')}
          </button>
        </p>
        <p className="meta">{t('privacy')}</p>
      </form>
    </section>
  );
}
