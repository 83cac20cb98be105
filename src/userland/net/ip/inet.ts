// Address arguments as iproute2's lib/utils.c parses them (get_addr,
// get_prefix, get_netmask) and the name tables of lib/rt_names.c (scopes,
// protocols, tables, route types).

import { AF_INET, AF_INET6, AF_PACKET, AF_UNSPEC, type Ip } from './common.ts';
import { RT_TABLE } from '../../../kernel/fib.ts';
import { plenOfMask } from '../../../kernel/addr.ts';

/** An inet_prefix. IPv4 addresses are numbers; IPv6 are kept as text. */
export interface Prefix {
  family: number;
  v4: number;
  v6?: string;
  /** Prefix length (-1 when not given, 0 for default/any). */
  bitlen: number;
  bytelen: number;
  /** PREFIXLEN_SPECIFIED: `/N` was written (or `default`). */
  specified: boolean;
  /** `default`, `all` or `any` was written. */
  special?: 'default' | 'any';
}

/** get_addr_ipv4(): up to four strtoul(…, 0) parts; missing parts are zero. */
export function parseV4(s: string): number | undefined {
  const parts = s.split('.');
  if (parts.length > 4) return undefined;
  const b = [0, 0, 0, 0];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    let n: number;
    if (/^0[xX][0-9a-fA-F]+$/.test(p)) n = parseInt(p.slice(2), 16);
    else if (/^0[0-7]*$/.test(p)) n = parseInt(p, 8);
    else if (/^[1-9]\d*$/.test(p)) n = parseInt(p, 10);
    else return undefined;
    if (n > 255) return undefined;
    b[i] = n;
  }
  return ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
}

function familyVerbose(f: number): string {
  return f === AF_INET ? 'inet' : f === AF_INET6 ? 'inet6' : f === AF_PACKET ? 'packet' : 'any valid';
}

/** get_addr_1(): undefined when invalid. */
export function getAddr1(name: string, family: number): Prefix | undefined {
  if (name === 'default') return { family, v4: 0, bitlen: -2, bytelen: family === AF_INET6 ? 16 : 4, specified: true, special: 'default' };
  if (name === 'all' || name === 'any') return { family, v4: 0, bitlen: -2, bytelen: 0, specified: false, special: 'any' };
  if (name.includes(':')) {
    if (family !== AF_UNSPEC && family !== AF_INET6) return undefined;
    if (!/^[0-9a-fA-F:.]+$/.test(name) || (name.match(/::/g)?.length ?? 0) > 1) return undefined;
    return { family: AF_INET6, v4: 0, v6: name.toLowerCase(), bitlen: -1, bytelen: 16, specified: false };
  }
  if (family !== AF_UNSPEC && family !== AF_INET) return undefined;
  const v = parseV4(name);
  if (v === undefined) return undefined;
  return { family: AF_INET, v4: v, bitlen: -1, bytelen: 4, specified: false };
}

/** get_netmask(): a length or a dotted mask. */
function getNetmask(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^0[xX][0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  const m = parseV4(s);
  if (m === undefined || !s.includes('.')) return undefined;
  const l = plenOfMask(m);
  return l < 0 ? undefined : l;
}

/** get_prefix_1(): undefined when invalid. */
export function getPrefix1(arg: string, family: number): Prefix | undefined {
  const slash = arg.indexOf('/');
  const a = getAddr1(slash >= 0 ? arg.slice(0, slash) : arg, family);
  if (!a) return undefined;
  const fam = a.family === AF_UNSPEC ? family : a.family;
  let bitlen = fam === AF_INET6 ? 128 : 32;
  if (slash >= 0) {
    if (a.bitlen === -2) return undefined;
    const plen = getNetmask(arg.slice(slash + 1));
    if (plen === undefined || plen > bitlen) return undefined;
    a.specified = true;
    bitlen = plen;
  } else if (a.bitlen === -2) bitlen = 0;
  a.bitlen = bitlen;
  return a;
}

/** get_prefix(): exits 1 with iproute2's message when invalid. */
export function getPrefix(ip: Ip, arg: string, family: number): Prefix {
  if (family === AF_PACKET) ip.die(`Error: "${arg}" may be inet prefix, but it is not allowed in this context.\n`, 1);
  const p = getPrefix1(arg, family);
  if (!p) return ip.die(`Error: ${familyVerbose(family)} prefix is expected rather than "${arg}".\n`, 1);
  return p;
}

/** get_addr(): exits 1 with iproute2's message when invalid. */
export function getAddr(ip: Ip, arg: string, family: number): Prefix {
  if (family === AF_PACKET) ip.die(`Error: "${arg}" may be inet address, but it is not allowed in this context.\n`, 1);
  const p = getAddr1(arg, family);
  if (!p) return ip.die(`Error: ${familyVerbose(family)} address is expected rather than "${arg}".\n`, 1);
  return p;
}

/** rtnl_rtscope_n2a. */
export function scopeName(s: number): string {
  return { 0: 'global', 200: 'site', 253: 'link', 254: 'host', 255: 'nowhere' }[s] ?? String(s);
}

/** rtnl_rtscope_a2n: undefined when unknown. */
export function scopeNum(s: string): number | undefined {
  const m: Record<string, number> = { global: 0, universe: 0, site: 200, link: 253, host: 254, nowhere: 255 };
  if (Object.hasOwn(m, s)) return m[s];
  const n = /^\d+$/.test(s) ? Number(s) : NaN;
  return n >= 0 && n <= 255 ? n : undefined;
}

const PROTOS: Record<number, string> = { 0: 'unspec', 1: 'redirect', 2: 'kernel', 3: 'boot', 4: 'static', 8: 'gated', 9: 'ra', 10: 'mrt', 11: 'zebra', 12: 'bird', 13: 'dnrouted', 14: 'xorp', 15: 'ntk', 16: 'dhcp', 18: 'keepalived', 42: 'babel', 99: 'openr', 186: 'bgp', 187: 'isis', 188: 'ospf', 189: 'rip', 192: 'eigrp' };

/** Protocol name → number (rtnl_rtprot_a2n). */
export function protoNum(s: string): number | undefined {
  for (const [k, v] of Object.entries(PROTOS)) if (v === s) return Number(k);
  const n = /^\d+$/.test(s) ? Number(s) : /^0[xX][0-9a-fA-F]+$/.test(s) ? parseInt(s, 16) : NaN;
  return n >= 0 && n <= 255 ? n : undefined;
}

/** Protocol as stored by the kernel model (a name) → number. */
export function protoOf(p: string): number {
  return protoNum(p) ?? 0;
}

/** rtnl_rtprot_n2a. */
export function protoName(n: number): string {
  return PROTOS[n] ?? String(n);
}

/** rtnl_rttable_n2a. */
export function tableName(t: number): string {
  return t === RT_TABLE.main ? 'main' : t === RT_TABLE.local ? 'local' : t === RT_TABLE.default ? 'default' : t === 0 ? 'unspec' : String(t);
}

/** rtnl_rttable_a2n: undefined when invalid. */
export function tableNum(s: string): number | undefined {
  const m: Record<string, number> = { main: 254, local: 255, default: 253, unspec: 0 };
  if (Object.hasOwn(m, s)) return m[s];
  if (!/^(0[xX][0-9a-fA-F]+|\d+)$/.test(s)) return undefined;
  const n = s.startsWith('0x') || s.startsWith('0X') ? parseInt(s.slice(2), 16) : /^0\d/.test(s) ? parseInt(s, 8) : Number(s);
  return n <= 0xffffffff ? n : undefined;
}
