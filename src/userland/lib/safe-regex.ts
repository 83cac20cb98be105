// Regular expressions that cannot freeze the page. Every regex a learner can
// type (grep, sed, awk, jq, bash's [[ =~ ]]) is compiled here instead of by
// `new RegExp`: the tools' translators still produce JavaScript-style regex
// source, which runs on RE2JS (a linear-time automaton, no backtracking).
// What RE2 cannot express — back-references, look-ahead, repeat counts above
// 1000 — runs on a small backtracking matcher with a step budget: a pattern
// that would backtrack catastrophically fails with RegexBudgetError ("memory
// exhausted", what GNU regexec's REG_ESPACE makes grep say) instead of
// hanging. See docs/ARCHITECTURE.md, "Bounds".

import { RE2JS } from 're2js';

/** A match gave up: the bounded (back-reference) matcher ran out of steps. */
export class RegexBudgetError extends Error {
  constructor() {
    super('memory exhausted');
  }
}

/** A pattern neither engine accepts (a JavaScript-syntax error in the source). */
export class RegexSyntaxError extends Error {}

/** Steps the bounded matcher may take for one search (deterministic). */
export const BACKTRACK_BUDGET = 1_000_000;

export interface SafeRegexOptions {
  /** POSIX leftmost-longest matching (GNU grep/sed, awk) instead of leftmost-first. */
  longest?: boolean;
}

type Caps = (number | undefined)[];

interface Engine {
  /** Search from `from`; the capture positions [s0, e0, s1, e1, …] or null. */
  search(s: string, from: number, sticky: boolean): Caps | null;
  groups: number;
  names: Record<string, number>;
}

/** Rewrite JavaScript regex syntax into RE2's where they differ; null if RE2 has no equivalent. */
function toRe2(src: string): string | null {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      const n = src[i + 1];
      if (n === undefined) return null;
      if (n >= '1' && n <= '9' && !inClass) return null; // back-reference
      if (n === 'k' && src[i + 2] === '<') return null;
      if (n === 'u') {
        const m = /^\{([0-9a-fA-F]+)\}|^([0-9a-fA-F]{4})/.exec(src.slice(i + 2));
        if (!m) return null;
        out += `\\x{${m[1] ?? m[2]}}`;
        i += 1 + m[0].length;
        continue;
      }
      if (n === 'c' || n === 'p' || n === 'P') return null;
      if (n === '0') {
        out += '\\x00';
        i++;
        continue;
      }
      if (n === '/') {
        out += '/';
        i++;
        continue;
      }
      if (n === 'v') {
        out += '\\x0B';
        i++;
        continue;
      }
      if (n === '-' && !inClass) {
        out += '-';
        i++;
        continue;
      }
      out += c + n;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (src[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (src[i + 1] === ']') return null; // JS: [] / [^] (empty / any)
      continue;
    }
    if (c === '(' && src[i + 1] === '?') {
      const rest = src.slice(i + 2);
      // (?![\s\S]) is \z and (?<![\s\S]) is \A (GNU \' and \`).
      if (rest.startsWith('![\\s\\S])')) {
        out += '\\z';
        i += 2 + '![\\s\\S])'.length - 1;
        continue;
      }
      if (rest.startsWith('<![\\s\\S])')) {
        out += '\\A';
        i += 2 + '<![\\s\\S])'.length - 1;
        continue;
      }
      // "Next is not a word character", as grep -w and \< need it.
      if (rest.startsWith('![A-Za-z0-9_])') || rest.startsWith('!\\w)')) {
        out += '(?:\\b(?<=\\w)|\\B(?<!\\w))';
        i += 2 + (rest.startsWith('!\\w)') ? '!\\w)' : '![A-Za-z0-9_])').length - 1;
        continue;
      }
      if (rest.startsWith('=\\w)')) {
        // only after \b: the previous character is not a word character
        if (!out.endsWith('\\b')) return null;
        out += '(?<!\\w)';
        i += 2 + '=\\w)'.length - 1;
        continue;
      }
      if (rest.startsWith('=') || rest.startsWith('!')) return null; // look-ahead
      if (rest.startsWith('<') && !rest.startsWith('<=') && !rest.startsWith('<!')) {
        out += '(?P<';
        i += 2;
        continue;
      }
    }
    out += c;
  }
  return out;
}

