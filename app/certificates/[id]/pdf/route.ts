import { getCertificate } from '@/db/queries/certificates';
import { getTierCertificate } from '@/db/queries/tier-certificates';
import { CERTIFICATE_ID } from '@/lib/certificates/id';
import { certificateLabels } from '@/lib/certificates/labels';
import { tierCertificateLabels } from '@/lib/certificates/tier-labels';
import { isLocale } from '@/lib/i18n/locales';
import { missingPage } from '@/lib/i18n/missing-page';
import { renderPdf } from '@/lib/pdf/pool';
import { publicOrigin } from '@/lib/server/origin';
import { getPageLocale } from '@/app/_lib/locale';

export const runtime = 'nodejs';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = (await params).id;
  const cert = CERTIFICATE_ID.test(id) ? await getCertificate(id) : undefined;
  const url = new URL(request.url);
  const lang = url.searchParams.get('lang');
  const locale = isLocale(lang) ? lang : await getPageLocale();
  const tierCert = !cert && CERTIFICATE_ID.test(id) ? await getTierCertificate(id) : undefined;
  if (!cert && !tierCert) return missingPage('certificate', locale, id.slice(0, 40));
  const verifyUrl = `${publicOrigin(request)}/certificates/${id}`;
  const pdf = cert
    ? await renderPdf({ kind: 'certificate', args: [cert, locale, await certificateLabels(locale), verifyUrl] })
    : await renderPdf({ kind: 'tierCertificate', args: [tierCert!, locale, await tierCertificateLabels(locale), verifyUrl] });
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${id}.pdf"`,
      'cache-control': 'public, max-age=86400, immutable',
    },
  });
}
