/// <reference types="vite/client" />
// What the worker needs from the simulation: a Session class, a bare world,
// and the lab engine. Loaded through import.meta.glob so the site builds while
// those modules are still being written (TEMPORARY: becomes static imports).

import type { TermCheckResult, TermEntry } from './protocol.ts';
import { StubSession, stubLabs, stubRunChecks } from './stubs.ts';

/** The part of src/session's Session the terminal uses. */
export interface SessionLike {
  start(): Promise<void>;
  input(data: string): void;
  onOutput(cb: (data: string) => void): void;
  entries(): TermEntry[];
  idle(): Promise<void>;
  resize(cols: number, rows: number): void;
  dispose(): void;
}

/** Options accepted by the Session constructor (see src/session/session.ts). */
export interface SessionCtorOptions {
  makeWorld: () => unknown;
  host?: string;
  entries?: TermEntry[];
  realtime?: boolean;
  cols?: number;
}

/** Display data of a lab (see src/labs `LabInfo`). */
export interface LabText {
  id: string;
  title: string;
  lesson: string;
  goal: string;
  hints: string[];
  solution: string[];
  /** The checks, by title, in the order Check reports them. */
  tasks?: { id: string; title: string }[];
  /** The host whose shell the terminal runs (default `host`). */
  terminalHost?: string;
}

type SessionMod = { Session: new (o: SessionCtorOptions) => SessionLike };
type WorldMod = { bareWorld: (seed: number) => unknown };
type LabsMod = {
  labInfo(id: string): LabText | undefined;
  makeLabWorld(id: string, seed: number): unknown;
  runChecks(id: string, world: unknown): Promise<TermCheckResult[]>;
};

const sessionMods = import.meta.glob<SessionMod>('../session/session.ts', { eager: true });
const worldMods = import.meta.glob<WorldMod>('../world/world.ts', { eager: true });
const labsMods = import.meta.glob<LabsMod>('../labs/index.ts', { eager: true });
// Every command registers itself on import.
import.meta.glob('../userland/index.ts', { eager: true });

const sessionMod = Object.values(sessionMods)[0];
const worldMod = Object.values(worldMods)[0];
const labsMod = Object.values(labsMods)[0];

/** A new session over a fresh world: the lab's start state, or one bare host. */
export function newSession(lab: string | undefined, seed: number, entries: TermEntry[], realtime: boolean, cols?: number): { session: SessionLike; world: () => unknown } {
  let world: unknown;
  const makeWorld = () => (world = lab && labsMod ? labsMod.makeLabWorld(lab, seed) : worldMod?.bareWorld(seed));
  const host = (lab && labText(lab)?.terminalHost) || 'host';
  const opts: SessionCtorOptions = { makeWorld, host, entries, realtime, cols };
  const session = sessionMod ? new sessionMod.Session(opts) : new StubSession(opts);
  return { session, world: () => world };
}

/** Run a lab's checks on `world`. */
export function runChecks(lab: string, world: unknown): Promise<TermCheckResult[]> {
  return labsMod ? labsMod.runChecks(lab, world) : stubRunChecks();
}

/** A lab's texts (build time: the Lab component renders them). */
export function labText(id: string): LabText | undefined {
  return labsMod ? labsMod.labInfo(id) : stubLabs.find((l) => l.id === id);
}
