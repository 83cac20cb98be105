// JSONPath templates as kubectl evaluates them (k8s.io/client-go
// util/jsonpath): text with `{…}` actions; fields `.a.b`, `['key']`,
// wildcards `*` / `[*]`, indexes and slices `[s:e:step]` (negative indexes
// count from the end), unions `[0,2]`, recursive descent `..`, filters
// `[?(@.x=="y")]` with == != < > <= >= and existence, `{range …}{end}`,
// quoted literals `{"\n"}`, and the printing rules: each action's results
// separated by one space, maps and lists as compact JSON with sorted keys,
// everything else as Go's fmt prints it. Values are unstructured JSON as
// kubectl decodes it: whole numbers are int64, the others float64.
// Written from the behaviour of parser.go/jsonpath.go and the
// third_party/forked/golang/template comparison functions; the error texts
// are theirs so `kubectl get -o jsonpath` fails with the same words.

/** A parse or execution error with client-go's text. */
export class JsonPathError extends Error {}

type Node =
  | { t: 'text'; text: string }
  | { t: 'list'; nodes: Node[] }
  | { t: 'field'; name: string }
  | { t: 'wild' }
  | { t: 'rec' }
  | { t: 'array'; p: [Param, Param, Param] }
  | { t: 'union'; lists: Node[][] }
  | { t: 'filter'; left: Node[]; right: Node[]; op: string }
  | { t: 'int'; v: number }
  | { t: 'float'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'ident'; name: string };

interface Param {
  known: boolean;
  value: number;
  derived: boolean;
}

const EOF = '';
const isSpace = (r: string): boolean => r === ' ' || r === '\t';
const isEol = (r: string): boolean => r === '\r' || r === '\n';
const isAlnum = (r: string): boolean => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
const isDigit = (r: string): boolean => /^\p{Nd}$/u.test(r);
const isTerminator = (r: string): boolean => r === EOF || isSpace(r) || isEol(r) || '.,[]$@{}'.includes(r);

/** Go's %#U of a rune: U+0023 '#'. */
function sharpU(r: string): string {
  const cp = r.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${r}'`;
}

/** strconv.UnquoteChar over a quoted literal (UnquoteExtend: single quotes too). */
function unquote(s: string): string {
  const syntax = (): never => {
    throw new JsonPathError(`unquote string ${s} error invalid syntax`);
  };
  if (s.length < 2 || s[0] !== s[s.length - 1] || (s[0] !== '"' && s[0] !== "'")) syntax();
  const q = s[0];
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; ) {
    const c = body[i];
    if (c === q) syntax();
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) syntax();
    i += 2;
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (Object.hasOwn(simple, e)) out += simple[e];
    else if (e === q) out += q;
    else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i, i + n);
      if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) syntax();
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) syntax();
      out += String.fromCodePoint(cp);
      i += n;
    } else if (/[0-7]/.test(e)) {
      const oct = body.slice(i - 1, i + 2);
      if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) syntax();
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else syntax();
  }
  return out;
}

/** The parser: a root list of text nodes and action lists. */
class Parser {
  input = '';
  pos = 0;
  start = 0;
  root: Node[] = [];
  private depth = 0;

  parse(text: string): Node[] {
    this.input = text;
    this.root = [];
    this.pos = 0;
    this.start = 0;
    this.parseText();
    return this.root;
  }

