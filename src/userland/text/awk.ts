// awk as Debian 12 installs it (/usr/bin/awk -> mawk 1.3.4 20200120): a
// tree-walking interpreter for the language lessons use. Numbers print as
// mawk does (integers within 32 bits as %d, else OFMT/CONVFMT), arrays
// iterate in mawk's hash-table order (FNV-1a, 64 buckets, move-to-front
// lists), regular expressions are POSIX EREs without intervals, errors read
// `awk: line N: syntax error at or near X` (exit 2). Loops are bounded by a
// step budget, so no program can hang the host.

import type { Process } from '../../kernel/proc.ts';
import { register } from '../registry.ts';
import { hostOf, readLines } from '../coreutils/host.ts';
import { errMsg } from '../coreutils/util.ts';
import { fmtFloat, fmtInt, fmtStr, gForm, type Spec } from './cfmt.ts';
import { CLASSES } from '../lib/posix-regex.ts';
import { RegexBudgetError, safeRegExp } from '../lib/safe-regex.ts';

/** A bracket expression as mawk reads it (escapes allowed inside; an unmatched `[` is literal): [jsClass, nextIndex]. */
function bracket(pat: string, i: number): [string, number] {
  let j = i + 1;
  let out = '[';
  if (pat[j] === '^') {
    out += '^';
    j++;
  }
  let first = true;
  for (; j < pat.length; j++) {
    const c = pat[j];
    if (c === ']' && !first) return [out + ']', j + 1];
    first = false;
    if (c === '[' && pat[j + 1] === ':') {
      const end = pat.indexOf(':]', j + 2);
      if (end > 0) {
        out += Object.hasOwn(CLASSES, pat.slice(j + 2, end)) ? CLASSES[pat.slice(j + 2, end)] : '';
        j = end + 1;
        continue;
      }
    }
    if (c === '\\' || c === ']' || c === '[' || c === '^') out += '\\' + c;
    else out += c;
  }
  return ['\\[', i + 1];
}

