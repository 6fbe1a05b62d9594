import os from 'node:os';

/** PDF_WORKERS (0 renders in-process); default one worker per core. */
export function pdfWorkerCount(env = process.env.PDF_WORKERS): number {
  if (env === undefined || env.trim() === '') return os.availableParallelism();
  const n = Number(env);
  if (!Number.isInteger(n) || n < 0) throw new Error(`PDF_WORKERS must be a whole number of threads (0 or more), not "${env}"`);
  return n;
}

/** PDF_WORKER_HEAP_MB: each worker's old-generation heap limit (default 128). */
export function workerHeapMb() {
  const n = Number(process.env.PDF_WORKER_HEAP_MB ?? 128);
  return Number.isFinite(n) && n >= 32 ? n : 128;
}
