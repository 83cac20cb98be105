// How nft 1.0.6 prints a ruleset: tables, sets and maps (elements sorted,
// wrapped two IPv4 addresses, five ports or one mapping per line), chains
// with their hook line (standard priority names), and rules. Tables that
// iptables-nft manages are printed from the iptables rules the way nft shows
// them (payload matches natively, xtables targets through their translation;
// a comment match prints as an empty statement, hence the double space),
// as recorded in fidelity/goldens/100-nft-iptables-nft.json.

import { fmtIp4 } from '../../../kernel/addr.ts';
import type { NfNs } from '../../../kernel/netfilter/netfilter.ts';
import { type NftChain, type NftElem, type NftExpr, type NftPart, type NftRhs, type NftRule, type NftSel, type NftSet, type NftTable, type NftVerdict, NFT_CT_STATES } from '../../../kernel/netfilter/nft.ts';
import { type Chain, type Match, type Rule, type Table, type TableName, type Target, CT_STATE } from '../../../kernel/netfilter/types.ts';

/** Listing options. */
export interface PrintOpts {
  handles: boolean;
  /** Virtual time now (ms), for elements' `expires`. */
  now?: number;
}

const PROTO_NAME: Record<number, string> = { 1: 'icmp', 6: 'tcp', 17: 'udp', 132: 'sctp' };
export const ICMP_TYPES: Record<string, number> = {
  'echo-reply': 0,
  'destination-unreachable': 3,
  'source-quench': 4,
  redirect: 5,
  'echo-request': 8,
  'router-advertisement': 9,
  'router-solicitation': 10,
  'time-exceeded': 11,
  'parameter-problem': 12,
  'timestamp-request': 13,
  'timestamp-reply': 14,
  'info-request': 15,
  'info-reply': 16,
  'address-mask-request': 17,
  'address-mask-reply': 18,
};
const ICMP_NAME = Object.fromEntries(Object.entries(ICMP_TYPES).map(([k, v]) => [v, k])) as Record<number, string>;

/** Standard priorities of the ip/inet families and where nft uses their names. */
const STD_PRIO: { name: string; prio: number; hooks?: string[] }[] = [
  { name: 'raw', prio: -300 },
  { name: 'mangle', prio: -150 },
  { name: 'dstnat', prio: -100, hooks: ['prerouting'] },
  { name: 'filter', prio: 0 },
  { name: 'security', prio: 50 },
  { name: 'srcnat', prio: 100, hooks: ['postrouting'] },
];

/** A base chain's priority as nft prints it (`filter`, `dstnat - 10`, `-110`). */
export function prioText(prio: number, hook: string): string {
  for (const s of STD_PRIO) {
    if (s.hooks && !s.hooks.includes(hook)) continue;
    const d = prio - s.prio;
    if (d === 0) return s.name;
    if (Math.abs(d) <= 10) return `${s.name} ${d < 0 ? '-' : '+'} ${Math.abs(d)}`;
  }
  return String(prio);
}

/** A standard priority name's value at a hook, if it is valid there. */
export function prioByName(name: string, hook: string): number | undefined {
  const s = STD_PRIO.find((x) => x.name === name && (!x.hooks || x.hooks.includes(hook)));
  return s?.prio;
}

const hex8 = (n: number): string => '0x' + (n >>> 0).toString(16).padStart(8, '0');

/** The datatype of a selector (for printing its values). */
export function selType(s: NftSel): string {
  switch (s.k) {
    case 'ip':
      return s.f === 'protocol' ? 'inet_proto' : 'ipv4_addr';
    case 'l4':
      return 'inet_service';
    case 'icmp':
      return 'icmp_type';
    case 'meta':
      return s.f === 'l4proto' ? 'inet_proto' : s.f === 'mark' ? 'mark' : 'ifname';
    case 'ct':
      return 'ct_state';
    case 'fib':
      return 'fib_addrtype';
    case 'random':
      return 'integer';
  }
}

export function selText(s: NftSel): string {
  switch (s.k) {
    case 'ip':
      return `ip ${s.f}`;
    case 'l4':
      return `${s.p} ${s.f}`;
    case 'icmp':
      return 'icmp type';
    case 'meta':
      return s.f === 'iifname' || s.f === 'oifname' ? s.f : `meta ${s.f}`;
    case 'ct':
      return 'ct state';
    case 'fib':
      return `fib ${s.f} type`;
    case 'random':
      return 'meta random';
  }
}

