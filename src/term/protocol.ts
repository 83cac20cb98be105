// Messages between a page's terminal (main thread) and its simulation worker.
//
//   page ──init/input/resize/type/check/reset/undo──▶ worker (Session + lab world)
//   page ◀──ready/output/entries/checked/live/topology/path/fault── worker
//
// Everything is structured-clone friendly plain data. The worker never throws
// to the page: faults arrive as `fault` (and a short line in the terminal).

import type { Msg } from '../i18n/checks.ts';

/** A typed command line, a Ctrl-C, or keys a full-screen program read, with virtual times (mirrors src/session). */
export type TermEntry = { line: string; at: number } | { intr: true; at: number } | { keys: string[]; at: number; dt: number[]; cols: number; rows: number };

/** One check's outcome (mirrors src/labs `CheckResult`). */
export interface TermCheckResult {
  id: string;
  title: string;
  passed: boolean;
  /** The message in English. */
  message: string;
  /** The message as data (id and parameters), rendered in the page's language. */
  msg?: Msg;
}

/** Page → worker (`init.checks: false`: the lab's world without its live checks, a practice terminal). */
export type ToWorker =
  /** Boot a session; `lab` selects the lab world (bare host when absent); `entries` are replayed. */
  | { type: 'init'; lab?: string; seed: number; entries: TermEntry[]; cols: number; rows: number; checks?: boolean }
  /** Raw keystrokes from xterm's onData. */
  | { type: 'input'; data: string }
  | { type: 'resize'; cols: number; rows: number }
  /** Type these command lines one after another, each once the previous one finished. */
  | { type: 'type'; lines: string[] }
  /** Run the lab's checks on a replayed copy of the session; answered by `checked` with the same `req`. */
  | { type: 'check'; req: number }
  /** Throw the world away and start again from the lab's initial state. */
  | { type: 'reset'; seed: number }
  /** Undo the last command: replay every entry but the last command line on a fresh world. */
  | { type: 'undo' }
  /** Read a file of the terminal's host (the editor pane); answered by `file` with the same `req`. */
  | { type: 'readFile'; req: number; path: string }
  /** Write a file of the terminal's host: typed as a `printf … > PATH` line (recorded like any command); answered by `file`. */
  | { type: 'writeFile'; req: number; path: string; data: string }
  /** The lab's texts for a seed in a language (a parametric lab's own values); answered by `labTexts` with the same `req`. */
  | { type: 'labTexts'; req: number; seed: number; lang: 'en' | 'ko' }
  /** The page shows the prompt: fetch the everyday commands ahead of their first use. */
  | { type: 'prefetch' };

/** Worker → page. */
export type FromWorker =
  /** The session is booted (entries replayed, prompt printed). */
  | { type: 'ready' }
  /** Bytes for the terminal (UTF-8 text with ANSI escapes). */
  | { type: 'output'; data: string }
  /** The session's entries changed (a line ran, or Ctrl-C): persist them. */
  | { type: 'entries'; entries: TermEntry[] }
  | { type: 'checked'; req: number; results: TermCheckResult[]; error?: Msg }
  /** An internal fault the worker survived. */
  | { type: 'fault'; message: string }
  /** Live checks: the lab's checks re-run on a copy after a command (same results Check gives). */
  | { type: 'live'; entries: number; results: TermCheckResult[] }
  /** The world's topology changed (or the session booted). */
  | { type: 'topology'; topology: TopoSnapshot }
  /** A new traced packet path (a ping, curl, nc, or a Check's probe); `null` after reset/undo cleared it. */
  | { type: 'path'; path: PathSnapshot | null }
  /** A file's content after readFile/writeFile, or why it could not be read. */
  | { type: 'file'; req: number; path: string; data?: string; error?: string }
  /** A lab's texts (goal, hints, solution, task titles) after labTexts, or why not. */
  | { type: 'labTexts'; req: number; info?: LabTexts; error?: string };

/** What the page shows of a lab, resolved for the learner's seed and localised. */
export interface LabTexts {
  goal: string;
  hints: string[];
  solution: string[];
  tasks: { id: string; title: string }[];
}

/** One interface in a topology snapshot. */
export interface TopoIface {
  /** `<namespace id>|<name>`. */
  id: string;
  name: string;
  kind: string;
  /** IFF_UP. */
  up: boolean;
  /** Operational state as `ip link` prints it (UP, DOWN, UNKNOWN, LOWERLAYERDOWN). */
  state: string;
  /** IPv4 addresses in CIDR form. */
  addrs: string[];
  /** Id of the bridge this interface is a port of. */
  master?: string;
  mac?: string;
}

/** A link between two interfaces: a veth pair, a bridge port, or a cable/segment. */
export interface TopoLink {
  a: string;
  b: string;
  kind: 'veth' | 'port' | 'wire';
  /** Both ends can pass frames. */
  up: boolean;
  label?: string;
}

/** Hosts and namespaces with their interfaces, and the links between them. */
export interface TopoSnapshot {
  /** Sum of the hosts' topology versions (changes on every link/address/namespace change). */
  version: number;
  /** `pod`: the Kubernetes pod (`namespace/name`) whose sandbox it is; `containers`: the Docker containers in it. */
  namespaces: { id: string; host: string; name?: string; init: boolean; ifaces: TopoIface[]; pod?: string; containers?: string[] }[];
  links: TopoLink[];
}

/** One decision on a packet's path (mirrors src/kernel `TraceStep`). */
export interface PathStep {
  at: number;
  where: string;
  stage: string;
  /** The step id (src/kernel/trace-texts.ts) and its parameters: the page renders them in its language. */
  id?: string;
  params?: Readonly<Record<string, unknown>>;
  /** The step in English. */
  what: string;
}

/** The last traced packet path. */
export interface PathSnapshot {
  /** What produced it: the command line (`ping -c 1 10.0.0.2`) or the check. */
  command: string;
  at: number;
  source: 'command' | 'check';
  steps: PathStep[];
}
