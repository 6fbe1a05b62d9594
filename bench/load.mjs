// One load scenario: autocannon at a fixed concurrency for a fixed time, with our own latency
// percentiles (autocannon reports p97.5, not p95) and the server's RSS sampled meanwhile.
import autocannon from 'autocannon';
import { cpuSnapshot, cpuUsage, waitForQuiet } from './cpu.mjs';
import { processTree, sampleRss } from './server.mjs';

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (x, d = 1) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

function fire(opts, onResponse) {
  const instance = autocannon(opts);
  if (onResponse) instance.on('response', onResponse);
  return instance;
}

/**
 * `request`: one autocannon request object (method, path, headers, body, setupRequest, onResponse).
 * `serverPid`: the process whose RSS is sampled. `warmup` seconds are run first and discarded.
 */
export async function runLoad({ id, name, baseUrl, request, connections, duration, warmup = 0, serverPid, extraPids = [], timeout = 30, quietWaitMs = 0 }) {
  // extraPids: more processes counted as the server (the other app processes and nginx when scaled out).
  const serverTree = () => [...(serverPid ? processTree(serverPid) : []), ...extraPids.flatMap((p) => processTree(p))];
  const opts = { url: baseUrl, connections, timeout, requests: [request] };
  const quiet = quietWaitMs > 0 ? await waitForQuiet({ maxMs: quietWaitMs, serverPids: serverTree() }) : null;
  if (warmup > 0) await fire({ ...opts, duration: warmup });
  const latencies = [];
  const statuses = {};
  const rss = serverPid ? sampleRss(serverPid) : null;
  const cpuBefore = cpuSnapshot();
  const result = await fire({ ...opts, duration }, (_client, status, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const memory = rss?.stop() ?? null;
  const cpu = cpuUsage(cpuBefore, cpuSnapshot(), serverTree());
  latencies.sort((a, b) => a - b);
  const ok = Object.entries(statuses).reduce((n, [s, c]) => (s >= 200 && s < 300 ? n + c : n), 0);
  return {
    id,
    name,
    connections,
    duration: result.duration,
    requests: latencies.length,
    rps: round(ok / result.duration),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? null),
    non2xx: latencies.length - ok,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    bytesPerResponse: latencies.length ? Math.round(result.throughput.total / latencies.length) : 0,
    rssMb: memory?.peakMb ?? null,
    rssEndMb: memory?.endMb ?? null,
    cpu,
    quiet,
  };
}
