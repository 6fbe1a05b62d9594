import 'server-only';
import { Document, Image, Page, Text, View } from '@react-pdf/renderer';
import type { ComponentProps, ReactNode } from 'react';
import QRCode from 'qrcode';
import type { Locale } from '@/lib/i18n/locales';

/** The sizes each certificate gives the shared layout (a module's is larger than an age group's). */
export type CertificateStyles = Record<'page' | 'frame' | 'heading' | 'label' | 'name' | 'row' | 'qr' | 'small', ComponentProps<typeof View>['style']>;

export type CertificateFrame = {
  id: string;
  locale: Locale;
  styles: CertificateStyles;
  labels: { heading: string; awardedTo: string; forCompleting: string; verify: string; evidence: string };
  teacherName: string;
  schoolName: string;
  /** What was completed: under "for completing". */
  subject: ReactNode;
  /** Lines beside the QR code, before the verification address. */
  facts: string[];
  verifyUrl: string;
  /** The QR code of `verifyUrl` (qrDataUrl). */
  qr: string;
};

/** The date a certificate was issued, in the school's time zone, as the language writes it. */
export const issuedOn = (date: Date, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'kk' ? 'kk-KZ' : locale === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'long', timeZone: 'Asia/Almaty' }).format(date);

export const qrDataUrl = (url: string, width: number) => QRCode.toDataURL(url, { margin: 1, width });

/** The A4 landscape page every certificate shares: who, which school, what, the facts and the QR code to its public check. */
export function CertificateDocument(c: CertificateFrame) {
  const { styles, labels } = c;
  return (
    <Document title={`${labels.heading} ${c.id}`} language={c.locale}>
      <Page size="A4" orientation="landscape" style={styles.page}>
        <View style={styles.frame}>
          <Text style={styles.heading}>{labels.heading}</Text>
          <Text style={styles.label}>{labels.awardedTo}</Text>
          <Text style={styles.name}>{c.teacherName}</Text>
          <Text style={styles.label}>{c.schoolName}</Text>
          <Text style={styles.label}>{labels.forCompleting}</Text>
          {c.subject}
          <View style={styles.row}>
            <View>
              {c.facts.map((line) => (
                <Text key={line}>{line}</Text>
              ))}
              <Text style={styles.small}>
                {labels.verify}: {c.verifyUrl}
              </Text>
              <Text style={styles.small}>{labels.evidence}</Text>
            </View>
            {/* react-pdf's Image has no alt; the URL is printed beside it. */}
            {/* eslint-disable-next-line jsx-a11y/alt-text */}
            <Image style={styles.qr} src={c.qr} />
          </View>
        </View>
      </Page>
    </Document>
  );
}
