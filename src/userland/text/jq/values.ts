// jq values: JSON text in and out as jq 1.6 prints it, comparison, arithmetic,
// paths and the helpers builtins share.


export type JVal = null | boolean | number | string | JVal[] | JObj;
export type JObj = Map<string, JVal>;

export const isObj = (v: JVal): v is JObj => v instanceof Map;

// ---------------------------------------------------------------- JSON text

/** What parseJsonStream returns: the values before any error, the line each ended on, and the error. */
export interface JsonStream {
  values: JVal[];
  error?: string;
  lines: number[];
}

/** Parse a stream of JSON texts as jq 1.6's token-driven parser does (same error messages and positions). */
export function parseJsonStream(text: string): JsonStream {
  return new JsonStreamParser(text).parse();
}

const JSON_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"' };

/** An open array, object, or object key awaiting its value. */
type Frame = JVal[] | JObj | { key: string };
const isKey = (f: Frame | undefined): f is { key: string } => f !== undefined && !Array.isArray(f) && !(f instanceof Map);

/**
 * jq's parser, character by character: literals (numbers, true/false/null)
 * gather in `tok` until a delimiter, structural characters work on a stack of
 * open frames, and a value completes when the stack is empty.
 */
class JsonStreamParser {
  private readonly text: string;
  private readonly values: JVal[] = [];
  private readonly lines: number[] = [];
  private readonly frames: Frame[] = [];
  /** The value just completed, waiting for a separator. */
  private next: JVal | undefined;
  private tok = '';
  private i = 0;
  private line = 1;
  private column = 0;
  // Newlines up to each index, for the `<stdin>:N` of runtime errors (jq feeds its parser line by line).
  private fed = 0;
  private fedTo = 0;

  constructor(text: string) {
    this.text = text;
  }

  parse(): JsonStream {
    const text = this.text;
    for (; this.i < text.length; this.i++) {
      const ch = text[this.i];
      this.count(ch);
      const failed = ch === '"' ? this.stringToken() : ' \t\r\n[]{}:,'.includes(ch) ? this.delimiter(ch) : this.literalChar(ch);
      if (failed) return failed;
    }
    const m = this.literal();
    if (m) return this.err(m, true);
    this.done(text.length);
    if (this.frames.length || this.next !== undefined) return this.err('Unfinished JSON term', true);
    return { values: this.values, lines: this.lines };
  }

  /** A character of a number or true/false/null. */
  private literalChar(ch: string): JsonStream | undefined {
    this.tok += ch;
    return this.tok.length > 4096 ? this.err('Invalid numeric literal') : undefined;
  }

  /** Blank or structural: ends the literal being gathered; structure works on the stack. */
  private delimiter(ch: string): JsonStream | undefined {
    const m = this.literal();
    if (m) return this.err(m);
    this.done(this.i);
    if (' \t\r\n'.includes(ch)) return undefined;
    const m2 = this.token(ch);
    if (m2) return this.err(m2);
    this.done(this.i);
    return undefined;
  }

  private err(msg: string, eof = false): JsonStream {
    return { values: this.values, lines: this.lines, error: `${msg}${eof ? ' at EOF' : ''} at line ${this.line}, column ${this.column}` };
  }

  /** Line and column after character `c`. */
  private count(c: string): void {
    if (c === '\n') {
      this.line++;
      this.column = 0;
    } else this.column++;
  }

  private linesFed(i: number): number {
    const nl = this.text.indexOf('\n', i);
    const end = nl < 0 ? this.text.length : nl + 1;
    for (; this.fedTo < end; this.fedTo++) if (this.text[this.fedTo] === '\n') this.fed++;
    return this.fed;
  }

