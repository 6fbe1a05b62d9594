/** Teachers per page of the school dashboard: a typical school (about 50 teachers) takes one or two. */
export const PAGE_SIZE = 50;

/** `?page=` as a page number: anything that is not a positive whole number is page 1. */
export function parsePage(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !/^\d{1,9}$/.test(raw)) return 1;
  return Math.max(1, Number(raw));
}
