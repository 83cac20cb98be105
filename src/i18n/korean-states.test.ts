// Korean pages say everything in Korean: every check message a lab gives
// for its start, its reference solution and each listed shortcut (the
// states learners actually reach) is a message id whose parameters carry no
// English prose, and every packet-path step the checks' probes trace in
// those states has a step id with a Korean text.

import { describe, expect, it } from 'vitest';
import '../userland/index.ts';
import { Session } from '../session/session.ts';
import type { Msg } from './checks.ts';
import { koreanProblems } from './check-audit.ts';
import { hasKoreanStep } from './path.ts';
import type { TraceStep } from '../kernel/packet.ts';
import { labInfo, labShortcuts, listLabs, makeLabWorld, runChecks } from '../labs/index.ts';
import type { Kernel } from '../kernel/kernel.ts';

/** Messages and traced steps of a lab after `lines`. */
async function states(id: string, lines: string[]): Promise<{ messages: (Msg | undefined)[]; steps: TraceStep[] }> {
  const info = labInfo(id, 1)!;
  const world = makeLabWorld(id, 1);
  const session = new Session({ makeWorld: () => world, host: info.terminalHost });
  await session.start();
  try {
    for (const line of lines) if (line.trim()) await session.runLine(line);
    const steps: TraceStep[] = [];
    const seen = new Set<unknown>();
    const collect = () => {
      for (const k of world.hosts.values()) {
        const t = world.paths.lastOf(k as Kernel);
        if (t && !seen.has(t)) {
          seen.add(t);
          steps.push(...t.trace.steps);
        }
      }
    };
    collect();
    const results = await runChecks(id, world, 1);
    collect();
    return { messages: results.map((r) => r.msg), steps };
  } finally {
    session.dispose();
  }
}

describe('Korean for the states learners reach', () => {
  for (const lab of listLabs()) {
    it(`${lab.id}: start, solution and shortcuts`, async () => {
      const info = labInfo(lab.id, 1)!;
      const runs = [[], info.solution, ...labShortcuts(lab.id, 1).map((s) => s.commands)];
      const missing: string[] = [];
      for (const lines of runs) {
        const { messages, steps } = await states(lab.id, lines);
        for (const m of messages) missing.push(...(m ? koreanProblems(m).map((p) => `check: ${p}`) : ['check: a result without a message id']));
        for (const s of steps) if (!hasKoreanStep(s)) missing.push(`step: ${s.what}`);
      }
      if (process.env.KO_DUMP) (await import('node:fs')).appendFileSync(process.env.KO_DUMP, [...new Set(missing)].map((m) => `${lab.id}\t${m}\n`).join(''));
      expect([...new Set(missing)]).toEqual([]);
    }, 120_000);
  }
});
