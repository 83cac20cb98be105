// jq's lexer: filter text to tokens. A string token keeps its `\(...)`
// interpolations as source text; the parser parses them.

import { CompileError } from './values.ts';

/** A piece of a string literal: literal text, or the source of an interpolation. */
export type StrPart = string | { src: string; at: number };

/** A token; `at` is where it starts in the program text (jq's error messages pad to it). */
export type Tok = ({ t: 'num'; v: number } | { t: 'str'; parts: StrPart[] } | { t: 'id'; v: string } | { t: 'field'; v: string } | { t: 'var'; v: string } | { t: 'op'; v: string } | { t: 'eof' }) & { at?: number };

const OPS = ['?//', '|=', '+=', '-=', '*=', '/=', '%=', '//=', '==', '!=', '<=', '>=', '//', '|', ',', '+', '-', '*', '/', '%', '<', '>', '=', '(', ')', '[', ']', '{', '}', ':', ';', '.', '?'];
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"' };

function syntax(): never {
  throw new CompileError('syntax');
}

/** The string literal whose opening quote is at `i`: its token and the index after its closing quote. */
function lexString(src: string, i: number): [Tok, number] {
  i++;
  const parts: StrPart[] = [];
  let cur = '';
  for (;;) {
    if (i >= src.length) syntax();
    const ch = src[i++];
    if (ch === '"') break;
    if (ch !== '\\') {
      cur += ch;
      continue;
    }
    const e = src[i++];
    if (e === '(') {
      let depth = 1;
      const start = i;
      while (i < src.length && depth > 0) {
        if (src[i] === '(') depth++;
        else if (src[i] === ')') depth--;
        i++;
      }
      if (depth) syntax();
      if (cur) parts.push(cur);
      cur = '';
      parts.push({ src: src.slice(start, i - 1), at: start });
    } else if (e === 'u') {
      cur += String.fromCharCode(parseInt(src.slice(i, i + 4), 16) || 0);
      i += 4;
    } else if (ESCAPES[e] !== undefined) cur += ESCAPES[e];
    else syntax();
  }
  if (cur || parts.length === 0) parts.push(cur);
  return [{ t: 'str', parts }, i];
}

/** A number, name, variable, field or operator token at `i` (after blanks and comments): the token and its length. */
function lexWord(src: string, i: number): [Tok, number] {
  const c = src[i];
  const rest = src.slice(i);
  const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
  if (num && !(c === '.' && !/\d/.test(src[i + 1] ?? ''))) return [{ t: 'num', v: Number(num[0]) }, num[0].length];
  const id = /^@?[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest);
  if (id) return [{ t: 'id', v: id[0] }, id[0].length];
  if (c === '$') {
    const m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (!m) syntax();
    return [{ t: 'var', v: m[1] }, m[0].length];
  }
  if (c === '.') {
    const m = /^\.([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) return [{ t: 'field', v: m[1] }, m[0].length];
    if (src[i + 1] === '.') return [{ t: 'op', v: '..' }, 2];
  }
  const op = OPS.find((o) => src.startsWith(o, i));
  if (!op) syntax();
  return [{ t: 'op', v: op }, op.length];
}

export function lex(src: string, base = 0): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) i++;
    else if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '"') {
      const [tok, next] = lexString(src, i);
      for (const p of tok.t === 'str' ? tok.parts : []) if (typeof p !== 'string') p.at += base;
      out.push({ ...tok, at: base + i });
      i = next;
    } else {
      const [tok, len] = lexWord(src, i);
      out.push({ ...tok, at: base + i });
      i += len;
    }
  }
  out.push({ t: 'eof' });
  return out;
}
