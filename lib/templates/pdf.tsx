import { Document, Page, Text, View, renderToBuffer } from '@react-pdf/renderer';
import type { Locale } from '@/lib/i18n/locales';
import { withSharedFonts } from '@/lib/pdf/fonts';
import { PrintFooter, PrintHeader, TickBoxes, WritingLines, print } from '@/lib/pdf/print';
import type { Template, TemplateBlock } from './content';
import { BLANK, fill, placeholderValues, type TemplateSchool } from './fill';

export type TemplateLabels = {
  kind: string;
  footer: string;
  school: string;
  address: string;
  phone: string;
  email: string;
  counsellor: string;
  helpline: string;
  police: string;
  emergency: string;
  localBodies: string[];
};

function Contacts({ heading, values, labels }: { heading: string; values: ReturnType<typeof placeholderValues>; labels: TemplateLabels }) {
  const rows: [string, string][] = [
    [labels.school, values.school],
    [labels.address, values.address],
    [labels.phone, values.phone],
    [labels.email, values.email],
    [
      labels.counsellor,
      values.counsellor === BLANK ? BLANK : `${values.counsellor}${values.counsellorContact === BLANK ? '' : `, ${values.counsellorContact}`}`,
    ],
    ...labels.localBodies.map((l): [string, string] => [l, BLANK]),
  ];
  return (
    <View wrap={false}>
      <Text style={print.heading}>{heading}</Text>
      <View style={print.help}>
        <Text style={print.strong}>{labels.helpline}</Text>
        <Text>{labels.police}</Text>
        <Text style={{ marginBottom: 4 }}>{labels.emergency}</Text>
        {rows.map(([k, v]) => (
          <Text key={k}>
            <Text style={print.strong}>{k}: </Text>
            {v}
          </Text>
        ))}
      </View>
    </View>
  );
}

function Block({
  block,
  values,
  labels,
  landscape,
}: {
  block: TemplateBlock;
  values: ReturnType<typeof placeholderValues>;
  labels: TemplateLabels;
  landscape: boolean;
}) {
  const f = (s: string) => fill(s, values);
  if (block.kind === 'contacts') return <Contacts heading={f(block.heading)} values={values} labels={labels} />;
  const heading = block.heading && (
    <Text style={print.heading} minPresenceAhead={60}>
      {f(block.heading)}
    </Text>
  );
  if (block.kind === 'text') {
    return (
      <View>
        {heading}
        {block.paragraphs.map((p, i) => (
          <Text key={i} style={print.para}>
            {f(p)}
          </Text>
        ))}
      </View>
    );
  }
  if (block.kind === 'checklist') {
    return (
      <View>
        {heading}
        <TickBoxes items={block.items.map(f)} />
      </View>
    );
  }
  if (block.kind === 'fields') {
    // The heading travels with the first field so it is never left alone at the foot of a page.
    return (
      <View>
        {block.fields.map((field, i) => (
          <View key={field.id} wrap={false} style={{ marginBottom: 4 }}>
            {i === 0 && heading}
            <Text style={{ fontSize: 9.5, color: '#222222' }}>{f(field.label)}</Text>
            <WritingLines count={field.lines} />
          </View>
        ))}
      </View>
    );
  }
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  // Widths in points: percentage widths lost some of the cell borders in react-pdf 4.9.
  const inner = (landscape ? 842 : 595) - 2 * 46 - 1;
  const widthOf = (w: number) => Math.floor((inner * w) / total);
  const cell = { borderRight: '0.75pt solid #555555', padding: 3 } as const;
  return (
    <View>
      {heading}
      <View style={{ border: '0.75pt solid #555555', borderRight: 0 }}>
        <View style={{ flexDirection: 'row', backgroundColor: '#eeeeee', borderBottom: '0.75pt solid #555555' }} fixed>
          {block.columns.map((c) => (
            <View key={c.id} style={[cell, { width: widthOf(c.width) }]}>
              <Text style={{ fontSize: 8.5, fontWeight: 700, lineHeight: 1.25 }}>{f(c.label)}</Text>
            </View>
          ))}
        </View>
        {Array.from({ length: block.rows }, (_, r) => (
          <View key={r} style={{ flexDirection: 'row', borderBottom: '0.75pt solid #999999', height: landscape ? 34 : 30 }} wrap={false}>
            {block.columns.map((c) => (
              <View key={c.id} style={[cell, { width: widthOf(c.width) }]} />
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}

type TemplateProps = { t: Template; locale: Locale; school: TemplateSchool; labels: TemplateLabels; fontFamily: string };

function TemplateDocument({ t, locale, school, labels, fontFamily }: TemplateProps) {
  const values = placeholderValues(school, locale);
  const landscape = t.orientation === 'landscape';
  return (
    <Document title={`${t.title} · ${values.school}`} language={locale}>
      <Page size="A4" orientation={t.orientation} style={[print.page, { fontFamily }]}>
        <PrintHeader school={values.school} kind={labels.kind} />
        <Text style={print.title}>{fill(t.title, values)}</Text>
        {t.blocks.map((b) => (
          <Block key={b.id} block={b} values={values} labels={labels} landscape={landscape} />
        ))}
        <PrintFooter text={labels.footer} />
      </Page>
    </Document>
  );
}

/** One school template, filled with the school's name and contacts; what the profile lacks prints as a blank. */
export async function renderTemplatePdf(t: Template, locale: Locale, school: TemplateSchool, labels: TemplateLabels) {
  return withSharedFonts((fontFamily) => renderToBuffer(<TemplateDocument t={t} locale={locale} school={school} labels={labels} fontFamily={fontFamily} />));
}
