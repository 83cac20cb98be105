// The fuzzer in `npm test`: generated command lines over every registered
// program and the shell's syntax (test/fuzz/grammar.ts) with a fixed seed,
// plus every reproducer in test/fuzz-corpus.txt. Each line must leave no
// JavaScript text in the output, keep the host usable (`echo ok`) and give
// a transcript that serialises (test/fuzz/harness.ts).
//
// FUZZ_RUNS=40000 (and FUZZ_SEED=N) for a deeper run; `node test/fuzz/cli.ts
// RUNS SEED` does the same outside Vitest and prints every finding.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import '../src/userland/index.ts';
import '../src/shell/bash.ts';
import { allCommands } from '../src/userland/registry.ts';
import { genLine, Rng } from './fuzz/grammar.ts';
import { fuzzBatch, type Finding } from './fuzz/harness.ts';
import { parse, ParseError } from '../src/shell/parser.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 17);
const BATCH = 50;

/** The corpus: one line each, JSON-quoted when it spans lines. */
export function corpus(): string[] {
  const text = readFileSync(new URL('./fuzz-corpus.txt', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => (l.startsWith('"') ? (JSON.parse(l) as string) : l));
}

/** Does `line` parse as a whole command (no continuation prompt)? */
function complete(line: string): boolean {
  try {
    parse(line, { heredocEofOk: false });
    return true;
  } catch (e) {
    return !(e instanceof ParseError && e.incomplete);
  }
}

function report(found: Finding[]): string {
  return found.map((f) => `${f.kind}: ${JSON.stringify(f.line)}\n  ${f.detail.replace(/\n/g, '\n  ')}`).join('\n');
}

describe('fuzzer', () => {
  it('replays every reproducer in the corpus without JavaScript in the output', async () => {
    const lines = corpus();
    expect(lines.length).toBeGreaterThan(40);
    const found = await fuzzBatch(lines);
    expect(report(found)).toBe('');
  }, 120_000);

  it(`runs ${RUNS} generated lines (seed ${SEED}) without JavaScript in the output`, async () => {
    const specs = allCommands();
    const r = new Rng(SEED);
    const found: Finding[] = [];
    for (let i = 0; i < RUNS; i += BATCH) {
      const lines: string[] = [];
      for (let j = 0; j < BATCH && i + j < RUNS; j++) lines.push(genLine(r, specs));
      found.push(...(await fuzzBatch(lines, SEED + i)));
    }
    expect(report(found)).toBe('');
  }, 3_600_000);

  it('keeps an interactive terminal usable after each generated line', async () => {
    const { Session } = await import('../src/session/session.ts');
    const { bareWorld } = await import('../src/world/world.ts');
    const s = new Session({ makeWorld: () => bareWorld(3) });
    let screen = '';
    s.onOutput((d) => (screen += d));
    await s.start();
    const specs = allCommands();
    const r = new Rng(SEED + 1);
    const bad: string[] = [];
    let typedSoFar = '';
    for (let n = 0; n < Math.max(50, RUNS / 10); n++) {
      const line = genLine(r, specs);
      // Whole one-line commands only (a partial one waits for more input, rightly), and no
      // IFS/PATH changes, which make the probe itself mean something else.
      if (line.includes('\n') || /\b(IFS|PATH)\+?=/.test(line) || !complete(line)) continue;
      const from = screen.length;
      await s.runLine(line);
      await s.runLine('echo ok-$((6*7))');
      let out = screen.slice(from).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
      for (const key of ['\x03', '\x04']) {
        // A program still in the foreground or reading the terminal (`read x`, a container
        // attached to it) gets what a learner would type: Ctrl-C, then Ctrl-D.
        if (out.includes('\nok-42\n')) break;
        s.input(key);
        await s.idle();
        await s.runLine('echo ok-$((6*7))');
        out = screen.slice(from).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
      }
      if (!out.includes('\nok-42\n')) bad.push(`unusable after ${JSON.stringify(line)}`);
      // `history` and `declare -p` show back what earlier lines typed.
      typedSoFar += `${line}\n`;
      const typed = typedSoFar;
      for (const w of ['undefined', 'NaN', '[object ', 'TypeError', 'internal error', 'Converting circular']) if (out.includes(w) && !typed.includes(w.trim())) bad.push(`${w} after ${JSON.stringify(line)}: ${out.slice(0, 300)}`);
    }
    expect(JSON.stringify({ entries: s.entries() }).length).toBeGreaterThan(0);
    s.dispose();
    expect(bad).toEqual([]);
  }, 600_000);

  it('generates the same lines for the same seed', () => {
    const specs = allCommands();
    const a = new Rng(5);
    const b = new Rng(5);
    const la = Array.from({ length: 20 }, () => genLine(a, specs));
    expect(Array.from({ length: 20 }, () => genLine(b, specs))).toEqual(la);
    // Lines cover programs and shell syntax.
    const many = Array.from({ length: 300 }, () => genLine(a, specs)).join('\n');
    for (const s of ['|', '&&', '<<', '$((', '()', 'for ', 'case ', 'ip ', 'iptables', 'jq', 'awk']) expect(many).toContain(s);
  });

  it('flags JavaScript text that the learner did not type', async () => {
    const { leaks } = await import('./fuzz/harness.ts');
    expect(leaks('x', { cmd: 'x', stdout: 'a undefined b\n', stderr: '', exit: 0 }).map((f) => f.kind)).toEqual(['undefined']);
    expect(leaks('echo undefined', { cmd: 'echo undefined', stdout: 'undefined\n', stderr: '', exit: 0 })).toEqual([]);
    expect(leaks('x', { cmd: 'x', stdout: '', stderr: 'x: internal error: [object Object]\n', exit: 1 }).map((f) => f.kind)).toEqual(['[object', 'internal error']);
    expect(leaks('x', { cmd: 'x', stdout: '', stderr: '', exit: 1.5 }).map((f) => f.kind)).toEqual(['exit status']);
    // jq's own compile errors name an undefined variable or function; JavaScript's do not start with `$` or end in `/N`.
    expect(leaks("jq '$d'", { cmd: "jq '$d'", stdout: '', stderr: 'jq: error: $d is not defined at <top-level>, line 1:\n', exit: 3 })).toEqual([]);
    expect(leaks('x', { cmd: 'x', stdout: '', stderr: 'x: d is not defined\n', exit: 1 }).map((f) => f.kind)).toEqual(['JS message']);
  });
});
