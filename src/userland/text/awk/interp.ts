// The awk interpreter: records and fields, statements, expressions, getline, output streams and signals for next/exit/return.

import type { Process } from '../../../kernel/proc.ts';
import { hostOf } from '../../coreutils/host.ts';
import { safeRegExp } from '../../lib/safe-regex.ts';
import { awkRegex } from './regex.ts';
import { AwkArray, UNINIT, isNumeric, numToStr, sprintf, strnum, toNum, toStrC, type V } from './values.ts';
import type { Expr, Program, Stmt } from './parser.ts';

export class AwkRuntimeError extends Error {}
export class NextSignal {}
export class NextFileSignal {}
export class ExitSignal {
  code: number;
  constructor(code: number) {
    this.code = code;
  }
}
export class BreakSignal {}
export class ContinueSignal {}
export class ReturnSignal {
  v: V;
  constructor(v: V) {
    this.v = v;
  }
}

/** A builtin's argument i as a number (evaluated when asked for). */
type NumArg = (i: number) => number;

/** The numeric builtins. */
const MATH: Record<string, (n: NumArg) => number> = Object.setPrototypeOf({
  int: (n: NumArg) => Math.trunc(n(0)),
  sqrt: (n: NumArg) => Math.sqrt(n(0)),
  exp: (n: NumArg) => Math.exp(n(0)),
  log: (n: NumArg) => Math.log(n(0)),
  sin: (n: NumArg) => Math.sin(n(0)),
  cos: (n: NumArg) => Math.cos(n(0)),
  atan2: (n: NumArg) => Math.atan2(n(0), n(1)),
}, null);

/** substr(s, start [, len]) as mawk rounds it: positions from 1, clipped to the string. */
function substr(str: string, start: number, len: number | undefined): string {
  let b = Math.trunc(start);
  if (Number.isNaN(b)) b = 1;
  let l = len !== undefined ? Math.trunc(len) : Infinity;
  if (Number.isNaN(l)) l = 0;
  if (b < 1) {
    l -= b;
    b = 1;
  }
  if (l <= 0 || b > str.length) return '';
  return str.slice(b - 1, Math.min(str.length, b - 1 + l));
}

// ---------------------------------------------------------------- interpreter

export interface Input {
  next(): Promise<string | undefined>;
}

export class Interp {
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
      case 'assign':
        return this.assign(e);
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
      case 'incdec':
        return this.incdec(e);
      case 'call':
        return this.callUser(e.name, e.args);
      case 'builtin':
        return this.builtin(e.name, e.args);
      case 'getline':
        throw new AwkRuntimeError('getline is not supported here');
    }
  }

  /** `lv = e` and `lv op= e` (the right side first). */
  assign(e: Expr & { k: 'assign' }): V {
    if (e.op === '=') return this.assignTo(e.target, this.eval(e.e));
    const r = toNum(this.eval(e.e));
    const l = toNum(this.eval(e.target));
    return this.assignTo(e.target, this.arith(e.op[0], l, r));
  }

  /** `++lv`, `lv++`, `--lv`, `lv--`. */
  incdec(e: Expr & { k: 'incdec' }): V {
    const old = toNum(this.eval(e.target));
    const nv = e.op === '++' ? old + 1 : old - 1;
    this.assignTo(e.target, nv);
    return e.pre ? nv : old;
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
    const math = MATH[name];
    if (math) return math(n);
    switch (name) {
      case 'length':
        if (args.length === 0) return [...this.record].length;
        if (args[0].k === 'var' && this.isArrayName(args[0].name)) return this.array(args[0].name).size;
        return [...s(0)].length;
      case 'substr':
        return substr(s(0), n(1), args.length > 2 ? n(2) : undefined);
      case 'index': {
        const a = s(0);
        const b = s(1);
        return b === '' ? 1 : a.indexOf(b) + 1;
      }
      case 'split':
        return this.split(args);
      case 'sub':
      case 'gsub':
        return this.subst(args, name === 'gsub');
      case 'match':
        return this.match(s(0), args[1]);
      case 'sprintf': {
        if (!args.length) return '';
        const vals = args.map((a) => this.eval(a));
        return sprintf(this.str(vals[0]), vals.slice(1), (v) => this.str(v));
      }
      case 'tolower':
        return s(0).toLowerCase();
      case 'toupper':
        return s(0).toUpperCase();
      case 'rand':
        this.randSeed = (Math.imul(this.randSeed, 1103515245) + 12345) >>> 0;
        return this.randSeed / 4294967296;
      case 'srand': {
        const prev = this.prevSeed;
        this.prevSeed = args.length ? n(0) : 0;
        this.randSeed = this.prevSeed >>> 0;
        return prev;
      }
      case 'system':
      case 'close':
      case 'fflush':
        this.flush();
        return 0;
    }
    throw new AwkRuntimeError(`unknown builtin ${name}`);
  }

  /** split(s, arr [, sep]): the pieces into arr[1..n]; returns n. */
  split(args: Expr[]): V {
    const str = this.str(this.eval(args[0]));
    if (args[1].k !== 'var') throw new AwkRuntimeError('split: second argument must be an array');
    const arr = this.array(args[1].name);
    let parts: string[];
    const sepE = args[2];
    if (!sepE) parts = this.splitWith(str, this.scalar('FS'));
    else if (sepE.k !== 're') parts = this.splitWith(str, this.eval(sepE));
    else {
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
    }
    arr.setSplit(parts.map(strnum));
    return parts.length;
  }

  /** match(s, re): the 1-based start of the leftmost match (0 if none); sets RSTART and RLENGTH. */
  match(str: string, re: Expr): V {
    const m = this.matchRe(re).exec(str);
    const start = m ? m.index + 1 : 0;
    this.globals.set('RSTART', start);
    this.globals.set('RLENGTH', m ? m[0].length : -1);
    return start;
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
      case 'print':
        this.print(st);
        return;
      case 'if':
        if (this.truth(this.eval(st.c))) this.exec(st.a);
        else if (st.b) this.exec(st.b);
        return;
      case 'while':
      case 'do':
      case 'for':
      case 'forin':
        this.loop(st);
        return;
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

  /** print and printf, to the output or a redirection. */
  print(st: Stmt & { k: 'print' }): void {
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
  }

  /** while, do-while, for and for-in. */
  loop(st: Stmt & { k: 'while' | 'do' | 'for' | 'forin' }): void {
    switch (st.k) {
      case 'while':
        while (this.truth(this.eval(st.c))) if (!this.loopBody(st.body)) break;
        return;
      case 'do':
        do if (!this.loopBody(st.body)) break;
        while (this.truth(this.eval(st.c)));
        return;
      case 'for':
        if (st.init) this.exec(st.init);
        while (!st.c || this.truth(this.eval(st.c))) {
          if (!this.loopBody(st.body)) break;
          if (st.step) this.exec(st.step);
        }
        return;
      case 'forin': {
        const arr = this.array(st.arr);
        for (const k of arr.keys()) {
          this.assignTo(st.v, k);
          if (!this.loopBody(st.body)) break;
        }
      }
    }
  }

  /** One pass of a loop body: false after `break` (`continue` just ends the pass). */
  loopBody(body: Stmt): boolean {
    try {
      this.exec(body);
    } catch (x) {
      if (x instanceof BreakSignal) return false;
      if (!(x instanceof ContinueSignal)) throw x;
    }
    return true;
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
