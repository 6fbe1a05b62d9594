import 'server-only';
import { StyleSheet, Text, renderToBuffer } from '@react-pdf/renderer';
import type { LocalizedText } from '@/db/schema';
import type { Locale } from '@/lib/i18n/locales';
import { FONT_FAMILY, withSharedFonts } from '@/lib/pdf/fonts';
import { CertificateDocument, issuedOn, qrDataUrl } from './layout';

export type CertificateData = {
  id: string;
  teacherName: string;
  schoolName: LocalizedText;
  moduleTitle: LocalizedText;
  tier: string;
  score: number;
  issuedAt: Date;
};

export type CertificateLabels = {
  heading: string;
  awardedTo: string;
  forCompleting: string;
  tier: string;
  score: string;
  date: string;
  number: string;
  verify: string;
  evidence: string;
};

const styles = StyleSheet.create({
  page: { fontFamily: FONT_FAMILY, padding: 56, fontSize: 12, color: '#1b2530' },
  frame: { border: '2pt solid #0b5cad', padding: 36, flexGrow: 1 },
  heading: { fontSize: 30, fontWeight: 700, color: '#0b5cad', marginBottom: 24, lineHeight: 1.2 },
  label: { fontSize: 11, color: '#4a5866', marginTop: 14 },
  name: { fontSize: 24, fontWeight: 700, marginTop: 4, lineHeight: 1.25 },
  module: { fontSize: 18, fontWeight: 700, marginTop: 4, lineHeight: 1.3 },
  row: { flexDirection: 'row', marginTop: 28, justifyContent: 'space-between', alignItems: 'flex-end' },
  qr: { width: 110, height: 110 },
  small: { fontSize: 9, color: '#4a5866', marginTop: 4 },
});

/** An A4 landscape certificate in one language, with a QR code to its public verification page. */
export async function renderCertificatePdf(c: CertificateData, locale: Locale, labels: CertificateLabels, verifyUrl: string) {
  const qr = await qrDataUrl(verifyUrl, 330);
  const facts = [`${labels.tier}: ${c.tier}`, `${labels.score}: ${c.score}%`, `${labels.date}: ${issuedOn(c.issuedAt, locale)}`, `${labels.number}: ${c.id}`];
  return withSharedFonts(() =>
    renderToBuffer(
      <CertificateDocument
        id={c.id}
        locale={locale}
        styles={styles}
        labels={labels}
        teacherName={c.teacherName}
        schoolName={c.schoolName[locale]}
        subject={<Text style={styles.module}>{c.moduleTitle[locale]}</Text>}
        facts={facts}
        verifyUrl={verifyUrl}
        qr={qr}
      />,
    ),
  );
}
