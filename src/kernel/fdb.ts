// Forwarding-database operations of PF_BRIDGE rtnetlink (RTM_NEWNEIGH /
// RTM_DELNEIGH / RTM_GETNEIGH with AF_BRIDGE), as `bridge fdb` uses them:
//
//   bridge fdb add MAC dev PORT master   → br_fdb_add on PORT's bridge
//   bridge fdb add MAC dev DEV [self]    → the device's own unicast list
//                                          (ndo_dflt_fdb_add), or the bridge
//                                          FDB when DEV is the bridge itself
//
// and the per-device address lists a dump reports as `self permanent`
// entries: the unicast list plus the multicast groups the device joined
// (dev->mc: IPv6 all-nodes at registration, IGMP all-hosts while up, the
// bridge's multicast-router groups while up, solicited-node groups of its
// IPv6 addresses).

import type { Ip4, Mac } from './addr.ts';
import { fail } from './errno.ts';
import type { FdbEntry, NetDevice } from './netdev.ts';

/** Secondary unicast addresses added with `bridge fdb add MAC dev DEV self` (dev->uc). */
const ucLists = new WeakMap<NetDevice, Mac[]>();

/** The unicast address list of a device (beyond its own MAC). */
export function devUcList(dev: NetDevice): Mac[] {
  return ucLists.get(dev) ?? [];
}

/** Solicited-node multicast MAC of an IPv6 address (33:33:ff + low 24 bits). */
function solicitedMac(addr6: string): Mac {
  const groups = expand6(addr6);
  const w6 = groups[6];
  const w7 = groups[7];
  const h = (n: number): string => n.toString(16).padStart(2, '0');
  return `33:33:ff:${h(w6 & 0xff)}:${h(w7 >> 8)}:${h(w7 & 0xff)}`;
}

/** Expand an IPv6 text address into eight 16-bit groups. */
function expand6(a: string): number[] {
  const [head, tail] = a.includes('::') ? a.split('::') : [a, undefined];
  const hs = head ? head.split(':').map((x) => parseInt(x, 16)) : [];
  const ts = tail !== undefined && tail !== '' ? tail.split(':').map((x) => parseInt(x, 16)) : [];
  const zeros = tail === undefined ? [] : new Array(8 - hs.length - ts.length).fill(0);
  return [...hs, ...zeros, ...ts];
}

/**
 * The multicast list of a device (dev->mc) in the order the kernel joined
 * the groups. Loopback has none (no IFF_MULTICAST).
 */
export function devMcList(dev: NetDevice): Mac[] {
  if (dev.kind === 'loopback') return [];
  const out: Mac[] = ['33:33:00:00:00:01'];
  if (dev.adminUp) {
    if (dev.kind === 'bridge') out.push('01:00:5e:00:00:6a', '33:33:00:00:00:6a');
    out.push('01:00:5e:00:00:01');
  }
  for (const a of dev.inet6) {
    if (a.addr === '::1') continue;
    const m = solicitedMac(a.addr);
    if (!out.includes(m)) out.push(m);
  }
  return out;
}

/** NUD state of a new FDB entry as `bridge fdb add` requests it. */
export type FdbAddState = 'permanent' | 'static' | 'dynamic';

/** Options of an FDB add: which table (`master` = the bridge, `self` = the device) and NLM flags. */
export interface FdbAddOptions {
  master: boolean;
  self: boolean;
  state: FdbAddState;
  /** NLM_F_EXCL (add), NLM_F_REPLACE (replace), NLM_F_APPEND (append). */
  excl: boolean;
  replace: boolean;
}

/** The bridge whose FDB `dev` addresses: its master for a port, itself for a bridge. */
function bridgeOf(dev: NetDevice): NetDevice | undefined {
  if (dev.bridge) return dev;
  return dev.master?.bridge ? dev.master : undefined;
}

/** rtnl_fdb_add: add an FDB entry for `mac` on `dev`. */
export function fdbAdd(dev: NetDevice, mac: Mac, o: FdbAddOptions): void {
  const now = dev.ns.now;
  if (o.master) {
    const br = dev.master?.bridge ? dev.master : undefined;
    if (!br) fail('EOPNOTSUPP');
    brFdbAdd(br, dev, mac, o, now);
    return;
  }
  // self (the default): a bridge adds to its own FDB, other devices to their unicast list.
  if (dev.bridge) {
    brFdbAdd(dev, dev, mac, o, now);
    return;
  }
  const uc = ucLists.get(dev) ?? [];
  if (uc.includes(mac)) {
    if (o.excl) fail('EEXIST');
    return;
  }
  uc.push(mac);
  ucLists.set(dev, uc);
}

