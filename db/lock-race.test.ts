import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPath } from './lock';

const CONTENDERS = 10;
const ROUNDS = 50;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-lock-race-'));
let children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`contender exited (${code})`)));
  });
}

describe('data directory lock under contention', () => {
  it(`gives a stale lock to exactly one of ${CONTENDERS} simultaneous starters, ${ROUNDS} rounds in a row`, async () => {
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('exit', r));
    children = Array.from({ length: CONTENDERS }, () =>
      fork(path.join(__dirname, '..', 'test', 'lock-contender.ts'), [dir], { execArgv: ['--import', 'tsx'] }),
    );
    await Promise.all(children.map((c) => nextMessage(c)));
    const winners: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Each round starts from a lock whose holder has died (a crashed server).
      fs.writeFileSync(lockPath(dir), JSON.stringify({ pid: dead.pid, port: null, token: `dead-${round}`, startedAt: '' }));
      const at = Date.now() + 30;
      const replies = children.map((c) => nextMessage<{ outcome: string }>(c));
      for (const c of children) c.send({ round, at });
      const outcomes = (await Promise.all(replies)).map((r) => r.outcome);
      expect(outcomes.filter((o) => o.startsWith('error'))).toEqual([]);
      winners.push(outcomes.filter((o) => o === 'won').length);
    }
    expect(winners).toEqual(Array(ROUNDS).fill(1));
  }, 60_000);
});
