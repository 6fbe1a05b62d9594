import { getFormatter, getTranslations } from 'next-intl/server';
import { MIN_CELL, type GainCell, type GainRow } from '@/lib/confidence/gain';
import { TableScroll } from '@/app/_components/table-scroll';

type Props = { rows: GainRow[]; csvHref: string; note?: string };

/** Mean confidence before and after per module; a mean over fewer than MIN_CELL teachers is never shown. */
export async function LearningGainTable({ rows, csvHref, note }: Props) {
  const [t, format] = await Promise.all([getTranslations('learningGain'), getFormatter()]);
  const show = (c: GainCell, signed = false) => {
    if (c.teachers === 0) return t('none');
    if (c.mean === null) return `${t('hidden', { min: MIN_CELL })} (${t('teachersShort', { n: c.teachers })})`;
    const n = format.number(c.mean, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' });
    return `${n} (${t('teachersShort', { n: c.teachers })})`;
  };
  return (
    <section aria-labelledby="learning-gain">
      <h2 id="learning-gain">{t('title')}</h2>
      <p className="meta">{t('lead', { min: MIN_CELL })}</p>
      {note && <p className="meta">{note}</p>}
      <TableScroll label={t('title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('tier')}</th>
              <th scope="col">{t('module')}</th>
              <th scope="col">{t('before')}</th>
              <th scope="col">{t('after')}</th>
              <th scope="col">{t('change')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.moduleId}>
                <td>{r.tier}</td>
                <th scope="row">{r.title}</th>
                <td>{show(r.before)}</td>
                <td>{show(r.after)}</td>
                <td>{show(r.change, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p>
        <a className="button" href={csvHref} download>
          {t('exportCsv')}
        </a>
      </p>
    </section>
  );
}