  private top(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  private value(v: JVal): string | undefined {
    if (this.next !== undefined) return 'Expected separator between values';
    this.next = v;
    return undefined;
  }

  /** The gathered literal (number, true, false, null), if any, becomes a value. */
  private literal(): string | undefined {
    if (!this.tok) return undefined;
    const t = this.tok;
    this.tok = '';
    const pat = t[0] === 't' ? 'true' : t[0] === 'f' ? 'false' : t[0] === 'n' && t.length !== 3 ? 'null' : undefined;
    if (pat) {
      if (t !== pat) return 'Invalid literal';
      return this.value(pat === 'true' ? true : pat === 'false' ? false : null);
    }
    if (!/^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) return 'Invalid numeric literal';
    const n = Number(t);
    return this.value(Number.isFinite(n) ? n : n > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE);
  }

  /** A structural character: `[ { : , ] }`. */
  private token(ch: string): string | undefined {
    const t = this.top();
    switch (ch) {
      case '[':
      case '{':
        if (this.next !== undefined) return 'Expected separator between values';
        if (this.frames.length >= 256) return 'Exceeds depth limit for parsing';
        this.frames.push(ch === '[' ? [] : new Map());
        return undefined;
      case ':':
        if (!(t instanceof Map)) return "':' not as part of an object";
        if (typeof this.next !== 'string') return 'Object keys must be strings';
        this.frames.push({ key: this.next });
        this.next = undefined;
        return undefined;
      case ',':
        return this.comma(t);
      case ']':
        if (!Array.isArray(t)) return "Unmatched ']'";
        if (this.next !== undefined) t.push(this.next);
        else if (t.length) return 'Expected another array element';
        this.next = this.frames.pop() as JVal;
        return undefined;
      case '}':
        return this.closeObject(t);
    }
    return undefined;
  }

  private comma(t: Frame | undefined): string | undefined {
    if (this.next === undefined) return "Expected value before ','";
    if (t === undefined) return "',' not as part of an object or array";
    if (Array.isArray(t)) t.push(this.next);
    else if (isKey(t)) {
      this.frames.pop();
      (this.top() as JObj).set(t.key, this.next);
    } else return 'Objects must consist of key:value pairs';
    this.next = undefined;
    return undefined;
  }

  private closeObject(t: Frame | undefined): string | undefined {
    if (t === undefined) return "Unmatched '}'";
    if (this.next !== undefined) {
      if (!isKey(t)) return 'Objects must consist of key:value pairs';
      this.frames.pop();
      (this.top() as JObj).set(t.key, this.next);
    } else {
      if (!(t instanceof Map)) return "Unmatched '}'";
      if (t.size) return 'Expected another key-value pair';
    }
    this.next = this.frames.pop() as JVal;
    return undefined;
  }

  /** A value is complete when no frame is open. */
  private done(i: number): void {
    if (this.frames.length === 0 && this.next !== undefined) {
      this.values.push(this.next);
      this.lines.push(this.linesFed(i));
      this.next = undefined;
    }
  }

  /** A string token from the quote at `i`: scan to its closing quote; an error result, or undefined. */
  private stringToken(): JsonStream | undefined {
    const m = this.literal();
    if (m) return this.err(m);
    this.done(this.i);
    const text = this.text;
    let out = '';
    let j = this.i + 1;
    let closed = false;
    for (; j < text.length; j++) {
      const c = text[j];
      this.count(c);
      if (c === '"') {
        closed = true;
        break;
      }
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = text[++j];
      this.column++;
      if (e === 'u') {
        const hex = text.slice(j + 1, j + 5);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) return this.err('Invalid escape');
        out += String.fromCharCode(parseInt(hex, 16));
        j += 4;
        this.column += 4;
      } else if (e !== undefined && JSON_ESCAPES[e] !== undefined) out += JSON_ESCAPES[e];
      else return this.err('Invalid escape');
    }
    this.i = j;
    if (!closed) return this.err('Unfinished string', true);
    const m2 = this.value(out);
    if (m2) return this.err(m2);
    this.done(this.i);
    return undefined;
  }
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

export function fmtString(s: string): string {
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

export class JqError extends Error {
  value: JVal;
  constructor(msg: JVal) {
    super(typeof msg === 'string' ? msg : dump(msg, 0));
    this.value = msg;
  }
}
export class CompileError extends Error {}
export class BreakOut extends Error {}

export function typeName(v: JVal): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return Array.isArray(v) ? 'array' : 'object';
}

/** `type (value)` with the value truncated as jq does (11 bytes then ...). */
export function describe(v: JVal): string {
  let s = dump(v, 0);
  if (s.length > 11) s = s.slice(0, 10) + '...';
  return `${typeName(v)} (${s})`;
}

// ---------------------------------------------------------------- lexer/parser

export function compare(a: JVal, b: JVal): number {
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

export const truthy = (v: JVal): boolean => v !== null && v !== false;

export function index(v: JVal, k: JVal): JVal {
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

export function slice(v: JVal, from: JVal, to: JVal): JVal {
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

export function arith(op: string, a: JVal, b: JVal): JVal {
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

export function splitStr(a: string, b: string): JVal[] {
  if (a === '') return [];
  return a.split(b);
}

export function deepMerge(a: JObj, b: JObj): JObj {
  const out = new Map(a);
  for (const [k, v] of b) {
    const o = out.get(k);
    out.set(k, o !== undefined && isObj(o) && isObj(v) ? deepMerge(o, v) : v);
  }
  return out;
}

export function lengthOf(v: JVal): JVal {
  if (v === null) return 0;
  if (typeof v === 'boolean') throw new JqError(`${describe(v)} has no length`);
  if (typeof v === 'number') return Math.abs(v);
  if (typeof v === 'string') return [...v].length;
  if (Array.isArray(v)) return v.length;
  return v.size;
}

export function keysOf(v: JVal, sorted: boolean): JVal {
  if (Array.isArray(v)) return v.map((_, i) => i);
  if (isObj(v)) {
    const k = [...v.keys()];
    return sorted ? k.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : k;
  }
  throw new JqError(`${describe(v)} has no keys`);
}

export function toStr(v: JVal): string {
  return typeof v === 'string' ? v : dump(v, 0);
}

export function getPath(v: JVal, p: JVal[]): JVal {
  let cur = v;
  for (const k of p) cur = index(cur, k);
  return cur;
}

export function setPath(v: JVal, p: JVal[], x: JVal, i = 0): JVal {
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

export function delPaths(v: JVal, ps: JVal[][]): JVal {
  // Delete longest/last paths first so indices stay valid.
  const sorted = [...ps].sort((a, b) => compare(b, a));
  let out = v;
  for (const p of sorted) out = delPath(out, p);
  return out;
}

export function delPath(v: JVal, p: JVal[]): JVal {
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

export class HaltError extends Error {
  code: number;
  value?: JVal;
  constructor(code: number, value?: JVal) {
    super('halt');
    this.code = code;
    this.value = value;
  }
}

export function format(name: string, v: JVal): string {
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

export function num(v: JVal, name: string, f: (x: number) => number): number {
  if (typeof v !== 'number') throw new JqError(`${describe(v)} number required`);
  void name;
  return f(v);
}

export function iterate(v: JVal): JVal[] {
  if (Array.isArray(v)) return v;
  if (isObj(v)) return [...v.values()];
  throw new JqError(`Cannot iterate over ${describe(v)}`);
}

export function contains(a: JVal, b: JVal): boolean {
  if (isObj(a) && isObj(b)) return [...b].every(([k, v]) => a.has(k) && contains(a.get(k)!, v));
  if (Array.isArray(a) && Array.isArray(b)) return b.every((x) => a.some((y) => contains(y, x)));
  if (typeof a === 'string' && typeof b === 'string') return a.includes(b);
  if (typeName(a) === typeName(b)) return compare(a, b) === 0;
  throw new JqError(`${describe(a)} and ${describe(b)} cannot have their containment checked`);
}

// ---------------------------------------------------------------- the program

export function sortDeep(v: JVal): JVal {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (isObj(v)) return new Map([...v.keys()].sort().map((k) => [k, sortDeep(v.get(k)!)]));
  return v;
}
