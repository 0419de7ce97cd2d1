import { BlockList, isIP } from 'node:net';

/**
 * What an IP address is, for deciding whether a DID document may be fetched from it:
 * `public` (globally reachable unicast), `loopback` (this machine), or `blocked` (anything else:
 * private, link-local, CGNAT, unspecified, multicast, reserved, documentation, benchmarking…).
 * The address is the one actually connected to (after DNS), in any IPv4 or IPv6 form; an IPv6
 * address that embeds an IPv4 one (IPv4-mapped, IPv4-compatible, NAT64, 6to4) is what it embeds.
 */
export type AddressKind = 'public' | 'loopback' | 'blocked';

const subnets = (type: 'ipv4' | 'ipv6', cidrs: string[]): BlockList => {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network, prefix] = cidr.split('/') as [string, string];
    list.addSubnet(network, Number(prefix), type);
  }
  return list;
};

const IPV4_LOOPBACK = subnets('ipv4', ['127.0.0.0/8']);
/** IANA special-purpose IPv4 blocks that are not globally reachable (RFC 6890 and successors). */
const IPV4_NOT_PUBLIC = subnets('ipv4', [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
]);
/** Global unicast is 2000::/3; inside it, IETF protocol assignments (Teredo, ORCHID, benchmarking…) and documentation. */
const IPV6_GLOBAL = subnets('ipv6', ['2000::/3']);
const IPV6_NOT_PUBLIC = subnets('ipv6', ['2001::/23', '2001:db8::/32', '3fff::/20']);

function ipv4Kind(address: string): AddressKind {
  if (IPV4_LOOPBACK.check(address, 'ipv4')) return 'loopback';
  return IPV4_NOT_PUBLIC.check(address, 'ipv4') ? 'blocked' : 'public';
}

/** The eight 16-bit groups of a valid IPv6 address (a trailing dotted quad becomes two groups). */
function ipv6Groups(address: string): number[] {
  const text = address.replace(
    /(\d+)\.(\d+)\.(\d+)\.(\d+)$/,
    (_, a, b, c, d) => `${((+a << 8) | +b).toString(16)}:${((+c << 8) | +d).toString(16)}`,
  );
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const before = parse(head);
  const after = parse(tail);
  return tail === undefined
    ? before
    : [...before, ...Array<number>(8 - before.length - after.length).fill(0), ...after];
}

const dottedQuad = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

/** The IPv4 address an IPv6 one stands for, if it is one of the forms that carry one. */
function embeddedIpv4(g: number[]): string | undefined {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return dottedQuad(g[6]!, g[7]!); // ::ffff:a.b.c.d (IPv4-mapped)
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return dottedQuad(g[6]!, g[7]!); // ::ffff:0:a.b.c.d (IPv4-translated)
  if (zeros(0, 6) && (g[6] !== 0 || g[7]! > 1)) return dottedQuad(g[6]!, g[7]!); // ::a.b.c.d (IPv4-compatible, deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return dottedQuad(g[6]!, g[7]!); // 64:ff9b::/96 (NAT64)
  if (g[0] === 0x2002) return dottedQuad(g[1]!, g[2]!); // 2002::/16 (6to4)
  return undefined;
}

export function addressKind(address: string): AddressKind {
  const bare = address.replace(/%.*$/, ''); // an IPv6 zone index does not change what the address is
  const family = isIP(bare);
  if (family === 4) return ipv4Kind(bare);
  if (family !== 6) return 'blocked';
  const groups = ipv6Groups(bare);
  const ipv4 = embeddedIpv4(groups);
  if (ipv4 !== undefined) return ipv4Kind(ipv4);
  if (groups.slice(0, 7).every((x) => x === 0) && groups[7] === 1) return 'loopback'; // ::1
  return IPV6_GLOBAL.check(bare, 'ipv6') && !IPV6_NOT_PUBLIC.check(bare, 'ipv6') ? 'public' : 'blocked';
}