class Re2Engine implements Engine {
  groups: number;
  names: Record<string, number>;
  private m: ReturnType<RE2JS['matcher']> | undefined;
  private input: string | undefined;
  private re: RE2JS;
  constructor(re: RE2JS) {
    this.re = re;
    this.groups = re.groupCount();
    this.names = re.namedGroups();
  }
  search(s: string, from: number, sticky: boolean): Caps | null {
    if (this.input !== s || !this.m) {
      this.m = this.re.matcher(s);
      this.input = s;
    }
    const m = this.m;
    if (!m.find(from)) return null;
    if (sticky && m.start() !== from) return null;
    const caps: Caps = [];
    for (let g = 0; g <= this.groups; g++) {
      const st = m.start(g);
      caps.push(st < 0 ? undefined : st, st < 0 ? undefined : m.end(g));
    }
    return caps;
  }
}

// ---- the bounded backtracking matcher ------------------------------------------

type Cont = (pos: number, caps: Caps) => boolean;
type Node = (pos: number, caps: Caps, k: Cont) => boolean;

interface BtCtx {
  s: string;
  steps: number;
}

class BtParser {
  i = 0;
  groups = 0;
  names: Record<string, number> = {};
  private src: string;
  private ctx: { get: () => BtCtx };
  private icase: boolean;
  private dotAll: boolean;
  private multi: boolean;
  constructor(src: string, ctx: { get: () => BtCtx }, icase: boolean, dotAll: boolean, multi: boolean) {
    this.src = src;
    this.ctx = ctx;
    this.icase = icase;
    this.dotAll = dotAll;
    this.multi = multi;
  }
  fail(): never {
    throw new RegexSyntaxError(`Invalid regular expression: /${this.src}/`);
  }
  step(): void {
    if (++this.ctx.get().steps > BACKTRACK_BUDGET) throw new RegexBudgetError();
  }
  alt(): Node {
    const alts: Node[] = [this.seq()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.seq());
    }
    if (alts.length === 1) return alts[0];
    return (p, c, k) => {
      for (const a of alts) {
        this.step();
        if (a(p, c, k)) return true;
      }
      return false;
    };
  }
  seq(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') items.push(this.quantified());
    const run = (idx: number, p: number, c: Caps, k: Cont): boolean => (idx === items.length ? k(p, c) : items[idx](p, c, (p2, c2) => run(idx + 1, p2, c2, k)));
    return (p, c, k) => run(0, p, c, k);
  }
  quantified(): Node {
    const atom = this.atom();
    const q = this.src[this.i];
    let min: number;
    let max: number;
    if (q === '*') [min, max] = [0, Infinity];
    else if (q === '+') [min, max] = [1, Infinity];
    else if (q === '?') [min, max] = [0, 1];
    else if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return atom;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    let lazy = false;
    if (this.src[this.i] === '?') {
      lazy = true;
      this.i++;
    }
    const rep = (n: number, p: number, c: Caps, k: Cont): boolean => {
      this.step();
      const more = (): boolean => n < max && atom(p, c, (p2, c2) => (p2 === p && n >= min ? false : rep(n + 1, p2, c2, k)));
      if (n < min) return more();
      if (lazy) return k(p, c) || more();
      return more() || k(p, c);
    };
    return (p, c, k) => rep(0, p, c, k);
  }
  cls(): (ch: string) => boolean {
    // at '[' already consumed
    let neg = false;
    if (this.src[this.i] === '^') {
      neg = true;
      this.i++;
    }
    const tests: ((ch: string) => boolean)[] = [];
    let first = true;
    for (;;) {
      if (this.i >= this.src.length) this.fail();
      const c = this.src[this.i];
      if (c === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      let lo: string;
      if (c === '\\') {
        const e = this.escapeChar(true);
        if (typeof e !== 'string') {
          tests.push(e);
          continue;
        }
        lo = e;
      } else {
        lo = c;
        this.i++;
      }
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        let hi: string;
        if (this.src[this.i] === '\\') {
          const e = this.escapeChar(true);
          if (typeof e !== 'string') this.fail();
          hi = e;
        } else hi = this.src[this.i++];
        const a = lo.charCodeAt(0);
        const b = hi.charCodeAt(0);
        if (b < a) this.fail();
        tests.push((ch) => {
          const x = ch.charCodeAt(0);
          if (x >= a && x <= b) return true;
          if (!this.icase) return false;
          const l = ch.toLowerCase().charCodeAt(0);
          const u = ch.toUpperCase().charCodeAt(0);
          return (l >= a && l <= b) || (u >= a && u <= b);
        });
      } else {
        const l = lo;
        tests.push((ch) => ch === l || (this.icase && ch.toLowerCase() === l.toLowerCase()));
      }
    }
    return (ch) => tests.some((t) => t(ch)) !== neg;
  }
  /** After a backslash: a literal character or a class test. */
  escapeChar(inClass: boolean): string | ((ch: string) => boolean) {
    this.i++; // the backslash
    const n = this.src[this.i++];
    if (n === undefined) this.fail();
    const word = (ch: string): boolean => /[A-Za-z0-9_]/.test(ch);
    const space = (ch: string): boolean => /\s/.test(ch);
    switch (n) {
      case 'd':
        return (ch) => ch >= '0' && ch <= '9';
      case 'D':
        return (ch) => !(ch >= '0' && ch <= '9');
      case 'w':
        return word;
      case 'W':
        return (ch) => !word(ch);
      case 's':
        return space;
      case 'S':
        return (ch) => !space(ch);
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case '0':
        return '\0';
      case 'b':
        if (inClass) return '\b';
        break;
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i));
        if (!m) return 'x';
        this.i += 2;
        return String.fromCharCode(parseInt(m[0], 16));
      }
      case 'u': {
        const m = /^\{([0-9a-fA-F]+)\}|^([0-9a-fA-F]{4})/.exec(this.src.slice(this.i));
        if (!m) return 'u';
        this.i += m[0].length;
        const cp = parseInt(m[1] ?? m[2], 16);
        if (cp > 0x10ffff) this.fail();
        return String.fromCodePoint(cp);
      }
    }
    return n;
  }
  atom(): Node {
    const c = this.src[this.i];
    const ctx = this.ctx;
    const lit = (test: (ch: string) => boolean): Node => (p, caps, k) => {
      this.step();
      const s = ctx.get().s;
      return p < s.length && test(s[p]) && k(p + 1, caps);
    };
    if (c === '(') {
      this.i++;
      let kind: 'cap' | 'nc' | 'la' | 'nla' | 'lb' | 'nlb' = 'cap';
      let name: string | undefined;
      if (this.src[this.i] === '?') {
        const r = this.src.slice(this.i + 1);
        if (r.startsWith(':')) [kind, this.i] = ['nc', this.i + 2];
        else if (r.startsWith('=')) [kind, this.i] = ['la', this.i + 2];
        else if (r.startsWith('!')) [kind, this.i] = ['nla', this.i + 2];
        else if (r.startsWith('<=')) [kind, this.i] = ['lb', this.i + 3];
        else if (r.startsWith('<!')) [kind, this.i] = ['nlb', this.i + 3];
        else {
          const m = /^P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(r);
          if (!m) this.fail();
          name = m[1];
          this.i += 1 + m[0].length;
        }
      }
      const idx = kind === 'cap' ? ++this.groups : 0;
      if (name) this.names[name] = idx;
      const inner = this.alt();
      if (this.src[this.i] !== ')') this.fail();
      this.i++;
      if (kind === 'cap')
        return (p, caps, k) =>
          inner(p, caps, (p2, c2) => {
            const cc = c2.slice();
            cc[2 * idx] = p;
            cc[2 * idx + 1] = p2;
            return k(p2, cc);
          });
      if (kind === 'nc') return inner;
      if (kind === 'la' || kind === 'nla') {
        const want = kind === 'la';
        return (p, caps, k) => {
          let got: Caps | undefined;
          const ok = inner(p, caps, (_p2, c2) => {
            got = c2;
            return true;
          });
          if (ok !== want) return false;
          return k(p, want && got ? got : caps);
        };
      }
      const want = kind === 'lb';
      return (p, caps, k) => {
        let ok = false;
        for (let j = p; j >= 0 && !ok; j--) ok = inner(j, caps, (p2) => p2 === p);
        return ok === want && k(p, caps);
      };
    }
    if (c === '[') {
      this.i++;
      return lit(this.cls());
    }
    if (c === '.') {
      this.i++;
      return lit((ch) => this.dotAll || (ch !== '\n' && ch !== '\r' && ch !== '\u2028' && ch !== '\u2029'));
    }
    if (c === '^') {
      this.i++;
      return (p, caps, k) => (p === 0 || (this.multi && ctx.get().s[p - 1] === '\n')) && k(p, caps);
    }
    if (c === '$') {
      this.i++;
      return (p, caps, k) => {
        const s = ctx.get().s;
        return (p === s.length || (this.multi && s[p] === '\n')) && k(p, caps);
      };
    }
    if (c === '\\') {
      const n = this.src[this.i + 1];
      const isWord = (p: number): boolean => {
        const s = ctx.get().s;
        return p >= 0 && p < s.length && /[A-Za-z0-9_]/.test(s[p]);
      };
      if (n === 'b' || n === 'B') {
        this.i += 2;
        const want = n === 'b';
        return (p, caps, k) => (isWord(p - 1) !== isWord(p)) === want && k(p, caps);
      }
      if (n === 'A' || n === 'z') {
        this.i += 2;
        return (p, caps, k) => (n === 'A' ? p === 0 : p === ctx.get().s.length) && k(p, caps);
      }
      const bm = /^\\([1-9][0-9]*)|^\\k<([A-Za-z_][A-Za-z0-9_]*)>/.exec(this.src.slice(this.i));
      if (bm) {
        this.i += bm[0].length;
        const ref = bm[1] ? () => Number(bm[1]) : () => this.names[bm[2]] ?? this.fail();
        return (p, caps, k) => {
          this.step();
          const g = ref();
          const a = caps[2 * g];
          const b = caps[2 * g + 1];
          if (a === undefined || b === undefined) return k(p, caps);
          const s = ctx.get().s;
          const sub = s.slice(a, b);
          const here = s.slice(p, p + sub.length);
          if (here === sub || (this.icase && here.toLowerCase() === sub.toLowerCase())) return k(p + sub.length, caps);
          return false;
        };
      }
      const e = this.escapeChar(false);
      if (typeof e !== 'string') return lit(e);
      return lit((ch) => ch === e || (this.icase && ch.toLowerCase() === e.toLowerCase()));
    }
    if (c === '*' || c === '+' || c === '?' || c === ')') this.fail();
    this.i++;
    return lit((ch) => ch === c || (this.icase && ch.toLowerCase() === c.toLowerCase()));
  }
}

