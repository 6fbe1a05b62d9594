import 'server-only';
import { Document, Image, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer';
import QRCode from 'qrcode';
import type { Locale } from '@/lib/i18n/locales';
import { FONT_FAMILY, withSharedFonts } from '@/lib/pdf/fonts';
import { plainText, type Handout } from './content';
import type { HandoutView } from './types';

const A4_WIDTH = 595.28;
/**
 * Page margins and the help box's geometry, in points. The help box's columns get explicit
 * widths: with flex-shrink alone react-pdf wraps the helpline text at the full box width and
 * its first line ran under the QR code.
 */
export const HANDOUT_LAYOUT = {
  margin: { top: 42, bottom: 48, left: 46, right: 46, footer: 40 },
  help: { border: 1.5, padding: 8, inset: 9.5, qrSize: 84, gap: 12 },
} as const;
const { margin, help: box } = HANDOUT_LAYOUT;
const helpInner = A4_WIDTH - margin.left - margin.right - 2 * box.inset;

// Black-and-white friendly: dark text, grey rules, no colour needed to read it. Margins keep 15 mm for printers.
const styles = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY,
    fontSize: 10,
    paddingTop: margin.top,
    paddingBottom: margin.bottom,
    paddingHorizontal: margin.left,
    color: '#111111',
    lineHeight: 1.4,
  },
  header: {
    flexDirection: 'row',
    justifyContent: 'space-between',
    alignItems: 'center',
    borderBottom: '1pt solid #555555',
    paddingBottom: 8,
    marginBottom: 10,
  },
  school: { fontSize: 11, fontWeight: 700, lineHeight: 1.3, maxWidth: 380 },
  logo: { width: 40, height: 40, objectFit: 'contain' },
  title: { fontSize: 18, fontWeight: 700, lineHeight: 1.25, marginBottom: 6 },
  intro: { marginBottom: 8 },
  key: { border: '1pt solid #555555', padding: 8, marginBottom: 8 },
  keyItem: { fontWeight: 700, marginBottom: 2 },
  heading: { fontSize: 12.5, fontWeight: 700, lineHeight: 1.3, marginTop: 8, marginBottom: 3 },
  para: { marginBottom: 4 },
  bullet: { flexDirection: 'row', marginBottom: 2 },
  dot: { width: 10 },
  help: { border: `${box.border}pt solid #111111`, padding: box.padding, marginTop: 8 },
  helpRow: { flexDirection: 'row', width: helpInner },
  helpText: { width: helpInner - box.qrSize - box.gap, marginRight: box.gap },
  helpline: { fontSize: 13, fontWeight: 700, lineHeight: 1.3 },
  qr: { width: box.qrSize, height: box.qrSize },
  shortLink: { width: helpInner, marginTop: 4, fontSize: 8.5, color: '#333333', textAlign: 'right' },
  // A plain fixed Text: react-pdf 4.9 dropped the whole footer when it held a `render` (page number) Text.
  footer: { position: 'absolute', bottom: 22, left: margin.left, right: margin.right, fontSize: 7.5, color: '#333333' },
});

function Bullets({ items }: { items: string[] }) {
  return (
    <>
      {items.map((b, i) => (
        <View key={i} style={styles.bullet} wrap={false}>
          <Text style={styles.dot}>•</Text>
          <Text style={{ flex: 1 }}>{plainText(b)}</Text>
        </View>
      ))}
    </>
  );
}

/** The A4 print handout for one school, tier and language (lib/pdf/pool.test.ts reads every glyph back). */
export async function renderHandoutPdf(h: Handout, locale: Locale, view: HandoutView) {
  return withSharedFonts((fontFamily) => renderWithFonts(h, locale, view, fontFamily));
}

async function renderWithFonts(h: Handout, locale: Locale, view: HandoutView, fontFamily: string) {
  const { school, labels } = view;
  const qr = await QRCode.toDataURL(view.pageUrl, { margin: 1, width: 240 });
  const help = h.sections.find((s) => s.id === 'where-to-get-help')!;
  const contacts = [
    school.contactPhone && `${labels.phone}: ${school.contactPhone}`,
    school.contactEmail && `${labels.email}: ${school.contactEmail}`,
    school.address && `${labels.address}: ${school.address}`,
  ].filter(Boolean);
  return renderToBuffer(
    <Document title={`${h.title} · ${school.name[locale]}`} language={locale}>
      <Page size="A4" style={[styles.page, { fontFamily }]}>
        <View style={styles.header} fixed>
          <Text style={styles.school}>{school.name[locale]}</Text>
          {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf images carry no alt */}
          {school.logo && <Image style={styles.logo} src={school.logo} />}
        </View>
        <Text style={styles.title}>{h.title}</Text>
        <Text style={styles.intro}>{h.intro}</Text>
        <View style={styles.key}>
          {h.keyMessages.map((m, i) => (
            <Text key={i} style={styles.keyItem}>
              {i + 1}. {m}
            </Text>
          ))}
        </View>
        {h.sections
          .filter((s) => s.id !== 'where-to-get-help')
          .map((s) => (
            <View key={s.id}>
              <Text style={styles.heading} minPresenceAhead={40}>
                {s.heading}
              </Text>
              {s.paragraphs.map((p, i) => (
                <Text key={i} style={styles.para}>
                  {plainText(p)}
                </Text>
              ))}
              <Bullets items={s.bullets} />
            </View>
          ))}
        <View wrap={false}>
          <Text style={styles.heading}>{help.heading}</Text>
          {help.paragraphs.map((p, i) => (
            <Text key={i} style={styles.para}>
              {plainText(p)}
            </Text>
          ))}
          <Bullets items={help.bullets} />
          <View style={styles.help}>
            <View style={styles.helpRow}>
              <View style={styles.helpText}>
                <Text style={styles.helpline}>{labels.helplineTitle}</Text>
                <Text>{labels.helplineText}</Text>
                <Text style={[styles.heading, { marginTop: 6 }]}>{labels.schoolContact}</Text>
                <Text>{school.name[locale]}</Text>
                {contacts.map((c) => (
                  <Text key={c as string}>{c}</Text>
                ))}
                {school.counsellorName && (
                  <Text>
                    {labels.counsellor}: {school.counsellorName}
                    {school.counsellorContact ? `, ${school.counsellorContact}` : ''}
                  </Text>
                )}
              </View>
              {/* eslint-disable-next-line jsx-a11y/alt-text -- the link is printed below it */}
              <Image style={styles.qr} src={qr} />
            </View>
            {/* A space before the link is the only place the line may break: the link itself stays whole. */}
            <Text style={styles.shortLink}>
              {labels.scan}: {view.shortUrl}
            </Text>
          </View>
        </View>
        <Text style={styles.footer} fixed>
          {labels.sources}
        </Text>
      </Page>
    </Document>,
  );
}
