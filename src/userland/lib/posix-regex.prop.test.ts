// The POSIX regex translation (posix-regex.ts on the linear-time matcher) run
// through the simulated grep against GNU grep 3.8 on 240 pseudo-random BRE and
// ERE patterns (groups, alternation, intervals, anchors, classes) with -o, -c,
// -n, -x, -w and -v: test/fixtures/grep-regex-cases.json, recorded on Debian 12
// by test/fixtures/record-grep-regex.py (seeded).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bareWorld } from '../../world/world.ts';
import { runScript } from '../../session/session.ts';

interface Case {
  cmd: string;
  stdout: string;
  stderr: string;
  exit: number;
}
const { cases } = JSON.parse(readFileSync(new URL('../../../test/fixtures/grep-regex-cases.json', import.meta.url), 'utf8')) as { cases: Case[] };

describe('POSIX regular expressions against recorded GNU grep', () => {
  it('every recorded case prints the same lines and status', async () => {
    expect(cases.length).toBe(240);
    const steps = await runScript(bareWorld(1), cases.map((c) => c.cmd));
    const wrong = cases.filter((c, i) => steps[i].stdout !== c.stdout || steps[i].exit !== c.exit || steps[i].stderr !== c.stderr);
    expect(wrong.map((c) => c.cmd)).toEqual([]);
  }, 120_000);
});
