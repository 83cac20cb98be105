// iptables extensions (libxt_*): for each match and target, the options it
// adds to the command line, how it parses them (with the real error texts),
// and how it prints itself in `-L` (print) and `-S`/`iptables-save` (save)
// form. The kernel side (kernel/netfilter) only sees the parsed values.

import { fmtIp4, parseIp4, parseIp4Loose } from '../../../kernel/addr.ts';
import { ADDRTYPES, CT_STATE, CT_STATE_ORDER, type Match, type NatRange, type Rule, type Target } from '../../../kernel/netfilter/types.ts';
import { serviceName, servicePort } from './services.ts';

/** A user mistake: printed as `iptables v1.8.9 (nf_tables): MSG` + the try-help line, exit 2. */
export class ParamError extends Error {
  /** Exit status (2 = PARAMETER_PROBLEM). */
  readonly status: number;
  constructor(msg: string, status = 2) {
    super(msg);
    this.status = status;
  }
}

/** One option an extension adds (`--dport`); `args` is how many words it takes. */
export interface ExtOption {
  name: string;
  args: 0 | 1 | 2;
  /** Accepts a preceding `!`. */
  invert?: boolean;
}

/** Parsing context of one option. */
export interface ExtParse {
  opt: string;
  args: string[];
  inv: boolean;
  rule: Rule;
}

/** A match extension (`-m NAME`). */
export interface MatchExt {
  name: string;
  options: ExtOption[];
  init(): Match;
  parse(m: Match, x: ExtParse): void;
  final?(m: Match, rule: Rule): void;
  print(m: Match, numeric: boolean, rule: Rule): string;
  save(m: Match, rule: Rule): string;
}

/** A target extension (`-j NAME`). */
export interface TargetExt {
  name: string;
  options: ExtOption[];
  init(): Target;
  parse(t: Target, x: ExtParse): void;
  final?(t: Target, rule: Rule): void;
  print(t: Target, numeric: boolean, rule: Rule): string;
  save(t: Target, rule: Rule): string;
}

const PROTO_NAMES: Record<number, string> = { 1: 'icmp', 6: 'tcp', 17: 'udp' };

/** xtables_save_string: bare when safe, else double-quoted with escapes. */
export function saveString(v: string): string {
  if (/^[_\-0-9a-zA-Z]+$/.test(v)) return ` ${v}`;
  return ` "${v.replace(/["\\']/g, (c) => '\\' + c)}"`;
}

const hex = (n: number): string => '0x' + (n >>> 0).toString(16);

// ── ports ────────────────────────────────────────────────────────────────

/** A port number or service name (xtables_parse_port). */
export function parsePort(s: string, proto: string | undefined): number {
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    if (n <= 65535) return n;
  } else {
    const n = servicePort(s, proto);
    if (n !== undefined) return n;
  }
  throw new ParamError(`invalid port/service \`${s}' specified`);
}

function parsePortRange(s: string, proto: string, inv: boolean): { lo: number; hi: number; inv: boolean } {
  const i = s.indexOf(':');
  if (i < 0) {
    const p = parsePort(s, proto);
    return { lo: p, hi: p, inv };
  }
  const lo = i === 0 ? 0 : parsePort(s.slice(0, i), proto);
  const hi = i === s.length - 1 ? 65535 : parsePort(s.slice(i + 1), proto);
  if (lo > hi) throw new ParamError('invalid portrange (min > max)');
  return { lo, hi, inv };
}

function portName(p: number, proto: string, numeric: boolean): string {
  return (!numeric && serviceName(p, proto)) || String(p);
}

function printPorts(label: string, r: { lo: number; hi: number; inv: boolean } | undefined, proto: string, numeric: boolean): string {
  if (!r) return '';
  const inv = r.inv ? '!' : '';
  if (r.lo === r.hi) return ` ${label}:${inv}${portName(r.lo, proto, numeric)}`;
  if (r.lo === 0 && r.hi === 65535 && !r.inv) return '';
  return ` ${label}s:${inv}${portName(r.lo, proto, numeric)}:${portName(r.hi, proto, numeric)}`;
}

function savePorts(opt: string, r: { lo: number; hi: number; inv: boolean } | undefined): string {
  if (!r) return '';
  if (r.lo === 0 && r.hi === 65535 && !r.inv) return '';
  return `${r.inv ? ' !' : ''} --${opt} ${r.lo === r.hi ? r.lo : `${r.lo}:${r.hi}`}`;
}

// ── tcp / udp ────────────────────────────────────────────────────────────

const TCP_FLAGS: [string, number][] = [
  ['FIN', 1],
  ['SYN', 2],
  ['RST', 4],
  ['PSH', 8],
  ['ACK', 16],
  ['URG', 32],
];

function parseTcpFlags(s: string): number {
  let v = 0;
  for (const f of s.split(',')) {
    const u = f.toUpperCase();
    if (u === 'ALL') v |= 0x3f;
    else if (u === 'NONE') continue;
    else {
      const hit = TCP_FLAGS.find(([n]) => n === u);
      if (!hit) throw new ParamError(`Unknown TCP flag \`${f}'`);
      v |= hit[1];
    }
  }
  return v;
}

function tcpFlagNames(v: number): string {
  if (!v) return 'NONE';
  return TCP_FLAGS.filter(([, b]) => v & b)
    .map(([n]) => n)
    .join(',');
}

const tcpExt: MatchExt = {
  name: 'tcp',
  options: [
    { name: 'source-port', args: 1, invert: true },
    { name: 'sport', args: 1, invert: true },
    { name: 'destination-port', args: 1, invert: true },
    { name: 'dport', args: 1, invert: true },
    { name: 'tcp-flags', args: 2, invert: true },
    { name: 'syn', args: 0, invert: true },
    { name: 'tcp-option', args: 1, invert: true },
  ],
  init: () => ({ kind: 'tcp' }),
  parse(m, x) {
    if (m.kind !== 'tcp') return;
    switch (x.opt) {
      case 'source-port':
      case 'sport':
        if (m.sport) throw new ParamError('Only one `--source-port\' allowed');
        m.sport = parsePortRange(x.args[0], 'tcp', x.inv);
        return;
      case 'destination-port':
      case 'dport':
        if (m.dport) throw new ParamError('Only one `--destination-port\' allowed');
        m.dport = parsePortRange(x.args[0], 'tcp', x.inv);
        return;
      case 'tcp-flags':
        m.flags = { mask: parseTcpFlags(x.args[0]), cmp: parseTcpFlags(x.args[1]), inv: x.inv };
        return;
      case 'syn':
        m.flags = { mask: 0x17, cmp: 0x02, inv: x.inv };
        return;
      case 'tcp-option': {
        const n = Number(x.args[0]);
        if (!/^\d+$/.test(x.args[0]) || n > 255) throw new ParamError(`Bad TCP option value \`${x.args[0]}'`);
        m.option = { kind: n, inv: x.inv };
        return;
      }
    }
  },
  print(m, numeric) {
    if (m.kind !== 'tcp') return '';
    let s = ' tcp' + printPorts('spt', m.sport, 'tcp', numeric) + printPorts('dpt', m.dport, 'tcp', numeric);
    if (m.option) s += ` option=${m.option.inv ? '!' : ''}${m.option.kind}`;
    if (m.flags) {
      s += ` flags:${m.flags.inv ? '!' : ''}`;
      s += numeric ? `0x${m.flags.mask.toString(16).toUpperCase().padStart(2, '0')}/0x${m.flags.cmp.toString(16).toUpperCase().padStart(2, '0')}` : `${tcpFlagNames(m.flags.mask)}/${tcpFlagNames(m.flags.cmp)}`;
    }
    return s;
  },
  save(m) {
    if (m.kind !== 'tcp') return '';
    let s = savePorts('sport', m.sport) + savePorts('dport', m.dport);
    if (m.option) s += `${m.option.inv ? ' !' : ''} --tcp-option ${m.option.kind}`;
    if (m.flags) s += `${m.flags.inv ? ' !' : ''} --tcp-flags ${tcpFlagNames(m.flags.mask)} ${tcpFlagNames(m.flags.cmp)}`;
    return s;
  },
};

