// The DESIGN.md and issue targets, each checked against what the same run measured.
import { fmt, ratio } from './format.mjs';

export function targets(r) {
  const s = Object.fromEntries(r.scenarios.filter((x) => x.id).map((x) => [x.id, x]));
  const rat = Object.fromEntries(r.ratios.map((x) => [x.id, x]));
  const q = s.quiz;
  const appRss = Math.max(...r.scenarios.filter((x) => x.rssMb).map((x) => x.rssMb));
  const row = (target, measured, pass) => ({ target, measured, pass });
  return [
    row(
      'school dashboard p95 ≤ 50 ms',
      `GET /admin p95 ${fmt(s.dashboard?.p95)} ms @${s.dashboard?.connections}; queries ${fmt(r.explain?.dashboardTotalMs)} ms (EXPLAIN, sum)`,
      s.dashboard?.p95 <= 50,
    ),
    row(
      'national roll-up ≤ 1 s',
      `GET /operator p50 ${fmt(s.rollup?.p50)} ms, p95 ${fmt(s.rollup?.p95)} ms @${s.rollup?.connections} (${fmt(Math.round((s.rollup?.bytesPerResponse ?? 0) / 1024))} kB); snapshot read ${fmt(r.explain?.rollup.execMs)} ms, refresh ${fmt(r.explain?.refreshTotalMs)} ms`,
      s.rollup?.p95 <= 1000,
    ),
    row(
      'item statistics p95 ≤ 50 ms (dashboard target)',
      `GET /operator/items p95 ${fmt(s.items?.p95)} ms @${s.items?.connections}; snapshot refresh ${fmt(r.itemStats?.itemRefreshMs)} ms over ${fmt(r.itemStats?.sizes.submitted_attempts)} submitted attempts`,
      s.items?.p95 <= 50,
    ),
    row(
      'quiz submissions ≥ 500/s @100, zero lost or doubled',
      `${fmt(q?.rps)}/s; lost ${q?.verification.lost}, doubled ${q?.verification.doubled}`,
      q?.rps >= 500 && q?.verification.ok,
    ),
    row(
      'lesson page ≥ 0.5 × static /about',
      `${ratio(s.lesson?.rps, rat.lesson?.about)} × (${fmt(s.lesson?.rps)} vs ${fmt(rat.lesson?.about)} req/s)`,
      rat.lesson?.toAbout >= 0.5,
    ),
    row(
      'quiz submission ≥ 0.5 × static /about',
      `${ratio(q?.rps, rat.quiz?.about)} × (${fmt(q?.rps)} vs ${fmt(rat.quiz?.about)} req/s)`,
      rat.quiz?.toAbout >= 0.5,
    ),
    jsRow(r.firstLoadJs, 'lesson', 'lesson first-load JS ≤ 100 kB gzip'),
    jsRow(r.firstLoadJs, 'quiz', 'quiz first-load JS ≤ 120 kB gzip (mid-quiz)'),
    row('handouts ≥ 20 PDFs/s cold', `${fmt(s['handout-cold']?.rps)}/s`, s['handout-cold']?.rps >= 20),
    row(
      'handouts served from cache after',
      `${fmt(s['handout-cached']?.rps)}/s cached, p50 ${fmt(s['handout-cached']?.p50)} ms`,
      s['handout-cached']?.rps > 5 * (s['handout-cold']?.rps ?? Infinity),
    ),
    row('server ≤ 400 MB RSS', `peak ${fmt(appRss)} MB over all app scenarios`, appRss <= 400),
    row(
      'LTI launch ≥ 200/s, p99 ≤ 150 ms @50',
      s['lti-launch']?.skipped ?? `${fmt(s['lti-launch']?.rps)}/s, p99 ${fmt(s['lti-launch']?.p99)} ms`,
      s['lti-launch']?.skipped ? null : s['lti-launch']?.rps >= 200 && s['lti-launch']?.p99 <= 150,
    ),
  ];
}

/** A first-load JS target from bench/js-budget.mjs's rows (or the error that stopped it). */
function jsRow(measured, page, target) {
  if (!measured || measured.error) return { target, measured: `not measured: ${measured?.error ?? 'no result'}`, pass: null };
  const m = measured.find((x) => x.page === page);
  const failed = m?.failed?.length ? `; failed to load: ${m.failed.join(', ')}` : '';
  return { target, measured: `${fmt(m?.gzipKB)} kB gzip in ${m?.scripts} scripts (${m?.path})${failed}`, pass: m ? m.ok : null };
}
