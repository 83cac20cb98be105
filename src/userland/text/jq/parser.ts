// jq's parser: tokens (lexer.ts) to a syntax tree (jq 1.6's grammar and its
// compile errors).

import { CompileError, type JVal } from './values.ts';
import { lex, type StrPart, type Tok } from './lexer.ts';
import { BUILTIN_ARITY } from './eval.ts';

export type Node =
  | { k: 'identity' }
  | { k: 'recurse' }
  | { k: 'lit'; v: JVal }
  | { k: 'str'; parts: (string | Node)[] }
  | { k: 'index'; target: Node; key: Node; opt: boolean }
  | { k: 'slice'; target: Node; from?: Node; to?: Node; opt: boolean }
  | { k: 'iter'; target: Node; opt: boolean }
  | { k: 'pipe'; l: Node; r: Node }
  | { k: 'comma'; l: Node; r: Node }
  | { k: 'bin'; op: string; l: Node; r: Node }
  | { k: 'neg'; e: Node }
  | { k: 'and' | 'or' | 'alt'; l: Node; r: Node }
  | { k: 'array'; e?: Node }
  | { k: 'object'; entries: { key: Node; value?: Node; varName?: string; at?: number }[] }
  | { k: 'call'; name: string; args: Node[]; at?: number }
  | { k: 'var'; name: string; at?: number }
  | { k: 'as'; src: Node; name: string; body: Node }
  | { k: 'if'; cond: Node; then: Node; elifs: [Node, Node][]; else?: Node }
  | { k: 'reduce'; src: Node; name: string; init: Node; upd: Node }
  | { k: 'assign'; op: string; l: Node; r: Node }
  | { k: 'try'; body: Node; catch?: Node }
  | { k: 'opt'; e: Node }
  | { k: 'def'; name: string; params: string[]; body: Node; rest: Node };

const KEYWORDS = new Set(['then', 'elif', 'else', 'end', 'as', 'and', 'or', 'def', 'reduce', 'foreach', 'try', 'catch', 'if', 'label', 'import', 'include', '__loc__']);
const ASSIGN_OPS = new Set(['=', '|=', '+=', '-=', '*=', '/=', '%=', '//=']);
const CMP_OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);
type ObjEntry = { key: Node; value?: Node; varName?: string; at?: number };

/** A recursive-descent parser over the tokens, one method per grammar level (lowest precedence first). */
class Parser {
  private readonly toks: Tok[];
  private pos = 0;

  constructor(toks: Tok[]) {
    this.toks = toks;
  }

  /** The whole filter: a pipe, then the end of the text. */
  filter(): Node {
    const e = this.pipe();
    if (this.peek().t !== 'eof') this.fail();
    return e;
  }

  // ---- tokens

  private peek(): Tok {
    return this.toks[this.pos];
  }

  private isOp(v: string): boolean {
    const t = this.toks[this.pos];
    return t.t === 'op' && t.v === v;
  }

  private isId(v: string): boolean {
    const t = this.toks[this.pos];
    return t.t === 'id' && t.v === v;
  }

  /** Consume the operator `v` if it comes next. */
  private eatOp(v: string): boolean {
    if (!this.isOp(v)) return false;
    this.pos++;
    return true;
  }

  private fail(): never {
    throw new CompileError('syntax');
  }

  private expectOp(v: string): void {
    if (!this.isOp(v)) this.fail();
    this.pos++;
  }

  private expectId(v: string): void {
    if (!this.isId(v)) this.fail();
    this.pos++;
  }

  /** A `$name` token: its name. */
  private varName(): string {
    const t = this.peek();
    if (t.t !== 'var') this.fail();
    this.pos++;
    return t.v;
  }

  // ---- binary levels

  /** pipe: lowest precedence, right associative; `def` and `as` bind here. */
  private pipe(): Node {
    if (this.isId('def')) return this.def();
    const l = this.comma();
    if (this.isId('as')) {
      this.pos++;
      const name = this.varName();
      this.expectOp('|');
      return { k: 'as', src: l, name, body: this.pipe() };
    }
    if (this.eatOp('|')) return { k: 'pipe', l, r: this.pipe() };
    return l;
  }

