// C printf conversions (%d %i %o %x %X %u %c %s %e %E %f %F %g %G) on one
// value, as glibc formats them; awk's printf and number-to-string
// conversions (OFMT/CONVFMT) use these.

export interface Spec {
  flags: string;
  width?: number;
  prec?: number;
  conv: string;
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  const w = spec.width ?? 0;
  if (s.length >= w) return s;
  if (spec.flags.includes('-')) return s + ' '.repeat(w - s.length);
  if (numeric && spec.flags.includes('0') && !/[a-z]/i.test(s.replace(/e[+-]\d+$/i, '').replace(/^[+\- ]?0x/i, ''))) {
    const m = /^([+\- ]?(?:0[xX])?)(.*)$/.exec(s)!;
    return m[1] + '0'.repeat(w - s.length) + m[2];
  }
  return ' '.repeat(w - s.length) + s;
}

function sign(neg: boolean, flags: string): string {
  return neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
}

/** A finite non-negative double as an exact fraction num/den. */
function exact(x: number): [bigint, bigint] {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = bexp - 1075;
  }
  return e >= 0 ? [mant << BigInt(e), 1n] : [mant, 1n << BigInt(-e)];
}

/** round(num/den) with ties to even (glibc's printf rounding of the exact binary value). */
function roundDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) return q + 1n;
  return q;
}

/** x with `prec` decimals, rounded as glibc does. */
function fixedForm(x: number, prec: number): string {
  const [n, d] = exact(x);
  const p = Math.min(prec, 400);
  const q = roundDiv(n * 10n ** BigInt(p), d).toString().padStart(p + 1, '0');
  return p > 0 ? q.slice(0, q.length - p) + '.' + q.slice(q.length - p) : q;
}

/** Digits of x rounded to `sig` significant digits and its decimal exponent. */
function sigDigits(x: number, sig: number): [string, number] {
  if (x === 0) return ['0'.repeat(sig), 0];
  const [n, d] = exact(x);
  let e = Math.floor(Math.log10(x));
  for (let guard = 0; guard < 3; guard++) {
    const k = e - (sig - 1);
    const q = k >= 0 ? roundDiv(n, d * 10n ** BigInt(k)) : roundDiv(n * 10n ** BigInt(-k), d);
    const s = q.toString();
    if (s.length === sig) return [s, e];
    e += s.length > sig ? 1 : -1;
  }
  const s = x.toExponential(sig - 1);
  return [s.split('e')[0].replace('.', ''), Number(s.split('e')[1])];
}

function expString(digits: string, e: number, upper: boolean): string {
  const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
  const s = `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return upper ? s.toUpperCase() : s;
}

/** %e digits: mantissa with `prec` decimals and a two-digit exponent. */
function expForm(x: number, prec: number, upper: boolean): string {
  const [d, e] = sigDigits(x, Math.min(prec, 400) + 1);
  return expString(d, e, upper);
}

/** %g: shortest of %e/%f with `prec` significant digits, trailing zeros removed unless `#`. */
export function gForm(x: number, prec: number, upper: boolean, alt = false): string {
  const p = prec === 0 ? 1 : Math.min(prec, 400);
  if (x === 0) return alt ? fixedForm(0, p - 1) : '0';
  const [digits, e] = sigDigits(x, p);
  let s: string;
  if (e < -4 || e >= p) {
    s = expString(digits, e, upper);
    if (!alt) s = s.replace(/\.?0+e/i, upper ? 'E' : 'e');
  } else {
    s = fixedForm(x, Math.max(0, p - 1 - e));
    if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
  }
  return s;
}

/** Format a number with a floating conversion (e E f F g G). */
export function fmtFloat(x: number, spec: Spec): string {
  const prec = spec.prec ?? 6;
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let body: string;
  const up = spec.conv === 'E' || spec.conv === 'G' || spec.conv === 'F';
  if (!Number.isFinite(a)) body = Number.isNaN(a) ? (up ? 'NAN' : 'nan') : up ? 'INF' : 'inf';
  else if (spec.conv === 'e' || spec.conv === 'E') body = expForm(a, prec, spec.conv === 'E');
  else if (spec.conv === 'f' || spec.conv === 'F') body = fixedForm(a, prec);
  else body = gForm(a, prec, spec.conv === 'G', spec.flags.includes('#'));
  if (spec.flags.includes('#') && !body.includes('.') && /^\d+$/.test(body) && spec.conv !== 'g' && spec.conv !== 'G') body += '.';
  return pad(sign(neg && !Number.isNaN(x), spec.flags) + body, spec, Number.isFinite(a));
}

/** Format an integer conversion (d i o x X u). `n` is already an integer. */
export function fmtInt(n: number | bigint, spec: Spec): string {
  let v = BigInt(n);
  let digits: string;
  let neg = false;
  if (spec.conv === 'd' || spec.conv === 'i') {
    neg = v < 0n;
    digits = (neg ? -v : v).toString();
  } else {
    if (v < 0n) v = BigInt.asUintN(64, v);
    digits = v.toString(spec.conv === 'o' ? 8 : spec.conv === 'u' ? 10 : 16);
    if (spec.conv === 'X') digits = digits.toUpperCase();
  }
  if (spec.prec !== undefined) {
    if (spec.prec === 0 && v === 0n) digits = '';
    else digits = digits.padStart(spec.prec, '0');
  }
  let prefix = spec.conv === 'd' || spec.conv === 'i' ? sign(neg, spec.flags) : '';
  if (spec.flags.includes('#') && v !== 0n) {
    if (spec.conv === 'x') prefix = '0x';
    else if (spec.conv === 'X') prefix = '0X';
    else if (spec.conv === 'o' && !digits.startsWith('0')) digits = '0' + digits;
  }
  const s = prefix + digits;
  return spec.prec !== undefined ? pad(s, { ...spec, flags: spec.flags.replace('0', '') }, false) : pad(s, spec, true);
}

/** Format a string conversion (s, or c already reduced to a string). */
export function fmtStr(s: string, spec: Spec): string {
  const t = spec.prec !== undefined && spec.conv === 's' ? s.slice(0, spec.prec) : s;
  return pad(t, { ...spec, flags: spec.flags.replace('0', '') }, false);
}
