/**
 * Outbound address guard (SSRF): decides whether this service may open a connection to a URL a user gave it
 * (webhook endpoints). Only public unicast addresses are allowed unless an operator opens ranges on purpose.
 *
 * Why both a URL check and a lookup hook: a URL can name a private host in many notations (`127.1`,
 * `2130706433`, `0x7f000001`, `[::ffff:127.0.0.1]`), which the WHATWG URL parser already folds into one
 * canonical form that we classify; and a public-looking name can resolve to a private address, or change its
 * answer between registration and delivery (DNS rebinding). So registration resolves and checks every
 * address, and each delivery connects only through `guardedLookup`, which checks the very address the socket
 * will use.
 */
import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';

/** Ranges no user-supplied URL may reach, with the reason given back to the user. */
const BLOCKED_V4: Array<[string, number, string]> = [
  ['0.0.0.0', 8, 'a "this network" address'],
  ['10.0.0.0', 8, 'a private address'],
  ['100.64.0.0', 10, 'a carrier-grade NAT address'],
  ['127.0.0.0', 8, 'a loopback address'],
  ['169.254.0.0', 16, 'a link-local address (cloud metadata lives here)'],
  ['172.16.0.0', 12, 'a private address'],
  ['192.0.0.0', 24, 'an IETF protocol address'],
  ['192.0.2.0', 24, 'a documentation address'],
  ['192.88.99.0', 24, 'a 6to4 relay address'],
  ['192.168.0.0', 16, 'a private address'],
  ['198.18.0.0', 15, 'a benchmarking address'],
  ['198.51.100.0', 24, 'a documentation address'],
  ['203.0.113.0', 24, 'a documentation address'],
  ['224.0.0.0', 4, 'a multicast address'],
  ['240.0.0.0', 4, 'a reserved address'],
];
const BLOCKED_V6: Array<[string, number, string]> = [
  ['::', 128, 'the unspecified address'],
  ['::1', 128, 'a loopback address'],
  ['100::', 64, 'a discard address'],
  ['2001::', 32, 'a Teredo address'],
  ['2001:db8::', 32, 'a documentation address'],
  ['fc00::', 7, 'a unique-local (private) address'],
  ['fe80::', 10, 'a link-local address'],
  ['fec0::', 10, 'a site-local address'],
  ['ff00::', 8, 'a multicast address'],
];
/** Names that are private whatever a resolver says. */
const BLOCKED_NAMES = [/^localhost$/, /\.localhost$/, /^metadata$/, /^metadata\.google\.internal$/, /^instance-data(\.ec2\.internal)?$/];
/** Cloud metadata endpoints stay closed even when private ranges are opened wholesale. */
const METADATA = ['169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200'];

export interface AddressPolicy {
  /** Plain `http:` URLs are accepted (otherwise only `https:`). */
  allowHttp: boolean;
  /** `all`: every blocked range is open (tests, on-premise); a list: only these ranges are opened. */
  allowPrivate: 'none' | 'all' | BlockList;
}

export const STRICT_POLICY: AddressPolicy = { allowHttp: false, allowPrivate: 'none' };

/**
 * From the environment: `WEBHOOK_ALLOW_PRIVATE=1` opens every private range (not cloud metadata), or a comma
 * list of CIDRs (`127.0.0.0/8,::1/128`) opens just those; `WEBHOOK_ALLOW_HTTP=1` accepts `http:` URLs.
 * Throws on a malformed CIDR so a typo never silently opens or closes anything.
 */
export function addressPolicyFromEnv(env: Record<string, string | undefined> = process.env): AddressPolicy {
  const raw = (env.WEBHOOK_ALLOW_PRIVATE ?? '').trim();
  const allowHttp = env.WEBHOOK_ALLOW_HTTP === '1' || env.WEBHOOK_ALLOW_HTTP === 'true';
  if (raw === '' || raw === '0' || raw === 'false') return { allowHttp, allowPrivate: 'none' };
  if (raw === '1' || raw === 'true') return { allowHttp, allowPrivate: 'all' };
  return { allowHttp, allowPrivate: parseCidrList(raw) };
}

export function parseCidrList(list: string): BlockList {
  const b = new BlockList();
  for (const part of list.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^/]+)\/(\d{1,3})$/.exec(part);
    const family = m ? isIP(m[1] ?? '') : 0;
    const bits = m ? Number(m[2]) : -1;
    if (!m || family === 0 || bits > (family === 4 ? 32 : 128)) throw new Error(`not a CIDR range: '${part}' (e.g. 127.0.0.0/8 or ::1/128)`);
    b.addSubnet(m[1] ?? '', bits, family === 4 ? 'ipv4' : 'ipv6');
  }
  return b;
}

const blocked4 = BLOCKED_V4.map(([net, bits, reason]) => {
  const b = new BlockList();
  b.addSubnet(net, bits, 'ipv4');
  return { b, reason };
});
const blocked6 = BLOCKED_V6.map(([net, bits, reason]) => {
  const b = new BlockList();
  b.addSubnet(net, bits, 'ipv6');
  return { b, reason };
});

