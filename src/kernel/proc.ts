// Processes: pid, parent, argv, environment, working directory, network
// namespace, standard streams, signals and exit codes. A program is an async
// function over a Process (see userland/registry.ts); long-running programs
// (ping, servers, tcpdump, containers) await the virtual clock or sockets.

import type { Clock, Timer } from './clock.ts';
import type { VfsCtx, VNode } from './vfs.ts';
import type { Kernel } from './kernel.ts';
import type { NetNs } from './netns.ts';

/** Where a program writes (a terminal, a pipe, a file, /dev/null). */
export interface OutStream {
  write(data: string): void;
  /** True when writing to the terminal (programs such as `ls` format for it). */
  readonly isTTY: boolean;
  /**
   * Resolves when the stream can take more (a full pipe waits for its
   * reader, as write(2) blocks). Streams without it never fill up.
   */
  drain?(): Promise<void>;
  /** The terminal device behind a tty stream (full-screen programs read keys from it, as from /dev/tty). */
  readonly device?: TtyDevice;
}

/** Wait until `out` can take more output (a pipe at capacity blocks its writer). */
export function drainOut(out: OutStream): Promise<void> | undefined {
  return out.drain?.();
}

/** Where a program reads from. `read` resolves null at end of file. */
export interface InStream {
  read(): Promise<string | null>;
  readonly isTTY: boolean;
  /** The terminal device behind a tty stream (full-screen programs: raw mode, size). */
  readonly device?: TtyDevice;
}

/**
 * A terminal as a full-screen program drives it: termios' raw mode
 * (non-canonical, no echo, no signal keys: Ctrl-C is a key like any other)
 * and the window size. Output goes to stdout as ANSI escape sequences.
 */
export interface TtyDevice {
  readonly cols: number;
  readonly rows: number;
  /**
   * Put the terminal in raw mode for `owner` (tcsetattr); returns the
   * function that restores the line discipline. Should the owner die
   * without restoring (SIGKILL), the terminal restores itself.
   */
  rawMode(owner: Process): () => void;
  /**
   * The next key in raw mode (a character or one escape sequence), the
   * string TTY_RESIZE after the window size changed, or null when a signal
   * arrived for `owner`. Every key read is recorded in the session's log.
   */
  readKey(owner: Process): Promise<string | null>;
  /** True when `p` belongs to the terminal's foreground job (a background job may not take the terminal). */
  isForeground(p: Process): boolean;
}

/** What readKey gives after a window-size change (SIGWINCH). */
export const TTY_RESIZE = '\0resize';

/** The terminal a process writes to (a pager reads keys from it even when stdin is a pipe, as from /dev/tty). */
export function ttyDevice(p: { stdin: InStream; stdout: OutStream }): TtyDevice | undefined {
  return p.stdout.isTTY ? p.stdout.device : undefined;
}

/** An OutStream that discards everything (/dev/null). */
export const devNullOut: OutStream = { write() {}, isTTY: false };
/** An InStream at end of file (stdin is /dev/null). */
export const devNullIn: InStream = { read: async () => null, isTTY: false };

/** An OutStream collecting text in memory (command substitution, tests). */
export class StringOut implements OutStream {
  text = '';
  readonly isTTY = false;
  /** Text beyond this many characters is dropped (a transcript, not a memory sink). */
  limit = Infinity;
  write(data: string): void {
    if (this.text.length >= this.limit) return;
    this.text += this.text.length + data.length > this.limit ? data.slice(0, this.limit - this.text.length) : data;
  }
}

/** An InStream over a fixed string. */
export class StringIn implements InStream {
  private data: string | null;
  readonly isTTY = false;
  constructor(data: string) {
    this.data = data;
  }
  async read(): Promise<string | null> {
    const d = this.data;
    this.data = null;
    return d === '' ? null : d;
  }
}

/** Signals a simulated process can receive. */
export type Signal = 'SIGINT' | 'SIGTERM' | 'SIGKILL' | 'SIGHUP' | 'SIGPIPE';
/** Conventional numbers (exit status 128+n after death by signal). */
export const SIGNUM: Record<Signal, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGPIPE: 13, SIGTERM: 15 };

