/**
 * The URLs of an RFC 8288 `Link` header by relation, resolved against the request URL.
 * A link may carry several relations (`rel="next differences"`).
 */
export function parseLinkHeader(header: string | null, base: string): Map<string, string> {
  const links = new Map<string, string>();
  if (!header) return links;
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const target = match[1];
    const params = match[2] ?? '';
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    if (target === undefined || !rel) continue;
    let url: string;
    try {
      url = new URL(target, base).href;
    } catch {
      continue;
    }
    for (const name of (rel[1] ?? rel[2] ?? '').toLowerCase().split(/\s+/)) {
      if (name && !links.has(name)) links.set(name, url);
    }
  }
  return links;
}
