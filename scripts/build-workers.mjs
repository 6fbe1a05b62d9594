// Builds the PDF render worker (lib/pdf/worker/render.ts) into .workers/pdf-render.mjs. Next
// bundles the server's code, so a worker thread needs an entry file of its own in plain JavaScript.
// Run by `npm run build`, `npm start`, `npm run dev` and the e2e server; .workers/ is not committed.
// Packages stay external and load from node_modules at run time.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');
export const pdfWorkerFile = path.join(root, '.workers', 'pdf-render.mjs');

// `server-only` throws outside React's server build; in the worker it has nothing to guard.
const serverOnly = {
  name: 'server-only',
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

export async function buildWorkers() {
  await build({
    entryPoints: [path.join(root, 'lib/pdf/worker/render.ts')],
    outfile: pdfWorkerFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    tsconfig: path.join(root, 'tsconfig.json'),
    plugins: [serverOnly],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === here) await buildWorkers();