  private next(): string {
    if (this.pos >= this.input.length) return EOF;
    const cp = this.input.codePointAt(this.pos)!;
    const r = String.fromCodePoint(cp);
    this.pos += r.length;
    this.lastWidth = r.length;
    return r;
  }
  private lastWidth = 0;
  private backup(): void {
    this.pos -= this.lastWidth;
  }
  private peek(): string {
    const r = this.next();
    if (r !== EOF) this.backup();
    return r;
  }
  private consume(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private parseText(): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) this.root.push({ t: 'text', text: this.consume() });
        this.pos += 1;
        this.consume();
        const list: Node[] = [];
        this.root.push({ t: 'list', nodes: list });
        this.inside(list);
        return;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) this.root.push({ t: 'text', text: this.consume() });
  }

  /** parseInsideAction, as a loop (the Go code recurses once per token). */
  private inside(cur: Node[]): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consume();
        this.parseText();
        return;
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith('..')) {
        if (cur.length && cur[cur.length - 1].t === 'rec') throw new JsonPathError('invalid multiple recursive descent');
        this.pos += 2;
        this.consume();
        cur.push({ t: 'rec' });
        if (isAlnum(this.peek())) this.parseField(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || isEol(r)) throw new JsonPathError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') this.consume();
      else if (r === '[') this.parseArray(cur);
      else if (r === '"' || r === "'") this.parseQuote(cur, r);
      else if (r === '.') this.parseField(cur);
      else if (r === '+' || r === '-' || isDigit(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlnum(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else throw new JsonPathError(`unrecognized character in action: ${sharpU(r)}`);
    }
  }

  private parseIdentifier(cur: Node[]): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        if (r !== EOF) this.backup();
        break;
      }
    }
    const v = this.consume();
    if (v === 'true' || v === 'false') cur.push({ t: 'bool', v: v === 'true' });
    else cur.push({ t: 'ident', name: v });
  }

  private parseNumber(cur: Node[]): void {
    const r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      const c = this.next();
      if (c !== '.' && !isDigit(c)) {
        if (c !== EOF) this.backup();
        break;
      }
    }
    const v = this.consume();
    if (/^[+-]?\d+$/.test(v)) cur.push({ t: 'int', v: Number(v) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(v)) cur.push({ t: 'float', v: Number(v) });
    else throw new JsonPathError(`cannot parse number ${v}`);
  }

  /** A sub-expression (`[…]` of a union, a filter side) parsed as its own action. */
  private action(text: string): Node[] {
    if (++this.depth > 100) throw new JsonPathError('unclosed action');
    try {
      const root = new Parser().parse(`{${text}}`);
      const first = root[0];
      return first && first.t === 'list' ? first.nodes : [];
    } finally {
      this.depth--;
    }
  }

  private parseArray(cur: Node[]): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consume().slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      cur.push({ t: 'union', lists: parts.map((s) => this.action(`[${s.trim()}]`)) });
      return;
    }
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      cur.push(...this.action(`.${dict[1]}`));
      return;
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
    if (!m) throw new JsonPathError(`invalid array index ${text}`);
    const p: [Param, Param, Param] = [
      { known: false, value: 0, derived: false },
      { known: false, value: 0, derived: false },
      { known: false, value: 0, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? '';
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') p[i].known = false;
        else {
          if (!/^-?\d+$/.test(v)) throw new JsonPathError(`array index ${v} is not a number`);
          p[i] = { known: true, value: Number(v), derived: false };
        }
      } else if (i === 1) p[i] = { known: true, value: p[0].value + 1, derived: true };
    }
    cur.push({ t: 'array', p });
  }

  private parseFilter(cur: Node[]): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (this.next() !== ']') throw new JsonPathError('unclosed array expect ]');
    const text = this.consume().slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) cur.push({ t: 'filter', left: this.action(text), right: [], op: 'exists' });
    else cur.push({ t: 'filter', left: this.action(m[1]), right: this.action(m[3]), op: m[2] });
  }

  private parseQuote(cur: Node[], q: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated quoted string');
      if (r === q && this.input[this.pos - 2] !== '\\') break;
    }
    cur.push({ t: 'text', text: unquote(this.consume()) });
  }

  private parseField(cur: Node[]): void {
    this.consume();
    for (;;) {
      const r = this.next();
      if (r === '\\') {
        this.next();
        continue;
      }
      if (isTerminator(r)) {
        if (r !== EOF) this.backup();
        break;
      }
    }
    const v = this.consume();
    if (v === '*') cur.push({ t: 'wild' });
    else cur.push({ t: 'field', name: v.replace(/\\/g, '') });
  }
}

// ── values ───────────────────────────────────────────────────────────

/** A value: JSON, or a byte of a string (the wildcard and `..` walk strings as Go slices). */
type Val = unknown;
const isMap = (v: Val): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go's reflect type name of an unstructured value. */
function goType(v: Val): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'object') return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return 'interface {}';
}

