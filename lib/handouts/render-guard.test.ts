import { describe, expect, it } from 'vitest';
import { RenderBusyError, RenderGate } from './render-gate';
import { RenderRateLimit } from './render-rate';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('RenderGate', () => {
  it('runs at most maxActive at once, queues maxQueued, refuses the rest with a retry time', async () => {
    const gate = new RenderGate(2, 3, 7);
    let running = 0;
    let peak = 0;
    const release: Array<() => void> = [];
    const work = () =>
      new Promise<string>((resolve) => {
        running++;
        peak = Math.max(peak, running);
        release.push(() => {
          running--;
          resolve('done');
        });
      });
    const results = Array.from({ length: 10 }, () =>
      gate.run(work).then(
        (v) => v,
        (e: unknown) => e,
      ),
    );
    await tick();
    expect(gate.load).toEqual({ active: 2, queued: 3 });
    expect(gate.isFull).toBe(true);
    const settled = await Promise.all(results.slice(5));
    for (const e of settled) {
      expect(e).toBeInstanceOf(RenderBusyError);
      expect((e as RenderBusyError).retryAfterSeconds).toBe(7);
    }
    while (release.length) {
      release.shift()!();
      await tick();
    }
    expect(await Promise.all(results.slice(0, 5))).toEqual(Array(5).fill('done'));
    expect(peak).toBe(2);
    expect(gate.load).toEqual({ active: 0, queued: 0 });
    expect(gate.isFull).toBe(false);
  });

  it('frees its slot when a render fails', async () => {
    const gate = new RenderGate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error('font missing')))).rejects.toThrow('font missing');
    expect(await gate.run(async () => 'next')).toBe('next');
    expect(gate.load).toEqual({ active: 0, queued: 0 });
  });

  it('lets a caller that must wait queue past the bound', async () => {
    const gate = new RenderGate(1, 0);
    let finish!: () => void;
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    // The gate starts work on a later turn of the event loop: wait for it, not for a timer.
    const first = gate.run(
      () =>
        new Promise<void>((r) => {
          finish = r;
          started();
        }),
    );
    await running;
    await expect(gate.run(async () => 'x')).rejects.toBeInstanceOf(RenderBusyError);
    const waiting = gate.run(async () => 'zip', { queueAlways: true });
    finish();
    await first;
    expect(await waiting).toBe('zip');
  });
});

describe('RenderRateLimit', () => {
  it('allows a burst, then refills at the given rate', () => {
    const limit = new RenderRateLimit(3, 6);
    const t0 = 1_000_000;
    expect([limit.take('a', t0), limit.take('a', t0), limit.take('a', t0)]).toEqual([null, null, null]);
    expect(limit.take('a', t0)).toBe(10);
    expect(limit.take('b', t0)).toBeNull();
    expect(limit.take('a', t0 + 10_000)).toBeNull();
    expect(limit.take('a', t0 + 10_000)).toBe(10);
  });

  it('remembers a bounded number of clients', () => {
    const limit = new RenderRateLimit(1, 1, 100);
    for (let i = 0; i < 1000; i++) limit.take(`10.0.${i >> 8}.${i & 255}`, 0);
    expect(limit.clients).toBe(100);
    expect(limit.take('10.0.3.231', 0)).not.toBeNull();
  });
});
