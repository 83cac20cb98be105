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

import type { Mac } from './addr.ts';
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