/** mawk's regex dialect (no intervals, `\\<`/`\\>` as word boundaries) as JavaScript source. */
function toJsRegex(pat: string, mode: 'BRE' | 'ERE' | 'F'): string {
  if (mode === 'F') return pat.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  let out = '';
  for (let i = 0; i < pat.length; ) {
    const c = pat[i];
    if (c === '[') {
      const [cls, next] = bracket(pat, i);
      out += cls;
      i = next;
      continue;
    }
    if (c === '\\') {
      const n = pat[i + 1];
      i += 2;
      if (n === undefined) {
        out += '\\\\';
        continue;
      }
      if (n === '<' || n === '>') {
        out += '\\b';
        continue;
      }
      if (mode === 'BRE' && '(){}|+?'.includes(n)) {
        out += n;
        continue;
      }
      if (/[wWsSbB1-9]/.test(n)) out += '\\' + n;
      else if (/[A-Za-z0-9]/.test(n)) out += n;
      else out += '\\' + n;
      continue;
    }
    if (mode === 'BRE' && '(){}|+?'.includes(c)) {
      out += '\\' + c;
      i++;
      continue;
    }
    if (c === '*' && (out === '' || out.endsWith('(') || out.endsWith('|') || out === '^')) {
      out += '\\*';
      i++;
      continue;
    }
    if (c === '{' && mode === 'ERE' && !/^\{\d+(,\d*)?\}/.test(pat.slice(i))) {
      out += '\\{';
      i++;
      continue;
    }
    if (c === '/') {
      out += '\\/';
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

// ---------------------------------------------------------------- values

/** A string that came from input and looks numeric (compares as a number). */
interface StrNum {
  s: string;
  n: number;
  uninit?: boolean;
}
type V = number | string | StrNum;
const UNINIT: StrNum = { s: '', n: 0, uninit: true };
const MAX_INT = 2147483647;

/** glibc strtod on a prefix (hex, inf, nan included); 0 when none. */
function strtod(s: string): number {
  const m = /^[ \t\n\r\f\v]*([+-]?)(0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)/i.exec(s);
  if (!m) return 0;
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2].toLowerCase();
  if (body.startsWith('inf')) return sign * Infinity;
  if (body === 'nan') return sign === -1 ? -NaN : NaN;
  if (body.startsWith('0x')) {
    const hm = /^0x([0-9a-f]*)\.?([0-9a-f]*)(?:p([+-]?\d+))?$/.exec(body)!;
    let v = parseInt(hm[1] || '0', 16);
    for (let i = 0; i < hm[2].length; i++) v += parseInt(hm[2][i], 16) / Math.pow(16, i + 1);
    return sign * v * Math.pow(2, Number(hm[3] ?? 0));
  }
  return sign * Number(body);
}

/** Does input text look like a number (then it is a strnum)? */
function looksNumeric(s: string): boolean {
  return /^[ \t\n]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[ \t\n]*$/.test(s) || /^[ \t\n]*[+-]?0[xX][0-9a-fA-F]+[ \t\n]*$/.test(s);
}

function strnum(s: string): V {
  return looksNumeric(s) ? { s, n: strtod(s) } : s;
}

function toNum(v: V): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return strtod(v);
  return v.n;
}

function isNumeric(v: V): boolean {
  return typeof v !== 'string';
}

/** A double as mawk converts it with `fmt` (OFMT or CONVFMT). */
function numToStr(d: number, fmt: string): string {
  if (Number.isInteger(d) && d >= -MAX_INT && d <= MAX_INT) return String(d === 0 ? 0 : d);
  if (Number.isNaN(d)) return '-nan';
  if (!Number.isFinite(d)) return d > 0 ? 'inf' : '-inf';
  if (fmt === '%.6g') return gForm(Math.abs(d), 6, false).replace(/^/, d < 0 ? '-' : '');
  return sprintf(fmt, [d]);
}

// ---------------------------------------------------------------- arrays (mawk's hash table, for iteration order)

interface ANode {
  key: string;
  hasS: boolean;
  ival?: number;
  cell: V;
}

function fnv1a(s: string): number {
  let h = 2166136261;
  for (const b of new TextEncoder().encode(s)) {
    h ^= b;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

const HMASK = 63;

export class AwkArray {
  private map = new Map<string, ANode>();
  private sl: ANode[][] = [];
  private il: ANode[][] = [];
  private split: V[] | null = null;
  private hasStr = false;
  private hasInt = false;

  get size(): number {
    return this.split ? this.split.length : this.map.size;
  }

  clear(): void {
    this.map.clear();
    this.sl = [];
    this.il = [];
    this.split = null;
    this.hasStr = this.hasInt = false;
  }

  /** split(): elements 1..n as a plain vector. */
  setSplit(vals: V[]): void {
    this.clear();
    if (vals.length) this.split = vals;
  }

  private toTable(): void {
    if (!this.split) return;
    const vals = this.split;
    this.split = null;
    vals.forEach((v, i) => {
      const n: ANode = { key: String(i + 1), hasS: false, ival: i + 1, cell: v };
      this.map.set(n.key, n);
      ((this.il[(i + 1) & HMASK] ??= [])).unshift(n);
    });
    this.hasInt = vals.length > 0;
  }

  private addStrings(): void {
    this.toTable();
    for (let i = 0; i <= HMASK; i++)
      for (const n of this.il[i] ?? [])
        if (!n.hasS) {
          n.hasS = true;
          ((this.sl[fnv1a(n.key) & HMASK] ??= [])).unshift(n);
        }
    this.hasStr = true;
  }

  private bySval(key: string, create: boolean): ANode | undefined {
    if (!this.hasStr) this.addStrings();
    const b = (this.sl[fnv1a(key) & HMASK] ??= []);
    const i = b.findIndex((n) => n.key === key);
    if (i >= 0) {
      const [n] = b.splice(i, 1);
      b.unshift(n);
      return n;
    }
    if (!create) return undefined;
    const n: ANode = { key, hasS: true, cell: UNINIT };
    b.unshift(n);
    this.map.set(key, n);
    return n;
  }

  private byIval(ival: number, create: boolean): ANode | undefined {
    const b = (this.il[ival & HMASK] ??= []);
    const i = b.findIndex((n) => n.ival === ival);
    if (i >= 0) {
      const [n] = b.splice(i, 1);
      b.unshift(n);
      return n;
    }
    let n: ANode | undefined;
    if (this.hasStr) {
      n = this.bySval(String(ival), create);
      if (!n) return undefined;
    } else {
      if (!create) return undefined;
      n = { key: String(ival), hasS: false, cell: UNINIT };
      this.map.set(n.key, n);
    }
    n.ival = ival;
    b.unshift(n);
    this.hasInt = true;
    return n;
  }

  private find(k: V, create: boolean, convfmt: string): ANode | { split: number } | undefined {
    if (typeof k === 'number') {
      const ival = Math.trunc(k);
      if (ival === k && Math.abs(ival) <= MAX_INT) {
        if (this.split) {
          if (ival >= 1 && ival <= this.split.length) return { split: ival - 1 };
          if (!create) return undefined;
          this.toTable();
        }
        return this.byIval(ival, create);
      }
      this.toTable();
      return this.bySval(numToStr(k, convfmt), create);
    }
    if (!create && this.size === 0) return undefined;
    this.toTable();
    return this.bySval(typeof k === 'string' ? k : k.s, create);
  }

  get(k: V, convfmt: string): V {
    const n = this.find(k, true, convfmt)!;
    return 'split' in n ? this.split![n.split] : n.cell;
  }

  has(k: V, convfmt: string): boolean {
    return this.find(k, false, convfmt) !== undefined;
  }

  set(k: V, v: V, convfmt: string): void {
    const n = this.find(k, true, convfmt)!;
    if ('split' in n) this.split![n.split] = v;
    else n.cell = v;
  }

  delete(k: V, convfmt: string): void {
    this.toTable();
    const key = typeof k === 'number' ? numToStr(k, convfmt) : typeof k === 'string' ? k : k.s;
    const n = this.map.get(key);
    if (!n) return;
    this.map.delete(key);
    for (const lists of [this.sl, this.il]) for (const b of lists) if (b) { const i = b.indexOf(n); if (i >= 0) b.splice(i, 1); }
    if (this.map.size === 0) this.clear();
  }

  /** Keys in the order `for (k in a)` visits them. */
  keys(): string[] {
    if (this.size === 0) return [];
    if (!this.hasStr) this.addStrings();
    const out: string[] = [];
    for (let i = 0; i <= HMASK; i++) for (const n of this.sl[i] ?? []) out.push(n.key);
    return out;
  }
}

// ---------------------------------------------------------------- lexer

type TT = 'num' | 'str' | 'ere' | 'name' | 'funcname' | 'builtin' | 'kw' | 'op' | 'nl' | 'eof';
interface Tok {
  t: TT;
  v: string;
  n?: number;
  line: number;
}

const KEYWORDS = new Set(['BEGIN', 'END', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile', 'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf']);
const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower', 'toupper', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system', 'close', 'fflush']);

/** How many arguments each builtin function takes (mawk 1.3.4). */
const ARITY: Record<string, [number, number]> = Object.setPrototypeOf({
  length: [0, 1], substr: [2, 3], index: [2, 2], split: [2, 3], sub: [2, 3], gsub: [2, 3], match: [2, 2], sprintf: [1, Infinity],
  tolower: [1, 1], toupper: [1, 1], int: [1, 1], sqrt: [1, 1], exp: [1, 1], log: [1, 1], sin: [1, 1], cos: [1, 1], atan2: [2, 2],
  rand: [0, 0], srand: [0, 1], system: [1, 1], close: [1, 1], fflush: [0, 1],
}, null);
/** Builtins whose argument lists are part of mawk's grammar: a wrong count is a syntax error. */
const GRAMMAR_ARGS = new Set(['split', 'sub', 'gsub', 'match']);

export class AwkSyntaxError extends Error {
  line: number;
  constructor(line: number, msg: string) {
    super(msg);
    this.line = line;
  }
}

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  let braces = 0;
  const prevAllowsDiv = (): boolean => {
    const p = toks[toks.length - 1];
    if (!p) return false;
    if (p.t === 'num' || p.t === 'str' || p.t === 'name' || p.t === 'ere') return true;
    if (p.t === 'builtin' && p.v === 'length') return true;
    if (p.t === 'op' && (p.v === ')' || p.v === ']' || p.v === '$' || p.v === '++' || p.v === '--')) return p.v !== '$';
    return false;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      toks.push({ t: 'nl', v: '\n', line });
      line++;
      i++;
      continue;
    }
    if (c === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length || src[i] === '\n') throw new AwkSyntaxError(line, 'runaway string constant "' + s.slice(0, 10) + ' ...');
        const ch = src[i++];
        if (ch === '"') break;
        if (ch === '\\') {
          const r = escape(src, i);
          s += r[0];
          i = r[1];
        } else s += ch;
      }
      toks.push({ t: 'str', v: s, line });
      continue;
    }
    if (c === '/' && !prevAllowsDiv()) {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length || src[i] === '\n') throw new AwkSyntaxError(line, 'runaway regular expression /' + s.slice(0, 10) + ' ...');
        const ch = src[i++];
        if (ch === '/') break;
        if (ch === '\\' && src[i] === '/') {
          s += '/';
          i++;
        } else if (ch === '\\') {
          s += ch + (src[i] ?? '');
          i++;
        } else s += ch;
      }
      toks.push({ t: 'ere', v: s, line });
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i, i + 400));
    if (num) {
      toks.push({ t: 'num', v: num[0], n: Number(num[0]), line });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 400));
    if (id) {
      const w = id[0];
      i += w.length;
      if (KEYWORDS.has(w)) toks.push({ t: 'kw', v: w === 'func' ? 'function' : w, line });
      else if (BUILTINS.has(w)) toks.push({ t: 'builtin', v: w, line });
      else if (src[i] === '(') toks.push({ t: 'funcname', v: w, line });
      else toks.push({ t: 'name', v: w, line });
      continue;
    }
    const ops = ['+=', '-=', '*=', '/=', '%=', '^=', '**=', '**', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~', '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];
    const op = ops.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntaxError(line, `syntax error at or near ${c}`);
    if (op === '{') braces++;
    if (op === '}') braces--;
    toks.push({ t: 'op', v: op === '**' ? '^' : op === '**=' ? '^=' : op, line });
    i += op.length;
  }
  // mawk ends the program text with a newline of its own.
  if (!src.endsWith('\n')) toks.push({ t: 'nl', v: '\n', line: line++ });
  toks.push({ t: 'eof', v: '', line });
  void braces;
  return toks;
}

function escape(src: string, i: number): [string, number] {
  const e = src[i];
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' };
  if (e === undefined) return ['\\', i];
  if (map[e] !== undefined) return [map[e], i + 1];
  const oct = /^[0-7]{1,3}/.exec(src.slice(i, i + 3));
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8)), i + oct[0].length];
  return ['\\' + e, i + 1];
}

// ---------------------------------------------------------------- AST

type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; src: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'idx'; name: string; subs: Expr[] }
  | { k: 'in'; subs: Expr[]; name: string }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'and' | 'or'; a: Expr; b: Expr }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'cat'; a: Expr; b: Expr }
  | { k: 'un'; op: string; e: Expr }
  | { k: 'incdec'; op: string; pre: boolean; target: Expr }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'builtin'; name: string; args: Expr[] }
  | { k: 'group'; e: Expr }
  | { k: 'getline'; target?: Expr };

