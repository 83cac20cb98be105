// Address helpers: IPv4 as unsigned 32-bit numbers, MACs as lower-case
// colon strings, IPv6 only as far as link-local/loopback display needs.

/** An IPv4 address as an unsigned 32-bit integer. */
export type Ip4 = number;

/** Parse dotted-quad strictly (four 0..255 decimal parts); undefined if invalid. */
export function parseIp4(s: string): Ip4 | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

/**
 * Parse as inet_aton(3) does (what iproute2's get_addr and ping accept):
 * `10.1` = 10.0.0.1, `10.1.2` = 10.1.0.2, decimal only here.
 */
export function parseIp4Loose(s: string): Ip4 | undefined {
  if (!/^\d+(\.\d+){0,3}$/.test(s)) return undefined;
  const parts = s.split('.').map(Number);
  const n = parts.length;
  const last = parts[n - 1];
  const maxLast = [0xffffffff, 0xffffff, 0xffff, 0xff][n - 1];
  if (last > maxLast || parts.slice(0, -1).some((p) => p > 255)) return undefined;
  let v = 0;
  for (let i = 0; i < n - 1; i++) v |= parts[i] << (24 - 8 * i);
  return (v | last) >>> 0;
}

/** Format as dotted quad. */
export function fmtIp4(a: Ip4): string {
  return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
}

/** Netmask of a prefix length (0..32). */
export function maskOf(plen: number): number {
  return plen === 0 ? 0 : (0xffffffff << (32 - plen)) >>> 0;
}

/** Network address of `a` under prefix length `plen`. */
export function netOf(a: Ip4, plen: number): Ip4 {
  return (a & maskOf(plen)) >>> 0;
}

/** Broadcast address of `a` under prefix length `plen`. */
export function bcastOf(a: Ip4, plen: number): Ip4 {
  return (netOf(a, plen) | (~maskOf(plen) >>> 0)) >>> 0;
}

/** True if `a` is inside `net/plen`. */
export function inNet(a: Ip4, net: Ip4, plen: number): boolean {
  return netOf(a, plen) === netOf(net, plen);
}

/** Prefix length of a contiguous netmask, or -1. */
export function plenOfMask(mask: Ip4): number {
  let n = 0;
  while (n < 32 && (mask & (0x80000000 >>> n)) !== 0) n++;
  return maskOf(n) === mask ? n : -1;
}

/** 127.0.0.0/8. */
export function isLoopback4(a: Ip4): boolean {
  return a >>> 24 === 127;
}

/** 224.0.0.0/4. */
export function isMulticast4(a: Ip4): boolean {
  return a >>> 28 === 0xe;
}

export const IP4_ANY = 0;
export const IP4_BROADCAST = 0xffffffff;

/** A MAC address as `aa:bb:cc:dd:ee:ff`. */
export type Mac = string;
export const MAC_ZERO: Mac = '00:00:00:00:00:00';
export const MAC_BROADCAST: Mac = 'ff:ff:ff:ff:ff:ff';

/** True for a multicast (or broadcast) MAC: low bit of the first octet. */
export function isMulticastMac(m: Mac): boolean {
  return (parseInt(m.slice(0, 2), 16) & 1) === 1;
}

/** Parse a MAC as iproute2's ll_addr_a2n does (hex pairs separated by ':'); undefined if invalid. */
export function parseMac(s: string): Mac | undefined {
  const parts = s.split(':');
  if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{1,2}$/.test(p))) return undefined;
  return parts.map((p) => p.toLowerCase().padStart(2, '0')).join(':');
}

/** Compare two MACs numerically (for "lowest port MAC" bridge rules). */
export function cmpMac(a: Mac, b: Mac): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The IPv6 EUI-64 link-local address of a MAC, in RFC 5952 text form. */
export function linkLocal6(mac: Mac): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  b[0] ^= 0x02;
  const words = [0xfe80, 0, 0, 0, (b[0] << 8) | b[1], (b[2] << 8) | 0xff, (0xfe << 8) | b[3], (b[4] << 8) | b[5]];
  return fmtIp6Words(words);
}

/** RFC 5952 text of eight 16-bit words: the longest run (≥ 2) of zero words becomes `::`. */
export function fmtIp6Words(words: number[]): string {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** IPv6 multicast MAC (33:33:xx:xx:xx:xx) for the solicited-node group of a link-local address. */
export function solicitedNodeMac(mac: Mac): Mac {
  const b = mac.split(':');
  return `33:33:ff:${b[3]}:${b[4]}:${b[5]}`;
}