const udpExt: MatchExt = {
  name: 'udp',
  options: tcpExt.options.filter((o) => ['source-port', 'sport', 'destination-port', 'dport'].includes(o.name)),
  init: () => ({ kind: 'udp' }),
  parse(m, x) {
    if (m.kind !== 'udp') return;
    if (x.opt === 'source-port' || x.opt === 'sport') {
      if (m.sport) throw new ParamError('Only one `--source-port\' allowed');
      m.sport = parsePortRange(x.args[0], 'udp', x.inv);
    } else {
      if (m.dport) throw new ParamError('Only one `--destination-port\' allowed');
      m.dport = parsePortRange(x.args[0], 'udp', x.inv);
    }
  },
  print(m, numeric) {
    if (m.kind !== 'udp') return '';
    return ' udp' + printPorts('spt', m.sport, 'udp', numeric) + printPorts('dpt', m.dport, 'udp', numeric);
  },
  save(m) {
    if (m.kind !== 'udp') return '';
    return savePorts('sport', m.sport) + savePorts('dport', m.dport);
  },
};

// ── icmp ─────────────────────────────────────────────────────────────────

/** ICMP type names as libxt_icmp.h lists them (aliases included). */
export const ICMP_NAMES: [string, number, number, number][] = [
  ['any', 0xff, 0, 0xff],
  ['echo-reply', 0, 0, 0xff],
  ['pong', 0, 0, 0xff],
  ['destination-unreachable', 3, 0, 0xff],
  ['network-unreachable', 3, 0, 0],
  ['host-unreachable', 3, 1, 1],
  ['protocol-unreachable', 3, 2, 2],
  ['port-unreachable', 3, 3, 3],
  ['fragmentation-needed', 3, 4, 4],
  ['source-route-failed', 3, 5, 5],
  ['network-unknown', 3, 6, 6],
  ['host-unknown', 3, 7, 7],
  ['network-prohibited', 3, 9, 9],
  ['host-prohibited', 3, 10, 10],
  ['TOS-network-unreachable', 3, 11, 11],
  ['TOS-host-unreachable', 3, 12, 12],
  ['communication-prohibited', 3, 13, 13],
  ['host-precedence-violation', 3, 14, 14],
  ['precedence-cutoff', 3, 15, 15],
  ['source-quench', 4, 0, 0xff],
  ['redirect', 5, 0, 0xff],
  ['network-redirect', 5, 0, 0],
  ['host-redirect', 5, 1, 1],
  ['TOS-network-redirect', 5, 2, 2],
  ['TOS-host-redirect', 5, 3, 3],
  ['echo-request', 8, 0, 0xff],
  ['ping', 8, 0, 0xff],
  ['router-advertisement', 9, 0, 0xff],
  ['router-solicitation', 10, 0, 0xff],
  ['time-exceeded', 11, 0, 0xff],
  ['ttl-exceeded', 11, 0, 0xff],
  ['ttl-zero-during-transit', 11, 0, 0],
  ['ttl-zero-during-reassembly', 11, 1, 1],
  ['parameter-problem', 12, 0, 0xff],
  ['ip-header-bad', 12, 0, 0],
  ['required-option-missing', 12, 1, 1],
  ['timestamp-request', 13, 0, 0xff],
  ['timestamp-reply', 14, 0, 0xff],
  ['address-mask-request', 17, 0, 0xff],
  ['address-mask-reply', 18, 0, 0xff],
];

function parseIcmpType(s: string): [number, number, number] {
  if (/^\d/.test(s)) {
    const [t, c] = s.split('/');
    const type = Number(t);
    if (!/^\d+$/.test(t) || type > 255) throw new ParamError(`Invalid ICMP type \`${s}'\n`);
    if (c === undefined) return [type, 0, 0xff];
    const code = Number(c);
    if (!/^\d+$/.test(c) || code > 255) throw new ParamError(`Invalid ICMP code \`${c}'\n`);
    return [type, code, code];
  }
  const low = s.toLowerCase();
  const exact = ICMP_NAMES.find(([n]) => n.toLowerCase() === low);
  if (exact) return [exact[1], exact[2], exact[3]];
  const hits = ICMP_NAMES.filter(([n]) => n.toLowerCase().startsWith(low));
  if (!hits.length) throw new ParamError(`Unknown ICMP type \`${s}'`);
  if (hits.length > 1) throw new ParamError(`Ambiguous ICMP type \`${s}': \`${hits[0][0]}' or \`${hits[1][0]}'?`);
  return [hits[0][1], hits[0][2], hits[0][3]];
}

const icmpExt: MatchExt = {
  name: 'icmp',
  options: [{ name: 'icmp-type', args: 1, invert: true }],
  init: () => ({ kind: 'icmp', type: 0xff, codeMin: 0, codeMax: 0xff, inv: false }),
  parse(m, x) {
    if (m.kind !== 'icmp') return;
    [m.type, m.codeMin, m.codeMax] = parseIcmpType(x.args[0]);
    m.inv = x.inv;
  },
  print(m, numeric) {
    if (m.kind !== 'icmp') return '';
    let s = ' icmp';
    if (!numeric) {
      const n = ICMP_NAMES.find(([, t, lo, hi]) => t === m.type && lo === m.codeMin && hi === m.codeMax);
      if (n) return `${s} ${m.inv ? '!' : ''}${n[0]}`;
    }
    if (m.inv) s += ' !';
    s += `type ${m.type}`;
    if (m.codeMin === m.codeMax) s += ` code ${m.codeMin}`;
    else if (m.codeMin !== 0 || m.codeMax !== 0xff) s += ` codes ${m.codeMin}-${m.codeMax}`;
    return s;
  },
  save(m) {
    if (m.kind !== 'icmp') return '';
    let s = m.inv ? ' !' : '';
    if (m.type === 0xff) return s + ' --icmp-type any';
    s += ` --icmp-type ${m.type}`;
    if (m.codeMin !== 0 || m.codeMax !== 0xff) s += `/${m.codeMin}`;
    return s;
  },
};

// ── multiport ────────────────────────────────────────────────────────────

const multiportDirs = new WeakMap<object, Set<string>>();