type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'print'; printf: boolean; args: Expr[]; redir?: { op: string; e: Expr } }
  | { k: 'if'; c: Expr; a: Stmt; b?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; c: Expr; body: Stmt }
  | { k: 'for'; init?: Stmt; c?: Expr; step?: Stmt; body: Stmt }
  | { k: 'forin'; v: Expr; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' | 'nextfile' | 'break' | 'continue' }
  | { k: 'exit' | 'return'; e?: Expr }
  | { k: 'delete'; name: string; subs?: Expr[] }
  | { k: 'getline'; e: Expr };

interface Rule {
  kind: 'begin' | 'end' | 'main';
  pattern?: Expr;
  range?: Expr;
  body?: Stmt[];
}
interface Func {
  params: string[];
  body: Stmt[];
}
interface Program {
  rules: Rule[];
  funcs: Map<string, Func>;
}

// ---------------------------------------------------------------- parser

function parseProgram(src: string): Program {
  const toks = lex(src);
  let pos = 0;
  const peek = (o = 0): Tok => toks[Math.min(pos + o, toks.length - 1)];
  const near = (t: Tok): string => (t.t === 'eof' ? 'end of file' : t.t === 'nl' ? 'end of line' : t.t === 'str' ? `"${t.v}"` : t.t === 'ere' ? `/${t.v}/` : t.v);
  const fail = (t: Tok = peek()): never => {
    if (t.t === 'eof' && depth > 0) throw new AwkSyntaxError(t.line, 'missing } near end of file');
    throw new AwkSyntaxError(t.line, `syntax error at or near ${near(t)}`);
  };
  let depth = 0;
  const isOp = (v: string, o = 0): boolean => peek(o).t === 'op' && peek(o).v === v;
  const isKw = (v: string): boolean => peek().t === 'kw' && peek().v === v;
  const eat = (v: string): void => {
    if (!isOp(v)) fail();
    pos++;
  };
  const nls = (): void => {
    while (peek().t === 'nl') pos++;
  };
  const optNl = nls;
  const terms = (): void => {
    while (peek().t === 'nl' || isOp(';')) pos++;
  };
  const rules: Rule[] = [];
  const funcs = new Map<string, Func>();

  // expressions, lowest to highest precedence
  let noIn = false;
  let noGt = false;
  const expr = (): Expr => ternary();
  const ternary = (): Expr => {
    const c = orE();
    if (isOp('?')) {
      pos++;
      optNl();
      const a = ternary();
      optNl();
      eat(':');
      optNl();
      const b = ternary();
      return { k: 'cond', c, a, b };
    }
    if (peek().t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(peek().v) && isLvalue(c)) {
      const op = peek().v;
      pos++;
      optNl();
      return { k: 'assign', op, target: c, e: ternary() };
    }
    return c;
  };
  const isLvalue = (e: Expr): boolean => e.k === 'var' || e.k === 'field' || e.k === 'idx';
  const orE = (): Expr => {
    let a = andE();
    while (isOp('||')) {
      pos++;
      optNl();
      a = { k: 'or', a, b: andE() };
    }
    return a;
  };
  const andE = (): Expr => {
    let a = inE();
    while (isOp('&&')) {
      pos++;
      optNl();
      a = { k: 'and', a, b: inE() };
    }
    return a;
  };
  const inE = (): Expr => {
    let a = matchE();
    while (!noIn && isKw('in')) {
      pos++;
      const nt = peek();
      if (nt.t !== 'name') fail();
      pos++;
      a = { k: 'in', subs: a.k === 'group' && (a as { multi?: Expr[] }).multi ? (a as unknown as { multi: Expr[] }).multi : [a], name: nt.v };
    }
    return a;
  };
  const matchE = (): Expr => {
    let a = relE();
    while (isOp('~') || isOp('!~')) {
      const neg = peek().v === '!~';
      pos++;
      a = { k: 'match', neg, a, re: relE() };
    }
    return a;
  };
  const relE = (): Expr => {
    const a = catE();
    const t = peek();
    if (t.t === 'op' && ['<', '<=', '!=', '==', '>=', '>'].includes(t.v) && !(noGt && t.v === '>')) {
      pos++;
      return { k: 'bin', op: t.v, a, b: catE() };
    }
    return a;
  };
  const startsPrimary = (): boolean => {
    const t = peek();
    if (t.t === 'num' || t.t === 'str' || t.t === 'ere' || t.t === 'name' || t.t === 'funcname' || t.t === 'builtin') return true;
    if (t.t === 'op' && ['$', '!', '(', '-', '+', '++', '--'].includes(t.v)) return true;
    return false;
  };
  const catE = (): Expr => {
    let a = addE();
    while (startsPrimary() && !(isKw('in'))) {
      if (peek().t === 'op' && (peek().v === '+' || peek().v === '-')) break;
      a = { k: 'cat', a, b: addE() };
    }
    return a;
  };
  const addE = (): Expr => {
    let a = mulE();
    while (isOp('+') || isOp('-')) {
      const op = peek().v;
      pos++;
      a = { k: 'bin', op, a, b: mulE() };
    }
    return a;
  };
  const mulE = (): Expr => {
    let a = unE();
    while (isOp('*') || isOp('/') || isOp('%')) {
      const op = peek().v;
      pos++;
      a = { k: 'bin', op, a, b: unE() };
    }
    return a;
  };
  const unE = (): Expr => {
    if (isOp('!')) {
      pos++;
      return { k: 'un', op: '!', e: unE() };
    }
    if (isOp('-') || isOp('+')) {
      const op = peek().v;
      pos++;
      return { k: 'un', op, e: unE() };
    }
    return powE();
  };
  const powE = (): Expr => {
    const a = incE();
    if (isOp('^')) {
      pos++;
      const b = isOp('-') || isOp('+') || isOp('!') ? unE() : powE();
      return { k: 'bin', op: '^', a, b };
    }
    return a;
  };
  const incE = (): Expr => {
    if (isOp('++') || isOp('--')) {
      const op = peek().v;
      pos++;
      const t = incE();
      if (!isLvalue(t)) fail();
      return { k: 'incdec', op, pre: true, target: t };
    }
    const e = fieldE();
    if ((isOp('++') || isOp('--')) && isLvalue(e)) {
      const op = peek().v;
      pos++;
      return { k: 'incdec', op, pre: false, target: e };
    }
    return e;
  };
  const fieldE = (): Expr => {
    if (isOp('$')) {
      pos++;
      if (isOp('++') || isOp('--')) {
        const op = peek().v;
        pos++;
        const t = fieldE();
        return { k: 'field', e: { k: 'incdec', op, pre: true, target: t } };
      }
      if (isOp('-')) {
        pos++;
        return { k: 'field', e: { k: 'un', op: '-', e: fieldE() } };
      }
      return { k: 'field', e: fieldE() };
    }
    return primary();
  };
  const primary = (): Expr => {
    const t = peek();
    switch (t.t) {
      case 'num':
        pos++;
        return { k: 'num', v: t.n! };
      case 'str':
        pos++;
        return { k: 'str', v: t.v };
      case 'ere':
        pos++;
        return { k: 're', src: t.v };
      case 'name':
        pos++;
        if (isOp('[')) {
          pos++;
          const subs = exprList();
          eat(']');
          return { k: 'idx', name: t.v, subs };
        }
        return { k: 'var', name: t.v };
      case 'funcname': {
        pos++;
        eat('(');
        const args = isOp(')') ? [] : exprList();
        eat(')');
        return { k: 'call', name: t.v, args };
      }
      case 'builtin': {
        pos++;
        if (!isOp('(')) {
          if (t.v === 'length') return { k: 'builtin', name: 'length', args: [] };
          fail();
        }
        pos++;
        const args = isOp(')') ? [] : exprList();
        const [min, max] = ARITY[t.v] ?? [0, Infinity];
        if (args.length < min || args.length > max) {
          // mawk's grammar spells out split/sub/gsub/match; the others are checked by count.
          if (GRAMMAR_ARGS.has(t.v)) fail();
          throw new AwkSyntaxError(t.line, `wrong number of arguments in call to ${t.v}`);
        }
        eat(')');
        return { k: 'builtin', name: t.v, args };
      }
      case 'kw':
        if (t.v === 'getline') {
          pos++;
          const target = peek().t === 'name' || isOp('$') ? fieldE() : undefined;
          return { k: 'getline', target };
        }
        return fail();
      case 'op':
        if (t.v === '(') {
          pos++;
          const saveIn = noIn;
          const saveGt = noGt;
          noIn = false;
          noGt = false;
          const list = exprList();
          noIn = saveIn;
          noGt = saveGt;
          eat(')');
          if (list.length > 1) {
            if (!isKw('in')) fail();
            return { k: 'group', e: list[0], multi: list } as unknown as Expr;
          }
          return { k: 'group', e: list[0] };
        }
        return fail();
    }
    return fail();
  };
  const exprList = (): Expr[] => {
    const out = [expr()];
    while (isOp(',')) {
      pos++;
      optNl();
      out.push(expr());
    }
    return out;
  };

  // statements
  const simpleOrBlock = (): Stmt => {
    optNl();
    return stmt();
  };
  const endSimple = (): void => {
    if (isOp(';') || peek().t === 'nl') {
      pos++;
      return;
    }
    if (isOp('}') || peek().t === 'eof') return;
    fail();
  };
  const simple = (): Stmt => {
    const t = peek();
    if (t.t === 'kw') {
      switch (t.v) {
        case 'print':
        case 'printf': {
          pos++;
          let args: Expr[] = [];
          noGt = true;
          if (isOp('(')) {
            // print (a, b) > file  — a parenthesized list
            const save = pos;
            pos++;
            noGt = false;
            const list = isOp(')') ? [] : exprList();
            if (isOp(')') && (isOp(';', 1) || isOp('}', 1) || isOp('>', 1) || isOp('>>', 1) || isOp('|', 1) || peek(1).t === 'nl' || peek(1).t === 'eof')) {
              pos++;
              args = list;
            } else {
              pos = save;
              noGt = true;
              args = exprList();
            }
          } else if (!(isOp(';') || isOp('}') || peek().t === 'nl' || peek().t === 'eof' || isOp('>') || isOp('>>') || isOp('|'))) args = exprList();
          noGt = false;
          if (t.v === 'printf' && args.length === 0) fail();
          let redir: { op: string; e: Expr } | undefined;
          if (isOp('>') || isOp('>>') || isOp('|')) {
            const op = peek().v;
            pos++;
            redir = { op, e: catE() };
          }
          return { k: 'print', printf: t.v === 'printf', args, redir };
        }
        case 'next':
        case 'nextfile':
        case 'break':
        case 'continue':
          pos++;
          return { k: t.v };
        case 'exit':
        case 'return': {
          pos++;
          const e = isOp(';') || isOp('}') || peek().t === 'nl' || peek().t === 'eof' ? undefined : expr();
          return { k: t.v, e };
        }
        case 'delete': {
          pos++;
          const nt = peek();
          if (nt.t !== 'name') fail();
          pos++;
          if (isOp('[')) {
            pos++;
            const subs = exprList();
            eat(']');
            return { k: 'delete', name: nt.v, subs };
          }
          return { k: 'delete', name: nt.v };
        }
      }
    }
    return { k: 'expr', e: expr() };
  };
  const stmt = (): Stmt => {
    const t = peek();
    if (isOp('{')) {
      pos++;
      depth++;
      const body = stmts();
      if (!isOp('}')) fail();
      pos++;
      depth--;
      return { k: 'block', body };
    }
    if (isOp(';')) {
      pos++;
      return { k: 'block', body: [] };
    }
    if (t.t === 'kw') {
      switch (t.v) {
        case 'if': {
          pos++;
          eat('(');
          const c = expr();
          eat(')');
          const a = simpleOrBlock();
          const save = pos;
          terms();
          if (isKw('else')) {
            pos++;
            return { k: 'if', c, a, b: simpleOrBlock() };
          }
          pos = save;
          return { k: 'if', c, a };
        }
        case 'while': {
          pos++;
          eat('(');
          const c = expr();
          eat(')');
          if (isOp(';')) {
            pos++;
            return { k: 'while', c, body: { k: 'block', body: [] } };
          }
          return { k: 'while', c, body: simpleOrBlock() };
        }
        case 'do': {
          pos++;
          const body = simpleOrBlock();
          terms();
          if (!isKw('while')) fail();
          pos++;
          eat('(');
          const c = expr();
          eat(')');
          endSimple();
          return { k: 'do', c, body };
        }
        case 'for': {
          pos++;
          eat('(');
          if (peek().t === 'name' && isKw2(1, 'in') && peek(2).t === 'name' && isOp(')', 3)) {
            const v: Expr = { k: 'var', name: peek().v };
            const arr = peek(2).v;
            pos += 4;
            return { k: 'forin', v, arr, body: simpleOrBlock() };
          }
          const init = isOp(';') ? undefined : simple();
          eat(';');
          optNl();
          const c = isOp(';') ? undefined : expr();
          eat(';');
          optNl();
          const step = isOp(')') ? undefined : simple();
          eat(')');
          if (isOp(';')) {
            pos++;
            return { k: 'for', init, c, step, body: { k: 'block', body: [] } };
          }
          return { k: 'for', init, c, step, body: simpleOrBlock() };
        }
        case 'else':
          fail();
      }
    }
    const s = simple();
    endSimple();
    return s;
  };
  const isKw2 = (o: number, v: string): boolean => peek(o).t === 'kw' && peek(o).v === v;
  const stmts = (): Stmt[] => {
    const out: Stmt[] = [];
    terms();
    while (!isOp('}') && peek().t !== 'eof') {
      out.push(stmt());
      terms();
    }
    return out;
  };
  const action = (): Stmt[] => {
    eat('{');
    depth++;
    const body = stmts();
    if (!isOp('}')) fail();
    pos++;
    depth--;
    return body;
  };

  terms();
  while (peek().t !== 'eof') {
    const t = peek();
    if (t.t === 'kw' && (t.v === 'BEGIN' || t.v === 'END')) {
      pos++;
      optNl();
      if (!isOp('{')) fail();
      rules.push({ kind: t.v === 'BEGIN' ? 'begin' : 'end', body: action() });
    } else if (t.t === 'kw' && t.v === 'function') {
      pos++;
      const nt = peek();
      if (nt.t !== 'funcname' && nt.t !== 'name') fail();
      pos++;
      eat('(');
      const params: string[] = [];
      while (!isOp(')')) {
        const pt = peek();
        if (pt.t !== 'name') fail();
        params.push(pt.v);
        pos++;
        if (isOp(',')) {
          pos++;
          optNl();
        } else if (!isOp(')')) fail();
      }
      pos++;
      optNl();
      funcs.set(nt.v, { params, body: action() });
    } else if (isOp('{')) {
      rules.push({ kind: 'main', body: action() });
    } else if (isOp('}')) {
      throw new AwkSyntaxError(t.line, `extra '}'\n\0line ${t.line}: syntax error at or near end of line`);
    } else {
      const pattern = expr();
      let range: Expr | undefined;
      if (isOp(',')) {
        pos++;
        optNl();
        range = expr();
      }
      if (isOp('{')) rules.push({ kind: 'main', pattern, range, body: action() });
      else {
        rules.push({ kind: 'main', pattern, range });
        if (!(peek().t === 'nl' || isOp(';') || peek().t === 'eof')) fail();
      }
    }
    terms();
  }
  // Calls to functions never defined are reported after parsing.
  const undefinedCall = (x: unknown): string | undefined => {
    if (!x || typeof x !== 'object') return undefined;
    const o = x as { k?: string; name?: string };
    if (o.k === 'call' && o.name !== undefined && !funcs.has(o.name)) return o.name;
    for (const v of Object.values(x)) {
      const r = Array.isArray(v) ? v.map(undefinedCall).find(Boolean) : undefinedCall(v);
      if (r) return r;
    }
    return undefined;
  };
  const u = undefinedCall(rules) ?? undefinedCall([...funcs.values()]);
  if (u) throw new AwkSyntaxError(toks[toks.length - 1].line, `function ${u} never defined`);
  return { rules, funcs };
}

// ---------------------------------------------------------------- sprintf

function sprintf(fmt: string, args: V[], conv = (v: V) => toStrC(v, '%.6g')): string {
  let out = '';
  let ai = 0;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    if (fmt[i + 1] === '%') {
      out += '%';
      i++;
      continue;
    }
    const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([hlLqjzt]*)([diouxXeEfFgGcs])/.exec(fmt.slice(i));
    if (!m) {
      out += c;
      continue;
    }
    i += m[0].length - 1;
    const spec: Spec = { flags: m[1], conv: m[5] };
    const next = (): V => {
      if (ai >= args.length) throw new AwkRuntimeError(`not enough arguments passed to sprintf("${fmt}")`);
      return args[ai++];
    };
    if (m[2] === '*') {
      const w = Math.trunc(toNum(next()));
      if (w < 0) spec.flags += '-';
      spec.width = Math.abs(w);
    } else if (m[2]) spec.width = Number(m[2]);
    if (m[3] === '*') {
      const p = Math.trunc(toNum(next()));
      if (p >= 0) spec.prec = p;
    } else if (m[3] !== undefined) spec.prec = Number(m[3] || '0');
    const v = next();
    switch (spec.conv) {
      case 'd':
      case 'i':
      case 'o':
      case 'x':
      case 'X':
      case 'u': {
        let n = toNum(v);
        if (Number.isNaN(n)) n = 0;
        n = Math.trunc(Math.max(-MAX_INT, Math.min(MAX_INT, n)));
        out += fmtInt(n, spec);
        break;
      }
      case 'c': {
        const s = typeof v === 'number' ? String.fromCharCode(Math.trunc(v) & 0xff) : conv(v).slice(0, 1);
        out += fmtStr(s, { ...spec, prec: undefined });
        break;
      }
      case 's':
        out += fmtStr(conv(v), spec);
        break;
      default:
        out += fmtFloat(toNum(v), spec);
    }
  }
  return out;
}

