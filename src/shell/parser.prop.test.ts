// Property: the printer (print.ts) writes any syntax tree as source that the
// parser reads back as the same tree: simple commands with assignments,
// quoting, parameter/command/arithmetic expansion and redirections;
// pipelines with `!`, && and || lists, background jobs; subshells, groups,
// if/elif/else, for, while/until, case and function definitions, nested.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AndOr, Assign, Command, List, Pipeline, Redirect, Word, WordPart } from './ast.ts';
import { parse } from './parser.ts';
import { printList } from './print.ts';

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', 'function', 'select', 'time', 'coproc']);
const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,3}$/).filter((n) => !RESERVED.has(n));
const litText = fc.stringMatching(/^[a-z0-9._/-]{1,6}$/).filter((t) => !RESERVED.has(t));
const sqText = fc.stringMatching(/^[a-z '"\\$`*?;&|<>(){}#!~=]{0,6}$/);
const word = (parts: fc.Arbitrary<WordPart[]>): fc.Arbitrary<Word> => parts.map((p) => ({ parts: p, raw: '' }));

const lit = litText.map((v): WordPart => ({ k: 'lit', v }));
const sq = sqText.map((v): WordPart => ({ k: 'sq', v }));
/** Inside double quotes text is a quoted piece; an empty one is no piece at all. */
const dqText = sqText.filter((v) => v !== '').map((v): WordPart => ({ k: 'sq', v }));
/** Words inside ${x:-…}: plain text or single-quoted text without braces or slashes. */
const argWord = word(fc.array(fc.oneof(fc.stringMatching(/^[a-z0-9.]{1,4}$/).map((v): WordPart => ({ k: 'lit', v })), fc.stringMatching(/^[a-z ]{1,4}$/).map((v): WordPart => ({ k: 'sq', v }))), { minLength: 1, maxLength: 2 }));
const param = fc.oneof(
  name.map((n): WordPart => ({ k: 'param', name: n })),
  name.map((n): WordPart => ({ k: 'param', name: n, op: 'len' })),
  fc.tuple(name, fc.constantFrom(':-', '-', ':+', '+', ':=', '#', '##', '%', '%%', '//'), argWord).map(([n, op, arg]): WordPart => ({ k: 'param', name: n, op, arg })),
  fc.tuple(name, argWord, argWord).map(([n, arg, arg2]): WordPart => ({ k: 'param', name: n, op: '/', arg, arg2 })),
);
const arith = fc.stringMatching(/^[0-9]{1,2}[+*-][0-9]{1,2}$/).map((v): WordPart => ({ k: 'arith', expr: { parts: [{ k: 'lit', v }], raw: v } }));

function tree(depth: number): { list: fc.Arbitrary<List>; command: fc.Arbitrary<Command> } {
  const inner = depth > 0 ? tree(depth - 1) : undefined;
  // $( ) holds simple commands (compound ones are covered as commands).
  const cmdsub = inner ? [(depth > 1 ? tree(0) : inner).list.map((body): WordPart => ({ k: 'cmdsub', body }))] : [];
  const dq = fc.array(fc.oneof(dqText, param, arith, ...cmdsub), { maxLength: 3 }).map((parts): WordPart => ({ k: 'dq', parts }));
  const anyWord = word(fc.array(fc.oneof({ weight: 3, arbitrary: lit }, sq, dq, param, arith, ...cmdsub), { minLength: 1, maxLength: 2 }));
  const plainWord = word(lit.map((p) => [p]));
  const fdWord = word(fc.constantFrom('0', '1', '2', '-').map((v): WordPart[] => [{ k: 'lit', v }]));
  const redirect = fc.oneof(
    fc.tuple(fc.constantFrom<Redirect['op']>('<', '>', '>>', '<<<', '<>', '>|', '&>', '&>>'), fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }), anyWord).map(([op, fd, target]): Redirect => ({
      op,
      fd: op === '&>' || op === '&>>' ? -1 : (fd ?? (op.startsWith('<') ? 0 : 1)),
      target,
    })),
    fc.tuple(fc.constantFrom<Redirect['op']>('>&', '<&'), fc.integer({ min: 0, max: 9 }), fdWord).map(([op, fd, target]): Redirect => ({ op, fd, target })),
  );
  const redirs = fc.array(redirect, { maxLength: 2 });
  const assign = fc.tuple(name, fc.boolean(), fc.oneof(anyWord, word(fc.constant([])))).map(([n, append, value]): Assign => ({ name: n, append, value }));
  const simple = fc.tuple(fc.array(assign, { maxLength: 2 }), plainWord, fc.array(anyWord, { maxLength: 2 }), redirs).map(([assigns, first, rest, r]): Command => ({ k: 'simple', assigns, words: [first, ...rest], redirs: r, line: 1 }));
  const list = (cmd: fc.Arbitrary<Command>): fc.Arbitrary<List> => {
    const pipeline = fc.tuple(fc.boolean(), fc.array(cmd, { minLength: 1, maxLength: 2 })).map(([bang, cmds]): Pipeline => ({ bang, cmds }));
    const andOr = fc.tuple(pipeline, fc.array(fc.tuple(fc.constantFrom<'&&' | '||'>('&&', '||'), pipeline).map(([op, p]) => ({ op, pipeline: p })), { maxLength: 1 })).map(([first, rest]): AndOr => ({ first, rest, src: '' }));
    return fc.array(fc.tuple(andOr, fc.boolean()).map(([c, bg]) => ({ cmd: c, bg })), { minLength: 1, maxLength: depth > 1 ? 2 : 1 }).map((items): List => ({ items }));
  };
  if (!inner) return { list: list(simple), command: simple };
  const sub = inner.list;
  const compound = fc.oneof(
    fc.tuple(sub, redirs).map(([body, r]): Command => ({ k: 'subshell', body, redirs: r })),
    fc.tuple(sub, redirs).map(([body, r]): Command => ({ k: 'group', body, redirs: r })),
    fc.tuple(fc.array(fc.tuple(sub, sub).map(([cond, body]) => ({ cond, body })), { minLength: 1, maxLength: 2 }), fc.option(sub, { nil: undefined }), redirs).map(([clauses, orElse, r]): Command => ({ k: 'if', clauses, ...(orElse ? { orElse } : {}), redirs: r })),
    fc.tuple(name, fc.option(fc.array(anyWord, { maxLength: 3 }), { nil: undefined }), sub, redirs).map(([n, words, body, r]): Command => ({ k: 'for', name: n, ...(words ? { words } : {}), body, redirs: r })),
    fc.tuple(fc.boolean(), sub, sub, redirs).map(([until, cond, body, r]): Command => ({ k: 'while', until, cond, body, redirs: r })),
    fc.tuple(anyWord, fc.array(fc.tuple(fc.array(anyWord, { minLength: 1, maxLength: 2 }), fc.oneof(sub, fc.constant<List>({ items: [] }))).map(([patterns, body]) => ({ patterns, body })), { maxLength: 2 }), redirs).map(([w, items, r]): Command => ({ k: 'case', word: w, items, redirs: r })),
  );
  const func = fc.tuple(name, sub).map(([n, body]): Command => ({ k: 'func', name: n, body: { k: 'group', body, redirs: [] } }));
  const command = fc.oneof({ weight: 3, arbitrary: simple }, { weight: 2, arbitrary: compound }, { weight: 1, arbitrary: func });
  return { list: list(command), command };
}