function partText(p: NftPart, type: string): string {
  if ('str' in p) return `"${p.str}"`;
  switch (type) {
    case 'ipv4_addr':
      if (p.prefix !== undefined && p.prefix < 32) return `${fmtIp4(p.lo)}/${p.prefix}`;
      return p.lo === p.hi ? fmtIp4(p.lo) : `${fmtIp4(p.lo)}-${fmtIp4(p.hi)}`;
    case 'inet_proto':
      return PROTO_NAME[p.lo] ?? String(p.lo);
    case 'icmp_type':
      return ICMP_NAME[p.lo] ?? String(p.lo);
    case 'mark':
      return hex8(p.lo);
    case 'fib_addrtype':
      return 'local';
    default:
      return p.lo === p.hi ? String(p.lo) : `${p.lo}-${p.hi}`;
  }
}

export function verdictText(v: NftVerdict): string {
  return v.chain !== undefined ? `${v.v} ${v.chain}` : v.v;
}

function elemText(e: NftElem, types: string[]): string {
  let s = e.parts.map((p, i) => partText(p, types[i] ?? types[0])).join(' . ');
  if (e.comment !== undefined) s += ` comment "${e.comment}"`;
  if (e.data) s += ` : ${verdictText(e.data)}`;
  return s;
}

function cmpKey(a: NftElem, b: NftElem): number {
  for (let i = 0; i < Math.min(a.parts.length, b.parts.length); i++) {
    const x = a.parts[i];
    const y = b.parts[i];
    const xs = 'str' in x ? x.str : x.lo >>> 0;
    const ys = 'str' in y ? y.str : y.lo >>> 0;
    if (xs < ys) return -1;
    if (xs > ys) return 1;
  }
  return 0;
}

/** An anonymous set or inline map in a rule: `{ 80, 443 }`, or the lone element bare. */
function inlineSet(elems: NftElem[], types: string[], forceBraces: boolean): string {
  if (elems.length === 1 && !forceBraces && !elems[0].data) return elemText(elems[0], types);
  return `{ ${elems.map((e) => elemText(e, types)).join(', ')} }`;
}

function rhsText(r: NftRhs, types: string[]): string {
  switch (r.kind) {
    case 'ref':
      return `@${r.name}`;
    case 'bits':
      return r.names.join(',');
    case 'value':
      return r.parts.map((p, i) => partText(p, types[i] ?? types[0])).join(' . ');
    case 'set':
      return inlineSet(r.elems, types, false);
  }
}

function exprText(e: NftExpr, t: NftTable): string {
  switch (e.k) {
    case 'cmp': {
      const types = e.sels.map(selType);
      let s = e.sels.map(selText).join(' . ');
      if (e.mask !== undefined) {
        const m = e.sels[0].k === 'random' ? String(e.mask) : hex8(e.mask);
        s += ` & ${m}`;
        const v = e.rhs.kind === 'value' && 'lo' in e.rhs.parts[0] ? e.rhs.parts[0].lo : 0;
        return `${s} ${e.op} ${e.sels[0].k === 'random' ? String(v) : hex8(v)}`;
      }
      if (e.op !== '==') s += ` ${e.op}`;
      return `${s} ${rhsText(e.rhs, types)}`;
    }
    case 'counter':
      return `counter packets ${e.pkts} bytes ${e.bytes}`;
    case 'verdict':
      return verdictText(e.verdict);
    case 'vmap': {
      const key = e.numgenMod ? `numgen random mod ${e.numgenMod}` : e.sels.map(selText).join(' . ');
      const types = e.numgenMod ? ['integer'] : e.sels.map(selType);
      return `${key} vmap ${e.rhs.kind === 'ref' ? `@${e.rhs.name}` : inlineSet(e.rhs.elems, types, true)}`;
    }
    case 'nat': {
      if (e.kind === 'masquerade' || e.kind === 'redirect') {
        let s = e.kind;
        if (e.port !== undefined) s += ` to :${e.port}${e.portHi !== undefined && e.portHi !== e.port ? `-${e.portHi}` : ''}`;
        if (e.random) s += ' random';
        if (e.fully) s += ' fully-random';
        if (e.persistent) s += ' persistent';
        return s;
      }
      let s = `${e.kind}${t.family === 'inet' || e.ipFamily ? ' ip' : ''} to`;
      if (e.addr !== undefined) s += ` ${fmtIp4(e.addr)}${e.addrHi !== undefined && e.addrHi !== e.addr ? `-${fmtIp4(e.addrHi)}` : ''}`;
      if (e.port !== undefined) s += `${e.addr === undefined ? ' ' : ''}:${e.port}${e.portHi !== undefined && e.portHi !== e.port ? `-${e.portHi}` : ''}`;
      return s;
    }
    case 'mark':
      return e.op === 'set' ? `meta mark set ${hex8(e.value)}` : `meta mark set meta mark ${e.op === 'or' ? '|' : e.op === 'xor' ? '^' : '&'} ${hex8(e.value)}`;
    case 'reject':
      return e.with ? `reject with ${e.with}` : 'reject';
    case 'log':
      return e.prefix !== undefined ? `log prefix "${e.prefix}"` : 'log';
    case 'update':
      return `update @${e.set} { ${e.sels.map(selText).join(' . ')} }`;
  }
}

