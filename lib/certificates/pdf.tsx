import 'server-only';
import { Document, Image, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer';
import QRCode from 'qrcode';
import type { LocalizedText } from '@/db/schema';
import type { Locale } from '@/lib/i18n/locales';
import { FONT_FAMILY, withSharedFonts } from '@/lib/pdf/fonts';

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
  facts: { flexDirection: 'column' },
  qr: { width: 110, height: 110 },
  small: { fontSize: 9, color: '#4a5866', marginTop: 4 },
});

/** An A4 landscape certificate in one language, with a QR code to its public verification page. */
export async function renderCertificatePdf(c: CertificateData, locale: Locale, labels: CertificateLabels, verifyUrl: string) {
  const qr = await QRCode.toDataURL(verifyUrl, { margin: 1, width: 330 });
  const date = new Intl.DateTimeFormat(locale === 'kk' ? 'kk-KZ' : locale === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'long', timeZone: 'Asia/Almaty' }).format(
    c.issuedAt,
  );
  return withSharedFonts(() =>
    renderToBuffer(
      <Document title={`${labels.heading} ${c.id}`} language={locale}>
        <Page size="A4" orientation="landscape" style={styles.page}>
          <View style={styles.frame}>
            <Text style={styles.heading}>{labels.heading}</Text>
            <Text style={styles.label}>{labels.awardedTo}</Text>
            <Text style={styles.name}>{c.teacherName}</Text>
            <Text style={styles.label}>{c.schoolName[locale]}</Text>
            <Text style={styles.label}>{labels.forCompleting}</Text>
            <Text style={styles.module}>{c.moduleTitle[locale]}</Text>
            <View style={styles.row}>
              <View style={styles.facts}>
                <Text>
                  {labels.tier}: {c.tier}
                </Text>
                <Text>
                  {labels.score}: {c.score}%
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
