// jq values: JSON text in and out as jq 1.6 prints it, comparison, arithmetic,
// paths and the helpers builtins share.


export type JVal = null | boolean | number | string | JVal[] | JObj;
export type JObj = Map<string, JVal>;

export const isObj = (v: JVal): v is JObj => v instanceof Map;

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