/** The IPv4 address an IPv6 address carries (mapped `::ffff:a.b.c.d`, compatible `::a.b.c.d`, NAT64), if any. */
export function embeddedIpv4(ip6: string): string | null {
  const groups = expandIpv6(ip6);
  if (!groups) return null;
  const hi = groups.slice(0, 6);
  const mapped = hi.every((g, i) => (i < 5 ? g === 0 : g === 0xffff));
  const compat = hi.every((g) => g === 0) && (groups[6] !== 0 || (groups[7] ?? 0) > 1);
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0);
  if (!mapped && !compat && !nat64) return null;
  const a = groups[6] ?? 0;
  const b = groups[7] ?? 0;
  return `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
}

function expandIpv6(ip: string): number[] | null {
  let s = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const o = (v4[1] ?? '').split('.').map(Number);
    s = `${s.slice(0, -(v4[1] ?? '').length)}${(((o[0] ?? 0) << 8) | (o[1] ?? 0)).toString(16)}:${(((o[2] ?? 0) << 8) | (o[3] ?? 0)).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const all = [...head, ...Array<string>(Math.max(0, fill)).fill('0'), ...tail];
  if (all.length !== 8) return null;
  const out = all.map((g) => Number.parseInt(g, 16));
  return out.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? out : null;
}

/** Why an IP address is not a public unicast one, or null when it is. */
export function blockedReason(ip: string): string | null {
  const bare = ip.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return blocked4.find((x) => x.b.check(bare, 'ipv4'))?.reason ?? null;
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    if (v4) {
      const g = expandIpv6(bare) ?? [];
      const deprecatedCompat = g.slice(0, 6).every((x) => x === 0);
      return blockedReason(v4) ?? (deprecatedCompat ? 'an IPv4-compatible address' : null);
    }
    return blocked6.find((x) => x.b.check(bare, 'ipv6'))?.reason ?? null;
  }
  return 'not an IP address';
}

/** Whether the policy lets this service connect to `ip`; the reason when it does not. */
export function addressRefusal(ip: string, policy: AddressPolicy): string | null {
  const bare = ip.replace(/^\[|\]$/g, '');
  const v4 = isIP(bare) === 6 ? embeddedIpv4(bare) : null;
  const effective = v4 ?? bare;
  const reason = blockedReason(effective);
  if (!reason) return null;
  if (policy.allowPrivate === 'all') return METADATA.includes(effective) ? 'a cloud metadata address' : null;
  if (policy.allowPrivate !== 'none' && policy.allowPrivate.check(effective, isIP(effective) === 4 ? 'ipv4' : 'ipv6')) return null;
  return reason;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/** What can be told from the URL alone: scheme, credentials, and hosts that are addresses or private names. */
export function checkOutboundUrl(raw: string, policy: AddressPolicy): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not an absolute URL' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) {
    return { ok: false, reason: policy.allowHttp ? 'the URL must use http or https' : 'the URL must use https' };
  }
  if (url.username || url.password) return { ok: false, reason: 'the URL must not carry a user name or password' };
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (!host) return { ok: false, reason: 'the URL has no host' };
  if (isIP(host)) {
    const why = addressRefusal(host, policy);
    return why ? { ok: false, reason: `the URL's host is ${why}` } : { ok: true, url };
  }
  if (BLOCKED_NAMES.some((re) => re.test(host)) && policy.allowPrivate !== 'all') return { ok: false, reason: `the URL's host '${host}' is a private name` };
  if (!host.includes('.') && policy.allowPrivate !== 'all') return { ok: false, reason: `the URL's host '${host}' is not a public domain name` };
  return { ok: true, url };
}

export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) => {
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses: LookupAddress[]) => (err ? reject(err) : resolve(addresses.map((a) => a.address))));
  });

/** The URL check plus every address the host resolves to now (registration time). */
export async function checkOutboundUrlResolved(raw: string, policy: AddressPolicy, resolve: Resolver = systemResolver): Promise<UrlCheck> {
  const c = checkOutboundUrl(raw, policy);
  if (!c.ok) return c;
  const host = c.url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return c;
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return { ok: false, reason: `the URL's host '${host}' does not resolve` };
  }
  if (addresses.length === 0) return { ok: false, reason: `the URL's host '${host}' does not resolve` };
  for (const a of addresses) {
    const why = addressRefusal(a, policy);
    if (why) return { ok: false, reason: `the URL's host '${host}' resolves to ${why} (${a})` };
  }
  return c;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for `http.request`/`net.connect` that resolves, refuses the connection when any answer is not
 * allowed, and hands the socket the address it checked: what is checked is what is connected to.
 */
export function guardedLookup(policy: AddressPolicy, resolve: Resolver = systemResolver) {
  return (hostname: string, options: { all?: boolean } | number | undefined, callback: LookupCallback): void => {
    const all = typeof options === 'object' && options?.all === true;
    resolve(hostname).then(
      (addresses) => {
        const bad = addresses.map((a) => [a, addressRefusal(a, policy)] as const).find(([, why]) => why);
        if (bad || addresses.length === 0) {
          const err: NodeJS.ErrnoException = new Error(bad ? `refused to connect to ${hostname}: ${bad[1]} (${bad[0]})` : `${hostname} does not resolve`);
          err.code = bad ? 'EADDRBLOCKED' : 'ENOTFOUND';
          callback(err, all ? [] : '', undefined);
          return;
        }
        const list = addresses.map((a) => ({ address: a, family: isIP(a) }));
        if (all) callback(null, list);
        else callback(null, list[0]?.address ?? '', list[0]?.family ?? 4);
      },
      (err: NodeJS.ErrnoException) => callback(err, all ? [] : '', undefined),
    );
  };
}
