'use server';

import { revalidatePath } from 'next/cache';
import { requireOperator } from '@/app/_lib/session';
import { refreshItemStats } from '@/lib/items/worker';

/** Recomputes the item statistics now instead of at the next scheduled refresh. */
export async function refreshItemsNow() {
  await requireOperator();
  await refreshItemStats();
  revalidatePath('/operator/items');
}
