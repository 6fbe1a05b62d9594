// Builds the service worker (lib/offline/worker/sw.ts, on Serwist) into public/sw.js. Run before
// `next build` by `npm run build`, `npm start` and the e2e server; public/sw.js is not committed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');

export async function buildServiceWorker() {
  await build({
    entryPoints: [path.join(root, 'lib/offline/worker/sw.ts')],
    outfile: path.join(root, 'public/sw.js'),
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === here) await buildServiceWorker();
