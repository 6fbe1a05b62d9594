// The entry of each render-pool worker thread (lib/pdf/pool.ts), built to plain JavaScript by
// scripts/build-workers.mjs: Next bundles the server, so a worker cannot load its sources directly.
// Fonts are registered once per worker, on its first document, and then reused.
import { renderPdfHere, type PdfJob } from '@/lib/pdf/documents';

export default async function renderInWorker(job: PdfJob): Promise<Uint8Array> {
  const bytes = await renderPdfHere(job);
  // A plain Uint8Array crosses back to the main thread without Buffer's pooled backing store.
  return new Uint8Array(bytes);
}
