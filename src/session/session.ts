// A terminal session on a simulated world: what the browser worker and the
// Node tools both use. It boots a login shell on one host, turns raw
// terminal input into lines and signals, drives the virtual clock (paced by
// the wall clock in the browser, as fast as possible in Node), and records
// every submitted line and Ctrl-C with its virtual time, and every key a
// full-screen program (less, nano, vi) read in raw mode with its time and
// the terminal's size, so replaying the entries on a fresh world with the
// same seed reproduces the same state (the file an editor saved included).
//
// runScript() is the non-interactive counterpart: each line is its own
// `bash -c LINE` on the fidelity kit's bare-host environment.

import type { World } from '../world/world.ts';
import { drive, macrotask } from '../world/driver.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { devNullIn, StringOut, type Process } from '../kernel/proc.ts';
import '../userland/index.ts';
import { loginShell } from '../shell/login.ts';
import { DEFAULT_PATH, signalTrees, spawnWith } from '../shell/exec.ts';
import { Terminal } from '../shell/readline.ts';
import type { HostView } from '../userland/coreutils/host.ts';
import { lookupCommand } from '../userland/registry.ts';
import { installPrograms } from '../userland/install.ts';

/** A line submitted to an interactive shell and the virtual time (ms) it was submitted. */
export interface HistoryEntry {
  line: string;
  at: number;
}
/** Ctrl-C sent to a running program at virtual time `at`. */
export interface InterruptEntry {
  intr: true;
  at: number;
}
/**
 * Keys a raw-mode program read: key i at virtual time `at + dt[i]`, on a
 * terminal of `cols` x `rows` (editors page by the window's size).
 */
export interface KeysEntry {
  keys: string[];
  at: number;
  dt: number[];
  cols: number;
  rows: number;
}
export type SessionEntry = HistoryEntry | InterruptEntry | KeysEntry;

/** Keys kept in one entry before a new one starts. */
export const MAX_KEYS_PER_ENTRY = 1000;

export interface SessionOptions {
  makeWorld: () => World;
  /** Host the terminal is on (default 'host'). */
  host?: string;
  /** Replay these at start (output shown, not paced). */
  entries?: SessionEntry[];
  /** Pace the clock by wall time (browser); default false. */
  realtime?: boolean;
  cols?: number;
}

/** The environment of the fidelity kit's steps. */
export const SCRIPT_ENV: Record<string, string> = {
  PATH: DEFAULT_PATH,
  HOME: '/root',
  TERM: 'dumb',
  LANG: 'C',
  LC_ALL: 'C',
  USER: 'root',
  LOGNAME: 'root',
  SHELL: '/bin/bash',
};

/** Environment of the interactive login shell. */
const LOGIN_ENV: Record<string, string> = {
  HOME: '/root',
  LANG: 'C.UTF-8',
  LOGNAME: 'root',
  PATH: DEFAULT_PATH,
  SHELL: '/bin/bash',
  TERM: 'xterm-256color',
  USER: 'root',
};

/** Output kept for a session nobody listens to yet (characters). */
const MAX_UNWATCHED_OUTPUT = 1 << 20;

/** What a script step keeps of each of its stdout and stderr (characters). */
const MAX_STEP_OUTPUT = 16 << 20;

/** Longest a programmatic line may run (virtual) before it gets Ctrl-C. */
const RUNLINE_LIMIT_MS = 10 * 60_000;

function isIntr(e: SessionEntry): e is InterruptEntry {
  return (e as InterruptEntry).intr === true;
}

export function isKeys(e: SessionEntry): e is KeysEntry {
  return Array.isArray((e as KeysEntry).keys);
}

export class Session {
  readonly world: World;
  private readonly kernel: Kernel;
  private readonly tty: Terminal;
  private readonly opts: SessionOptions;
  private readonly log: SessionEntry[] = [];
  /** Bumped on every change of the log (keys join the last entry without adding one). */
  version = 0;
  private listeners: ((data: string) => void)[] = [];
  private buffered: string[] = [];
  private bufferedLen = 0;
  private disposed = false;
  private started = false;
  private realtimeOn = false;
  private kickers: (() => void)[] = [];
  private pumping: Promise<void> | undefined;
  private stop!: () => void;
  private readonly stopped: Promise<void>;

