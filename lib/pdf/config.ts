import { env } from '@/env';

/** PDF_WORKERS (0 renders in-process); default one worker per core. Checked with the rest of the environment. */
export const pdfWorkerCount = () => env().PDF_WORKERS;

/** PDF_WORKER_HEAP_MB: each worker's old-generation heap limit (default 128). */
export const workerHeapMb = () => env().PDF_WORKER_HEAP_MB;
