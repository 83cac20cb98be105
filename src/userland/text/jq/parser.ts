// jq's lexer and parser: filter text to a syntax tree (jq 1.6's grammar and
// its compile errors).

import { CompileError, type JVal } from './values.ts';
import { BUILTIN_ARITY } from './eval.ts';

export type Tok = { t: 'num'; v: number } | { t: 'str'; parts: (string | Node)[] } | { t: 'id'; v: string } | { t: 'field'; v: string } | { t: 'var'; v: string } | { t: 'op'; v: string } | { t: 'eof' };

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
  | { k: 'object'; entries: { key: Node; value?: Node; varName?: string }[] }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'var'; name: string }
  | { k: 'as'; src: Node; name: string; body: Node }
  | { k: 'if'; cond: Node; then: Node; elifs: [Node, Node][]; else?: Node }
  | { k: 'reduce'; src: Node; name: string; init: Node; upd: Node }
  | { k: 'assign'; op: string; l: Node; r: Node }
  | { k: 'try'; body: Node; catch?: Node }
  | { k: 'opt'; e: Node }
  | { k: 'def'; name: string; params: string[]; body: Node; rest: Node };

export function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const syntax = (): never => {
    throw new CompileError('syntax');
  };
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '"') {
      i++;
      const parts: (string | Node)[] = [];
      let cur = '';
      for (;;) {
        if (i >= src.length) syntax();
        const ch = src[i++];
        if (ch === '"') break;
        if (ch === '\\') {
          const e = src[i++];
          if (e === '(') {
            let depth = 1;
            const start = i;
            while (i < src.length && depth > 0) {
              if (src[i] === '(') depth++;
              else if (src[i] === ')') depth--;
              i++;
            }
            if (depth) syntax();
            if (cur) parts.push(cur);
            cur = '';
            parts.push(parse(src.slice(start, i - 1)));
            continue;
          }
          const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"' };
          if (e === 'u') {
            cur += String.fromCharCode(parseInt(src.slice(i, i + 4), 16) || 0);
            i += 4;
          } else if (map[e] !== undefined) cur += map[e];
          else syntax();
        } else cur += ch;
      }
      if (cur || parts.length === 0) parts.push(cur);
      out.push({ t: 'str', parts });
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
    if (num && !(c === '.' && !/\d/.test(src[i + 1] ?? ''))) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^@?[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    if (c === '$') {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(i));
      if (!m) syntax();
      out.push({ t: 'var', v: m![1] });
      i += m![0].length;
      continue;
    }
    if (c === '.') {
      const m = /^\.([A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(i));
      if (m) {
        out.push({ t: 'field', v: m[1] });
        i += m[0].length;
        continue;
      }
      if (src[i + 1] === '.') {
        out.push({ t: 'op', v: '..' });
        i += 2;
        continue;
      }
    }
    const ops = ['?//', '|=', '+=', '-=', '*=', '/=', '%=', '//=', '==', '!=', '<=', '>=', '//', '|', ',', '+', '-', '*', '/', '%', '<', '>', '=', '(', ')', '[', ']', '{', '}', ':', ';', '.', '?'];
    const op = ops.find((o) => src.startsWith(o, i));
    if (!op) syntax();
    out.push({ t: 'op', v: op! });
    i += op!.length;
  }
  out.push({ t: 'eof' });
  return out;
}

