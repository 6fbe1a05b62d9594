// Builds the files in public/ that come from source: the service worker (lib/offline/worker/sw.ts,
// on Serwist) into public/sw.js, the quiz page's script (React and react-hook-form, from
// quiz-island.tsx) into public/quiz.js and the app's stylesheet for pages written as plain HTML into
// public/app.css. Run before `next build` by `npm run build`, `npm start` and the e2e server; none is committed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { APP_CSS } from './lesson-css.mjs';

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
  await build({
    entryPoints: [path.join(root, 'app/(learn)/learn/[moduleId]/quiz/_components/quiz-island.tsx')],
    outfile: path.join(root, 'public/quiz.js'),
    bundle: true,
    format: 'iife',
    target: 'es2020',
    jsx: 'automatic',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  await build({
    // The whole app stylesheet, as app/layout.tsx imports it.
    stdin: { contents: APP_CSS.map((file) => `@import ${JSON.stringify(`./${file}`)};`).join('\n'), resolveDir: root, loader: 'css' },
    outfile: path.join(root, 'public/app.css'),
    bundle: true,
    minify: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === here) await buildServiceWorker();