/** The tree without source positions and texts, adjacent literal or quoted pieces joined (`'a'\''b'` reads as three quoted pieces). */
function normal(x: unknown): unknown {
  if (Array.isArray(x)) {
    const out: unknown[] = [];
    for (const e of x.map(normal)) {
      const prev = out[out.length - 1] as { k?: string; v?: string } | undefined;
      const cur = e as { k?: string; v?: string };
      if (prev && (cur?.k === 'lit' || cur?.k === 'sq') && prev.k === cur.k && Object.keys(cur).length === 2) out[out.length - 1] = { k: cur.k, v: prev.v! + cur.v! };
      else out.push(e);
    }
    return out;
  }
  if (x && typeof x === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) if (k !== 'raw' && k !== 'src' && k !== 'line' && v !== undefined) o[k] = normal(v);
    return o;
  }
  return x;
}

describe('shell parser: print and re-parse', () => {
  it('parse(print(tree)) is the tree, and printing it again gives the same text', () => {
    fc.assert(
      fc.property(tree(2).list, (l) => {
        const text = printList(l);
        const back = parse(text).list;
        expect(normal(back), text).toEqual(normal(l));
        expect(printList(back)).toBe(text);
      }),
      { numRuns: 200, seed: 15 },
    );
  }, 60_000);

  it('prints the forms bash reads', () => {
    const src = `a=1 b+="x y" echo 'it'\\''s' "$HOME \${x:-d}" $(ls -l) $((1+2)) 2>&1 >>f <<<w | ! grep -v x && { cd /; } || ( exit 3 ) & f () { if a; then b; elif c; then d; else e; fi; for i in 1 2; do :; done; while false; do :; done; case $x in a | b) y;; *) ;; esac; }`;
    expect(printList(parse(src).list)).toBe(
      `a=1 b+="x y" echo 'it'\\''s' "\${HOME} \${x:-d}" $(ls -l) $((1+2)) 2>&1 >>f <<<w | ! grep -v x && { cd /; } || ( exit 3 ) & f () { if a; then b; elif c; then d; else e; fi; for i in 1 2; do :; done; while false; do :; done; case \${x} in a | b) y;; *) ;; esac; }`,
    );
  });
});
