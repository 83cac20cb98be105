// Native nf_tables objects (what `nft` creates beside the tables iptables-nft
// manages): tables of family ip or inet, base chains attached to a hook at a
// priority with a policy, regular chains, named sets and verdict maps, and
// rules made of expressions. The packet path runs every base chain of a hook
// in priority order together with the iptables tables (netfilter.ts calls
// `nftBaseChains` and `runNftChain` through the slot registered below);
// nat-type chains run inside the NAT core, only for a connection's first
// packet, in priority order with the iptables nat table.

import { inNet } from '../addr.ts';
import type { NetNs } from '../netns.ts';
import type { NfHook } from '../stack.ts';
import { ip4Len } from '../packet.ts';
import type { Target } from './types.ts';
import { type NfNs, type NftRunCtx, CT_BITS_OF, nfOf, nftRecount, registerNftRunner } from './netfilter.ts';

/** The hooks of the ip family, as nft names them. */
export type NftHookName = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';
export const NFT_HOOK: Record<NfHook, NftHookName> = { PREROUTING: 'prerouting', INPUT: 'input', FORWARD: 'forward', OUTPUT: 'output', POSTROUTING: 'postrouting' };

/** A base chain's hook registration. */
export interface NftBase {
  type: 'filter' | 'nat' | 'route';
  hook: NftHookName;
  prio: number;
  policy: 'accept' | 'drop';
}

/** What a packet field or a constant evaluates to. */
export type NftValue = number | string;

/** A packet field (payload, meta, ct, fib selectors). */
export type NftSel =
  | { k: 'ip'; f: 'saddr' | 'daddr' | 'protocol' }
  | { k: 'l4'; p: 'tcp' | 'udp' | 'th'; f: 'sport' | 'dport' }
  | { k: 'icmp'; f: 'type' }
  | { k: 'meta'; f: 'l4proto' | 'iifname' | 'oifname' | 'mark' }
  | { k: 'ct'; f: 'state' }
  | { k: 'fib'; f: 'saddr' | 'daddr' }
  | { k: 'random' };

/** One part of a set element: a number range (an address prefix, a port range) or a name. */
export type NftPart = { lo: number; hi: number; prefix?: number } | { str: string };

/** A verdict (rule end, map data). */
export interface NftVerdict {
  v: 'accept' | 'drop' | 'return' | 'continue' | 'jump' | 'goto';
  chain?: string;
}

/** A set element (key parts, optional verdict data and comment). */
export interface NftElem {
  parts: NftPart[];
  data?: NftVerdict;
  comment?: string;
  /** Virtual time (ms) the element times out (sets with `flags timeout`). */
  expires?: number;
}

/** A named set or map (anonymous sets live inline in the expression). */
export interface NftSet {
  name: string;
  handle: number;
  map: boolean;
  /** Key datatypes (`ipv4_addr`, `inet_proto`, `inet_service`, …), one per concatenated part. */
  keyType: string[];
  flags: string[];
  comment?: string;
  /** Default element timeout (ms), `timeout 3h`. */
  timeout?: number;
  /** `size N` (nft gives a dynamic set that `update` fills 65535). */
  size?: number;
  elems: NftElem[];
}

/** A rule's right-hand side. */
export type NftRhs = { kind: 'value'; parts: NftPart[] } | { kind: 'set'; elems: NftElem[] } | { kind: 'ref'; name: string } | { kind: 'bits'; bits: number; names: string[] };

/** A rule statement. */
export type NftExpr =
  | { k: 'cmp'; sels: NftSel[]; op: '==' | '!=' | '<' | '>'; mask?: number; rhs: NftRhs }
  | { k: 'counter'; pkts: number; bytes: number }
  | { k: 'verdict'; verdict: NftVerdict }
  | { k: 'vmap'; sels: NftSel[]; numgenMod?: number; rhs: { kind: 'set'; elems: NftElem[] } | { kind: 'ref'; name: string } }
  | { k: 'nat'; kind: 'dnat' | 'snat' | 'masquerade' | 'redirect'; ipFamily?: boolean; addr?: number; addrHi?: number; port?: number; portHi?: number; fully?: boolean; random?: boolean; persistent?: boolean }
  | { k: 'mark'; op: 'set' | 'or' | 'xor' | 'and'; value: number }
  | { k: 'reject'; with?: string }
  | { k: 'log'; prefix?: string }
  /** `update @set { ip saddr }`: add the key, or refresh its timeout (nft_dynset). */
  | { k: 'update'; set: string; sels: NftSel[] };

