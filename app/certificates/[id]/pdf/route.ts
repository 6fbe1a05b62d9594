import { getLocale } from 'next-intl/server';
import { getCertificate } from '@/db/queries/certificates';
import { CERTIFICATE_ID } from '@/lib/certificates/id';
import { certificateLabels } from '@/lib/certificates/labels';
import { renderCertificatePdf } from '@/lib/certificates/pdf';
import { isLocale } from '@/lib/i18n/locales';
import { missingPage } from '@/lib/i18n/missing-page';
import { publicOrigin } from '@/lib/server/origin';

export const runtime = 'nodejs';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = (await params).id;
  const cert = CERTIFICATE_ID.test(id) ? await getCertificate(id) : undefined;
  const url = new URL(request.url);
  const lang = url.searchParams.get('lang');
  const locale = isLocale(lang) ? lang : ((await getLocale()) as 'kk' | 'ru' | 'en');
  if (!cert) return missingPage('certificate', locale, id.slice(0, 40));
  const verifyUrl = `${publicOrigin(request)}/certificates/${cert.id}`;
  const pdf = await renderCertificatePdf(cert, locale, await certificateLabels(locale), verifyUrl);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${cert.id}.pdf"`,
      'cache-control': 'public, max-age=86400, immutable',
    },
  });
}
