// Netfilter's data model as the kernel stores it (struct ipt_entry and the
// xt_* match/target infos): rules are plain values so a table can be copied,
// committed atomically (like an nft batch) and printed by userland.

import type { Ip4 } from '../addr.ts';

/** The four iptables tables (security is not modelled). */
export type TableName = 'filter' | 'nat' | 'mangle' | 'raw';

/** Built-in chains of each table, in the order iptables lists them. */
export const BUILTIN_CHAINS: Record<TableName, readonly string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
};

/** Table order of iptables-nft (`iptables-save` prints tables in this order). */
export const TABLE_ORDER: readonly TableName[] = ['mangle', 'raw', 'filter', 'nat'];

/** A port or port range (`--dport 80`, `--dport 80:90`), possibly negated. */
export interface PortMatch {
  lo: number;
  hi: number;
  inv: boolean;
}

/** Conntrack state bits (xt_conntrack / xt_state). */
export const CT_STATE = {
  INVALID: 1,
  NEW: 2,
  ESTABLISHED: 4,
  RELATED: 8,
  UNTRACKED: 16,
  SNAT: 32,
  DNAT: 64,
} as const;
/** Names in the order iptables prints them. */
export const CT_STATE_ORDER = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'] as const;

/** addrtype bits (RTN_* as 1 << type). */
export const ADDRTYPES = ['UNSPEC', 'UNICAST', 'LOCAL', 'BROADCAST', 'ANYCAST', 'MULTICAST', 'BLACKHOLE', 'UNREACHABLE', 'PROHIBIT', 'THROW', 'NAT', 'XRESOLVE'] as const;

/** A match module's parameters (`-m NAME ...`). */
export type Match =
  | { kind: 'tcp'; sport?: PortMatch; dport?: PortMatch; flags?: { mask: number; cmp: number; inv: boolean }; option?: { kind: number; inv: boolean } }
  | { kind: 'udp'; sport?: PortMatch; dport?: PortMatch }
  | { kind: 'icmp'; type: number; codeMin: number; codeMax: number; inv: boolean }
  | { kind: 'multiport'; dir: 'src' | 'dst' | 'any'; ports: [number, number][]; inv: boolean }
  | { kind: 'state'; states: number; inv: boolean }
  | { kind: 'conntrack'; ctstate?: { states: number; inv: boolean } }
  | { kind: 'statistic'; mode: 'random'; prob: number; inv: boolean }
  | { kind: 'statistic'; mode: 'nth'; every: number; packet: number; inv: boolean; count: { n: number } }
  | { kind: 'comment'; text: string }
  | { kind: 'addrtype'; src?: { types: number; inv: boolean }; dst?: { types: number; inv: boolean }; limitIn: boolean; limitOut: boolean }
  | { kind: 'mark'; value: number; mask: number; inv: boolean }
  | { kind: 'iprange'; src?: { lo: number; hi: number; inv: boolean }; dst?: { lo: number; hi: number; inv: boolean } }
  /** xt_limit on the virtual clock: `avg` is XT_LIMIT_SCALE (10000) / rate-per-second; token bucket of `burst` packets. */
  | { kind: 'limit'; avg: number; burst: number; state: { tokens: number; last: number | undefined } }
  | { kind: 'length'; min: number; max: number; inv: boolean }
  /** xt_recent (kernel/netfilter/recent.ts): a named list of recently seen addresses. */
  | ({ kind: 'recent' } & import('./recent.ts').RecentInfo)
  /** xt_set: the packet's addresses/ports (by `dirs`) looked up in an IP set (kernel/netfilter/ipset.ts). */
  | { kind: 'set'; name: string; dirs: ('src' | 'dst')[]; inv: boolean }
  /** xt_ipvs: the packet belongs to an IPVS connection (skb->ipvs_property) with this virtual address, protocol, port. */
  | { kind: 'ipvs'; prop?: { inv: boolean }; vproto?: { proto: number; inv: boolean }; vaddr?: { addr: number; len: number; inv: boolean }; vport?: { port: number; inv: boolean } };