  constructor(opts: SessionOptions) {
    this.opts = opts;
    this.world = opts.makeWorld();
    this.kernel = this.world.host(opts.host ?? 'host');
    installPrograms(this.kernel);
    this.tty = new Terminal((s) => this.emit(s), opts.cols ?? 80);
    this.tty.onSubmit = (line) => {
      this.log.push({ line, at: this.world.clock.now });
      this.version++;
    };
    this.tty.onInterrupt = () => {
      this.log.push({ intr: true, at: this.world.clock.now });
      this.version++;
    };
    this.tty.onKey = (key) => this.recordKey(key);
    this.tty.signalForeground = (owner) => signalTrees(this.host, [...owner.procs], 'SIGINT');
    this.stopped = new Promise((r) => {
      this.stop = r;
    });
  }

  private get host(): HostView {
    return this.kernel as unknown as HostView;
  }

  private emit(s: string): void {
    if (this.listeners.length === 0) {
      // Nobody watches (a replay for checks or grading): keep only the last
      // screenfuls, as a terminal's scrollback would.
      this.buffered.push(s);
      this.bufferedLen += s.length;
      while (this.bufferedLen > MAX_UNWATCHED_OUTPUT && this.buffered.length > 1) this.bufferedLen -= this.buffered.shift()!.length;
      return;
    }
    for (const l of this.listeners) {
      try {
        l(s);
      } catch {
        // a faulty listener must not break the session
      }
    }
  }

  onOutput(cb: (data: string) => void): void {
    this.listeners.push(cb);
    const b = this.buffered;
    this.buffered = [];
    this.bufferedLen = 0;
    for (const s of b) cb(s);
  }

  private recordKey(key: string): void {
    const now = this.world.clock.now;
    const last = this.log[this.log.length - 1];
    const { cols, rows } = this.tty;
    if (last && isKeys(last) && last.keys.length < MAX_KEYS_PER_ENTRY && last.cols === cols && last.rows === rows) {
      last.keys.push(key);
      last.dt.push(now - last.at);
    } else this.log.push({ keys: [key], at: now, dt: [0], cols, rows });
    this.version++;
  }

  entries(): SessionEntry[] {
    return this.log.map((e) => (isKeys(e) ? { ...e, keys: [...e.keys], dt: [...e.dt] } : { ...e }));
  }

  /** Boot the login shell, replay the entries, then wait at the prompt. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.world.boot();
    this.spawnLogin();
    await this.settle();
    for (const e of this.opts.entries ?? []) {
      if (this.disposed) return;
      if (isKeys(e)) {
        await this.replayKeys(e);
        continue;
      }
      await this.driveTo(e.at);
      if (isIntr(e)) {
        this.tty.post({ kind: 'intr' });
      } else {
        // A line goes to a reader: let the shell get back to one first.
        if (!this.tty.reading) await this.driveUntilReading(60 * 60_000);
        if (!this.tty.reading) await this.dropRawProgram();
        this.tty.post(e.line === '\x04' ? { kind: 'eof' } : { kind: 'line', line: e.line });
      }
      await this.settle();
    }
    await this.runUntilIdle();
    if (this.opts.realtime) this.startRealtime();
  }

  /**
   * A full-screen program waits for keys where the log has a command line:
   * the log was recorded before the program took the terminal (an older
   * packetlab's nano/vi opened a pane): end it, so the line reaches the shell.
   */
  private async dropRawProgram(): Promise<void> {
    const p = this.tty.rawProcess;
    if (!p || !this.tty.rawReading) return;
    signalTrees(this.host, [p], 'SIGKILL');
    await this.settle();
    if (!this.tty.reading) await this.driveUntilReading(10_000);
  }

