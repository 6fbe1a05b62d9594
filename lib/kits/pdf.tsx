import { Document, Page, Text, View, renderToBuffer } from '@react-pdf/renderer';
import { plainText } from '@/lib/handouts/content';
import type { Locale } from '@/lib/i18n/locales';
import { withSharedFonts } from '@/lib/pdf/fonts';
import { PrintFooter, PrintHeader, TickBoxes, WritingLines, print } from '@/lib/pdf/print';
import type { Kit } from './content';

export type WorksheetLabels = { kind: string; name: string; class: string; date: string; footer: string; task: string };

type WorksheetProps = { kit: Kit; locale: Locale; schoolName: string; labels: WorksheetLabels; fontFamily: string };

function WorksheetDocument({ kit, locale, schoolName, labels, fontFamily }: WorksheetProps) {
  const ws = kit.worksheet;
  return (
    <Document title={`${ws.title} · ${schoolName}`} language={locale}>
      <Page size="A4" style={[print.page, { fontSize: 11.5, fontFamily }]}>
        <PrintHeader school={schoolName} kind={`${labels.kind} · ${kit.tier}`} />
        <View style={{ flexDirection: 'row', marginBottom: 10 }}>
          {[labels.name, labels.class, labels.date].map((l, i) => (
            <View key={l} style={{ flexDirection: 'row', flexGrow: i === 0 ? 3 : 1.4, marginRight: 10 }}>
              <Text>{l}: </Text>
              <View style={[print.rule, { flexGrow: 1, height: 13 }]} />
            </View>
          ))}
        </View>
        <Text style={print.title}>{plainText(ws.title)}</Text>
        <Text style={print.para}>{plainText(ws.intro)}</Text>
        {ws.tasks.map((task, i) => (
          <View key={task.id} wrap={false} style={{ marginTop: 6 }}>
            <Text style={print.heading}>
              {labels.task} {i + 1}. <Text style={{ fontWeight: 400 }}>{plainText(task.prompt)}</Text>
            </Text>
            {task.options && <TickBoxes items={task.options.map(plainText)} />}
            <WritingLines count={task.answerLines} />
          </View>
        ))}
        <View style={print.help} wrap={false}>
          <Text>{plainText(ws.help)}</Text>
        </View>
        <PrintFooter text={`${kit.title} · ${labels.footer}`} />
      </Page>
    </Document>
  );
}

/** The children's A4 worksheet of one kit, with the school's name on top and lines to write on. */
export async function renderWorksheetPdf(kit: Kit, locale: Locale, schoolName: string, labels: WorksheetLabels) {
  return withSharedFonts((fontFamily) =>
    renderToBuffer(<WorksheetDocument kit={kit} locale={locale} schoolName={schoolName} labels={labels} fontFamily={fontFamily} />),
  );
}
