import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPglite } from './client';
import { makePrivate } from './private-dir';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** Paths under `dir` that the group or others may read, write or enter. */
function exposed(dir: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = fs.lstatSync(p);
    if ((st.mode & 0o077) !== 0) out.push(`${path.relative(dir, p) || '.'} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name));
  };
  walk(dir);
  return out;
}

describe('embedded data directory permissions', () => {
  it('creates the directory and every database file readable by the owner only', async () => {
    process.umask(0o022);
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-perm-'));
    dirs.push(parent);
    const dir = path.join(parent, 'data');
    const handle = await openPglite(dir);
    try {
      await handle.pglite!.exec('create table t (secret text); insert into t values ($$hash$$); checkpoint;');
      expect(fs.readdirSync(path.join(dir, 'pgdata')).length).toBeGreaterThan(5);
      expect(exposed(dir)).toEqual([]);
    } finally {
      await handle.close();
    }
    expect(exposed(dir)).toEqual([]);
    const reopened = await openPglite(dir);
    await reopened.close();
    expect(exposed(dir)).toEqual([]);
  }, 120_000);

  it('tightens a directory left world-readable by an older version', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-perm-'));
    dirs.push(dir);
    fs.chmodSync(dir, 0o755);
    fs.mkdirSync(path.join(dir, 'pgdata', 'base'), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'pgdata', 'base', '1259'), 'rows', { mode: 0o644 });
    fs.writeFileSync(path.join(dir, 'auth-secret'), 'secret', { mode: 0o666 });
    fs.chmodSync(path.join(dir, 'auth-secret'), 0o666);
    makePrivate(dir);
    expect(exposed(dir)).toEqual([]);
    expect(fs.statSync(path.join(dir, 'pgdata', 'base', '1259')).mode & 0o777).toBe(0o600);
  });
});
