// Replaying commands into a fresh lab world: how `lab check`, `lab verify`,
// the grader and the browser's live checks all reach a final state. The
// simulation is deterministic, so the same seed and commands give the same
// world every time — a checkpoint's claims are never trusted, only replayed.

import '../userland/index.ts';
import { Session } from '../session/session.ts';
import { getLab, labInfo, makeLabWorld, runChecks } from './index.ts';
import type { CheckResult } from './types.ts';
import type { World } from '../world/world.ts';

/** A lab world after a list of command lines was typed into its terminal. */
export interface Replayed {
  world: World;
  /** Everything the terminal printed (ANSI included). */
  output: string;
}

/** A command line, or keys an editor or pager read (on a terminal of that size). */
export type ReplayStep = string | { keys: string[]; cols?: number; rows?: number };

/** Start `labId` with `seed`, type each line into its shell, wait for each to finish. */
export async function replayLines(labId: string, seed: number, lines: ReplayStep[]): Promise<Replayed> {
  const r = await replayOpen(labId, seed, lines);
  r.dispose();
  return { world: r.world, output: r.output };
}

/**
 * The same, with the session still open: disposing it kills every process
 * of the host (daemons and containers too), so checks run before that.
 */
async function replayOpen(labId: string, seed: number, lines: ReplayStep[]): Promise<Replayed & { dispose: () => void }> {
  const info = labInfo(labId, seed);
  if (!info) throw new Error(`unknown lab ${labId}`);
  const world = makeLabWorld(labId, seed);
  const session = new Session({ makeWorld: () => world, host: info.terminalHost });
  let output = '';
  session.onOutput((d) => {
    if (output.length < 2_000_000) output += d;
  });
  await session.start();
  for (const line of lines) {
    if (typeof line !== 'string') {
      if (line.cols && line.rows) session.resize(line.cols, line.rows);
      await session.runKeys(line.keys);
      continue;
    }
    if (!line.trim()) continue;
    await session.runLine(line);
  }
  return { world, output, dispose: () => session.dispose() };
}

/** Replay `lines` and run the lab's checks on the result. */
export async function checkLines(labId: string, seed: number, lines: ReplayStep[]): Promise<CheckResult[]> {
  if (!getLab(labId)) throw new Error(`unknown lab ${labId}`);
  const r = await replayOpen(labId, seed, lines);
  try {
    return await runChecks(labId, r.world, seed);
  } finally {
    r.dispose();
  }
}
