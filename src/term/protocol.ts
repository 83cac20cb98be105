// Messages between a page's terminal (main thread) and its simulation worker.
//
//   page ──init/input/resize/type/check/reset──▶ worker (Session + lab world)
//   page ◀──ready/output/entries/checked/fault── worker
//
// Everything is structured-clone friendly plain data. The worker never throws
// to the page: faults arrive as `fault` (and a short line in the terminal).

/** A typed command line, or a Ctrl-C, with its virtual time (mirrors src/session). */
export type TermEntry = { line: string; at: number } | { intr: true; at: number };

/** One check's outcome (mirrors src/labs `CheckResult`). */
export interface TermCheckResult {
  id: string;
  title: string;
  passed: boolean;
  message: string;
}

/** Page → worker. */
export type ToWorker =
  /** Boot a session; `lab` selects the lab world (bare host when absent); `entries` are replayed. */
  | { type: 'init'; lab?: string; seed: number; entries: TermEntry[]; cols: number; rows: number }
  /** Raw keystrokes from xterm's onData. */
  | { type: 'input'; data: string }
  | { type: 'resize'; cols: number; rows: number }
  /** Type these command lines one after another, each once the previous one finished. */
  | { type: 'type'; lines: string[] }
  /** Run the lab's checks on a replayed copy of the session; answered by `checked` with the same `req`. */
  | { type: 'check'; req: number }
  /** Throw the world away and start again from the lab's initial state. */
  | { type: 'reset'; seed: number };

/** Worker → page. */
export type FromWorker =
  /** The session is booted (entries replayed, prompt printed). */
  | { type: 'ready' }
  /** Bytes for the terminal (UTF-8 text with ANSI escapes). */
  | { type: 'output'; data: string }
  /** The session's entries changed (a line ran, or Ctrl-C): persist them. */
  | { type: 'entries'; entries: TermEntry[] }
  | { type: 'checked'; req: number; results: TermCheckResult[]; error?: string }
  /** An internal fault the worker survived. */
  | { type: 'fault'; message: string };

/** The localStorage record of one terminal (a later issue moves it to IndexedDB). */
export interface StoredTerm {
  version: 1;
  entries: TermEntry[];
  /** Ids of the checks that passed at the last Check. */
  passed?: string[];
  /** The last Check's results, shown again after a reload. */
  results?: TermCheckResult[];
}
