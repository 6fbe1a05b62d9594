import { getFormatter, getTranslations } from 'next-intl/server';
import type { ItemReportRow } from '@/lib/items/report';
import { TableScroll } from '@/app/_components/table-scroll';

export async function ItemTable({ rows }: { rows: ItemReportRow[] }) {
  const [t, format] = await Promise.all([getTranslations('items'), getFormatter()]);
  const pct = (x: number | null) => (x === null ? '—' : format.number(x, { style: 'percent', maximumFractionDigits: 0 }));
  const num = (x: number | null) => (x === null ? '—' : format.number(x, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('title')}>
      <TableScroll label={t('title')}>
        <table>
          <caption className="visually-hidden">{t('title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('question')}</th>
              <th scope="col">{t('answered')}</th>
              <th scope="col">{t('difficulty')}</th>
              <th scope="col">{t('discrimination')}</th>
              <th scope="col">{t('options')}</th>
              <th scope="col">{t('flags')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.moduleId}/${r.questionId}`}>
                <th scope="row">
                  <span className="meta">
                    {r.tier} · {r.moduleTitle} · <code>{r.questionId}</code>
                  </span>
                  <br />
                  {r.prompt}
                </th>
                <td>{r.answered}</td>
                <td>{pct(r.difficulty)}</td>
                <td>{num(r.discrimination)}</td>
                <td>
                  <ul className="option-shares">
                    {r.options.map((o) => (
                      <li key={o.id} title={o.text}>
                        {o.label} {pct(o.share)}
                        {o.correct && <strong> ({t('key')})</strong>}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {r.flags.map((f) => (
                    <span key={f} className="status status-flag">
                      {t(`flag.${f}`)}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
