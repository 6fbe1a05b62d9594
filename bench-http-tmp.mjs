import { signIn } from './bench/session.mjs';
import { runLoad } from './bench/load.mjs';
const base = 'http://127.0.0.1:3126';
const cookie = await signIn(base, 'operator@bench.kko');
for (const path of ['/operator/items', '/operator/items?module=13-14-living-online&lang=kk']) {
  const r = await runLoad({ id: 'items', name: path, baseUrl: base, request: { method: 'GET', path, headers: { cookie } }, connections: 4, duration: 10, warmup: 2 });
  console.log(path, JSON.stringify({ rps: r.rps, p50: r.p50, p95: r.p95, p99: r.p99, statuses: r.statuses, bytes: r.bytesPerResponse }));
}
