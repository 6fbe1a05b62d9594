// PDF rendering alone, without HTTP: handouts rendered by the worker build (.workers/pdf-render.mjs,
// `node scripts/build-workers.mjs`) in a piscina pool of --workers threads (0: on this thread),
// --concurrency at a time. Prints PDFs/s, CPU milliseconds per PDF (all threads of this process,
// so it holds on a busy machine) and the peak RSS.
//   node [--max-old-space-size=256] bench/pdf-render.mjs --workers 2 --count 96 --concurrency 8 [--heap-mb 128]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Piscina } from 'piscina';

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '2' },
    count: { type: 'string', default: '96' },
    concurrency: { type: 'string', default: '8' },
    'heap-mb': { type: 'string', default: '128' },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const file = path.join(root, '.workers', 'pdf-render.mjs');
const workers = Number(values.workers);
const tiers = ['9-10', '11-12', '13-14', '15-17'];
const langs = ['kk', 'ru', 'en'];
const messages = Object.fromEntries(langs.map((l) => [l, JSON.parse(fs.readFileSync(path.join(root, 'messages', `${l}.json`), 'utf8')).handout]));
const job = (i) => {
  const tier = tiers[i % 4];
  const lang = langs[Math.floor(i / 4) % 3];
  const handout = JSON.parse(fs.readFileSync(path.join(root, 'modules', 'handouts', tier, `${lang}.json`), 'utf8'));
  const school = {
    slug: `school-${i}`,
    name: { kk: `Абай атындағы № ${i} мектеп`, ru: `Школа № ${i} имени Абая`, en: `Abai School No. ${i}` },
    address: 'Almaty, Dostyk 123',
    contactPhone: '+7 727 123 45 67',
    contactEmail: '',
    counsellorName: 'Әлия Бекова',
    counsellorContact: '',
    logo: null,
    profileVersion: 1,
  };
  const view = {
    school,
    labels: messages[lang],
    pageUrl: `https://teach.kko.test/handouts/school-${i}/${tier}?lang=${lang}`,
    shortUrl: `teach.kko.test/h/school-${i}/1${lang}`,
  };
  return { kind: 'handout', args: [handout, lang, view] };
};

const pool =
  workers > 0
    ? new Piscina({
        filename: file,
        minThreads: workers,
        maxThreads: workers,
        concurrentTasksPerWorker: 1,
        resourceLimits: { maxOldGenerationSizeMb: Number(values['heap-mb']) },
      })
    : null;
const here = pool ? null : (await import(file)).default;
const render = (j) => (pool ? pool.run(j) : here(j));

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));
const sampler = setInterval(sample, 50);
// Warm-up: every worker loads react-pdf and the fonts once.
await Promise.all(Array.from({ length: Math.max(1, workers) * 2 }, (_, i) => render(job(1000 + i))));
const count = Number(values.count);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let next = 0;
let bytes = 0;
await Promise.all(
  Array.from({ length: Number(values.concurrency) }, async () => {
    while (next < count) {
      const pdf = await render(job(next++));
      bytes += pdf.byteLength;
    }
  }),
);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
sample();
await pool?.destroy();
console.log(
  JSON.stringify({
    workers,
    pdfs: count,
    pdfsPerSecond: Math.round((count / seconds) * 10) / 10,
    cpuMsPerPdf: Math.round((cpu.user + cpu.system) / 1000 / count),
    kbPerPdf: Math.round(bytes / count / 1024),
    peakRssMb: Math.round(peak / 1024 / 1024),
    load: fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0],
  }),
);
