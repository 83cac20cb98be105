import { describe, expect, it } from 'vitest';
import { parse, ParseError } from './parser.ts';
import type { SimpleCommand } from './ast.ts';

function firstSimple(src: string): SimpleCommand {
  const c = parse(src).list.items[0].cmd.first.cmds[0];
  if (c.k !== 'simple') throw new Error('not simple');
  return c;
}

describe('parser', () => {
  it('keeps quoting structure of words', () => {
    const c = firstSimple(`echo 'a b' "c $X" d\\ e`);
    expect(c.words.map((w) => w.raw)).toEqual(['echo', "'a b'", '"c $X"', 'd\\ e']);
    expect(c.words[1].parts).toEqual([{ k: 'sq', v: 'a b' }]);
    expect(c.words[2].parts[0]).toEqual({ k: 'dq', parts: [{ k: 'sq', v: 'c ' }, { k: 'param', name: 'X' }] });
  });

  it('parses pipelines, and-or lists and background jobs', () => {
    const l = parse('a | b && c || d & e').list;
    expect(l.items).toHaveLength(2);
    expect(l.items[0].bg).toBe(true);
    expect(l.items[0].cmd.first.cmds).toHaveLength(2);
    expect(l.items[0].cmd.rest.map((r) => r.op)).toEqual(['&&', '||']);
  });

  it('parses redirects with io numbers and here-documents', () => {
    const c = firstSimple('cat <<EOF 2>&1 >>out\nhello $USER\nEOF\n');
    expect(c.redirs.map((r) => [r.fd, r.op])).toEqual([
      [0, '<<'],
      [2, '>&'],
      [1, '>>'],
    ]);
    expect(c.redirs[0].heredoc).toEqual({ body: 'hello $USER\n', expand: true });
  });

  it('parses command substitution and arithmetic', () => {
    const c = firstSimple('echo $(echo `date`) $((1 + 2))');
    expect(c.words[1].parts[0].k).toBe('cmdsub');
    expect(c.words[2].parts[0].k).toBe('arith');
  });

  it('parses assignments only before the command word', () => {
    const c = firstSimple('A=1 B=x cmd C=2');
    expect(c.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(c.words.map((w) => w.raw)).toEqual(['cmd', 'C=2']);
  });

  it('reports unexpected tokens like bash', () => {
    expect(() => parse('echo hi; )')).toThrowError("syntax error near unexpected token `)'");
    let err: unknown;
    try {
      parse(';;');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParseError);
    expect((err as ParseError).message).toBe("syntax error near unexpected token `;;'");
    expect((err as ParseError).incomplete).toBe(false);
  });

  it('marks unfinished input as incomplete (continuation prompt)', () => {
    for (const src of ['echo "abc', 'ls |', 'if true; then', 'for i in 1 2; do echo']) {
      let err: unknown;
      try {
        parse(src, { heredocEofOk: false });
      } catch (e) {
        err = e;
      }
      expect(err, src).toBeInstanceOf(ParseError);
      expect((err as ParseError).incomplete, src).toBe(true);
    }
  });

  it('parses compound commands', () => {
    const l = parse('if a; then b; elif c; then d; else e; fi; for x in 1 2; do :; done; while false; do :; done; case y in a|b) z;; esac; f() { g; }').list;
    expect(l.items.map((i) => i.cmd.first.cmds[0].k)).toEqual(['if', 'for', 'while', 'case', 'func']);
  });
});
