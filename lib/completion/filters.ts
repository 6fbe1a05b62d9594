import { z } from 'zod';
import { TIERS } from '@/lib/content/tiers';
import type { CompletionFilters } from './summarize';

const FiltersSchema = z.object({
  tier: z.enum(TIERS).optional().catch(undefined),
  status: z.enum(['completed', 'in_progress', 'not_started', 'overdue']).optional().catch(undefined),
});

/** Unknown filter values are ignored rather than failing the page. */
export function parseFilters(params: Record<string, string | string[] | undefined>): CompletionFilters {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return FiltersSchema.parse({ tier: one(params.tier), status: one(params.status) });
}

/** The filters as a query string; `page` (the dashboard's, when past the first) keeps its place. */
export function filtersQuery(filters: CompletionFilters, page = 1) {
  const q = new URLSearchParams();
  if (filters.tier) q.set('tier', filters.tier);
  if (filters.status) q.set('status', filters.status);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `?${s}` : '';
}