/** br_fdb_add/fdb_add_entry on bridge `br` for port `port` (the bridge itself = no port). */
function brFdbAdd(br: NetDevice, port: NetDevice, mac: Mac, o: FdbAddOptions, now: number): void {
  const b = br.bridge!;
  if (o.state === 'dynamic' && port === br) fail('EINVAL');
  // A dynamic entry needs a port that is not disabled.
  if (o.state === 'dynamic' && !(br.adminUp && port.adminUp && port.carrier)) fail('EPERM');
  const existing = b.fdb.get(mac);
  if (existing && o.excl) fail('EEXIST');
  const e: FdbEntry = {
    mac,
    dev: port,
    local: o.state === 'permanent',
    isStatic: o.state !== 'dynamic',
    updated: now,
  };
  b.fdb.set(mac, e);
}

/** rtnl_fdb_del: remove the entry for `mac` from the table `master`/`self` names. */
export function fdbDel(dev: NetDevice, mac: Mac, master: boolean): void {
  if (master) {
    const br = dev.master?.bridge ? dev.master : undefined;
    if (!br) fail('EOPNOTSUPP');
    brFdbDel(br, dev, mac);
    return;
  }
  if (dev.bridge) {
    brFdbDel(dev, dev, mac);
    return;
  }
  const uc = ucLists.get(dev) ?? [];
  const i = uc.indexOf(mac);
  if (i < 0) fail('ENOENT');
  uc.splice(i, 1);
}

function brFdbDel(br: NetDevice, port: NetDevice, mac: Mac): void {
  const b = br.bridge!;
  const e = b.fdb.get(mac);
  if (!e || (e.dev !== port && !(port === br && e.dev === br))) fail('ENOENT');
  b.fdb.delete(mac);
}

/** True when a learned entry has outlived the bridge's ageing time (it no longer shows). */
export function fdbExpired(br: NetDevice, e: FdbEntry): boolean {
  const b = br.bridge!;
  return !e.local && !e.isStatic && br.ns.now - e.updated > b.ageingTime;
}

/** Entries of bridge `br` in dump order, including the bridge's own address when no port carries it. */
export function fdbEntries(br: NetDevice): FdbEntry[] {
  const out = [...br.bridge!.fdb.values()].filter((e) => !fdbExpired(br, e));
  if (!out.some((e) => e.local && e.mac === br.mac)) {
    out.push({ mac: br.mac, dev: br, local: true, isStatic: true, updated: 0 });
  }
  return out;
}

export { bridgeOf };

/** NUD state and flags of an FDB request: `bridge fdb add|append|replace|del`, and for a vxlan device its remote. */
export interface FdbRequest {
  /** NTF_MASTER: the bridge's table (the device is its port). */
  master: boolean;
  /** NTF_SELF: the device's own table (a bridge's FDB, a vxlan's remotes, or the unicast list). */
  self: boolean;
  state: FdbAddState;
  /** NLM_F_EXCL (add), NLM_F_REPLACE (replace), NLM_F_APPEND (append). */
  excl: boolean;
  replace: boolean;
  append?: boolean;
  /** NDA_DST: a vxlan remote VTEP. */
  dst?: Ip4;
}

/** One FDB entry as an AF_BRIDGE RTM_GETNEIGH dump reports it (a snapshot). */
export interface FdbInfo {
  readonly mac: Mac;
  /** NTF_MASTER: the bridge whose FDB holds it; undefined for the device's own (NTF_SELF) entries. */
  readonly master?: NetDevice;
  /** `permanent`, `static` or '' (dynamic). */
  readonly state: 'permanent' | 'static' | '';
  /** ms since the entry was last refreshed (0 for local ones). */
  readonly age: number;
  /** vxlan: the remote VTEP, and the underlay device of a default (all-zeros) entry. */
  readonly dst?: Ip4;
  readonly via?: NetDevice;
}

const ZERO_MAC = '00:00:00:00:00:00';

/** rtnl_fdb_add: add to the table(s) the request names (master, then self; a vxlan's own table is its remotes). */
export function fdbRequestAdd(dev: NetDevice, mac: Mac, o: FdbRequest): void {
  if (o.master) fdbAdd(dev, mac, { master: true, self: false, state: o.state, excl: o.excl, replace: o.replace });
  if (o.self) {
    if (dev.vxlan) vxlanFdbAdd(dev, mac, o);
    else fdbAdd(dev, mac, { master: false, self: true, state: o.state, excl: o.excl, replace: o.replace });
  }
}

