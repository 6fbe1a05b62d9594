import fs from 'node:fs';
import path from 'node:path';

/**
 * The embedded database holds password hashes and the session secret, so its directory is
 * owner-only (0700: others cannot even enter it) and so is every file in it (0600). Postgres
 * creates its files through Node's fs with default modes, so a umask of 077 keeps new files
 * private; files that PGlite chmods itself or that an older version left readable are
 * tightened here.
 */
export function makePrivate(dataDir: string) {
  try {
    process.umask(0o077);
  } catch {
    // Worker threads cannot change the umask; the chmod below still covers existing files.
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  tighten(dataDir);
}

function tighten(p: string) {
  const st = fs.lstatSync(p);
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    if ((st.mode & 0o077) !== 0) fs.chmodSync(p, 0o700);
    for (const name of fs.readdirSync(p)) tighten(path.join(p, name));
  } else if ((st.mode & 0o077) !== 0) {
    fs.chmodSync(p, st.mode & 0o700);
  }
}