  /** `def name(params): body; rest` */
  private def(): Node {
    this.pos++;
    const nt = this.peek();
    if (nt.t !== 'id') this.fail();
    this.pos++;
    const params: string[] = [];
    if (this.eatOp('(')) {
      do {
        const pt = this.peek();
        if (pt.t === 'id') params.push(pt.v);
        else if (pt.t === 'var') params.push('$' + pt.v);
        else this.fail();
        this.pos++;
      } while (this.eatOp(';'));
      this.expectOp(')');
    }
    this.expectOp(':');
    const body = this.pipe();
    this.expectOp(';');
    const rest = this.pipe();
    return { k: 'def', name: nt.v, params, body, rest };
  }

  private comma(): Node {
    let l = this.alt();
    while (this.eatOp(',')) l = { k: 'comma', l, r: this.alt() };
    return l;
  }

  private alt(): Node {
    const l = this.assign();
    if (this.eatOp('//')) return { k: 'alt', l, r: this.alt() };
    return l;
  }

  private assign(): Node {
    const l = this.or();
    const t = this.peek();
    if (t.t === 'op' && ASSIGN_OPS.has(t.v)) {
      this.pos++;
      return { k: 'assign', op: t.v, l, r: this.alt() };
    }
    return l;
  }

  private or(): Node {
    let l = this.and();
    while (this.isId('or')) {
      this.pos++;
      l = { k: 'or', l, r: this.and() };
    }
    return l;
  }

  private and(): Node {
    let l = this.cmp();
    while (this.isId('and')) {
      this.pos++;
      l = { k: 'and', l, r: this.cmp() };
    }
    return l;
  }

  private cmp(): Node {
    const l = this.add();
    const t = this.peek();
    if (t.t === 'op' && CMP_OPS.has(t.v)) {
      this.pos++;
      return { k: 'bin', op: t.v, l, r: this.add() };
    }
    return l;
  }

  private add(): Node {
    let l = this.mul();
    for (let t = this.peek(); t.t === 'op' && (t.v === '+' || t.v === '-'); t = this.peek()) {
      this.pos++;
      l = { k: 'bin', op: t.v, l, r: this.mul() };
    }
    return l;
  }

  private mul(): Node {
    let l = this.unary();
    for (let t = this.peek(); t.t === 'op' && (t.v === '*' || t.v === '/' || t.v === '%'); t = this.peek()) {
      this.pos++;
      l = { k: 'bin', op: t.v, l, r: this.unary() };
    }
    return l;
  }

  private unary(): Node {
    if (this.eatOp('-')) return { k: 'neg', e: this.postfix() };
    return this.postfix();
  }

  // ---- postfix: .name, ."str", [..], ?

  private postfix(): Node {
    let e = this.primary();
    for (;;) {
      const t = this.peek();
      const next = this.toks[this.pos + 1];
      if (t.t === 'field') {
        this.pos++;
        e = { k: 'index', target: e, key: { k: 'lit', v: t.v }, opt: false };
      } else if (this.isOp('.') && next.t === 'str') {
        this.pos += 2;
        e = { k: 'index', target: e, key: strNode(next.parts), opt: false };
      } else if (this.isOp('[') || (this.isOp('.') && next.t === 'op' && next.v === '[')) {
        this.eatOp('.');
        e = this.bracketSuffix(e);
      } else if (this.eatOp('?')) e = markOpt(e);
      else return e;
    }
  }

  /** `[]`, `[i]`, `[from:to]` after `target`. */
  private bracketSuffix(target: Node): Node {
    this.expectOp('[');
    if (this.eatOp(']')) return { k: 'iter', target, opt: false };
    if (this.eatOp(':')) {
      const to = this.pipe();
      this.expectOp(']');
      return { k: 'slice', target, to, opt: false };
    }
    const key = this.pipe();
    if (this.eatOp(':')) {
      if (this.eatOp(']')) return { k: 'slice', target, from: key, opt: false };
      const to = this.pipe();
      this.expectOp(']');
      return { k: 'slice', target, from: key, to, opt: false };
    }
    this.expectOp(']');
    return { k: 'index', target, key, opt: false };
  }

  // ---- terms

  private primary(): Node {
    const t = this.peek();
    switch (t.t) {
      case 'num':
        this.pos++;
        return { k: 'lit', v: t.v };
      case 'str':
        this.pos++;
        return t.parts.length === 1 && typeof t.parts[0] === 'string' ? { k: 'lit', v: t.parts[0] } : strNode(t.parts);
      case 'field':
        this.pos++;
        return { k: 'index', target: { k: 'identity' }, key: { k: 'lit', v: t.v }, opt: false };
      case 'var':
        this.pos++;
        return { k: 'var', name: t.v, at: t.at };
      case 'op':
        return this.opTerm(t.v);
      case 'id':
        return this.idTerm(t.v);
    }
    return this.fail();
  }

