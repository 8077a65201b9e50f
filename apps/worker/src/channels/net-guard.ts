import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/**
 * Addresses a webhook may not reach unless the workspace allows private networks: loopback,
 * private (RFC 1918), link-local, CGNAT (RFC 6598), "this network", benchmarking, multicast and
 * reserved ranges, and their IPv6 counterparts (loopback, unspecified, ULA fc00::/7,
 * link-local fe80::/10, multicast). IPv4-mapped IPv6 addresses are checked as IPv4.
 */
const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, bits, "ipv4");
}
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  blocked.addSubnet(net, bits, "ipv6");
}

/** Whether an IP address is in a private, loopback, link-local or otherwise internal range. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return blocked.check(mapped[1], "ipv4");
  return blocked.check(address, "ipv6");
}

/** Refused by the SSRF guard (not retried: the address will not change by itself). */
export class BlockedAddressError extends Error {}

/**
 * Resolves a host name and checks every address it resolves to; returns the addresses to
 * connect to (the connection uses these, so a second DNS answer cannot swap in another one).
 */
export async function resolveAllowed(
  host: string,
  allowPrivate: boolean,
): Promise<{ address: string; family: 4 | 6 }[]> {
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  const literal = isIP(bare);
  const addresses = literal
    ? [{ address: bare, family: literal as 4 | 6 }]
    : (await lookup(bare, { all: true, verbatim: true })).map((a) => ({
        address: a.address,
        family: a.family as 4 | 6,
      }));
  if (addresses.length === 0) throw new Error(`${host} does not resolve`);
  if (!allowPrivate) {
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad) {
      throw new BlockedAddressError(
        `${host} resolves to ${bad.address}, a private or loopback address (allow private networks in the workspace's channel settings to call it)`,
      );
    }
  }
  return addresses;
}
