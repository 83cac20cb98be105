// awk regular expressions: POSIX EREs (mawk dialect) translated for the linear-time matcher.

import { CLASSES } from '../../lib/posix-regex.ts';
import { safeRegExp } from '../../lib/safe-regex.ts';
import { AwkRuntimeError } from './interp.ts';

/** A bracket expression as mawk reads it (escapes allowed inside; an unmatched `[` is literal): [jsClass, nextIndex]. */
export function bracket(pat: string, i: number): [string, number] {
  let j = i + 1;
  let out = '[';
  if (pat[j] === '^') {
    out += '^';
    j++;
  }
  let first = true;
  for (; j < pat.length; j++) {
    const c = pat[j];
    if (c === ']' && !first) return [out + ']', j + 1];
    first = false;
    if (c === '[' && pat[j + 1] === ':') {
      const end = pat.indexOf(':]', j + 2);
      if (end > 0) {
        out += Object.hasOwn(CLASSES, pat.slice(j + 2, end)) ? CLASSES[pat.slice(j + 2, end)] : '';
        j = end + 1;
        continue;
      }
    }
    if (c === '\\' || c === ']' || c === '[' || c === '^') out += '\\' + c;
    else out += c;
  }
  return ['\\[', i + 1];
}

/** mawk's regex dialect (no intervals, `\\<`/`\\>` as word boundaries) as JavaScript source. */
export function toJsRegex(pat: string, mode: 'BRE' | 'ERE' | 'F'): string {
  if (mode === 'F') return pat.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  let out = '';
  for (let i = 0; i < pat.length; ) {
    const c = pat[i];
    if (c === '[') {
      const [cls, next] = bracket(pat, i);
      out += cls;
      i = next;
      continue;
    }
    if (c === '\\') {
      const n = pat[i + 1];
      i += 2;
      if (n === undefined) {
        out += '\\\\';
        continue;
      }
      if (n === '<' || n === '>') {
        out += '\\b';
        continue;
      }
      if (mode === 'BRE' && '(){}|+?'.includes(n)) {
        out += n;
        continue;
      }
      if (/[wWsSbB1-9]/.test(n)) out += '\\' + n;
      else if (/[A-Za-z0-9]/.test(n)) out += n;
      else out += '\\' + n;
      continue;
    }
    if (mode === 'BRE' && '(){}|+?'.includes(c)) {
      out += '\\' + c;
      i++;
      continue;
    }
    if (c === '*' && (out === '' || out.endsWith('(') || out.endsWith('|') || out === '^')) {
      out += '\\*';
      i++;
      continue;
    }
    if (c === '{' && mode === 'ERE' && !/^\{\d+(,\d*)?\}/.test(pat.slice(i))) {
      out += '\\{';
      i++;
      continue;
    }
    if (c === '/') {
      out += '\\/';
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

// ---------------------------------------------------------------- values

export const reCache = new Map<string, RegExp>();

/** An awk ERE (mawk: no interval expressions) as a JavaScript RegExp. */
export function awkRegex(src: string): RegExp {
  const hit = reCache.get(src);
  if (hit) return hit;
  let pre = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\' && i + 1 < src.length) {
      const e = src[i + 1];
      const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', '/': '/', '"': '"' };
      if (map[e] !== undefined) {
        pre += /[\\^$.*+?()[\]{}|/]/.test(map[e]) ? '\\' + map[e] : map[e];
        i++;
        continue;
      }
      pre += c + e;
      i++;
      continue;
    }
    if (c === '{' || c === '}') {
      pre += '\\' + c;
      continue;
    }
    pre += c;
  }
  let re: RegExp;
  try {
    re = safeRegExp(toJsRegex(pre, 'ERE').replace(/\\\\\{/g, '\\{'), '', { longest: true });
  } catch {
    throw new AwkRuntimeError(`regular expression compile failed (missing operand)\n${src}`);
  }
  if (reCache.size > 500) reCache.clear();
  reCache.set(src, re);
  return re;
}