class BacktrackEngine implements Engine {
  groups: number;
  names: Record<string, number>;
  private node: Node;
  private cur: BtCtx = { s: '', steps: 0 };
  constructor(src: string, flags: string) {
    const p = new BtParser(src, { get: () => this.cur }, flags.includes('i'), flags.includes('s'), flags.includes('m'));
    this.node = p.alt();
    if (p.i !== src.length) p.fail();
    this.groups = p.groups;
    this.names = p.names;
  }
  search(s: string, from: number, sticky: boolean): Caps | null {
    this.cur = { s, steps: 0 };
    const empty: Caps = new Array(2 * (this.groups + 1)).fill(undefined);
    for (let st = from; st <= s.length; st++) {
      let res: Caps | null = null;
      try {
        if (this.node(st, empty, (p, c) => {
          res = c.slice();
          res[0] = st;
          res[1] = p;
          return true;
        }))
          return res;
      } catch (e) {
        if (e instanceof RangeError) throw new RegexBudgetError(); // recursion too deep
        throw e;
      }
      if (sticky) break;
    }
    return null;
  }
}

/** Compiled engines by flags and source (a shell `case` in a loop compiles once). */
const ENGINES = new Map<string, { engine: Engine; bounded: boolean }>();

/** A RegExp look-alike (exec, test, lastIndex, and the String methods' hooks) on a safe engine. */
export class SafeRegExp {
  readonly source: string;
  readonly flags: string;
  lastIndex = 0;
  private engine: Engine;
  /** True when the pattern runs on the bounded backtracking matcher. */
  readonly bounded: boolean;

