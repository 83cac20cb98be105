// jq: a small jq 1.6 (Debian 12) — paths, pipes, comma, iteration,
// construction, comparisons, arithmetic, `select`/`map`/`length`/`keys` and
// the common builtins. Output as jq 1.6 prints it: 2-space indent, insertion
// key order, shortest round-trip numbers with jq's exponent rule; errors as
// `jq: error (at <stdin>:N): ...` with exit 5, compile errors exit 3.

import type { Process } from '../../kernel/proc.ts';
import { register } from '../registry.ts';
import { readAll } from '../coreutils/host.ts';
import { hostOf } from '../coreutils/host.ts';
import { errMsg } from '../coreutils/util.ts';
import { RegexBudgetError, safeRegExp } from '../lib/safe-regex.ts';

export type JVal = null | boolean | number | string | JVal[] | JObj;
export type JObj = Map<string, JVal>;

const isObj = (v: JVal): v is JObj => v instanceof Map;

// ---------------------------------------------------------------- JSON text

/** Parse a stream of JSON texts as jq 1.6's token-driven parser does (same error messages and positions). */
export function parseJsonStream(text: string): { values: JVal[]; error?: string; lines: number[] } {
  const values: JVal[] = [];
  const lines: number[] = [];
  // Newlines up to each index, for the `<stdin>:N` of runtime errors (jq feeds its parser line by line).
  let fed = 0;
  let fedTo = 0;
  const linesFed = (i: number): number => {
    const nl = text.indexOf('\n', i);
    const end = nl < 0 ? text.length : nl + 1;
    for (; fedTo < end; fedTo++) if (text[fedTo] === '\n') fed++;
    return fed;
  };
  type Frame = JVal[] | JObj | { key: string };
  const stack: Frame[] = [];
  let next: JVal | undefined;
  let line = 1;
  let column = 0;
  let tok = '';
  const err = (msg: string, eof = false): { values: JVal[]; error: string; lines: number[] } => ({ values, lines, error: `${msg}${eof ? ' at EOF' : ''} at line ${line}, column ${column}` });
  const top = (): Frame | undefined => stack[stack.length - 1];
  const isKey = (f: Frame | undefined): f is { key: string } => f !== undefined && !Array.isArray(f) && !(f instanceof Map);
  const value = (v: JVal): string | undefined => {
    if (next !== undefined) return 'Expected separator between values';
    next = v;
    return undefined;
  };
  const literal = (): string | undefined => {
    if (!tok) return undefined;
    const t = tok;
    tok = '';
    const pat = t[0] === 't' ? 'true' : t[0] === 'f' ? 'false' : t[0] === 'n' && t.length !== 3 ? 'null' : undefined;
    if (pat) {
      if (t !== pat) return 'Invalid literal';
      return value(pat === 'true' ? true : pat === 'false' ? false : null);
    }
    if (!/^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) return 'Invalid numeric literal';
    const n = Number(t);
    return value(Number.isFinite(n) ? n : n > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE);
  };
  const token = (ch: string): string | undefined => {
    const t = top();
    switch (ch) {
      case '[':
      case '{':
        if (next !== undefined) return 'Expected separator between values';
        if (stack.length >= 256) return 'Exceeds depth limit for parsing';
        stack.push(ch === '[' ? [] : new Map());
        return undefined;
      case ':':
        if (!(t instanceof Map)) return "':' not as part of an object";
        if (typeof next !== 'string') return 'Object keys must be strings';
        stack.push({ key: next });
        next = undefined;
        return undefined;
      case ',':
        if (next === undefined) return "Expected value before ','";
        if (t === undefined) return "',' not as part of an object or array";
        if (Array.isArray(t)) t.push(next);
        else if (isKey(t)) {
          stack.pop();
          (top() as JObj).set(t.key, next);
        } else return 'Objects must consist of key:value pairs';
        next = undefined;
        return undefined;
      case ']':
        if (!Array.isArray(t)) return "Unmatched ']'";
        if (next !== undefined) t.push(next);
        else if (t.length) return 'Expected another array element';
        next = stack.pop() as JVal;
        return undefined;
      case '}':
        if (t === undefined) return "Unmatched '}'";
        if (next !== undefined) {
          if (!isKey(t)) return 'Objects must consist of key:value pairs';
          stack.pop();
          (top() as JObj).set(t.key, next);
        } else {
          if (!(t instanceof Map)) return "Unmatched '}'";
          if (t.size) return 'Expected another key-value pair';
        }
        next = stack.pop() as JVal;
        return undefined;
    }
    return undefined;
  };
  const done = (i: number): void => {
    if (stack.length === 0 && next !== undefined) {
      values.push(next);
      lines.push(linesFed(i));
      next = undefined;
    }
  };
  let i = 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
      column = 0;
    } else column++;
    if (ch === '"') {
      const m = literal();
      if (m) return err(m);
      done(i);
      // A string token: scan to its closing quote.
      let out = '';
      let j = i + 1;
      let closed = false;
      for (; j < text.length; j++) {
        const c = text[j];
        if (c === '\n') {
          line++;
          column = 0;
        } else column++;
        if (c === '"') {
          closed = true;
          break;
        }
        if (c === '\\') {
          const e = text[++j];
          column++;
          const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"' };
          if (e === 'u') {
            const hex = text.slice(j + 1, j + 5);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
              i = j;
              return err('Invalid escape');
            }
            out += String.fromCharCode(parseInt(hex, 16));
            j += 4;
            column += 4;
          } else if (e !== undefined && map[e] !== undefined) out += map[e];
          else return err('Invalid escape');
        } else out += c;
      }
      i = j;
      if (!closed) return err('Unfinished string', true);
      const m2 = value(out);
      if (m2) return err(m2);
      done(i);
      continue;
    }
    if (' \t\r\n[]{}:,'.includes(ch)) {
      const m = literal();
      if (m) return err(m);
      done(i);
      if (!' \t\r\n'.includes(ch)) {
        const m2 = token(ch);
        if (m2) return err(m2);
        done(i);
      }
      continue;
    }
    tok += ch;
    if (tok.length > 4096) return err('Invalid numeric literal');
  }
  const m = literal();
  if (m) return err(m, true);
  done(text.length);
  if (stack.length || next !== undefined) return err('Unfinished JSON term', true);
  return { values, lines };
}

/** A number as jq 1.6 prints it (shortest round-trip digits, exponent for decpt <= -4 or > ndigits+15). */
export function fmtNumber(n: number): string {
  if (Number.isNaN(n)) return 'null';
  if (!Number.isFinite(n)) n = n > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE;
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const neg = n < 0;
  const [mant, expS] = Math.abs(n).toExponential().split('e');
  const digits = mant.replace('.', '');
  const exp = Number(expS);
  const decpt = exp + 1;
  let s: string;
  if (decpt <= -4 || decpt > digits.length + 15) {
    const e = Math.abs(exp);
    s = digits[0] + (digits.length > 1 ? '.' + digits.slice(1) : '') + 'e' + (exp < 0 ? '-' : '+') + (e < 10 ? '0' + e : String(e));
  } else if (decpt <= 0) s = '0.' + '0'.repeat(-decpt) + digits;
  else if (decpt >= digits.length) s = digits + '0'.repeat(decpt - digits.length);
  else s = digits.slice(0, decpt) + '.' + digits.slice(decpt);
  return (neg ? '-' : '') + s;
}

function fmtString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c === 0x7f) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/** Serialize as jq does: `indent` 0 means compact. */
export function dump(v: JVal, indent: number, level = 0): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return fmtNumber(v);
  if (typeof v === 'string') return fmtString(v);
  const pad = indent ? '\n' + ' '.repeat(indent * (level + 1)) : '';
  const end = indent ? '\n' + ' '.repeat(indent * level) : '';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[' + v.map((x) => pad + dump(x, indent, level + 1)).join(',') + end + ']';
  }
  if (v.size === 0) return '{}';
  const sep = indent ? ': ' : ':';
  return '{' + [...v].map(([k, x]) => pad + fmtString(k) + sep + dump(x, indent, level + 1)).join(',') + end + '}';
}

// ---------------------------------------------------------------- errors

class JqError extends Error {
  value: JVal;
  constructor(msg: JVal) {
    super(typeof msg === 'string' ? msg : dump(msg, 0));
    this.value = msg;
  }
}
class CompileError extends Error {}
class BreakOut extends Error {}

