// Output for `ip`: the plain-text / JSON dual printer of iproute2's
// lib/json_print.c and lib/json_writer.c, plus `-color`. Every print call
// names where it goes (PRINT_FP text only, PRINT_JSON JSON only, PRINT_ANY
// both), so one routine per object emits both forms in the same key order,
// exactly as the C code does.

/** Output targets (enum output_type). */
export const PRINT_FP = 1;
export const PRINT_JSON = 2;
export const PRINT_ANY = 4;
export type OutType = 1 | 2 | 4;

/** Colour attributes (enum color_attr) and their light-background codes. */
export const COLOR_IFNAME = 0;
export const COLOR_MAC = 1;
export const COLOR_INET = 2;
export const COLOR_INET6 = 3;
export const COLOR_OPERSTATE_UP = 4;
export const COLOR_OPERSTATE_DOWN = 5;
export const COLOR_NONE = 6;
const COLOR_CODES = ['\x1b[36m', '\x1b[33m', '\x1b[35m', '\x1b[34m', '\x1b[32m', '\x1b[31m'];
const COLOR_CLEAR = '\x1b[0m';

/**
 * A small printf: %s %d %u %x %llu %lu %% with flags `-`, `#`, `0`, a width
 * (or `*` taken from args) — what iproute2's format strings use.
 */