export function parse(src: string): Node {
  const toks = lex(src);
  let pos = 0;
  const peek = (): Tok => toks[pos];
  const isOp = (v: string): boolean => {
    const t = toks[pos];
    return t.t === 'op' && t.v === v;
  };
  const isId = (v: string): boolean => {
    const t = toks[pos];
    return t.t === 'id' && t.v === v;
  };
  const fail = (): never => {
    throw new CompileError('syntax');
  };
  const expectOp = (v: string): void => {
    if (!isOp(v)) fail();
    pos++;
  };
  const expectId = (v: string): void => {
    if (!isId(v)) fail();
    pos++;
  };
  const KEYWORDS = new Set(['then', 'elif', 'else', 'end', 'as', 'and', 'or', 'def', 'reduce', 'foreach', 'try', 'catch', 'if', 'label', 'import', 'include', '__loc__']);

  // pipe: lowest precedence, right associative; `def` and `as` bind here.
  const pipe = (): Node => {
    if (isId('def')) {
      pos++;
      const nt = peek();
      if (nt.t !== 'id') fail();
      pos++;
      const params: string[] = [];
      if (isOp('(')) {
        pos++;
        for (;;) {
          const pt = peek();
          if (pt.t === 'id') params.push(pt.v);
          else if (pt.t === 'var') params.push('$' + pt.v);
          else fail();
          pos++;
          if (isOp(';')) {
            pos++;
            continue;
          }
          expectOp(')');
          break;
        }
      }
      expectOp(':');
      const body = pipe();
      expectOp(';');
      const rest = pipe();
      return { k: 'def', name: (nt as { v: string }).v, params, body, rest };
    }
    const l = comma();
    if (isId('as')) {
      pos++;
      const vt = peek();
      if (vt.t !== 'var') fail();
      pos++;
      expectOp('|');
      return { k: 'as', src: l, name: (vt as { v: string }).v, body: pipe() };
    }
    if (isOp('|')) {
      pos++;
      return { k: 'pipe', l, r: pipe() };
    }
    return l;
  };
  const comma = (): Node => {
    let l = alt();
    while (isOp(',')) {
      pos++;
      l = { k: 'comma', l, r: alt() };
    }
    return l;
  };
  const alt = (): Node => {
    const l = assign();
    if (isOp('//')) {
      pos++;
      return { k: 'alt', l, r: alt() };
    }
    return l;
  };
  const assign = (): Node => {
    const l = or();
    const t = peek();
    if (t.t === 'op' && ['=', '|=', '+=', '-=', '*=', '/=', '%=', '//='].includes(t.v)) {
      pos++;
      return { k: 'assign', op: t.v, l, r: alt() };
    }
    return l;
  };
  const or = (): Node => {
    let l = and();
    while (isId('or')) {
      pos++;
      l = { k: 'or', l, r: and() };
    }
    return l;
  };
  const and = (): Node => {
    let l = cmp();
    while (isId('and')) {
      pos++;
      l = { k: 'and', l, r: cmp() };
    }
    return l;
  };
  const cmp = (): Node => {
    const l = add();
    const t = peek();
    if (t.t === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.v)) {
      pos++;
      return { k: 'bin', op: t.v, l, r: add() };
    }
    return l;
  };
  const add = (): Node => {
    let l = mul();
    for (;;) {
      const t = peek();
      if (t.t === 'op' && (t.v === '+' || t.v === '-')) {
        pos++;
        l = { k: 'bin', op: t.v, l, r: mul() };
      } else return l;
    }
  };
  const mul = (): Node => {
    let l = unary();
    for (;;) {
      const t = peek();
      if (t.t === 'op' && (t.v === '*' || t.v === '/' || t.v === '%')) {
        pos++;
        l = { k: 'bin', op: t.v, l, r: unary() };
      } else return l;
    }
  };
  const unary = (): Node => {
    if (isOp('-')) {
      pos++;
      return { k: 'neg', e: postfix() };
    }
    return postfix();
  };
  const postfix = (): Node => {
    let e = primary();
    for (;;) {
      const t = peek();
      if (t.t === 'field') {
        pos++;
        e = { k: 'index', target: e, key: { k: 'lit', v: t.v }, opt: false };
      } else if (t.t === 'op' && t.v === '.' && toks[pos + 1].t === 'str') {
        pos++;
        const st = toks[pos++] as { t: 'str'; parts: (string | Node)[] };
        e = { k: 'index', target: e, key: { k: 'str', parts: st.parts }, opt: false };
      } else if (isOp('[') || (isOp('.') && toks[pos + 1].t === 'op' && (toks[pos + 1] as { v: string }).v === '[')) {
        if (isOp('.')) pos++;
        e = bracketSuffix(e);
      } else if (isOp('?')) {
        pos++;
        e = markOpt(e);
      } else return e;
    }
  };
  const markOpt = (e: Node): Node => {
    if (e.k === 'index' || e.k === 'iter' || e.k === 'slice') return { ...e, opt: true };
    return { k: 'try', body: e };
  };
  const bracketSuffix = (target: Node): Node => {
    expectOp('[');
    if (isOp(']')) {
      pos++;
      return { k: 'iter', target, opt: false };
    }
    if (isOp(':')) {
      pos++;
      const to = pipe();
      expectOp(']');
      return { k: 'slice', target, to, opt: false };
    }
    const key = pipe();
    if (isOp(':')) {
      pos++;
      if (isOp(']')) {
        pos++;
        return { k: 'slice', target, from: key, opt: false };
      }
      const to = pipe();
      expectOp(']');
      return { k: 'slice', target, from: key, to, opt: false };
    }
    expectOp(']');
    return { k: 'index', target, key, opt: false };
  };
  const primary = (): Node => {
    const t = peek();
    if (t.t === 'num') {
      pos++;
      return { k: 'lit', v: t.v };
    }
    if (t.t === 'str') {
      pos++;
      return t.parts.length === 1 && typeof t.parts[0] === 'string' ? { k: 'lit', v: t.parts[0] } : { k: 'str', parts: t.parts };
    }
    if (t.t === 'field') {
      pos++;
      return { k: 'index', target: { k: 'identity' }, key: { k: 'lit', v: t.v }, opt: false };
    }
    if (t.t === 'var') {
      pos++;
      return { k: 'var', name: t.v };
    }
    if (t.t === 'op') {
      if (t.v === '.') {
        pos++;
        const n = peek();
        if (n.t === 'str') {
          pos++;
          return { k: 'index', target: { k: 'identity' }, key: { k: 'str', parts: n.parts }, opt: false };
        }
        if (n.t === 'op' && n.v === '[') return bracketSuffix({ k: 'identity' });
        return { k: 'identity' };
      }
      if (t.v === '..') {
        pos++;
        return { k: 'recurse' };
      }
      if (t.v === '(') {
        pos++;
        const e = pipe();
        expectOp(')');
        return e;
      }
      if (t.v === '[') {
        pos++;
        if (isOp(']')) {
          pos++;
          return { k: 'array' };
        }
        const e = pipe();
        expectOp(']');
        return { k: 'array', e };
      }
      if (t.v === '{') {
        pos++;
        const entries: { key: Node; value?: Node; varName?: string }[] = [];
        if (isOp('}')) {
          pos++;
          return { k: 'object', entries };
        }
        for (;;) {
          const kt = peek();
          let key: Node;
          if (kt.t === 'id') {
            pos++;
            key = { k: 'lit', v: kt.v };
          } else if (kt.t === 'var') {
            pos++;
            entries.push({ key: { k: 'lit', v: kt.v }, varName: kt.v });
            if (isOp(',')) {
              pos++;
              continue;
            }
            expectOp('}');
            return { k: 'object', entries };
          } else if (kt.t === 'str') {
            pos++;
            key = { k: 'str', parts: kt.parts };
          } else if (kt.t === 'num') {
            return fail();
          } else if (isOp('(')) {
            pos++;
            key = pipe();
            expectOp(')');
          } else return fail();
          let value: Node | undefined;
          if (isOp(':')) {
            pos++;
            value = objVal();
          }
          entries.push({ key, value });
          if (isOp(',')) {
            pos++;
            continue;
          }
          expectOp('}');
          return { k: 'object', entries };
        }
      }
    }
    if (t.t === 'id') {
      if (t.v === 'if') {
        pos++;
        const cond = pipe();
        expectId('then');
        const then = pipe();
        const elifs: [Node, Node][] = [];
        let els: Node | undefined;
        for (;;) {
          if (isId('elif')) {
            pos++;
            const c = pipe();
            expectId('then');
            elifs.push([c, pipe()]);
            continue;
          }
          if (isId('else')) {
            pos++;
            els = pipe();
          }
          expectId('end');
          break;
        }
        return { k: 'if', cond, then, elifs, else: els };
      }
      if (t.v === 'reduce') {
        pos++;
        const src = postfix();
        expectId('as');
        const vt = peek();
        if (vt.t !== 'var') fail();
        pos++;
        expectOp('(');
        const init = pipe();
        expectOp(';');
        const upd = pipe();
        expectOp(')');
        return { k: 'reduce', src, name: (vt as { v: string }).v, init, upd };
      }
      if (t.v === 'try') {
        pos++;
        const body = postfix();
        if (isId('catch')) {
          pos++;
          return { k: 'try', body, catch: postfix() };
        }
        return { k: 'try', body };
      }
      if (KEYWORDS.has(t.v)) fail();
      pos++;
      const args: Node[] = [];
      if (isOp('(')) {
        pos++;
        for (;;) {
          args.push(pipe());
          if (isOp(';')) {
            pos++;
            continue;
          }
          expectOp(')');
          break;
        }
      }
      return { k: 'call', name: t.v, args };
    }
    return fail();
  };
  // An object value: a term possibly followed by `|`-free operators (jq: ExpD) — accept alternatives up to ',' or '}'.
  const objVal = (): Node => {
    let l = alt();
    while (isOp('|')) {
      pos++;
      l = { k: 'pipe', l, r: alt() };
    }
    return l;
  };
  const e = pipe();
  if (peek().t !== 'eof') fail();
  return e;
}

