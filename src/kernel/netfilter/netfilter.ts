// Netfilter as Linux draws it: five hooks on the IPv4 path, and at each hook
// the tables registered there, called in priority order.
//
//   ──> PREROUTING ──> [routing] ──> FORWARD ──────────────> POSTROUTING ──>
//       raw  -300           │        mangle -150              mangle -150
//       conntrack -200      │        filter    0              nat (SNAT) 100
//       mangle -150         ▼                                 confirm  MAX
//       nat (DNAT) -100   INPUT                                    ▲
//                         mangle -150                              │
//                         filter  0                             OUTPUT
//                         nat (SNAT) 100                        raw -300
//                         confirm  MAX                          conntrack -200
//                            │                                  mangle -150
//                            ▼                                  nat (DNAT) -100
//                       local sockets ──────> [routing] ──────> filter 0
//
// Matches answer yes/no, targets return verdicts, conntrack keeps original
// and reply tuples, NAT binds on a connection's first packet and every later
// packet (replies included) is rewritten from the binding.

import { type Ip4, fmtIp4, inNet, isMulticast4, IP4_BROADCAST, maskOf } from '../addr.ts';
import type { Errno } from '../errno.ts';
import type { NetDevice } from '../netdev.ts';
import { SCOPE } from '../netdev.ts';
import type { NetNs } from '../netns.ts';
import { type Ipv4Packet, cloneIp4, ip4Len, traceStep } from '../packet.ts';
import { tm, type TraceMsg } from '../trace-texts.ts';
import { type NetfilterImpl, type NfHook, type NfVerdict, type Skb, registerNetfilter } from '../stack.ts';
import { type CtDir, type CtEntry, type CtInfo, type Tuple, ConntrackTable, ICMP_ERROR_TYPES, ORIGINAL, REPLY, ctPacket, invert, tupleOf } from './conntrack.ts';
import { type Chain, type Match, type Rule, type Table, type TableName, type Target, CT_STATE, TABLE_ORDER } from './types.ts';
import { RECENT_NAME_MAX, recentMatch, recentSync } from './recent.ts';
import { ipsetTest } from './ipset.ts';
import type { NftChain, NftState, NftTable } from './nft.ts';

/** Deepest chain nesting a packet may reach (the kernel's jump stack). */
export const MAX_JUMP_DEPTH = 64;
/** Most rules one packet may be tested against at one hook. */
export const MAX_RULES_PER_HOOK = 1_000_000;
/** Lines kept from the LOG target (the kernel ring buffer, `dmesg`). */
export const LOG_LINES = 1000;

/** Per-namespace netfilter state: tables, conntrack, the LOG ring. */
export class NfNs {
  readonly ns: NetNs;
  /** Tables that exist (iptables-nft creates a table on first change). */
  readonly tables = new Map<TableName, Table>();
  readonly conntrack: ConntrackTable;
  /** Rules needing conntrack (nf_ct_netns_get): tracking is on while > 0. */
  ctUsers = 0;
  /** Lines written by the LOG target. */
  readonly log: string[] = [];
  /** Bumped on every commit (for caches and views). */
  generation = 0;
  /** Listeners for trace events of packets marked by -j TRACE (nfnetlink NFNLGRP_NFTRACE: xtables-monitor --trace). */
  readonly traceListeners = new Set<(ev: NfTraceEvent) => void>();
  /** Native nf_tables tables made with `nft` (nft.ts); undefined until the first one. */
  nft?: NftState;
  /** Creation order of the iptables-nft tables (for `nft list ruleset`). */
  readonly xtSeq = new Map<TableName, number>();
  /** Next creation sequence number shared by native and iptables-nft tables. */
  tableSeq = 0;
  /**
   * The chains iptables-nft has created in nf_tables ("table\0chain" →
   * creation order): user chains, and built-in chains once a rule, a policy
   * or a restore line made them (iptables-nft 1.8.9 creates base chains on
   * demand, and `-X` removes the empty ACCEPT ones again).
   */
  readonly xtChains = new Map<string, number>();
  chainSeq = 0;

  constructor(ns: NetNs) {
    this.ns = ns;
    this.conntrack = new ConntrackTable(() => ns.kernel.clock.now);
  }
}

/**
 * One nf_tables trace event (NFT_MSG_TRACE) for a packet marked by -j TRACE:
 * a rule that matched and its verdict, the end of a user chain (return), or
 * a built-in chain's policy. The first rule event of each table at a hook
 * carries the packet's headers, as the kernel sends them once per base chain.
 */
export interface NfTraceEvent {
  /** Trace id (per packet in this namespace). */
  id: number;
  table: TableName;
  chain: string;
  type: 'rule' | 'return' | 'policy';
  /** Rule handle (type `rule`). */
  handle?: number;
  rule?: Rule;
  /** ACCEPT, DROP, CONTINUE, JUMP:chain, GOTO:chain, or a raw code such as 0xfffffffb (RETURN). */
  verdict?: string;
  /** The packet as it was when this table was entered (first rule event only). */
  packet?: { iif?: string; oif?: string; pkt: Ipv4Packet; mark: number };
}

/** Packets marked by -j TRACE (skb->nf_trace), with their trace id; cleared when the skb leaves the namespace. */
const nfTraced = new WeakMap<Skb, number>();

/** nft rule handles as iptables-nft allocates them per table: chains first, then rules in dump order. */
function ruleHandle(t: Table, chain: Chain, r: Rule): number {
  let h = t.chains.size;
  for (const c of t.chains.values()) {
    for (const x of c.rules) {
      h++;
      if (x === r && c === chain) return h;
    }
  }
  return h;
}

/** The netfilter state of a namespace (created on first use). */
export function nfOf(ns: NetNs): NfNs {
  let st = ns.nf.state as NfNs | undefined;
  if (!st) {
    st = new NfNs(ns);
    ns.nf.state = st;
  }
  return st;
}

/** Conntrack info attached to a packet (skb->_nfct). */
export interface SkbCt {
  info: CtInfo;
  dir: CtDir;
  /** The entry this packet belongs to (absent when INVALID/UNTRACKED). */
  entry?: CtEntry;
}

function skbCt(skb: Skb): SkbCt | undefined {
  return skb.ctinfo as SkbCt | undefined;
}

// ── commit and validation ────────────────────────────────────────────────

/** Hooks each built-in chain is attached to. */
const CHAIN_HOOK: Record<string, NfHook> = { PREROUTING: 'PREROUTING', INPUT: 'INPUT', FORWARD: 'FORWARD', OUTPUT: 'OUTPUT', POSTROUTING: 'POSTROUTING' };

/** Why a commit was refused: the errno iptables reports. */
export interface CommitError {
  errno: Errno | 'EMLINK';
  /** Chain of the offending rule. */
  chain?: string;
}

function needsConntrack(r: Rule): boolean {
  if (r.matches.some((m) => m.kind === 'state' || m.kind === 'conntrack')) return true;
  const k = r.target.kind;
  return k === 'DNAT' || k === 'SNAT' || k === 'MASQUERADE' || k === 'REDIRECT' || k === 'NOTRACK';
}

