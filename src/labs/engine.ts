// The lab engine over one lab definition: its texts for a seed, its start
// world, its checks. `index.ts` finds definitions in the course's list; the
// browser worker imports only the lab it runs (src/term/backend.ts).

// A lab's world runs programs (its setup, the learner's, a container's command):
// every command must be known. In the browser worker this is the lazy index
// (specs only, scripts/lazy-commands.mjs), already loaded before the prompt.
import '../userland/index.ts';
import { buildWorld, Builder } from './build.ts';
import type { CheckCtx } from './checks.ts';
import { english, m } from './messages.ts';
import type { CheckOutcome, CheckResult, LabDef, LabInfo, Params } from './types.ts';
import type { World } from '../world/world.ts';

/** Per-learner values for a seed (empty for non-parametric labs). */
export function labParams(lab: LabDef, seed: number): Params {
  return lab.params ? lab.params(seed) : {};
}

function resolve<T>(v: T | ((p: Params) => T), p: Params): T {
  return typeof v === 'function' ? (v as (p: Params) => T)(p) : v;
}

/** A lab as shown to a learner with a given seed. */
export function labInfoOf(lab: LabDef, seed = 1): LabInfo {
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
export function labShortcutsOf(lab: LabDef, seed = 1): { name: string; commands: string[]; expect: string[] }[] {
  const p = labParams(lab, seed);
  return (lab.shortcuts ?? []).map((s) => ({ name: s.name, commands: resolve(s.commands, p), expect: s.expect }));
}

/** The start world of a lab for a seed. */
export function makeLabWorldOf(lab: LabDef, seed = 1): World {
  const p = labParams(lab, seed);
  return buildWorld(seed, (b: Builder) => lab.build(b, p));
}

/** Run every check of a lab against `world` (which the checks may disturb). */
export async function runChecksOf(lab: LabDef, world: World, seed = 1): Promise<CheckResult[]> {
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