function toStrC(v: V, fmt: string): string {
  if (typeof v === 'number') return numToStr(v, fmt);
  if (typeof v === 'string') return v;
  return v.s;
}

class AwkRuntimeError extends Error {}
class NextSignal {}
class NextFileSignal {}
class ExitSignal {
  code: number;
  constructor(code: number) {
    this.code = code;
  }
}
class BreakSignal {}
class ContinueSignal {}
class ReturnSignal {
  v: V;
  constructor(v: V) {
    this.v = v;
  }
}

// ---------------------------------------------------------------- interpreter

const reCache = new Map<string, RegExp>();

/** An awk ERE (mawk: no interval expressions) as a JavaScript RegExp. */
export function awkRegex(src: string): RegExp {
  const hit = reCache.get(src);
  if (hit) return hit;
  let pre = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\' && i + 1 < src.length) {
      const e = src[i + 1];
      const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', '/': '/', '"': '"' };
      if (map[e] !== undefined) {
        pre += /[\\^$.*+?()[\]{}|/]/.test(map[e]) ? '\\' + map[e] : map[e];
        i++;
        continue;
      }
      pre += c + e;
      i++;
      continue;
    }
    if (c === '{' || c === '}') {
      pre += '\\' + c;
      continue;
    }
    pre += c;
  }
  let re: RegExp;
  try {
    re = safeRegExp(toJsRegex(pre, 'ERE').replace(/\\\\\{/g, '\\{'), '', { longest: true });
  } catch {
    throw new AwkRuntimeError(`regular expression compile failed (missing operand)\n${src}`);
  }
  if (reCache.size > 500) reCache.clear();
  reCache.set(src, re);
  return re;
}

