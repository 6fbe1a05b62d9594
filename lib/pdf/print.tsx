import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { FONT_FAMILY } from './fonts';

// Black-and-white friendly A4 pieces shared by worksheets and school templates: dark text, grey
// rules, 15 mm margins for school printers. Headings set their own lineHeight (see notes-pdf).
export const print = StyleSheet.create({
  page: { fontFamily: FONT_FAMILY, fontSize: 10.5, paddingTop: 40, paddingBottom: 50, paddingHorizontal: 46, color: '#111111', lineHeight: 1.4 },
  header: {
    flexDirection: 'row',
    justifyContent: 'space-between',
    alignItems: 'flex-end',
    borderBottom: '1pt solid #555555',
    paddingBottom: 6,
    marginBottom: 10,
  },
  school: { fontSize: 10.5, fontWeight: 700, lineHeight: 1.3, maxWidth: 360 },
  kind: { fontSize: 8.5, color: '#333333', lineHeight: 1.3, textAlign: 'right', maxWidth: 160 },
  title: { fontSize: 17, fontWeight: 700, lineHeight: 1.25, marginBottom: 6 },
  heading: { fontSize: 12, fontWeight: 700, lineHeight: 1.3, marginTop: 10, marginBottom: 4 },
  para: { marginBottom: 5 },
  bullet: { flexDirection: 'row', marginBottom: 3 },
  dot: { width: 12 },
  box: { width: 9, height: 9, border: '1pt solid #111111', marginRight: 6, marginTop: 3 },
  rule: { borderBottom: '0.75pt solid #777777', height: 22 },
  help: { border: '1.5pt solid #111111', padding: 8, marginTop: 12 },
  strong: { fontWeight: 700 },
  footer: {
    position: 'absolute',
    bottom: 22,
    left: 46,
    right: 46,
    fontSize: 7.5,
    lineHeight: 1.2,
    color: '#333333',
    flexDirection: 'row',
    justifyContent: 'space-between',
  },
});

export function PrintHeader({ school, kind }: { school: string; kind: string }) {
  return (
    <View style={print.header} fixed>
      <Text style={print.school}>{school}</Text>
      <Text style={print.kind}>{kind}</Text>
    </View>
  );
}

// No page-number `render` Text here: measured with react-pdf 4.9, one inside a fixed footer hides the whole footer.
export function PrintFooter({ text }: { text: string }) {
  return (
    <View style={print.footer} fixed>
      <Text>{text}</Text>
    </View>
  );
}

export function Bullets({ items }: { items: string[] }) {
  return (
    <>
      {items.map((b, i) => (
        <View key={i} style={print.bullet} wrap={false}>
          <Text style={print.dot}>•</Text>
          <Text style={{ flex: 1 }}>{b}</Text>
        </View>
      ))}
    </>
  );
}

/** Tick boxes drawn as squares: the font has no ballot-box glyph, and a missing glyph prints garbled. */
export function TickBoxes({ items }: { items: string[] }) {
  return (
    <>
      {items.map((b, i) => (
        <View key={i} style={print.bullet} wrap={false}>
          <View style={print.box} />
          <Text style={{ flex: 1 }}>{b}</Text>
        </View>
      ))}
    </>
  );
}

export function WritingLines({ count }: { count: number }) {
  return (
    <View>
      {Array.from({ length: count }, (_, i) => (
        <View key={i} style={print.rule} />
      ))}
    </View>
  );
}