/** Options for running a child program from a process (fork+exec in one step). */
export interface ExecOptions {
  netns?: unknown;
  stdin?: InStream;
  stdout?: OutStream;
  stderr?: OutStream;
  env?: Record<string, string>;
  cwd?: string;
  /** Called with the child as soon as it exists (a daemon keeps it to signal it later). */
  onSpawn?: (child: Process) => void;
  /** The child's controlling terminal (`pts/N`) when it is not the parent's (script(1) making a pty). */
  tty?: string;
}

/** Runs a child program to completion and returns its exit status (set by the shell). */
export type ExecFn = (parent: Process, argv: string[], opts?: ExecOptions) => Promise<number>;

/** A simulated process. */
export class Process {
  readonly pid: number;
  readonly ppid: number;
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  /** Network namespace (a kernel NetNs; typed loosely here to keep layers apart). */
  netns: unknown;
  stdin: InStream;
  stdout: OutStream;
  stderr: OutStream;
  /** 'R' running, 'S' sleeping, 'Z' exited. */
  state: 'R' | 'S' | 'Z' = 'R';
  exitCode: number | undefined;
  /** Virtual time the process started (ms). */
  readonly startedAt: number;
  /** Last signal delivered, if any. */
  pendingSignal: Signal | undefined;
  /** Runs another program as a child of this one. */
  exec: ExecFn;
  /**
   * Files this process sees in place of the host's (absolute path -> node),
   * the smallest stand-in for a mount namespace: a container's /etc/hosts,
   * /etc/resolv.conf and /etc/hostname. Children inherit it.
   */
  overlay: Map<string, VNode> | undefined;
  /**
   * The programs this process's root file system has (name -> registered
   * implementation), when it is not the host's: a container image's. Children
   * inherit it; undefined means the host's programs.
   */
  programs: Map<string, string> | undefined;
  /** Set by whoever runs the process: end it at once with `code` (how SIGKILL reaps). */
  reap: ((code: number) => void) | undefined;
  /**
   * Controlling terminal (`pts/0`), inherited from the parent; undefined for
   * processes without one (daemons, a session leader that detached). `ps`
   * without options lists the processes of the caller's terminal.
   */
  tty: string | undefined;
  private readonly clock: Clock;
  private handlers = new Set<(sig: Signal) => void>();
  private readonly onExit: (p: Process) => void;

  constructor(init: {
    pid: number;
    ppid: number;
    argv: string[];
    env: Record<string, string>;
    cwd: string;
    netns: unknown;
    stdin: InStream;
    stdout: OutStream;
    stderr: OutStream;
    clock: Clock;
    exec: ExecFn;
    onExit: (p: Process) => void;
  }) {
    this.pid = init.pid;
    this.ppid = init.ppid;
    this.argv = init.argv;
    this.env = init.env;
    this.cwd = init.cwd;
    this.netns = init.netns;
    this.stdin = init.stdin;
    this.stdout = init.stdout;
    this.stderr = init.stderr;
    this.clock = init.clock;
    this.exec = init.exec;
    this.onExit = init.onExit;
    this.startedAt = init.clock.now;
  }

  /** The host kernel this process runs on (through its network namespace). */
  get kernel(): Kernel {
    return (this.netns as NetNs).kernel;
  }

  /** Program name as `ps` shows it. */
  get comm(): string {
    // A login shell's argv[0] is `-bash`; the kernel's comm is the program's file name.
    const a = (this.argv[0] ?? '').replace(/^-/, '');
    return a.slice(a.lastIndexOf('/') + 1).slice(0, 15);
  }

  /** True once SIGINT/SIGTERM/SIGKILL has been delivered. */
  get interrupted(): boolean {
    return this.pendingSignal !== undefined;
  }

  /** File-system context of this process (cwd and namespace for /proc). */
  vfsCtx(): VfsCtx {
    return { cwd: this.cwd, netns: this.netns, proc: this, overlay: this.overlay };
  }

  /** Deliver a signal: handlers run, sleeps wake. */
  signal(sig: Signal): void {
    if (this.state === 'Z') return;
    this.pendingSignal = sig;
    for (const h of [...this.handlers]) h(sig);
  }