  /** Give a raw-mode program its recorded keys, each at its time, on the recorded window size. */
  private async replayKeys(e: KeysEntry): Promise<void> {
    if (this.tty.cols !== e.cols || this.tty.rows !== e.rows) this.tty.resize(e.cols, e.rows);
    for (let i = 0; i < e.keys.length; i++) {
      if (this.disposed) return;
      const key = e.keys[i];
      if (typeof key !== 'string') continue;
      await this.driveTo(e.at + (e.dt[i] ?? 0));
      if (!this.tty.rawReading) await this.driveUntilReading(60 * 60_000);
      this.tty.post({ kind: 'key', key });
      await this.settle();
    }
  }

  /** Spawn the login shell; when it exits, a new one starts (the terminal stays usable). */
  private spawnLogin(): void {
    const bash = lookupCommand('bash');
    if (!bash) throw new Error('session: bash is not registered');
    const r = spawnWith(
      this.host,
      1,
      ['-bash'],
      { env: { ...LOGIN_ENV }, cwd: '/root', netns: this.kernel.initNs, stdin: this.tty.inStream, stdout: this.tty.outStream, stderr: this.tty.outStream, tty: 'pts/0' },
      (p: Process) => loginShell(p, { ignoreEof: true }),
    );
    r.done.then(() => {
      if (!this.disposed) this.spawnLogin();
    });
  }

  /** Let promise chains settle without advancing the clock. */
  private async settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await macrotask();
  }

  /** Run timers (letting programs react between them) until the clock reaches `at`. */
  private async driveTo(at: number): Promise<void> {
    const clock = this.world.clock;
    if (at > clock.now) {
      await drive(clock, this.stopped, { maxVirtualMs: at - clock.now });
      if (clock.now < at) clock.advance(at - clock.now);
    }
    await this.settle();
  }

  /** Drive until a line reader is active (or stall / time limit). */
  private async driveUntilReading(maxMs: number): Promise<boolean> {
    if (this.tty.reading) return true;
    await drive(this.world.clock, Promise.race([this.tty.whenReading(), this.stopped]), { maxVirtualMs: maxMs });
    return this.tty.reading;
  }

  /** Drive (fast) until the shell waits for input; Ctrl-C then SIGKILL a runaway. */
  private async runUntilIdle(): Promise<void> {
    if (this.realtimeOn) {
      await this.tty.whenIdle();
      return;
    }
    if (this.pumping) return this.pumping;
    this.pumping = (async () => {
      try {
        if (await this.driveIdle(RUNLINE_LIMIT_MS)) return;
        if (this.tty.reading) return; // a program reads the terminal: that is waiting too
        this.tty.post({ kind: 'intr' });
        if (await this.driveIdle(10_000)) return;
        // Still busy: kill whatever runs in the foreground.
        const shells = this.host.procs.list().filter((p) => p.ppid === 1 && p.argv[0] === '-bash');
        const kids = this.host.procs.list().filter((p) => shells.some((s) => s.pid === p.ppid));
        signalTrees(this.host, kids, 'SIGKILL');
        await this.driveIdle(10_000);
      } finally {
        this.pumping = undefined;
      }
    })();
    return this.pumping;
  }

  private async driveIdle(maxMs: number): Promise<boolean> {
    await this.settle();
    if (this.tty.idle) return true;
    const r = await drive(this.world.clock, Promise.race([this.tty.whenIdle(), this.stopped]), { maxVirtualMs: maxMs });
    if (r.done) return this.tty.idle || this.disposed;
    await this.settle();
    return this.tty.idle;
  }

  /** Raw terminal input (keys, paste). */
  input(data: string): void {
    if (this.disposed) return;
    this.tty.input(data);
    this.kick();
    if (this.started && !this.realtimeOn) void this.runUntilIdle();
  }

  /** Type a line and Enter, and wait until the shell is back at a prompt. */
  async runLine(line: string): Promise<void> {
    if (!this.started) await this.start();
    if (!this.realtimeOn && !this.tty.reading) await this.runUntilIdle();
    if (!this.realtimeOn && !this.tty.reading) await this.dropRawProgram();
    this.tty.post({ kind: 'line', line });
    this.kick();
    await this.runUntilIdle();
  }

  /** Resolves when the shell waits at a prompt. */
  async idle(): Promise<void> {
    if (!this.started) return;
    if (this.realtimeOn) return this.tty.whenIdle();
    return this.runUntilIdle();
  }

  /** Type keys into a raw-mode program (grading replays an editor's keys), waiting until it has read them. */
  async runKeys(keys: string[]): Promise<void> {
    if (!this.started) await this.start();
    for (const key of keys) {
      if (!this.tty.rawReading) await this.runUntilIdle();
      this.tty.post({ kind: 'key', key });
      this.kick();
    }
    await this.runUntilIdle();
  }

  /** True while a full-screen program holds the terminal in raw mode. */
  get rawMode(): boolean {
    return this.tty.raw;
  }

  resize(cols: number, rows: number): void {
    this.tty.resize(cols, rows);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stop();
    this.kick();
    try {
      signalTrees(this.host, this.host.procs.list().filter((p) => p.pid !== 1), 'SIGKILL');
    } catch {
      // nothing left to clean
    }
  }

  private kick(): void {
    const k = this.kickers;
    this.kickers = [];
    for (const f of k) f();
  }

  /** The browser: fire timers at wall-clock pace for the rest of the session. */
  private startRealtime(): void {
    this.realtimeOn = true;
    // A timer scheduled while the driver waits (for input, or for a later
    // timer) wakes it: otherwise a prompt could wait for the next keystroke.
    this.world.clock.onEarliest = () => this.kick();
    const loop = async (): Promise<void> => {
      while (!this.disposed) {
        try {
          await drive(this.world.clock, this.stopped, {
            realtime: 1,
            maxVirtualMs: Number.MAX_SAFE_INTEGER,
            maxEvents: Number.MAX_SAFE_INTEGER,
            kick: () => new Promise<void>((r) => this.kickers.push(r)),
          });
        } catch (e) {
          this.emit(`\r\npacketlab: internal error: ${e instanceof Error ? e.message : String(e)}\r\n`);
        }
      }
    };
    void loop();
  }
}