/** A rule. */
export interface NftRule {
  handle: number;
  exprs: NftExpr[];
  comment?: string;
}

/** A chain. */
export interface NftChain {
  name: string;
  handle: number;
  base?: NftBase;
  comment?: string;
  rules: NftRule[];
}

/** A native table. */
export interface NftTable {
  family: 'ip' | 'inet';
  name: string;
  handle: number;
  comment?: string;
  chains: Map<string, NftChain>;
  sets: Map<string, NftSet>;
  /** Next object handle in this table (chains, sets and rules share it). */
  nextHandle: number;
  /** Creation order among all tables of the namespace (iptables-nft's included). */
  seq: number;
}

/** Native nf_tables state of a namespace. */
export interface NftState {
  tables: NftTable[];
  nextTableHandle: number;
}

/** The native nf_tables state of a namespace (created on first use). */
export function nftOf(ns: NetNs): NftState {
  const st = nfOf(ns);
  if (!st.nft) st.nft = { tables: [], nextTableHandle: 1 };
  return st.nft;
}

/** A change to the native ruleset was made: recount conntrack users, bump the generation. */
export function nftChanged(ns: NetNs): void {
  const st = nfOf(ns);
  nftRecount(st);
  st.generation++;
}

/** Conntrack users of the native tables: nat base chains and rules with ct or NAT expressions. */
export function nftCtUsers(s: NftState): number {
  let n = 0;
  for (const t of s.tables)
    for (const c of t.chains.values()) {
      if (c.base?.type === 'nat') n++;
      for (const r of c.rules) if (r.exprs.some((e) => (e.k === 'cmp' && e.sels.some((x) => x.k === 'ct')) || e.k === 'nat')) n++;
    }
  return n;
}

// ── evaluation ───────────────────────────────────────────────────────────

const PROTO: Record<string, number> = { icmp: 1, tcp: 6, udp: 17 };

function selValue(s: NftSel, x: NftRunCtx): NftValue | undefined {
  const p = x.skb.pkt;
  const l = p.payload;
  switch (s.k) {
    case 'ip':
      return s.f === 'saddr' ? p.src >>> 0 : s.f === 'daddr' ? p.dst >>> 0 : PROTO[l.proto];
    case 'l4':
      if (l.proto === 'icmp') return undefined;
      if (s.p !== 'th' && l.proto !== s.p) return undefined;
      return l[s.f];
    case 'icmp':
      return l.proto === 'icmp' ? l.type : undefined;
    case 'meta':
      if (s.f === 'l4proto') return PROTO[l.proto];
      if (s.f === 'mark') return x.skb.mark >>> 0;
      return (s.f === 'iifname' ? x.inDev?.name : x.outDev?.name) ?? '';
    case 'ct':
      return x.ctBits();
    case 'fib':
      return x.addrType(s.f === 'saddr' ? p.src : p.dst);
    case 'random':
      return x.ns.kernel.rng.u32() >>> 0;
  }
}

function partHas(part: NftPart, v: NftValue): boolean {
  if ('str' in part) {
    if (typeof v !== 'string') return false;
    return part.str.endsWith('*') ? v.startsWith(part.str.slice(0, -1)) : v === part.str;
  }
  if (typeof v !== 'number') return false;
  if (part.prefix !== undefined) return inNet(v, part.lo, part.prefix);
  return v >>> 0 >= part.lo >>> 0 && v >>> 0 <= part.hi >>> 0;
}

function elemHas(e: NftElem, vals: NftValue[]): boolean {
  return e.parts.length === vals.length && e.parts.every((p, i) => partHas(p, vals[i]));
}

