// Fidelity goldens in tests: find the kit (the shared one beside the
// checkout, or this repository's own `fidelity/`), normalise steps exactly as
// the kit's compare.mjs does, and replay a scenario on a fresh simulated
// bare host the way the recorder ran it (each line through `bash -c`).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bareWorld } from '../src/world/world.ts';
import { StringOut, devNullIn } from '../src/kernel/proc.ts';
import { resolveProgram, spawnProgram } from '../src/shell/exec.ts';
import '../src/shell/bash.ts';
import '../src/userland/index.ts';

/** One recorded step. */
export interface GoldenStep {
  cmd: string;
  stdout: string;
  stderr: string;
  exit: number;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The shared fidelity kit: $PACKETLAB_FIDELITY_KIT, else `../shared/fidelity` beside the checkout. */
export const KIT = [process.env.PACKETLAB_FIDELITY_KIT, join(ROOT, '..', 'shared', 'fidelity'), '/work/shared/fidelity'].find(
  (d): d is string => !!d && existsSync(join(d, 'compare.mjs')),
);

/** True when the shared kit is available (tests that need it are skipped otherwise). */
export const HAVE_KIT = KIT !== undefined;

/** Steps of a golden: this repository's `fidelity/goldens` first, then the shared kit's. */
export function golden(name: string): GoldenStep[] {
  const own = join(ROOT, 'fidelity', 'goldens', `${name}.json`);
  const path = existsSync(own) ? own : KIT ? join(KIT, 'goldens', `${name}.json`) : own;
  return (JSON.parse(readFileSync(path, 'utf8')) as { steps: GoldenStep[] }).steps;
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
    if (!KIT) throw new Error('fidelity kit not found (set PACKETLAB_FIDELITY_KIT)');
    const m = (await import(join(KIT, 'compare.mjs'))) as { normaliseStep: NormaliseStep };
    normaliseStep = m.normaliseStep;
  }
  return normaliseStep(s);
}

/** The recorder's step environment. */
export const STEP_ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' };

/** Run every step on one fresh bare host; returns normalised [golden, candidate] pairs. */
export async function replay(steps: GoldenStep[]): Promise<[GoldenStep, GoldenStep][]> {
  const world = bareWorld(1);
  const k = world.host('host');
  const pairs: [GoldenStep, GoldenStep][] = [];
  for (const s of steps) {
    const out = new StringOut();
    const err = new StringOut();
    const ref = resolveProgram(k, 'bash', undefined, '/tmp');
    const r = spawnProgram(k, 1, ['bash', '-c', s.cmd], { env: STEP_ENV, cwd: '/tmp', netns: k.initNs, stdin: devNullIn, stdout: out, stderr: err }, ref);
    const d = await world.run(r.done);
    const exit = d.done ? d.value : 124;
    pairs.push([await norm(s), await norm({ cmd: s.cmd, stdout: out.text, stderr: err.text, exit })]);
  }
  return pairs;
}