/** Is a target allowed in this table at these hooks (xt_check_target)? */
function targetOk(t: Target, table: TableName, hooks: Set<NfHook>, r: Rule): boolean {
  const only = (tbl: TableName | undefined, allowed: NfHook[]): boolean => (tbl === undefined || tbl === table) && [...hooks].every((h) => allowed.includes(h));
  switch (t.kind) {
    case 'DNAT':
    case 'REDIRECT':
      return only('nat', ['PREROUTING', 'OUTPUT']);
    case 'SNAT':
      return only('nat', ['POSTROUTING', 'INPUT']);
    case 'MASQUERADE':
      return only('nat', ['POSTROUTING']);
    case 'REJECT':
      if (t.with === 'tcp-reset' && (r.proto !== 6 || r.protoInv)) return false;
      return only(undefined, ['INPUT', 'FORWARD', 'OUTPUT']);
    case 'NOTRACK':
    case 'TRACE':
      return only('raw', ['PREROUTING', 'OUTPUT']);
    default:
      return true;
  }
}

function matchOk(m: Match, hooks: Set<NfHook>): boolean {
  if (m.kind === 'recent') {
    // recent_mt_check: --set/--remove take no modifiers, --reap needs --seconds, names are path-safe.
    if ((m.cmd === 'set' || m.cmd === 'remove') && (m.seconds || m.hitcount || m.reap || m.rttl)) return false;
    if (m.reap && !m.seconds) return false;
    if (!m.name || m.name.length > RECENT_NAME_MAX || m.name.includes('/') || m.name === '.' || m.name === '..') return false;
  }
  if (m.kind === 'addrtype') {
    if (m.limitIn && [...hooks].some((h) => h === 'OUTPUT' || h === 'POSTROUTING')) return false;
    if (m.limitOut && [...hooks].some((h) => h === 'PREROUTING' || h === 'INPUT')) return false;
  }
  return true;
}

/**
 * Replace a table atomically (an nft batch / IPT_SO_SET_REPLACE). Refuses
 * with EMLINK when a loop of jumps is reachable from a built-in chain, with
 * EINVAL when a target or match is used where the kernel forbids it, and
 * with ENOENT when a jump names a missing chain.
 */
export function nfCommit(ns: NetNs, table: Table): CommitError | undefined {
  const st = nfOf(ns);
  const memos = memoOf(st);
  // Per chain: how many leading rules are the very rules last committed
  // (commands clone tables, so an unchanged rule is the same object), and
  // where its jumps are. Only rules after that prefix are looked at.
  const info = new Map<string, { k: number; old: ChainMemo | undefined; jumps: [number, string][] }>();
  for (const c of table.chains.values()) {
    const old = memos.get(`${table.name}\0${c.name}`);
    let k = 0;
    if (old) {
      const n = Math.min(old.rules.length, c.rules.length);
      while (k < n && old.rules[k] === c.rules[k]) k++;
    }
    const jumps = old ? (k === old.rules.length ? old.jumps.slice() : old.jumps.filter(([i]) => i < k)) : [];
    for (let i = k; i < c.rules.length; i++) {
      const t = c.rules[i].target;
      if (t.kind === 'jump') jumps.push([i, t.chain]);
    }
    info.set(c.name, { k, old, jumps });
  }
  // Which hooks reach each chain; a loop reachable from a base chain is refused.
  const hooksOf = new Map<string, Set<NfHook>>();
  for (const c of table.chains.values()) hooksOf.set(c.name, new Set());
  const state = new Map<string, 1 | 2>();
  let loop: string | undefined;
  const visit = (c: Chain, hook: NfHook, depth: number): void => {
    if (loop || depth > MAX_JUMP_DEPTH * 4) return;
    hooksOf.get(c.name)!.add(hook);
    state.set(c.name, 1);
    for (const [, target] of info.get(c.name)!.jumps) {
      const next = table.chains.get(target);
      if (!next) continue;
      if (state.get(next.name) === 1) {
        loop = c.name;
        return;
      }
      visit(next, hook, depth + 1);
      if (loop) return;
    }
    state.set(c.name, 2);
  };
  for (const c of table.chains.values()) {
    if (!c.builtin) continue;
    state.clear();
    visit(c, CHAIN_HOOK[c.name], 0);
    if (loop) return { errno: 'EMLINK', chain: loop };
  }
  for (const c of table.chains.values()) {
    const hooks = hooksOf.get(c.name)!;
    const { k, old, jumps } = info.get(c.name)!;
    for (const [, target] of jumps) if (!table.chains.has(target)) return { errno: 'ENOENT', chain: c.name };
    const sig = [...hooks].sort().join(',');
    // Rules already accepted for the same hooks need no second look.
    const from = old && old.sig === sig ? k : 0;
    for (let i = from; i < c.rules.length; i++) {
      const r = c.rules[i];
      if (!targetOk(r.target, table.name, hooks, r)) return { errno: 'EINVAL', chain: c.name };
      if (!r.matches.every((m) => matchOk(m, hooks))) return { errno: 'EINVAL', chain: c.name };
    }
  }
  for (const [key] of memos) if (key.startsWith(`${table.name}\0`)) memos.delete(key);
  for (const c of table.chains.values()) {
    const { k, old, jumps } = info.get(c.name)!;
    const hooks = hooksOf.get(c.name)!;
    // cumulative conntrack users: cum[i] = rules among the first i that need conntrack
    const cum = old ? old.cum : [0];
    cum.length = Math.min(cum.length, k + 1);
    for (let i = cum.length - 1; i < c.rules.length; i++) cum.push(cum[i] + (needsConntrack(c.rules[i]) ? 1 : 0));
    memos.set(`${table.name}\0${c.name}`, { sig: [...hooks].sort().join(','), rules: c.rules, cum, jumps });
  }
  if (!st.xtSeq.has(table.name)) st.xtSeq.set(table.name, st.tableSeq++);
  st.tables.set(table.name, table);
  syncRecentLists(st, table, (c) => info.get(c)?.k ?? 0);
  trackXtChains(st, table);
  recountCtUsers(st);
  st.generation++;
  return undefined;
}

/**
 * What nfCommit last accepted per chain ("table\0chain"): the rules (a
 * committed array is never edited: commands clone tables), the hooks they
 * were checked for, and cumulative conntrack users. A commit re-checks only
 * the rules after the unchanged prefix, so appending N rules one command at
 * a time stays linear.
 */
interface ChainMemo {
  sig: string;
  rules: Rule[];
  cum: number[];
  jumps: [number, string][];
}
const memoTables = new WeakMap<NfNs, Map<string, ChainMemo>>();
function memoOf(st: NfNs): Map<string, ChainMemo> {
  let m = memoTables.get(st);
  if (!m) memoTables.set(st, (m = new Map()));
  return m;
}

/** The xt_recent list names each table's rules use (with the largest hitcount), per namespace. */
const recentNames = new WeakMap<NfNs, Map<TableName, Map<string, number>>>();

/** After a commit: lists named by a rule exist, lists no rule names are freed (checkentry/destroy). */
function syncRecentLists(st: NfNs, table: Table, unchanged: (chain: string) => number): void {
  let per = recentNames.get(st);
  const had = per?.get(table.name);
  // Without lists so far only the rules after each chain's unchanged prefix can add one (keeps -A loops linear).
  if (!had && ![...table.chains.values()].some((c) => c.rules.slice(unchanged(c.name)).some((r) => r.matches.some((m) => m.kind === 'recent')))) return;
  let names: Map<string, number> | undefined;
  for (const c of table.chains.values())
    for (const r of c.rules)
      for (const m of r.matches)
        if (m.kind === 'recent') {
          names ??= new Map();
          names.set(m.name, Math.max(names.get(m.name) ?? 0, m.hitcount));
        }
  if (!names && !had) return;
  if (!per) recentNames.set(st, (per = new Map()));
  if (names) per.set(table.name, names);
  else per.delete(table.name);
  const all = new Map<string, number>();
  for (const t of per.values()) for (const [n, h] of t) all.set(n, Math.max(all.get(n) ?? 0, h));
  recentSync(st.ns, all);
}