/** A set's elements still alive at `now` (timed-out ones are removed, as the kernel's gc does). */
export function liveElems(s: NftSet, now: number): NftElem[] {
  if (s.elems.some((e) => e.expires !== undefined && e.expires <= now)) s.elems = s.elems.filter((e) => e.expires === undefined || e.expires > now);
  return s.elems;
}

function lookup(t: NftTable, rhs: { kind: 'set'; elems: NftElem[] } | { kind: 'ref'; name: string }, vals: NftValue[], now: number): NftElem | undefined {
  const named = rhs.kind === 'ref' ? t.sets.get(rhs.name) : undefined;
  const elems = rhs.kind === 'set' ? rhs.elems : named ? liveElems(named, now) : [];
  return elems.find((e) => elemHas(e, vals));
}

/** nft_dynset's update: insert the key with the set's timeout, or refresh the element's expiry. */
function dynsetUpdate(t: NftTable, e: Extract<NftExpr, { k: 'update' }>, x: NftRunCtx): void {
  const s = t.sets.get(e.set);
  if (!s) return;
  const vals: number[] = [];
  for (const sel of e.sels) {
    const v = selValue(sel, x);
    if (typeof v !== 'number') return;
    vals.push(v >>> 0);
  }
  const now = x.ns.kernel.clock.now;
  const have = liveElems(s, now).find((el) => elemHas(el, vals));
  const expires = s.timeout !== undefined ? now + s.timeout : undefined;
  if (have) {
    if (expires !== undefined) have.expires = expires;
    return;
  }
  if (s.elems.length >= (s.size ?? 65535)) return;
  s.elems.push({ parts: vals.map((v) => ({ lo: v, hi: v })), ...(expires !== undefined ? { expires } : {}) });
}

/** Does one comparison hold? */
function cmpHolds(t: NftTable, e: Extract<NftExpr, { k: 'cmp' }>, x: NftRunCtx): boolean {
  const vals: NftValue[] = [];
  for (const s of e.sels) {
    let v = selValue(s, x);
    if (v === undefined) return false;
    if (e.mask !== undefined && typeof v === 'number') v = (v & e.mask) >>> 0;
    vals.push(v);
  }
  const r = e.rhs;
  let hit: boolean;
  if (r.kind === 'bits') {
    const v = vals[0] as number;
    hit = (v & r.bits) !== 0;
  } else if (r.kind === 'value') {
    if (e.op === '<' || e.op === '>') {
      const v = vals[0] as number;
      const c = 'lo' in r.parts[0] ? r.parts[0].lo >>> 0 : 0;
      return e.op === '<' ? v >>> 0 < c : v >>> 0 > c;
    }
    hit = elemHas({ parts: r.parts }, vals);
  } else hit = lookup(t, r, vals, x.ns.kernel.clock.now) !== undefined;
  return e.op === '!=' ? !hit : hit;
}

/** What running one base chain decided. */
export type NftChainVerdict = 'ACCEPT' | 'DROP';

const MAX_DEPTH = 64;

