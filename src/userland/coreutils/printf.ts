// printf(1) and the formatting engine shared with the shell's `printf`
// builtin. Error texts follow GNU coreutils (program) or bash (builtin).

import { register } from '../registry.ts';

/** Which implementation's messages to produce. */
export type PrintfStyle = 'coreutils' | 'bash';

/** Result of formatting. */
export interface PrintfResult {
  /** The output when it is small enough to hold as one string (see `parts`). */
  out: string;
  /** The output in pieces: a `Fill` is `n` copies of one character (a huge field width). */
  parts: (string | Fill)[];
  /** A field width or precision beyond what printf(3) takes (EOVERFLOW): that conversion printed nothing. */
  overflow: boolean;
  /** Messages without the `prog: ` prefix. */
  errors: string[];
  status: number;
}

const ESC: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'", '?': '?' };

/**
 * The text bash's `\u`/`\U` gives for a code point: the character itself
 * within Unicode; beyond it (and for surrogates) the bytes of the original
 * UTF-8 scheme up to 31 bits, one character per byte as `\xHH` gives; nothing
 * above 0x7FFFFFFF.
 */
export function codePointText(cp: number): string {
  if (cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)) return String.fromCodePoint(cp);
  if (cp > 0x7fffffff) return '';
  const limits = [0x7ff, 0xffff, 0x1fffff, 0x3ffffff, 0x7fffffff];
  const n = limits.findIndex((l) => cp <= l) + 2;
  const bytes: number[] = [];
  let v = cp;
  for (let k = n - 1; k > 0; k--) {
    bytes.unshift(0x80 | (v & 0x3f));
    v = Math.floor(v / 64);
  }
  bytes.unshift(((0xff00 >> n) & 0xff) | v);
  return String.fromCharCode(...bytes);
}

/**
 * Interpret backslash escapes as printf's format (and `%b`, `echo -e`) do.
 * `bMode` is `%b`/echo: `\0NNN` octal and `\c` stops output (returned in `stop`).
 */
export function unescape(s: string, bMode: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[i + 1];
    if (n === 'c' && bMode) return { text: out, stop: true };
    if (ESC[n] !== undefined && !(n === '"' && bMode) && !(n === "'" && bMode) && !(n === '?' && bMode)) {
      out += ESC[n];
      i++;
      continue;
    }
    if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += 1 + m[0].length;
        continue;
      }
    }
    if (n === 'u' || n === 'U') {
      const m = new RegExp(`^[0-9a-fA-F]{1,${n === 'u' ? 4 : 8}}`).exec(s.slice(i + 2));
      if (m) {
        out += codePointText(parseInt(m[0], 16));
        i += 1 + m[0].length;
        continue;
      }
    }
    if (bMode && n === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 2))!;
      out += String.fromCharCode(parseInt(m[0] || '0', 8) & 0xff);
      i += 1 + m[0].length;
      continue;
    }
    if (/[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(i + 1))!;
      out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
      i += m[0].length;
      continue;
    }
    out += '\\' + n;
    i++;
  }
  return { text: out, stop: false };
}