  constructor(source: string, flags = '', opts: SafeRegexOptions = {}) {
    this.source = source;
    this.flags = [...new Set(flags)].filter((f) => 'dgimsuy'.includes(f)).sort().join('');
    const key = `${this.flags.replace(/[gy]/g, '')}${opts.longest ? 'L' : ''}/${source}`;
    const cached = ENGINES.get(key);
    if (cached) {
      this.engine = cached.engine;
      this.bounded = cached.bounded;
      return;
    }
    const re2src = toRe2(source);
    let engine: Engine | undefined;
    if (re2src !== null) {
      let f = RE2JS.LOOKBEHINDS;
      if (this.flags.includes('i')) f |= RE2JS.CASE_INSENSITIVE;
      if (this.flags.includes('s')) f |= RE2JS.DOTALL;
      if (this.flags.includes('m')) f |= RE2JS.MULTILINE;
      if (opts.longest) f |= RE2JS.LONGEST_MATCH;
      try {
        engine = new Re2Engine(RE2JS.compile(re2src, f));
      } catch {
        engine = undefined;
      }
    }
    this.bounded = !engine;
    if (!engine) {
      // Validate with the JavaScript parser (syntax only: nothing is matched).
      try {
        new RegExp(source, this.flags.replace(/[gy]/g, ''));
      } catch (e) {
        throw new RegexSyntaxError(e instanceof Error ? e.message : String(e));
      }
      engine = new BacktrackEngine(source, this.flags);
    }
    this.engine = engine;
    if (ENGINES.size >= 512) ENGINES.clear();
    ENGINES.set(key, { engine, bounded: this.bounded });
  }

