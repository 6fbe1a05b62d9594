/** `next` when it is a path on this site (no other origin, `//host` or backslash trick), else `fallback`. */
export function localPath(next: unknown, fallback = '/'): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\\\s]*$/.test(next) ? next : fallback;
}
