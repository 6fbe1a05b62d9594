import type { Metadata } from 'next';
import { HeadlineFigures } from '@/app/_components/headline-figures';
import { headlineOf } from '@/lib/completion/headline';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listRegions } from '@/db/queries/operator';
import { requireOperator } from '@/app/_lib/session';
import { isTier } from '@/lib/content/tiers';
import { TierFilter } from '@/app/_components/form/tier-filter';
import { getRollup } from '@/lib/completion/rollup';
import { LearningGainTable } from '@/app/_components/learning-gain-table';
import { getNationalGain } from '@/lib/confidence/report';
import { formatDateTime, intlLocale } from '@/lib/i18n/dates';
import { refreshRollupNow } from './actions';
import { SchoolForm } from './_components/school-form';
import { getPageLocale } from '@/app/_lib/locale';
import { TableScroll } from '@/app/_components/table-scroll';

type Props = { searchParams: Promise<{ tier?: string; region?: string }> };

// A country has thousands of schools: the page lists those furthest behind; the CSV has all.
const SCHOOL_ROWS = 100;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('operator'))('title') };
}

export default async function OperatorPage({ searchParams }: Props) {
  await requireOperator();
  const { tier: rawTier, region: rawRegion } = await searchParams;
  const tier = isTier(rawTier) ? rawTier : null;
  const locale = await getPageLocale();
  const [t, tg, edit, format, rollup, regions, gain] = await Promise.all([
    getTranslations('operator'),
    getTranslations('learningGain'),
    getTranslations('operatorEdit'),
    getFormatter(),
    getRollup(tier),
    listRegions(),
    getNationalGain(tier, locale),
  ]);
  const pct = (done: number, total: number, percent: number) => t('ofPercent', { done, total, percent });
  const collator = new Intl.Collator(intlLocale(locale));
  const regionOptions = regions.map((r) => ({ id: r.id, slug: r.slug, label: r.name[locale] })).sort((a, b) => collator.compare(a.label, b.label));
  const region = regions.find((r) => r.slug === rawRegion);
  const inRegion = rollup.schools.filter((s) => !region || s.region_id === region.id);
  const shown = [...inRegion].sort((a, b) => a.percent - b.percent || a.slug.localeCompare(b.slug)).slice(0, SCHOOL_ROWS);
  return (
    <div>
      <h1>{t('title')}</h1>
      <form method="get" className="filters" aria-label={t('filters')}>
        <TierFilter label={t('tier')} allLabel={t('all')} value={tier} />
        <label>
          {t('region')}
          <select name="region" defaultValue={region?.slug ?? ''}>
            <option value="">{t('all')}</option>
            {regionOptions.map((r) => (
              <option key={r.id} value={r.slug}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t('apply')}
        </button>
        <a className="button" href={`/api/rollup.csv${tier ? `?tier=${tier}` : ''}`} download>
          {t('exportCsv')}
        </a>
      </form>
      <form action={refreshRollupNow} className="meta">
        <span>{rollup.computedAt ? t('asOf', { time: formatDateTime(rollup.computedAt, locale) }) : t('notComputed')}</span>
        <button type="submit" className="button small">
          {t('refresh')}
        </button>
      </form>
      <HeadlineFigures figures={headlineOf(inRegion)} />
      <section aria-labelledby="by-region">
        <h2 id="by-region">{t('byRegion')}</h2>
        <TableScroll label={t('byRegion')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('region')}</th>
                <th scope="col">{t('schools')}</th>
                <th scope="col">{t('teachers')}</th>
                <th scope="col">{t('completed')}</th>
              </tr>
            </thead>
            <tbody>
              {rollup.regions.map((r) => (
                <tr key={r.id ?? 'none'}>
                  <th scope="row">{r.name?.[locale] ?? t('noRegion')}</th>
                  <td>{r.schools}</td>
                  <td>{r.teachers}</td>
                  <td>{pct(r.completed, r.expected, r.percent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section aria-labelledby="by-school">
        <h2 id="by-school">{t('bySchool')}</h2>
        <p className="meta">{t('showing', { shown: shown.length, total: inRegion.length })}</p>
        <TableScroll label={t('bySchool')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('school')}</th>
                <th scope="col">{t('region')}</th>
                <th scope="col">{t('teachers')}</th>
                <th scope="col">{t('completed')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.school_id}>
                  <th scope="row">
                    <Link href={`/operator/schools/${s.slug}${tier ? `?tier=${tier}` : ''}`}>{s.name[locale]}</Link>
                  </th>
                  <td>{s.region_name?.[locale] ?? t('noRegion')}</td>
                  <td>{s.teachers}</td>
                  <td>{pct(s.completed, s.expected, s.percent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <LearningGainTable
        rows={gain.rows}
        csvHref={`/api/learning-gain.csv${tier ? `?tier=${tier}` : ''}`}
        note={gain.computedAt ? tg('asOf', { time: format.dateTime(gain.computedAt, { dateStyle: 'medium', timeStyle: 'short' }) }) : undefined}
      />
      <div className="two-col">
        <SchoolForm regions={regionOptions} />
        <section aria-labelledby="regions-heading">
          <h2 id="regions-heading">{edit('regionsTitle')}</h2>
          <p>{edit('regionsIntro', { count: regions.length })}</p>
          <p>
            <Link className="button" href="/operator/regions">
              {edit('manageRegions')}
            </Link>
          </p>
        </section>
      </div>
    </div>
  );
}
