import type { ZodError } from 'zod';

/** First message per top-level field, for `aria-describedby` error slots. */
export function fieldErrors<T>(error: ZodError<T>) {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out as Partial<Record<keyof T, string>>;
}

/** A server action's FormData as a plain object; repeated keys become arrays where asked. */
export function formObject(data: FormData, arrays: string[] = []) {
  const out: Record<string, unknown> = {};
  for (const key of new Set(data.keys())) {
    const all = data.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = arrays.includes(key) ? all : all[0];
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}
