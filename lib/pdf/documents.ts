import { renderCertificatePdf } from '@/lib/certificates/pdf';
import { renderTierCertificatePdf } from '@/lib/certificates/tier-pdf';
import { renderHandoutPdf } from '@/lib/handouts/pdf';
import { renderWorksheetPdf } from '@/lib/kits/pdf';
import { renderTemplatePdf } from '@/lib/templates/pdf';

/**
 * Every PDF the app renders, by name. The render pool's workers and the in-process fallback
 * call the same functions; their arguments are plain data (structured-cloneable), so a job
 * can cross to a worker thread as it is.
 */
export const pdfDocuments = {
  handout: renderHandoutPdf,
  certificate: renderCertificatePdf,
  tierCertificate: renderTierCertificatePdf,
  worksheet: renderWorksheetPdf,
  template: renderTemplatePdf,
};

export type PdfKind = keyof typeof pdfDocuments;
export type PdfJob = { [K in PdfKind]: { kind: K; args: Parameters<(typeof pdfDocuments)[K]> } }[PdfKind];

export async function renderPdfHere(job: PdfJob): Promise<Uint8Array> {
  const render = pdfDocuments[job.kind] as (...args: unknown[]) => Promise<Uint8Array>;
  return render(...job.args);
}