/** One native rule as nft prints it. */
export function ruleText(r: NftRule, t: NftTable): string {
  const parts = r.exprs.map((e) => exprText(e, t));
  if (r.comment !== undefined) parts.push(`comment "${r.comment}"`);
  return parts.join(' ');
}

/** nft's time format (time_print): 3h, 1h30m, 1m30s, 2h59m58s120ms. */
export function nftTime(ms: number): string {
  const d = Math.floor(ms / 86_400_000);
  const h = Math.floor(ms / 3_600_000) % 24;
  const m = Math.floor(ms / 60_000) % 60;
  const sec = Math.floor(ms / 1000) % 60;
  const r = Math.floor(ms) % 1000;
  const out = `${d ? `${d}d` : ''}${h ? `${h}h` : ''}${m ? `${m}m` : ''}${sec ? `${sec}s` : ''}${r ? `${r}ms` : ''}`;
  return out || '0s';
}

function setBody(s: NftSet, ind: string, now = 0): string {
  let out = `${ind}\ttype ${s.keyType.join(' . ')}${s.map ? ' : verdict' : ''}\n`;
  if (s.size !== undefined) out += `${ind}\tsize ${s.size}\n`;
  if (s.flags.length) out += `${ind}\tflags ${s.flags.join(',')}\n`;
  if (s.comment !== undefined) out += `${ind}\tcomment "${s.comment}"\n`;
  if (s.timeout !== undefined) out += `${ind}\ttimeout ${nftTime(s.timeout)}\n`;
  if (s.elems.some((e) => e.expires !== undefined)) s = { ...s, elems: s.elems.filter((e) => e.expires === undefined || e.expires > now) };
  if (s.elems.length) {
    const per = s.map || s.keyType.length > 1 ? 1 : s.keyType[0] === 'ipv4_addr' ? 2 : 5;
    const texts = [...s.elems].sort(cmpKey).map((e) => elemText(e, s.keyType) + (e.expires !== undefined ? ` expires ${nftTime(e.expires - now)}` : ''));
    let body = '';
    texts.forEach((x, i) => {
      if (i > 0) body += i % per === 0 ? `,\n${ind}\t\t     ` : ', ';
      body += x;
    });
    out += `${ind}\telements = { ${body} }\n`;
  }
  return out;
}

/** `set NAME {…}` / `map NAME {…}` inside a table. */
export function setText(s: NftSet, o: PrintOpts): string {
  return `\t${s.map ? 'map' : 'set'} ${s.name} {${o.handles ? ` # handle ${s.handle}` : ''}\n${setBody(s, '\t', o.now ?? 0)}\t}\n`;
}

/** `chain NAME {…}` inside a table. */
export function chainText(c: NftChain, t: NftTable, o: PrintOpts): string {
  let s = `\tchain ${c.name} {${o.handles ? ` # handle ${c.handle}` : ''}\n`;
  if (c.comment !== undefined) s += `\t\tcomment "${c.comment}"\n`;
  if (c.base) s += `\t\ttype ${c.base.type} hook ${c.base.hook} priority ${prioText(c.base.prio, c.base.hook)}; policy ${c.base.policy};\n`;
  for (const r of c.rules) s += `\t\t${ruleText(r, t)}${o.handles ? ` # handle ${r.handle}` : ''}\n`;
  return s + '\t}\n';
}

