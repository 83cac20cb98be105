// The nft command language (nftables 1.0.6), the part the simulation
// models: list/add/create/insert/delete/flush of tables, chains, rules,
// sets, maps and elements, and rule statements (payload, meta, ct, fib and
// icmp matches, anonymous and named sets, concatenations, verdict maps,
// numgen, counter, verdicts, NAT, mark, reject, log, comment).
// Errors carry the token's position, so the command can print nft's
// caret line.

import { parseIp4 } from '../../../kernel/addr.ts';
import type { NftBase, NftElem, NftExpr, NftPart, NftRhs, NftSel, NftVerdict } from '../../../kernel/netfilter/nft.ts';
import { ICMP_TYPES, prioByName } from './print.ts';

/** A token with its offset in the command text. */
export interface Tok {
  t: string;
  pos: number;
  quoted?: boolean;
}

/** A parse error at a token (nft underlines it with ^, and a related token with ~). */
export class NftSyntaxError extends Error {
  readonly tok: Tok | undefined;
  readonly related: Tok | undefined;
  constructor(msg: string, tok: Tok | undefined, related?: Tok) {
    super(msg);
    this.tok = tok;
    this.related = related;
  }
}

/** Is there a transport protocol match before a NAT statement with ports? */
function hasL4(exprs: NftExpr[]): boolean {
  return exprs.some((e) => e.k === 'cmp' && e.sels.some((s) => s.k === 'l4' || (s.k === 'meta' && s.f === 'l4proto') || (s.k === 'ip' && s.f === 'protocol')));
}

const PUNCT = new Set(['{', '}', ';', ',', ':', '@', '&', '|', '^', '<', '>', '=']);