interface Input {
  next(): Promise<string | undefined>;
}

class Interp {
  p: Process;
  prog: Program;
  globals = new Map<string, V | AwkArray>();
  fields: string[] = [''];
  nf = 0;
  fieldsValid = true;
  record = '';
  steps = 0;
  out = '';
  files = new Map<string, string>();
  rangeActive: boolean[] = [];
  input?: Input;
  locals: Map<string, V | AwkArray>[] = [];
  randSeed = 0;
  prevSeed = 0;

  constructor(p: Process, prog: Program) {
    this.p = p;
    this.prog = prog;
    for (const [k, v] of Object.entries({ FS: ' ', OFS: ' ', ORS: '\n', RS: '\n', NR: 0, NF: 0, FNR: 0, SUBSEP: '\x1c', CONVFMT: '%.6g', OFMT: '%.6g', RSTART: 0, RLENGTH: -1, FILENAME: '' })) this.globals.set(k, v);
    const env = new AwkArray();
    for (const [k, v] of Object.entries(p.env)) env.set(k, strnum(v), '%.6g');
    this.globals.set('ENVIRON', env);
  }

  tick(): void {
    if (++this.steps > 20_000_000) throw new AwkRuntimeError('program exceeded its step budget');
  }

  flush(): void {
    if (this.out) {
      this.p.stdout.write(this.out);
      this.out = '';
    }
  }

  write(s: string): void {
    this.out += s;
    if (this.out.length > 8192) this.flush();
  }

  scalar(name: string): V {
    for (let i = this.locals.length - 1; i >= 0 && i === this.locals.length - 1; i--) {
      const l = this.locals[i];
      if (l.has(name)) {
        const v = l.get(name)!;
        if (v instanceof AwkArray) throw new AwkRuntimeError(`can't use array ${name} in scalar context`);
        return v;
      }
    }
    if (name === 'NF') {
      this.splitIfNeeded();
      return this.nf;
    }
    const v = this.globals.get(name);
    if (v === undefined) return UNINIT;
    if (v instanceof AwkArray) throw new AwkRuntimeError(`can't use array ${name} in scalar context`);
    return v;
  }

  setScalar(name: string, v: V): void {
    const l = this.locals[this.locals.length - 1];
    if (l && l.has(name)) {
      l.set(name, v);
      return;
    }
    if (name === 'NF') {
      this.splitIfNeeded();
      const n = Math.max(0, Math.trunc(toNum(v)));
      while (this.fields.length <= n) this.fields.push('');
      this.fields.length = n + 1;
      this.nf = n;
      this.rebuild();
      return;
    }
    this.globals.set(name, v);
  }

  array(name: string): AwkArray {
    const l = this.locals[this.locals.length - 1];
    if (l && l.has(name)) {
      let a = l.get(name)!;
      if (!(a instanceof AwkArray)) {
        if (a !== UNINIT) throw new AwkRuntimeError(`can't use scalar ${name} as array`);
        a = new AwkArray();
        l.set(name, a);
      }
      return a;
    }
    let a = this.globals.get(name);
    if (a === undefined) {
      a = new AwkArray();
      this.globals.set(name, a);
    }
    if (!(a instanceof AwkArray)) throw new AwkRuntimeError(`can't use scalar ${name} as array`);
    return a;
  }

  get convfmt(): string {
    return toStrC(this.scalar('CONVFMT'), '%.6g');
  }

  str(v: V): string {
    return typeof v === 'number' ? numToStr(v, this.convfmt) : typeof v === 'string' ? v : v.s;
  }

  outStr(v: V): string {
    return typeof v === 'number' ? numToStr(v, toStrC(this.scalar('OFMT'), '%.6g')) : typeof v === 'string' ? v : v.s;
  }

  // fields
  setRecord(s: string): void {
    this.record = s;
    this.fieldsValid = false;
  }

  splitIfNeeded(): void {
    if (this.fieldsValid) return;
    this.fieldsValid = true;
    const parts = this.splitWith(this.record, this.scalar('FS'));
    this.fields = [this.record, ...parts];
    this.nf = parts.length;
  }

  splitWith(s: string, fsV: V): string[] {
    const fs = this.str(fsV);
    if (fs === ' ') {
      const t = s.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
      return t === '' ? [] : t.split(/[ \t\n]+/);
    }
    if (s === '') return [];
    if (fs.length === 1 && fs !== '\\') return s.split(fs === '\t' ? '\t' : fs);
    const re = awkRegex(fs);
    const g = safeRegExp(re.source, 'g', { longest: true });
    const out: string[] = [];
    let last = 0;
    for (const m of s.matchAll(g)) {
      this.tick();
      if (m[0] === '') continue;
      out.push(s.slice(last, m.index));
      last = m.index + m[0].length;
    }
    out.push(s.slice(last));
    return out;
  }

