// What the worker needs from the simulation: a Session over a fresh world
// (the lab's start state, or one bare host) and the lab checks.

import '../userland/index.ts';
import { Session, type SessionEntry } from '../session/session.ts';
import { bareWorld, type World } from '../world/world.ts';
import { labInfo, makeLabWorld, runChecks as runLabChecks, type CheckResult } from '../labs/index.ts';

/** A new session over a fresh world: the lab's start state, or one bare host. */
export function newSession(lab: string | undefined, seed: number, entries: SessionEntry[], realtime: boolean, cols?: number): Session {
  const host = (lab && labInfo(lab, seed)?.terminalHost) || 'host';
  const makeWorld = (): World => (lab ? makeLabWorld(lab, seed) : bareWorld(seed));
  return new Session({ makeWorld, host, entries, realtime, cols });
}

/** The host a terminal's shell runs on (the lab's terminal host, else `host`). */
export function terminalHost(lab: string | undefined, seed: number): string {
  return (lab && labInfo(lab, seed)?.terminalHost) || 'host';
}

/** Run a lab's checks on `world` (a replayed copy, never the live one). */
export function runChecks(lab: string, world: World, seed: number): Promise<CheckResult[]> {
  return runLabChecks(lab, world, seed);
}