  /** A term that starts with punctuation: `.`, `..`, `(...)`, `[...]`, `{...}`. */
  private opTerm(op: string): Node {
    this.pos++;
    switch (op) {
      case '.':
        return this.dot();
      case '..':
        return { k: 'recurse' };
      case '(': {
        const e = this.pipe();
        this.expectOp(')');
        return e;
      }
      case '[': {
        if (this.eatOp(']')) return { k: 'array' };
        const e = this.pipe();
        this.expectOp(']');
        return { k: 'array', e };
      }
      case '{':
        return this.object();
    }
    return this.fail();
  }

  /** After a lone `.`: `."str"`, `.[...]` or the identity. */
  private dot(): Node {
    const n = this.peek();
    if (n.t === 'str') {
      this.pos++;
      return { k: 'index', target: { k: 'identity' }, key: strNode(n.parts), opt: false };
    }
    if (n.t === 'op' && n.v === '[') return this.bracketSuffix({ k: 'identity' });
    return { k: 'identity' };
  }

  /** `{ entries }` after the `{`. */
  private object(): Node {
    const entries: ObjEntry[] = [];
    if (this.eatOp('}')) return { k: 'object', entries };
    do entries.push(this.objectEntry());
    while (this.eatOp(','));
    this.expectOp('}');
    return { k: 'object', entries };
  }

  /** `$v`, `name`, `"str"` or `(expr)`, then `: value` unless it was `$v`. */
  private objectEntry(): ObjEntry {
    const kt = this.peek();
    let key: Node;
    if (kt.t === 'var') {
      this.pos++;
      return { key: { k: 'lit', v: kt.v }, varName: kt.v, at: kt.at };
    }
    if (kt.t === 'id') {
      this.pos++;
      key = { k: 'lit', v: kt.v };
    } else if (kt.t === 'str') {
      this.pos++;
      key = strNode(kt.parts);
    } else if (this.eatOp('(')) {
      key = this.pipe();
      this.expectOp(')');
    } else return this.fail();
    return { key, value: this.eatOp(':') ? this.objVal() : undefined };
  }

  /** An object value: a term possibly followed by `|`-free operators (jq: ExpD) — accept alternatives up to ',' or '}'. */
  private objVal(): Node {
    let l = this.alt();
    while (this.eatOp('|')) l = { k: 'pipe', l, r: this.alt() };
    return l;
  }

  /** A term that starts with a name: `if`, `reduce`, `try`, or a function call. */
  private idTerm(name: string): Node {
    if (name === 'if') return this.ifTerm();
    if (name === 'reduce') return this.reduceTerm();
    if (name === 'try') return this.tryTerm();
    if (KEYWORDS.has(name)) this.fail();
    const at = this.peek().at;
    this.pos++;
    const args: Node[] = [];
    if (this.eatOp('(')) {
      do args.push(this.pipe());
      while (this.eatOp(';'));
      this.expectOp(')');
    }
    return { k: 'call', name, args, at };
  }

  /** `if c then a (elif c then a)* (else b)? end` */
  private ifTerm(): Node {
    this.pos++;
    const cond = this.pipe();
    this.expectId('then');
    const then = this.pipe();
    const elifs: [Node, Node][] = [];
    while (this.isId('elif')) {
      this.pos++;
      const c = this.pipe();
      this.expectId('then');
      elifs.push([c, this.pipe()]);
    }
    let els: Node | undefined;
    if (this.isId('else')) {
      this.pos++;
      els = this.pipe();
    }
    this.expectId('end');
    return { k: 'if', cond, then, elifs, else: els };
  }

  /** `reduce SRC as $x (INIT; UPDATE)` */
  private reduceTerm(): Node {
    this.pos++;
    const src = this.postfix();
    this.expectId('as');
    const name = this.varName();
    this.expectOp('(');
    const init = this.pipe();
    this.expectOp(';');
    const upd = this.pipe();
    this.expectOp(')');
    return { k: 'reduce', src, name, init, upd };
  }