  getField(i: number): V {
    if (i < 0) throw new AwkRuntimeError(`negative field index $${i}`);
    if (i === 0) return strnum(this.record);
    this.splitIfNeeded();
    return i <= this.nf ? strnum(this.fields[i]) : UNINIT;
  }

  setField(i: number, v: string): void {
    if (i < 0) throw new AwkRuntimeError(`negative field index $${i}`);
    if (i === 0) {
      this.setRecord(v);
      return;
    }
    this.splitIfNeeded();
    while (this.fields.length <= i) this.fields.push('');
    this.fields[i] = v;
    if (i > this.nf) this.nf = i;
    this.rebuild();
  }

  rebuild(): void {
    const ofs = this.str(this.scalar('OFS'));
    this.record = this.fields.slice(1, this.nf + 1).join(ofs);
    this.fields[0] = this.record;
  }

  // evaluation
  truth(v: V): boolean {
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') return v !== '';
    if (v.uninit) return false;
    return v.n !== 0;
  }

  matchRe(e: Expr): RegExp {
    if (e.k === 're') return awkRegex(e.src);
    return awkRegex(this.str(this.eval(e)));
  }

  compare(op: string, a: V, b: V): boolean {
    let c: number;
    if (isNumeric(a) && isNumeric(b)) {
      const x = toNum(a);
      const y = toNum(b);
      c = x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
    } else {
      const x = this.str(a);
      const y = this.str(b);
      c = x < y ? -1 : x > y ? 1 : 0;
    }
    switch (op) {
      case '<':
        return c < 0;
      case '<=':
        return c <= 0;
      case '>':
        return c > 0;
      case '>=':
        return c >= 0;
      case '==':
        return c === 0;
      default:
        return c !== 0;
    }
  }

  subKey(subs: Expr[]): V {
    if (subs.length === 1) return this.eval(subs[0]);
    return subs.map((s) => this.str(this.eval(s))).join(this.str(this.scalar('SUBSEP')));
  }

  assignTo(t: Expr, v: V): V {
    if (typeof v !== 'number' && typeof v !== 'string') v = v.uninit ? UNINIT : { s: v.s, n: v.n };
    if (t.k === 'var') this.setScalar(t.name, v);
    else if (t.k === 'field') this.setField(Math.trunc(toNum(this.eval(t.e))), this.str(v));
    else if (t.k === 'idx') this.array(t.name).set(this.subKey(t.subs), v, this.convfmt);
    else if (t.k === 'group') return this.assignTo(t.e, v);
    return v;
  }

