// IP sets (net/netfilter/ipset): named sets of addresses, networks and
// address/port pairs kept per network namespace, tested by the `set` match
// (xt_set) on the packet path. Types modelled: hash:ip, hash:net (with
// `nomatch` entries), hash:ip,port, hash:net,port, hash:ip,port,ip,
// hash:ip,port,net, bitmap:port (what kube-proxy's IPVS mode uses) and
// list:set; per-entry
// timeouts run on the virtual clock; `counters` count packets that matched.
// Userland (`ipset`) manages them through the operations below, as the real
// tool does through nfnetlink.

import { inNet, netOf, type Ip4 } from '../addr.ts';
import type { NetNs } from '../netns.ts';

/** The set types this kernel knows, with the revision `ipset list` prints. */
export const IPSET_TYPES: Record<string, number> = Object.setPrototypeOf({ 'hash:ip': 6, 'hash:net': 7, 'hash:ip,port': 7, 'hash:net,port': 8, 'hash:ip,port,ip': 6, 'hash:ip,port,net': 8, 'bitmap:port': 3, 'list:set': 3 }, null);

/** The per-entry memory each hash type uses (bytes, as `Size in memory` grows; recorded on 6.18). */
const ENTRY_BYTES: Record<string, number> = { 'hash:ip': 40, 'hash:net': 48, 'hash:ip,port': 48, 'hash:net,port': 48, 'hash:ip,port,ip': 56, 'hash:ip,port,net': 56, 'list:set': 48 };
/** The memory of an empty set of each type (recorded on 6.18). */
const BASE_BYTES: Record<string, number> = { 'hash:ip': 216, 'hash:net': 456, 'hash:ip,port': 216, 'hash:net,port': 456, 'hash:ip,port,ip': 208, 'hash:ip,port,net': 464, 'list:set': 80 };

/** One element. `cidr` is 32 for hash:ip; `proto`/`port` for the ,port types; `member` for list:set. */
export interface IpsetEntry {
  ip: Ip4;
  cidr: number;
  proto?: number;
  port?: number;
  member?: string;
  /** The third dimension of hash:ip,port,ip (cidr2 32) and hash:ip,port,net. */
  ip2?: Ip4;
  cidr2?: number;
  nomatch?: boolean;
  /** Absolute virtual time (ms) the entry expires, when the set has timeouts. */
  expires?: number;
  comment?: string;
  packets: number;
  bytes: number;
}

/** One set. */
export interface IpSet {
  name: string;
  type: string;
  hashsize: number;
  maxelem: number;
  /** Default timeout in seconds (the set supports timeouts when defined). */
  timeout?: number;
  counters: boolean;
  comment: boolean;
  /** list:set size. */
  size: number;
  /** bitmap:port `range FROM-TO`. */
  portRange?: [number, number];
  initval: number;
  entries: Map<string, IpsetEntry>;
}

/** Why an operation failed: the kernel's reason, which `ipset` prints. */
export class IpsetError extends Error {}

/** The sets of a namespace, in creation order. */
export interface IpsetNs {
  sets: Map<string, IpSet>;
}

const perNs = new WeakMap<NetNs, IpsetNs>();

/** The ipset state of a namespace. */
export function ipsetOf(ns: NetNs): IpsetNs {
  let s = perNs.get(ns);
  if (!s) perNs.set(ns, (s = { sets: new Map() }));
  return s;
}

/** The key of an entry inside its set (what makes two adds "the same element"). */
export function entryKey(e: Pick<IpsetEntry, 'ip' | 'cidr' | 'proto' | 'port' | 'member' | 'ip2' | 'cidr2'>): string {
  if (e.member !== undefined) return e.member;
  const third = e.ip2 === undefined ? '' : `/${netOf(e.ip2, e.cidr2 ?? 32) >>> 0}/${e.cidr2 ?? 32}`;
  return `${netOf(e.ip, e.cidr) >>> 0}/${e.cidr}/${e.proto ?? ''}/${e.port ?? ''}${third}`;
}

/** Drop expired entries (lazily, as the kernel's garbage collector would have). */
function expire(set: IpSet, now: number): void {
  for (const [k, e] of set.entries) if (e.expires !== undefined && e.expires <= now) set.entries.delete(k);
}

/** Live entries of a set at `now`. */
export function ipsetEntries(set: IpSet, now: number): IpsetEntry[] {
  expire(set, now);
  return [...set.entries.values()];
}