/** A whole native table. */
export function tableText(t: NftTable, o: PrintOpts, only?: { chain?: string; set?: string }): string {
  let s = `table ${t.family} ${t.name} {${o.handles && !only ? ` # handle ${t.handle}` : ''}\n`;
  const blocks: string[] = [];
  if (only?.chain !== undefined) blocks.push(chainText(t.chains.get(only.chain)!, t, o));
  else if (only?.set !== undefined) blocks.push(setText(t.sets.get(only.set)!, o));
  else {
    if (t.comment !== undefined) s += `\tcomment "${t.comment}"\n`;
    for (const x of t.sets.values()) blocks.push(setText(x, o));
    for (const c of t.chains.values()) blocks.push(chainText(c, t, o));
  }
  return s + blocks.join('\n') + '}\n';
}

// ── iptables-nft tables ──────────────────────────────────────────────────

const HOOK_OF: Record<string, string> = { PREROUTING: 'prerouting', INPUT: 'input', FORWARD: 'forward', OUTPUT: 'output', POSTROUTING: 'postrouting' };
const XT_PRIO: Record<TableName, number> = { raw: -300, mangle: -150, filter: 0, nat: 0 };

function xtPrefix(a: number, len: number): string {
  return len === 32 ? fmtIp4(a) : `${fmtIp4(a)}/${len}`;
}

function xtPorts(name: string, dir: 'sport' | 'dport', m: { lo: number; hi: number; inv: boolean } | undefined): string | undefined {
  if (!m) return undefined;
  return `${name} ${dir} ${m.inv ? '!= ' : ''}${m.lo === m.hi ? m.lo : `${m.lo}-${m.hi}`}`;
}

/** ct state names as the conntrack match's translation lists them. */
function xtCtStates(bits: number): string {
  const order: [string, number][] = [
    ['invalid', CT_STATE.INVALID],
    ['new', CT_STATE.NEW],
    ['related', CT_STATE.RELATED],
    ['established', CT_STATE.ESTABLISHED],
    ['untracked', CT_STATE.UNTRACKED],
  ];
  return order
    .filter(([, b]) => bits & b)
    .map(([n]) => n)
    .join(',');
}

function xtMatch(m: Match, proto: number): string | undefined {
  switch (m.kind) {
    case 'tcp':
    case 'udp':
      return [xtPorts(m.kind, 'sport', m.sport), xtPorts(m.kind, 'dport', m.dport)].filter(Boolean).join(' ') || undefined;
    case 'icmp':
      return m.type === 0xff ? 'meta l4proto icmp' : `icmp type ${m.inv ? '!= ' : ''}${ICMP_NAME[m.type] ?? m.type}`;
    case 'multiport': {
      const p = PROTO_NAME[proto] ?? 'th';
      const list = m.ports.map(([lo, hi]) => (lo === hi ? String(lo) : `${lo}-${hi}`)).join(',');
      return `${p} ${m.dir === 'src' ? 'sport' : 'dport'} ${m.inv ? '!= ' : ''}{ ${list} }`;
    }
    case 'state':
      return `ct state ${m.inv ? '!= ' : ''}${xtCtStates(m.states)}`;
    case 'conntrack':
      return m.ctstate ? `ct state ${m.ctstate.inv ? '!= ' : ''}${xtCtStates(m.ctstate.states)}` : '';
    case 'statistic':
      if (m.mode === 'random') return `meta random & 2147483647 ${m.inv ? '>=' : '<'} ${m.prob}`;
      return `numgen inc mod ${m.every} ${m.inv ? '!= ' : ''}${m.packet}`;
    case 'comment':
      return '';
    case 'addrtype': {
      const names = ['unspec', 'unicast', 'local', 'broadcast', 'anycast', 'multicast', 'blackhole', 'unreachable', 'prohibit'];
      const one = (dir: string, x: { types: number; inv: boolean }): string => {
        const n = names.filter((_, i) => x.types & (1 << i));
        return `fib ${dir}${m.limitIn ? ' . iif' : m.limitOut ? ' . oif' : ''} type ${x.inv ? '!= ' : ''}${n.length > 1 ? `{ ${n.join(', ')} }` : n[0]}`;
      };
      return [m.src && one('saddr', m.src), m.dst && one('daddr', m.dst)].filter(Boolean).join(' ');
    }
    case 'mark':
      return m.mask === 0xffffffff ? `meta mark ${m.inv ? '!= ' : ''}${hex8(m.value)}` : `meta mark & ${hex8(m.mask)} ${m.inv ? '!=' : '=='} ${hex8(m.value)}`;
    case 'iprange': {
      const one = (d: string, r: { lo: number; hi: number; inv: boolean }): string => `ip ${d} ${r.inv ? '!= ' : ''}${fmtIp4(r.lo)}-${fmtIp4(r.hi)}`;
      return [m.src && one('saddr', m.src), m.dst && one('daddr', m.dst)].filter(Boolean).join(' ');
    }
    case 'limit':
      return `limit rate ${Math.round(10000 / m.avg)}/second burst ${m.burst} packets`;
    case 'length':
      return `ip length ${m.inv ? '!= ' : ''}${m.min === m.max ? m.min : `${m.min}-${m.max}`}`;
  }
}

