import 'server-only';
import { z } from 'zod';
import type { Tx } from '@/db';
import { getHandoutSchool } from '@/db/queries/handouts';
import { enqueueJob } from '@/db/queries/jobs';
import type { SavedProfile } from '@/db/queries/school-profile';
import { TIERS } from '@/lib/content/tiers';
import { LOCALES } from '@/lib/i18n/locales';
import { dropOlderHandouts, getHandoutFile } from './serve';

export const PRERENDER_JOB = 'handouts.prerender';

const PayloadSchema = z.object({ slug: z.string().min(1), profileVersion: z.number().int().positive(), origin: z.url() });

/**
 * Queues the rendering of a school's 12 print handouts (4 tiers × kk/ru/en) for its new profile,
 * in the transaction that saves it, so the first parent gets a cached PDF. `origin` is the one
 * the handouts print (PUBLIC_URL when set), as `publicOrigin` decides it for the saving request.
 */
export async function queueHandoutPrerender(tx: Tx, saved: SavedProfile, origin: string) {
  await enqueueJob(tx, {
    key: `${PRERENDER_JOB}:${saved.id}:${saved.profileVersion}`,
    name: PRERENDER_JOB,
    payload: { slug: saved.slug, profileVersion: saved.profileVersion, origin },
  });
}

/**
 * The job: renders into this process's handout cache, one document at a time (parents' requests
 * keep their render slots). A profile saved again meanwhile has its own job, so this one stops.
 */
export async function prerenderSchoolHandouts(payload: unknown) {
  const job = PayloadSchema.parse(payload);
  const school = await getHandoutSchool(job.slug);
  if (!school || school.profileVersion !== job.profileVersion) return { superseded: true, rendered: 0, cached: 0 };
  const dropped = dropOlderHandouts(school.slug, school.profileVersion);
  let rendered = 0;
  let cached = 0;
  for (const tier of TIERS) {
    for (const lang of LOCALES) {
      const res = await getHandoutFile(school.slug, `${tier}.pdf`, lang, job.origin, { kind: 'admin' });
      if (res.status !== 200) throw new Error(`handout ${school.slug} ${tier} ${lang}: ${res.status}`);
      if (res.cached) cached++;
      else rendered++;
    }
  }
  return { superseded: false, rendered, cached, dropped };
}