/** `Size in memory` as `ipset list` prints it. */
export function ipsetMemory(set: IpSet, now: number): number {
  const n = ipsetEntries(set, now).length;
  // bitmap:port: a fixed bitmap of the whole range (one bit a port, in longs) plus the set header.
  if (set.type === 'bitmap:port' && set.portRange) return 72 + Math.ceil((set.portRange[1] - set.portRange[0] + 1) / 64) * 8;
  let per = ENTRY_BYTES[set.type] ?? 48;
  if (set.type.startsWith('hash:')) {
    if (set.timeout !== undefined) per += 24;
    if (set.counters) per += 40;
    if (set.comment) per += 9;
  }
  return (BASE_BYTES[set.type] ?? 200) + n * per + (set.type === 'list:set' ? 0 : 0);
}

/** How many kernel references a set has: iptables rules using it (passed in) and list:set memberships. */
export function ipsetListRefs(ns: NetNs, name: string): number {
  let n = 0;
  for (const s of ipsetOf(ns).sets.values()) if (s.type === 'list:set' && s.entries.has(name)) n++;
  return n;
}

/** Create a set. */
export function ipsetCreate(ns: NetNs, set: IpSet, exist: boolean): void {
  const st = ipsetOf(ns);
  const old = st.sets.get(set.name);
  if (old) {
    if (exist && old.type === set.type) return;
    throw new IpsetError('Set cannot be created: set with the same name already exists');
  }
  st.sets.set(set.name, set);
}

/** Add an element. */
export function ipsetAdd(ns: NetNs, set: IpSet, e: IpsetEntry, exist: boolean): void {
  const now = ns.kernel.clock.now;
  expire(set, now);
  if (set.type === 'list:set') {
    const target = ipsetOf(ns).sets.get(e.member ?? '');
    if (!target) throw new IpsetError('Set to be added/deleted/tested as element does not exist.');
    if (target.type === 'list:set') throw new IpsetError('Sets with list:set type cannot be added to the set.');
  }
  const k = entryKey(e);
  const have = set.entries.get(k);
  if (have) {
    if (!exist) throw new IpsetError("Element cannot be added to the set: it's already added");
    // -exist re-adds: the timeout (and nomatch flag) are refreshed.
    have.expires = e.expires;
    have.nomatch = e.nomatch;
    if (e.comment !== undefined) have.comment = e.comment;
    return;
  }
  if (set.portRange && e.port !== undefined && (e.port < set.portRange[0] || e.port > set.portRange[1])) throw new IpsetError('Element is out of the range of the set');
  if (set.type === 'list:set' ? set.entries.size >= set.size : set.entries.size >= set.maxelem) throw new IpsetError('Hash is full, cannot add more elements');
  set.entries.set(k, e);
}

/** Delete an element. */
export function ipsetDel(ns: NetNs, set: IpSet, e: Pick<IpsetEntry, 'ip' | 'cidr' | 'proto' | 'port' | 'member' | 'ip2' | 'cidr2'>, exist: boolean): void {
  expire(set, ns.kernel.clock.now);
  if (set.type === 'list:set' && !ipsetOf(ns).sets.has(e.member ?? '')) throw new IpsetError('Set to be added/deleted/tested as element does not exist.');
  if (!set.entries.delete(entryKey(e)) && !exist) throw new IpsetError("Element cannot be deleted from the set: it's not added");
}

/** A packet's view for a set test: addresses, protocol and ports. */
export interface IpsetProbe {
  src: Ip4;
  dst: Ip4;
  /** IP protocol number. */
  proto: number;
  sport?: number;
  dport?: number;
  len: number;
}

/**
 * Does the packet match the set (xt_set's ip_set_test)? `dirs` names, per
 * dimension, whether the source or the destination is looked up (`src`,
 * `dst,dst`…). For hash:net the most specific matching entry decides, and a
 * `nomatch` entry makes the test fail.
 */