/** Split one command text into tokens (`!=`, `==` are single tokens; `.` alone is the concatenation). */
export function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\n') {
      out.push({ t: '\n', pos: i });
      i++;
      continue;
    }
    if (c === '#') {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    if (c === '"') {
      const j = s.indexOf('"', i + 1);
      const end = j < 0 ? s.length : j;
      out.push({ t: s.slice(i + 1, end), pos: i, quoted: true });
      i = end + 1;
      continue;
    }
    if ((c === '!' || c === '=') && s[i + 1] === '=') {
      out.push({ t: c + '=', pos: i });
      i += 2;
      continue;
    }
    if (c === '!' || PUNCT.has(c)) {
      out.push({ t: c, pos: i });
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && !/[\s"{};,:@&|^<>=!]/.test(s[j])) j++;
    out.push({ t: s.slice(i, j), pos: i });
    i = j;
  }
  return out;
}

/** One parsed command. */
export type NftCmd =
  | { op: 'list'; what: 'ruleset' | 'tables' }
  | { op: 'list'; what: 'table' | 'chain' | 'set' | 'map'; family: string; table: Tok; name?: Tok }
  | { op: 'flush'; what: 'ruleset' }
  | { op: 'flush'; what: 'table' | 'chain' | 'set' | 'map'; family: string; table: Tok; name?: Tok }
  | { op: 'add' | 'create'; what: 'table'; family: string; table: Tok; comment?: string }
  | { op: 'add' | 'create'; what: 'chain'; family: string; table: Tok; name: Tok; base?: Partial<NftBase>; comment?: string; whole?: Tok }
  | { op: 'add' | 'insert'; what: 'rule'; family: string; table: Tok; name: Tok; exprs: NftExpr[]; comment?: string; handle?: number; index?: number; whole?: Tok }
  | { op: 'add' | 'create'; what: 'set' | 'map'; family: string; table: Tok; name: Tok; keyType: string[]; flags: string[]; comment?: string; timeout?: number; size?: number; elems: NftElem[] }
  | { op: 'add' | 'delete'; what: 'element'; family: string; table: Tok; name: Tok; elems: Tok[] }
  | { op: 'delete'; what: 'table' | 'chain' | 'set' | 'map'; family: string; table: Tok; name?: Tok }
  | { op: 'delete'; what: 'rule'; family: string; table: Tok; name: Tok; handle: number; handleTok: Tok };

const FAMILIES = new Set(['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev']);
const HOOKS = new Set(['prerouting', 'input', 'forward', 'output', 'postrouting']);

/** A cursor over the tokens of one command. */
class Cur {
  readonly toks: Tok[];
  i = 0;
  constructor(toks: Tok[]) {
    this.toks = toks;
  }
  peek(k = 0): Tok | undefined {
    return this.toks[this.i + k];
  }
  next(): Tok | undefined {
    return this.toks[this.i++];
  }
  at(t: string): boolean {
    const x = this.peek();
    return !!x && !x.quoted && x.t === t;
  }
  eat(t: string): boolean {
    if (!this.at(t)) return false;
    this.i++;
    return true;
  }
  need(t: string): Tok {
    const x = this.next();
    if (!x || x.quoted || x.t !== t) throw new NftSyntaxError(x ? `syntax error, unexpected ${x.t}, expecting ${t}` : `syntax error, unexpected end of file, expecting ${t}`, x);
    return x;
  }
  word(what = 'string'): Tok {
    const x = this.next();
    if (!x || (!x.quoted && (PUNCT.has(x.t) || x.t === '\n'))) throw new NftSyntaxError(x ? `syntax error, unexpected ${x.t === '\n' ? 'newline' : x.t}, expecting ${what}` : `syntax error, unexpected end of file, expecting ${what}`, x);
    return x;
  }
  done(): boolean {
    return this.i >= this.toks.length;
  }
}

function unexpected(x: Tok | undefined): NftSyntaxError {
  return new NftSyntaxError(x ? `syntax error, unexpected ${x.t}` : 'syntax error, unexpected end of file', x);
}

/** `ip` unless a family keyword comes first. */
function family(c: Cur): string {
  const x = c.peek();
  if (x && !x.quoted && FAMILIES.has(x.t) && c.peek(1) && !['{', ';', '\n'].includes(c.peek(1)!.t)) {
    c.next();
    return x.t;
  }
  return 'ip';
}

function num(x: Tok | undefined): number {
  if (!x) throw unexpected(x);
  const v = /^0x[0-9a-f]+$/i.test(x.t) ? parseInt(x.t, 16) : /^-?\d+$/.test(x.t) ? Number(x.t) : NaN;
  if (!Number.isFinite(v)) throw new NftSyntaxError('syntax error, unexpected string, expecting number', x);
  return v;
}

/** Parse the whole command text of one nft invocation (commands split by `;` and newlines). */
export function splitCommands(toks: Tok[]): Tok[][] {
  const out: Tok[][] = [];
  let cur: Tok[] = [];
  let depth = 0;
  for (const t of toks) {
    if (!t.quoted && t.t === '{') depth++;
    if (!t.quoted && t.t === '}') depth--;
    if (!t.quoted && depth <= 0 && (t.t === ';' || t.t === '\n')) {
      if (cur.length) out.push(cur);
      cur = [];
      continue;
    }
    if (!t.quoted && t.t === '\n') continue;
    cur.push(t);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** A `{ … }` block of `key value ;` properties (chain, set, table). */
function block(c: Cur, fn: (key: Tok) => void): void {
  c.need('{');
  for (;;) {
    if (c.eat('}')) return;
    if (c.eat(';') || c.eat('\n')) continue;
    const k = c.word();
    fn(k);
  }
}

function chainBlock(c: Cur): { base?: Partial<NftBase>; comment?: string } {
  const base: Partial<NftBase> = {};
  let comment: string | undefined;
  let hookTok: Tok | undefined;
  let prioToks: Tok[] = [];
  block(c, (k) => {
    switch (k.t) {
      case 'type': {
        const t = c.word();
        if (t.t !== 'filter' && t.t !== 'nat' && t.t !== 'route') throw new NftSyntaxError(`Could not parse chain type`, t);
        base.type = t.t;
        c.need('hook');
        hookTok = c.word();
        if (!HOOKS.has(hookTok.t)) throw new NftSyntaxError(`unknown chain hook`, hookTok);
        base.hook = hookTok.t as NftBase['hook'];
        c.need('priority');
        prioToks = [];
        while (!c.at(';') && !c.at('}') && !c.done()) prioToks.push(c.next()!);
        break;
      }
      case 'policy': {
        const p = c.word();
        if (p.t !== 'accept' && p.t !== 'drop') throw new NftSyntaxError('syntax error, unexpected string, expecting accept or drop', p);
        base.policy = p.t;
        break;
      }
      case 'comment':
        comment = c.word().t;
        break;
      default:
        throw unexpected(k);
    }
  });
  if (base.hook) {
    const [a, op, b] = prioToks;
    let prio: number | undefined;
    if (a && /^-?\d+$/.test(a.t)) prio = Number(a.t);
    else if (a) {
      prio = prioByName(a.t, base.hook);
      if (prio === undefined) throw new NftSyntaxError(`'${a.t}' is invalid priority in this context.`, a);
      if (op && b && (op.t === '+' || op.t === '-')) prio += (op.t === '-' ? -1 : 1) * num(b);
    }
    if (prio === undefined) throw new NftSyntaxError('syntax error, unexpected semicolon', c.peek());
    base.prio = prio;
  }
  return { base: Object.keys(base).length ? base : undefined, comment };
}

const TYPES = new Set(['ipv4_addr', 'inet_proto', 'inet_service', 'ifname', 'mark', 'ether_addr', 'integer']);

/** nft's time strings (`10800s`, `3h`, `1h30m`, `500ms`, a bare number of seconds) in ms. */
export function nftDuration(t: Tok): number {
  const m = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/.exec(t.t);
  if (/^\d+$/.test(t.t)) return Number(t.t) * 1000;
  if (!m || !t.t) throw new NftSyntaxError(`Wrong time format, expecting <days>d<hours>h<minutes>m<seconds>s<milliseconds>ms`.replace(/.*/, 'syntax error, unexpected string'), t);
  const [d, h, mi, se, ms] = m.slice(1).map((x) => Number(x ?? 0));
  return (((d * 24 + h) * 60 + mi) * 60 + se) * 1000 + ms;
}

function setBlock(c: Cur, map: boolean): { keyType: string[]; flags: string[]; comment?: string; timeout?: number; size?: number; elems: NftElem[] } {
  const keyType: string[] = [];
  const flags: string[] = [];
  let comment: string | undefined;
  let timeout: number | undefined;
  let size: number | undefined;
  let elems: NftElem[] = [];
  block(c, (k) => {
    switch (k.t) {
      case 'type':
        for (;;) {
          const t = c.word();
          if (!TYPES.has(t.t)) throw new NftSyntaxError(`unknown datatype ${t.t}`, t);
          keyType.push(t.t);
          if (c.at('.') || (c.peek()?.t === '.' && !c.peek()?.quoted)) {
            c.next();
            continue;
          }
          break;
        }
        if (map) {
          c.need(':');
          const d = c.word();
          if (d.t !== 'verdict') throw new NftSyntaxError('not simulated: map data other than verdict', d);
        }
        break;
      case 'flags':
        for (;;) {
          const f = c.word();
          flags.push(...f.t.split(',').filter(Boolean));
          if (!c.eat(',')) break;
        }
        break;
      case 'comment':
        comment = c.word().t;
        break;
      case 'elements':
        c.need('=');
        elems = elemList(c, keyType.map((t) => ({ type: t })));
        break;
      case 'timeout':
        timeout = nftDuration(c.word());
        break;
      case 'size':
        size = num(c.next());
        break;
      case 'policy':
        c.word();
        break;
      default:
        throw unexpected(k);
    }
  });
  return { keyType, flags, comment, timeout, size, elems };
}

// ── values ───────────────────────────────────────────────────────────────

const PROTOS: Record<string, number> = { icmp: 1, tcp: 6, udp: 17, sctp: 132 };
const SERVICES: Record<string, number> = { ssh: 22, http: 80, https: 443, domain: 53, smtp: 25, ntp: 123 };

/** Parse one value of a datatype (an address with prefix or range, a port or range, a protocol…). */
function value(x: Tok, type: string): NftPart {
  if (type === 'ifname') return { str: x.t };
  if (x.quoted && type !== 'ifname') throw new NftSyntaxError(`Could not parse ${typeDesc(type)}`, x);
  switch (type) {
    case 'ipv4_addr': {
      const [a, plen] = x.t.split('/');
      if (a.includes('-')) {
        const [lo, hi] = a.split('-').map(parseIp4);
        if (lo === undefined || hi === undefined) throw new NftSyntaxError(`Could not resolve hostname: Name or service not known`, x);
        return { lo, hi };
      }
      const ip = parseIp4(a);
      if (ip === undefined) throw new NftSyntaxError(`Could not resolve hostname: Name or service not known`, x);
      if (plen !== undefined) {
        const n = Number(plen);
        if (!/^\d+$/.test(plen) || n > 32) throw new NftSyntaxError('Could not parse prefix length', x);
        const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
        const lo = (ip & mask) >>> 0;
        return { lo, hi: (lo | (~mask >>> 0)) >>> 0, prefix: n };
      }
      return { lo: ip >>> 0, hi: ip >>> 0 };
    }
    case 'inet_proto': {
      const v = PROTOS[x.t] ?? (/^\d+$/.test(x.t) ? Number(x.t) : undefined);
      if (v === undefined) throw new NftSyntaxError(`Could not parse Internet protocol`, x);
      return { lo: v, hi: v };
    }
    case 'inet_service': {
      const m = /^(\d+)(?:-(\d+))?$/.exec(x.t);
      if (m) return { lo: Number(m[1]), hi: Number(m[2] ?? m[1]) };
      const v = SERVICES[x.t];
      if (v === undefined) throw new NftSyntaxError(`Could not parse inet service`, x);
      return { lo: v, hi: v };
    }
    case 'icmp_type': {
      const v = ICMP_TYPES[x.t] ?? (/^\d+$/.test(x.t) ? Number(x.t) : undefined);
      if (v === undefined) throw new NftSyntaxError(`Could not parse ICMP type`, x);
      return { lo: v, hi: v };
    }
    case 'fib_addrtype':
      if (x.t !== 'local') throw new NftSyntaxError('not simulated: fib types other than local', x);
      return { lo: 1 << 2, hi: 1 << 2 };
    default: {
      const v = num(x);
      return { lo: v >>> 0, hi: v >>> 0 };
    }
  }
}

function typeDesc(t: string): string {
  return t === 'ipv4_addr' ? 'IPv4 address' : t === 'inet_service' ? 'inet service' : t;
}

/** `{ a, b . c : verdict, … }` for a list of key types. */
function elemList(c: Cur, keys: { type: string }[], withData = false): NftElem[] {
  c.need('{');
  const out: NftElem[] = [];
  for (;;) {
    if (c.eat('}')) return out;
    if (c.eat(',') || c.eat('\n')) continue;
    const parts: NftPart[] = [];
    for (let i = 0; ; i++) {
      const x = c.word('value');
      parts.push(value(x, keys[i]?.type ?? keys[0]?.type ?? 'integer'));
      if (c.at('.')) {
        c.next();
        continue;
      }
      break;
    }
    const e: NftElem = { parts };
    if (c.eat('comment')) e.comment = c.word().t;
    if (c.eat(':')) e.data = verdict(c, c.word('verdict'));
    else if (withData) throw new NftSyntaxError('syntax error, unexpected comma, expecting colon', c.peek());
    out.push(e);
  }
}

function verdict(c: Cur, x: Tok): NftVerdict {
  if (x.t === 'accept' || x.t === 'drop' || x.t === 'return' || x.t === 'continue') return { v: x.t };
  if (x.t === 'jump' || x.t === 'goto') return { v: x.t, chain: c.word('chain').t };
  throw new NftSyntaxError('syntax error, unexpected string, expecting verdict', x);
}

// ── rule statements ──────────────────────────────────────────────────────

function selector(c: Cur): NftSel | undefined {
  const x = c.peek();
  if (!x || x.quoted) return undefined;
  const f = c.peek(1)?.t;
  switch (x.t) {
    case 'ip':
      if (f === 'saddr' || f === 'daddr' || f === 'protocol') {
        c.i += 2;
        return { k: 'ip', f };
      }
      return undefined;
    case 'tcp':
    case 'udp':
    case 'th':
      if (f === 'sport' || f === 'dport') {
        c.i += 2;
        return { k: 'l4', p: x.t, f };
      }
      return undefined;
    case 'icmp':
      if (f === 'type') {
        c.i += 2;
        return { k: 'icmp', f: 'type' };
      }
      return undefined;
    case 'meta':
      if (f === 'l4proto' || f === 'iifname' || f === 'oifname' || f === 'mark') {
        c.i += 2;
        return { k: 'meta', f };
      }
      return undefined;
    case 'iifname':
    case 'oifname':
    case 'mark':
    case 'l4proto':
      c.i += 1;
      return { k: 'meta', f: x.t };
    case 'ct':
      if (f === 'state') {
        c.i += 2;
        return { k: 'ct', f: 'state' };
      }
      return undefined;
    case 'fib':
      if ((f === 'saddr' || f === 'daddr') && c.peek(2)?.t === 'type') {
        c.i += 3;
        return { k: 'fib', f };
      }
      return undefined;
  }
  return undefined;
}

const CT_NAMES: Record<string, number> = { invalid: 1, new: 2, established: 4, related: 8, untracked: 16 };

const selTypeOf = (s: NftSel): string =>
  s.k === 'ip' ? (s.f === 'protocol' ? 'inet_proto' : 'ipv4_addr') : s.k === 'l4' ? 'inet_service' : s.k === 'icmp' ? 'icmp_type' : s.k === 'meta' ? (s.f === 'l4proto' ? 'inet_proto' : s.f === 'mark' ? 'mark' : 'ifname') : s.k === 'fib' ? 'fib_addrtype' : 'integer';

/** Parse a rule's statements. */
export function ruleExprs(c: Cur): { exprs: NftExpr[]; comment?: string } {
  const exprs: NftExpr[] = [];
  let comment: string | undefined;
  while (!c.done()) {
    const start = c.peek()!;
    const sel = selector(c);
    if (sel) {
      const sels = [sel];
      while (c.at('.')) {
        c.next();
        const s2 = selector(c);
        if (!s2) throw unexpected(c.peek());
        sels.push(s2);
      }
      if (c.eat('vmap')) {
        if (c.eat('@')) exprs.push({ k: 'vmap', sels, rhs: { kind: 'ref', name: c.word().t } });
        else exprs.push({ k: 'vmap', sels, rhs: { kind: 'set', elems: elemList(c, sels.map((s) => ({ type: selTypeOf(s) })), true) } });
        continue;
      }
      if (sel.k === 'meta' && sel.f === 'mark' && c.eat('set')) {
        exprs.push(markStmt(c));
        continue;
      }
      let mask: number | undefined;
      if (sel.k === 'meta' && sel.f === 'mark' && (c.at('&') || c.at('and'))) {
        c.next();
        mask = num(c.next()) >>> 0;
      }
      let op: '==' | '!=' = '==';
      if (c.eat('!=')) op = '!=';
      else c.eat('==');
      let rhs: NftRhs;
      if (sel.k === 'ct') {
        let bits = 0;
        const names: string[] = [];
        const one = (x: Tok): void => {
          for (const n of x.t.split(',').filter(Boolean)) {
            if (!(n in CT_NAMES)) throw new NftSyntaxError(`Could not parse conntrack state`, x);
            bits |= CT_NAMES[n];
            names.push(n);
          }
        };
        if (c.eat('{')) {
          while (!c.eat('}')) {
            if (c.eat(',')) continue;
            one(c.word());
          }
        } else {
          one(c.word('conntrack state'));
          while (c.eat(',')) one(c.word('conntrack state'));
        }
        rhs = { kind: 'bits', bits, names };
      } else if (c.eat('@')) rhs = { kind: 'ref', name: c.word().t };
      else if (c.at('{')) rhs = { kind: 'set', elems: elemList(c, sels.map((s) => ({ type: selTypeOf(s) }))) };
      else {
        const parts: NftPart[] = [];
        sels.forEach((s, i) => {
          if (i) c.need('.');
          parts.push(value(c.word('value'), selTypeOf(s)));
        });
        rhs = { kind: 'value', parts };
      }
      exprs.push({ k: 'cmp', sels, op, mask, rhs });
      continue;
    }
    const x = c.next()!;
    if (x.quoted) throw new NftSyntaxError('syntax error, unexpected quoted string', x);
    switch (x.t) {
      case 'counter':
        if (c.eat('packets')) {
          const p = num(c.next());
          c.need('bytes');
          exprs.push({ k: 'counter', pkts: p, bytes: num(c.next()) });
        } else exprs.push({ k: 'counter', pkts: 0, bytes: 0 });
        break;
      case 'accept':
      case 'drop':
      case 'return':
      case 'continue':
      case 'jump':
      case 'goto':
        exprs.push({ k: 'verdict', verdict: verdict(c, x) });
        break;
      case 'update': {
        c.need('@');
        const set = c.word().t;
        c.need('{');
        const sels: NftSel[] = [];
        for (;;) {
          const s2 = selector(c);
          if (!s2) throw unexpected(c.peek());
          sels.push(s2);
          if (!c.eat('.')) break;
        }
        c.need('}');
        exprs.push({ k: 'update', set, sels });
        break;
      }
      case 'numgen': {
        c.need('random');
        c.need('mod');
        const mod = num(c.next());
        c.need('vmap');
        exprs.push({ k: 'vmap', sels: [], numgenMod: mod, rhs: { kind: 'set', elems: elemList(c, [{ type: 'integer' }], true) } });
        break;
      }
      case 'dnat':
      case 'snat': {
        const e: Extract<NftExpr, { k: 'nat' }> = { k: 'nat', kind: x.t };
        if (c.eat('ip')) e.ipFamily = true;
        c.need('to');
        if (c.at(':')) {
          c.next();
          const [lo, hi] = c.word('port').t.split('-').map(Number);
          e.port = lo;
          if (hi !== undefined) e.portHi = hi;
        } else {
          const a = c.word('address');
          const v = value(a, 'ipv4_addr') as { lo: number; hi: number };
          e.addr = v.lo;
          if (v.hi !== v.lo) e.addrHi = v.hi;
          if (c.eat(':')) {
            const p = c.word('port');
            if (!hasL4(exprs)) throw new NftSyntaxError('transport protocol mapping is only valid after transport protocol match', p, x);
            const [lo, hi] = p.t.split('-').map(Number);
            if (!Number.isInteger(lo)) throw new NftSyntaxError('Could not parse inet service', p);
            e.port = lo;
            if (hi !== undefined) e.portHi = hi;
          }
        }
        natFlags(c, e);
        exprs.push(e);
        break;
      }
      case 'masquerade':
      case 'redirect': {
        const e: Extract<NftExpr, { k: 'nat' }> = { k: 'nat', kind: x.t };
        if (c.eat('to')) {
          c.need(':');
          const pt = c.word('port');
          if (!hasL4(exprs)) throw new NftSyntaxError('transport protocol mapping is only valid after transport protocol match', pt, x);
          const [lo, hi] = pt.t.split('-').map(Number);
          e.port = lo;
          if (hi !== undefined) e.portHi = hi;
        }
        natFlags(c, e);
        exprs.push(e);
        break;
      }
      case 'reject': {
        let w: string | undefined;
        if (c.eat('with')) {
          const a = c.word();
          if (a.t === 'tcp') {
            c.need('reset');
            w = 'tcp reset';
          } else if (a.t === 'icmp') {
            c.need('type');
            w = `icmp type ${c.word().t}`;
          } else throw unexpected(a);
        }
        exprs.push({ k: 'reject', with: w });
        break;
      }
      case 'log': {
        let prefix: string | undefined;
        if (c.eat('prefix')) prefix = c.word().t;
        exprs.push({ k: 'log', prefix });
        break;
      }
      case 'comment':
        comment = c.word().t;
        break;
      default:
        throw new NftSyntaxError('No symbol type information', start);
    }
  }
  return { exprs, comment };
}

function natFlags(c: Cur, e: Extract<NftExpr, { k: 'nat' }>): void {
  for (;;) {
    if (c.eat('fully-random')) e.fully = true;
    else if (c.eat('random')) e.random = true;
    else if (c.eat('persistent')) e.persistent = true;
    else if (c.eat(',')) continue;
    else return;
  }
}

function markStmt(c: Cur): NftExpr {
  // mark set VALUE | mark set mark or|xor|and VALUE
  if (c.at('mark') || (c.at('meta') && c.peek(1)?.t === 'mark')) {
    if (c.eat('meta')) c.need('mark');
    else c.need('mark');
    const op = c.word();
    const o = op.t === 'or' || op.t === '|' ? 'or' : op.t === 'xor' || op.t === '^' ? 'xor' : op.t === 'and' || op.t === '&' ? 'and' : undefined;
    if (!o) throw unexpected(op);
    return { k: 'mark', op: o, value: num(c.next()) >>> 0 };
  }
  return { k: 'mark', op: 'set', value: num(c.next()) >>> 0 };
}

// ── commands ─────────────────────────────────────────────────────────────

/** Parse one command's tokens. */
export function parseCommand(toks: Tok[]): NftCmd {
  const c = new Cur(toks);
  const verb = c.word();
  const obj = (): Tok => {
    const o = c.next();
    if (!o) throw new NftSyntaxError('syntax error, unexpected end of file', undefined);
    return o;
  };
  switch (verb.t) {
    case 'list': {
      const o = obj();
      if (o.t === 'ruleset' || o.t === 'tables') {
        if (o.t === 'ruleset') family(c);
        return { op: 'list', what: o.t };
      }
      if (o.t === 'table' || o.t === 'chain' || o.t === 'set' || o.t === 'map') {
        const fam = family(c);
        const table = c.word('table');
        const name = o.t === 'table' ? undefined : c.word(o.t);
        if (!c.done()) throw unexpected(c.peek());
        return { op: 'list', what: o.t, family: fam, table, name };
      }
      throw new NftSyntaxError(`syntax error, unexpected ${o.t}`, o);
    }
    case 'flush': {
      const o = obj();
      if (o.t === 'ruleset') {
        family(c);
        return { op: 'flush', what: 'ruleset' };
      }
      if (o.t === 'table' || o.t === 'chain' || o.t === 'set' || o.t === 'map') {
        const fam = family(c);
        const table = c.word('table');
        const name = o.t === 'table' ? undefined : c.word(o.t);
        return { op: 'flush', what: o.t, family: fam, table, name };
      }
      throw new NftSyntaxError(`syntax error, unexpected ${o.t}`, o);
    }
    case 'add':
    case 'create':
    case 'insert':
    case 'delete':
    case 'destroy': {
      const o = c.peek();
      let what = o?.t;
      // `nft add TABLE CHAIN rule…` is not a form; `add rule` may omit the word `rule`.
      if (what && ['table', 'chain', 'rule', 'set', 'map', 'element'].includes(what)) c.next();
      else what = 'rule';
      if (verb.t === 'insert' && what !== 'rule') throw unexpected(o);
      if (verb.t === 'destroy') throw new NftSyntaxError('not simulated: destroy', verb);
      const fam = family(c);
      const table = c.word('table');
      if (what === 'table') {
        if (verb.t === 'delete') return { op: 'delete', what: 'table', family: fam, table };
        let comment: string | undefined;
        if (c.at('{'))
          block(c, (k) => {
            if (k.t !== 'comment') throw unexpected(k);
            comment = c.word().t;
          });
        return { op: verb.t as 'add' | 'create', what: 'table', family: fam, table, comment };
      }
      const name = c.word(what);
      if (what === 'chain') {
        if (verb.t === 'delete') return { op: 'delete', what: 'chain', family: fam, table, name };
        const b = c.at('{') ? chainBlock(c) : {};
        return { op: verb.t as 'add' | 'create', what: 'chain', family: fam, table, name, ...b };
      }
      if (what === 'set' || what === 'map') {
        if (verb.t === 'delete') return { op: 'delete', what, family: fam, table, name };
        const b = setBlock(c, what === 'map');
        return { op: verb.t as 'add' | 'create', what, family: fam, table, name, ...b };
      }
      if (what === 'element') {
        // Elements are parsed against the set's type by the command.
        return { op: verb.t === 'delete' ? 'delete' : 'add', what: 'element', family: fam, table, name, elems: c.toks.slice(c.i) };
      }
      // rule
      if (verb.t === 'delete') {
        const h = c.need('handle');
        const n = c.next();
        return { op: 'delete', what: 'rule', family: fam, table, name, handle: num(n), handleTok: n ?? h };
      }
      let handle: number | undefined;
      let index: number | undefined;
      if (c.eat('handle') || c.eat('position')) handle = num(c.next());
      else if (c.eat('index')) index = num(c.next());
      const r = ruleExprs(c);
      return { op: verb.t as 'add' | 'insert', what: 'rule', family: fam, table, name, exprs: r.exprs, comment: r.comment, handle, index };
    }
  }
  throw new NftSyntaxError(`syntax error, unexpected ${verb.t}`, verb);
}

/** Elements of `add element … { … }` for a set's key types. */
export function parseElems(toks: Tok[], keyType: string[], map: boolean): NftElem[] {
  const c = new Cur(toks);
  const e = elemList(
    c,
    keyType.map((type) => ({ type })),
    map,
  );
  if (!c.done()) throw unexpected(c.peek());
  return e;
}

export { FAMILIES };
