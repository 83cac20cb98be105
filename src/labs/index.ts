// The lab engine's public face: list labs, resolve one for a seed, build its
// start world, and run its checks on a world (the caller passes a replayed
// copy so checking never disturbs the learner's live world).

import { LABS } from '../../labs/index.ts';
import { buildWorld, Builder } from './build.ts';
import type { CheckCtx } from './checks.ts';
import { english, m } from './messages.ts';
import type { CheckOutcome, CheckResult, LabDef, LabInfo, Params } from './types.ts';
import type { World } from '../world/world.ts';

export type { CheckResult, LabInfo, LabDef, Params, Shortcut } from './types.ts';

/** The lab definition with this id. */
export function getLab(id: string): LabDef | undefined {
  return LABS.find((l) => l.id === id);
}

/** Per-learner values for a seed (empty for non-parametric labs). */
export function labParams(lab: LabDef, seed: number): Params {
  return lab.params ? lab.params(seed) : {};
}

function resolve<T>(v: T | ((p: Params) => T), p: Params): T {
  return typeof v === 'function' ? (v as (p: Params) => T)(p) : v;
}

/** A lab as shown to a learner with a given seed. */
export function labInfo(id: string, seed = 1): LabInfo | undefined {
  const lab = getLab(id);
  if (!lab) return undefined;
  const p = labParams(lab, seed);
  return {
    id: lab.id,
    title: lab.title,
    lesson: lab.lesson,
    goal: resolve(lab.goal, p),
    hints: resolve(lab.hints, p),
    solution: resolve(lab.solution, p),
    tasks: lab.checks.map((c) => ({ id: c.id, title: resolve(c.title, p) })),
    terminalHost: lab.terminalHost ?? 'host',
    parametric: !!lab.params,
    params: p,
  };
}

/** A lab's shortcuts resolved for a seed: the commands and the checks that must fail. */
export function labShortcuts(id: string, seed = 1): { name: string; commands: string[]; expect: string[] }[] {
  const lab = getLab(id);
  if (!lab) return [];
  const p = labParams(lab, seed);
  return (lab.shortcuts ?? []).map((s) => ({ name: s.name, commands: resolve(s.commands, p), expect: s.expect }));
}

/** Every lab, resolved with seed 1. */
export function listLabs(): LabInfo[] {
  return LABS.map((l) => labInfo(l.id, 1)!);
}

/** The start world of a lab for a seed. */
export function makeLabWorld(id: string, seed = 1): World {
  const lab = getLab(id);
  if (!lab) throw new Error(`unknown lab ${id}`);
  const p = labParams(lab, seed);
  return buildWorld(seed, (b: Builder) => lab.build(b, p));
}

/** Run every check of a lab against `world` (which the checks may disturb). */
export async function runChecks(id: string, world: World, seed = 1): Promise<CheckResult[]> {
  const lab = getLab(id);
  if (!lab) throw new Error(`unknown lab ${id}`);
  const p = labParams(lab, seed);
  const ctx: CheckCtx = { world, host: lab.terminalHost ?? 'host' };
  const out: CheckResult[] = [];
  for (const c of lab.checks) {
    let r: CheckOutcome;
    try {
      r = await c.run(ctx, p);
    } catch (e) {
      r = { passed: false, msg: m('runner.checkFailedRun', { err: e instanceof Error ? e.message : String(e) }) };
    }
    out.push({ id: c.id, title: resolve(c.title, p), passed: r.passed, message: english(r.msg), msg: r.msg });
  }
  return out;
}