export function ipsetTest(ns: NetNs, name: string, dirs: ('src' | 'dst')[], p: IpsetProbe, depth = 0, count = true): boolean {
  const set = ipsetOf(ns).sets.get(name);
  if (!set) return false;
  const now = ns.kernel.clock.now;
  expire(set, now);
  if (set.type === 'list:set') {
    if (depth > 4) return false;
    for (const m of set.entries.keys()) if (ipsetTest(ns, m, dirs, p, depth + 1, count)) return true;
    return false;
  }
  if (set.type === 'bitmap:port') {
    // bitmap_port_kadt: the first direction picks the port; any protocol with ports, the protocol itself is not stored.
    const port = (dirs[0] ?? 'src') === 'src' ? p.sport : p.dport;
    if (port === undefined) return false;
    const hit = set.entries.get(entryKey({ ip: 0, cidr: 0, port }));
    if (!hit) return false;
    if (count && set.counters) {
      hit.packets++;
      hit.bytes += p.len;
    }
    return true;
  }
  const addr = (dirs[0] ?? 'src') === 'src' ? p.src : p.dst;
  let port: number | undefined;
  if (set.type.includes(',port')) {
    const pd = dirs[1] ?? dirs[0] ?? 'src';
    port = pd === 'src' ? p.sport : p.dport;
    // ICMP and other protocols without ports carry type/code or 0 in the kernel; only TCP/UDP are kept here.
    if (port === undefined) return false;
  }
  // hash:ip,port,ip and hash:ip,port,net: the third direction picks the second address.
  const third = set.type === 'hash:ip,port,ip' || set.type === 'hash:ip,port,net';
  const addr2 = (dirs[2] ?? dirs[1] ?? dirs[0] ?? 'src') === 'src' ? p.src : p.dst;
  let best: IpsetEntry | undefined;
  for (const e of set.entries.values()) {
    if (!inNet(addr, e.ip, e.cidr)) continue;
    if (port !== undefined && (e.port !== port || e.proto !== p.proto)) continue;
    if (third && (e.ip2 === undefined || !inNet(addr2, e.ip2, e.cidr2 ?? 32))) continue;
    if (!best || e.cidr > best.cidr || (third && e.cidr === best.cidr && (e.cidr2 ?? 32) > (best.cidr2 ?? 32))) best = e;
  }
  if (!best || best.nomatch) return false;
  if (count && set.counters) {
    best.packets++;
    best.bytes += p.len;
  }
  return true;
}

/** Test one element given on the command line (`ipset test`): true when in the set. */
export function ipsetTestEntry(ns: NetNs, set: IpSet, e: Pick<IpsetEntry, 'ip' | 'cidr' | 'proto' | 'port' | 'member' | 'ip2' | 'cidr2'>): boolean {
  expire(set, ns.kernel.clock.now);
  if (set.type === 'list:set') {
    if (!ipsetOf(ns).sets.has(e.member ?? '')) throw new IpsetError('Set to be added/deleted/tested as element does not exist.');
    return set.entries.has(e.member ?? '');
  }
  if (set.type === 'hash:net' || set.type === 'hash:net,port') {
    // A host address is looked up like a packet would be; a network must be the stored network.
    if (e.cidr === 32) {
      const probe: IpsetProbe = { src: e.ip, dst: e.ip, proto: e.proto ?? 6, sport: e.port, dport: e.port, len: 0 };
      return ipsetTest(ns, set.name, ['src', 'src'], probe, 0, false);
    }
    const hit = set.entries.get(entryKey(e));
    return !!hit && !hit.nomatch;
  }
  return set.entries.has(entryKey(e));
}

/** Flush one set (or every set). */
export function ipsetFlush(ns: NetNs, name?: string): void {
  for (const s of ipsetOf(ns).sets.values()) if (name === undefined || s.name === name) s.entries.clear();
}

/** Destroy one set (or every unreferenced set when none is named); `refs` counts iptables references. */
export function ipsetDestroy(ns: NetNs, name: string | undefined, refs: (name: string) => number): void {
  const st = ipsetOf(ns);
  const inUse = (n: string): boolean => refs(n) + ipsetListRefs(ns, n) > 0;
  if (name === undefined) {
    for (const n of st.sets.keys()) if (inUse(n)) throw new IpsetError('Set cannot be destroyed: it is in use by a kernel component');
    st.sets.clear();
    return;
  }
  if (!st.sets.has(name)) throw new IpsetError('The set with the given name does not exist');
  if (inUse(name)) throw new IpsetError('Set cannot be destroyed: it is in use by a kernel component');
  st.sets.delete(name);
}

/** Swap the contents (and names) of two sets of the same type. */
export function ipsetSwap(ns: NetNs, a: string, b: string): void {
  const st = ipsetOf(ns);
  const x = st.sets.get(a);
  const y = st.sets.get(b);
  if (!x || !y) throw new IpsetError('The set with the given name does not exist');
  if (x.type !== y.type) throw new IpsetError('The sets cannot be swapped: their type does not match');
  // The kernel exchanges the set structures behind the two names (references stay with the names).
  const order = [...st.sets.keys()];
  x.name = b;
  y.name = a;
  const next = new Map<string, IpSet>();
  for (const n of order) next.set(n, n === a ? y : n === b ? x : st.sets.get(n)!);
  st.sets = next;
}