/** strconv.FormatFloat(f, 'g', -1, 64) as fmt's %v prints a float64 (exponent below 1e-4 and from 1e21). */
export function goFloat(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x === 0 ? (Object.is(x, -0) ? '-0' : '0') : x > 0 ? '+Inf' : '-Inf';
  const a = Math.abs(x);
  if (a < 1e-4 || a >= 1e21) {
    const [m, e] = x.toExponential().split('e');
    const n = Number(e);
    return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(x);
}

/** Keys in Go's order for maps (sorted). */
const keys = (o: Record<string, unknown>): string[] => Object.keys(o).sort();

/** encoding/json Marshal: sorted map keys, <>& and U+2028/9 escaped; `indent` for MarshalIndent. */
export function goJson(v: Val, indent = ''): string {
  const sorted = (x: Val): Val => (Array.isArray(x) ? x.map(sorted) : isMap(x) ? Object.fromEntries(keys(x).map((k) => [k, sorted(x[k])])) : x);
  const s = indent ? JSON.stringify(sorted(v) ?? null, null, indent) : JSON.stringify(sorted(v) ?? null);
  return s.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** fmt's %v of a value. */
export function goV(v: Val): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  if (isMap(v)) return `map[${keys(v).map((k) => `${k}:${goV(v[k])}`).join(' ')}]`;
  return String(v);
}

/** strconv.Quote (enough for object dumps: escapes and \x/\u for the unprintable). */
function goQuote(s: string): string {
  let o = '"';
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    const esc: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };
    if (esc[c]) o += esc[c];
    else if (cp < 0x20 || cp === 0x7f) o += `\\x${cp.toString(16).padStart(2, '0')}`;
    else o += c;
  }
  return o + '"';
}

