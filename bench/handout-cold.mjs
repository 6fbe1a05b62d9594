// Cold handout PDFs against a running server, without the rest of the bench: every request a
// school × tier × language nobody asked for yet, from its own client address (the server must
// trust X-Forwarded-For from the load generator: TRUSTED_PROXIES=127.0.0.1), so the per-address
// render limit does not turn the run into 429s. Prints PDFs/s, latency, non-2xx and the server's
// peak RSS (VmHWM of --pid: main thread and PDF workers are one process).
//   node bench/handout-cold.mjs --base http://127.0.0.1:3000 --pid <server pid> --prefix bench-pdf- --schools 300 [--connections 8] [--duration 20]
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    pid: { type: 'string' },
    prefix: { type: 'string', default: 'bench-pdf-' },
    schools: { type: 'string', default: '300' },
    connections: { type: 'string', default: '8' },
    duration: { type: 'string', default: '20' },
  },
});
if (!values.base) throw new Error('--base http://host:port is required');
const tiers = ['9-10', '11-12', '13-14', '15-17'];
const paths = [];
for (let s = 1; s <= Number(values.schools); s++)
  for (const tier of tiers) for (const lang of ['kk', 'ru', 'en']) paths.push(`/handouts/${values.prefix}${s}/${tier}.pdf?lang=${lang}`);
// A fresh start in the list each run, so a second run against the same server is cold too.
let next = Math.floor(Math.random() * paths.length);
let client = 0;

const kb = (field) => {
  if (!values.pid) return null;
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${values.pid}/status`, 'utf8'));
  return m ? Number(m[1]) : null;
};
// CPU seconds the server spent (all its threads): PDFs per CPU-second holds even on a busy machine.
const cpuSeconds = () => {
  if (!values.pid) return null;
  const fields = fs.readFileSync(`/proc/${values.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const cpuBefore = cpuSeconds();
const before = kb('VmRSS');
let peak = before ?? 0;
const sampler = setInterval(() => (peak = Math.max(peak, kb('VmRSS') ?? 0)), 100);
const statuses = {};
const result = await autocannon({
  url: values.base,
  connections: Number(values.connections),
  duration: Number(values.duration),
  timeout: 60,
  requests: [
    {
      method: 'GET',
      setupRequest(req) {
        const path = paths[next++ % paths.length];
        client++;
        return { ...req, path, headers: { ...req.headers, 'x-forwarded-for': `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}` } };
      },
    },
  ],
  setupClient(c) {
    c.on('response', (status) => (statuses[status] = (statuses[status] ?? 0) + 1));
  },
});
clearInterval(sampler);
const ok = statuses[200] ?? 0;
const cpu = cpuBefore === null ? null : cpuSeconds() - cpuBefore;
console.log(
  JSON.stringify({
    pdfsPerSecond: Math.round((ok / result.duration) * 10) / 10,
    serverCpuMsPerPdf: cpu === null || ok === 0 ? null : Math.round((cpu * 1000) / ok),
    serverCpuCores: cpu === null ? null : Math.round((cpu / result.duration) * 100) / 100,
    statuses,
    latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
    rssMb: { before: before && Math.round(before / 1024), peakSampled: Math.round(peak / 1024), hwm: kb('VmHWM') && Math.round(kb('VmHWM') / 1024) },
    wrapped: next - paths.length > 0,
  }),
);