/** An address range with an optional port range (NAT targets). */
export interface NatRange {
  minIp?: Ip4;
  maxIp?: Ip4;
  minPort?: number;
  maxPort?: number;
}

/** A rule's target (`-j NAME ...`); `none` is a rule without -j (counting only). */
export type Target =
  | { kind: 'none' }
  | { kind: 'verdict'; verdict: 'ACCEPT' | 'DROP' | 'RETURN' }
  | { kind: 'jump'; chain: string; goto: boolean }
  | { kind: 'REJECT'; with: string }
  | { kind: 'DNAT'; range: NatRange; random: boolean; persistent: boolean }
  | { kind: 'SNAT'; range: NatRange; random: boolean; persistent: boolean; fully: boolean }
  | { kind: 'MASQUERADE'; minPort?: number; maxPort?: number; random: boolean; fully?: boolean }
  | { kind: 'REDIRECT'; minPort?: number; maxPort?: number; random: boolean }
  | { kind: 'MARK'; value: number; mask: number }
  | { kind: 'LOG'; prefix?: string; level: number; flags: number }
  | { kind: 'NOTRACK' }
  /** Mark the packet for tracing (raw table); events go to `xtables-monitor --trace`. */
  | { kind: 'TRACE' };

/** One rule (struct ipt_entry: the IP header part, matches, target, counters). */
export interface Rule {
  src: Ip4;
  srcLen: number;
  srcInv: boolean;
  dst: Ip4;
  dstLen: number;
  dstInv: boolean;
  iif: string;
  iifInv: boolean;
  oif: string;
  oifInv: boolean;
  /** IP protocol number, 0 = all. */
  proto: number;
  protoInv: boolean;
  /** -f / ! -f (second and later fragments). */
  frag?: boolean;
  fragInv?: boolean;
  matches: Match[];
  target: Target;
  pkts: number;
  bytes: number;
}

/** A chain: built-in chains have a policy, user chains do not. */
export interface Chain {
  name: string;
  builtin: boolean;
  policy?: 'ACCEPT' | 'DROP';
  /** Policy counters: packets that reached the end of a base chain (`policy DROP 3 packets, 252 bytes`). */
  pkts: number;
  bytes: number;
  /**
   * Whether the nft base chain has counters (NFTA_CHAIN_COUNTERS).
   * iptables-nft 1.8.9 sends them when it sets a policy (`-P`) or restores
   * a `:CHAIN POLICY [p:b]` line; a chain it creates implicitly for `-A`
   * has none, and its policy line keeps showing 0 packets.
   */
  counters?: boolean;
  rules: Rule[];
}

/** A table: its chains by name (built-ins first in their order, then user chains). */
export interface Table {
  name: TableName;
  chains: Map<string, Chain>;
}

/** A fresh rule matching everything with no target. */
export function emptyRule(): Rule {
  return { src: 0, srcLen: 0, srcInv: false, dst: 0, dstLen: 0, dstInv: false, iif: '', iifInv: false, oif: '', oifInv: false, proto: 0, protoInv: false, matches: [], target: { kind: 'none' }, pkts: 0, bytes: 0 };
}

/** A table with only its built-in chains, policies ACCEPT. */
export function newTable(name: TableName): Table {
  const chains = new Map<string, Chain>();
  for (const c of BUILTIN_CHAINS[name]) chains.set(c, { name: c, builtin: true, policy: 'ACCEPT', pkts: 0, bytes: 0, rules: [] });
  return { name, chains };
}

/** Copy of a table whose chain arrays may be edited; rules are shared (their counters survive). */
export function cloneTable(t: Table): Table {
  const chains = new Map<string, Chain>();
  for (const [k, c] of t.chains) chains.set(k, { ...c, rules: [...c.rules] });
  return { name: t.name, chains };
}

/** Deep copy of a rule (counters included), for stateful matches in a new table. */
export function cloneRule(r: Rule): Rule {
  return structuredClone(r);
}