// ---------------------------------------------------------------- evaluation

/** The token jq's bison parser would complain about (approximation: $end for truncated input). */
export function unexpected(src: string): string {
  const t = src.trim();
  if (/[[(|,{:.+\-*/=<>]$/.test(t) || /\b(if|then|else|elif|and|or)$/.test(t)) return '$end';
  const m = /[\])}]/.exec(t);
  if (m) return `'${m[0]}'`;
  return '$end';
}

/** First call of an unknown function (jq reports these at compile time). */
export function undefinedCall(n: Node, defined: Set<string>): string | undefined {
  const visit = (x: Node | undefined, d: Set<string>): string | undefined => (x ? undefinedCall(x, d) : undefined);
  switch (n.k) {
    case 'call': {
      const key = `${n.name}/${n.args.length}`;
      if (!defined.has(key) && !BUILTIN_ARITY[n.name]?.includes(n.args.length) && !n.name.startsWith('@')) return key;
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
      for (const v of Object.values(n)) {
        if (v && typeof v === 'object' && 'k' in v) {
          const r = visit(v as Node, defined);
          if (r) return r;
        }
        if (Array.isArray(v))
          for (const x of v) {
            if (x && typeof x === 'object' && 'k' in x) {
              const r = visit(x as Node, defined);
              if (r) return r;
            } else if (Array.isArray(x)) for (const y of x) if (y && typeof y === 'object' && 'k' in y) {
              const r = visit(y as Node, defined);
              if (r) return r;
            }
            else if (x && typeof x === 'object') for (const y of Object.values(x)) if (y && typeof y === 'object' && 'k' in y) {
              const r = visit(y as Node, defined);
              if (r) return r;
            }
          }
      }
      return undefined;
  }
}
