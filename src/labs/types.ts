// A lab is data plus a reference solution: the world it starts from (built
// by a small topology builder), the goal in prose, hints, the solution
// commands, and checks that exercise the final state. Parametric labs pick
// per-learner values from the seed; every text may use those values.

import type { World } from '../world/world.ts';
import type { Builder } from './build.ts';
import type { CheckCtx } from './checks.ts';
import type { Msg } from './messages.ts';

/** Per-learner values of a parametric lab (names, addresses...). */
export type Params = Record<string, string>;

/** What a check concludes. */
export interface CheckOutcome {
  passed: boolean;
  /** Why (on failure, in terms of the packet's path or the state found): a message id and its parameters, never a sentence. */
  msg: Msg;
}

/** One named check of a lab. */
export interface CheckDef {
  id: string;
  title: string | ((p: Params) => string);
  run(ctx: CheckCtx, p: Params): Promise<CheckOutcome>;
}

/** A lab definition (labs/<id>/lab.ts default export). */
export interface LabDef {
  id: string;
  title: string;
  /** Slug of the lesson that embeds it. */
  lesson: string;
  /** Picks per-learner values from the seed (parametric labs only). */
  params?(seed: number): Params;
  goal: string | ((p: Params) => string);
  hints: string[] | ((p: Params) => string[]);
  solution: string[] | ((p: Params) => string[]);
  /** Host whose shell the learner types into (default `host`). */
  terminalHost?: string;
  /** Build the start state. */
  build(b: Builder, p: Params): void;
  checks: CheckDef[];
  /**
   * Ways to fake the goal without its mechanism (an address on `lo`, a
   * server on the wrong host, a local DNS server…). `lab verify` replays
   * each and requires every check listed in `expect` to fail.
   */
  shortcuts?: Shortcut[];
}

/** A shortcut a learner might take, and the checks that must catch it. */
export interface Shortcut {
  name: string;
  commands: string[] | ((p: Params) => string[]);
  /** Ids of checks that must fail after these commands. */
  expect: string[];
}

/** A lab as the site and CLIs see it, resolved for one seed. */
export interface LabInfo {
  id: string;
  title: string;
  lesson: string;
  goal: string;
  hints: string[];
  solution: string[];
  tasks: { id: string; title: string }[];
  terminalHost: string;
  parametric: boolean;
  params: Params;
}

/** Result of one check. */
export interface CheckResult {
  id: string;
  title: string;
  passed: boolean;
  /** The message in English (the CLIs, the grading files). */
  message: string;
  /** The message as data, rendered in the page's language. */
  msg?: Msg;
}

/** Build a world for a lab (re-exported for callers wanting the type). */
export type MakeWorld = (seed: number) => World;