function recountCtUsers(st: NfNs): void {
  const memos = memoOf(st);
  let n = 0;
  for (const t of st.tables.values())
    for (const c of t.chains.values()) {
      const m = memos.get(`${t.name}\0${c.name}`);
      if (m && m.rules.length === c.rules.length && m.cum.length > c.rules.length) n += m.cum[c.rules.length];
      else for (const r of c.rules) if (needsConntrack(r)) n++;
    }
  st.ctUsers = n + (st.nft && nftRunner ? nftRunner.ctUsers(st.nft) : 0);
}

// ── native nf_tables (nft.ts registers its evaluator here) ──────────────

/** What a native chain needs from the packet path. */
export interface NftRunCtx {
  ns: NetNs;
  skb: Skb;
  hook: NfHook;
  inDev?: NetDevice;
  outDev?: NetDevice;
  /** ct state bits (CT_STATE) of the packet. */
  ctBits(): number;
  /** fib type of an address as RTN_* bits (1 << RTN_LOCAL for local). */
  addrType(a: Ip4): number;
  /** Run an xtables-equivalent target (NAT, REJECT). */
  target(t: Target): TableVerdict | 'CONTINUE';
}

interface NftRunner {
  baseChains(st: NfNs, hook: NfHook): { table: NftTable; chain: NftChain }[];
  run(t: NftTable, c: NftChain, x: NftRunCtx): TableVerdict;
  ctUsers(s: NftState): number;
}
let nftRunner: NftRunner | undefined;

/** nft.ts plugs its evaluator in (kept apart so this file does not import it). */
export function registerNftRunner(r: NftRunner): void {
  nftRunner = r;
}

/** Recount conntrack users after a native change. */
export function nftRecount(st: NfNs): void {
  recountCtUsers(st);
}

/** The ct state bits by name (for nft). */
export const CT_BITS_OF = CT_STATE;

function nftCtx(st: NfNs, x: MatchCtx): NftRunCtx {
  return {
    ...x,
    ctBits: () => ctStateBits(x.skb),
    addrType: (a) => addrTypeBit(x.ns, a),
    target: (t) => runTarget(st, t, x, undefined as unknown as Rule),
  };
}

/** Native base chains of one type at a hook. */
function nftChainsAt(st: NfNs, x: MatchCtx, type: 'filter' | 'nat'): { prio: number; run: () => TableVerdict }[] {
  if (!st.nft?.tables.length || !nftRunner) return [];
  const r = nftRunner;
  return r
    .baseChains(st, x.hook)
    .filter((b) => (type === 'nat') === (b.chain.base!.type === 'nat'))
    .map((b) => ({ prio: b.chain.base!.prio, run: () => r.run(b.table, b.chain, nftCtx(st, x)) }));
}

function trackXtChains(st: NfNs, table: Table): void {
  for (const c of table.chains.values()) {
    const key = `${table.name}\0${c.name}`;
    if (st.xtChains.has(key)) continue;
    if (c.builtin && !c.rules.length && !c.counters && c.policy !== 'DROP') continue;
    st.xtChains.set(key, st.chainSeq++);
  }
  for (const key of [...st.xtChains.keys()]) {
    const [t, c] = key.split('\0');
    if (t === table.name && !table.chains.has(c)) st.xtChains.delete(key);
  }
}

/** `iptables -X` with no chain: iptables-nft also deletes the built-in base chains that are empty with policy ACCEPT. */
export function nfForgetEmptyBuiltins(ns: NetNs, name: TableName): void {
  const st = nfOf(ns);
  const t = st.tables.get(name);
  if (!t) return;
  for (const c of t.chains.values()) if (c.builtin && !c.rules.length && c.policy !== 'DROP') st.xtChains.delete(`${name}\0${c.name}`);
}

/** Delete an iptables-nft table entirely (`nft delete table ip nat`, `nft flush ruleset`). */
export function nfDropTable(ns: NetNs, name: TableName): void {
  const st = nfOf(ns);
  st.tables.delete(name);
  st.xtSeq.delete(name);
  for (const key of [...st.xtChains.keys()]) if (key.startsWith(`${name}\0`)) st.xtChains.delete(key);
  for (const key of [...memoOf(st).keys()]) if (key.startsWith(`${name}\0`)) memoOf(st).delete(key);
  recountCtUsers(st);
  st.generation++;
}

/** The current table, if it exists (read-only view for iptables -L/-S/-save). */
export function nfTable(ns: NetNs, name: TableName): Table | undefined {
  return nfOf(ns).tables.get(name);
}

/** Zero counters of a chain (all chains when undefined), or of rule `num` (1-based). */
export function nfZero(ns: NetNs, name: TableName, chain?: string, num?: number): void {
  const t = nfOf(ns).tables.get(name);
  if (!t) return;
  for (const c of t.chains.values()) {
    if (chain !== undefined && c.name !== chain) continue;
    if (num === undefined) {
      c.pkts = 0;
      c.bytes = 0;
    }
    c.rules.forEach((r, i) => {
      if (num === undefined || i + 1 === num) {
        r.pkts = 0;
        r.bytes = 0;
      }
    });
  }
}

/** Tables that exist, in iptables-save order. */
export function nfTableNames(ns: NetNs): TableName[] {
  const st = nfOf(ns);
  return TABLE_ORDER.filter((t) => st.tables.has(t));
}

// ── rule evaluation ──────────────────────────────────────────────────────

/** Everything a match may look at. */
interface MatchCtx {
  ns: NetNs;
  skb: Skb;
  hook: NfHook;
  inDev?: NetDevice;
  outDev?: NetDevice;
}

const PROTO_NUM = { icmp: 1, tcp: 6, udp: 17 } as const;

function ifMatch(pattern: string, dev: NetDevice | undefined): boolean {
  const name = dev?.name ?? '';
  if (pattern.endsWith('+')) return name.startsWith(pattern.slice(0, -1));
  return name === pattern;
}

function portIn(p: number, m: { lo: number; hi: number; inv: boolean } | undefined): boolean {
  if (!m) return true;
  return (p >= m.lo && p <= m.hi) !== m.inv;
}

const TCP_FLAG_BITS: [keyof import('../packet.ts').TcpFlags, number][] = [
  ['fin', 1],
  ['syn', 2],
  ['rst', 4],
  ['psh', 8],
  ['ack', 16],
  ['urg', 32],
];

/** Route type of an address in `ns` (addrtype match), as 1 << RTN_*. */
function addrTypeBit(ns: NetNs, a: Ip4, dev?: NetDevice): number {
  if (a === IP4_BROADCAST) return 1 << 3;
  if (isMulticast4(a)) return 1 << 5;
  if (a === 0) return 1 << 3;
  const devs = dev ? [dev] : ns.devices();
  for (const d of devs) for (const ia of d.inet) if (ia.local === a) return 1 << 2;
  if (!dev && ns.isLocalAddr(a)) return 1 << 2;
  for (const d of devs) for (const ia of d.inet) if (ia.broadcast === a) return 1 << 3;
  return 1 << 1;
}

function ctStateBits(skb: Skb): number {
  const c = skbCt(skb);
  if (!c) return CT_STATE.INVALID;
  let bits = CT_STATE[c.info];
  if (c.entry?.srcNat) bits |= CT_STATE.SNAT;
  if (c.entry?.dstNat) bits |= CT_STATE.DNAT;
  return bits;
}