/** rtnl_fdb_del: remove from the table(s) the request names. */
export function fdbRequestDel(dev: NetDevice, mac: Mac, o: Pick<FdbRequest, 'master' | 'self' | 'dst'>): void {
  if (o.master) fdbDel(dev, mac, true);
  if (o.self) {
    if (dev.vxlan) vxlanFdbDel(dev, mac, o.dst);
    else fdbDel(dev, mac, false);
  }
}

/** vxlan_fdb_add: MAC → remote VTEP(s) in the device's own table; without dst the device's default remote. */
function vxlanFdbAdd(dev: NetDevice, mac: Mac, o: FdbRequest): void {
  const vx = dev.vxlan!;
  if (!vx.fdb) vx.fdb = new Map();
  const list = vx.fdb.get(mac);
  const target = o.dst ?? vx.remote;
  if (target === undefined) fail('EINVAL');
  const entry = { dst: target, permanent: o.state === 'permanent', learned: false, updated: dev.ns.now };
  if (o.excl && list) fail('EEXIST');
  if (o.append && list) {
    if (!list.some((e) => e.dst === target)) list.push(entry);
  } else vx.fdb.set(mac, [entry]);
}

/** vxlan_fdb_delete: the MAC's entries, or only the one to `dst`. */
function vxlanFdbDel(dev: NetDevice, mac: Mac, dst: Ip4 | undefined): void {
  const fdb = dev.vxlan!.fdb;
  const list = fdb?.get(mac);
  if (!fdb || !list) fail('ENOENT');
  const rest = dst === undefined ? [] : list.filter((e) => e.dst !== dst);
  if (dst !== undefined && rest.length === list.length) fail('ENOENT');
  if (rest.length) fdb.set(mac, rest);
  else fdb.delete(mac);
}

/**
 * rtnl_fdb_dump for one device, in the order `bridge fdb show` prints it: a
 * vxlan's remotes (the default entry last); a bridge's own address lists,
 * then its FDB entries on itself; a port's entries in its bridge's FDB, then
 * its own address lists.
 */
export function fdbDump(dev: NetDevice): FdbInfo[] {
  const out: FdbInfo[] = [];
  const now = dev.ns.now;
  const self = (): void => {
    for (const mac of devUcList(dev)) out.push({ mac, state: 'permanent', age: 0 });
    for (const mac of devMcList(dev)) out.push({ mac, state: 'permanent', age: 0 });
  };
  const master = (br: NetDevice): void => {
    for (const e of fdbEntries(br)) {
      if (e.dev !== dev) continue;
      out.push({ mac: e.mac, master: br, state: e.local ? 'permanent' : e.isStatic ? 'static' : '', age: e.local ? 0 : Math.max(0, now - e.updated) });
    }
  };
  if (dev.vxlan) {
    const vx = dev.vxlan;
    const fdb = vx.fdb;
    if (!fdb) return out;
    const keys = [...fdb.keys()].sort((a, b) => (a === ZERO_MAC ? 1 : 0) - (b === ZERO_MAC ? 1 : 0));
    for (const mac of keys) {
      for (const e of fdb.get(mac)!) {
        const via = vx.dev && mac === ZERO_MAC && !e.learned ? vx.dev : undefined;
        out.push({ mac, state: e.permanent ? 'permanent' : '', age: Math.max(0, now - e.updated), dst: e.dst, via });
      }
    }
    return out;
  }
  if (dev.bridge) {
    self();
    master(dev);
  } else {
    if (dev.master?.bridge) master(dev.master);
    self();
  }
  return out;
}

/** One record of /sys/class/net/BR/brforward (struct __fdb_entry): the entries on ports. */
export interface BrForwardEntry {
  readonly mac: Mac;
  readonly portNo: number;
  readonly local: boolean;
  /** Ageing timer value, ms (0 for local entries). */
  readonly age: number;
}

/** br_fdb_fillbuf: the bridge's forwarding entries on its ports, in table order. */
export function brForward(br: NetDevice): BrForwardEntry[] {
  const now = br.ns.now;
  return fdbEntries(br)
    .filter((e) => e.dev !== br)
    .map((e) => ({ mac: e.mac, portNo: e.dev.port?.portNo ?? 0, local: e.local, age: e.local ? 0 : Math.max(0, now - e.updated) }));
}