  /** `try BODY (catch HANDLER)?` */
  private tryTerm(): Node {
    this.pos++;
    const body = this.postfix();
    if (this.isId('catch')) {
      this.pos++;
      return { k: 'try', body, catch: this.postfix() };
    }
    return { k: 'try', body };
  }
}

/** `?` after a term: optional indexing, or `try` around anything else. */
function markOpt(e: Node): Node {
  if (e.k === 'index' || e.k === 'iter' || e.k === 'slice') return { ...e, opt: true };
  return { k: 'try', body: e };
}

/** A string with interpolations: each `\(...)` parsed as a filter of its own. */
function strNode(parts: StrPart[]): Node {
  return { k: 'str', parts: parts.map((p) => (typeof p === 'string' ? p : parse(p.src, p.at))) };
}

/** A filter's syntax tree; `base` is where `src` starts in the whole program (interpolations). */
export function parse(src: string, base = 0): Node {
  return new Parser(lex(src, base)).filter();
}

// ---------------------------------------------------------------- compile errors

/** The token jq's bison parser would complain about (approximation: $end for truncated input). */
export function unexpected(src: string): string {
  const t = src.trim();
  if (/[[(|,{:.+\-*/=<>]$/.test(t) || /\b(if|then|else|elif|and|or)$/.test(t)) return '$end';
  const m = /[\])}]/.exec(t);
  if (m) return `'${m[0]}'`;
  return '$end';
}

/** First call of an unknown function (jq reports these at compile time). */
export function undefinedCall(n: Node, defined: Set<string>): Undefined | undefined {
  const visit = (x: Node | undefined, d: Set<string>): Undefined | undefined => (x ? undefinedCall(x, d) : undefined);
  switch (n.k) {
    case 'call': {
      const key = `${n.name}/${n.args.length}`;
      if (!defined.has(key) && !BUILTIN_ARITY[n.name]?.includes(n.args.length) && !n.name.startsWith('@')) return { name: key, at: n.at ?? 0 };
      for (const a of n.args) {
        const r = visit(a, defined);
        if (r) return r;
      }
      return undefined;
    }
    case 'def': {
      const d = new Set(defined);
      d.add(`${n.name}/${n.params.length}`);
      const inner = new Set(d);
      for (const pn of n.params) inner.add(`${pn.replace(/^\$/, '')}/0`);
      return visit(n.body, inner) ?? visit(n.rest, d);
    }
    default:
      for (const c of children(n)) {
        const r = visit(c, defined);
        if (r) return r;
      }
      return undefined;
  }
}

/** Something used but not defined, and where (jq pads the program text to it in the message). */
export interface Undefined {
  name: string;
  at: number;
}

/** Variables used where nothing binds them (`$x` without `as $x`, a `def f($x)` or --arg), in order. */
export function* undefinedVars(n: Node, bound: ReadonlySet<string>): Generator<Undefined> {
  const under = (x: Node | undefined, extra: string[]): Generator<Undefined> => (x ? undefinedVars(x, extra.length ? new Set([...bound, ...extra]) : bound) : (function* () {})());
  switch (n.k) {
    case 'var':
      if (!bound.has(n.name)) yield { name: `$${n.name}`, at: n.at ?? 0 };
      return;
    case 'as':
      yield* under(n.src, []);
      yield* under(n.body, [n.name]);
      return;
    case 'reduce':
      yield* under(n.src, []);
      yield* under(n.init, []);
      yield* under(n.upd, [n.name]);
      return;
    case 'def':
      yield* under(n.body, n.params.filter((x) => x.startsWith('$')).map((x) => x.slice(1)));
      yield* under(n.rest, []);
      return;
    case 'object':
      for (const e of n.entries) {
        if (e.varName !== undefined && !bound.has(e.varName)) yield { name: `$${e.varName}`, at: e.at ?? 0 };
        yield* under(e.key, []);
        yield* under(e.value, []);
      }
      return;
    default:
      for (const c of children(n)) yield* undefinedVars(c, bound);
  }
}

/** A node's sub-filters in field order: operands, arguments, `elif` pairs, object keys and values. */
function children(n: Node): Node[] {
  const out: Node[] = [];
  const add = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(add);
    else if (x && typeof x === 'object') {
      if ('k' in x) out.push(x as Node);
      else Object.values(x).forEach(add);
    }
  };
  Object.values(n).forEach(add);
  return out;
}
