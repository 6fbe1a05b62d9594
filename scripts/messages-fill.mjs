// Lists (or, with --fill, copies in English) the message keys a language lacks, so a missing
// translation is visible in review rather than a runtime error.
import fs from 'node:fs';

const en = JSON.parse(fs.readFileSync('messages/en.json', 'utf8'));
const fill = process.argv.includes('--fill');
let missing = 0;
function walk(src, dst, prefix) {
  for (const [k, v] of Object.entries(src)) {
    if (typeof v === 'object') walk(v, (dst[k] ??= {}), `${prefix}${k}.`);
    else if (!(k in dst)) {
      missing++;
      console.log(`${prefix}${k}`);
      if (fill) dst[k] = v;
    }
  }
}
for (const lang of ['ru', 'kk']) {
  const file = `messages/${lang}.json`;
  const msgs = JSON.parse(fs.readFileSync(file, 'utf8'));
  console.log(`# ${lang}`);
  walk(en, msgs, '');
  if (fill) fs.writeFileSync(file, JSON.stringify(msgs, null, 2) + '\n');
}
process.exit(fill || missing === 0 ? 0 : 1);
