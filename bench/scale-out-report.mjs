// The scale-out section of the report: req/s per process count behind nginx, the SQL verification
// of the quiz submissions per count, and the cross-process checks.
const fmt = (x) => (x === null || x === undefined ? '–' : typeof x === 'number' ? x.toLocaleString('en-US') : String(x));

export function scaleOutMarkdown(runs) {
  if (!runs?.length) return [];
  const out = ['## Scale-out: N app processes behind nginx, one PostgreSQL', ''];
  out.push(
    'Each count gets fresh `scripts/server.mjs` processes (each on its own port, `TRUSTED_PROXIES=127.0.0.1`, `PUBLIC_URL` = the nginx address) behind nginx running `deploy/nginx/kko-teach-upstream.conf` and the `location /` block of `deploy/nginx/kko-teach.conf` (no TLS). CPU "server" counts every app process and nginx.',
    '',
  );
  const ids = [...new Set(runs.flatMap((r) => r.results.map((x) => x.id.replace(/ ?×.*$/, ''))))];
  const base = (id) => id.split(' ')[0];
  out.push(
    `| scenario | ${runs.map((r) => `×${r.processes} req/s (p50 / p99 ms)`).join(' | ')} | ${runs.map((r) => `×${r.processes} CPU % server / loadgen / pg`).join(' | ')} |`,
  );
  out.push(`|---|${runs.map(() => '---:').join('|')}|${runs.map(() => '---').join('|')}|`);
  for (const id of ids) {
    const cells = runs.map((r) => r.results.find((x) => base(x.id) === base(id)));
    out.push(
      `| ${id} | ${cells.map((c) => (c ? `${fmt(c.rps)} (${fmt(c.p50)} / ${fmt(c.p99)})${c.non2xx ? `, ${fmt(c.non2xx)} failed` : ''}` : '–')).join(' | ')} | ${cells
        .map((c) => (c?.cpu ? `${c.cpu.server} / ${c.cpu.loadgen} / ${c.cpu.postgres}` : '–'))
        .join(' | ')} |`,
    );
  }
  out.push('');
  for (const r of runs) {
    const quiz = r.results.find((x) => x.id.startsWith('quiz'));
    if (quiz?.verification) out.push(`×${r.processes}: quiz submissions verified in SQL: ${JSON.stringify(quiz.verification)}`, '');
    if (r.crossProcess) {
      const c = r.crossProcess;
      out.push(
        `×${r.processes}: ${c.ok ? 'cross-process checks passed' : '**cross-process checks FAILED**'}: signed in on :${c.session.signedInAt}, read marks on :${c.session.readAt} → ${c.session.withCookie} (without the cookie ${c.session.without}); LTI login on :${c.launch.loginAt}, launch on :${c.launch.launchAt}, session on :${c.launch.sessionAt} → ${c.launch.ok ? 'signed in' : c.launch.error}.`,
        '',
      );
    }
    if (r.nginxErrors) out.push(`×${r.processes}: nginx error log (last lines): \`${r.nginxErrors.join(' / ')}\``, '');
  }
  return out;
}