/** One step of a script: the fidelity kit's transcript format. */
export interface ScriptStep {
  cmd: string;
  stdout: string;
  stderr: string;
  exit: number;
}

/**
 * Run each line as its own non-interactive `bash -c LINE` on `host` (stdin
 * /dev/null, cwd /tmp, the kit's environment), driving the clock until the
 * step ends. Background jobs keep running across steps (and what they print
 * later still belongs to the step that started them). A step that stalls or
 * exceeds 60 s of virtual time is killed and reports 124, as `timeout` would.
 */
export async function runScript(world: World, lines: string[], host = 'host'): Promise<ScriptStep[]> {
  const k = world.host(host) as unknown as HostView & { initNs: unknown };
  installPrograms(k);
  const bash = lookupCommand('bash');
  if (!bash) throw new Error('runScript: bash is not registered');
  const outs: { cmd: string; out: StringOut; err: StringOut; exit: number }[] = [];
  for (const cmd of lines) {
    const out = new StringOut();
    const err = new StringOut();
    out.limit = err.limit = MAX_STEP_OUTPUT;
    const r = spawnWith(k, 1, ['bash', '-c', cmd], { env: { ...SCRIPT_ENV }, cwd: '/tmp', netns: k.initNs, stdin: devNullIn, stdout: out, stderr: err }, (p) => bash.run(p));
    const start = world.clock.now;
    let exit: number;
    let res = await drive(world.clock, r.done, { maxVirtualMs: 60_000 });
    if (res.done) exit = res.value;
    else {
      // timeout -k 5 60: TERM at 60 s, KILL 5 s later.
      if (world.clock.now < start + 60_000) world.clock.advance(start + 60_000 - world.clock.now);
      signalTrees(k, [r.proc], 'SIGTERM');
      res = await drive(world.clock, r.done, { maxVirtualMs: 5_000 });
      if (!res.done) {
        signalTrees(k, [r.proc], 'SIGKILL');
        await drive(world.clock, r.done, { maxVirtualMs: 1_000 });
      }
      exit = 124;
    }
    outs.push({ cmd, out, err, exit });
    world.clock.advance(5);
    await macrotask();
  }
  return outs.map((o) => ({ cmd: o.cmd, stdout: o.out.text, stderr: o.err.text, exit: o.exit }));
}
