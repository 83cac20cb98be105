// The IPv4 forwarding information base: routing tables (local 255, main 254,
// default 253, numbered ones), rules (`ip rule`), and longest-prefix lookup.
// Dump order follows the kernel's trie: by destination, then prefix length,
// then TOS and metric.

import { type Ip4, inNet, netOf } from './addr.ts';
import type { NetDevice } from './netdev.ts';
import { SCOPE } from './netdev.ts';

export const RT_TABLE = { unspec: 0, default: 253, main: 254, local: 255 } as const;

/** Route types (RTN_*). */
export type RouteType = 'unicast' | 'local' | 'broadcast' | 'anycast' | 'multicast' | 'blackhole' | 'unreachable' | 'prohibit' | 'throw' | 'nat';

/** Route protocol (who installed it). */
export type RouteProto = 'unspec' | 'redirect' | 'kernel' | 'boot' | 'static' | 'dhcp' | string;

/** A route (fib_alias + fib_info, flattened). */
export interface Route {
  table: number;
  type: RouteType;
  dst: Ip4;
  dstLen: number;
  tos: number;
  metric: number;
  protocol: RouteProto;
  scope: number;
  prefsrc?: Ip4;
  gateway?: Ip4;
  dev?: NetDevice;
  onlink: boolean;
  /** RTAX_MTU metric (`mtu N`), and whether it is locked (`mtu lock N`: no PMTU discovery, DF cleared). */
  mtu?: number;
  mtuLock?: boolean;
  /**
   * Next-hop exceptions (struct fib_nh_exception) keyed by destination:
   * the path MTU learned from ICMP "fragmentation needed", until `expires`
   * (virtual ms). `ip route get` and `ip route show cache` show them.
   */
  exceptions?: Map<Ip4, { mtu: number; expires: number }>;
  /** Multipath (ECMP) next hops (`nexthop via … weight …`); `gateway`/`dev` are then unset. */
  nexthops?: Nexthop[];
}

/** One next hop of a multipath route (struct fib_nh). */
export interface Nexthop {
  gateway?: Ip4;
  dev: NetDevice;
  /** 1..256 (`weight`). */
  weight: number;
  onlink: boolean;
  /** RTNH_F_DEAD: its device went down (fib_sync_down_dev); cleared when it comes up. */
  dead: boolean;
}

/** True if a route (or one of its next hops) goes out through `dev`. */
export function routeUsesDev(r: Route, dev: NetDevice): boolean {
  return r.dev === dev || !!r.nexthops?.some((nh) => nh.dev === dev);
}

/**
 * fib_select_multipath(): hash-threshold selection among live next hops.
 * `hash` is a 31-bit flow hash; each next hop owns a slice of the hash space
 * proportional to its weight (fib_rebalance's upper bounds).
 */
export function selectNexthop(nhs: Nexthop[], hash: number, ok: (nh: Nexthop) => boolean = () => true): Nexthop | undefined {
  const alive = nhs.filter((nh) => !nh.dead && ok(nh));
  if (!alive.length) return undefined;
  const total = alive.reduce((n, nh) => n + nh.weight, 0);
  let acc = 0;
  for (const nh of alive) {
    acc += nh.weight;
    // upper bound = round(2^31 * acc / total) - 1
    const bound = Math.round((2 ** 31 * acc) / total) - 1;
    if (hash <= bound) return nh;
  }
  return alive[alive.length - 1];
}

/**
 * L3 flow hash (fib_multipath_hash_policy 0: source and destination address)
 * keyed by a per-namespace seed, as the kernel keys its flow hash with a
 * random secret: the choice is stable for a flow and differs between seeds.
 */
