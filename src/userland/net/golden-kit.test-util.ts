// Helpers for tests that compare program output with the fidelity goldens
// (real-kernel recordings), normalised by the fidelity kit's own
// compare.mjs (MAC numbering, bridge ids, sorted hash-table dumps).

import { readFileSync } from 'node:fs';

/** One recorded step. */
export interface GoldenStep {
  cmd: string;
  stdout: string;
  stderr: string;
  exit: number;
}

const KIT = '/work/shared/fidelity';

/** Steps of a golden scenario, e.g. `16-net-tools`. */
export function golden(name: string): GoldenStep[] {
  return (JSON.parse(readFileSync(`${KIT}/goldens/${name}.json`, 'utf8')) as { steps: GoldenStep[] }).steps;
}

/** The step of `name` whose command is `cmd` (the `n`th such, default first). */
export function step(name: string, cmd: string, n = 0): GoldenStep {
  const all = golden(name).filter((s) => s.cmd === cmd);
  if (!all[n]) throw new Error(`no step "${cmd}" in ${name}`);
  return all[n];
}

type NormaliseStep = (s: GoldenStep) => GoldenStep;
let normaliseStep: NormaliseStep | undefined;

/** Normalise a step as the fidelity kit does before comparing. */
export async function norm(s: GoldenStep): Promise<GoldenStep> {
  if (!normaliseStep) {
    const m = (await import(`${KIT}/compare.mjs`)) as { normaliseStep: NormaliseStep };
    normaliseStep = m.normaliseStep;
  }
  return normaliseStep(s);
}