const multiportExt: MatchExt = {
  name: 'multiport',
  options: [
    { name: 'source-ports', args: 1, invert: true },
    { name: 'sports', args: 1, invert: true },
    { name: 'destination-ports', args: 1, invert: true },
    { name: 'dports', args: 1, invert: true },
    { name: 'ports', args: 1, invert: true },
  ],
  init: () => ({ kind: 'multiport', dir: 'any', ports: [], inv: false }),
  parse(m, x) {
    if (m.kind !== 'multiport') return;
    const dirs = multiportDirs.get(m) ?? new Set<string>();
    multiportDirs.set(m, dirs);
    dirs.add(x.opt.startsWith('s') ? 'src' : x.opt.startsWith('d') ? 'dst' : 'any');
    const proto = PROTO_NAMES[x.rule.proto];
    if ((proto !== 'tcp' && proto !== 'udp') || x.rule.protoInv) throw new ParamError("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
    m.dir = x.opt.startsWith('s') ? 'src' : x.opt.startsWith('d') ? 'dst' : 'any';
    const parts = x.args[0].split(',');
    let count = 0;
    m.ports = [];
    for (const part of parts) {
      const i = part.indexOf(':');
      const lo = parsePort(i < 0 ? part : part.slice(0, i), proto);
      const hi = i < 0 ? lo : parsePort(part.slice(i + 1), proto);
      if (lo > hi) throw new ParamError('invalid portrange specified');
      count += i < 0 ? 1 : 2;
      if (count > 15) throw new ParamError('too many ports specified');
      m.ports.push([lo, hi]);
    }
    m.inv = x.inv;
  },
  final(m) {
    // xtables_options_fcheck: the three forms exclude each other; reported in option-table order.
    const dirs = multiportDirs.get(m);
    if (!dirs || dirs.size < 2) return;
    const names: Record<string, string> = { src: 'source-ports', dst: 'destination-ports', any: 'ports' };
    const set = ['src', 'dst', 'any'].filter((d) => dirs.has(d));
    throw new ParamError(`multiport: option "--${names[set[0]]}" cannot be used together with "--${names[set[1]]}".\n`);
  },
  print(m, numeric, r) {
    if (m.kind !== 'multiport') return '';
    const proto = PROTO_NAMES[r.proto] ?? 'tcp';
    const list = m.ports.map(([lo, hi]) => (lo === hi ? portName(lo, proto, numeric) : `${portName(lo, proto, numeric)}:${portName(hi, proto, numeric)}`)).join(',');
    return ` multiport ${m.dir === 'src' ? 'sports' : m.dir === 'dst' ? 'dports' : 'ports'} ${m.inv ? ' !' : ''}${list}`;
  },
  save(m) {
    if (m.kind !== 'multiport') return '';
    const list = m.ports.map(([lo, hi]) => (lo === hi ? String(lo) : `${lo}:${hi}`)).join(',');
    return `${m.inv ? ' !' : ''} --${m.dir === 'src' ? 'sports' : m.dir === 'dst' ? 'dports' : 'ports'} ${list}`;
  },
};

// ── state / conntrack ────────────────────────────────────────────────────

function parseStates(s: string, what: 'state' | 'ctstate'): number {
  let v = 0;
  for (const part of s.split(',')) {
    const u = part.toUpperCase() as keyof typeof CT_STATE;
    const ok = what === 'state' ? ['INVALID', 'NEW', 'ESTABLISHED', 'RELATED', 'UNTRACKED'].includes(u) : u in CT_STATE;
    if (!ok) throw new ParamError(what === 'state' ? `Bad state "${part}"` : `Bad ctstate "${part}"`);
    v |= CT_STATE[u];
  }
  return v;
}

function stateNames(v: number): string {
  return CT_STATE_ORDER.filter((n) => v & CT_STATE[n]).join(',');
}

const stateExt: MatchExt = {
  name: 'state',
  options: [{ name: 'state', args: 1, invert: true }],
  init: () => ({ kind: 'state', states: 0, inv: false }),
  parse(m, x) {
    if (m.kind !== 'state') return;
    m.states = parseStates(x.args[0], 'state');
    m.inv = x.inv;
  },
  final(m) {
    if (m.kind === 'state' && !m.states) throw new ParamError('state: option "--state" must be specified\n');
  },
  print: (m) => (m.kind === 'state' ? `${m.inv ? ' !' : ''} state ${stateNames(m.states)}` : ''),
  save: (m) => (m.kind === 'state' ? `${m.inv ? ' !' : ''} --state ${stateNames(m.states)}` : ''),
};

const conntrackExt: MatchExt = {
  name: 'conntrack',
  options: [{ name: 'ctstate', args: 1, invert: true }],
  init: () => ({ kind: 'conntrack' }),
  parse(m, x) {
    if (m.kind !== 'conntrack') return;
    m.ctstate = { states: parseStates(x.args[0], 'ctstate'), inv: x.inv };
  },
  final(m) {
    if (m.kind === 'conntrack' && !m.ctstate) throw new ParamError('conntrack: At least one option is required');
  },
  print: (m) => (m.kind === 'conntrack' && m.ctstate ? `${m.ctstate.inv ? ' !' : ''} ctstate ${stateNames(m.ctstate.states)}` : ''),
  save: (m) => (m.kind === 'conntrack' && m.ctstate ? `${m.ctstate.inv ? ' !' : ''} --ctstate ${stateNames(m.ctstate.states)}` : ''),
};

// ── statistic ────────────────────────────────────────────────────────────

interface StatDraft {
  mode?: string;
  prob?: number;
  probInv?: boolean;
  every?: number;
  everyInv?: boolean;
  packet?: number;
}
const statDrafts = new WeakMap<object, StatDraft>();

const statisticExt: MatchExt = {
  name: 'statistic',
  options: [
    { name: 'mode', args: 1 },
    { name: 'probability', args: 1, invert: true },
    { name: 'every', args: 1, invert: true },
    { name: 'packet', args: 1 },
  ],
  init: () => ({ kind: 'statistic', mode: 'random', prob: 0, inv: false }),
  parse(m, x) {
    const d = statDrafts.get(m) ?? {};
    statDrafts.set(m, d);
    const a = x.args[0];
    switch (x.opt) {
      case 'mode':
        if (x.inv) throw new ParamError('statistic: option "--mode" cannot be inverted.\n');
        if (a !== 'random' && a !== 'nth') throw new ParamError(`statistic: Bad value for option "--mode": "${a}"\n`);
        d.mode = a;
        return;
      case 'probability': {
        const n = Number(a);
        if (a.trim() === '' || Number.isNaN(n) || n < 0 || n > 1) throw new ParamError('statistic: bad value for option "--probability", or out of range (0-1).\n');
        d.prob = n;
        d.probInv = x.inv;
        return;
      }
      case 'every': {
        const n = Number(a);
        if (!/^\d+$/.test(a) || n < 1 || n > 0xffffffff) throw new ParamError('statistic: bad integer value for option "--every", or out of range.\n');
        d.every = n;
        d.everyInv = x.inv;
        return;
      }
      case 'packet': {
        const n = Number(a);
        if (!/^\d+$/.test(a) || n > 0xffffffff) throw new ParamError('statistic: bad integer value for option "--packet", or out of range.\n');
        d.packet = n;
        return;
      }
    }
  },
  final(m) {
    const d = statDrafts.get(m) ?? {};
    if (!d.mode) throw new ParamError('statistic: option "--mode" must be specified\n');
    if (d.mode === 'random') {
      if (d.every !== undefined || d.packet !== undefined) throw new ParamError('statistic: option "--every" can only be used with "--mode nth"\n');
      if (d.prob === undefined) throw new ParamError('statistic: option "--probability" must be specified\n'.replace('must be specified', 'is required for --mode random'));
      Object.assign(m, { kind: 'statistic', mode: 'random', prob: Math.round(0x80000000 * d.prob), inv: !!d.probInv });
    } else {
      if (d.prob !== undefined) throw new ParamError('statistic: option "--probability" can only be used with "--mode random"\n');
      if (d.every === undefined) throw new ParamError('statistic: option "--mode nth" requires "--every"\n');
      if (d.packet === undefined) throw new ParamError('statistic: option "--every" also requires "--packet".\n');
      if (d.packet > d.every - 1) throw new ParamError('the --packet p must be 0 <= p <= n-1\n');
      for (const k of Object.keys(m)) delete (m as unknown as Record<string, unknown>)[k];
      Object.assign(m, { kind: 'statistic', mode: 'nth', every: d.every, packet: d.packet, inv: !!d.everyInv, count: { n: d.packet } });
    }
  },
  print(m) {
    if (m.kind !== 'statistic') return '';
    if (m.mode === 'random') return ` statistic mode random${m.inv ? ' !' : ''} probability ${(m.prob / 0x80000000).toFixed(11)}`;
    return ` statistic mode nth${m.inv ? ' !' : ''} every ${m.every}${m.packet ? ` packet ${m.packet}` : ''}`;
  },
  save(m) {
    if (m.kind !== 'statistic') return '';
    if (m.mode === 'random') return ` --mode random${m.inv ? ' !' : ''} --probability ${(m.prob / 0x80000000).toFixed(11)}`;
    return ` --mode nth${m.inv ? ' !' : ''} --every ${m.every} --packet ${m.packet}`;
  },
};

// ── comment, addrtype, mark ──────────────────────────────────────────────

const commentExt: MatchExt = {
  name: 'comment',
  options: [{ name: 'comment', args: 1 }],
  init: () => ({ kind: 'comment', text: '' }),
  parse(m, x) {
    if (m.kind !== 'comment') return;
    if (x.inv) throw new ParamError('comment: option "--comment" cannot be inverted.\n');
    if (x.args[0].length > 255) throw new ParamError(`comment: option "--comment" must be shorter than 256 characters.\n`);
    m.text = x.args[0];
  },
  print: (m) => (m.kind === 'comment' ? ` /* ${m.text} */` : ''),
  save: (m) => (m.kind === 'comment' ? ` --comment${saveString(m.text)}` : ''),
};

function parseAddrTypes(s: string): number {
  let v = 0;
  for (const part of s.split(',')) {
    const i = ADDRTYPES.indexOf(part.toUpperCase() as (typeof ADDRTYPES)[number]);
    if (i < 0) throw new ParamError(`addrtype: bad type "${part}"`);
    v |= 1 << i;
  }
  return v;
}
function addrTypeNames(v: number): string {
  return ADDRTYPES.filter((_, i) => v & (1 << i)).join(',');
}

const addrtypeExt: MatchExt = {
  name: 'addrtype',
  options: [
    { name: 'src-type', args: 1, invert: true },
    { name: 'dst-type', args: 1, invert: true },
    { name: 'limit-iface-in', args: 0 },
    { name: 'limit-iface-out', args: 0 },
  ],
  init: () => ({ kind: 'addrtype', limitIn: false, limitOut: false }),
  parse(m, x) {
    if (m.kind !== 'addrtype') return;
    if (x.opt === 'src-type') m.src = { types: parseAddrTypes(x.args[0]), inv: x.inv };
    else if (x.opt === 'dst-type') m.dst = { types: parseAddrTypes(x.args[0]), inv: x.inv };
    else if (x.opt === 'limit-iface-in') {
      if (m.limitOut) throw new ParamError('addrtype: you can\'t specify both --limit-iface-in and --limit-iface-out');
      m.limitIn = true;
    } else {
      if (m.limitIn) throw new ParamError('addrtype: you can\'t specify both --limit-iface-in and --limit-iface-out');
      m.limitOut = true;
    }
  },
  final(m) {
    if (m.kind === 'addrtype' && !m.src && !m.dst) throw new ParamError('addrtype: you must specify --src-type or --dst-type');
  },
  print(m) {
    if (m.kind !== 'addrtype') return '';
    let s = ' ADDRTYPE match';
    if (m.src) s += ` src-type ${m.src.inv ? '!' : ''}${addrTypeNames(m.src.types)}`;
    if (m.dst) s += ` dst-type ${m.dst.inv ? '!' : ''}${addrTypeNames(m.dst.types)}`;
    if (m.limitIn) s += ' limit-in';
    if (m.limitOut) s += ' limit-out';
    return s;
  },
  save(m) {
    if (m.kind !== 'addrtype') return '';
    let s = '';
    if (m.src) s += `${m.src.inv ? ' !' : ''} --src-type ${addrTypeNames(m.src.types)}`;
    if (m.dst) s += `${m.dst.inv ? ' !' : ''} --dst-type ${addrTypeNames(m.dst.types)}`;
    if (m.limitIn) s += ' --limit-iface-in';
    if (m.limitOut) s += ' --limit-iface-out';
    return s;
  },
};

/** A 32-bit value in C notation (strtoul base 0). */
export function parseU32(s: string): number | undefined {
  let n: number;
  if (/^0x[0-9a-f]+$/i.test(s)) n = parseInt(s.slice(2), 16);
  else if (/^0[0-7]*$/.test(s)) n = parseInt(s, 8);
  else if (/^[1-9]\d*$/.test(s)) n = Number(s);
  else return undefined;
  return n <= 0xffffffff ? n : undefined;
}

function parseMarkMask(s: string, ext: string, opt: string): [number, number | undefined] {
  const [a, b] = s.split('/');
  const v = parseU32(a);
  const m = b === undefined ? undefined : parseU32(b);
  if (v === undefined || (b !== undefined && m === undefined)) throw new ParamError(`${ext}: bad integer value for option "--${opt}", or out of range.\n`);
  return [v, m];
}

const markExt: MatchExt = {
  name: 'mark',
  options: [{ name: 'mark', args: 1, invert: true }],
  init: () => ({ kind: 'mark', value: 0, mask: 0xffffffff, inv: false }),
  parse(m, x) {
    if (m.kind !== 'mark') return;
    const [v, mask] = parseMarkMask(x.args[0], 'mark', 'mark');
    m.value = v;
    m.mask = mask ?? 0xffffffff;
    m.inv = x.inv;
  },
  print: (m) => (m.kind === 'mark' ? ` mark match${m.inv ? ' !' : ''} ${hex(m.value)}${m.mask !== 0xffffffff ? '/' + hex(m.mask) : ''}` : ''),
  save: (m) => (m.kind === 'mark' ? `${m.inv ? ' !' : ''} --mark ${hex(m.value)}${m.mask !== 0xffffffff ? '/' + hex(m.mask) : ''}` : ''),
};

// ── iprange, limit, length ───────────────────────────────────────────────

const iprangeExt: MatchExt = {
  name: 'iprange',
  options: [
    { name: 'src-range', args: 1, invert: true },
    { name: 'dst-range', args: 1, invert: true },
  ],
  init: () => ({ kind: 'iprange' }),
  parse(m, x) {
    if (m.kind !== 'iprange') return;
    const [a, b] = x.args[0].split('-', 2);
    const lo = parseIp4(a);
    if (lo === undefined) throw new ParamError(`iprange: Bad value for "--${x.opt}" option: "${a}"`);
    const hi = b === undefined ? lo : parseIp4(b);
    if (hi === undefined) throw new ParamError(`iprange: Bad value for "--${x.opt}" option: "${b}"`);
    const r = { lo, hi, inv: x.inv };
    if (x.opt === 'src-range') m.src = r;
    else m.dst = r;
  },
  final(m) {
    if (m.kind === 'iprange' && !m.src && !m.dst) throw new ParamError("iprange match: You must specify `--src-range' or `--dst-range'");
  },
  print(m) {
    if (m.kind !== 'iprange') return '';
    let s = '';
    if (m.src) s += ` source IP range${m.src.inv ? ' !' : ''} ${fmtIp4(m.src.lo)}-${fmtIp4(m.src.hi)}`;
    if (m.dst) s += ` destination IP range${m.dst.inv ? ' !' : ''} ${fmtIp4(m.dst.lo)}-${fmtIp4(m.dst.hi)}`;
    return s;
  },
  save(m) {
    if (m.kind !== 'iprange') return '';
    let s = '';
    if (m.src) s += `${m.src.inv ? ' !' : ''} --src-range ${fmtIp4(m.src.lo)}-${fmtIp4(m.src.hi)}`;
    if (m.dst) s += `${m.dst.inv ? ' !' : ''} --dst-range ${fmtIp4(m.dst.lo)}-${fmtIp4(m.dst.hi)}`;
    return s;
  },
};

/** XT_LIMIT_SCALE: `avg` is this many units per packet interval of one second. */
const LIMIT_SCALE = 10000;
const LIMIT_RATES: [string, number][] = [
  ['day', 86400 * LIMIT_SCALE],
  ['hour', 3600 * LIMIT_SCALE],
  ['min', 60 * LIMIT_SCALE],
  ['sec', LIMIT_SCALE],
];

/** libxt_limit parse_rate(): `N[/second|/minute|/hour|/day]` (unit prefixes accepted). */
function parseLimitRate(s: string): number {
  const bad = (): never => {
    throw new ParamError(`bad rate "${s}"'`);
  };
  const i = s.indexOf('/');
  let mult = 1;
  if (i >= 0) {
    const u = s.slice(i + 1).toLowerCase();
    if (!u) bad();
    if ('second'.startsWith(u)) mult = 1;
    else if ('minute'.startsWith(u)) mult = 60;
    else if ('hour'.startsWith(u)) mult = 3600;
    else if ('day'.startsWith(u)) mult = 86400;
    else bad();
  }
  const r = Number.parseInt(s, 10);
  if (!r || r < 0) bad();
  const avg = Math.floor((LIMIT_SCALE * mult) / r);
  if (avg === 0) throw new ParamError(`Rate too fast "${s}"\n`);
  return avg;
}

function limitRateText(period: number): string {
  let i = 1;
  for (; i < LIMIT_RATES.length; i++) {
    const mult = LIMIT_RATES[i][1];
    if (period > mult || Math.floor(mult / period) < mult % period) break;
  }
  return `${Math.floor(LIMIT_RATES[i - 1][1] / period)}/${LIMIT_RATES[i - 1][0]}`;
}

const limitExt: MatchExt = {
  name: 'limit',
  options: [
    { name: 'limit', args: 1 },
    { name: 'limit-burst', args: 1 },
  ],
  init: () => ({ kind: 'limit', avg: Math.floor((LIMIT_SCALE * 3600) / 3), burst: 5, state: { tokens: 0, last: undefined } }),
  parse(m, x) {
    if (m.kind !== 'limit') return;
    if (x.inv) throw new ParamError(`limit: option "--${x.opt}" cannot be inverted.\n`);
    if (x.opt === 'limit') m.avg = parseLimitRate(x.args[0]);
    else {
      const v = x.args[0];
      if (!/^\d+$/.test(v) || Number(v) > 10000) throw new ParamError(`limit: bad value for option "--limit-burst", or out of range (0-10000).\n`);
      // A burst of 0 reads back as the default 5 (recorded on iptables-nft 1.8.9).
      m.burst = Number(v) || 5;
    }
  },
  print: (m) => (m.kind === 'limit' ? ` limit: avg ${limitRateText(m.avg)} burst ${m.burst}` : ''),
  save: (m) => (m.kind === 'limit' ? ` --limit ${limitRateText(m.avg)}${m.burst !== 5 ? ` --limit-burst ${m.burst}` : ''}` : ''),
};

const lengthExt: MatchExt = {
  name: 'length',
  options: [{ name: 'length', args: 1, invert: true }],
  init: () => ({ kind: 'length', min: 0, max: 65535, inv: false }),
  parse(m, x) {
    if (m.kind !== 'length') return;
    const v = x.args[0];
    const bad = (): never => {
      throw new ParamError(`length: bad value for option "--length" near "${v}", or out of range (0-65535).\n`);
    };
    const mm = /^(\d*)(?::(\d*))?$/.exec(v);
    if (!mm || (mm[1] === '' && mm[2] === undefined)) bad();
    const lo = mm![1] === '' ? 0 : Number(mm![1]);
    const hi = mm![2] === undefined ? lo : mm![2] === '' ? 65535 : Number(mm![2]);
    if (lo > 65535 || hi > 65535 || lo > hi) bad();
    m.min = lo;
    m.max = hi;
    m.inv = x.inv;
  },
  print: (m) => (m.kind === 'length' ? ` length ${m.inv ? '!' : ''}${m.min === m.max ? m.min : `${m.min}:${m.max}`}` : ''),
  save: (m) => (m.kind === 'length' ? `${m.inv ? ' !' : ''} --length ${m.min === m.max ? m.min : `${m.min}:${m.max}`}` : ''),
};

// ── recent (libxt_recent) ────────────────────────────────────────────────

const RECENT_CMDS = ['set', 'rcheck', 'update', 'remove'] as const;
const RECENT_VERB = { set: 'SET', rcheck: 'CHECK', update: 'UPDATE', remove: 'REMOVE' } as const;

const recentExt: MatchExt = {
  name: 'recent',
  options: [
    { name: 'set', args: 0, invert: true },
    { name: 'rcheck', args: 0, invert: true },
    { name: 'update', args: 0, invert: true },
    { name: 'remove', args: 0, invert: true },
    { name: 'seconds', args: 1 },
    { name: 'reap', args: 0 },
    { name: 'hitcount', args: 1 },
    { name: 'rttl', args: 0 },
    { name: 'name', args: 1 },
    { name: 'rsource', args: 0 },
    { name: 'rdest', args: 0 },
    { name: 'mask', args: 1 },
  ],
  // The command is filled in by parse; `final` refuses a match without one.
  init: () => ({ kind: 'recent', cmd: '' as 'set', seconds: 0, reap: false, hitcount: 0, rttl: false, name: 'DEFAULT', mask: 0xffffffff, side: 'src', inv: false }),
  parse(m, x) {
    if (m.kind !== 'recent') return;
    const a = x.args[0];
    // xtables' option framework: each option once (no XTOPT_MULTI here).
    const seen = recentSeen.get(m) ?? new Set<string>();
    recentSeen.set(m, seen);
    if (seen.has(x.opt)) throw new ParamError(`recent: option "--${x.opt}" can only be used once.\n`);
    seen.add(x.opt);
    if ((RECENT_CMDS as readonly string[]).includes(x.opt)) {
      if (m.cmd) throw new ParamError(`recent: option "--${x.opt}" cannot be used together with "--${m.cmd}".\n`);
      m.cmd = x.opt as RecentCmd;
      m.inv = x.inv;
      return;
    }
    if (x.inv) throw new ParamError(`recent: option "--${x.opt}" cannot be inverted.\n`);
    switch (x.opt) {
      case 'seconds':
        if (!/^\d+$/.test(a) || Number(a) < 1 || Number(a) > 0xffffffff) throw new ParamError('recent: bad value for option "--seconds", or out of range (1-4294967295).\n');
        m.seconds = Number(a);
        return;
      case 'hitcount':
        if (!/^\d+$/.test(a) || Number(a) > 0xffffffff) throw new ParamError('recent: bad value for option "--hitcount", or out of range (0-4294967295).\n');
        m.hitcount = Number(a);
        return;
      case 'reap':
        m.reap = true;
        return;
      case 'rttl':
        // .excl = F_SET | F_REMOVE
        if (m.cmd === 'set' || m.cmd === 'remove') throw new ParamError(`recent: option "--rttl" cannot be used together with "--${m.cmd}".\n`);
        m.rttl = true;
        return;
      case 'name':
        m.name = a;
        return;
      case 'rsource':
        m.side = 'src';
        return;
      case 'rdest':
        m.side = 'dst';
        return;
      case 'mask': {
        // XTTYPE_HOST: getaddrinfo, which finds no name server from a lab's namespaces.
        const v = parseIp4Loose(a);
        if (v === undefined) throw new ParamError('getaddrinfo: Temporary failure in name resolution\n');
        m.mask = v;
        return;
      }
    }
  },
  final(m) {
    if (m.kind !== 'recent') return;
    if (!m.cmd) throw new ParamError("recent: you must specify one of `--set', `--rcheck' `--update' or `--remove'");
    if (m.reap && !m.seconds) throw new ParamError('recent: option "--reap" also requires "--seconds".\n');
  },
  print(m) {
    if (m.kind !== 'recent') return '';
    let s = `${m.inv ? ' !' : ''} recent: ${RECENT_VERB[m.cmd]}`;
    if (m.seconds) s += ` seconds: ${m.seconds}`;
    if (m.reap) s += ' reap';
    if (m.hitcount) s += ` hit_count: ${m.hitcount}`;
    if (m.rttl) s += ' TTL-Match';
    s += ` name: ${m.name} side: ${m.side === 'dst' ? 'dest' : 'source'} mask: ${fmtIp4(m.mask)}`;
    return s;
  },
  save(m) {
    if (m.kind !== 'recent') return '';
    let s = `${m.inv ? ' !' : ''} --${m.cmd}`;
    if (m.seconds) s += ` --seconds ${m.seconds}`;
    if (m.reap) s += ' --reap';
    if (m.hitcount) s += ` --hitcount ${m.hitcount}`;
    if (m.rttl) s += ' --rttl';
    s += ` --name ${m.name} --mask ${fmtIp4(m.mask)} ${m.side === 'dst' ? '--rdest' : '--rsource'}`;
    return s;
  },
};
type RecentCmd = (typeof RECENT_CMDS)[number];
/** Options already given to one recent match (the framework refuses repeats). */
const recentSeen = new WeakMap<Match, Set<string>>();

// ── set (libxt_set, revision 4's --match-set) ────────────────────────────

const setExt: MatchExt = {
  name: 'set',
  options: [{ name: 'match-set', args: 2, invert: true }],
  init: () => ({ kind: 'set', name: '', dirs: [], inv: false }),
  parse(m, x) {
    if (m.kind !== 'set') return;
    if (m.name) throw new ParamError('--match-set can be specified only once');
    const dirs = x.args[1].split(',');
    if (dirs.length > 6 || dirs.some((d) => d !== 'src' && d !== 'dst')) throw new ParamError("You must spefify (the comma separated list of) 'src' or 'dst'.");
    if (x.args[0].length > 31) throw new ParamError(`Setname \`${x.args[0]}' is longer than 31 characters.`);
    m.name = x.args[0];
    m.dirs = dirs as ('src' | 'dst')[];
    m.inv = x.inv;
  },
  final(m) {
    if (m.kind === 'set' && !m.name) throw new ParamError('You must specify `--match-set\' with proper arguments');
  },
  print: (m) => (m.kind === 'set' ? ` ${m.inv ? '! ' : ''}match-set ${m.name} ${m.dirs.join(',')}` : ''),
  save: (m) => (m.kind === 'set' ? `${m.inv ? ' !' : ''} --match-set ${m.name} ${m.dirs.join(',')}` : ''),
};

// ── ipvs (libxt_ipvs; saved as iptables' extensions/libipt_ipvs.t expects) ──

const ipvsExt: MatchExt = {
  name: 'ipvs',
  options: [
    { name: 'ipvs', args: 0, invert: true },
    { name: 'vproto', args: 1, invert: true },
    { name: 'vaddr', args: 1, invert: true },
    { name: 'vport', args: 1, invert: true },
  ],
  init: () => ({ kind: 'ipvs' }),
  parse(m, x) {
    if (m.kind !== 'ipvs') return;
    if (x.opt === 'ipvs') m.prop = { inv: x.inv };
    else if (x.opt === 'vproto') {
      const a = x.args[0].toLowerCase();
      const n = /^\d+$/.test(a) ? Number(a) : ({ tcp: 6, udp: 17, icmp: 1 } as Record<string, number>)[a];
      if (n === undefined || n > 255) throw new ParamError(`unknown protocol "${x.args[0]}" specified`);
      m.vproto = { proto: n, inv: x.inv };
    } else if (x.opt === 'vaddr') {
      const [a, mk] = x.args[0].split('/', 2);
      const addr = parseIp4(a);
      let len = 32;
      if (mk !== undefined) {
        const dotted = parseIp4(mk);
        len = /^\d+$/.test(mk) && Number(mk) <= 32 ? Number(mk) : dotted !== undefined ? maskLen(dotted) : -1;
      }
      if (addr === undefined || len < 0) throw new ParamError(`host/network \`${x.args[0]}' not found`);
      m.vaddr = { addr, len, inv: x.inv };
    } else m.vport = { port: parsePort(x.args[0], 'tcp'), inv: x.inv };
  },
  final(m) {
    if (m.kind === 'ipvs' && !m.prop && !m.vproto && !m.vaddr && !m.vport) throw new ParamError('IPVS: no options specified');
  },
  print(m) {
    if (m.kind !== 'ipvs') return '';
    return ipvsDump(m, '');
  },
  save(m) {
    if (m.kind !== 'ipvs') return '';
    return ipvsDump(m, '--');
  },
};

function maskLen(mask: number): number {
  let n = 0;
  while (n < 32 && (mask >>> (31 - n)) & 1) n++;
  return ((n === 32 ? 0xffffffff : ~(0xffffffff >>> n)) >>> 0) === mask >>> 0 ? n : -1;
}

function ipvsDump(m: Extract<Match, { kind: 'ipvs' }>, prefix: string): string {
  let s = '';
  const neg = (inv: boolean): string => (inv ? ' !' : '');
  if (m.prop && !m.vproto && !m.vaddr && !m.vport) s += `${neg(m.prop.inv)} ${prefix}ipvs`;
  if (m.vproto) s += `${neg(m.vproto.inv)} ${prefix}vproto ${m.vproto.proto}`;
  if (m.vaddr) s += `${neg(m.vaddr.inv)} ${prefix}vaddr ${fmtIp4(m.vaddr.addr)}${m.vaddr.len === 32 ? '' : '/' + m.vaddr.len}`;
  if (m.vport) s += `${neg(m.vport.inv)} ${prefix}vport ${m.vport.port}`;
  return s;
}

/** Match extensions by name. */
export const MATCHES = new Map<string, MatchExt>(
  [tcpExt, udpExt, icmpExt, multiportExt, stateExt, conntrackExt, statisticExt, commentExt, addrtypeExt, markExt, iprangeExt, limitExt, lengthExt, recentExt, setExt, ipvsExt].map((e) => [e.name, e]),
);

// ── targets ──────────────────────────────────────────────────────────────

const REJECT_ALIASES: [string, string][] = [
  ['icmp-net-unreachable', 'net-unreach'],
  ['icmp-host-unreachable', 'host-unreach'],
  ['icmp-proto-unreachable', 'proto-unreach'],
  ['icmp-port-unreachable', 'port-unreach'],
  ['icmp-net-prohibited', 'net-prohib'],
  ['icmp-host-prohibited', 'host-prohib'],
  ['tcp-reset', 'tcp-rst'],
  ['icmp-admin-prohibited', 'admin-prohib'],
];

const rejectExt: TargetExt = {
  name: 'REJECT',
  options: [{ name: 'reject-with', args: 1 }],
  init: () => ({ kind: 'REJECT', with: 'icmp-port-unreachable' }),
  parse(t, x) {
    if (t.kind !== 'REJECT') return;
    const hit = REJECT_ALIASES.find(([a, b]) => a === x.args[0] || b === x.args[0]);
    if (!hit) throw new ParamError(`unknown reject type "${x.args[0]}"`);
    t.with = hit[0];
  },
  print: (t) => (t.kind === 'REJECT' ? ` reject-with ${t.with}` : ''),
  save: (t) => (t.kind === 'REJECT' ? ` --reject-with ${t.with}` : ''),
};

function parseNatRange(s: string, rule: Rule, ports: boolean): NatRange {
  const r: NatRange = {};
  let ip = s;
  const colon = s.indexOf(':');
  if (colon >= 0) {
    ip = s.slice(0, colon);
    const ps = s.slice(colon + 1);
    const proto = PROTO_NAMES[rule.proto];
    if (!ports || (proto !== 'tcp' && proto !== 'udp')) throw new ParamError('Need TCP, UDP, SCTP or DCCP with port specification');
    const [a, b] = ps.split('-');
    const lo = /^\d+$/.test(a) ? Number(a) : NaN;
    if (Number.isNaN(lo) || lo < 1 || lo > 65535) throw new ParamError(`Port \`${a}' not valid\n`.trimEnd());
    const hi = b === undefined ? lo : /^\d+$/.test(b) ? Number(b) : NaN;
    if (Number.isNaN(hi) || hi < 1 || hi > 65535) throw new ParamError(`Port \`${b}' not valid`);
    if (hi < lo) throw new ParamError(`invalid port range \`${ps}'`);
    r.minPort = lo;
    r.maxPort = hi;
  }
  if (ip) {
    const [a, b] = ip.split('-');
    const lo = parseIp4(a);
    if (lo === undefined) throw new ParamError(`Bad IP address "${a}"\n`);
    const hi = b === undefined ? lo : parseIp4(b);
    if (hi === undefined) throw new ParamError(`Bad IP address "${b}"\n`);
    r.minIp = lo;
    r.maxIp = hi;
  }
  return r;
}

function fmtNatRange(r: NatRange): string {
  let s = '';
  if (r.minIp !== undefined) {
    s += fmtIp4(r.minIp);
    if (r.maxIp !== undefined && r.maxIp !== r.minIp) s += '-' + fmtIp4(r.maxIp);
  }
  if (r.minPort !== undefined) {
    s += ':' + r.minPort;
    if (r.maxPort !== undefined && r.maxPort !== r.minPort) s += '-' + r.maxPort;
  }
  return s;
}

const natSeen = new WeakMap<object, boolean>();

function natExt(kind: 'DNAT' | 'SNAT'): TargetExt {
  const opt = kind === 'DNAT' ? 'to-destination' : 'to-source';
  return {
    name: kind,
    options: [{ name: opt, args: 1 }, { name: 'random', args: 0 }, { name: 'persistent', args: 0 }, ...(kind === 'SNAT' ? [{ name: 'random-fully', args: 0 as const }] : [])],
    init: () => (kind === 'DNAT' ? { kind, range: {}, random: false, persistent: false } : { kind, range: {}, random: false, persistent: false, fully: false }),
    parse(t, x) {
      if (t.kind !== 'DNAT' && t.kind !== 'SNAT') return;
      if (x.opt === opt) {
        t.range = parseNatRange(x.args[0], x.rule, true);
        natSeen.set(t, true);
      } else if (x.opt === 'random') t.random = true;
      else if (x.opt === 'persistent') t.persistent = true;
      else if (t.kind === 'SNAT') t.fully = true;
    },
    final(t) {
      if (!natSeen.get(t)) throw new ParamError(`${kind}: option "--${opt}" must be specified\n`);
    },
    print(t) {
      if (t.kind !== 'DNAT' && t.kind !== 'SNAT') return '';
      return ` to:${fmtNatRange(t.range)}${t.random ? ' random' : ''}${t.kind === 'SNAT' && t.fully ? ' random-fully' : ''}${t.persistent ? ' persistent' : ''}`;
    },
    save(t) {
      if (t.kind !== 'DNAT' && t.kind !== 'SNAT') return '';
      return ` --${opt} ${fmtNatRange(t.range)}${t.random ? ' --random' : ''}${t.kind === 'SNAT' && t.fully ? ' --random-fully' : ''}${t.persistent ? ' --persistent' : ''}`;
    },
  };
}

function parseToPorts(s: string, rule: Rule): [number, number] {
  const proto = PROTO_NAMES[rule.proto];
  if (proto !== 'tcp' && proto !== 'udp') throw new ParamError('Need TCP, UDP, SCTP or DCCP with port specification');
  // As iptables 1.8.9 words it: the whole text when the first port is bad, the second port alone when it is.
  const valid = (x: string): boolean => /^\d+$/.test(x) && Number(x) <= 65535;
  const dash = s.indexOf('-');
  const a = dash < 0 ? s : s.slice(0, dash);
  const b = dash < 0 ? undefined : s.slice(dash + 1);
  if (!valid(a)) throw new ParamError(`Port \`${s}' not valid`);
  if (b !== undefined && !valid(b)) throw new ParamError(`Port \`${b}' not valid`);
  const lo = Number(a);
  const hi = b === undefined ? lo : Number(b);
  if (hi < lo) throw new ParamError(`Port range \`${b}' funky`);
  return [lo, hi];
}

function portsText(lo?: number, hi?: number): string {
  if (lo === undefined) return '';
  return hi !== undefined && hi !== lo ? `${lo}-${hi}` : String(lo);
}

const masqueradeExt: TargetExt = {
  name: 'MASQUERADE',
  options: [
    { name: 'to-ports', args: 1 },
    { name: 'random', args: 0 },
    { name: 'random-fully', args: 0 },
  ],
  init: () => ({ kind: 'MASQUERADE', random: false }),
  parse(t, x) {
    if (t.kind !== 'MASQUERADE') return;
    if (x.opt === 'to-ports') [t.minPort, t.maxPort] = parseToPorts(x.args[0], x.rule);
    else if (x.opt === 'random-fully') t.fully = true;
    else t.random = true;
  },
  // libxt_MASQUERADE: " random" then " random-fully" (recorded on iptables 1.8.9).
  print: (t) => (t.kind === 'MASQUERADE' ? (t.minPort !== undefined ? ` masq ports: ${portsText(t.minPort, t.maxPort)}` : '') + (t.random ? ' random' : '') + (t.fully ? ' random-fully' : '') : ''),
  save: (t) => (t.kind === 'MASQUERADE' ? (t.minPort !== undefined ? ` --to-ports ${portsText(t.minPort, t.maxPort)}` : '') + (t.random ? ' --random' : '') + (t.fully ? ' --random-fully' : '') : ''),
};

const redirectExt: TargetExt = {
  name: 'REDIRECT',
  options: [
    { name: 'to-ports', args: 1 },
    { name: 'random', args: 0 },
  ],
  init: () => ({ kind: 'REDIRECT', random: false }),
  parse(t, x) {
    if (t.kind !== 'REDIRECT') return;
    if (x.opt === 'to-ports') [t.minPort, t.maxPort] = parseToPorts(x.args[0], x.rule);
    else t.random = true;
  },
  print: (t) => (t.kind === 'REDIRECT' ? (t.minPort !== undefined ? ` redir ports ${portsText(t.minPort, t.maxPort)}` : '') + (t.random ? ' random' : '') : ''),
  save: (t) => (t.kind === 'REDIRECT' ? (t.minPort !== undefined ? ` --to-ports ${portsText(t.minPort, t.maxPort)}` : '') + (t.random ? ' --random' : '') : ''),
};

const markSeen = new WeakMap<object, boolean>();
const markTargetExt: TargetExt = {
  name: 'MARK',
  options: ['set-xmark', 'set-mark', 'and-mark', 'or-mark', 'xor-mark'].map((name) => ({ name, args: 1 as const })),
  init: () => ({ kind: 'MARK', value: 0, mask: 0xffffffff }),
  parse(t, x) {
    if (t.kind !== 'MARK') return;
    if (markSeen.get(t)) throw new ParamError('MARK: --set-xmark, --{and,or,xor,set}-mark are mutually exclusive\n');
    markSeen.set(t, true);
    const [v, m] = parseMarkMask(x.args[0], 'MARK', x.opt);
    switch (x.opt) {
      case 'set-xmark':
        t.value = v;
        t.mask = m ?? 0xffffffff;
        break;
      case 'set-mark':
        t.value = v;
        t.mask = m === undefined ? 0xffffffff : (v | m) >>> 0;
        break;
      case 'and-mark':
        t.value = 0;
        t.mask = ~v >>> 0;
        break;
      case 'or-mark':
        t.value = v;
        t.mask = v;
        break;
      case 'xor-mark':
        t.value = v;
        t.mask = 0;
        break;
    }
  },
  final(t) {
    if (!markSeen.get(t)) throw new ParamError('MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required');
  },
  print(t) {
    if (t.kind !== 'MARK') return '';
    if (t.mask === 0xffffffff) return ` MARK set ${hex(t.value)}`;
    if (t.value === 0) return ` MARK and ${hex(~t.mask)}`;
    if (t.value === t.mask) return ` MARK or ${hex(t.value)}`;
    if (t.mask === 0) return ` MARK xor ${hex(t.value)}`;
    return ` MARK xset ${hex(t.value)}/${hex(t.mask)}`;
  },
  save: (t) => (t.kind === 'MARK' ? ` --set-xmark ${hex(t.value)}/${hex(t.mask)}` : ''),
};

const LOG_LEVEL_PARSE: Record<string, number> = { emerg: 0, panic: 0, alert: 1, crit: 2, error: 3, warning: 4, notice: 5, info: 6, debug: 7 };
const LOG_LEVEL_PRINT = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
const LOG_FLAGS: [string, number, string][] = [
  ['log-tcp-sequence', 1, 'tcp-sequence'],
  ['log-tcp-options', 2, 'tcp-options'],
  ['log-ip-options', 4, 'ip-options'],
  ['log-uid', 8, 'uid'],
  ['log-macdecode', 0x20, 'macdecode'],
];

const logExt: TargetExt = {
  name: 'LOG',
  options: [{ name: 'log-prefix', args: 1 }, { name: 'log-level', args: 1 }, ...LOG_FLAGS.map(([name]) => ({ name, args: 0 as const }))],
  init: () => ({ kind: 'LOG', level: 4, flags: 0 }),
  parse(t, x) {
    if (t.kind !== 'LOG') return;
    if (x.opt === 'log-prefix') {
      const v = x.args[0];
      // iptables-nft 1.8.9 takes a longer prefix and keeps its first 29 characters (recorded).
      t.prefix = v.slice(0, 29);
    } else if (x.opt === 'log-level') {
      const v = x.args[0];
      const n = /^\d+$/.test(v) ? Number(v) : Object.hasOwn(LOG_LEVEL_PARSE, v.toLowerCase()) ? LOG_LEVEL_PARSE[v.toLowerCase()] : undefined;
      if (n === undefined || n > 7) throw new ParamError(`log level "${v}" unknown\n`);
      t.level = n;
    } else {
      const f = LOG_FLAGS.find(([name]) => name === x.opt);
      if (f) t.flags |= f[1];
    }
  },
  print(t, numeric) {
    if (t.kind !== 'LOG') return '';
    let s = ' LOG';
    if (numeric) s += ` flags ${t.flags} level ${t.level}`;
    else {
      s += ` level ${LOG_LEVEL_PRINT[t.level]}`;
      for (const [, bit, name] of LOG_FLAGS) if (t.flags & bit) s += ` ${name}`;
    }
    if (t.prefix !== undefined) s += ` prefix "${t.prefix}"`;
    return s;
  },
  save(t) {
    if (t.kind !== 'LOG') return '';
    let s = '';
    if (t.prefix !== undefined) s += ` --log-prefix${saveString(t.prefix)}`;
    if (t.level !== 4) s += ` --log-level ${t.level}`;
    for (const [name, bit] of LOG_FLAGS) if (t.flags & bit) s += ` --${name}`;
    return s;
  },
};

const notrackExt: TargetExt = {
  name: 'NOTRACK',
  options: [],
  init: () => ({ kind: 'NOTRACK' }),
  parse() {},
  print: () => ' NOTRACK',
  save: () => '',
};

/** TRACE (raw table): mark packets so xtables-monitor --trace shows every rule they meet. */
const traceExt: TargetExt = {
  name: 'TRACE',
  options: [],
  init: () => ({ kind: 'TRACE' }),
  parse() {},
  print: () => '',
  save: () => '',
};

/** Target extensions by name. */
export const TARGETS = new Map<string, TargetExt>([rejectExt, natExt('DNAT'), natExt('SNAT'), masqueradeExt, redirectExt, markTargetExt, logExt, notrackExt, traceExt].map((e) => [e.name, e]));

/** Name a target is listed under (`-L` column and `-j` in -S). */
export function targetName(t: Target): string {
  switch (t.kind) {
    case 'none':
      return '';
    case 'verdict':
      return t.verdict;
    case 'jump':
      return t.chain;
    default:
      return t.kind;
  }
}

/** The extension that prints a target, if any. */
export function targetExt(t: Target): TargetExt | undefined {
  return t.kind === 'none' || t.kind === 'verdict' || t.kind === 'jump' ? undefined : TARGETS.get(t.kind);
}

/** The extension of a match value. */
export function matchExt(m: Match): MatchExt {
  return MATCHES.get(m.kind)!;
}
