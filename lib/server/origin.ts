/** The public origin for links printed on handouts and certificates: PUBLIC_URL, else the request's own. */
export function publicOrigin(source: Request | Headers) {
  const configured = process.env.PUBLIC_URL?.replace(/\/+$/, '');
  if (configured) return configured;
  const headers = source instanceof Headers ? source : source.headers;
  const url = source instanceof Headers ? null : new URL(source.url);
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? url?.host;
  const proto = headers.get('x-forwarded-proto') ?? url?.protocol.replace(':', '') ?? 'http';
  return `${proto}://${host}`;
}
