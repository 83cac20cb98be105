// What the worker needs from the simulation: a Session over a fresh world
// (the lab's start state, or one bare host), the lab checks and the lab's
// texts. Each lab's module (and what it imports: Docker, Kubernetes) loads
// when a terminal first needs it, with the lab engine (the world builder,
// the checks' runner and the check texts it renders in English): a bare
// host's terminal never loads them. Commands load on first use (the build
// gives the worker userland/lazy.ts for userland/index.ts).

import '../userland/index.ts';
import { prefetchCommands } from '../userland/lazy.ts';
import { loadShell } from '../shell/login.ts';
import { Session, type SessionEntry } from '../session/session.ts';
import { bareWorld, type World } from '../world/world.ts';
import { holdClock } from '../world/driver.ts';
import type { CheckResult, LabDef, LabInfo } from '../labs/types.ts';

/** After the prompt is on screen: the shell's interpreter (its first line waits for it), then the everyday commands. */
export function prefetch(): void {
  void loadShell().then(prefetchCommands, prefetchCommands);
}

/** Every lab's module, by lab id (labs/<id>/lab.ts), loaded on demand. */
const LAB_MODULES: Record<string, () => Promise<{ default: LabDef }>> = Object.fromEntries(
  Object.entries(import.meta.glob<{ default: LabDef }>('../../labs/*/lab.ts') as Record<string, () => Promise<{ default: LabDef }>>).map(([path, load]) => [path.split('/').at(-2)!, load]),
);

const labs = new Map<string, LabDef>();

/** The lab engine, once a lab was prepared (every lab needs it; a bare host never does). */
let engine: typeof import('../labs/engine.ts') | undefined;
let engineLoad: Promise<typeof import('../labs/engine.ts')> | undefined;

/** Load a lab's definition (once); undefined for an unknown id. The virtual clock waits for the load. */
export async function prepareLab(id: string | undefined): Promise<LabDef | undefined> {
  if (!id) return undefined;
  const have = labs.get(id);
  if (have) return have;
  const load = LAB_MODULES[id];
  if (!load) return undefined;
  engineLoad ??= import('../labs/engine.ts');
  const [mod, eng] = await holdClock(Promise.all([load(), engineLoad]));
  engine = eng;
  const def = mod.default;
  if (def.id !== id) throw new Error(`labs/${id}/lab.ts defines lab ${def.id}`);
  labs.set(id, def);
  return def;
}

function prepared(id: string): LabDef {
  const def = labs.get(id);
  if (!def) throw new Error(`unknown lab ${id}`);
  return def;
}

/** The engine (loaded by prepareLab with the first lab). */
function labEngine(): typeof import('../labs/engine.ts') {
  if (!engine) throw new Error('the lab engine is not loaded (prepareLab first)');
  return engine;
}

/** A new session over a fresh world: the lab's start state, or one bare host (the lab is prepared). */
export function newSession(lab: string | undefined, seed: number, entries: SessionEntry[], realtime: boolean, cols?: number): Session {
  const def = lab ? prepared(lab) : undefined;
  const host = (def && labEngine().labInfoOf(def, seed).terminalHost) || 'host';
  const makeWorld = (): World => (def ? labEngine().makeLabWorldOf(def, seed) : bareWorld(seed));
  return new Session({ makeWorld, host, entries, realtime, cols });
}

/** The host a terminal's shell runs on (the lab's terminal host, else `host`). */
export function terminalHost(lab: string | undefined, seed: number): string {
  const def = lab ? labs.get(lab) : undefined;
  return (def && labEngine().labInfoOf(def, seed).terminalHost) || 'host';
}

/** Run a lab's checks on `world` (a replayed copy, never the live one). */
export function runChecks(lab: string, world: World, seed: number): Promise<CheckResult[]> {
  return labEngine().runChecksOf(prepared(lab), world, seed);
}

/** The lab's texts for a seed, in the page's language. */
export async function labTexts(lab: string, seed: number, lang: 'en' | 'ko'): Promise<LabInfo | undefined> {
  const def = await prepareLab(lab);
  if (!def) return undefined;
  const info = labEngine().labInfoOf(def, seed);
  if (lang === 'en') return info;
  const { localizeLab } = await import('../i18n/labs.ts');
  return localizeLab(info, lang);
}
