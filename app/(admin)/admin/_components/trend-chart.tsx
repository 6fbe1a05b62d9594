import { useTranslations } from 'next-intl';
import type { CompletionSummary } from '@/lib/completion/summarize';

/** Cumulative completions per week as a server-rendered SVG: no chart library shipped to the browser. */
export function TrendChart({ points }: { points: CompletionSummary['overTime'] }) {
  const t = useTranslations('admin');
  if (points.length === 0) return null;
  const w = 640;
  const h = 180;
  const pad = 32;
  const max = Math.max(...points.map((p) => p.completed), 1);
  const x = (i: number) => pad + (points.length === 1 ? (w - 2 * pad) / 2 : (i * (w - 2 * pad)) / (points.length - 1));
  const y = (v: number) => h - pad - (v / max) * (h - 2 * pad);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.completed).toFixed(1)}`).join(' ');
  const last = points.at(-1)!;
  return (
    <section aria-labelledby="trend">
      <h2 id="trend">{t('overTime')}</h2>
      <figure className="chart">
        <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-labelledby="trend-desc">
          <desc id="trend-desc">{t('overTimeDesc', { count: last.completed, week: last.week })}</desc>
          <line x1={pad} y1={h - pad} x2={w - pad} y2={h - pad} stroke="#8795a3" />
          <path d={path} fill="none" stroke="#0b5cad" strokeWidth="3" />
          {points.map((p, i) => (
            <circle key={p.week} cx={x(i)} cy={y(p.completed)} r="4" fill="#0b5cad" />
          ))}
          <text x={pad} y={h - 8} fontSize="12" fill="#4a5866">
            {points[0]!.week}
          </text>
          <text x={w - pad} y={h - 8} fontSize="12" fill="#4a5866" textAnchor="end">
            {last.week}
          </text>
          <text x={pad} y={pad - 10} fontSize="12" fill="#4a5866">
            {max}
          </text>
        </svg>
      </figure>
    </section>
  );
}