function natRange(r: { minIp?: number; maxIp?: number; minPort?: number; maxPort?: number }): string {
  let s = '';
  if (r.minIp !== undefined) s += fmtIp4(r.minIp) + (r.maxIp !== undefined && r.maxIp !== r.minIp ? `-${fmtIp4(r.maxIp)}` : '');
  if (r.minPort !== undefined) s += `:${r.minPort}${r.maxPort !== undefined && r.maxPort !== r.minPort ? `-${r.maxPort}` : ''}`;
  return s;
}

function xtTarget(t: Target): string {
  switch (t.kind) {
    case 'none':
      return '';
    case 'verdict':
      return t.verdict.toLowerCase();
    case 'jump':
      return `${t.goto ? 'goto' : 'jump'} ${t.chain}`;
    case 'REJECT':
      if (t.with === 'icmp-port-unreachable') return 'reject';
      if (t.with === 'tcp-reset') return 'reject with tcp reset';
      return `reject with icmp type ${t.with.replace(/^icmp-/, '')}`;
    case 'DNAT':
      return `dnat to ${natRange(t.range)}${t.random ? ' random' : ''}${t.persistent ? ' persistent' : ''}`;
    case 'SNAT':
      return `snat to ${natRange(t.range)}${t.random ? ' random' : ''}${t.fully ? ' fully-random' : ''}${t.persistent ? ' persistent' : ''}`;
    case 'MASQUERADE':
      return `masquerade${t.minPort !== undefined ? ` to :${t.minPort}${t.maxPort !== undefined && t.maxPort !== t.minPort ? `-${t.maxPort}` : ''}` : ''}${t.random ? ' random' : ''}${t.fully ? ' fully-random' : ''}`;
    case 'REDIRECT':
      return `redirect${t.minPort !== undefined ? ` to :${t.minPort}${t.maxPort !== undefined && t.maxPort !== t.minPort ? `-${t.maxPort}` : ''}` : ''}${t.random ? ' random' : ''}`;
    case 'MARK':
      if (t.mask === 0xffffffff) return `meta mark set 0x${t.value.toString(16)}`;
      if (t.mask === t.value) return `meta mark set mark or 0x${t.value.toString(16)}`;
      if (t.value === 0) return `meta mark set mark and 0x${(~t.mask >>> 0).toString(16)}`;
      if (t.mask === 0) return `meta mark set mark xor 0x${t.value.toString(16)}`;
      return `meta mark set mark and 0x${(~t.mask >>> 0).toString(16)} xor 0x${t.value.toString(16)}`;
    case 'LOG':
      return `log${t.prefix !== undefined ? ` prefix "${t.prefix}"` : ''}`;
    case 'NOTRACK':
      return 'notrack';
    case 'TRACE':
      return 'nftrace set 1';
  }
}

