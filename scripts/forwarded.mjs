// Who is the client, and which address did they use? Decided once per request at the server
// edge (scripts/server.mjs) so the app reads sanitized x-forwarded-* headers only: forwarded
// headers count only when the socket peer is a configured proxy (TRUSTED_PROXIES).
import net from 'node:net';

/** The headers this edge owns: whatever a client sends under these names is dropped. */
const OWNED = [
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-forwarded-prefix',
  'x-forwarded-server',
  'forwarded',
  'x-real-ip',
];

/**
 * Parses TRUSTED_PROXIES ("127.0.0.1,::1", "10.0.0.0/8, fd00::/8"): IPv4 and IPv6 addresses
 * and CIDR ranges, comma-separated. Throws on anything else, so a typo never trusts nobody silently.
 * @param {string | undefined} value
 * @returns {net.BlockList | null} null when nothing is trusted
 */
export function parseTrustedProxies(value) {
  const entries = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new net.BlockList();
  for (const entry of entries) {
    const [ip = '', prefix, extra] = entry.split('/');
    const family = net.isIP(ip);
    const bits = prefix === undefined ? null : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    const max = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || Number.isNaN(bits) || (bits !== null && bits > max)) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 127.0.0.1, ::1, 10.0.0.0/8)`);
    }
    if (bits === null) {
      // "::ffff:10.0.0.1" is how a dual-stack socket may show an IPv4 peer; peers are compared as IPv4.
      const bare = /** @type {{ address: string, family: number }} */ (normalizeAddress(ip));
      list.addAddress(bare.address, bare.family === 4 ? 'ipv4' : 'ipv6');
    } else list.addSubnet(ip, bits, family === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}

/**
 * One address as sockets and proxies write it ("1.2.3.4", "::ffff:1.2.3.4", "[::1]:443",
 * "1.2.3.4:5678") reduced to the bare IP, or null when it is not an IP address.
 * @param {string | undefined | null} raw
 */
export function normalizeAddress(raw) {
  let value = (raw ?? '').trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1] ?? '';
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1] ?? '';
  const family = net.isIP(value);
  return family ? { address: family === 6 ? value.toLowerCase() : value, family } : null;
}

/**
 * @param {net.BlockList | null} trusted
 * @param {{ address: string, family: number } | null} addr
 */
function isTrusted(trusted, addr) {
  return Boolean(trusted && addr && trusted.check(addr.address, addr.family === 4 ? 'ipv4' : 'ipv6'));
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/**
 * A syntactically valid Host value: a DNS name, an IPv4 address or a bracketed IPv6 address,
 * with an optional port. Returns it lower-cased, or null.
 * @param {string | undefined | null} raw
 */
export function validHost(raw) {
  const value = (raw ?? '').trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value);
  if (!m || value.length > 261) return null;
  const [, host = '', port] = m;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return null;
  if (host.startsWith('[')) return net.isIPv6(host.slice(1, -1)) ? value : null;
  if (net.isIPv4(host)) return value;
  const labels = host.split('.');
  if (host.length > 253 || !labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels.at(-1) ?? '')) return null;
  return value;
}

/** @param {string | string[] | undefined} header the first of a comma-separated list */
function first(header) {
  const joined = Array.isArray(header) ? header.join(',') : (header ?? '');
  return joined.split(',')[0]?.trim() ?? '';
}

/**
 * The client address, protocol and host for one request.
 * @param {{ remoteAddress: string | undefined, encrypted: boolean, headers: Record<string, string | string[] | undefined>, trusted: net.BlockList | null }} input
 * @returns {{ for: string | null, proto: 'http' | 'https', host: string | null, viaProxy: boolean }}
 */
export function resolveForwarded({ remoteAddress, encrypted, headers, trusted }) {
  const peer = normalizeAddress(remoteAddress);
  const own = {
    for: peer?.address ?? null,
    proto: /** @type {'http' | 'https'} */ (encrypted ? 'https' : 'http'),
    host: validHost(first(headers.host)),
  };
  if (!isTrusted(trusted, peer)) return { ...own, viaProxy: false };

  // Walk the chain from the nearest hop outwards; every trusted hop vouches for the one before it.
  const raw = headers['x-forwarded-for'];
  const hops = (Array.isArray(raw) ? raw.join(',') : (raw ?? '')).split(',');
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!hops[i]?.trim()) continue;
    const hop = normalizeAddress(hops[i]);
    if (!hop) break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  const proto = first(headers['x-forwarded-proto']).toLowerCase();
  return {
    for: client?.address ?? null,
    proto: proto === 'https' || proto === 'http' ? proto : own.proto,
    host: validHost(first(headers['x-forwarded-host'])) ?? own.host,
    viaProxy: true,
  };
}

/**
 * Replaces the request's forwarded headers with the resolved ones, in place (the Next handler
 * reads `req.headers`; `rawHeaders` is kept in step for anything that reads those).
 * @param {import('node:http').IncomingMessage} req
 * @param {net.BlockList | null} trusted
 */
export function sanitizeRequest(req, trusted) {
  const resolved = resolveForwarded({
    remoteAddress: req.socket.remoteAddress,
    encrypted: Boolean(/** @type {{ encrypted?: boolean }} */ (req.socket).encrypted),
    headers: req.headers,
    trusted,
  });
  for (const name of OWNED) delete req.headers[name];
  const set = /** @type {[string, string][]} */ (
    [
      ['x-forwarded-for', resolved.for],
      ['x-forwarded-proto', resolved.proto],
      ['x-forwarded-host', resolved.host],
    ].filter(([, v]) => v)
  );
  for (const [name, value] of set) req.headers[name] = value;
  const raw = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (!OWNED.includes(req.rawHeaders[i]?.toLowerCase() ?? '')) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  for (const [name, value] of set) raw.push(name, value);
  req.rawHeaders = /** @type {string[]} */ (raw);
  return resolved;
}
