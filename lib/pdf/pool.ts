import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { Piscina } from 'piscina';
import { pdfWorkerCount, workerHeapMb } from './config';
import { renderPdfHere, type PdfJob } from './documents';

/** Built by scripts/build-workers.mjs; found from the app's folder, never through the bundler. */
export const pdfWorkerFile = () => path.join(process.cwd(), '.workers', 'pdf-render.mjs');

type PoolState = { pool: Piscina | null; threads: number; warned: boolean };
// One pool per process: the route bundles and the job runner (instrumentation) are separate bundles.
const holder = globalThis as typeof globalThis & { __kkoPdfPool?: PoolState };

function poolState(): PoolState {
  if (holder.__kkoPdfPool) return holder.__kkoPdfPool;
  const state: PoolState = { pool: null, threads: 0, warned: false };
  holder.__kkoPdfPool = state;
  let threads: number;
  try {
    threads = pdfWorkerCount();
  } catch (err) {
    console.error(`[kko] ${(err as Error).message}: rendering PDFs on the main thread`);
    return state;
  }
  if (threads === 0) return state;
  const filename = pdfWorkerFile();
  if (!fs.existsSync(filename)) {
    console.warn(`[kko] PDF worker ${filename} not built (node scripts/build-workers.mjs): rendering PDFs on the main thread`);
    state.warned = true;
    return state;
  }
  try {
    state.pool = new Piscina({
      filename,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Number.POSITIVE_INFINITY,
      // Renders are CPU-bound: one at a time per worker, the rest wait in the pool's queue.
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMb() },
    });
    state.threads = threads;
    state.pool.on('error', (err: Error) => console.error('[kko] PDF worker failed:', err.message));
  } catch (err) {
    console.warn(`[kko] PDF worker pool cannot start (${(err as Error).message}): rendering PDFs on the main thread`);
    state.warned = true;
  }
  return state;
}

/** How many PDFs render at once: the pool's threads, or the main thread alone. */
export function pdfRenderThreads() {
  return poolState().threads;
}

/** Renders one PDF on a pool worker, or in this thread when the pool is off or could not start. */
export async function renderPdf(job: PdfJob): Promise<Buffer> {
  const { pool } = poolState();
  if (!pool) return Buffer.from(await renderPdfHere(job));
  let bytes: Uint8Array;
  try {
    bytes = await pool.run(job);
  } catch (err) {
    // A worker that died (out of memory, a broken build) must not cost the reader the document.
    console.error(`[kko] PDF worker could not render a ${job.kind}, rendering it on the main thread:`, (err as Error).message);
    return Buffer.from(await renderPdfHere(job));
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** For tests and shutdown: stops the workers; the next render starts a new pool. */
export async function closePdfPool() {
  const state = holder.__kkoPdfPool;
  holder.__kkoPdfPool = undefined;
  await state?.pool?.destroy();
}
