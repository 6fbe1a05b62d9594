import 'server-only';
import { Document, Image, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer';
import QRCode from 'qrcode';
import type { LocalizedText } from '@/db/schema';
import type { Locale } from '@/lib/i18n/locales';
import { withSharedFonts } from '@/lib/pdf/fonts';

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
  const qr = await QRCode.toDataURL(verifyUrl, { margin: 1, width: 300 });
  const date = new Intl.DateTimeFormat(locale === 'kk' ? 'kk-KZ' : locale === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'long', timeZone: 'Asia/Almaty' }).format(
    c.issuedAt,
  );
  return withSharedFonts((family) =>
    renderToBuffer(
      <Document title={`${labels.heading} ${c.id}`} language={locale}>
        <Page size="A4" orientation="landscape" style={{ ...styles.page, fontFamily: family }}>
          <View style={styles.frame}>
            <Text style={styles.heading}>{labels.heading}</Text>
            <Text style={styles.label}>{labels.awardedTo}</Text>
            <Text style={styles.name}>{c.teacherName}</Text>
            <Text style={styles.label}>{c.schoolName[locale]}</Text>
            <Text style={styles.label}>{labels.forCompleting}</Text>
            <Text style={styles.tier}>{c.tier}</Text>
            <Text style={styles.label}>{labels.modules}</Text>
            {c.moduleTitles.map((t, i) => (
              <Text key={i} style={styles.item}>
                {i + 1}. {t[locale]}
              </Text>
            ))}
            <View style={styles.row}>
              <View>
                <Text>
                  {labels.hours}: {studyHours(c.minutes, locale)}
                </Text>
                <Text>
                  {labels.date}: {date}
                </Text>
                <Text>
                  {labels.number}: {c.id}
                </Text>
                <Text style={styles.small}>
                  {labels.verify}: {verifyUrl}
                </Text>
                <Text style={styles.small}>{labels.evidence}</Text>
              </View>
              {/* react-pdf's Image has no alt; the URL is printed beside it. */}
              {/* eslint-disable-next-line jsx-a11y/alt-text */}
              <Image style={styles.qr} src={qr} />
            </View>
          </View>
        </Page>
      </Document>,
    ),
  );
}
