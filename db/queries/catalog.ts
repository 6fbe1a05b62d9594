import 'server-only';
import { notInArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { modules } from '@/db/schema';

export type CatalogEntry = typeof modules.$inferInsert;

/** Upserts the catalog read from `modules/`; modules whose folder is gone are retired, not deleted (records point at them). */
export async function recordCatalog(entries: CatalogEntry[]) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    for (const e of entries) {
      await tx
        .insert(modules)
        .values({ ...e, retired: false })
        .onConflictDoUpdate({
          target: modules.id,
          set: {
            tier: e.tier,
            position: e.position,
            version: e.version,
            sectionIds: e.sectionIds,
            questionCount: e.questionCount,
            title: e.title,
            minutes: e.minutes,
            retired: false,
            syncedAt: sql`now()`,
          },
        });
    }
    const ids = entries.map((e) => e.id);
    await tx
      .update(modules)
      .set({ retired: true })
      .where(ids.length ? notInArray(modules.id, ids) : sql`true`);
  });
}