export function flowHashL3(seed: number, saddr: Ip4, daddr: Ip4): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const w of [saddr >>> 0, daddr >>> 0]) {
    h = Math.imul(h ^ w, 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h >>> 1;
}

/** A policy routing rule (`ip rule`). */
export interface Rule {
  priority: number;
  table: number;
  from?: { addr: Ip4; len: number };
  to?: { addr: Ip4; len: number };
  fwmark?: number;
  /** fwmask (default 0xffffffff): the rule matches when (mark & fwmask) === fwmark. */
  fwmask?: number;
  iif?: string;
  oif?: string;
  action: 'lookup' | 'blackhole' | 'unreachable' | 'prohibit';
}

/** The result of a route lookup. */
export interface FibResult {
  route: Route;
  table: number;
}

/** Compare two routes in kernel dump order. */
export function routeOrder(a: Route, b: Route): number {
  if (a.dst !== b.dst) return a.dst < b.dst ? -1 : 1;
  if (a.dstLen !== b.dstLen) return a.dstLen - b.dstLen;
  if (a.tos !== b.tos) return b.tos - a.tos;
  return a.metric - b.metric;
}

/** The routing tables and rules of one namespace. */
export class Fib {
  readonly tables = new Map<number, Route[]>();
  rules: Rule[] = [
    { priority: 0, table: RT_TABLE.local, action: 'lookup' },
    { priority: 32766, table: RT_TABLE.main, action: 'lookup' },
    { priority: 32767, table: RT_TABLE.default, action: 'lookup' },
  ];

  constructor() {
    this.tables.set(RT_TABLE.local, []);
    this.tables.set(RT_TABLE.main, []);
  }

  /** Routes of a table in dump order (empty when the table does not exist). */
  table(id: number): Route[] {
    return this.tables.get(id) ?? [];
  }

  /** Every route of every table (table order: numeric ascending, local last as the kernel dumps `table all`). */
  all(): Route[] {
    const ids = [...this.tables.keys()].sort((a, b) => a - b);
    return ids.flatMap((id) => this.table(id));
  }

  /** Insert keeping dump order. */
  insert(r: Route): void {
    let t = this.tables.get(r.table);
    if (!t) {
      t = [];
      this.tables.set(r.table, t);
    }
    let i = t.length;
    while (i > 0 && routeOrder(t[i - 1], r) > 0) i--;
    t.splice(i, 0, r);
  }

  /** Remove one route object. */
  remove(r: Route): void {
    const t = this.tables.get(r.table);
    if (!t) return;
    const i = t.indexOf(r);
    if (i >= 0) t.splice(i, 1);
  }

  /** Remove every route matching `pred`; returns how many. */
  removeWhere(pred: (r: Route) => boolean): number {
    let n = 0;
    for (const [id, t] of this.tables) {
      const keep = t.filter((r) => !pred(r));
      n += t.length - keep.length;
      this.tables.set(id, keep);
    }
    return n;
  }

  /** Routes with exactly this key (dst/len/tos/metric) in a table. */
  findExact(table: number, dst: Ip4, dstLen: number, tos = 0, metric?: number): Route[] {
    return this.table(table).filter((r) => r.dst === dst && r.dstLen === dstLen && r.tos === tos && (metric === undefined || r.metric === metric));
  }

  /** Longest-prefix match in one table; `usable` filters candidates (e.g. dead devices). */
  lookupTable(table: number, daddr: Ip4, usable: (r: Route) => boolean = () => true): Route | undefined {
    let best: Route | undefined;
    for (const r of this.table(table)) {
      if (!inNet(daddr, r.dst, r.dstLen)) continue;
      if (!usable(r)) continue;
      if (!best || r.dstLen > best.dstLen || (r.dstLen === best.dstLen && r.metric < best.metric)) best = r;
    }
    return best;
  }

  /** Policy lookup: walk rules in priority order (ignoring `throw` subtleties). */
  lookup(
    key: { daddr: Ip4; saddr?: Ip4; mark?: number; iif?: string; oif?: string },
    usable: (r: Route) => boolean = () => true,
  ): FibResult | undefined {
    const rules = [...this.rules].sort((a, b) => a.priority - b.priority);
    for (const rule of rules) {
      if (rule.from && (key.saddr === undefined || !inNet(key.saddr, rule.from.addr, rule.from.len))) continue;
      if (rule.to && !inNet(key.daddr, rule.to.addr, rule.to.len)) continue;
      if (rule.fwmark !== undefined && (((key.mark ?? 0) & (rule.fwmask ?? 0xffffffff)) >>> 0) !== rule.fwmark) continue;
      if (rule.iif !== undefined && key.iif !== rule.iif) continue;
      if (rule.oif !== undefined && key.oif !== rule.oif) continue;
      if (rule.action !== 'lookup') {
        return { route: { table: 0, type: rule.action, dst: 0, dstLen: 0, tos: 0, metric: 0, protocol: 'kernel', scope: SCOPE.nowhere, onlink: false }, table: 0 };
      }
      const r = this.lookupTable(rule.table, key.daddr, usable);
      if (r && r.type !== 'throw') return { route: r, table: rule.table };
    }
    return undefined;
  }
}

/** Network address helper re-export for callers building routes. */
export { netOf };
