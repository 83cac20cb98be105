// awk values: strnums, number-to-string conversion, associative arrays and sprintf.

import { fmtFloat, fmtInt, fmtStr, gForm, type Spec } from '../cfmt.ts';
import { AwkRuntimeError } from './interp.ts';

/** A string that came from input and looks numeric (compares as a number). */
export interface StrNum {
  s: string;
  n: number;
  uninit?: boolean;
}
export type V = number | string | StrNum;
export const UNINIT: StrNum = { s: '', n: 0, uninit: true };
export const MAX_INT = 2147483647;

/** glibc strtod on a prefix (hex, inf, nan included); 0 when none. */
export function strtod(s: string): number {
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
export function looksNumeric(s: string): boolean {
  return /^[ \t\n]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[ \t\n]*$/.test(s) || /^[ \t\n]*[+-]?0[xX][0-9a-fA-F]+[ \t\n]*$/.test(s);
}

export function strnum(s: string): V {
  return looksNumeric(s) ? { s, n: strtod(s) } : s;
}

export function toNum(v: V): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return strtod(v);
  return v.n;
}

export function isNumeric(v: V): boolean {
  return typeof v !== 'string';
}

/** A double as mawk converts it with `fmt` (OFMT or CONVFMT). */
export function numToStr(d: number, fmt: string): string {
  if (Number.isInteger(d) && d >= -MAX_INT && d <= MAX_INT) return String(d === 0 ? 0 : d);
  if (Number.isNaN(d)) return '-nan';
  if (!Number.isFinite(d)) return d > 0 ? 'inf' : '-inf';
  if (fmt === '%.6g') return gForm(Math.abs(d), 6, false).replace(/^/, d < 0 ? '-' : '');
  return sprintf(fmt, [d]);
}

// ---------------------------------------------------------------- arrays (mawk's hash table, for iteration order)

export interface ANode {
  key: string;
  hasS: boolean;
  ival?: number;
  cell: V;
}

export function fnv1a(s: string): number {
  let h = 2166136261;
  for (const b of new TextEncoder().encode(s)) {
    h ^= b;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

export const HMASK = 63;

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

// ---------------------------------------------------------------- printf

export function sprintf(fmt: string, args: V[], conv = (v: V) => toStrC(v, '%.6g')): string {
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
    out += formatOne(spec, next(), conv);
  }
  return out;
}

/** One conversion of a printf format with its value. */
function formatOne(spec: Spec, v: V, conv: (v: V) => string): string {
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
      return fmtInt(n, spec);
    }
    case 'c': {
      const s = typeof v === 'number' ? String.fromCharCode(Math.trunc(v) & 0xff) : conv(v).slice(0, 1);
      return fmtStr(s, { ...spec, prec: undefined });
    }
    case 's':
      return fmtStr(conv(v), spec);
    default:
      return fmtFloat(toNum(v), spec);
  }
}

export function toStrC(v: V, fmt: string): string {
  if (typeof v === 'number') return numToStr(v, fmt);
  if (typeof v === 'string') return v;
  return v.s;
}