/** Does one match module accept the packet? */
function matchOne(m: Match, x: MatchCtx): boolean {
  const p = x.skb.pkt;
  const l = p.payload;
  switch (m.kind) {
    case 'tcp': {
      if (l.proto !== 'tcp') return false;
      if (!portIn(l.sport, m.sport) || !portIn(l.dport, m.dport)) return false;
      if (m.flags) {
        let bits = 0;
        for (const [k, b] of TCP_FLAG_BITS) if (l.flags[k]) bits |= b;
        if (((bits & m.flags.mask) === m.flags.cmp) === m.flags.inv) return false;
      }
      return true;
    }
    case 'udp':
      return l.proto === 'udp' && portIn(l.sport, m.sport) && portIn(l.dport, m.dport);
    case 'icmp': {
      if (l.proto !== 'icmp') return false;
      const hit = m.type === 0xff || (l.type === m.type && l.code >= m.codeMin && l.code <= m.codeMax);
      return hit !== m.inv;
    }
    case 'multiport': {
      if (l.proto !== 'tcp' && l.proto !== 'udp') return false;
      const hit = m.ports.some(([lo, hi]) => (m.dir !== 'dst' && l.sport >= lo && l.sport <= hi) || (m.dir !== 'src' && l.dport >= lo && l.dport <= hi));
      return hit !== m.inv;
    }
    case 'state':
      return ((ctStateBits(x.skb) & m.states) !== 0) !== m.inv;
    case 'conntrack':
      if (m.ctstate && ((ctStateBits(x.skb) & m.ctstate.states) !== 0) === m.ctstate.inv) return false;
      return true;
    case 'statistic': {
      let hit: boolean;
      if (m.mode === 'random') hit = (x.ns.kernel.rng.u32() & 0x7fffffff) < m.prob;
      else {
        m.count.n = m.count.n >= m.every - 1 ? 0 : m.count.n + 1;
        hit = m.count.n === m.packet;
      }
      return hit !== m.inv;
    }
    case 'comment':
      return true;
    case 'addrtype': {
      const dev = m.limitIn ? x.inDev : m.limitOut ? x.outDev : undefined;
      if (m.src && ((addrTypeBit(x.ns, p.src, dev) & m.src.types) !== 0) === m.src.inv) return false;
      if (m.dst && ((addrTypeBit(x.ns, p.dst, dev) & m.dst.types) !== 0) === m.dst.inv) return false;
      return true;
    }
    case 'mark':
      return (((x.skb.mark & m.mask) >>> 0) === m.value >>> 0) !== m.inv;
    case 'iprange': {
      const inR = (a: number, r: { lo: number; hi: number; inv: boolean }): boolean => (a >>> 0 >= r.lo >>> 0 && a >>> 0 <= r.hi >>> 0) !== r.inv;
      if (m.src && !inR(p.src, m.src)) return false;
      if (m.dst && !inR(p.dst, m.dst)) return false;
      return true;
    }
    case 'limit': {
      // Token bucket in virtual ms: one packet costs avg/10 ms; the bucket
      // holds `burst` packets and is capped before the cost is taken (nft_limit).
      const cost = m.avg / 10;
      const max = cost * m.burst;
      const now = x.ns.now;
      const st = m.state;
      let tokens = st.last === undefined ? max : st.tokens + (now - st.last);
      if (tokens > max) tokens = max;
      st.last = now;
      if (tokens >= cost) {
        st.tokens = tokens - cost;
        return true;
      }
      st.tokens = tokens;
      return false;
    }
    case 'length': {
      const len = ip4Len(p);
      return (len >= m.min && len <= m.max) !== m.inv;
    }
    case 'recent':
      // A packet leaving through FORWARD/POSTROUTING without a local sender had its TTL lowered already.
      return recentMatch(x.ns, m, p, (x.hook === 'FORWARD' || x.hook === 'POSTROUTING') && !!x.inDev, x.ns.kernel.clock.now);
    case 'ipvs': {
      const v = x.skb.ipvs;
      if (m.prop && !m.vproto && !m.vaddr && !m.vport) return !!v !== m.prop.inv;
      if (!v) return false;
      if (m.vproto && (v.proto === m.vproto.proto) === m.vproto.inv) return false;
      if (m.vaddr && inNet(v.vaddr, m.vaddr.addr, m.vaddr.len) === m.vaddr.inv) return false;
      if (m.vport && (v.vport === m.vport.port) === m.vport.inv) return false;
      return true;
    }
    case 'set': {
      const ports = l.proto === 'tcp' || l.proto === 'udp' ? { sport: l.sport, dport: l.dport } : {};
      return ipsetTest(x.ns, m.name, m.dirs, { src: p.src, dst: p.dst, proto: PROTO_NUM[l.proto as keyof typeof PROTO_NUM] ?? 0, ...ports, len: ip4Len(p) }) !== m.inv;
    }
  }
}

/** Does the rule's IP part and every match accept the packet (ip_packet_match + matches)? */
function ruleMatches(r: Rule, x: MatchCtx): boolean {
  const p = x.skb.pkt;
  if (r.srcLen && inNet(p.src, r.src, r.srcLen) === r.srcInv) return false;
  if (!r.srcLen && r.srcInv) return false;
  if (r.dstLen && inNet(p.dst, r.dst, r.dstLen) === r.dstInv) return false;
  if (!r.dstLen && r.dstInv) return false;
  if (r.iif && ifMatch(r.iif, x.inDev) === r.iifInv) return false;
  if (r.oif && ifMatch(r.oif, x.outDev) === r.oifInv) return false;
  if (r.proto && (PROTO_NUM[p.payload.proto] === r.proto) === r.protoInv) return false;
  // -f: second and later fragments (a non-zero offset); conntrack's defrag is not modelled in front of it.
  if (r.frag && (!!p.frag && p.frag.off > 0) === !!r.fragInv) return false;
  for (const m of r.matches) if (!matchOne(m, x)) return false;
  return true;
}

/** What running a table at a hook decided. */
type TableVerdict = 'ACCEPT' | 'DROP';

/** Record a netfilter decision on the packet's trace (when it carries one). */
function nfTrace(x: MatchCtx, stage: string, msg: TraceMsg): void {
  const t = x.skb.trace;
  if (t) traceStep(t, x.ns.kernel.clock.now, x.ns.label, stage, msg);
}

/** A short form of a rule for traces: its address/interface/protocol part and target. */
function ruleBrief(r: Rule): string {
  let s = '';
  if (r.srcLen || r.srcInv) s += `${r.srcInv ? ' !' : ''} -s ${fmtIp4(r.src)}/${r.srcLen}`;
  if (r.dstLen || r.dstInv) s += `${r.dstInv ? ' !' : ''} -d ${fmtIp4(r.dst)}/${r.dstLen}`;
  if (r.iif) s += `${r.iifInv ? ' !' : ''} -i ${r.iif}`;
  if (r.oif) s += `${r.oifInv ? ' !' : ''} -o ${r.oif}`;
  if (r.proto) s += `${r.protoInv ? ' !' : ''} -p ${({ 1: 'icmp', 6: 'tcp', 17: 'udp' } as Record<number, string>)[r.proto] ?? r.proto}`;
  for (const m of r.matches) {
    if ((m.kind === 'tcp' || m.kind === 'udp') && m.dport) s += ` --dport ${m.dport.lo}${m.dport.hi !== m.dport.lo ? `:${m.dport.hi}` : ''}`;
  }
  const t = r.target;
  s += t.kind === 'jump' ? ` -j ${t.chain}` : t.kind === 'verdict' ? ` -j ${t.verdict}` : t.kind === 'none' ? '' : ` -j ${t.kind}`;
  return s.trim();
}

