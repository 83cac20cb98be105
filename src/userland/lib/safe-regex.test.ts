import { describe, expect, it } from 'vitest';
import { RegexBudgetError, SafeRegExp, safeRegExp } from './safe-regex.ts';
import { translateRegex } from './posix-regex.ts';
import { bareWorld } from '../../world/world.ts';
import { runScript } from '../../session/session.ts';

const A = 'a'.repeat(64);

describe('safe regexes (RE2 with a bounded fallback)', () => {
  it('behave like RegExp for the String methods the tools use', () => {
    expect('xaab'.replace(safeRegExp('(a)(b)?', 'g'), '[$1|$2]')).toBe('x[a|][a|b]');
    expect('a1b22c'.split(safeRegExp('(\\d)+'))).toEqual('a1b22c'.split(/(\d)+/));
    expect('abc'.replace(safeRegExp('', 'g'), '-')).toBe('-a-b-c-');
    expect([...'aXbXc'.matchAll(safeRegExp('X', 'g'))].map((m) => m.index)).toEqual([1, 3]);
    expect(safeRegExp('(?<x>a)').exec('a')!.groups).toEqual({ x: 'a' });
    expect('aBc'.replace(safeRegExp('b', 'gi'), 'x')).toBe('axc');
  });

  it('translate GNU anchors and word boundaries onto RE2', () => {
    const re = (p: string, ere = false): RegExp => safeRegExp(translateRegex(p, ere).src, 'g', { longest: true });
    expect('foo bar'.replace(re('\\<b'), 'X')).toBe('foo Xar');
    expect('foo bar'.replace(re('o\\>'), 'X')).toBe('foX bar');
    expect('ab\nab'.replace(re("\\`a"), 'X')).toBe('Xb\nab');
    expect('ab\nab'.replace(re("b\\'"), 'X')).toBe('ab\naX');
    expect(new SafeRegExp(translateRegex('a\\|ab', false).src).bounded).toBe(false);
  });

  it('match POSIX leftmost-longest when asked (GNU grep, sed, awk)', () => {
    expect(safeRegExp('a|ab', '', { longest: true }).exec('abc')![0]).toBe('ab');
    expect(safeRegExp('a|ab').exec('abc')![0]).toBe('a');
  });

  it('run pathological patterns in linear time (no backtracking)', () => {
    expect(safeRegExp('(a*)*b').test(A.repeat(100))).toBe(false);
    expect(safeRegExp('.*.*.*.*.*.*.*.*b').test('x'.repeat(20000))).toBe(false);
    expect(safeRegExp('(a|aa)+$').test(A + '!')).toBe(false);
    expect(new SafeRegExp('(a*)*b').bounded).toBe(false);
  });

  it('run back-references on the bounded matcher, which gives up cleanly', () => {
    const r = new SafeRegExp('(ab)\\1', 'g');
    expect(r.bounded).toBe(true);
    expect('xababy'.replace(r as unknown as RegExp, 'Z')).toBe('xZy');
    expect(() => new SafeRegExp('(a*)*\\1b').exec(A)).toThrow(RegexBudgetError);
    expect(() => new SafeRegExp('x(?=a)').exec('xa')).not.toThrow();
  });
});

describe('regex users never hang', () => {
  it('grep, sed, awk and jq finish on catastrophic patterns', async () => {
    const steps = await runScript(bareWorld(1), [
      "ip a | grep '.*.*.*.*.*.*.*.*b'",
      `echo ${A} | grep -E '(a*)*b'; echo $?`,
      `echo ${A} | sed -E 's/(a*)*b/X/;s/(a|aa)+$/Y/'`,
      `echo ${A} | awk '/(a*)*b/ { print "match" } END { print "end" }'`,
      `echo '"${A}"' | jq 'test("(a*)*b")'`,
      `echo ${A} | grep '\\(a*\\)*\\1b'; echo $?`,
      "echo abab | grep -o '\\(ab\\)\\1'",
    ]);
    expect(steps.map((s) => [s.stdout, s.stderr, s.exit])).toEqual([
      ['    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n', '', 0],
      ['1\n', '', 0],
      ['Y\n', '', 0],
      ['end\n', '', 0],
      ['false\n', '', 0],
      ['2\n', 'grep: memory exhausted\n', 0],
      ['abab\n', '', 0],
    ]);
  });
});