export function sprintf(fmt: string, ...args: unknown[]): string {
  let i = 0;
  return fmt.replace(/%([-#0]*)(\*|\d+)?(?:\.(\d+))?(hh|h|ll|l)?([sdux%])/g, (_m, flags: string, width: string | undefined, prec: string | undefined, _len, conv: string) => {
    if (conv === '%') return '%';
    let w = 0;
    if (width === '*') w = Number(args[i++]);
    else if (width) w = Number(width);
    const v = args[i++];
    let s: string;
    switch (conv) {
      case 's':
        s = String(v);
        if (prec !== undefined) s = s.slice(0, Number(prec));
        break;
      case 'x':
        s = (Number(v) >>> 0).toString(16);
        if (flags.includes('#') && Number(v) !== 0) s = '0x' + s;
        break;
      default:
        s = typeof v === 'bigint' ? v.toString() : String(Math.trunc(Number(v)));
    }
    const left = flags.includes('-') || w < 0;
    w = Math.abs(w);
    if (s.length < w) s = left ? s.padEnd(w) : flags.includes('0') && conv !== 's' ? s.padStart(w, '0') : s.padStart(w);
    return s;
  });
}

/** iproute2's json_writer: compact or pretty (4-space indents, `[ {` openers). */
class JsonWriter {
  out = '';
  private depth = 0;
  private sep = '';
  readonly pretty: boolean;
  constructor(pretty: boolean) {
    this.pretty = pretty;
  }
  private eol(): void {
    if (!this.pretty) return;
    this.out += '\n' + '    '.repeat(this.depth);
  }
  private eor(): void {
    if (this.sep) this.out += this.sep;
    this.sep = ',';
  }
  private puts(s: string): void {
    this.out += '"' + s.replace(/[\t\n\r\f\b\\"]/g, (c) => ({ '\t': '\\t', '\n': '\\n', '\r': '\\r', '\f': '\\f', '\b': '\\b', '\\': '\\\\', '"': '\\"' })[c]!) + '"';
  }
  private begin(c: string): void {
    this.eor();
    this.out += c;
    this.depth++;
    this.sep = '';
  }
  private end(c: string): void {
    this.depth--;
    if (this.sep) this.eol();
    this.out += c;
    this.sep = ',';
  }
  name(n: string): void {
    this.eor();
    this.eol();
    this.sep = '';
    this.puts(n);
    this.out += this.pretty ? ': ' : ':';
  }
  raw(v: string): void {
    this.eor();
    this.out += v;
  }
  string(v: string): void {
    this.eor();
    this.puts(v);
  }
  startObject(): void {
    this.begin('{');
  }
  endObject(): void {
    this.end('}');
  }
  startArray(): void {
    this.begin('[');
    if (this.pretty) this.out += ' ';
  }
  endArray(): void {
    if (this.pretty && this.sep) this.out += ' ';
    this.sep = '';
    this.end(']');
  }
}

/** The printer one `ip` invocation writes through. */
export class Printer {
  /** Text written so far (both plain text and the JSON document). */
  text = '';
  private jw: JsonWriter | undefined;
  color: boolean;
  /** `\n`, or `\\` with -oneline. */
  SL = '\n';

  constructor(color: boolean) {
    this.color = color;
  }

  /** new_json_obj(json): start a JSON document (an array unless `plain`). */
  newJson(json: boolean, pretty: boolean, plain = false): void {
    if (!json) return;
    this.jw = new JsonWriter(pretty);
    if (!plain) this.jw.startArray();
  }

  /** delete_json_obj(): end the document with a newline. */
  deleteJson(plain = false): void {
    if (!this.jw) return;
    if (!plain) this.jw.endArray();
    this.text += this.jw.out + '\n';
    this.jw = undefined;
  }

  get isJson(): boolean {
    return this.jw !== undefined;
  }

  private jctx(t: OutType): JsonWriter | undefined {
    return this.jw && (t === PRINT_JSON || t === PRINT_ANY) ? this.jw : undefined;
  }

  private fpctx(t: OutType): boolean {
    return !this.jw && (t === PRINT_FP || t === PRINT_ANY);
  }

  /** Plain text, no JSON (fprintf to stdout). */
  fp(s: string): void {
    if (!this.jw) this.text += s;
  }

  private colorOut(color: number, s: string): void {
    if (this.color && color !== COLOR_NONE) this.text += COLOR_CODES[color] + s + COLOR_CLEAR;
    else this.text += s;
  }

  colorString(t: OutType, color: number, key: string | null, fmt: string | null, value: string | null): void {
    const j = this.jctx(t);
    if (j) {
      if (key && value === null) j.name(key);
      else if (!key && value !== null) j.string(value);
      else {
        j.name(key!);
        j.string(value ?? '');
      }
    } else if (this.fpctx(t) && fmt !== null) this.colorOut(color, sprintf(fmt, value ?? '(null)'));
  }

  string(t: OutType, key: string | null, fmt: string | null, value: string | null): void {
    this.colorString(t, COLOR_NONE, key, fmt, value);
  }

  /** print_int / print_uint / print_u64 / print_hhu... (numbers print alike). */
  num(t: OutType, key: string | null, fmt: string | null, value: number | bigint): void {
    const j = this.jctx(t);
    if (j) {
      if (key) j.name(key);
      j.raw(String(value));
    } else if (this.fpctx(t) && fmt !== null) this.text += sprintf(fmt, value);
  }

  bool(t: OutType, key: string | null, fmt: string | null, value: boolean): void {
    const j = this.jctx(t);
    if (j) {
      if (key) j.name(key);
      j.raw(value ? 'true' : 'false');
    } else if (this.fpctx(t) && fmt !== null) this.text += sprintf(fmt, value ? 'true' : 'false');
  }

  /** print_null(): JSON `key: null`; text prints `value` through `fmt`. */
  null(t: OutType, key: string, fmt: string | null, value: string | null = null): void {
    const j = this.jctx(t);
    if (j) {
      j.name(key);
      j.raw('null');
    } else if (this.fpctx(t) && fmt !== null) this.text += sprintf(fmt, value ?? '');
  }

  /** A hex number: `%x` in text, the string "0x.." in JSON (print_0xhex). */
  hex(t: OutType, key: string | null, fmt: string, value: number): void {
    const j = this.jctx(t);
    if (j) {
      if (key) j.name(key);
      j.string('0x' + (value >>> 0).toString(16));
    } else if (this.fpctx(t)) this.text += sprintf(fmt, value);
  }

  openObject(key: string | null = null): void {
    if (!this.jw) return;
    if (key) this.jw.name(key);
    this.jw.startObject();
  }

  closeObject(): void {
    this.jw?.endObject();
  }

  openArray(t: OutType, str: string | null): void {
    const j = this.jctx(t);
    if (j) {
      if (str) j.name(str);
      j.startArray();
    } else if (this.fpctx(t)) this.text += str ?? '';
  }

  closeArray(t: OutType, str: string | null): void {
    const j = this.jctx(t);
    if (j) j.endArray();
    else if (this.fpctx(t)) this.text += str ?? '';
  }

  /** print_nl(): the line separator, in text mode only. */
  nl(): void {
    if (!this.jw) this.text += this.SL;
  }
}
