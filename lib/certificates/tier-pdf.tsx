import 'server-only';
import { StyleSheet, Text, renderToBuffer } from '@react-pdf/renderer';
import type { LocalizedText } from '@/db/schema';
import type { Locale } from '@/lib/i18n/locales';
import { withSharedFonts } from '@/lib/pdf/fonts';
import { CertificateDocument, issuedOn, qrDataUrl } from './layout';

export type TierCertificateData = {
  id: string;
  teacherName: string;
  schoolName: LocalizedText;
  moduleTitles: LocalizedText[];
  tier: string;
  minutes: number;
  issuedAt: Date;
};

export type TierCertificateLabels = {
  heading: string;
  awardedTo: string;
  forCompleting: string;
  modules: string;
  hours: string;
  date: string;
  number: string;
  verify: string;
  evidence: string;
};

/** Study time in hours, to one decimal place, as a person would say it. */
export const studyHours = (minutes: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'en' ? 'en-GB' : `${locale}-KZ`, { maximumFractionDigits: 1 }).format(minutes / 60);

const styles = StyleSheet.create({
  page: { padding: 48, fontSize: 11, color: '#1b2530' },
  frame: { border: '2pt solid #0b5cad', padding: 30, flexGrow: 1 },
  heading: { fontSize: 26, fontWeight: 700, color: '#0b5cad', marginBottom: 16, lineHeight: 1.2 },
  label: { fontSize: 10, color: '#4a5866', marginTop: 10 },
  name: { fontSize: 22, fontWeight: 700, marginTop: 4, lineHeight: 1.25 },
  tier: { fontSize: 16, fontWeight: 700, marginTop: 4 },
  item: { fontSize: 10, marginTop: 2, lineHeight: 1.3 },
  row: { flexDirection: 'row', marginTop: 18, justifyContent: 'space-between', alignItems: 'flex-end' },
  qr: { width: 100, height: 100 },
  small: { fontSize: 8, color: '#4a5866', marginTop: 4 },
});

/** An A4 landscape certificate for a whole age group, with its modules, the study hours and a QR code. */
export async function renderTierCertificatePdf(c: TierCertificateData, locale: Locale, labels: TierCertificateLabels, verifyUrl: string) {
  const qr = await qrDataUrl(verifyUrl, 300);
  const facts = [`${labels.hours}: ${studyHours(c.minutes, locale)}`, `${labels.date}: ${issuedOn(c.issuedAt, locale)}`, `${labels.number}: ${c.id}`];
  const subject = (
    <>
      <Text style={styles.tier}>{c.tier}</Text>
      <Text style={styles.label}>{labels.modules}</Text>
      {c.moduleTitles.map((t, i) => (
        <Text key={i} style={styles.item}>
          {i + 1}. {t[locale]}
        </Text>
      ))}
    </>
  );
  return withSharedFonts((family) =>
    renderToBuffer(
      <CertificateDocument
        id={c.id}
        locale={locale}
        styles={{ ...styles, page: { ...styles.page, fontFamily: family } }}
        labels={labels}
        teacherName={c.teacherName}
        schoolName={c.schoolName[locale]}
        subject={subject}
        facts={facts}
        verifyUrl={verifyUrl}
        qr={qr}
      />,
    ),
  );
}