/** `iptables -t table CHAIN rule N (spec)` for traces. */
function ruleWhere(t: Table, chain: Chain, idx: number, r: Rule): TraceMsg {
  return tm('nf.rule', { table: t.name, chain: chain.name, n: idx, spec: ruleBrief(r) });
}

/** ipt_do_table: walk the hook's chain of one table, following jumps. */
function runTable(st: NfNs, t: Table, hook: NfHook, x: MatchCtx): TableVerdict {
  const base = t.chains.get(hook);
  if (!base) return 'ACCEPT';
  const stack: { chain: Chain; idx: number }[] = [];
  let chain = base;
  let idx = 0;
  let budget = MAX_RULES_PER_HOOK;
  const len = ip4Len(x.skb.pkt);
  // -j TRACE: events for xtables-monitor (only when someone listens, as with nfnetlink).
  let dumped = false;
  const tev = (type: NfTraceEvent['type'], c: Chain, r?: Rule, verdict?: string): void => {
    const id = nfTraced.get(x.skb);
    if (id === undefined || !st.traceListeners.size) return;
    const ev: NfTraceEvent = { id, table: t.name, chain: c.name, type, verdict };
    if (r) {
      ev.rule = r;
      ev.handle = ruleHandle(t, c, r);
      if (!dumped) {
        dumped = true;
        const inHook = hook === 'PREROUTING' || hook === 'INPUT' || hook === 'FORWARD';
        const outHook = hook === 'OUTPUT' || hook === 'FORWARD' || hook === 'POSTROUTING';
        ev.packet = { iif: inHook ? x.inDev?.name : undefined, oif: outHook ? x.outDev?.name : undefined, pkt: cloneIp4(x.skb.pkt), mark: x.skb.mark };
      }
    }
    for (const l of [...st.traceListeners]) l(ev);
  };
  for (;;) {
    if (idx >= chain.rules.length) {
      // End of chain: built-in → policy, user chain → return to caller.
      if (!chain.builtin && stack.length) tev('return', chain);
      if (chain.builtin || !stack.length) {
        tev('policy', base, undefined, chain.policy === 'DROP' ? 'DROP' : 'ACCEPT');
        // The base chain's policy counter (`policy DROP 3 packets, 252 bytes`, `[3:252]`).
        if (base.counters) {
          base.pkts++;
          base.bytes += len;
        }
        if (chain.policy === 'DROP') {
          nfTrace(x, 'netfilter', tm('nf.policyDrop', { table: t.name, chain: base.name }));
          nfTrace(x, 'drop', tm('nf.policyDropped', { table: t.name, chain: base.name }));
          return 'DROP';
        }
        return 'ACCEPT';
      }
      const f = stack.pop()!;
      chain = f.chain;
      idx = f.idx;
      continue;
    }
    if (--budget <= 0) return 'DROP';
    const r = chain.rules[idx++];
    if (!ruleMatches(r, x)) continue;
    r.pkts++;
    r.bytes += len;
    const tg = r.target;
    switch (tg.kind) {
      case 'none':
        tev('rule', chain, r, 'CONTINUE');
        continue;
      case 'verdict':
        // NFT_RETURN has no name in xtables-monitor: it prints the raw code.
        tev('rule', chain, r, tg.verdict === 'RETURN' ? '0xfffffffb' : tg.verdict);
        if (tg.verdict === 'RETURN') {
          if (!stack.length) {
            if (base.counters) {
              base.pkts++;
              base.bytes += len;
            }
            return base.policy === 'DROP' ? 'DROP' : 'ACCEPT';
          }
          const f = stack.pop()!;
          chain = f.chain;
          idx = f.idx;
          continue;
        }
        if (x.skb.trace) {
          nfTrace(x, 'netfilter', tm('nf.verdict', { rule: ruleWhere(t, chain, idx, r), verdict: tg.verdict }));
          if (tg.verdict === 'DROP') nfTrace(x, 'drop', tm('nf.dropped', { rule: ruleWhere(t, chain, idx, r) }));
        }
        return tg.verdict;
      case 'jump': {
        const next = t.chains.get(tg.chain);
        if (!next) continue;
        tev('rule', chain, r, `${tg.goto ? 'GOTO' : 'JUMP'}:${tg.chain}`);
        if (stack.length >= MAX_JUMP_DEPTH) return 'DROP';
        if (!tg.goto) stack.push({ chain, idx });
        chain = next;
        idx = 0;
        continue;
      }
      default: {
        const before = x.skb.trace ? skbCt(x.skb)?.entry?.tuple[1] : undefined;
        const v = runTarget(st, tg, x, r);
        tev('rule', chain, r, v);
        if (v === 'CONTINUE') {
          if (tg.kind === 'TRACE') nfTrace(x, 'netfilter', tm('nf.trace', { rule: ruleWhere(t, chain, idx, r) }));
          continue;
        }
        if (x.skb.trace) {
          const e = skbCt(x.skb)?.entry;
          if (v === 'DROP') {
            nfTrace(x, 'netfilter', tm('nf.verdict', { rule: ruleWhere(t, chain, idx, r), verdict: tg.kind === 'REJECT' ? 'REJECT' : 'DROP' }));
            nfTrace(x, 'drop', tm(tg.kind === 'REJECT' ? 'nf.rejected' : 'nf.dropped', { rule: ruleWhere(t, chain, idx, r) }));
          } else if (e && e.tuple[1] !== before && (tg.kind === 'DNAT' || tg.kind === 'SNAT' || tg.kind === 'MASQUERADE' || tg.kind === 'REDIRECT')) {
            const to = invert(e.tuple[1]);
            const rule = ruleWhere(t, chain, idx, r);
            nfTrace(
              x,
              'netfilter',
              tg.kind === 'DNAT' || tg.kind === 'REDIRECT'
                ? tm('nf.bindDst', { rule, target: tg.kind, to: `${fmtIp4(to.dst)}${to.proto === 'icmp' ? '' : `:${to.dport}`}` })
                : tm('nf.bindSrc', { rule, target: tg.kind, to: `${fmtIp4(to.src)}${to.proto === 'icmp' ? '' : `:${to.sport}`}` }),
            );
          } else nfTrace(x, 'netfilter', tm('nf.verdict', { rule: ruleWhere(t, chain, idx, r), verdict: v }));
        }
        return v;
      }
    }
  }
}

/** Non-standard targets: a verdict, or CONTINUE for MARK/LOG/NOTRACK. */
function runTarget(st: NfNs, tg: Target, x: MatchCtx, r: Rule): TableVerdict | 'CONTINUE' {
  const skb = x.skb;
  switch (tg.kind) {
    case 'MARK':
      skb.mark = ((skb.mark & ~tg.mask) ^ tg.value) >>> 0;
      return 'CONTINUE';
    case 'LOG':
      writeLog(st, tg, x);
      return 'CONTINUE';
    case 'NOTRACK':
      skb.ctinfo = { info: 'UNTRACKED', dir: ORIGINAL } satisfies SkbCt;
      skb.ct = undefined;
      return 'CONTINUE';
    case 'TRACE':
      // skb->nf_trace = 1; the id stands for the kernel's per-skb trace id.
      if (!nfTraced.has(skb)) nfTraced.set(skb, x.ns.kernel.rng.u32());
      return 'CONTINUE';
    case 'REJECT':
      reject(x, tg.with);
      return 'DROP';
    case 'DNAT':
    case 'SNAT':
    case 'MASQUERADE':
    case 'REDIRECT':
      return natTarget(st, tg, x, r) ? 'ACCEPT' : 'DROP';
    default:
      return 'CONTINUE';
  }
}