  get global(): boolean {
    return this.flags.includes('g');
  }
  get ignoreCase(): boolean {
    return this.flags.includes('i');
  }
  get multiline(): boolean {
    return this.flags.includes('m');
  }
  get sticky(): boolean {
    return this.flags.includes('y');
  }
  get unicode(): boolean {
    return this.flags.includes('u');
  }
  get dotAll(): boolean {
    return this.flags.includes('s');
  }
  get hasIndices(): boolean {
    return false;
  }
  get unicodeSets(): boolean {
    return false;
  }

  exec(str: string): RegExpExecArray | null {
    const s = String(str);
    const useLast = this.global || this.sticky;
    const from = useLast ? this.lastIndex : 0;
    if (from > s.length) {
      this.lastIndex = 0;
      return null;
    }
    const caps = this.engine.search(s, from, this.sticky);
    if (!caps) {
      if (useLast) this.lastIndex = 0;
      return null;
    }
    const arr: string[] = [];
    for (let g = 0; g <= this.engine.groups; g++) {
      const a = caps[2 * g];
      const b = caps[2 * g + 1];
      arr.push(a === undefined || b === undefined ? (undefined as unknown as string) : s.slice(a, b));
    }
    const res = arr as unknown as RegExpExecArray;
    res.index = caps[0]!;
    res.input = s;
    const names = Object.keys(this.engine.names);
    (res as { groups?: Record<string, string> }).groups = names.length ? Object.fromEntries(names.map((n) => [n, arr[this.engine.names[n]]])) : undefined;
    if (useLast) this.lastIndex = caps[1]!;
    return res;
  }

