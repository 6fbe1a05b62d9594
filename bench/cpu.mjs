// CPU accounting from /proc during a scenario: the server, the load generator (this process),
// PostgreSQL, and everything else on the machine (other work that would skew the numbers).
import fs from 'node:fs';

function machineTicks() {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { total: f.reduce((a, b) => a + b, 0), idle: f[3] + (f[4] ?? 0) };
}

function processTicks() {
  const out = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(entry), { comm, ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

export function cpuSnapshot() {
  return { machine: machineTicks(), procs: processTicks() };
}

/** Percent of one core (100 = one core busy) per group between two snapshots. */
export function cpuUsage(a, b, serverPids) {
  const wall = b.machine.total - a.machine.total;
  if (wall <= 0) return null;
  const cores = (fs.readFileSync('/proc/stat', 'utf8').match(/^cpu\d+/gm) ?? []).length || 1;
  const perCore = wall / cores;
  const groups = { server: 0, loadgen: 0, postgres: 0, other: 0 };
  const server = new Set(serverPids);
  for (const [pid, p] of b.procs) {
    const d = p.ticks - (a.procs.get(pid)?.ticks ?? 0);
    if (d <= 0) continue;
    const g = server.has(pid) ? 'server' : pid === process.pid ? 'loadgen' : p.comm === 'postgres' ? 'postgres' : 'other';
    groups[g] += d;
  }
  const pct = (t) => Math.round((t / perCore) * 100);
  return {
    machineBusy: Math.round(((wall - (b.machine.idle - a.machine.idle)) / wall) * 100),
    server: pct(groups.server),
    loadgen: pct(groups.loadgen),
    postgres: pct(groups.postgres),
    other: pct(groups.other),
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits (at most `maxMs`) until processes other than ours use less than `threshold` % of one core,
 * so another job on a shared machine does not skew a scenario. Our server is idle between scenarios.
 */
export async function waitForQuiet({ maxMs = 60_000, threshold = 25, windowMs = 1_000, serverPids = [] } = {}) {
  const t = performance.now();
  for (;;) {
    const a = cpuSnapshot();
    await sleep(windowMs);
    const u = cpuUsage(a, cpuSnapshot(), serverPids);
    const other = (u?.other ?? 0) + (u?.postgres ?? 0);
    const waitedMs = Math.round(performance.now() - t);
    if (other < threshold) return { waitedMs, otherPct: other, quiet: true };
    if (waitedMs >= maxMs) return { waitedMs, otherPct: other, quiet: false };
  }
}