/** ICMP type/code REJECT sends for each --reject-with. */
export const REJECT_ICMP: Record<string, [number, number]> = {
  'icmp-net-unreachable': [3, 0],
  'icmp-host-unreachable': [3, 1],
  'icmp-proto-unreachable': [3, 2],
  'icmp-port-unreachable': [3, 3],
  'icmp-net-prohibited': [3, 9],
  'icmp-host-prohibited': [3, 10],
  'icmp-admin-prohibited': [3, 13],
};

/** REJECT: answer with an ICMP error or a TCP RST (nf_send_unreach / nf_send_reset). */
function reject(x: MatchCtx, how: string): void {
  const stack = x.ns.kernel.stack;
  const p = x.skb.pkt;
  if (how === 'tcp-reset') {
    const l = p.payload;
    if (l.proto !== 'tcp' || l.flags.rst) return;
    const dataLen = new TextEncoder().encode(l.data).length;
    const rst: Ipv4Packet = {
      src: p.dst,
      dst: p.src,
      ttl: Number(x.ns.ipv4.ip_default_ttl) || 64,
      tos: 0,
      id: 0,
      df: true,
      payload: l.flags.ack
        ? { proto: 'tcp', sport: l.dport, dport: l.sport, seq: l.ack, ack: 0, flags: { rst: true }, window: 0, data: '' }
        : { proto: 'tcp', sport: l.dport, dport: l.sport, seq: 0, ack: (l.seq + dataLen + (l.flags.syn ? 1 : 0) + (l.flags.fin ? 1 : 0)) >>> 0, flags: { rst: true, ack: true }, window: 0, data: '' },
    };
    try {
      // The RST leaves from the rejected packet's destination, which may not be ours (OUTPUT): route without a source check.
      stack.ipOutputLocal(x.ns, rst, { trace: x.skb.trace, route: stack.routeOutput(x.ns, rst.dst) });
    } catch {
      // No route back: nothing is sent.
    }
    return;
  }
  const [type, code] = REJECT_ICMP[how] ?? [3, 3];
  // nf_send_unreach → nf_ct_attach: the error carries the rejected packet's
  // connection as RELATED (in the other direction), even while that entry is
  // still unconfirmed, so OUTPUT sees it RELATED, not INVALID.
  const c = skbCt(x.skb);
  const prev = rejectAttach;
  rejectAttach = c?.entry ? { info: 'RELATED', dir: (1 - c.dir) as CtDir, entry: c.entry } : undefined;
  try {
    stack.icmpSendError(x.ns, x.skb, type, code);
  } finally {
    rejectAttach = prev;
  }
}

/** The connection a REJECT's ICMP error is attached to while it is being sent (nf_ct_attach). */
let rejectAttach: SkbCt | undefined;

// ── LOG ──────────────────────────────────────────────────────────────────

function writeLog(st: NfNs, tg: Extract<Target, { kind: 'LOG' }>, x: MatchCtx): void {
  const p = x.skb.pkt;
  const l = p.payload;
  let s = `${tg.prefix ?? ''}IN=${x.inDev?.name ?? ''} OUT=${x.outDev?.name ?? ''} `;
  if (x.inDev && x.inDev.kind !== 'loopback') s += `MAC=${x.inDev.mac}:00:00:00:00:00:00:08:00 `;
  s += `SRC=${fmtIp4(p.src)} DST=${fmtIp4(p.dst)} LEN=${ip4Len(p)} TOS=0x${p.tos.toString(16).padStart(2, '0').toUpperCase()} PREC=0x00 TTL=${p.ttl} ID=${p.id} ${p.df ? 'DF ' : ''}`;
  if (l.proto === 'icmp') s += `PROTO=ICMP TYPE=${l.type} CODE=${l.code}${l.type === 0 || l.type === 8 ? ` ID=${l.id} SEQ=${l.seq}` : ''} `;
  else if (l.proto === 'udp') s += `PROTO=UDP SPT=${l.sport} DPT=${l.dport} LEN=${8 + new TextEncoder().encode(l.data).length} `;
  else {
    s += `PROTO=TCP SPT=${l.sport} DPT=${l.dport} WINDOW=${l.window} RES=0x00 `;
    for (const f of ['urg', 'ack', 'psh', 'rst', 'syn', 'fin'] as const) if (l.flags[f]) s += `${f.toUpperCase()} `;
    s += 'URGP=0 ';
  }
  st.log.push(s);
  if (st.log.length > LOG_LINES) st.log.shift();
}

// ── conntrack hooks ──────────────────────────────────────────────────────

/**
 * Packets looped back to this host keep their conntrack reference, as the
 * kernel keeps skb->_nfct across loopback (the frame is the same object).
 */
const loopbackCt = new WeakMap<Ipv4Packet, SkbCt>();

/** nf_conntrack_in: attach the packet to its connection (or a new one). */
function conntrackIn(st: NfNs, skb: Skb): void {
  if (skb.ctinfo) return;
  const carried = loopbackCt.get(skb.pkt);
  if (carried) {
    skb.ctinfo = carried;
    skb.ct = carried.entry;
    return;
  }
  const p = skb.pkt;
  const now = st.ns.kernel.clock.now;
  const l = p.payload;
  if (l.proto === 'icmp' && ICMP_ERROR_TYPES.has(l.type)) {
    if (rejectAttach) {
      skb.ctinfo = rejectAttach;
      skb.ct = rejectAttach.entry;
      rejectAttach = undefined;
      return;
    }
    const q = l.quoted ? tupleOf(l.quoted) : undefined;
    // nf_conntrack_inet_error looks up the inverted inner tuple: the error
    // travels the way a reply to the quoted packet would, which finds
    // DNATed connections too (the quoted packet is the translated one).
    const inv = q ? st.conntrack.lookup(invert(q)) : undefined;
    const hit = inv ?? (q ? st.conntrack.lookup(q) : undefined);
    const dir = (inv ? inv.dir : 1 - (hit?.dir ?? 0)) as CtDir;
    skb.ctinfo = hit ? ({ info: 'RELATED', dir, entry: hit.entry } satisfies SkbCt) : ({ info: 'INVALID', dir: ORIGINAL } satisfies SkbCt);
    skb.ct = hit?.entry;
    return;
  }
  const t = tupleOf(p);
  if (!t) {
    skb.ctinfo = { info: 'INVALID', dir: ORIGINAL } satisfies SkbCt;
    return;
  }
  const hit = st.conntrack.lookup(t);
  if (hit) {
    const e = hit.entry;
    if (hit.dir === REPLY) e.seenReply = true;
    ctPacket(e, hit.dir, p, now);
    skb.ct = e;
    skb.ctinfo = { info: hit.dir === REPLY || e.seenReply ? 'ESTABLISHED' : 'NEW', dir: hit.dir, entry: e } satisfies SkbCt;
    return;
  }
  if (l.proto === 'tcp' && l.flags.rst) {
    skb.ctinfo = { info: 'INVALID', dir: ORIGINAL } satisfies SkbCt;
    return;
  }
  if (l.proto === 'icmp' && l.type !== 8 && l.type !== 13 && l.type !== 15 && l.type !== 17) {
    // A reply with no request on record.
    skb.ctinfo = { info: 'INVALID', dir: ORIGINAL } satisfies SkbCt;
    return;
  }
  const e = st.conntrack.create(t);
  ctPacket(e, ORIGINAL, p, now);
  skb.ct = e;
  skb.ctinfo = { info: 'NEW', dir: ORIGINAL, entry: e } satisfies SkbCt;
}

