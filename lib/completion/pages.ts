/** Teachers per page of the school dashboard: a typical school (about 50 teachers) fits on one. */
export const PAGE_SIZE = 50;

/** `?page=` as a page number: anything that is not a positive whole number is page 1. */
export function parsePage(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !/^\d{1,9}$/.test(raw)) return 1;
  return Math.max(1, Number(raw));
}

/** One page of rows; a page past the end shows the last one, so an old bookmark still lands on data. */
export function pageOf<T>(rows: readonly T[], requested: number, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const page = Math.min(Math.max(1, requested), pages);
  const start = (page - 1) * size;
  return { page, pages, total: rows.length, first: rows.length === 0 ? 0 : start + 1, rows: rows.slice(start, start + size) };
}