/** One iptables rule as `nft list` shows it. */
export function xtRuleText(r: Rule): string {
  const out: string[] = [];
  if (r.iif) out.push(`iifname ${r.iifInv ? '!= ' : ''}"${r.iif.replace(/\+$/, '*')}"`);
  if (r.oif) out.push(`oifname ${r.oifInv ? '!= ' : ''}"${r.oif.replace(/\+$/, '*')}"`);
  // The protocol match is a dependency that nft leaves out before a match of that protocol's header.
  const hasL4 = r.matches.some((m) => ((m.kind === 'tcp' || m.kind === 'udp') && (m.sport || m.dport)) || (m.kind === 'icmp' && m.type !== 0xff));
  if (r.proto && (!hasL4 || r.protoInv)) out.push(`meta l4proto ${r.protoInv ? '!= ' : ''}${PROTO_NAME[r.proto] ?? r.proto}`);
  if (r.srcLen || r.srcInv) out.push(`ip saddr ${r.srcInv ? '!= ' : ''}${xtPrefix(r.src, r.srcLen)}`);
  if (r.dstLen || r.dstInv) out.push(`ip daddr ${r.dstInv ? '!= ' : ''}${xtPrefix(r.dst, r.dstLen)}`);
  for (const m of r.matches) {
    const t = xtMatch(m, r.proto);
    if (t !== undefined) out.push(t);
  }
  out.push(`counter packets ${r.pkts} bytes ${r.bytes}`);
  const tg = xtTarget(r.target);
  if (tg) out.push(tg);
  return out.join(' ');
}

/** Rule handles of an iptables-nft table: the table's objects numbered in creation order. */
function xtHandles(st: NfNs, t: Table): { chains: Chain[]; handle: Map<object, number> } {
  const chains = [...t.chains.values()].filter((c) => st.xtChains.has(`${t.name}\0${c.name}`)).sort((a, b) => st.xtChains.get(`${t.name}\0${a.name}`)! - st.xtChains.get(`${t.name}\0${b.name}`)!);
  const handle = new Map<object, number>();
  let h = 1;
  for (const c of chains) {
    handle.set(c, h++);
    for (const r of c.rules) handle.set(r, h++);
  }
  return { chains, handle };
}

function xtChainText(c: Chain, table: TableName, o: PrintOpts, handle: Map<object, number>): string {
  let s = `\tchain ${c.name} {${o.handles ? ` # handle ${handle.get(c)}` : ''}\n`;
  if (c.builtin) s += `\t\ttype ${table === 'nat' ? 'nat' : 'filter'} hook ${HOOK_OF[c.name]} priority ${table === 'nat' ? (c.name === 'PREROUTING' || c.name === 'OUTPUT' ? prioText(-100, HOOK_OF[c.name]) : prioText(100, HOOK_OF[c.name])) : prioText(XT_PRIO[table], HOOK_OF[c.name])}; policy ${c.policy === 'DROP' ? 'drop' : 'accept'};\n`;
  for (const r of c.rules) s += `\t\t${xtRuleText(r)}${o.handles ? ` # handle ${handle.get(r)}` : ''}\n`;
  return s + '\t}\n';
}

/**
 * Does the table hold xtables compat expressions (a match or target that
 * iptables-nft 1.8.9 does not translate to native nftables)? nft then warns
 * that the table is iptables-nft's. Native: addresses, interfaces, protocol,
 * tcp/udp ports, mark, statistic, addrtype and the standard verdicts.
 */
export function xtHasCompat(t: Table): boolean {
  const nativeMatch = (m: Match): boolean => m.kind === 'mark' || m.kind === 'statistic' || m.kind === 'addrtype' || ((m.kind === 'tcp' || m.kind === 'udp') && !(m.kind === 'tcp' && (m.flags || m.option)));
  for (const c of t.chains.values())
    for (const r of c.rules) {
      if (r.target.kind !== 'none' && r.target.kind !== 'verdict' && r.target.kind !== 'jump') return true;
      if (!r.matches.every(nativeMatch)) return true;
    }
  return false;
}

/** The chains of an iptables-nft table that exist in nf_tables, in creation order. */
export function xtChains(st: NfNs, t: Table): Chain[] {
  return xtHandles(st, t).chains;
}

/** An iptables-nft table as nft prints it (optionally one chain). */
export function xtTableText(st: NfNs, t: Table, o: PrintOpts, chain?: string): string {
  const { chains, handle } = xtHandles(st, t);
  const shown = chain !== undefined ? chains.filter((c) => c.name === chain) : chains;
  const tableHandle = (st.xtSeq.get(t.name) ?? 0) + 1;
  return `table ip ${t.name} {${o.handles && chain === undefined ? ` # handle ${tableHandle}` : ''}\n${shown.map((c) => xtChainText(c, t.name, o, handle)).join('\n')}}\n`;
}

export { NFT_CT_STATES };
