import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyAddress } from './address-ranges';
import { OutboundRefused } from './outbound-refused';

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Resolves a host name to every address it has (injected in tests). */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolve: Resolve = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

export type TargetRules = {
  /** Plain http (and https) to this machine's loopback addresses: a local LMS or the test platform. */
  allowLoopbackHttp?: boolean;
  /** When set, only these hosts (`hostname[:port]`, as URL.host spells them) may be reached. */
  allowedHosts?: readonly string[];
  resolve?: Resolve;
};

/**
 * Checks a URL before any byte is sent and gives the addresses to connect to: https only; every
 * address the name resolves to must be public (one private answer is enough to refuse, since
 * the connection could pick it). The caller connects to exactly these addresses, so a second,
 * different DNS answer (rebinding) never gets a say.
 */
export async function checkOutboundTarget(url: URL, rules: TargetRules): Promise<ResolvedAddress[]> {
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new OutboundRefused('not_https', `Only https addresses may be fetched (${url.protocol}//${url.host}).`);
  if (url.username || url.password) throw new OutboundRefused('not_https', `Addresses with credentials are not fetched (${url.host}).`);
  if (rules.allowedHosts && !rules.allowedHosts.includes(url.host)) {
    throw new OutboundRefused('other_host', `${url.host} is not a host of this LMS registration.`);
  }
  // Without the loopback switch, plain http is refused before any DNS query.
  if (url.protocol === 'http:' && !rules.allowLoopbackHttp) throw new OutboundRefused('not_https', `Only https addresses may be fetched (http://${url.host}).`);
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const family = isIP(hostname);
  let addresses: ResolvedAddress[];
  if (family) {
    addresses = [{ address: hostname, family: family === 6 ? 6 : 4 }];
  } else {
    addresses = await (rules.resolve ?? systemResolve)(hostname);
    if (addresses.length === 0) throw new Error(`${hostname} has no address.`);
  }
  const classes = addresses.map((a) => classifyAddress(a.address));
  const allLoopback = classes.every((c) => c === 'loopback');
  const loopbackAllowed = rules.allowLoopbackHttp === true && allLoopback;
  if (url.protocol === 'http:' && !loopbackAllowed) {
    throw new OutboundRefused('not_https', `Only https addresses may be fetched (http://${url.host}).`);
  }
  if (!loopbackAllowed && classes.some((c) => c !== 'public')) {
    throw new OutboundRefused('private_address', `${url.host} resolves to a private, loopback or reserved address.`);
  }
  return addresses;
}