  test(str: string): boolean {
    return this.exec(str) !== null;
  }

  toString(): string {
    return `/${this.source}/${this.flags}`;
  }

  [Symbol.replace](str: string, rep: string | ((...a: unknown[]) => string)): string {
    return (RegExp.prototype[Symbol.replace] as (this: unknown, s: string, r: unknown) => string).call(this, str, rep);
  }

  [Symbol.match](str: string): RegExpMatchArray | null {
    return (RegExp.prototype[Symbol.match] as (this: unknown, s: string) => RegExpMatchArray | null).call(this, str);
  }

  [Symbol.search](str: string): number {
    const save = this.lastIndex;
    const r = new SafeRegExpView(this, '').exec(str);
    this.lastIndex = save;
    return r ? r.index : -1;
  }

  *[Symbol.matchAll](str: string): IterableIterator<RegExpExecArray> {
    const view = new SafeRegExpView(this, 'g');
    view.lastIndex = this.lastIndex;
    for (;;) {
      const m = view.exec(str);
      if (!m) return;
      if (m[0] === '') view.lastIndex = advance(str, view.lastIndex, this.unicode);
      yield m;
    }
  }

  [Symbol.split](str: string, limit?: number): string[] {
    const lim = limit === undefined ? Infinity : limit >>> 0;
    const out: string[] = [];
    if (lim === 0) return out;
    const view = new SafeRegExpView(this, 'y');
    if (str.length === 0) return view.execAt(str, 0) ? out : [str];
    let p = 0;
    let q = 0;
    while (q < str.length) {
      const m = view.execAt(str, q);
      if (!m) {
        q = advance(str, q, this.unicode);
        continue;
      }
      const e = Math.min(view.lastIndex, str.length);
      if (e === p) {
        q = advance(str, q, this.unicode);
        continue;
      }
      out.push(str.slice(p, q));
      if (out.length === lim) return out;
      for (let g = 1; g < m.length; g++) {
        out.push(m[g]);
        if (out.length === lim) return out;
      }
      p = e;
      q = p;
    }
    out.push(str.slice(p));
    return out;
  }

  /** The engine, for views sharing it. */
  get _engine(): Engine {
    return this.engine;
  }
}

/** Same pattern with other g/y flags (no recompilation). */
class SafeRegExpView extends SafeRegExp {
  constructor(base: SafeRegExp, flags: string) {
    super('', base.flags.replace(/[gy]/g, '') + flags);
    (this as unknown as { engine: Engine }).engine = base._engine;
    (this as unknown as { source: string }).source = base.source;
  }
  execAt(s: string, at: number): RegExpExecArray | null {
    this.lastIndex = at;
    return this.exec(s);
  }
}

function advance(s: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= s.length) return i + 1;
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? i + 2 : i + 1;
}

/**
 * Compile JavaScript regex source on the safe engines; typed as a RegExp so
 * callers keep using exec/test/replace/split/matchAll. Throws RegexSyntaxError
 * for a source JavaScript would reject too.
 */
export function safeRegExp(source: string, flags = '', opts: SafeRegexOptions = {}): RegExp {
  return new SafeRegExp(source, flags, opts) as unknown as RegExp;
}
