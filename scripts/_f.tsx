import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { getKit } from '@/lib/kits/content';
import { renderWorksheetPdf } from '@/lib/kits/pdf';
(async () => {
  for (const spec of process.argv.slice(2)) {
    const [id, lang] = spec.split(':') as [string, 'en'];
    const labels = JSON.parse(fs.readFileSync(`messages/${lang}.json`, 'utf8')).kits.pdf;
    const kit = getKit(id)!;
    if (process.env.RESET) (await import('@react-pdf/renderer')).Font.reset();
    const f = `/tmp/kitpdf/solo.pdf`;
    fs.writeFileSync(f, await renderWorksheetPdf(kit.versions[lang], lang, 'Demo School No. 1', labels));
    const t = execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' });
    console.log(spec, /Task 1|Тапсырма 1|Задание 1/.test(t) ? 'ok' : 'BROKEN');
  }
})();