function numArg(arg: string | undefined, style: PrintfStyle, errors: string[], float: boolean): number {
  if (arg === undefined || arg === '') return 0;
  if (/^['"]/.test(arg)) return arg.length > 1 ? arg.codePointAt(1)! : 0;
  const t = arg.trim();
  let m: RegExpExecArray | null;
  if (float) m = /^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|nan)/i.exec(t);
  else m = /^[+-]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(t);
  const bad = style === 'bash' ? `${arg}: invalid number` : `'${arg}': expected a numeric value`;
  if (!m) {
    errors.push(bad);
    return 0;
  }
  let v: number;
  const txt = m[0];
  if (float) v = Number(txt);
  else {
    const neg = txt.startsWith('-');
    const body = txt.replace(/^[+-]/, '');
    v = /^0[xX]/.test(body) ? parseInt(body, 16) : body.length > 1 && body[0] === '0' ? parseInt(body, 8) : parseInt(body, 10);
    if (neg) v = -v;
  }
  if (txt.length !== t.length) errors.push(style === 'bash' ? `${arg}: invalid number` : `'${arg}': value not completely converted`);
  return v;
}

/** `n` copies of `ch`: padding too long to build as one string. */
export interface Fill {
  ch: string;
  n: number;
}

/** Longest padding built as a string; wider fields are written in pieces. */
const FILL_MIN = 1 << 20;
/** printf(3) refuses widths and precisions of 2^31 and more (EOVERFLOW). */
const INT_MAX = 0x7fffffff;
/** Precision of %f/%e/%g that glibc cannot allocate a buffer for (prints nothing). */
const PREC_MAX = 1 << 24;

/**
 * Let a pipe's reader run: a few microtask turns (a macrotask would look
 * like a stall to the driver, which then stops the command).
 */
export async function letReaderRun(): Promise<void> {
  for (let i = 0; i < 16; i++) await Promise.resolve();
}

/** Write printf's output pieces in 1 MiB chunks, yielding between them so a pipe's reader drains it. */
export async function writeParts(parts: (string | Fill)[], write: (s: string) => void, yieldNow: () => Promise<void> = letReaderRun): Promise<void> {
  for (const p of parts) {
    if (typeof p === 'string') {
      if (p) write(p);
      continue;
    }
    const chunk = p.ch.repeat(Math.min(p.n, FILL_MIN));
    for (let left = p.n; left > 0; left -= FILL_MIN) {
      write(left >= FILL_MIN ? chunk : chunk.slice(0, left));
      await yieldNow();
    }
  }
}

/** Pad `s` to `width`, as pieces (a Fill for a huge width). */
function padParts(s: string, width: number, left: boolean, zero: boolean): (string | Fill)[] {
  if (width - s.length < FILL_MIN) return [pad(s, width, left, zero)];
  const fill: Fill = { ch: zero && !left ? '0' : ' ', n: width - s.length };
  if (left) return [s, fill];
  if (zero) {
    const sign = /^[+\- ]/.test(s) ? s[0] : '';
    return [sign, fill, sign ? s.slice(1) : s];
  }
  return [fill, s];
}

/** %f with any precision: the exact decimal value of the double, rounded half to even as glibc does. */
function toFixedExact(v: number, p: number): string {
  if (p <= 100) return v.toFixed(p);
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  // a = mant * 2^exp exactly.
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, a);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (bexp === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = bexp - 1075;
  }
  let q: bigint;
  const scaled = mant * 10n ** BigInt(p);
  if (exp >= 0) q = scaled << BigInt(exp);
  else {
    const k = BigInt(-exp);
    q = scaled >> k;
    const r = scaled - (q << k);
    const half = 1n << (k - 1n);
    if (r > half || (r === half && (q & 1n) === 1n)) q++;
  }
  const digits = q.toString().padStart(p + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, digits.length - p)}.${digits.slice(digits.length - p)}`;
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s + ' '.repeat(width - s.length);
  if (zero) {
    const sign = /^[+\- ]/.test(s) ? s[0] : '';
    const rest = sign ? s.slice(1) : s;
    return sign + '0'.repeat(width - s.length) + rest;
  }
  return ' '.repeat(width - s.length) + s;
}

function fmtFloat(v: number, conv: string, prec: number | undefined): string {
  const p = prec ?? 6;
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  switch (conv) {
    case 'f':
    case 'F':
      return toFixedExact(v, p);
    case 'e':
    case 'E': {
      const s = (p <= 100 ? v.toExponential(p) : v.toExponential(100).replace('e', '0'.repeat(p - 100) + 'e')).replace(/e([+-])(\d)$/, 'e$10$2');
      return conv === 'E' ? s.toUpperCase() : s;
    }
    default: {
      // %g
      const P = p === 0 ? 1 : p;
      if (v === 0) return '0';
      const exp = Math.floor(Math.log10(Math.abs(v)));
      let s: string;
      if (exp < -4 || exp >= P) {
        s = v.toExponential(Math.min(P - 1, 100)).replace(/\.?0+e/, 'e').replace(/e([+-])(\d)$/, 'e$10$2');
      } else {
        s = toFixedExact(v, Math.max(0, P - 1 - exp));
        if (s.includes('.')) s = s.replace(/\.?0+$/, '');
      }
      return conv === 'G' ? s.toUpperCase() : s;
    }
  }
}

/** Format like printf(1): the format is reused while arguments remain. */
export function formatPrintf(format: string, args: string[], style: PrintfStyle): PrintfResult {
  const errors: string[] = [];
  let out = '';
  const parts: (string | Fill)[] = [];
  let overflow = false;
  const put = (pieces: (string | Fill)[]): void => {
    for (const x of pieces) {
      if (typeof x === 'string') out += x;
      else {
        parts.push(out, x);
        out = '';
      }
    }
  };
  const result = (st: number): PrintfResult => {
    const all = [...parts, out];
    const small = all.every((x) => typeof x === 'string');
    return { out: small ? all.join('') : '', parts: all, overflow, errors, status: st };
  };
  let ai = 0;
  let status = 0;
  const next = (): string | undefined => args[ai++];
  for (let round = 0; round < 100_000; round++) {
    const startAi = ai;
    let i = 0;
    while (i < format.length) {
      const c = format[i];
      if (c === '\\') {
        // One escape at a time.
        const m = /^\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|.)/s.exec(format.slice(i));
        const seq = m ? m[0] : '\\';
        if (seq === '\\c') return result(status);
        out += unescape(seq, false).text;
        i += seq.length;
        continue;
      }
      if (c !== '%') {
        out += c;
        i++;
        continue;
      }
      if (format[i + 1] === '%') {
        out += '%';
        i += 2;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXfFeEgGcsbq])/.exec(format.slice(i));
      if (!m) {
        const bad = /^%[-+ #0]*(\*|\d+)?(\.(\*|\d*))?./s.exec(format.slice(i));
        const spec = bad ? bad[0] : '%';
        if (style === 'bash') errors.push(`\`${spec}': missing format character`);
        else errors.push(`${spec}: invalid conversion specification`);
        return result(1);
      }
      i += m[0].length;
      const flags = m[1];
      let width = m[2] === '*' ? numArg(next(), style, errors, false) : m[2] ? Number(m[2]) : 0;
      let left = flags.includes('-');
      if (width < 0) {
        left = true;
        width = -width;
      }
      let prec: number | undefined = m[3] === undefined ? undefined : m[3] === '*' ? numArg(next(), style, errors, false) : Number(m[3] || '0');
      if (prec !== undefined && prec < 0) prec = undefined;
      const conv = m[4];
      const zero = flags.includes('0') && !left;
      if (width > INT_MAX || (prec !== undefined && (prec > INT_MAX || (prec > PREC_MAX && 'fFeEgG'.includes(conv))))) {
        // printf(3) fails with EOVERFLOW (or cannot allocate): nothing for this conversion.
        if (conv !== '%') next();
        overflow = true;
        continue;
      }
      let s: string;
      switch (conv) {
        case 's': {
          s = next() ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          put(padParts(s, width, left, false));
          break;
        }
        case 'b': {
          const r = unescape(next() ?? '', true);
          s = r.text;
          if (prec !== undefined) s = s.slice(0, prec);
          put(padParts(s, width, left, false));
          if (r.stop) return result(errors.length ? 1 : status);
          break;
        }
        case 'q': {
          const a = next() ?? '';
          s = a === '' ? "''" : /^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : a.replace(/[^A-Za-z0-9_@%+=:,./-]/g, '\\$&');
          put(padParts(s, width, left, false));
          break;
        }
        case 'c': {
          s = (next() ?? '').slice(0, 1);
          put(padParts(s, width, left, false));
          break;
        }
        case 'd':
        case 'i':
        case 'o':
        case 'u':
        case 'x':
        case 'X': {
          const v = Math.trunc(numArg(next(), style, errors, false));
          let body: string;
          if (conv === 'o') body = (v >>> 0 === v ? v : v).toString(8);
          else if (conv === 'x' || conv === 'X') body = (v < 0 ? BigInt.asUintN(64, BigInt(v)) : BigInt(v)).toString(16);
          else body = Math.abs(v).toString();
          if (conv === 'X') body = body.toUpperCase();
          let zeros: Fill | undefined;
          if (prec !== undefined && prec - body.length >= FILL_MIN) zeros = { ch: '0', n: prec - body.length };
          else if (prec !== undefined) body = body.padStart(prec, '0');
          if (flags.includes('#') && conv === 'o' && !body.startsWith('0')) body = '0' + body;
          if (flags.includes('#') && (conv === 'x' || conv === 'X') && v !== 0) body = (conv === 'x' ? '0x' : '0X') + body;
          const sign = (conv === 'd' || conv === 'i') && v < 0 ? '-' : (conv === 'd' || conv === 'i') && flags.includes('+') ? '+' : (conv === 'd' || conv === 'i') && flags.includes(' ') ? ' ' : '';
          if (zeros) put([sign, zeros, body]);
          else put(padParts(sign + body, width, left, zero && prec === undefined));
          break;
        }
        default: {
          const v = numArg(next(), style, errors, true);
          let body = fmtFloat(v, conv, prec);
          if (v >= 0 && flags.includes('+')) body = '+' + body;
          else if (v >= 0 && flags.includes(' ')) body = ' ' + body;
          put(padParts(body, width, left, zero));
        }
      }
    }
    if (ai >= args.length || ai === startAi) {
      if (ai === startAi && ai < args.length && style === 'coreutils') {
        errors.push(`warning: ignoring excess arguments, starting with '${args[ai]}'`);
      }
      break;
    }
  }
  if (errors.some((e) => !e.startsWith('warning:'))) status = 1;
  return result(status);
}

register({
  name: 'printf',
  summary: 'format and print data',
  usage: 'printf FORMAT [ARGUMENT]...',
  options: [{ flag: '--help', desc: 'display help and exit' }],
  async run(p) {
    const args = p.argv.slice(1);
    const name = p.argv[0];
    if (args[0] === '--') args.shift();
    if (args.length === 0) {
      p.stderr.write(`${name}: missing operand\nTry '${name} --help' for more information.\n`);
      return 1;
    }
    const r = formatPrintf(args[0], args.slice(1), 'coreutils');
    await writeParts(r.parts, (s) => p.stdout.write(s));
    for (const e of r.errors) p.stderr.write(`${name}: ${e}\n`);
    if (r.overflow) {
      // printf(3) failed: coreutils reports it when closing stdout.
      p.stderr.write(`${name}: write error\n`);
      return 1;
    }
    return r.status;
  },
});
