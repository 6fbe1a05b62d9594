// Load for multi-step flows autocannon cannot express (the LTI launch's four requests): `connections`
// virtual users each run `flow()` back to back for `duration` seconds; a flow's latency is its whole
// round trip. Same result shape as load.mjs, with the server's RSS and CPU sampled meanwhile.
import { cpuSnapshot, cpuUsage, waitForQuiet } from './cpu.mjs';
import { processTree, sampleRss } from './server.mjs';

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (x, d = 1) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

async function drive(flow, connections, seconds, onDone) {
  const until = performance.now() + seconds * 1000;
  let seq = 0;
  const user = async () => {
    while (performance.now() < until) {
      const i = seq++;
      const t = performance.now();
      try {
        await flow(i);
        onDone(performance.now() - t, null);
      } catch (err) {
        onDone(performance.now() - t, err);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, user));
}

/** `flow(i)` resolves when flow number i completed as expected and throws otherwise (counted as a failure, message kept). */
export async function runFlowLoad({ id, name, flow, connections, duration, warmup = 0, serverPids = [], quietWaitMs = 0 }) {
  const pids = () => serverPids.flatMap((p) => processTree(p));
  const quiet = quietWaitMs > 0 ? await waitForQuiet({ maxMs: quietWaitMs, serverPids: pids() }) : null;
  if (warmup > 0) await drive(flow, connections, warmup, () => {});
  const latencies = [];
  const failures = {};
  let failed = 0;
  const rss = serverPids.map((p) => sampleRss(p));
  const cpuBefore = cpuSnapshot();
  const t = performance.now();
  await drive(flow, connections, duration, (ms, err) => {
    if (!err) return latencies.push(ms);
    failed++;
    const key = String(err.message).slice(0, 120);
    failures[key] = (failures[key] ?? 0) + 1;
  });
  const seconds = (performance.now() - t) / 1000;
  const memory = rss.map((r) => r.stop());
  const cpu = cpuUsage(cpuBefore, cpuSnapshot(), pids());
  latencies.sort((a, b) => a - b);
  return {
    id,
    name,
    connections,
    duration: round(seconds),
    requests: latencies.length + failed,
    rps: round(latencies.length / seconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? null),
    non2xx: failed,
    errors: failed,
    timeouts: 0,
    failures,
    statuses: failures,
    rssMb: memory.length ? Math.max(...memory.map((m) => m.peakMb)) : null,
    rssEndMb: memory.length ? Math.max(...memory.map((m) => m.endMb)) : null,
    cpu,
    quiet,
  };
}
