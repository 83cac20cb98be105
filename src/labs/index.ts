// The lab engine's public face: list labs, resolve one for a seed, build its
// start world, and run its checks on a world (the caller passes a replayed
// copy so checking never disturbs the learner's live world). The work is in
// engine.ts, over one definition.

import { LABS } from '../../labs/index.ts';
import { labInfoOf, labParams, labShortcutsOf, makeLabWorldOf, runChecksOf } from './engine.ts';
import type { CheckResult, LabDef, LabInfo } from './types.ts';
import type { World } from '../world/world.ts';

export type { CheckResult, LabInfo, LabDef, Params, Shortcut } from './types.ts';
export { labParams };

/** The lab definition with this id. */
export function getLab(id: string): LabDef | undefined {
  return LABS.find((l) => l.id === id);
}

/** A lab as shown to a learner with a given seed. */
export function labInfo(id: string, seed = 1): LabInfo | undefined {
  const lab = getLab(id);
  return lab ? labInfoOf(lab, seed) : undefined;
}

/** A lab's shortcuts resolved for a seed: the commands and the checks that must fail. */
export function labShortcuts(id: string, seed = 1): { name: string; commands: string[]; expect: string[] }[] {
  const lab = getLab(id);
  return lab ? labShortcutsOf(lab, seed) : [];
}

/** Every lab, resolved with seed 1. */
export function listLabs(): LabInfo[] {
  return LABS.map((l) => labInfoOf(l, 1));
}

/** The start world of a lab for a seed. */
export function makeLabWorld(id: string, seed = 1): World {
  const lab = getLab(id);
  if (!lab) throw new Error(`unknown lab ${id}`);
  return makeLabWorldOf(lab, seed);
}

/** Run every check of a lab against `world` (which the checks may disturb). */
export async function runChecks(id: string, world: World, seed = 1): Promise<CheckResult[]> {
  const lab = getLab(id);
  if (!lab) throw new Error(`unknown lab ${id}`);
  return runChecksOf(lab, world, seed);
}