  arith(op: string, x: number, y: number): number {
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        return x / y;
      case '%':
        return x % y;
      default:
        return Math.pow(x, y);
    }
  }

  eval(e: Expr): V {
    this.tick();
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're':
        return awkRegex(e.src).test(this.record) ? 1 : 0;
      case 'group':
        return this.eval(e.e);
      case 'var':
        return this.scalar(e.name);
      case 'field':
        return this.getField(Math.trunc(toNum(this.eval(e.e))));
      case 'idx':
        return this.array(e.name).get(this.subKey(e.subs), this.convfmt);
      case 'in':
        return this.array(e.name).has(this.subKey(e.subs), this.convfmt) ? 1 : 0;
      case 'assign': {
        if (e.op === '=') return this.assignTo(e.target, this.eval(e.e));
        const r = toNum(this.eval(e.e));
        const l = toNum(this.eval(e.target));
        return this.assignTo(e.target, this.arith(e.op[0], l, r));
      }
      case 'cond':
        return this.truth(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case 'and':
        return this.truth(this.eval(e.a)) && this.truth(this.eval(e.b)) ? 1 : 0;
      case 'or':
        return this.truth(this.eval(e.a)) || this.truth(this.eval(e.b)) ? 1 : 0;
      case 'match': {
        const s = this.str(this.eval(e.a));
        return this.matchRe(e.re).test(s) !== e.neg ? 1 : 0;
      }
      case 'bin': {
        if (['<', '<=', '>', '>=', '==', '!='].includes(e.op)) return this.compare(e.op, this.eval(e.a), this.eval(e.b)) ? 1 : 0;
        const a = toNum(this.eval(e.a));
        return this.arith(e.op, a, toNum(this.eval(e.b)));
      }
      case 'cat': {
        const a = this.str(this.eval(e.a));
        return a + this.str(this.eval(e.b));
      }
      case 'un': {
        const v = this.eval(e.e);
        if (e.op === '!') return this.truth(v) ? 0 : 1;
        return e.op === '-' ? -toNum(v) : toNum(v);
      }
      case 'incdec': {
        const old = toNum(this.eval(e.target));
        const nv = e.op === '++' ? old + 1 : old - 1;
        this.assignTo(e.target, nv);
        return e.pre ? nv : old;
      }
      case 'call':
        return this.callUser(e.name, e.args);
      case 'builtin':
        return this.builtin(e.name, e.args);
      case 'getline':
        throw new AwkRuntimeError('getline is not supported here');
    }
  }

  callUser(name: string, args: Expr[]): V {
    const f = this.prog.funcs.get(name)!;
    if (args.length > f.params.length) throw new AwkRuntimeError(`too many arguments in call to ${name}`);
    if (this.locals.length > 200) throw new AwkRuntimeError('function call nesting too deep');
    const frame = new Map<string, V | AwkArray>();
    f.params.forEach((pn, i) => {
      const a = args[i];
      if (!a) frame.set(pn, UNINIT);
      else if (a.k === 'var' && this.isArrayName(a.name)) frame.set(pn, this.array(a.name));
      else frame.set(pn, this.eval(a));
    });
    this.locals.push(frame);
    try {
      this.execBlock(f.body);
      return UNINIT;
    } catch (x) {
      if (x instanceof ReturnSignal) return x.v;
      throw x;
    } finally {
      this.locals.pop();
    }
  }

  isArrayName(name: string): boolean {
    const l = this.locals[this.locals.length - 1];
    if (l && l.has(name)) return l.get(name) instanceof AwkArray;
    if (this.globals.get(name) instanceof AwkArray) return true;
    // Used as an array anywhere in the program?
    return this.arrayNames().has(name);
  }

  private _arrayNames?: Set<string>;
  arrayNames(): Set<string> {
    if (this._arrayNames) return this._arrayNames;
    const s = new Set<string>();
    const walk = (x: unknown): void => {
      if (!x || typeof x !== 'object') return;
      const o = x as { k?: string; name?: string; arr?: string };
      if ((o.k === 'idx' || o.k === 'in' || o.k === 'delete') && o.name) s.add(o.name);
      if (o.k === 'forin' && o.arr) s.add(o.arr);
      for (const v of Object.values(x)) if (Array.isArray(v)) v.forEach(walk);
      else walk(v);
    };
    walk(this.prog.rules);
    walk([...this.prog.funcs.values()]);
    this._arrayNames = s;
    return s;
  }

  subst(args: Expr[], global: boolean): V {
    const re = this.matchRe(args[0]);
    const repl = this.str(this.eval(args[1]));
    const target: Expr = args[2] ?? { k: 'field', e: { k: 'num', v: 0 } };
    const s = this.str(this.eval(target));
    let out = '';
    let count = 0;
    let i = 0;
    const g = safeRegExp(re.source, 'g', { longest: true });
    let lastEmptyAt = -1;
    while (i <= s.length) {
      this.tick();
      g.lastIndex = i;
      const m = g.exec(s);
      if (!m) break;
      if (m[0] === '' && m.index === lastEmptyAt) {
        if (m.index < s.length) out += s[m.index];
        i = m.index + 1;
        continue;
      }
      out += s.slice(i, m.index);
      out += repl.replace(/\\\\|\\&|&/g, (t) => (t === '&' ? m[0] : t === '\\&' ? '&' : '\\'));
      count++;
      if (m[0] === '') {
        if (m.index < s.length) out += s[m.index];
        i = m.index + 1;
      } else {
        i = m.index + m[0].length;
        lastEmptyAt = i;
      }
      if (!global) break;
    }
    if (i <= s.length) out += s.slice(i);
    if (count) this.assignTo(target, out);
    return count;
  }

  builtin(name: string, args: Expr[]): V {
    const n = (i: number): number => toNum(this.eval(args[i]));
    const s = (i: number): string => this.str(this.eval(args[i]));
    switch (name) {
      case 'length':
        if (args.length === 0) return [...this.record].length;
        if (args[0].k === 'var' && this.isArrayName(args[0].name)) return this.array(args[0].name).size;
        return [...s(0)].length;
      case 'substr': {
        const str = s(0);
        let b = Math.trunc(n(1));
        if (Number.isNaN(b)) b = 1;
        let l = args.length > 2 ? Math.trunc(n(2)) : Infinity;
        if (Number.isNaN(l)) l = 0;
        if (b < 1) {
          l -= b;
          b = 1;
        }
        if (l <= 0 || b > str.length) return '';
        return str.slice(b - 1, Math.min(str.length, b - 1 + l));
      }
      case 'index': {
        const a = s(0);
        const b = s(1);
        return b === '' ? 1 : a.indexOf(b) + 1;
      }
      case 'split': {
        const str = s(0);
        if (args[1].k !== 'var') throw new AwkRuntimeError('split: second argument must be an array');
        const arr = this.array(args[1].name);
        let parts: string[];
        if (args.length > 2) {
          const sepE = args[2];
          if (sepE.k === 're') {
            const g = safeRegExp(awkRegex(sepE.src).source, 'g', { longest: true });
            parts = [];
            if (str !== '') {
              let last = 0;
              for (const m of str.matchAll(g)) {
                if (m[0] === '') continue;
                parts.push(str.slice(last, m.index));
                last = m.index + m[0].length;
              }
              parts.push(str.slice(last));
            }
          } else parts = this.splitWith(str, this.eval(sepE));
        } else parts = this.splitWith(str, this.scalar('FS'));
        arr.setSplit(parts.map(strnum));
        return parts.length;
      }
      case 'sub':
      case 'gsub':
        return this.subst(args, name === 'gsub');
      case 'match': {
        const str = s(0);
        const m = this.matchRe(args[1]).exec(str);
        const start = m ? m.index + 1 : 0;
        this.globals.set('RSTART', start);
        this.globals.set('RLENGTH', m ? m[0].length : -1);
        return start;
      }
      case 'sprintf': {
        if (!args.length) return '';
        const vals = args.map((a) => this.eval(a));
        return sprintf(this.str(vals[0]), vals.slice(1), (v) => this.str(v));
      }
      case 'tolower':
        return s(0).toLowerCase();
      case 'toupper':
        return s(0).toUpperCase();
      case 'int':
        return Math.trunc(n(0));
      case 'sqrt':
        return Math.sqrt(n(0));
      case 'exp':
        return Math.exp(n(0));
      case 'log':
        return Math.log(n(0));
      case 'sin':
        return Math.sin(n(0));
      case 'cos':
        return Math.cos(n(0));
      case 'atan2':
        return Math.atan2(n(0), n(1));
      case 'rand': {
        this.randSeed = (Math.imul(this.randSeed, 1103515245) + 12345) >>> 0;
        return this.randSeed / 4294967296;
      }
      case 'srand': {
        const prev = this.prevSeed;
        this.prevSeed = args.length ? n(0) : 0;
        this.randSeed = this.prevSeed >>> 0;
        return prev;
      }
      case 'system':
        this.flush();
        return 0;
      case 'close':
      case 'fflush':
        this.flush();
        return 0;
    }
    throw new AwkRuntimeError(`unknown builtin ${name}`);
  }

  // statements
  execBlock(body: Stmt[]): void {
    for (const st of body) this.exec(st);
  }

  exec(st: Stmt): void {
    this.tick();
    switch (st.k) {
      case 'expr':
        this.eval(st.e);
        return;
      case 'print': {
        let text: string;
        if (st.printf) {
          const vals = st.args.map((a) => this.eval(a));
          try {
            text = sprintf(this.str(vals[0]), vals.slice(1), (v) => this.str(v));
          } catch (e) {
            if (e instanceof AwkRuntimeError) throw new AwkRuntimeError(e.message.replace('sprintf(', 'printf('));
            throw e;
          }
        } else {
          const vals = st.args.length ? st.args.map((a) => this.outStr(this.eval(a))) : [this.record];
          text = vals.join(this.str(this.scalar('OFS'))) + this.str(this.scalar('ORS'));
        }
        if (!st.redir) this.write(text);
        else this.redirect(st.redir.op, this.str(this.eval(st.redir.e)), text);
        return;
      }
      case 'if':
        if (this.truth(this.eval(st.c))) this.exec(st.a);
        else if (st.b) this.exec(st.b);
        return;
      case 'while':
        while (this.truth(this.eval(st.c))) {
          try {
            this.exec(st.body);
          } catch (x) {
            if (x instanceof BreakSignal) break;
            if (!(x instanceof ContinueSignal)) throw x;
          }
        }
        return;
      case 'do':
        do {
          try {
            this.exec(st.body);
          } catch (x) {
            if (x instanceof BreakSignal) break;
            if (!(x instanceof ContinueSignal)) throw x;
          }
        } while (this.truth(this.eval(st.c)));
        return;
      case 'for':
        if (st.init) this.exec(st.init);
        while (!st.c || this.truth(this.eval(st.c))) {
          try {
            this.exec(st.body);
          } catch (x) {
            if (x instanceof BreakSignal) break;
            if (!(x instanceof ContinueSignal)) throw x;
          }
          if (st.step) this.exec(st.step);
        }
        return;
      case 'forin': {
        const arr = this.array(st.arr);
        for (const k of arr.keys()) {
          this.assignTo(st.v, k);
          try {
            this.exec(st.body);
          } catch (x) {
            if (x instanceof BreakSignal) break;
            if (!(x instanceof ContinueSignal)) throw x;
          }
        }
        return;
      }
      case 'block':
        this.execBlock(st.body);
        return;
      case 'next':
        throw new NextSignal();
      case 'nextfile':
        throw new NextFileSignal();
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'exit':
        throw new ExitSignal(st.e ? Math.trunc(toNum(this.eval(st.e))) & 0xff : -1);
      case 'return':
        throw new ReturnSignal(st.e ? this.eval(st.e) : UNINIT);
      case 'delete':
        if (st.subs) this.array(st.name).delete(this.subKey(st.subs), this.convfmt);
        else this.array(st.name).clear();
        return;
      case 'getline':
        return;
    }
  }

  redirect(op: string, target: string, text: string): void {
    if (target === '/dev/stdout' || target === '-') {
      this.write(text);
      return;
    }
    if (target === '/dev/stderr') {
      this.flush();
      this.p.stderr.write(text);
      return;
    }
    if (op === '|') {
      this.flush();
      this.p.stdout.write(text);
      return;
    }
    const vfs = hostOf(this.p).vfs;
    const prev = this.files.get(target);
    const content = prev !== undefined ? prev + text : op === '>>' ? (vfs.tryLookup(target, this.p.vfsCtx()) ? vfs.readFile(target, this.p.vfsCtx()) : '') + text : text;
    this.files.set(target, content);
    try {
      vfs.writeFile(target, content, this.p.vfsCtx());
    } catch (e) {
      throw new AwkRuntimeError(`cannot open "${target}" for output`);
      void e;
    }
  }
}