  /** kill(2): deliver `sig`; SIGKILL also reaps the process at once (status 137). */
  kill(sig: Signal): void {
    if (this.state === 'Z') return;
    this.signal(sig);
    if (sig === 'SIGKILL') this.reap?.(128 + SIGNUM.SIGKILL);
  }

  /** Register a signal handler; returns a function removing it. */
  onSignal(h: (sig: Signal) => void): () => void {
    this.handlers.add(h);
    return () => this.handlers.delete(h);
  }

  /**
   * Sleep `ms` of virtual time. Resolves true after the full time, false
   * early if a signal arrives (or had arrived).
   */
  sleep(ms: number): Promise<boolean> {
    if (this.interrupted) return Promise.resolve(false);
    return new Promise((resolve) => {
      let timer: Timer | undefined = undefined;
      const off = this.onSignal(() => {
        this.clock.cancel(timer);
        off();
        resolve(false);
      });
      timer = this.clock.setTimer(ms, () => {
        off();
        resolve(true);
      });
    });
  }

  /**
   * Use `ms` of virtual CPU time (a busy loop's slice): like sleep, but the
   * realtime driver does not wait for the wall clock to catch up.
   */
  cpuSlice(ms: number): Promise<boolean> {
    if (this.interrupted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const off = this.onSignal(() => {
        this.clock.cancel(timer);
        off();
        resolve(false);
      });
      const timer = this.clock.setTimer(ms, () => {
        off();
        resolve(true);
      });
      timer.cpu = true;
    });
  }

  /**
   * Wait until `out` can take more output (a full pipe's reader caught up);
   * false if a signal arrived first.
   */
  async writable(out: OutStream = this.stdout): Promise<boolean> {
    const d = out.drain?.();
    if (!d) return !this.interrupted;
    let done = false;
    void d.then(() => {
      done = true;
    });
    const why = await this.wait((wake) => {
      void d.then(wake);
      return () => {};
    });
    return why !== 'signal' || done;
  }

  /**
   * Wait until `wake` is called (from a kernel event), a signal arrives, or
   * `timeoutMs` passes. Resolves with why it woke.
   */
  wait(register: (wake: () => void) => () => void, timeoutMs = Infinity): Promise<'woken' | 'signal' | 'timeout'> {
    if (this.interrupted) return Promise.resolve('signal');
    return new Promise((resolve) => {
      let timer: Timer | undefined;
      let settled = false;
      const finish = (why: 'woken' | 'signal' | 'timeout'): void => {
        if (settled) return;
        settled = true;
        this.clock.cancel(timer);
        offSig();
        unregister();
        resolve(why);
      };
      const offSig = this.onSignal(() => finish('signal'));
      const unregister = register(() => finish('woken'));
      if (timeoutMs !== Infinity) timer = this.clock.setTimer(timeoutMs, () => finish('timeout'));
    });
  }

  /** Mark the process exited (called by whoever ran it). */
  exit(code: number): void {
    if (this.state === 'Z') return;
    this.state = 'Z';
    this.exitCode = code;
    this.handlers.clear();
    this.onExit(this);
  }
}

/** The process table of one host. */
export class ProcessTable {
  private nextPid = 1;
  readonly procs = new Map<number, Process>();
  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** Create a process (not yet running anything). */
  spawn(init: {
    ppid: number;
    argv: string[];
    env: Record<string, string>;
    cwd: string;
    netns: unknown;
    stdin: InStream;
    stdout: OutStream;
    stderr: OutStream;
    exec: ExecFn;
  }): Process {
    const pid = this.nextPid++;
    const p = new Process({ ...init, pid, clock: this.clock, onExit: (q) => this.procs.delete(q.pid) });
    p.overlay = this.procs.get(init.ppid)?.overlay;
    p.programs = this.procs.get(init.ppid)?.programs;
    p.tty = this.procs.get(init.ppid)?.tty;
    this.procs.set(pid, p);
    return p;
  }

  /** Reserve the next pid without creating a process (the host's pid 1, kernel threads). */
  reservePid(): number {
    return this.nextPid++;
  }

  /** Processes in pid order. */
  list(): Process[] {
    return [...this.procs.values()].sort((a, b) => a.pid - b.pid);
  }

  get(pid: number): Process | undefined {
    return this.procs.get(pid);
  }
}
