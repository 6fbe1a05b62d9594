import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { Document, Page, Text, renderToBuffer } from '@react-pdf/renderer';
import { registerPdfFonts, FONT_FAMILY } from '@/lib/pdf/fonts';
(async () => {
  registerPdfFonts();
  const s = process.argv.slice(2);
  const f = `/tmp/kitpdf/t.pdf`;
  fs.writeFileSync(f, await renderToBuffer(<Document><Page size="A4" style={{ fontFamily: FONT_FAMILY }}>{s.map((x, i) => <Text key={i}>{x}</Text>)}<Text style={{ fontWeight: 700 }}>Демонстрационная школа № 1</Text><Text style={{ fontWeight: 700 }}>Ты всегда можешь позвонить на Телефон доверия 150. Звонок бесплатный, и своё имя называть не нужно.</Text></Page></Document>));
  console.log(JSON.stringify(execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' })));
})();