function typeName(v: JVal): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return Array.isArray(v) ? 'array' : 'object';
}

/** `type (value)` with the value truncated as jq does (11 bytes then ...). */
function describe(v: JVal): string {
  let s = dump(v, 0);
  if (s.length > 11) s = s.slice(0, 10) + '...';
  return `${typeName(v)} (${s})`;
}

// ---------------------------------------------------------------- lexer/parser

type Tok = { t: 'num'; v: number } | { t: 'str'; parts: (string | Node)[] } | { t: 'id'; v: string } | { t: 'field'; v: string } | { t: 'var'; v: string } | { t: 'op'; v: string } | { t: 'eof' };

type Node =
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

function lex(src: string): Tok[] {
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

interface Env {
  vars: Map<string, JVal>;
  funcs: Map<string, { params: string[]; body: Node; env: Env }>;
  closures: Map<string, { node: Node; env: Env }>;
}

function compare(a: JVal, b: JVal): number {
  const order = (v: JVal): number => (v === null ? 0 : v === false ? 1 : v === true ? 2 : typeof v === 'number' ? 3 : typeof v === 'string' ? 4 : Array.isArray(v) ? 5 : 6);
  const oa = order(a);
  const ob = order(b);
  if (oa !== ob) return oa - ob;
  if (typeof a === 'number') return a < (b as number) ? -1 : a > (b as number) ? 1 : 0;
  if (typeof a === 'string') return a < (b as string) ? -1 : a > (b as string) ? 1 : 0;
  if (Array.isArray(a)) {
    const bb = b as JVal[];
    for (let i = 0; i < a.length && i < bb.length; i++) {
      const c = compare(a[i], bb[i]);
      if (c) return c;
    }
    return a.length - bb.length;
  }
  if (isObj(a)) {
    const bb = b as JObj;
    const ka = [...a.keys()].sort();
    const kb = [...bb.keys()].sort();
    const c = compare(ka, kb);
    if (c) return c;
    for (const k of ka) {
      const d = compare(a.get(k)!, bb.get(k)!);
      if (d) return d;
    }
  }
  return 0;
}

const truthy = (v: JVal): boolean => v !== null && v !== false;

function index(v: JVal, k: JVal): JVal {
  if (typeof k === 'string') {
    if (v === null) return null;
    if (isObj(v)) return v.get(k) ?? null;
    throw new JqError(`Cannot index ${typeName(v)} with string ${fmtString(k)}`);
  }
  if (typeof k === 'number') {
    if (v === null) return null;
    if (Array.isArray(v)) {
      let i = Math.floor(k);
      if (i < 0) i += v.length;
      return i >= 0 && i < v.length ? v[i] : null;
    }
    throw new JqError(`Cannot index ${typeName(v)} with number`);
  }
  if (isObj(k) && (Array.isArray(v) || v === null)) {
    const s = k.get('start');
    const e = k.get('end');
    return slice(v, s ?? null, e ?? null);
  }
  throw new JqError(`Cannot index ${typeName(v)} with ${typeName(k)}`);
}

function slice(v: JVal, from: JVal, to: JVal): JVal {
  if (v === null) return null;
  if (typeof v !== 'string' && !Array.isArray(v)) throw new JqError(`Cannot index ${typeName(v)} with object`);
  const len = v.length;
  const norm = (x: JVal, d: number): number => {
    if (x === null) return d;
    let n = Math.floor(x as number);
    if (n < 0) n += len;
    return Math.max(0, Math.min(len, n));
  };
  const s = norm(from, 0);
  const e = Math.max(s, norm(to, len));
  return v.slice(s, e);
}

function arith(op: string, a: JVal, b: JVal): JVal {
  const fail = (verb: string): never => {
    throw new JqError(`${describe(a)} and ${describe(b)} cannot be ${verb}`);
  };
  switch (op) {
    case '+':
      if (a === null) return b;
      if (b === null) return a;
      if (typeof a === 'number' && typeof b === 'number') return a + b;
      if (typeof a === 'string' && typeof b === 'string') return a + b;
      if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
      if (isObj(a) && isObj(b)) return new Map([...a, ...b]);
      return fail('added');
    case '-':
      if (typeof a === 'number' && typeof b === 'number') return a - b;
      if (Array.isArray(a) && Array.isArray(b)) return a.filter((x) => !b.some((y) => compare(x, y) === 0));
      return fail('subtracted');
    case '*':
      if (typeof a === 'number' && typeof b === 'number') return a * b;
      if ((typeof a === 'string' && typeof b === 'number') || (typeof a === 'number' && typeof b === 'string')) {
        const s = (typeof a === 'string' ? a : b) as string;
        const n = (typeof a === 'number' ? a : b) as number;
        return n <= 0 ? null : s.repeat(Math.max(1, Math.ceil(n)));
      }
      if (isObj(a) && isObj(b)) return deepMerge(a, b);
      return fail('multiplied');
    case '/':
      if (typeof a === 'number' && typeof b === 'number') {
        if (b === 0) throw new JqError(`${describe(a)} and ${describe(b)} cannot be divided because the divisor is zero`);
        return a / b;
      }
      if (typeof a === 'string' && typeof b === 'string') return splitStr(a, b);
      return fail('divided');
    case '%':
      if (typeof a === 'number' && typeof b === 'number') {
        const bi = Math.trunc(b);
        if (bi === 0) throw new JqError(`${describe(a)} and ${describe(b)} cannot be divided because the divisor is zero`);
        return Math.trunc(a) % Math.abs(bi);
      }
      return fail('divided');
  }
  const c = compare(a, b);
  switch (op) {
    case '==':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

function splitStr(a: string, b: string): JVal[] {
  if (a === '') return [];
  return a.split(b);
}

function deepMerge(a: JObj, b: JObj): JObj {
  const out = new Map(a);
  for (const [k, v] of b) {
    const o = out.get(k);
    out.set(k, o !== undefined && isObj(o) && isObj(v) ? deepMerge(o, v) : v);
  }
  return out;
}

function lengthOf(v: JVal): JVal {
  if (v === null) return 0;
  if (typeof v === 'boolean') throw new JqError(`${describe(v)} has no length`);
  if (typeof v === 'number') return Math.abs(v);
  if (typeof v === 'string') return [...v].length;
  if (Array.isArray(v)) return v.length;
  return v.size;
}

function keysOf(v: JVal, sorted: boolean): JVal {
  if (Array.isArray(v)) return v.map((_, i) => i);
  if (isObj(v)) {
    const k = [...v.keys()];
    return sorted ? k.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : k;
  }
  throw new JqError(`${describe(v)} has no keys`);
}

function toStr(v: JVal): string {
  return typeof v === 'string' ? v : dump(v, 0);
}

/** Paths a filter designates (for assignment and del). */
function* paths(n: Node, input: JVal, env: Env, ctx: Ctx): Generator<[JVal[], JVal]> {
  switch (n.k) {
    case 'identity':
      yield [[], input];
      return;
    case 'index':
      for (const [p, v] of paths(n.target, input, env, ctx))
        for (const k of evaluate(n.key, input, env, ctx)) {
          try {
            yield [[...p, k], index(v, k)];
          } catch (e) {
            if (!n.opt) throw e;
          }
        }
      return;
    case 'iter':
      for (const [p, v] of paths(n.target, input, env, ctx)) {
        if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield [[...p, i], v[i]];
        else if (isObj(v)) for (const [k, x] of v) yield [[...p, k], x];
        else if (v !== null && !n.opt) throw new JqError(`Cannot iterate over ${describe(v)}`);
      }
      return;
    case 'pipe':
      for (const [p, v] of paths(n.l, input, env, ctx)) for (const [q, w] of paths(n.r, v, env, ctx)) yield [[...p, ...q], w];
      return;
    case 'comma':
      yield* paths(n.l, input, env, ctx);
      yield* paths(n.r, input, env, ctx);
      return;
    case 'call':
      if (n.name === 'select' && n.args.length === 1) {
        for (const c of evaluate(n.args[0], input, env, ctx)) if (truthy(c)) yield [[], input];
        return;
      }
      if (n.name === 'empty') return;
      if (n.name === 'recurse' || n.name === '..') {
        yield* recursePaths(input, []);
        return;
      }
      break;
    case 'recurse':
      yield* recursePaths(input, []);
      return;
    case 'opt':
      try {
        yield* paths(n.e, input, env, ctx);
      } catch {
        // ignored
      }
      return;
  }
  throw new JqError('Invalid path expression');
}

function* recursePaths(v: JVal, p: JVal[]): Generator<[JVal[], JVal]> {
  yield [p, v];
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* recursePaths(v[i], [...p, i]);
  else if (isObj(v)) for (const [k, x] of v) yield* recursePaths(x, [...p, k]);
}

function getPath(v: JVal, p: JVal[]): JVal {
  let cur = v;
  for (const k of p) cur = index(cur, k);
  return cur;
}

function setPath(v: JVal, p: JVal[], x: JVal, i = 0): JVal {
  if (i === p.length) return x;
  const k = p[i];
  if (typeof k === 'string') {
    if (v !== null && !isObj(v)) throw new JqError(`Cannot index ${typeName(v)} with string ${fmtString(k)}`);
    const o: JObj = new Map(v ?? []);
    o.set(k, setPath(o.get(k) ?? null, p, x, i + 1));
    return o;
  }
  if (typeof k === 'number') {
    if (v !== null && !Array.isArray(v)) throw new JqError(`Cannot index ${typeName(v)} with number`);
    const a = [...(v ?? [])];
    let idx = Math.floor(k);
    if (idx < 0) idx += a.length;
    if (idx < 0) throw new JqError('Out of bounds negative array index');
    while (a.length < idx) a.push(null);
    a[idx] = setPath(a[idx] ?? null, p, x, i + 1);
    return a;
  }
  throw new JqError(`Cannot update field at object index of ${typeName(v)}`);
}

function delPaths(v: JVal, ps: JVal[][]): JVal {
  // Delete longest/last paths first so indices stay valid.
  const sorted = [...ps].sort((a, b) => compare(b, a));
  let out = v;
  for (const p of sorted) out = delPath(out, p);
  return out;
}

function delPath(v: JVal, p: JVal[]): JVal {
  if (p.length === 0) return null;
  const [k, ...rest] = p;
  if (v === null) return null;
  if (rest.length === 0) {
    if (isObj(v) && typeof k === 'string') {
      const o = new Map(v);
      o.delete(k);
      return o;
    }
    if (Array.isArray(v) && typeof k === 'number') {
      const a = [...v];
      const i = k < 0 ? k + a.length : k;
      if (i >= 0 && i < a.length) a.splice(i, 1);
      return a;
    }
    throw new JqError(`Cannot delete field at ${typeName(k)} index of ${typeName(v)}`);
  }
  return setPath(v, [k], delPath(index(v, k), rest));
}

interface Ctx {
  steps: number;
  env: Record<string, string>;
}

function tick(ctx: Ctx): void {
  if (++ctx.steps > 5_000_000) throw new JqError('jq: evaluation budget exhausted');
}

function* evaluate(n: Node, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  tick(ctx);
  switch (n.k) {
    case 'identity':
      yield input;
      return;
    case 'recurse':
      for (const [, v] of recursePaths(input, [])) yield v;
      return;
    case 'lit':
      yield n.v;
      return;
    case 'str': {
      let outs: string[] = [''];
      for (const part of n.parts) {
        if (typeof part === 'string') outs = outs.map((s) => s + part);
        else {
          const vals = [...evaluate(part, input, env, ctx)].map(toStr);
          outs = outs.flatMap((s) => vals.map((v) => s + v));
        }
      }
      yield* outs;
      return;
    }
    case 'index':
      for (const t of evaluate(n.target, input, env, ctx))
        for (const k of evaluate(n.key, input, env, ctx)) {
          try {
            yield index(t, k);
          } catch (e) {
            if (!n.opt || !(e instanceof JqError)) throw e;
          }
        }
      return;
    case 'slice':
      for (const t of evaluate(n.target, input, env, ctx))
        for (const to of n.to ? evaluate(n.to, input, env, ctx) : [null])
          for (const from of n.from ? evaluate(n.from, input, env, ctx) : [null]) {
            try {
              yield slice(t, from, to);
            } catch (e) {
              if (!n.opt || !(e instanceof JqError)) throw e;
            }
          }
      return;
    case 'iter':
      for (const t of evaluate(n.target, input, env, ctx)) {
        if (Array.isArray(t)) yield* t;
        else if (isObj(t)) yield* t.values();
        else if (!n.opt) throw new JqError(`Cannot iterate over ${describe(t)}`);
      }
      return;
    case 'pipe':
      for (const v of evaluate(n.l, input, env, ctx)) yield* evaluate(n.r, v, env, ctx);
      return;
    case 'comma':
      yield* evaluate(n.l, input, env, ctx);
      yield* evaluate(n.r, input, env, ctx);
      return;
    case 'bin':
      for (const r of evaluate(n.r, input, env, ctx)) for (const l of evaluate(n.l, input, env, ctx)) yield arith(n.op, l, r);
      return;
    case 'neg':
      for (const v of evaluate(n.e, input, env, ctx)) {
        if (typeof v !== 'number') throw new JqError(`${describe(v)} cannot be negated`);
        yield -v;
      }
      return;
    case 'and':
    case 'or':
      for (const l of evaluate(n.l, input, env, ctx)) {
        if (n.k === 'and' && !truthy(l)) {
          yield false;
          continue;
        }
        if (n.k === 'or' && truthy(l)) {
          yield true;
          continue;
        }
        for (const r of evaluate(n.r, input, env, ctx)) yield truthy(r);
      }
      return;
    case 'alt': {
      let any = false;
      try {
        for (const l of evaluate(n.l, input, env, ctx))
          if (truthy(l)) {
            any = true;
            yield l;
          }
      } catch (e) {
        if (!(e instanceof JqError)) throw e;
      }
      if (!any) yield* evaluate(n.r, input, env, ctx);
      return;
    }
    case 'array':
      yield n.e ? [...evaluate(n.e, input, env, ctx)] : [];
      return;
    case 'object': {
      let objs: JObj[] = [new Map()];
      for (const ent of n.entries) {
        const keys = [...evaluate(ent.key, input, env, ctx)];
        for (const k of keys) if (typeof k !== 'string') throw new JqError(`Object keys must be strings`);
        const vals = ent.varName !== undefined ? [lookupVar(env, ent.varName)] : ent.value ? [...evaluate(ent.value, input, env, ctx)] : null;
        const next: JObj[] = [];
        for (const o of objs)
          for (const k of keys as string[])
            for (const v of vals ?? [index(input, k)]) {
              const m = new Map(o);
              m.set(k, v);
              next.push(m);
            }
        objs = next;
      }
      yield* objs;
      return;
    }
    case 'var':
      yield lookupVar(env, n.name);
      return;
    case 'as':
      for (const v of evaluate(n.src, input, env, ctx)) {
        const vars = new Map(env.vars);
        vars.set(n.name, v);
        yield* evaluate(n.body, input, { ...env, vars }, ctx);
      }
      return;
    case 'if':
      for (const c of evaluate(n.cond, input, env, ctx)) {
        if (truthy(c)) yield* evaluate(n.then, input, env, ctx);
        else if (n.elifs.length) yield* evaluate({ k: 'if', cond: n.elifs[0][0], then: n.elifs[0][1], elifs: n.elifs.slice(1), else: n.else }, input, env, ctx);
        else if (n.else) yield* evaluate(n.else, input, env, ctx);
        else yield input;
      }
      return;
    case 'reduce':
      for (const init of evaluate(n.init, input, env, ctx)) {
        let acc: JVal = init;
        for (const v of evaluate(n.src, input, env, ctx)) {
          const vars = new Map(env.vars);
          vars.set(n.name, v);
          const outs = [...evaluate(n.upd, acc, { ...env, vars }, ctx)];
          acc = outs.length ? outs[outs.length - 1] : null;
        }
        yield acc;
      }
      return;
    case 'assign': {
      if (n.op === '=') {
        for (const r of evaluate(n.r, input, env, ctx)) {
          let out = input;
          for (const [p] of paths(n.l, input, env, ctx)) out = setPath(out, p, r);
          yield out;
        }
        return;
      }
      if (n.op === '|=') {
        let out = input;
        for (const [p] of paths(n.l, input, env, ctx)) {
          const cur = getPath(out, p);
          const first = evaluate(n.r, cur, env, ctx).next();
          out = first.done ? delPaths(out, [p]) : setPath(out, p, first.value);
        }
        yield out;
        return;
      }
      const op = n.op.slice(0, -1);
      for (const r of evaluate(n.r, input, env, ctx)) {
        let out = input;
        for (const [p] of paths(n.l, input, env, ctx)) {
          const cur = getPath(out, p);
          out = setPath(out, p, op === '//' ? (truthy(cur) ? cur : r) : arith(op, cur, r));
        }
        yield out;
      }
      return;
    }
    case 'try':
      try {
        for (const v of evaluate(n.body, input, env, ctx)) yield v;
      } catch (e) {
        if (e instanceof BreakOut || !(e instanceof JqError)) throw e;
        if (n.catch) yield* evaluate(n.catch, e.value, env, ctx);
      }
      return;
    case 'opt':
      try {
        yield* evaluate(n.e, input, env, ctx);
      } catch (e) {
        if (!(e instanceof JqError)) throw e;
      }
      return;
    case 'def': {
      const funcs = new Map(env.funcs);
      const newEnv: Env = { ...env, funcs };
      funcs.set(`${n.name}/${n.params.length}`, { params: n.params, body: n.body, env: newEnv });
      yield* evaluate(n.rest, input, newEnv, ctx);
      return;
    }
    case 'call':
      yield* call(n, input, env, ctx);
      return;
  }
}

function lookupVar(env: Env, name: string): JVal {
  if (name === '__loc__') return null;
  const v = env.vars.get(name);
  if (v === undefined) {
    if (name === 'ENV') return new Map(Object.entries({}));
    return null;
  }
  return v;
}

const BUILTIN_ARITY: Record<string, number[]> = Object.setPrototypeOf({
  empty: [0], not: [0], length: [0], utf8bytelength: [0], keys: [0], keys_unsorted: [0], values: [0], has: [1], in: [1], map: [1], map_values: [1],
  select: [1], add: [0], any: [0, 1, 2], all: [0, 1, 2], range: [1, 2, 3], floor: [0], sqrt: [0], tostring: [0], tonumber: [0], type: [0],
  sort: [0], sort_by: [1], group_by: [1], unique: [0], unique_by: [1], min: [0], max: [0], min_by: [1], max_by: [1], reverse: [0],
  contains: [1], inside: [1], startswith: [1], endswith: [1], ltrimstr: [1], rtrimstr: [1], split: [1, 2], join: [1], ascii_downcase: [0],
  ascii_upcase: [0], test: [1, 2], first: [0, 1], last: [0, 1], limit: [2], nth: [1, 2], to_entries: [0], from_entries: [0], with_entries: [1],
  tojson: [0], fromjson: [0], error: [0, 1], recurse: [0, 1], env: [0], paths: [0, 1], leaf_paths: [0], path: [1], del: [1], getpath: [1],
  setpath: [2], delpaths: [1], to_array: [0], arrays: [0], objects: [0], iterables: [0], booleans: [0], numbers: [0], strings: [0], nulls: [0],
  scalars: [0], flatten: [0, 1], indices: [1], index: [1], rindex: [1], isempty: [1], input: [0], inputs: [0], debug: [0], stderr: [0],
  true: [0], false: [0], null: [0], ascii: [0], explode: [0], implode: [0], ltrimstr_: [0], splits: [1, 2], sub: [2, 3], gsub: [2, 3], match: [1, 2],
  capture: [1, 2], tostream: [0], infinite: [0], nan: [0], isnan: [0], isinfinite: [0], isnormal: [0], round: [0], ceil: [0], fabs: [0], pow: [2],
  log: [0], exp: [0], log10: [0], transpose: [0], combinations: [0, 1], walk: [1], env_: [0], builtins: [0], input_line_number: [0], halt: [0],
  halt_error: [0, 1], getpath_: [0], splits_: [0], join_: [0], ascii_: [0], todate: [0], now: [0], tojson_: [0], '@base64': [0], '@text': [0],
  '@json': [0], '@csv': [0], '@tsv': [0], '@html': [0], '@uri': [0], '@sh': [0], '@base64d': [0], repeat: [1], until: [2], while: [2], env__: [0],
  min_by_: [0], abs: [0], trim: [0], ltrim: [0], rtrim: [0], splits__: [0], tojson__: [0], getpath__: [0], any_: [0], all_: [0], IN: [1, 2], INDEX: [1, 2],
  ascii__: [0], objects_: [0], significand: [0], gamma: [0], ltrimstr__: [0], error_: [0], not_: [0], type_: [0], toarray: [0], pick: [1], have_literal_numbers: [0],
  '$__loc__': [0], input_filename: [0], getpath___: [0], range_: [0], tostream_: [0], fromstream: [1], truncate_stream: [1], env___: [0], splits___: [0], ltrimstr___: [0],
}, null);

function regexOf(re: JVal, flags: JVal): RegExp {
  if (typeof re !== 'string') throw new JqError(`${describe(re)} cannot be matched, as it is not a string`);
  const f = typeof flags === 'string' ? flags : '';
  let js = '';
  if (f.includes('i')) js += 'i';
  if (f.includes('g')) js += 'g';
  if (f.includes('x')) re = re.replace(/\s+|#.*$/gm, '');
  try {
    return safeRegExp(re, js + 'u');
  } catch {
    throw new JqError(`${re} (at offset 0) is not a valid regex`);
  }
}

function* call(n: { name: string; args: Node[] }, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  const a = n.args;
  const user = env.funcs.get(`${n.name}/${a.length}`);
  if (user) {
    const vars = new Map(user.env.vars);
    const closures = new Map(user.env.closures);
    const funcs = new Map(user.env.funcs);
    funcs.set(`${n.name}/${a.length}`, user);
    const params = user.params;
    // $param: evaluate each argument (cartesian); plain params are closures.
    const bindVals = function* (i: number, vs: Map<string, JVal>): Generator<Map<string, JVal>> {
      if (i === params.length) {
        yield vs;
        return;
      }
      const pn = params[i];
      if (pn.startsWith('$')) {
        for (const v of evaluate(a[i], input, env, ctx)) {
          const m = new Map(vs);
          m.set(pn.slice(1), v);
          yield* bindVals(i + 1, m);
        }
      } else yield* bindVals(i + 1, vs);
    };
    for (let i = 0; i < params.length; i++) {
      const pn = params[i].replace(/^\$/, '');
      closures.set(`${pn}/0`, { node: a[i], env });
      if (!params[i].startsWith('$')) funcs.delete(`${pn}/0`);
    }
    for (const vs of bindVals(0, vars)) yield* evaluate(user.body, input, { vars: vs, funcs, closures }, ctx);
    return;
  }
  const cl = a.length === 0 ? env.closures.get(`${n.name}/0`) : undefined;
  if (cl) {
    yield* evaluate(cl.node, input, cl.env, ctx);
    return;
  }
  const ev = (i: number, inp: JVal = input): JVal[] => [...evaluate(a[i], inp, env, ctx)];
  const one = function* (f: (v: JVal) => JVal): Generator<JVal> {
    yield f(input);
  };
  switch (`${n.name}/${a.length}`) {
    case 'empty/0':
      return;
    case 'not/0':
      yield !truthy(input);
      return;
    case 'true/0':
      yield true;
      return;
    case 'false/0':
      yield false;
      return;
    case 'null/0':
      yield null;
      return;
    case 'length/0':
      yield* one(lengthOf);
      return;
    case 'utf8bytelength/0':
      if (typeof input !== 'string') throw new JqError(`${describe(input)} only strings have UTF-8 byte length`);
      yield new TextEncoder().encode(input).length;
      return;
    case 'keys/0':
      yield keysOf(input, true);
      return;
    case 'keys_unsorted/0':
      yield keysOf(input, false);
      return;
    case 'has/1':
      for (const k of ev(0)) {
        if (isObj(input) && typeof k === 'string') yield input.has(k);
        else if (Array.isArray(input) && typeof k === 'number') yield k >= 0 && k < input.length;
        else throw new JqError(`Cannot check whether ${typeName(input)} has a ${typeName(k)} key`);
      }
      return;
    case 'in/1':
      for (const o of ev(0)) yield* call({ name: 'has', args: [{ k: 'lit', v: input }] }, o, env, ctx);
      return;
    case 'map/1': {
      const items = iterate(input);
      const out: JVal[] = [];
      for (const x of items) out.push(...evaluate(a[0], x, env, ctx));
      yield out;
      return;
    }
    case 'map_values/1': {
      if (isObj(input)) {
        const o: JObj = new Map();
        for (const [k, v] of input) {
          const r = evaluate(a[0], v, env, ctx).next();
          if (!r.done) o.set(k, r.value);
        }
        yield o;
      } else {
        const out: JVal[] = [];
        for (const v of iterate(input)) {
          const r = evaluate(a[0], v, env, ctx).next();
          if (!r.done) out.push(r.value);
        }
        yield out;
      }
      return;
    }
    case 'select/1':
      for (const c of evaluate(a[0], input, env, ctx)) if (truthy(c)) yield input;
      return;
    case 'add/0': {
      let acc: JVal = null;
      for (const v of iterate(input)) acc = arith('+', acc, v);
      yield acc;
      return;
    }
    case 'any/0':
      yield iterate(input).some(truthy);
      return;
    case 'all/0':
      yield iterate(input).every(truthy);
      return;
    case 'any/1':
      yield iterate(input).some((x) => ev(0, x).some(truthy));
      return;
    case 'all/1':
      yield iterate(input).every((x) => ev(0, x).every(truthy));
      return;
    case 'range/1':
    case 'range/2':
    case 'range/3': {
      const froms = a.length === 1 ? [0] : ev(0);
      const tos = ev(a.length === 1 ? 0 : 1);
      const bys = a.length === 3 ? ev(2) : [1];
      for (const f of froms)
        for (const t of tos)
          for (const b of bys) {
            if (typeof f !== 'number' || typeof t !== 'number' || typeof b !== 'number') throw new JqError('Range bounds must be numeric');
            if (b > 0) for (let x = f; x < t; x += b) yield (tick(ctx), x);
            else if (b < 0) for (let x = f; x > t; x += b) yield (tick(ctx), x);
          }
      return;
    }
    case 'floor/0':
      yield num(input, 'floor', Math.floor);
      return;
    case 'ceil/0':
      yield num(input, 'ceil', Math.ceil);
      return;
    case 'round/0':
      yield num(input, 'round', (x) => (x < 0 ? -Math.round(-x) : Math.round(x)));
      return;
    case 'sqrt/0':
      yield num(input, 'sqrt', Math.sqrt);
      return;
    case 'fabs/0':
    case 'abs/0':
      yield num(input, 'fabs', Math.abs);
      return;
    case 'tostring/0':
      yield toStr(input);
      return;
    case 'tonumber/0':
      if (typeof input === 'number') yield input;
      else if (typeof input === 'string') {
        const t = input.trim();
        const x = Number(t);
        if (t === '' || Number.isNaN(x)) throw new JqError(`Cannot parse '${input}' as JSON`);
        yield x;
      } else throw new JqError(`${describe(input)} cannot be parsed as a number`);
      return;
    case 'type/0':
      yield typeName(input);
      return;
    case 'sort/0':
      if (!Array.isArray(input)) throw new JqError(`${describe(input)} cannot be sorted, as it is not an array`);
      yield [...input].sort(compare);
      return;
    case 'sort_by/1':
    case 'group_by/1':
    case 'unique_by/1':
    case 'min_by/1':
    case 'max_by/1': {
      if (!Array.isArray(input)) throw new JqError(`Cannot index ${typeName(input)} with number`);
      const keyed = input.map((v, i) => ({ v, k: [...evaluate(a[0], v, env, ctx)] as JVal, i }));
      keyed.sort((x, y) => compare(x.k, y.k) || x.i - y.i);
      if (n.name === 'sort_by') yield keyed.map((x) => x.v);
      else if (n.name === 'min_by') yield keyed.length ? keyed[0].v : null;
      else if (n.name === 'max_by') yield keyed.length ? keyed[keyed.length - 1].v : null;
      else {
        const groups: JVal[][] = [];
        let prev: JVal | undefined;
        for (const x of keyed) {
          if (prev !== undefined && compare(prev, x.k) === 0) groups[groups.length - 1].push(x.v);
          else groups.push([x.v]);
          prev = x.k;
        }
        yield n.name === 'group_by' ? groups : groups.map((g) => g[0]);
      }
      return;
    }
    case 'unique/0': {
      if (!Array.isArray(input)) throw new JqError(`${describe(input)} cannot be sorted, as it is not an array`);
      const s = [...input].sort(compare);
      yield s.filter((v, i) => i === 0 || compare(s[i - 1], v) !== 0);
      return;
    }
    case 'min/0':
    case 'max/0': {
      if (!Array.isArray(input)) throw new JqError(`${describe(input)} cannot be sorted, as it is not an array`);
      const s = [...input].sort(compare);
      yield s.length ? (n.name === 'min' ? s[0] : s[s.length - 1]) : null;
      return;
    }
    case 'reverse/0':
      if (typeof input === 'string') yield [...input].reverse().join('');
      else if (input === null) yield [];
      else yield [...iterate(input)].reverse();
      return;
    case 'contains/1':
      for (const b of ev(0)) yield contains(input, b);
      return;
    case 'inside/1':
      for (const b of ev(0)) yield contains(b, input);
      return;
    case 'startswith/1':
    case 'endswith/1':
      for (const b of ev(0)) {
        if (typeof input !== 'string' || typeof b !== 'string') throw new JqError(`${n.name}() requires string inputs`);
        yield n.name === 'startswith' ? input.startsWith(b) : input.endsWith(b);
      }
      return;
    case 'ltrimstr/1':
      for (const b of ev(0)) yield typeof input === 'string' && typeof b === 'string' && input.startsWith(b) ? input.slice(b.length) : input;
      return;
    case 'rtrimstr/1':
      for (const b of ev(0)) yield typeof input === 'string' && typeof b === 'string' && input.endsWith(b) && b !== '' ? input.slice(0, -b.length) : input;
      return;
    case 'split/1':
      for (const b of ev(0)) {
        if (typeof input !== 'string' || typeof b !== 'string') throw new JqError('split input and separator must be strings');
        yield splitStr(input, b);
      }
      return;
    case 'split/2':
      for (const f of ev(1))
        for (const re of ev(0)) {
          if (typeof input !== 'string') throw new JqError(`${describe(input)} cannot be matched, as it is not a string`);
          yield input.split(regexOf(re, f));
        }
      return;
    case 'join/1':
      for (const sep of ev(0)) {
        const items = iterate(input);
        if (typeof sep !== 'string') throw new JqError(`${describe(sep)} and ${describe(items[0] ?? '')} cannot be added`);
        yield items
          .map((x) => {
            if (x === null) return '';
            if (typeof x === 'string') return x;
            if (typeof x === 'number' || typeof x === 'boolean') return toStr(x);
            throw new JqError(`Cannot join with ${typeName(x)}`);
          })
          .join(sep);
      }
      return;
    case 'ascii_downcase/0':
    case 'ascii_upcase/0':
      if (typeof input !== 'string') throw new JqError(`${describe(input)} cannot be ${n.name === 'ascii_downcase' ? 'lowercased' : 'uppercased'}`);
      yield n.name === 'ascii_downcase' ? input.replace(/[A-Z]/g, (c) => c.toLowerCase()) : input.replace(/[a-z]/g, (c) => c.toUpperCase());
      return;
    case 'test/1':
    case 'test/2':
      for (const f of a.length === 2 ? ev(1) : [null])
        for (const re of ev(0)) {
          if (typeof input !== 'string') throw new JqError(`${describe(input)} cannot be matched, as it is not a string`);
          yield regexOf(re, f).test(input);
        }
      return;
    case 'match/1':
    case 'match/2':
    case 'capture/1':
    case 'capture/2':
      for (const f of a.length === 2 ? ev(1) : [null])
        for (const re of ev(0)) {
          if (typeof input !== 'string') throw new JqError(`${describe(input)} cannot be matched, as it is not a string`);
          const rx = regexOf(re, f);
          const ms = rx.global ? [...input.matchAll(rx)] : [rx.exec(input)].filter((m): m is RegExpExecArray => m !== null);
          for (const m of ms) {
            if (n.name === 'capture') {
              const o: JObj = new Map();
              for (const [k, v] of Object.entries(m.groups ?? {})) o.set(k, v ?? null);
              yield o;
              continue;
            }
            const caps: JVal[] = [];
            for (let i = 1; i < m.length; i++) {
              const c = m[i];
              const off = c === undefined ? -1 : input.indexOf(c, m.index);
              const name = Object.entries(m.groups ?? {}).find(([, v]) => v === c)?.[0] ?? null;
              caps.push(new Map<string, JVal>([['offset', off], ['length', c === undefined ? 0 : c.length], ['string', c ?? null], ['name', name]]));
            }
            yield new Map<string, JVal>([['offset', m.index], ['length', m[0].length], ['string', m[0]], ['captures', caps]]);
          }
        }
      return;
    case 'sub/2':
    case 'gsub/2':
    case 'sub/3':
    case 'gsub/3': {
      if (typeof input !== 'string') throw new JqError(`${describe(input)} cannot be matched, as it is not a string`);
      const flags = (a.length === 3 ? String(ev(2)[0] ?? '') : '') + (n.name === 'gsub' ? 'g' : '');
      for (const re of ev(0)) {
        const rx = regexOf(re, flags);
        let out = '';
        let last = 0;
        const ms = rx.global ? [...input.matchAll(rx)] : [rx.exec(input)].filter((m): m is RegExpExecArray => m !== null);
        for (const m of ms) {
          const capObj: JObj = new Map(Object.entries(m.groups ?? {}).map(([k, v]) => [k, v ?? null]));
          const rep = ev(1, capObj)[0];
          if (typeof rep !== 'string') throw new JqError(`${describe(rep)} cannot be added to a string`);
          out += input.slice(last, m.index) + rep;
          last = m.index + m[0].length;
        }
        yield out + input.slice(last);
      }
      return;
    }
    case 'first/0':
      yield index(input, 0);
      return;
    case 'last/0':
      yield index(input, -1);
      return;
    case 'first/1': {
      const r = evaluate(a[0], input, env, ctx).next();
      if (!r.done) yield r.value;
      return;
    }
    case 'last/1': {
      const all = ev(0);
      if (all.length) yield all[all.length - 1];
      return;
    }
    case 'nth/1':
      for (const i of ev(0)) yield index(input, i);
      return;
    case 'nth/2':
      for (const i of ev(0)) {
        let c = 0;
        for (const v of evaluate(a[1], input, env, ctx)) {
          if (c++ === i) {
            yield v;
            break;
          }
        }
      }
      return;
    case 'limit/2':
      for (const lim of ev(0)) {
        if (typeof lim !== 'number' || lim <= 0) continue;
        let c = 0;
        for (const v of evaluate(a[1], input, env, ctx)) {
          yield v;
          if (++c >= lim) break;
        }
      }
      return;
    case 'isempty/1':
      yield evaluate(a[0], input, env, ctx).next().done === true;
      return;
    case 'to_entries/0':
      if (isObj(input)) yield [...input].map(([k, v]) => new Map<string, JVal>([['key', k], ['value', v]]));
      else yield keysOf(input, true) as JVal;
      return;
    case 'from_entries/0': {
      const o: JObj = new Map();
      for (const e of iterate(input)) {
        if (!isObj(e)) throw new JqError(`Cannot index ${typeName(e)} with string "k"`);
        let k = e.get('key') ?? e.get('k') ?? e.get('name') ?? e.get('Name') ?? e.get('Key') ?? e.get('K') ?? null;
        if (typeof k === 'number' || typeof k === 'boolean') k = toStr(k);
        if (typeof k !== 'string') throw new JqError(`Cannot use ${describe(k)} as object key`);
        const v = e.has('value') ? e.get('value')! : e.has('v') ? e.get('v')! : e.get('Value') ?? null;
        o.set(k, v);
      }
      yield o;
      return;
    }
    case 'with_entries/1':
      yield* evaluate(parse('to_entries | map(f) | from_entries'), input, { ...env, closures: new Map([...env.closures, ['f/0', { node: a[0], env }]]) }, ctx);
      return;
    case 'tojson/0':
      yield dump(input, 0);
      return;
    case 'fromjson/0': {
      if (typeof input !== 'string') throw new JqError(`${describe(input)} cannot be parsed as JSON`);
      const r = parseJsonStream(input);
      if (r.error || r.values.length !== 1) throw new JqError(`${input} (while parsing '${input}')`);
      yield r.values[0];
      return;
    }
    case 'error/0':
      throw new JqError(input);
    case 'error/1':
      for (const m of ev(0)) throw new JqError(m);
      return;
    case 'recurse/0':
      for (const [, v] of recursePaths(input, [])) yield v;
      return;
    case 'recurse/1': {
      const rec = function* (v: JVal, depth: number): Generator<JVal> {
        yield v;
        if (depth > 10000) return;
        for (const w of evaluate(a[0], v, env, ctx)) yield* rec(w, depth + 1);
      };
      yield* rec(input, 0);
      return;
    }
    case 'env/0':
      yield new Map(Object.entries(ctx.env));
      return;
    case 'paths/0':
      for (const [p] of recursePaths(input, [])) if (p.length) yield p;
      return;
    case 'leaf_paths/0':
      for (const [p, v] of recursePaths(input, [])) if (p.length && !Array.isArray(v) && !isObj(v)) yield p;
      return;
    case 'path/1':
      for (const [p] of paths(a[0], input, env, ctx)) yield p;
      return;
    case 'del/1':
      yield delPaths(input, [...paths(a[0], input, env, ctx)].map(([p]) => p));
      return;
    case 'getpath/1':
      for (const p of ev(0)) {
        try {
          yield getPath(input, p as JVal[]);
        } catch {
          yield null;
        }
      }
      return;
    case 'setpath/2':
      for (const v of ev(1)) for (const p of ev(0)) yield setPath(input, p as JVal[], v);
      return;
    case 'delpaths/1':
      for (const ps of ev(0)) yield delPaths(input, ps as JVal[][]);
      return;
    case 'arrays/0':
    case 'objects/0':
    case 'iterables/0':
    case 'booleans/0':
    case 'numbers/0':
    case 'strings/0':
    case 'nulls/0':
    case 'scalars/0': {
      const t = typeName(input);
      const ok =
        n.name === 'iterables' ? t === 'array' || t === 'object' : n.name === 'scalars' ? t !== 'array' && t !== 'object' : n.name === 'booleans' ? t === 'boolean' : t + 's' === n.name;
      if (ok) yield input;
      return;
    }
    case 'flatten/0':
    case 'flatten/1':
      for (const d of a.length ? ev(0) : [1e9]) {
        if (typeof d !== 'number' || d < 0) throw new JqError('flatten depth must not be negative');
        const flat = (v: JVal[], depth: number): JVal[] => v.flatMap((x) => (Array.isArray(x) && depth > 0 ? flat(x, depth - 1) : [x]));
        if (!Array.isArray(input)) throw new JqError(`Cannot iterate over ${describe(input)}`);
        yield flat(input, d);
      }
      return;
    case 'indices/1':
    case 'index/1':
    case 'rindex/1':
      for (const b of ev(0)) {
        const idx: number[] = [];
        if (typeof input === 'string' && typeof b === 'string') {
          if (b !== '') for (let i = input.indexOf(b); i >= 0 && idx.length < 1e6; i = input.indexOf(b, i + 1)) idx.push(i);
        } else if (Array.isArray(input)) {
          const bb = Array.isArray(b) ? b : [b];
          if (bb.length) for (let i = 0; i + bb.length <= input.length; i++) if (bb.every((x, j) => compare(x, input[i + j]) === 0)) idx.push(i);
        } else if (input === null) {
          yield null;
          continue;
        }
        if (n.name === 'indices') yield idx;
        else yield idx.length ? (n.name === 'index' ? idx[0] : idx[idx.length - 1]) : null;
      }
      return;
    case 'tostream/0':
      for (const [p, v] of recursePaths(input, [])) if ((!Array.isArray(v) && !isObj(v)) || (Array.isArray(v) ? v.length === 0 : v.size === 0)) yield [p, v];
      return;
    case 'infinite/0':
      yield Number.MAX_VALUE;
      return;
    case 'nan/0':
      yield NaN;
      return;
    case 'isnan/0':
      yield typeof input === 'number' && Number.isNaN(input);
      return;
    case 'isinfinite/0':
      yield typeof input === 'number' && Math.abs(input) >= Number.MAX_VALUE;
      return;
    case 'pow/2':
      for (const y of ev(1)) for (const x of ev(0)) yield Math.pow(x as number, y as number);
      return;
    case 'log/0':
      yield num(input, 'log', Math.log);
      return;
    case 'exp/0':
      yield num(input, 'exp', Math.exp);
      return;
    case 'log10/0':
      yield num(input, 'log10', Math.log10);
      return;
    case 'explode/0':
      if (typeof input !== 'string') throw new JqError(`${describe(input)} cannot be exploded`);
      yield [...input].map((c) => c.codePointAt(0)!);
      return;
    case 'implode/0':
      // jq 1.6 turns what is no Unicode scalar value into U+FFFD.
      yield (iterate(input) as number[]).map((c) => (Number.isInteger(c) && c >= 0 && c <= 0x10ffff && (c < 0xd800 || c > 0xdfff) ? String.fromCodePoint(c) : '\ufffd')).join('');
      return;
    case 'transpose/0': {
      const rows = iterate(input).map((r) => iterate(r));
      const w = Math.max(0, ...rows.map((r) => r.length));
      yield Array.from({ length: w }, (_, i) => rows.map((r) => r[i] ?? null));
      return;
    }
    case 'walk/1': {
      const w = (v: JVal): JVal => {
        tick(ctx);
        let x = v;
        if (Array.isArray(v)) x = v.map(w);
        else if (isObj(v)) x = new Map([...v].map(([k, y]) => [k, w(y)]));
        const r = evaluate(a[0], x, env, ctx).next();
        return r.done ? null : r.value;
      };
      yield w(input);
      return;
    }
    case 'input_line_number/0':
      yield 0;
      return;
    case 'splits/1':
    case 'splits/2':
      for (const f of a.length === 2 ? ev(1) : [null]) for (const re of ev(0)) yield* (input as string).split(regexOf(re, f));
      return;
    case 'IN/1':
      for (const v of ev(0))
        if (compare(v, input) === 0) {
          yield true;
          return;
        }
      yield false;
      return;
    case 'builtins/0':
      yield Object.entries(BUILTIN_ARITY).flatMap(([k, v]) => v.map((x) => `${k}/${x}`));
      return;
    case 'debug/0':
      ctx.debug?.(`["DEBUG:",${dump(input, 0)}]`);
      yield input;
      return;
    case 'stderr/0':
      ctx.debug?.(dump(input, 0));
      yield input;
      return;
    case 'input/0':
    case 'inputs/0': {
      const nx = ctx.nextInput?.();
      if (n.name === 'input') {
        if (nx === undefined) throw new JqError('No more inputs');
        yield nx;
      } else {
        for (let v = nx; v !== undefined; v = ctx.nextInput?.()) yield v;
      }
      return;
    }
    case 'ascii/0':
      yield String.fromCharCode(input as number);
      return;
    case 'halt/0':
      throw new HaltError(0);
    case 'halt_error/0':
    case 'halt_error/1':
      throw new HaltError(a.length ? Number(ev(0)[0]) : 5, input);
    case 'todate/0':
      yield new Date((input as number) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      return;
    case 'now/0':
      yield 0;
      return;
  }
  if (n.name.startsWith('@') && a.length === 0) {
    yield format(n.name, input);
    return;
  }
  throw new CompileError(`${n.name}/${a.length} is not defined`);
}

export class HaltError extends Error {
  code: number;
  value?: JVal;
  constructor(code: number, value?: JVal) {
    super('halt');
    this.code = code;
    this.value = value;
  }
}

interface Ctx {
  debug?: (s: string) => void;
  nextInput?: () => JVal | undefined;
}

function format(name: string, v: JVal): string {
  switch (name) {
    case '@text':
      return toStr(v);
    case '@json':
      return dump(v, 0);
    case '@csv':
    case '@tsv':
      if (!Array.isArray(v)) throw new JqError(`${describe(v)} cannot be ${name === '@csv' ? 'csv' : 'tsv'}-formatted, only an array can be`);
      return v
        .map((x) => {
          if (typeof x === 'number') return fmtNumber(x);
          if (typeof x === 'boolean') return String(x);
          if (x === null) return '';
          if (typeof x === 'string') return name === '@csv' ? `"${x.replace(/"/g, '""')}"` : x.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
          throw new JqError(`${describe(x)} is not valid in a csv row`);
        })
        .join(name === '@csv' ? ',' : '\t');
    case '@html':
      return toStr(v).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c]!);
    case '@uri':
      return [...new TextEncoder().encode(toStr(v))].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0'))).join('');
    case '@sh': {
      const q = (x: JVal): string => {
        if (typeof x === 'string') return `'${x.replace(/'/g, "'\\''")}'`;
        if (Array.isArray(x) || isObj(x)) throw new JqError(`${describe(x)} can not be escaped for shell`);
        return toStr(x);
      };
      return Array.isArray(v) ? v.map(q).join(' ') : q(v);
    }
    case '@base64': {
      const bytes = new TextEncoder().encode(toStr(v));
      let bin = '';
      for (const b of bytes) bin += String.fromCharCode(b);
      return btoa(bin);
    }
    case '@base64d': {
      try {
        const bin = atob(toStr(v).replace(/=+$/, ''));
        return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
      } catch {
        throw new JqError(`${describe(v)} is not valid base64 data`);
      }
    }
  }
  throw new CompileError(`${name} is not a valid format`);
}

function num(v: JVal, name: string, f: (x: number) => number): number {
  if (typeof v !== 'number') throw new JqError(`${describe(v)} number required`);
  void name;
  return f(v);
}

function iterate(v: JVal): JVal[] {
  if (Array.isArray(v)) return v;
  if (isObj(v)) return [...v.values()];
  throw new JqError(`Cannot iterate over ${describe(v)}`);
}

function contains(a: JVal, b: JVal): boolean {
  if (isObj(a) && isObj(b)) return [...b].every(([k, v]) => a.has(k) && contains(a.get(k)!, v));
  if (Array.isArray(a) && Array.isArray(b)) return b.every((x) => a.some((y) => contains(y, x)));
  if (typeof a === 'string' && typeof b === 'string') return a.includes(b);
  if (typeName(a) === typeName(b)) return compare(a, b) === 0;
  throw new JqError(`${describe(a)} and ${describe(b)} cannot have their containment checked`);
}

// ---------------------------------------------------------------- the program

const USAGE = `Usage:\tjq [OPTIONS] FILTER [FILES...]
\tjq [OPTIONS] --args FILTER [ARGUMENTS...]
\tjq [OPTIONS] --jsonargs FILTER [JSON_VALUES...]

jq is a tool for processing JSON inputs, applying the given filter to
its JSON text inputs and producing the filter's results as JSON on
standard output.

The simplest filter is ., which copies jq's input to its output
unmodified (except for formatting, but note that IEEE754 is used
for number representation internally, with all that that implies).

For more advanced filters see the jq(1) manpage ("man jq")
and/or https://stedolan.github.io/jq

Example:

\t$ echo '{"foo": 0}' | jq .
\t{
\t\t"foo": 0
\t}

For a listing of options, use jq --help.
`;

/** Run jq; returns the exit status. */
export async function jqMain(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  let raw = false;
  let join = false;
  let compact = false;
  let nullInput = false;
  let slurp = false;
  let exitStatus = false;
  let tab = false;
  let indent = 2;
  let sortKeys = false;
  let rawInput = false;
  let asciiOut = false;
  let filter: string | undefined;
  const files: string[] = [];
  const vars = new Map<string, JVal>();
  const named = new Map<string, JVal>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-') && a.length > 1 && filter === undefined ? true : a.startsWith('-') && a.length > 1) {
      if (a === '--arg' || a === '--argjson') {
        const name = args[i + 1];
        const val = args[i + 2];
        if (name === undefined || val === undefined) {
          p.stderr.write(`jq: ${a} takes two parameters (e.g. ${a} varname ${a === '--arg' ? 'value' : 'text'})\n${USAGE.split('\n').slice(0, 3).join('\n')}\n`);
          return 2;
        }
        if (a === '--arg') vars.set(name, val);
        else {
          const r = parseJsonStream(val);
          if (r.error || r.values.length !== 1) {
            p.stderr.write(`jq: Invalid JSON text passed to --argjson\n${USAGE.split('\n').slice(0, 3).join('\n')}\n`);
            return 2;
          }
          vars.set(name, r.values[0]);
        }
        named.set(name, vars.get(name)!);
        i += 2;
        continue;
      }
      if (a === '--indent') {
        indent = Math.max(0, Math.min(7, Number(args[++i]) || 0));
        continue;
      }
      if (a.startsWith('--')) {
        const long: Record<string, () => void> = {
          '--raw-output': () => (raw = true),
          '--join-output': () => (raw = join = true),
          '--compact-output': () => (compact = true),
          '--null-input': () => (nullInput = true),
          '--slurp': () => (slurp = true),
          '--exit-status': () => (exitStatus = true),
          '--tab': () => (tab = true),
          '--sort-keys': () => (sortKeys = true),
          '--raw-input': () => (rawInput = true),
          '--ascii-output': () => (asciiOut = true),
          '--monochrome-output': () => undefined,
          '--color-output': () => undefined,
        };
        if (a === '--help') {
          p.stdout.write(USAGE);
          return 0;
        }
        if (a === '--version') {
          p.stdout.write('jq-1.6\n');
          return 0;
        }
        const f = long[a];
        if (!f) {
          p.stderr.write(`jq: Unknown option: ${a}\n${USAGE}`);
          return 2;
        }
        f();
        continue;
      }
      for (const c of a.slice(1)) {
        switch (c) {
          case 'r':
            raw = true;
            break;
          case 'j':
            raw = join = true;
            break;
          case 'c':
            compact = true;
            break;
          case 'n':
            nullInput = true;
            break;
          case 's':
            slurp = true;
            break;
          case 'e':
            exitStatus = true;
            break;
          case 'S':
            sortKeys = true;
            break;
          case 'R':
            rawInput = true;
            break;
          case 'a':
            asciiOut = true;
            break;
          case 'M':
          case 'C':
            break;
          case 'h':
            p.stdout.write(USAGE);
            return 0;
          default:
            p.stderr.write(`jq: Unknown option: ${a}\n${USAGE}`);
            return 2;
        }
      }
      continue;
    }
    if (filter === undefined) filter = a;
    else files.push(a);
  }
  if (filter === undefined) {
    p.stderr.write(USAGE);
    return 2;
  }
  let ast: Node;
  try {
    ast = parse(filter);
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    const tok = unexpected(filter);
    p.stderr.write(`jq: error: syntax error, unexpected ${tok} (Unix shell quoting issues?) at <top-level>, line 1:\n${filter}${tok === '$end' ? ' ' : ''}\njq: 1 compile error\n`);
    return 3;
  }
  const undef = undefinedCall(ast, new Set());
  if (undef) {
    p.stderr.write(`jq: error: ${undef} is not defined at <top-level>, line 1:\n${filter}\njq: 1 compile error\n`);
    return 3;
  }
  // Gather the input texts.
  const texts: { name: string; text: string }[] = [];
  let st = 0;
  if (files.length === 0) texts.push({ name: '<stdin>', text: nullInput ? '' : await readAll(p) });
  else
    for (const f of files) {
      try {
        texts.push({ name: f, text: hostOf(p).vfs.readFile(f, p.vfsCtx()) });
      } catch (e) {
        p.stderr.write(`jq: error: Could not open ${f}: ${errMsg(e)}\n`);
        st = 2;
      }
    }
  const inputs: { v: JVal; where: string }[] = [];
  let parseError: string | undefined;
  for (const t of texts) {
    if (nullInput) break;
    if (rawInput) {
      const lines = t.text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      if (slurp) inputs.push({ v: t.text, where: t.name });
      else lines.forEach((l, i) => inputs.push({ v: l, where: `${t.name}:${i + 1}` }));
      continue;
    }
    const r = parseJsonStream(t.text);
    r.values.forEach((v, i) => inputs.push({ v, where: `${t.name}:${r.lines[i]}` }));
    if (r.error) {
      parseError = r.error;
      break;
    }
  }
  let stream: { v: JVal; where: string }[] = inputs;
  if (nullInput) stream = [{ v: null, where: '<unknown>' }];
  else if (slurp && !rawInput) stream = [{ v: inputs.map((x) => x.v), where: '<unknown>' }];
  const env: Env = { vars: new Map([...vars, ['ENV', new Map(Object.entries(p.env))], ['__prog_args', null]]), funcs: new Map(), closures: new Map() };
  env.vars.set('named', new Map([['positional', []], ['named', new Map(named)]] as [string, JVal][]));
  env.vars.delete('named');
  let last: JVal | undefined;
  let any = false;
  const ind = compact ? 0 : indent;
  let queue = nullInput ? inputs.slice() : [];
  const ctx: Ctx = {
    steps: 0,
    env: { ...p.env },
    debug: (s) => p.stderr.write(s + '\n'),
    nextInput: () => {
      const x = queue.shift();
      return x?.v;
    },
  };
  let i = 0;
  for (const item of stream) {
    if (!nullInput) queue = stream.slice(++i);
    try {
      for (const out of evaluate(ast, item.v, env, ctx)) {
        any = true;
        last = out;
        let s = raw && typeof out === 'string' ? out : dump(sortKeys ? sortDeep(out) : out, tab ? 1 : ind);
        if (tab) s = s.replace(/^ +/gm, (m) => '\t'.repeat(m.length));
        if (asciiOut) s = s.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
        p.stdout.write(join ? s : s + '\n');
      }
    } catch (e) {
      if (e instanceof HaltError) {
        if (e.value !== undefined) p.stderr.write(typeof e.value === 'string' ? e.value : dump(e.value, 0) + '\n');
        return e.code;
      }
      if (e instanceof CompileError) {
        p.stderr.write(`jq: error: ${e.message} at <top-level>, line 1:\n${filter}\njq: 1 compile error\n`);
        return 3;
      }
      if (e instanceof RangeError) {
        // Recursion without end: jq grows its stack until memory runs out, then aborts.
        p.stderr.write('jq: error: cannot allocate memory\n');
        return 134;
      }
      const err = e instanceof RegexBudgetError ? new JqError(e.message) : e;
      if (!(err instanceof JqError)) throw err;
      const msg = typeof err.value === 'string' ? err.value : `${dump(err.value, 0)} (not a string)`;
      p.stderr.write(`jq: error (at ${item.where}): ${msg}\n`);
      st = 5;
    }
    if (!nullInput && queue.length < stream.length - i) break;
  }
  if (parseError) {
    p.stderr.write(`parse error: ${parseError}\n`);
    return 4;
  }
  if (st) return st;
  if (exitStatus) {
    if (!any) return 4;
    return last === null || last === false ? 1 : 0;
  }
  return 0;
}

function sortDeep(v: JVal): JVal {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (isObj(v)) return new Map([...v.keys()].sort().map((k) => [k, sortDeep(v.get(k)!)]));
  return v;
}

/** The token jq's bison parser would complain about (approximation: $end for truncated input). */
function unexpected(src: string): string {
  const t = src.trim();
  if (/[[(|,{:.+\-*/=<>]$/.test(t) || /\b(if|then|else|elif|and|or)$/.test(t)) return '$end';
  const m = /[\])}]/.exec(t);
  if (m) return `'${m[0]}'`;
  return '$end';
}

/** First call of an unknown function (jq reports these at compile time). */
function undefinedCall(n: Node, defined: Set<string>): string | undefined {
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

register({
  name: 'jq',
  summary: 'command-line JSON processor',
  usage: 'jq [OPTIONS] FILTER [FILES...]',
  options: [
    { flag: '-r, --raw-output', desc: 'output strings without quotes' },
    { flag: '-c, --compact-output', desc: 'one value per line' },
    { flag: '-n, --null-input', desc: 'use null as the single input' },
    { flag: '-s, --slurp', desc: 'read all inputs into an array' },
    { flag: '-e, --exit-status', desc: 'exit status from the last output (1 for false/null, 4 for none)' },
    { flag: '-S, --sort-keys', desc: 'sort object keys' },
    { flag: '--arg', arg: 'NAME VALUE', desc: 'bind $NAME to a string' },
    { flag: '--argjson', arg: 'NAME JSON', desc: 'bind $NAME to a JSON value' },
  ],
  run: jqMain,
});
