import { LOCALES } from '@/lib/i18n/locales';
import { countGuideWords } from '@/lib/respond/check';
import { loadGuide, SITUATIONS } from '@/lib/respond/guide';
import fs from 'node:fs';
for (const s of SITUATIONS)
  for (const l of LOCALES) {
    try {
      if (fs.existsSync(`modules/respond/${s}.${l}.mdx`)) console.log(s, l, countGuideWords(loadGuide(s, l)));
    } catch (e) {
      console.log(s, l, (e as Error).message);
    }
  }
