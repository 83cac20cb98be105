// bash's brace expansion, the first expansion of a word: `a{b,c}d` →
// `abd acd`, `{1..5}`, `{01..10..3}`, `{a..e}`, nested and combined
// (`{1..2}{a,b}`). Only unquoted braces count; the alternatives may hold any
// other word parts (`{a,$HOME}`), a sequence only literal text. A word with
// no valid brace expression is left as it is (`{a}`, `{}`, `{1..a}`).
// Checked against bash 5.2 in fidelity/scenarios/176-bash-brace.sh.

import type { Word, WordPart } from './ast.ts';

/** One character of unquoted literal text, or any other part kept whole. */
type Tok = { c: string } | { part: WordPart };

/** More words than this is refused the way bash reports a failed allocation. */
export const MAX_BRACE_WORDS = 100_000;

/** A brace expansion that would make too many words (bash: `brace expansion: failed to allocate memory for N elements`). */
export class BraceLimit extends Error {}

const isChar = (t: Tok | undefined, c: string): boolean => !!t && 'c' in t && t.c === c;

function toks(parts: WordPart[]): Tok[] {
  const out: Tok[] = [];
  for (const p of parts) {
    if (p.k === 'lit') for (const c of p.v) out.push({ c });
    else out.push({ part: p });
  }
  return out;
}

function fromToks(ts: Tok[]): WordPart[] {
  const out: WordPart[] = [];
  let lit = '';
  for (const t of ts) {
    if ('c' in t) lit += t.c;
    else {
      if (lit) out.push({ k: 'lit', v: lit });
      lit = '';
      out.push(t.part);
    }
  }
  if (lit) out.push({ k: 'lit', v: lit });
  return out;
}

/** Whether a word may need brace expansion (an unquoted `{` and `}`). */
export function hasBrace(w: Word): boolean {
  return w.parts.some((p) => p.k === 'lit' && p.v.includes('{')) && w.parts.some((p) => p.k === 'lit' && p.v.includes('}'));
}

/** The words a word brace-expands to (the word itself when it has no brace expression). */
export function braceExpand(w: Word): Word[] {
  if (!hasBrace(w)) return [w];
  return expand(toks(w.parts)).map((ts) => ({ parts: fromToks(ts), raw: w.raw }));
}

function expand(ts: Tok[]): Tok[][] {
  for (let i = 0; i < ts.length; i++) {
    if (!isChar(ts[i], '{')) continue;
    const m = braceAt(ts, i);
    if (!m) continue;
    const pre = ts.slice(0, i);
    const posts = expand(ts.slice(m.end + 1));
    const out: Tok[][] = [];
    for (const alt of m.alts) {
      for (const a of m.seq ? [alt] : expand(alt)) {
        for (const post of posts) {
          if (out.length >= MAX_BRACE_WORDS) throw new BraceLimit(String(m.alts.length * posts.length));
          out.push([...pre, ...a, ...post]);
        }
      }
    }
    return out;
  }
  return [ts];
}

/** The brace expression opening at `i`: its alternatives (or sequence) and the index of its `}`. */
function braceAt(ts: Tok[], i: number): { alts: Tok[][]; end: number; seq: boolean } | undefined {
  let depth = 0;
  const commas: number[] = [];
  for (let j = i + 1; j < ts.length; j++) {
    const t = ts[j]!;
    if (!('c' in t)) continue;
    if (t.c === '{') depth++;
    else if (t.c === '}') {
      if (depth === 0) {
        if (commas.length) {
          const cuts = [i, ...commas, j];
          return { alts: cuts.slice(1).map((c, k) => ts.slice(cuts[k]! + 1, c)), end: j, seq: false };
        }
        const seq = sequence(ts.slice(i + 1, j));
        if (seq) return { alts: seq.map((s) => [...s].map((c) => ({ c }))), end: j, seq: true };
        return undefined;
      }
      depth--;
    } else if (t.c === ',' && depth === 0) commas.push(j);
  }
  return undefined;
}

/** `{x..y[..step]}` of integers or single letters; undefined when the text is not one. */
function sequence(inner: Tok[]): string[] | undefined {
  if (!inner.every((t) => 'c' in t)) return undefined;
  const text = inner.map((t) => (t as { c: string }).c).join('');
  const num = /^([-+]?\d+)\.\.([-+]?\d+)(?:\.\.([-+]?\d+))?$/.exec(text);
  const chr = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.([-+]?\d+))?$/.exec(text);
  if (!num && !chr) return undefined;
  const m = (num ?? chr)!;
  const step = Math.abs(Number(m[3] ?? 1)) || 1;
  if (num) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const count = Math.floor(Math.abs(b - a) / step) + 1;
    if (count > 2 ** 31 - 1) return undefined;
    if (count > MAX_BRACE_WORDS) throw new BraceLimit(String(count));
    // A leading zero on either end pads every number to the longer width.
    const zero = /^[-+]?0\d/.test(m[1]!) || /^[-+]?0\d/.test(m[2]!);
    const width = zero ? Math.max(m[1]!.replace(/^\+/, '').length, m[2]!.replace(/^\+/, '').length) : 0;
    const out: string[] = [];
    for (let k = 0, v = a; k < count; k++, v += a <= b ? step : -step) {
      const s = String(Math.abs(v)).padStart(v < 0 ? width - 1 : width, '0');
      out.push(v < 0 ? `-${s}` : s);
    }
    return out;
  }
  const a = m[1]!.charCodeAt(0);
  const b = m[2]!.charCodeAt(0);
  const out: string[] = [];
  for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) out.push(String.fromCharCode(v));
  return out;
}