/** fmt's %#v of an unstructured value (what kubectl dumps after an execution error). */
export function goSharpV(v: Val, top = true): string {
  if (v === null || v === undefined) return top ? '<nil>' : 'interface {}(nil)';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x, false)).join(', ')}}`;
  if (isMap(v)) return `map[string]interface {}{${keys(v).map((k) => `${goQuote(k)}:${goSharpV(v[k], false)}`).join(', ')}}`;
  return String(v);
}

/** The children a Go reflect walk sees: map values (sorted keys), elements, a string's bytes. */
function children(v: Val): Val[] {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return keys(v).map((k) => v[k]);
  if (typeof v === 'string') return [...new TextEncoder().encode(v)];
  return [];
}

// ── comparison (forked text/template eq/lt) ───────────────────────────

type BasicKind = 'bool' | 'int' | 'float' | 'string';
function basicKind(v: Val): BasicKind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  throw new JsonPathError('invalid type for comparison');
}
function eq(a: Val, b: Val): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) throw new JsonPathError('incompatible types for comparison');
  return a === b;
}
function lt(a: Val, b: Val): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) throw new JsonPathError('incompatible types for comparison');
  if (k1 === 'bool') throw new JsonPathError('invalid type for comparison');
  return (a as number | string) < (b as number | string);
}

// ── evaluation ───────────────────────────────────────────────────────

/** A parsed template. */
export class JsonPath {
  private readonly root: Node[];
  allowMissingKeys = false;
  private steps = 0;

  constructor(template: string) {
    this.root = new Parser().parse(template);
  }

  /** Each action's results (FindResults), following range/end. */
  findResults(data: Val): Val[][] {
    this.steps = 0;
    return this.block(this.root, 0, data, 0).results;
  }

  /** Execute: the printed text (PrintResults of every result set). */
  execute(data: Val, asJson = false): string {
    return this.findResults(data).map((rs) => printResults(rs, asJson)).join('');
  }

  private tick(): void {
    if (++this.steps > 2_000_000) throw new JsonPathError('template too large to evaluate');
  }

  /**
   * Run nodes from `i` against `data`; inside a range (depth > 0) an `{end}`
   * stops the block and reports where it was.
   */
  private block(nodes: Node[], i: number, data: Val, depth: number): { results: Val[][]; end?: number } {
    const out: Val[][] = [];
    for (; i < nodes.length; i++) {
      const n = nodes[i];
      const st: State = { begin: false, end: false, depth };
      const res = this.walk([data], n, st);
      if (st.end) return { results: out, end: i };
      if (st.begin) {
        let end: number | undefined;
        if (res.length) {
          for (const v of res) {
            const r = this.block(nodes, i + 1, v, depth + 1);
            out.push(...r.results);
            end = r.end;
          }
        } else end = this.block(nodes, i + 1, undefined, depth + 1).end;
        if (end !== undefined) i = end;
        continue;
      }
      out.push(res);
    }
    return { results: out };
  }

  private walk(input: Val[], n: Node, st: State): Val[] {
    this.tick();
    switch (n.t) {
      case 'list': {
        let cur = input;
        for (const x of n.nodes) cur = this.walk(cur, x, st);
        return cur;
      }
      case 'text':
        return [n.text];
      case 'int':
      case 'float':
      case 'bool':
        return input.map(() => n.v);
      case 'ident':
        if (n.name === 'range') {
          st.begin = true;
          return input;
        }
        if (n.name === 'end') {
          if (st.depth > 0) {
            st.end = true;
            return [];
          }
          throw new JsonPathError('not in range, nothing to end');
        }
        throw new JsonPathError(`unrecognized identifier ${n.name}`);
      case 'field': {
        const out: Val[] = [];
        if (!input.length) return out;
        for (const v of input) {
          if (v === null || v === undefined) continue;
          if (isMap(v) && Object.hasOwn(v, n.name)) out.push(v[n.name]);
        }
        if (!out.length && !this.allowMissingKeys) throw new JsonPathError(`${n.name} is not found`);
        return out;
      }
      case 'wild':
        return input.filter((v) => v !== null && v !== undefined).flatMap(children);
      case 'rec': {
        const out: Val[] = [];
        const visit = (vs: Val[]): void => {
          for (const v of vs) {
            this.tick();
            if (v === null || v === undefined) continue;
            const c = children(v);
            if (c.length) {
              out.push(v);
              visit(c);
            }
          }
        };
        visit(input);
        return out;
      }
      case 'array':
        return this.array(input, n.p);
      case 'union':
        return n.lists.flatMap((l) => this.walk(input, { t: 'list', nodes: l }, st));
      case 'filter':
        return this.filter(input, n, st);
    }
  }

  private array(input: Val[], p0: [Param, Param, Param]): Val[] {
    const out: Val[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new JsonPathError(`${goType(v)} is not array or slice`);
      const p = p0.map((x) => ({ ...x }));
      const len = v.length;
      if (!p[0].known) p[0].value = 0;
      if (p[0].value < 0) p[0].value += len;
      if (!p[1].known) p[1].value = len;
      if (p[1].value < 0 || (p[1].value === 0 && p[1].derived)) p[1].value += len;
      if (p[1].value === p[0].value) return out;
      if (p[0].value >= len || p[0].value < 0) throw new JsonPathError(`array index out of bounds: index ${p[0].value}, length ${len}`);
      if (p[1].value > len || p[1].value < 0) throw new JsonPathError(`array index out of bounds: index ${p[1].value - 1}, length ${len}`);
      if (p[0].value > p[1].value) throw new JsonPathError(`starting index ${p[0].value} is greater than ending index ${p[1].value}`);
      const sl = v.slice(p[0].value, p[1].value);
      let step = 1;
      if (p[2].known) {
        if (p[2].value <= 0) throw new JsonPathError('step must be > 0');
        step = p[2].value;
      }
      for (let i = 0; i < sl.length; i += step) out.push(sl[i]);
    }
    return out;
  }

  private filter(input: Val[], n: Extract<Node, { t: 'filter' }>, st: State): Val[] {
    const out: Val[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new JsonPathError(`${goV(v)} is not array or slice and cannot be filtered`);
      for (const el of v) {
        let lefts: Val[] = [];
        let err: unknown;
        try {
          lefts = this.walk([el], { t: 'list', nodes: n.left }, st);
        } catch (e) {
          err = e;
        }
        if (n.op === 'exists') {
          if (lefts.length) out.push(el);
          continue;
        }
        if (err) throw err;
        if (!lefts.length) continue;
        if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time');
        const rights = this.walk([el], { t: 'list', nodes: n.right }, st);
        if (!rights.length) continue;
        if (rights.length > 1) throw new JsonPathError('can only compare one element at a time');
        const [a, b] = [lefts[0], rights[0]];
        let pass: boolean;
        switch (n.op) {
          case '<':
            pass = lt(a, b);
            break;
          case '>':
            pass = !(lt(a, b) || eq(a, b));
            break;
          case '==':
            pass = eq(a, b);
            break;
          case '!=':
            pass = !eq(a, b);
            break;
          case '<=':
            pass = lt(a, b) || eq(a, b);
            break;
          case '>=':
            pass = !lt(a, b);
            break;
          default:
            throw new JsonPathError(`unrecognized filter operator ${n.op}`);
        }
        if (pass) out.push(el);
      }
    }
    return out;
  }
}

interface State {
  begin: boolean;
  end: boolean;
  depth: number;
}

/** PrintResults: maps and lists as JSON, the rest as text, one space between. */
function printResults(rs: Val[], asJson: boolean): string {
  if (asJson) return goJson(rs, '    ') + '\n';
  return rs.map((r) => (Array.isArray(r) || isMap(r) ? goJson(r) : goV(r))).join(' ');
}

/** RelaxedJSONPathExpression (custom-columns): `a.b`, `.a.b`, `{a.b}`, `{.a.b}` → `{.a.b}`. */
export function relaxedJsonPath(expr: string): string {
  if (!expr) return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) throw new JsonPathError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] || m[2]}}`;
}