/** nf_conntrack_confirm: the first packet made it through; the entry becomes visible. */
function conntrackConfirm(st: NfNs, skb: Skb): boolean {
  const c = skbCt(skb);
  if (!c?.entry || c.info === 'RELATED' || c.entry.confirmed) return true;
  return st.conntrack.confirm(c.entry);
}

// ── NAT ──────────────────────────────────────────────────────────────────

type Manip = 'src' | 'dst';

/** nf_nat_inet_fn: bind on the first packet, then rewrite every packet. */
function natHook(st: NfNs, manip: Manip, x: MatchCtx): TableVerdict {
  const c = skbCt(x.skb);
  const e = c?.entry;
  if (!c || !e) return 'ACCEPT';
  if (c.info === 'RELATED') {
    natIcmpReply(x.skb, e, c.dir, manip);
    return 'ACCEPT';
  }
  if (c.info === 'NEW' && c.dir === ORIGINAL && !e.natInit[manip]) {
    const t = st.tables.get('nat');
    // nf_nat_inet_fn: every nat-type chain of the hook in priority order (the
    // iptables nat table at -100/100, native nat chains at theirs) until one binds.
    const native = nftChainsAt(st, x, 'nat');
    if (!native.length) {
      if (t) {
        const v = runTable(st, t, x.hook, x);
        if (v === 'DROP') return 'DROP';
      }
    } else {
      const steps = t && t.chains.has(x.hook) ? [{ prio: manip === 'dst' ? -100 : 100, run: () => runTable(st, t, x.hook, x) }, ...native] : native;
      steps.sort((a, b) => a.prio - b.prio);
      for (const s of steps) {
        if (s.run() === 'DROP') return 'DROP';
        if (e.natInit[manip]) break;
      }
    }
    e.natInit[manip] = true;
  }
  natPacket(x.skb, e, c.dir, manip, x);
  return 'ACCEPT';
}

function natNeeded(e: CtEntry, dir: CtDir, manip: Manip): boolean {
  const srcBit = dir === ORIGINAL ? e.srcNat : e.dstNat;
  const dstBit = dir === ORIGINAL ? e.dstNat : e.srcNat;
  return manip === 'src' ? srcBit : dstBit;
}

function setL4Port(p: Ipv4Packet, which: 'sport' | 'dport', port: number): void {
  const l = p.payload;
  if (l.proto === 'icmp') l.id = port;
  else l[which] = port;
}

/** nf_nat_packet: make the packet look like the inverse of the other direction's tuple. */
function natPacket(skb: Skb, e: CtEntry, dir: CtDir, manip: Manip, x?: MatchCtx): void {
  if (!natNeeded(e, dir, manip)) return;
  const target = invert(e.tuple[1 - dir]);
  const p = cloneIp4(skb.pkt);
  if (x && skb.trace) {
    const o = skb.pkt;
    const l = o.payload;
    const port = (which: 'sport' | 'dport'): string => (l.proto === 'icmp' ? '' : `:${l[which]}`);
    const nport = (n: number): string => (l.proto === 'icmp' ? '' : `:${n}`);
    const ends =
      manip === 'src'
        ? { hook: x.hook, from: `${fmtIp4(o.src)}${port('sport')}`, to: `${fmtIp4(target.src)}${nport(target.sport)}` }
        : { hook: x.hook, from: `${fmtIp4(o.dst)}${port('dport')}`, to: `${fmtIp4(target.dst)}${nport(target.dport)}` };
    nfTrace(x, 'netfilter', tm(dir === ORIGINAL ? (manip === 'src' ? 'nat.src' : 'nat.dst') : manip === 'src' ? 'nat.replySrc' : 'nat.replyDst', ends));
  }
  if (manip === 'src') {
    p.src = target.src;
    setL4Port(p, 'sport', target.sport);
  } else {
    p.dst = target.dst;
    setL4Port(p, 'dport', target.dport);
  }
  skb.pkt = p;
}

/** nf_nat_icmp_reply_translation: fix the outer header and the quoted packet of an ICMP error. */
function natIcmpReply(skb: Skb, e: CtEntry, dir: CtDir, manip: Manip): void {
  if (!natNeeded(e, dir, manip)) return;
  const other = e.tuple[1 - dir];
  const p = cloneIp4(skb.pkt);
  const l = p.payload;
  if (l.proto !== 'icmp' || !l.quoted) return;
  const q = l.quoted;
  if (manip === 'dst') {
    // The quoted packet was sent by our peer in the other direction: its source is rewritten.
    q.src = other.src;
    setL4Port(q, 'sport', other.sport);
    p.dst = other.src;
  } else {
    q.dst = other.dst;
    setL4Port(q, 'dport', other.dport);
    p.src = other.dst;
  }
  skb.pkt = p;
}

/** Ports a NAT binding may use when the rule gives no range (nf_nat_l4proto_unique_tuple). */
function defaultPortRange(port: number): [number, number] {
  if (port < 512) return [1, 511];
  if (port < 1024) return [600, 1023];
  return [1024, 65535];
}

/**
 * nf_nat_setup_info: bind the connection's `manip` side to an address in
 * [minIp, maxIp] and a port in [minPort, maxPort], keeping the original
 * port when it is free. Returns false when no tuple is free.
 */
function natBind(st: NfNs, e: CtEntry, manip: Manip, minIp: Ip4, maxIp: Ip4, minPort?: number, maxPort?: number): boolean {
  const cur = invert(e.tuple[1]); // the original direction as it leaves after earlier manips
  const portKey = manip === 'src' ? 'sport' : 'dport';
  const addrKey = manip === 'src' ? 'src' : 'dst';
  const origPort = cur[portKey];
  const hasPorts = cur.proto !== 'icmp' || manip === 'src';
  const [plo, phi] = minPort !== undefined ? [minPort, maxPort ?? minPort] : hasPorts && cur.proto !== 'icmp' ? defaultPortRange(origPort) : [origPort, origPort];
  const free = (addr: Ip4, port: number): boolean => {
    const t: Tuple = { ...cur, [addrKey]: addr, [portKey]: port };
    if (t.proto === 'icmp') {
      t.sport = port;
      t.dport = port;
    }
    const r = invert(t);
    const hit = st.conntrack.lookup(r);
    return !hit || hit.entry === e;
  };
  const span = Math.min(65536, (maxIp >>> 0) - (minIp >>> 0) + 1);
  for (let i = 0; i < span; i++) {
    const addr = ((minIp >>> 0) + i) >>> 0;
    const keep = origPort >= plo && origPort <= phi && minPort === undefined ? origPort : undefined;
    const candidates: number[] = [];
    if (keep !== undefined) candidates.push(keep);
    else if (origPort >= plo && origPort <= phi) candidates.push(origPort);
    const n = phi - plo + 1;
    const start = candidates.length ? candidates[0] : plo;
    let chosen: number | undefined;
    for (let k = 0; k <= n && k < 65536; k++) {
      const port = k === 0 ? start : plo + ((start - plo + k) % n);
      if (cur.proto === 'icmp' && manip === 'dst' && port !== origPort) break;
      if (free(addr, port)) {
        chosen = port;
        break;
      }
    }
    if (chosen === undefined) continue;
    const t: Tuple = { ...cur, [addrKey]: addr, [portKey]: chosen };
    if (t.proto === 'icmp') {
      t.sport = chosen;
      t.dport = chosen;
    }
    e.tuple[1] = invert(t);
    if (manip === 'src') e.srcNat = addr !== e.tuple[0].src || chosen !== e.tuple[0].sport || e.srcNat;
    else e.dstNat = addr !== e.tuple[0].dst || chosen !== e.tuple[0].dport || e.dstNat;
    e.natInit[manip] = true;
    return true;
  }
  return false;
}

