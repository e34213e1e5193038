import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where webhooks may be delivered. A subscription's URL is chosen by a user, so without this the platform could be
 * made to post into its own network: the database, the cloud metadata service (169.254.169.254), an internal admin
 * page. Only public addresses are allowed, unless an administrator names the host in WEBHOOK_ALLOW_HOSTS (state
 * bodies' receivers on the government intranet). The address is checked as it is connected to, so a name that
 * resolves to a public address when subscribed and to a private one later (DNS rebinding) is still refused.
 */
const nonPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  nonPublic.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  nonPublic.addSubnet(network, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address. */
function embeddedIpv4(address: string): string | undefined {
  const match = /^(?:::ffff:|64:ff9b::)(?:0:)?(.+)$/i.exec(address);
  if (!match?.[1]) return undefined;
  const tail = match[1];
  if (isIP(tail) === 4) return tail;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
  if (!hex) return undefined;
  const [high, low] = [Number.parseInt(hex[1] ?? '', 16), Number.parseInt(hex[2] ?? '', 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const v4 = embeddedIpv4(address);
    if (v4) return !nonPublic.check(v4, 'ipv4');
    return !nonPublic.check(address, 'ipv6');
  }
  return !nonPublic.check(address, 'ipv4');
}

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i;

export class DestinationGuard {
  private readonly allowed = new Set<string>();

  constructor(allowHosts: readonly string[] = []) {
    for (const host of allowHosts) this.allow(host);
  }

  /** Lets deliveries reach a host (`name`, `name:port`, an address) whatever it resolves to. */
  allow(host: string): void {
    this.allowed.add(host.trim().toLowerCase());
  }

  private isAllowed(url: URL): boolean {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return (
      this.allowed.has(host) ||
      this.allowed.has(`${host}:${port}`) ||
      this.allowed.has(`${url.hostname.toLowerCase()}:${port}`)
    );
  }

  /**
   * Why a subscription may not use this URL, or undefined if it may. Judged on the URL as the WHATWG parser reads it,
   * so `http://2130706433/` and `http://0x7f.1/` are the loopback address they spell.
   */
  refusal(raw: string): string | undefined {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'not a URL';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return 'only http and https URLs can receive webhooks';
    if (url.username || url.password) return 'a webhook URL may not carry a user name or password';
    if (this.isAllowed(url)) return undefined;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host))
      return isPublicAddress(host)
        ? undefined
        : `${host} is not a public address (an administrator may allow it in WEBHOOK_ALLOW_HOSTS)`;
    if (LOCAL_NAMES.test(host) || !host.includes('.'))
      return `${host} is a local name (an administrator may allow it in WEBHOOK_ALLOW_HOSTS)`;
    return undefined;
  }

  /** The lookup a delivery connects with: names that resolve to a non-public address are refused. */
  lookupFor(url: URL): LookupFunction | undefined {
    if (this.isAllowed(url)) return undefined;
    return (hostname: string, options: LookupOptions, callback: (...args: never[]) => void) => {
      const done = callback as unknown as (
        error: Error | null,
        address?: string | LookupAddress[],
        family?: number,
      ) => void;
      dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
        if (error) return done(error);
        const refused = addresses.find((entry) => !isPublicAddress(entry.address));
        if (refused)
          return done(
            Object.assign(new Error(`${hostname} resolves to ${refused.address}, not a public address`), {
              code: 'EDESTINATION',
            }),
          );
        if (options.all) return done(null, addresses);
        const first = addresses[0];
        return first
          ? done(null, first.address, first.family)
          : done(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }));
      });
    };
  }
}
