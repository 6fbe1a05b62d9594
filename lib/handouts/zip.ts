import 'server-only';
import { zipSync } from 'fflate';
import { TIERS } from '@/lib/content/tiers';
import { LOCALES } from '@/lib/i18n/locales';
import { getHandoutFile } from './serve';

/** Every tier × language PDF of one school, as one ZIP for the admin to forward or print. */
export async function buildHandoutZip(slug: string, origin: string) {
  const files: Record<string, Uint8Array> = {};
  for (const tier of TIERS) {
    for (const lang of LOCALES) {
      const result = await getHandoutFile(slug, `${tier}.pdf`, lang, origin, { kind: 'admin' });
      if (result.status !== 200) return null;
      files[`${slug}-${tier}-${lang}.pdf`] = new Uint8Array(result.body);
    }
  }
  // PDFs are already compressed; storing them keeps the ZIP fast to build.
  return zipSync(files, { level: 0 });
}