/** DNAT / SNAT / MASQUERADE / REDIRECT: make the binding; false drops the packet. */
function natTarget(st: NfNs, tg: Extract<Target, { kind: 'DNAT' | 'SNAT' | 'MASQUERADE' | 'REDIRECT' }>, x: MatchCtx, _r: Rule): boolean {
  const c = skbCt(x.skb);
  const e = c?.entry;
  if (!e || c.info !== 'NEW') return true;
  const p = x.skb.pkt;
  switch (tg.kind) {
    case 'DNAT':
    case 'SNAT': {
      const manip: Manip = tg.kind === 'SNAT' ? 'src' : 'dst';
      const cur = manip === 'src' ? p.src : p.dst;
      const lo = tg.range.minIp ?? cur;
      const hi = tg.range.maxIp ?? lo;
      return natBind(st, e, manip, lo, hi, tg.range.minPort, tg.range.maxPort);
    }
    case 'MASQUERADE': {
      const out = x.outDev;
      if (!out) return false;
      const nh = x.skb.nexthop ?? p.dst;
      const src = x.ns.selectSource(out, nh, SCOPE.universe);
      if (src === undefined) return false;
      return natBind(st, e, 'src', src, src, tg.minPort, tg.maxPort);
    }
    case 'REDIRECT': {
      let addr: Ip4 | undefined;
      if (x.hook === 'OUTPUT') addr = 0x7f000001;
      else addr = x.inDev?.primaryAddrs()[0]?.local;
      if (addr === undefined) return false;
      return natBind(st, e, 'dst', addr, addr, tg.minPort, tg.maxPort);
    }
  }
}

// ── the hook entry point ─────────────────────────────────────────────────

/** The netfilter implementation the stack calls at each hook. */
export class Netfilter implements NetfilterImpl {
  hook(hook: NfHook, ns: NetNs, skb: Skb, inDev: NetDevice | undefined, outDev: NetDevice | undefined, localIn?: () => NfVerdict): NfVerdict {
    const st = ns.nf.state as NfNs | undefined;
    if (!st || (!st.tables.size && !st.ctUsers && !st.nft?.tables.length)) return localIn ? localIn() : 'accept';
    const x: MatchCtx = { ns, skb, hook, inDev, outDev };
    const ct = st.ctUsers > 0;
    const table = (name: TableName): TableVerdict => {
      const t = st.tables.get(name);
      return t && t.chains.has(hook) ? runTable(st, t, hook, x) : 'ACCEPT';
    };
    const native = nftChainsAt(st, x, 'filter');
    if (native.length) return this.ordered(st, hook, x, ct, table, native, localIn);
    switch (hook) {
      case 'PREROUTING':
      case 'OUTPUT':
        if (table('raw') === 'DROP') return 'drop';
        if (ct) conntrackIn(st, skb);
        if (table('mangle') === 'DROP') return 'drop';
        if (ct && natHook(st, 'dst', x) === 'DROP') return 'drop';
        // IPVS at LOCAL_OUT (priority -99) between nat OUTPUT and filter OUTPUT.
        if (hook === 'OUTPUT' && localIn) {
          const v = localIn();
          if (v !== 'accept') return v;
        }
        if (hook === 'OUTPUT' && table('filter') === 'DROP') return 'drop';
        return 'accept';
      case 'FORWARD':
        if (table('mangle') === 'DROP') return 'drop';
        if (table('filter') === 'DROP') return 'drop';
        return 'accept';
      case 'INPUT':
      case 'POSTROUTING':
        if (table('mangle') === 'DROP') return 'drop';
        if (hook === 'INPUT' && table('filter') === 'DROP') return 'drop';
        // A LOCAL_IN function between filter and NAT (IPVS, priority 98) may take the packet.
        if (hook === 'INPUT' && localIn) {
          const v = localIn();
          if (v !== 'accept') return v;
        }
        if (ct && natHook(st, 'src', x) === 'DROP') return 'drop';
        if (ct && !conntrackConfirm(st, skb)) return 'drop';
        if (ct && hook === 'POSTROUTING' && outDev?.kind === 'loopback' && skb.ctinfo) loopbackCt.set(skb.pkt, skb.ctinfo as SkbCt);
        return 'accept';
    }
  }

  /**
   * A hook with native (nft) filter chains: every registered function in
   * priority order, as nf_hook_slow walks the hook's entries: iptables raw
   * -300, conntrack -200, mangle -150, NAT -100 (dst) / 100 (src), filter 0,
   * confirm last, and each native base chain at its own priority.
   */
  private ordered(st: NfNs, hook: NfHook, x: MatchCtx, ct: boolean, table: (n: TableName) => TableVerdict, native: { prio: number; run: () => TableVerdict }[], localIn?: () => NfVerdict): NfVerdict {
    const steps: { prio: number; run: () => TableVerdict }[] = [];
    let stolen = false;
    if ((hook === 'INPUT' || hook === 'OUTPUT') && localIn)
      steps.push({
        prio: hook === 'INPUT' ? 98 : -99,
        run: () => {
          const v = localIn();
          if (v === 'stolen') stolen = true;
          return v === 'accept' ? 'ACCEPT' : 'DROP';
        },
      });
    const dst = hook === 'PREROUTING' || hook === 'OUTPUT';
    if (dst) steps.push({ prio: -300, run: () => table('raw') });
    if (dst && ct)
      steps.push({
        prio: -200,
        run: () => {
          conntrackIn(st, x.skb);
          return 'ACCEPT';
        },
      });
    steps.push({ prio: -150, run: () => table('mangle') });
    if (ct && hook !== 'FORWARD') steps.push({ prio: dst ? -100 : 100, run: () => natHook(st, dst ? 'dst' : 'src', x) });
    if (hook !== 'PREROUTING' && hook !== 'POSTROUTING') steps.push({ prio: 0, run: () => table('filter') });
    steps.push(...native);
    steps.sort((a, b) => a.prio - b.prio);
    for (const s of steps) if (s.run() === 'DROP') return stolen ? 'stolen' : 'drop';
    if (ct && (hook === 'INPUT' || hook === 'POSTROUTING')) {
      if (!conntrackConfirm(st, x.skb)) return 'drop';
      if (hook === 'POSTROUTING' && x.outDev?.kind === 'loopback' && x.skb.ctinfo) loopbackCt.set(x.skb.pkt, x.skb.ctinfo as SkbCt);
    }
    return 'accept';
  }
}

// Every kernel's hooks run this from now on (kernel.ts does not import this
// module: the browser worker loads it with the first program that needs it).
registerNetfilter(new Netfilter());

/** Netmask helper for userland (`/255.255.255.0` → 24 is done there). */
export { maskOf };
