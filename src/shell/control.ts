// Non-local control flow inside the interpreter (never shown to users).

import type { InStream, OutStream, Process } from '../kernel/proc.ts';

/** `exit N` (or a fatal error in a non-interactive shell). */
export class ExitNow {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}

/** bash's throw_to_top_level() (a fork that failed): abandon the command line with `code`. */
export class TopLevel {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}

/** The foreground job was interrupted by SIGINT: abandon the command line. */
export class Interrupt {}

/** `break N` / `continue N`. */
export class LoopCtl {
  readonly kind: 'break' | 'continue';
  n: number;
  constructor(kind: 'break' | 'continue', n: number) {
    this.kind = kind;
    this.n = n;
  }
}

/** `return N` from a function or sourced file. */
export class ReturnNow {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}

/** Open file descriptors of a command: 0 is read, 1 and 2 are written. */
export interface Io {
  fds: Map<number, InStream | OutStream>;
}

/** stdin of an Io (a closed or write-only fd reads as end of file). */
export function ioIn(io: Io, fd = 0): InStream {
  const s = io.fds.get(fd);
  return s && 'read' in s ? s : { read: async () => null, isTTY: false };
}

/** An output fd of an Io (closed fds discard). */
export function ioOut(io: Io, fd: number): OutStream {
  const s = io.fds.get(fd);
  return s && 'write' in s ? s : { write() {}, isTTY: false };
}

/** An Io with the three standard streams of a process. */
export function procIo(p: Process): Io {
  return {
    fds: new Map<number, InStream | OutStream>([
      [0, p.stdin],
      [1, p.stdout],
      [2, p.stderr],
    ]),
  };
}

/** One result of a read at the terminal. */
export type ReadResult = { kind: 'line'; line: string } | { kind: 'eof' } | { kind: 'intr' };

/** Completion offered for the word before the cursor. */
export interface Completion {
  /** Start index (in the line) of the word being completed. */
  start: number;
  /** Candidate replacements for line.slice(start, cursor). */
  candidates: string[];
  /** Append this after a unique candidate (' ' normally, '' for directories ending in '/'). */
  suffix?: (candidate: string) => string;
}

/** Whoever runs in the terminal's foreground and receives Ctrl-C. */
export interface FgOwner {
  procs: Set<Process>;
  interrupt(): void;
}

/** One line to read at the terminal: its prompt, history and completion. */
export interface ReadRequest {
  prompt: string;
  history: string[];
  complete?: (line: string, cursor: number) => Completion | undefined;
  /**
   * While completion's code is still loading: a promise for it. A Tab (and
   * every key after it) then waits, as keys wait for a busy shell.
   */
  completionLoading?: () => Promise<unknown> | undefined;
  /** The line goes into the session's log (replayed by hand-ins). */
  record?: boolean;
}

/** What an interactive shell needs from its terminal. */
export interface ShellTty {
  /** Read one line with the line editor (prompt, history, completion). */
  readLine(req: ReadRequest): Promise<ReadResult>;
  /** Make `owner` the foreground (innermost wins); returns a function restoring the previous one. */
  foreground(owner: FgOwner): () => void;
  /** Write to the terminal. */
  write(s: string): void;
  /** Terminal width. */
  readonly cols: number;
}

/** A login shell: argv[0] starts with `-` (as login and sshd start it), or `-l` / `--login` was given. */
export function isLoginShell(p: { argv: string[] }): boolean {
  if (p.argv[0]?.startsWith('-')) return true;
  for (const a of p.argv.slice(1)) {
    if (a === '-l' || a === '--login') return true;
    if (!a.startsWith('-') || a === '--' || a === '-c') return false;
  }
  return false;
}