/** Run one base chain of a native table on a packet (nft_do_chain). */
export function runNftChain(t: NftTable, base: NftChain, x: NftRunCtx): NftChainVerdict {
  const stack: { chain: NftChain; idx: number }[] = [];
  let chain = base;
  let idx = 0;
  let budget = 1_000_000;
  const len = ip4Len(x.skb.pkt);
  const policy = (): NftChainVerdict => (base.base?.policy === 'drop' ? 'DROP' : 'ACCEPT');
  // Follow a verdict; returns a final verdict, or undefined to go on.
  const follow = (v: NftVerdict): NftChainVerdict | undefined | 'next' => {
    switch (v.v) {
      case 'accept':
        return 'ACCEPT';
      case 'drop':
        return 'DROP';
      case 'continue':
        return 'next';
      case 'return': {
        const f = stack.pop();
        if (!f) return policy();
        chain = f.chain;
        idx = f.idx;
        return undefined;
      }
      case 'jump':
      case 'goto': {
        const next = t.chains.get(v.chain ?? '');
        if (!next || stack.length >= MAX_DEPTH) return 'DROP';
        if (v.v === 'jump') stack.push({ chain, idx });
        chain = next;
        idx = 0;
        return undefined;
      }
    }
  };
  for (;;) {
    if (idx >= chain.rules.length) {
      const f = stack.pop();
      if (!f) return policy();
      chain = f.chain;
      idx = f.idx;
      continue;
    }
    if (--budget <= 0) return 'DROP';
    const r = chain.rules[idx++];
    let out: NftChainVerdict | undefined | 'next' = 'next';
    for (const e of r.exprs) {
      if (e.k === 'cmp') {
        if (!cmpHolds(t, e, x)) break;
        continue;
      }
      if (e.k === 'counter') {
        e.pkts++;
        e.bytes += len;
        continue;
      }
      if (e.k === 'verdict') {
        out = follow(e.verdict);
        break;
      }
      if (e.k === 'vmap') {
        const vals: NftValue[] = [];
        let ok = true;
        if (e.numgenMod) vals.push(x.ns.kernel.rng.u32() % e.numgenMod);
        else
          for (const s of e.sels) {
            const v = selValue(s, x);
            if (v === undefined) ok = false;
            else vals.push(v);
          }
        const hit = ok ? lookup(t, e.rhs, vals, x.ns.kernel.clock.now) : undefined;
        if (!hit?.data) break;
        out = follow(hit.data);
        break;
      }
      if (e.k === 'mark') {
        const m = x.skb.mark >>> 0;
        x.skb.mark = (e.op === 'set' ? e.value : e.op === 'or' ? m | e.value : e.op === 'xor' ? m ^ e.value : m & e.value) >>> 0;
        continue;
      }
      if (e.k === 'log') continue;
      if (e.k === 'update') {
        dynsetUpdate(t, e, x);
        continue;
      }
      // Terminal statements: reject and NAT.
      let tg: Target;
      if (e.k === 'reject') tg = { kind: 'REJECT', with: e.with ?? 'icmp-port-unreachable' };
      else if (e.kind === 'masquerade') tg = { kind: 'MASQUERADE', minPort: e.port, maxPort: e.portHi, random: !!e.random, fully: !!e.fully };
      else if (e.kind === 'redirect') tg = { kind: 'REDIRECT', minPort: e.port, maxPort: e.portHi, random: !!e.random };
      else {
        const range = { minIp: e.addr, maxIp: e.addrHi ?? e.addr, minPort: e.port, maxPort: e.portHi ?? e.port };
        tg = e.kind === 'dnat' ? { kind: 'DNAT', range, random: !!e.random, persistent: !!e.persistent } : { kind: 'SNAT', range, random: !!e.random, persistent: !!e.persistent, fully: !!e.fully };
      }
      const v = x.target(tg);
      out = v === 'CONTINUE' ? 'next' : v;
      break;
    }
    if (out === 'next' || out === undefined) continue;
    return out;
  }
}

/** The native base chains registered at a hook, with their tables, in priority order (stable). */
export function nftBaseChains(st: NfNs, hook: NfHook): { table: NftTable; chain: NftChain }[] {
  const h = NFT_HOOK[hook];
  const out: { table: NftTable; chain: NftChain }[] = [];
  for (const t of st.nft?.tables ?? []) for (const c of t.chains.values()) if (c.base?.hook === h) out.push({ table: t, chain: c });
  return out.sort((a, b) => a.chain.base!.prio - b.chain.base!.prio);
}

registerNftRunner({ baseChains: nftBaseChains, run: runNftChain, ctUsers: nftCtUsers });

/** ct state names and bits, in the order nft prints them. */
export const NFT_CT_STATES: [string, number][] = [
  ['invalid', CT_BITS_OF.INVALID],
  ['new', CT_BITS_OF.NEW],
  ['established', CT_BITS_OF.ESTABLISHED],
  ['related', CT_BITS_OF.RELATED],
  ['untracked', CT_BITS_OF.UNTRACKED],
];