/** Run mawk; returns the exit status. */
export async function awkMain(p: Process): Promise<number> {
  const prog0 = p.argv[0].slice(p.argv[0].lastIndexOf('/') + 1) || 'awk';
  const args = p.argv.slice(1);
  const assigns: [string, string][] = [];
  let fs: string | undefined;
  let src: string | undefined;
  const progFiles: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const opt = a[1];
    const val = (): string | undefined => (a.length > 2 ? a.slice(2) : args[++i]);
    if (opt === 'F') {
      const v = val();
      if (v === undefined) return usage(p, prog0, `option requires an argument -- F`);
      fs = v;
    } else if (opt === 'v') {
      const v = val();
      if (v === undefined) return usage(p, prog0, `option requires an argument -- v`);
      const eq = v.indexOf('=');
      if (eq < 1) {
        p.stderr.write(`${prog0}: improper assignment: -v ${v}\n`);
        return 2;
      }
      assigns.push([v.slice(0, eq), v.slice(eq + 1)]);
    } else if (opt === 'f') {
      const v = val();
      if (v === undefined) return usage(p, prog0, `option requires an argument -- f`);
      progFiles.push(v);
    } else if (opt === 'W') {
      const v = val() ?? '';
      if (v.startsWith('v')) {
        p.stdout.write('mawk 1.3.4 20200120\nCopyright 2008-2019,2020, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\nrandom-funcs:       srandom/random\nregex-funcs:        internal\ncompiled limits:\nsprintf buffer      8192\nmaximum-integer     2147483647\n');
        return 0;
      }
    } else {
      p.stderr.write(`${prog0}: not an option: ${a}\n`);
      return 2;
    }
  }
  if (progFiles.length) {
    src = '';
    for (const f of progFiles) {
      try {
        src += (f === '-' ? '' : hostOf(p).vfs.readFile(f, p.vfsCtx())) + '\n';
      } catch (e) {
        p.stderr.write(`${prog0}: cannot open ${f} (${errMsg(e)})\n`);
        return 2;
      }
    }
  } else {
    src = args[i++];
    if (src === undefined) {
      p.stderr.write(`usage: ${prog0} [-F value] [-v var=value] [--] 'program text' [file ...]\nusage: ${prog0} [-F value] [-v var=value] [-f program-file] [--] [file ...]\n`);
      return 2;
    }
  }
  const operands = args.slice(i);
  let program: Program;
  try {
    program = parseProgram(src);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    p.stderr.write(`${prog0}: line ${e.line}: ${e.message.replace(/\0/g, `${prog0}: `)}\n`);
    return 2;
  }
  const it = new Interp(p, program);
  const unesc = (s: string): string => {
    let o = '';
    for (let k = 0; k < s.length; k++) {
      if (s[k] === '\\') {
        const r = escape(s, k + 1);
        o += r[0];
        k = r[1] - 1;
      } else o += s[k];
    }
    return o;
  };
  if (fs !== undefined) it.globals.set('FS', unesc(fs === 't' ? '\t' : fs));
  for (const [k, v] of assigns) it.globals.set(k, strnum(unesc(v)));
  const argv = new AwkArray();
  argv.set(0, prog0, '%.6g');
  operands.forEach((o, k) => argv.set(k + 1, strnum(o), '%.6g'));
  it.globals.set('ARGV', argv);
  it.globals.set('ARGC', operands.length + 1);
  let exitCode = 0;
  const runtime = (e: AwkRuntimeError): number => {
    it.flush();
    const nr = toStrC(it.globals.get('NR') as V, '%.6g');
    const fnr = toStrC(it.globals.get('FNR') as V, '%.6g');
    p.stderr.write(`${prog0}: run time error: ${e.message}\n\tFILENAME="${toStrC(it.globals.get('FILENAME') as V, '%.6g')}" FNR=${fnr} NR=${nr}\n`);
    return 2;
  };
  const begins = program.rules.filter((r) => r.kind === 'begin');
  const ends = program.rules.filter((r) => r.kind === 'end');
  const mains = program.rules.filter((r) => r.kind === 'main');
  let exiting = false;
  try {
    for (const r of begins) it.execBlock(r.body!);
  } catch (x) {
    if (x instanceof ExitSignal) {
      exiting = true;
      if (x.code >= 0) exitCode = x.code;
    } else if (x instanceof AwkRuntimeError) return runtime(x);
      else if (x instanceof RegexBudgetError) return runtime(new AwkRuntimeError(x.message));
    else if (x instanceof NextSignal || x instanceof NextFileSignal) {
      p.stderr.write(`${prog0}: line 1: improper use of next\n`);
      return 2;
    } else throw x;
  }
  if (!exiting && (mains.length || ends.length)) {
    // Input: file operands (var=value assignments between them) or stdin.
    const sources: string[] = [];
    for (let k = 0; k < operands.length; k++) sources.push(operands[k]);
    let usedFile = false;
    const runFile = async (name: string, lines: AsyncIterable<string> | Iterable<string>): Promise<boolean> => {
      it.globals.set('FILENAME', name === '-' ? (usedFile ? '-' : '') : name);
      it.globals.set('FNR', 0);
      for await (const raw of lines) {
        if (p.pendingSignal) return false;
        const line = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
        it.globals.set('NR', toNum(it.globals.get('NR') as V) + 1);
        it.globals.set('FNR', toNum(it.globals.get('FNR') as V) + 1);
        it.setRecord(line);
        try {
          for (let ri = 0; ri < mains.length; ri++) {
            const r = mains[ri];
            let hit: boolean;
            if (r.range) {
              if (!it.rangeActive[ri]) {
                hit = it.truth(it.eval(r.pattern!));
                if (hit) it.rangeActive[ri] = !it.truth(it.eval(r.range));
              } else {
                hit = true;
                if (it.truth(it.eval(r.range))) it.rangeActive[ri] = false;
              }
            } else hit = !r.pattern || it.truth(it.eval(r.pattern));
            if (!hit) continue;
            if (r.body) it.execBlock(r.body);
            else it.write(it.record + it.str(it.scalar('ORS')));
          }
        } catch (x) {
          if (x instanceof NextSignal) continue;
          if (x instanceof NextFileSignal) break;
          throw x;
        }
        if (it.out.length > 0 && !p.stdout.isTTY) {
          // mawk block-buffers a pipe; flush at a line boundary now and then so pipelines stream.
          if (it.out.length > 4096) it.flush();
        } else it.flush();
      }
      return true;
    };
    try {
      let any = false;
      for (const s of sources) {
        const eq = /^[A-Za-z_][A-Za-z0-9_]*=/.exec(s);
        if (eq) {
          it.globals.set(s.slice(0, eq[0].length - 1), strnum(unesc(s.slice(eq[0].length))));
          continue;
        }
        if (s === '') continue;
        any = true;
        if (s === '-' || s === '/dev/stdin') {
          usedFile = true;
          if (!(await runFile(s, readLines(p)))) break;
          continue;
        }
        let text: string;
        try {
          text = hostOf(p).vfs.readFile(s, p.vfsCtx());
        } catch (e) {
          it.flush();
          p.stderr.write(`${prog0}: cannot open ${s} (${errMsg(e)})\n`);
          exitCode = 2;
          break;
        }
        const lines = text.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        if (!(await runFile(s, lines))) break;
      }
      if (!any && exitCode === 0) await runFile('-', readLines(p));
    } catch (x) {
      if (x instanceof ExitSignal) {
        if (x.code >= 0) exitCode = x.code;
      } else if (x instanceof AwkRuntimeError) return runtime(x);
      else if (x instanceof RegexBudgetError) return runtime(new AwkRuntimeError(x.message));
      else throw x;
    }
  }
  if (exitCode !== 2 || ends.length)
    try {
      for (const r of ends) it.execBlock(r.body!);
    } catch (x) {
      if (x instanceof ExitSignal) {
        if (x.code >= 0) exitCode = x.code;
      } else if (x instanceof AwkRuntimeError) return runtime(x);
      else if (x instanceof RegexBudgetError) return runtime(new AwkRuntimeError(x.message));
      else if (!(x instanceof NextSignal)) throw x;
    }
  it.flush();
  return exitCode;
}

function usage(p: Process, prog: string, msg: string): number {
  p.stderr.write(`${prog}: ${msg}\n`);
  return 2;
}

for (const name of ['awk', 'mawk']) {
  register({
    name,
    summary: 'pattern scanning and text processing language (mawk)',
    usage: `${name} [-F value] [-v var=value] [--] 'program text' [file ...]`,
    options: [
      { flag: '-F', arg: 'FS', desc: 'field separator (a character or an extended regular expression)' },
      { flag: '-v', arg: 'var=value', desc: 'assign a variable before the program starts' },
      { flag: '-f', arg: 'FILE', desc: 'read the program from FILE' },
    ],
    hidden: name === 'mawk',
    run: awkMain,
  });
}
