// The shell interpreter: runs a parsed List on a host. One Shell object is
// the state of one bash process (variables, functions, positional
// parameters, jobs); subshells, pipeline members, `$(...)` and background
// jobs are forked into new processes with a copy of that state, and a simple
// command that is the last thing a forked shell does is exec'd in place, as
// bash does (so `sleep 9 &` has the pid `$!` reports).

import type { AndOr, Command, CondExpr, List, Pipeline, Redirect, SimpleCommand, Word, WordPart } from './ast.ts';
import { parse, parseHeredocBody, ParseError } from './parser.ts';
import { ArithError, evalArith } from './arith.ts';
import { cCompare, escapeGlob, globExpand, globMatch, globSource, hasGlob, unescapeGlob } from './glob.ts';
import { ExitNow, Interrupt, LoopCtl, ReturnNow, TopLevel, ioIn, ioOut, procIo, type FgOwner, type Io, type ShellTty } from './control.ts';
import { FileOut, Pipe } from './io.ts';
import { safeRegExp, shellEre, shellRegexReady } from './regex.ts';
import { MAX_STRING, MAX_TASKS, SHELL_SLICE_MS, SHELL_YIELD_STEPS } from '../kernel/limits.ts';
import { processTree, programPath, reportFault, resolveProgram, scriptCommand, sendSignal, spawnProgram, spawnWith, type ProgramRef, type Running } from './exec.ts';
import { BUILTINS, bashOnlyBuiltin, statFs } from './builtins.ts';
import { NOT_SIMULATED_STATUS, notSimulatedMessage } from '../userland/registry.ts';
import { BraceLimit, braceExpand } from './brace.ts';
import { testBinary, testUnary } from '../userland/coreutils/test.ts';
import { KernelError } from '../kernel/errno.ts';
import { devNullIn, StringIn, StringOut, type InStream, type OutStream, type Process } from '../kernel/proc.ts';
import type { HostView } from '../userland/coreutils/host.ts';

/** A shell variable. */
export interface Var {
  value: string;
  exported: boolean;
  /** Declared (e.g. `export X`) but without a value. */
  unset?: boolean;
  /** `readonly` / `declare -r`: assignments and unset fail. */
  readonly?: boolean;
}

/** A background job. */
export interface Job {
  id: number;
  procs: Process[];
  cmd: string;
  done: boolean;
  status: number;
  /** Already reported as Done. */
  reported: boolean;
  /** Resolves with the exit status when the job ends. */
  promise: Promise<number>;
}

/** Which shell's diagnostics to imitate: bash, or Debian's /bin/sh (dash). */
export type Dialect = 'bash' | 'dash';

/** How the shell was started. */
export interface ShellInit {
  host: HostView;
  proc: Process;
  dialect?: Dialect;
  interactive?: boolean;
  /** $0 */
  arg0?: string;
  /** $1... */
  args?: string[];
  /** The script file being run (diagnostics name it), '-c' for `bash -c`. */
  source?: string;
  tty?: ShellTty;
  history?: string[];
}

const MAX_FUNC_DEPTH = 1000;
const MAX_SUBST = 16 * 1024 * 1024;

/** FNV-1 hash bucket of a name in bash's variable table (fixes `env` order). */
function bashBucket(name: string): number {
  let h = 2166136261 >>> 0;
  for (let i = 0; i < name.length; i++) {
    h = Math.imul(h, 16777619) >>> 0;
    h = (h ^ name.charCodeAt(i)) >>> 0;
  }
  return h & 1023;
}

type Seg = { s: string; q: boolean; split: boolean } | 'BREAK';

/** The state and evaluator of one shell process. */
export class Shell {
  readonly host: HostView;
  proc: Process;
  readonly dialect: Dialect;
  interactive: boolean;
  vars = new Map<string, Var>();
  funcs = new Map<string, Command>();
  /** `trap` actions by condition (`EXIT`, `ERR`); a subshell starts without them, as in bash. */
  traps = new Map<string, string>();
  private inErrTrap = false;
  arg0: string;
  positional: string[];
  status = 0;
  lastBg: number | undefined;
  jobs: Job[] = [];
  /** Exit statuses of background processes no longer in the job table, by pid (bash's bgpids: `wait PID` still finds them). */
  reaped = new Map<number, number>();
  history: string[];
  tty: ShellTty | undefined;
  source: string;
  opts = { errexit: false, nounset: false, xtrace: false, pipefail: false, noglob: false };
  /** pid reported by $$ (the top shell's pid, also in subshells). */
  rootPid: number;
  /** Ctrl-C arrived while this shell ran a command itself. */
  intr = false;
  /** `bash -c`: the final command is exec'd with SHLVL decremented, as bash does. */
  oneshot = false;
  private funcDepth = 0;
  private condDepth = 0;
  private loopDepth = 0;
  private line = 0;
  private fg: FgOwner | undefined;
  private steps = 0;
  private nextJobId = 1;
  /** Status of the last command substitution (status of an assignment-only command). */
  private substStatus: number | undefined;
  private readBuf = new WeakMap<InStream, string>();

  constructor(init: ShellInit) {
    this.host = init.host;
    this.proc = init.proc;
    this.dialect = init.dialect ?? 'bash';
    this.interactive = init.interactive ?? false;
    this.arg0 = init.arg0 ?? (this.dialect === 'dash' ? 'sh' : 'bash');
    this.positional = init.args ?? [];
    this.source = init.source ?? '-c';
    this.tty = init.tty;
    this.history = init.history ?? [];
    this.rootPid = init.proc.pid;
    for (const [k, v] of Object.entries(init.proc.env)) this.vars.set(k, { value: v, exported: true });
    const pwd = this.proc.cwd;
    this.vars.set('PWD', { value: pwd, exported: true });
    if (!this.vars.has('OLDPWD')) this.vars.set('OLDPWD', { value: '', exported: true, unset: true });
    if (this.dialect === 'bash') {
      const lvl = Number(this.vars.get('SHLVL')?.value ?? '0');
      this.vars.set('SHLVL', { value: String((Number.isFinite(lvl) ? lvl : 0) + 1), exported: true });
    }
    if (!this.vars.has('IFS')) this.vars.set('IFS', { value: ' \t\n', exported: false });
  }

  // ---- variables -----------------------------------------------------------

  /** Value of a variable (undefined when unset). Special parameters included. */
  getVar(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.status);
      case '$':
        return String(this.rootPid);
      case '#':
        return String(this.positional.length);
      case '0':
        return this.arg0;
      case '!':
        return this.lastBg === undefined ? '' : String(this.lastBg);
      case '-':
        return (this.interactive ? 'himBH' : 'hB').replace('B', this.dialect === 'bash' ? 'B' : '') + (this.opts.errexit ? 'e' : '');
      case '@':
      case '*':
        return this.positional.join(name === '*' ? (this.getVar('IFS') ?? ' ')[0] ?? '' : ' ');
      case 'RANDOM':
        return String((this.proc.pid * 7919 + this.host.clock.now * 31 + this.steps * 17) % 32768);
      case 'SECONDS':
        return String(Math.floor((this.host.clock.now - this.proc.startedAt) / 1000));
      case 'BASHPID':
        return String(this.proc.pid);
      case 'PPID':
        return String(this.proc.ppid);
      case 'UID':
      case 'EUID':
        return '0';
      case 'HOSTNAME':
        return this.vars.get('HOSTNAME')?.value ?? this.host.hostname;
      case 'LINENO':
        return String(this.line);
    }
    if (/^[1-9][0-9]*$/.test(name)) return this.positional[Number(name) - 1];
    const v = this.vars.get(name);
    if (!v || v.unset) return undefined;
    return v.value;
  }

  /** Assign a variable (keeps its export flag). */
  setVar(name: string, value: string, exported?: boolean): void {
    if (value.length >= MAX_STRING) this.outOfMemory(value.length + 1);
    const old = this.vars.get(name);
    if (old?.readonly) throw new ReadonlyVar(name, this.dialect === 'dash');
    this.vars.set(name, { value, exported: exported ?? old?.exported ?? false });
  }

  /** Function-local variables: for each running function, the outer values its `local`s hide. */
  private localFrames: Map<string, Var | undefined>[] = [];

  /** Whether a function is running (`local` is allowed). */
  get inFunction(): boolean {
    return this.localFrames.length > 0;
  }

  /**
   * Make `name` local to the running function (bash's `local`): the outer
   * variable is hidden until the function returns, and the local one starts
   * declared without a value. A name already local in this call is kept.
   */
  makeLocal(name: string): void {
    const frame = this.localFrames[this.localFrames.length - 1];
    if (!frame || frame.has(name)) return;
    const old = this.vars.get(name);
    if (old?.readonly) throw new ReadonlyVar(name, this.dialect === 'dash');
    frame.set(name, old);
    this.vars.set(name, { value: '', exported: false, unset: true });
  }

  /** Assignments before a command (`X=1 cmd`): a readonly one is reported and skipped, as bash does. */
  private assignPrefix(assigns: [string, string][], io: Io): void {
    for (const [k, v] of assigns) {
      try {
        this.setVar(k, v, true);
      } catch (e) {
        if (!(e instanceof ReadonlyVar)) throw e;
        this.diag(io, e.message);
      }
    }
  }

  /** The environment passed to a program, in bash's (hash table) order. */
  childEnv(extra: [string, string][] = [], cmdPath?: string): Record<string, string> {
    const m = new Map<string, string>();
    for (const [k, v] of this.vars) if (v.exported && !v.unset) m.set(k, v.value);
    for (const [k, v] of extra) m.set(k, v);
    let names = [...m.keys()];
    if (this.dialect === 'bash') {
      names = names.map((n, i) => ({ n, i, b: bashBucket(n) })).sort((a, b) => a.b - b.b || b.i - a.i).map((x) => x.n);
    }
    const env: Record<string, string> = {};
    for (const n of names) if (n !== '_' || !cmdPath) env[n] = m.get(n)!;
    if (cmdPath !== undefined && this.dialect === 'bash') {
      if (m.has('_')) {
        const ordered: Record<string, string> = {};
        for (const n of names) ordered[n] = n === '_' ? cmdPath : m.get(n)!;
        return ordered;
      }
      env._ = cmdPath;
    }
    return env;
  }

  // ---- diagnostics -----------------------------------------------------------

  /** The name bash's error_prolog(0) prints (sys_error, fatal_error): no line number. */
  private errName(): string {
    return this.interactive ? 'bash' : this.arg0;
  }

  /** bash's xmalloc() failing: fatal_error() prints and the shell exits with 2. */
  outOfMemory(bytes: number): never {
    this.proc.stderr.write(`${this.errName()}: xmalloc: cannot allocate ${bytes} bytes\n`);
    throw new ExitNow(2);
  }

  /**
   * Before a fork: when the host's process table is full, bash's make_child()
   * retries with sleeps of 1, 2, 4 and 8 seconds, then gives up and throws to
   * the top level (status 126).
   */
  async forkGate(io: Io): Promise<void> {
    const table = this.host.procs.procs;
    if (table.size < MAX_TASKS) return;
    for (let sleep = 1; table.size >= MAX_TASKS && sleep < 16; sleep <<= 1) {
      ioOut(io, 2).write(`${this.errName()}: fork: retry: Resource temporarily unavailable\n`);
      // sleep(3), which Ctrl-C (or any signal) cuts short
      const why = await this.proc.wait((wake) => {
        this.intrWake.add(wake);
        return () => this.intrWake.delete(wake);
      }, sleep * 1000);
      if (why !== 'timeout' || this.intr) throw new Interrupt();
    }
    if (table.size < MAX_TASKS) return;
    ioOut(io, 2).write(`${this.errName()}: fork: Resource temporarily unavailable\n`);
    this.status = 126;
    throw new TopLevel(126);
  }

  /** Print a diagnostic the way this shell prefixes them. */
  /** Refuse something bash has and the simulation does not model: `bash: ITEM: not simulated` (`sh:` in dash), status 1. */
  refuse(io: Io, item: string): number {
    ioOut(io, 2).write(notSimulatedMessage(this.dialect === 'dash' ? 'sh' : 'bash', item));
    this.status = NOT_SIMULATED_STATUS;
    return this.status;
  }

  diag(io: Io, msg: string, line = this.line): void {
    let prefix: string;
    if (this.dialect === 'dash') prefix = `${this.arg0}: ${line || 1}: `;
    else if (this.interactive) prefix = 'bash: ';
    else if (this.source === '-c') {
      // bash 5.2 names the line of a `-c` string unless stderr is a terminal;
      // inside a function defined there it names the source `environment`.
      const name = this.arg0 === 'bash' || this.arg0 === 'sh' ? this.arg0 : 'bash';
      prefix = ioOut(io, 2).isTTY ? `${name}: ` : `${this.funcDepth > 0 ? 'environment' : name}: line ${line || 1}: `;
    }
    else prefix = `${this.source}: line ${line || 1}: `;
    ioOut(io, 2).write(prefix + msg + '\n');
  }

  private syntaxError(io: Io, e: ParseError, src: string): void {
    const err = ioOut(io, 2);
    if (this.dialect === 'dash') {
      const what = e.kind === 'quote' ? 'Unterminated quoted string' : e.kind === 'eof' ? 'end of file unexpected' : `"${e.token}" unexpected`;
      err.write(`${this.arg0}: ${e.line}: Syntax error: ${what}\n`);
      return;
    }
    const where = this.interactive ? 'bash: ' : this.source === '-c' ? `${this.arg0 === 'sh' ? 'sh' : 'bash'}: -c: line ${e.line}: ` : `${this.source}: line ${e.line}: `;
    if (e.kind === 'cond' && !e.message) return;
    err.write(where + e.message + '\n');
    if (e.kind === 'token') {
      const lines = src.split('\n');
      const text = lines[e.line - 1] ?? '';
      err.write(`${this.interactive ? 'bash: ' : where}\`${text}'\n`);
    }
  }

  // ---- entry points ------------------------------------------------------------

  /**
   * Parse and run program text. Syntax errors print bash's message and give
   * status 2. `exit` propagates as ExitNow.
   */
  async runText(src: string, io: Io = procIo(this.proc), execLast = false): Promise<number> {
    let list: List;
    try {
      const r = parse(src, { heredocEofOk: true, dialect: this.dialect });
      for (const w of r.warnings) this.diag(io, `warning: ${w}`, 1);
      list = r.list;
    } catch (e) {
      if (e instanceof ParseError) {
        this.syntaxError(io, e, src);
        // bash 5.2 leaves the status alone after an error inside `[[ ]]` (recorded: `bash -c '[[ -n ]]'` exits 0).
        if (e.kind !== 'cond') this.status = 2;
        if (!this.interactive) throw new ExitNow(this.status);
        return this.status;
      }
      throw e;
    }
    return this.runList(list, io, execLast);
  }

  // ---- execution -------------------------------------------------------------

  /** Check for interruption between commands; yield to the event loop now and then. */
  private async tick(): Promise<void> {
    // A long builtin-only loop yields now and then so the terminal stays responsive.
    // Every SHELL_YIELD_STEPS steps the shell gives up the CPU for a slice of
    // virtual time: a busy loop then advances the clock like any program
    // (deadlines, step limits and replays see the same time), and the page
    // handles input — Ctrl-C — between slices.
    if (++this.steps % SHELL_YIELD_STEPS === 0) await this.proc.cpuSlice(SHELL_SLICE_MS);
    if (this.intr) {
      this.intr = false;
      throw new Interrupt();
    }
    const sig = this.proc.pendingSignal;
    if (sig && !this.interactive) {
      if (sig === 'SIGINT' || sig === 'SIGTERM' || sig === 'SIGHUP' || sig === 'SIGKILL') throw new Interrupt();
    }
  }

  async runList(list: List, io: Io, execLast = false): Promise<number> {
    const n = list.items.length;
    for (let i = 0; i < n; i++) {
      const { cmd, bg } = list.items[i];
      if (bg) {
        await this.forkGate(io);
        this.startBackground(cmd, io);
        this.status = 0;
        continue;
      }
      await this.runAndOr(cmd, io, execLast && i === n - 1);
    }
    return this.status;
  }

  private async runAndOr(ao: AndOr, io: Io, execLast: boolean): Promise<number> {
    await this.tick();
    const all = [{ op: '&&' as const, pipeline: ao.first }, ...ao.rest];
    for (let i = 0; i < all.length; i++) {
      const { op, pipeline } = all[i];
      if (i > 0 && ((op === '&&' && this.status !== 0) || (op === '||' && this.status === 0))) continue;
      const last = i === all.length - 1;
      if (!last) this.condDepth++;
      try {
        await this.runPipeline(pipeline, io, execLast && last);
      } finally {
        if (!last) this.condDepth--;
      }
      if (last && this.status !== 0 && this.condDepth === 0 && !pipeline.bang && this.funcDepth === 0) await this.errTrap(io);
      if (last && this.opts.errexit && this.status !== 0 && this.condDepth === 0 && !pipeline.bang) throw new ExitNow(this.status);
    }
    return this.status;
  }

  /** The ERR trap after a failed command (not inside functions: no `set -E`); `$?` is kept. */
  private async errTrap(io: Io): Promise<void> {
    const action = this.traps.get('ERR');
    if (!action || this.inErrTrap) return;
    const st = this.status;
    this.inErrTrap = true;
    try {
      await this.runText(action, io);
    } finally {
      this.inErrTrap = false;
    }
    this.status = st;
  }

  /**
   * The shell ends with `code`: run the EXIT trap once (it sees `$?` as
   * `code`; an `exit` inside it decides the status instead).
   */
  async finish(code: number, io: Io = procIo(this.proc)): Promise<number> {
    const action = this.traps.get('EXIT');
    this.traps.delete('EXIT');
    if (!action) return code;
    this.status = code;
    try {
      await this.runText(action, io);
    } catch (e) {
      if (e instanceof ExitNow || e instanceof TopLevel) return e.code;
      if (e instanceof Interrupt) return 130;
      throw e;
    }
    return code;
  }

  private async runPipeline(pl: Pipeline, io: Io, execLast: boolean): Promise<number> {
    if (!pl.time) return this.runPipelineUntimed(pl, io, execLast);
    const start = this.host.clock.now;
    const st = await this.runPipelineUntimed(pl, io, false);
    const fmt = pl.time === 'posix' ? 'real %2R\nuser %2U\nsys %2S' : (this.getVar('TIMEFORMAT') ?? '\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS');
    if (fmt !== '') ioOut(io, 2).write(timeReport(fmt, this.host.clock.now - start) + '\n');
    return st;
  }

  private async runPipelineUntimed(pl: Pipeline, io: Io, execLast: boolean): Promise<number> {
    if (pl.cmds.length === 1) {
      if (pl.bang) this.condDepth++;
      try {
        await this.runCommand(pl.cmds[0], io, execLast && !pl.bang);
      } finally {
        if (pl.bang) this.condDepth--;
      }
    } else {
      const running: Running[] = [];
      let input: InStream = ioIn(io);
      const pipes: Pipe[] = [];
      for (let i = 0; i < pl.cmds.length; i++) {
        const last = i === pl.cmds.length - 1;
        try {
          await this.forkGate(io);
        } catch (e) {
          // terminate_current_pipeline(): what already started gets SIGTERM.
          for (const r of running) sendSignal(r.proc, 'SIGTERM');
          for (const pp of pipes) pp.closeWrite();
          throw e;
        }
        const pipe = last ? undefined : new Pipe();
        const cio: Io = { fds: new Map(io.fds) };
        cio.fds.set(0, input);
        if (pipe) cio.fds.set(1, pipe.out);
        const r = this.fork(pl.cmds[i], cio, true);
        if (pipe) {
          pipes.push(pipe);
          pipe.onBroken = () => sendSignal(r.proc, 'SIGKILL', 141);
          r.done.then(() => pipe.closeWrite());
        }
        const prev = pipes[i - 1];
        if (prev) r.done.then(() => prev.closeRead());
        running.push(r);
        input = pipe ? pipe.in : input;
      }
      const codes = await Promise.all(running.map((r) => r.done));
      let st = codes[codes.length - 1];
      if (this.opts.pipefail) for (const c of codes) if (c !== 0) st = c;
      this.status = st;
      this.afterForeground(running.map((r) => r.proc), st);
    }
    if (pl.bang) this.status = this.status === 0 ? 1 : 0;
    return this.status;
  }

  /**
   * After a foreground child ended, bash (wait_for, notify_and_cleanup) is
   * done with the background jobs that have finished: they leave the job
   * table, so `jobs`, `wait -n` and `%N` no longer see them, and `wait PID`
   * still finds the status. An interactive shell (job control on) prints
   * their `Done` lines there and then, before the rest of the command line
   * runs; a non-interactive one forgets them silently. A shell that is not
   * interactive dies with the child on SIGINT.
   */
  private afterForeground(procs: Process[], status: number): void {
    if (this.dialect === 'bash') {
      if (this.interactive) {
        const note = this.reportJobs();
        if (note) this.tty?.write(note);
      } else {
        for (const j of this.jobs) if (j.done) this.keepStatus(j);
        this.jobs = this.jobs.filter((j) => !j.done);
      }
    }
    if (status === 130 && procs.some((p) => p.pendingSignal === 'SIGINT')) {
      if (this.interactive) throw new Interrupt();
      throw new Interrupt();
    }
  }

  /** Fork a subshell process that runs `cmd` (exec'ing a final simple command). */
  fork(cmd: Command | List, io: Io, foreground: boolean, label?: string): Running {
    const parent = this;
    const r = spawnWith(
      this.host,
      this.proc.pid,
      [...this.proc.argv],
      {
        env: { ...this.proc.env },
        cwd: this.proc.cwd,
        netns: this.proc.netns,
        stdin: ioIn(io),
        stdout: ioOut(io, 1),
        stderr: ioOut(io, 2),
      },
      async (p) => {
        const sub = parent.subshell(p);
        const sio: Io = { fds: new Map(io.fds) };
        sio.fds.set(0, p.stdin);
        sio.fds.set(1, p.stdout);
        sio.fds.set(2, p.stderr);
        let code: number;
        try {
          if ('k' in cmd) await sub.runCommand(cmd, sio, true);
          else await sub.runList(cmd, sio, true);
          code = sub.status;
        } catch (e) {
          if (e instanceof ExitNow) code = e.code;
          else if (e instanceof Interrupt) code = 130;
          else if (e instanceof ReturnNow) code = e.code;
          else if (e instanceof LoopCtl) code = sub.status;
          else if (e instanceof TopLevel) code = e.code;
          else throw e;
        }
        return sub.finish(code, sio);
      },
    );
    void label;
    if (foreground) this.fg?.procs.add(r.proc);
    return r;
  }

  /** A copy of this shell's state running in process `p`. */
  subshell(p: Process): Shell {
    const s = Object.create(Shell.prototype) as Shell;
    Object.assign(s, this);
    s.proc = p;
    s.vars = new Map([...this.vars].map(([k, v]) => [k, { ...v }]));
    s.funcs = new Map(this.funcs);
    s.traps = new Map();
    s.positional = [...this.positional];
    s.jobs = [];
    s.reaped = new Map();
    s.oneshot = false;
    s.interactive = false;
    s.tty = undefined;
    s.fg = undefined;
    s.intr = false;
    s.readBuf = new WeakMap();
    s.intrWake = new Set();
    return s;
  }

  private startBackground(ao: AndOr, io: Io): void {
    const bio: Io = { fds: new Map(io.fds) };
    bio.fds.set(0, devNullIn);
    const list: List = { items: [{ cmd: ao, bg: false }] };
    const r = this.fork(list, bio, false);
    const job: Job = { id: this.nextJobId++, procs: [r.proc], cmd: ao.src, done: false, status: 0, reported: false, promise: r.done };
    // Job numbers restart at 1 when no job is left, as in bash.
    if (this.jobs.every((j) => j.done)) {
      this.jobs = [];
      job.id = 1;
      this.nextJobId = 2;
    }
    this.jobs.push(job);
    this.lastBg = r.proc.pid;
    r.done.then((code) => {
      job.done = true;
      job.status = code;
    });
    if (this.interactive) ioOut(io, 2).write(`[${job.id}] ${r.proc.pid}\n`);
  }

  /** A finished job leaving the job table keeps its status for `wait PID` (bash's bgpids), under its last process's pid. */
  keepStatus(j: Job): void {
    this.reaped.set(j.procs[j.procs.length - 1]!.pid, j.status);
  }

  /** Lines bash prints before a prompt for background jobs that finished. */
  reportJobs(): string {
    let out = '';
    const live = this.jobs;
    for (const j of live) {
      if (!j.done || j.reported) continue;
      j.reported = true;
      this.keepStatus(j);
      const state = j.status === 0 ? 'Done' : `Exit ${j.status}`;
      out += `[${j.id}]${this.jobMark(j)}  ${state.padEnd(24)}${j.cmd}\n`;
    }
    this.jobs = this.jobs.filter((j) => !j.reported);
    return out;
  }

  /** `+` for the current job, `-` for the previous one. */
  jobMark(j: Job): string {
    const ids = this.jobs.map((x) => x.id);
    const max = ids[ids.length - 1];
    const prev = ids[ids.length - 2];
    return j.id === max ? '+' : j.id === prev ? '-' : ' ';
  }

  async runCommand(cmd: Command, io: Io, execLast = false): Promise<number> {
    switch (cmd.k) {
      case 'simple':
        return this.runSimple(cmd, io, execLast);
      case 'func':
        this.funcs.set(cmd.name, cmd.body);
        this.status = 0;
        return 0;
      default: {
        const rio = await this.redirect(cmd.redirs, io);
        if (!rio) return (this.status = 1);
        try {
          return await this.runCompound(cmd, rio, execLast);
        } catch (e) {
          // A `for` word list or a `case` word that cannot be expanded.
          if (!(e instanceof ExpansionError)) throw e;
          this.diag(rio, e.message);
          this.status = 1;
          // bash abandons the command line (a non-interactive shell exits).
          if (!this.interactive) throw new ExitNow(e.status);
          throw new TopLevel(1);
        }
      }
    }
  }

  /** `(( expr ))`: 0 when the value is not zero, 1 when it is zero or the expression fails. */
  private async runArith(cmd: Extract<Command, { k: 'arithcmd' }>, io: Io): Promise<number> {
    this.line = cmd.line;
    const v = await this.arithValue(cmd.expr, io, true);
    this.status = v === undefined || v === 0n ? 1 : 0;
    return this.status;
  }

  /** An arithmetic expression of `((…))` or `for ((…))`; undefined after reporting an error. */
  private async arithValue(w: Word, io: Io, trace: boolean, empty = 0n): Promise<bigint | undefined> {
    const expr = await this.expandOne(w, io);
    if (trace && this.opts.xtrace) ioOut(io, 2).write(`+ (( ${expr} ))\n`);
    if (expr.trim() === '') return empty;
    try {
      return evalArith(expr, { get: (n) => this.getVar(n), set: (n, val) => this.setVar(n, val) });
    } catch (e) {
      if (e instanceof ReadonlyVar) this.diag(io, e.message);
      else if (e instanceof ArithError) this.diag(io, `((: ${expr.trimStart()}: ${e.message}`);
      else throw e;
      return undefined;
    }
  }

  /**
   * `[[ expr ]]`: operands expanded without field splitting or globbing, the
   * right side of `==`/`!=` as a pattern and of `=~` as an extended regex
   * (quoted parts literal), integer operators as arithmetic. Status 0 true,
   * 1 false, 2 for a regex that does not compile.
   */
  private async runCond(cmd: Extract<Command, { k: 'cond' }>, io: Io): Promise<number> {
    this.line = cmd.line;
    try {
      this.status = (await this.evalCond(cmd.expr, io)) ? 0 : 1;
    } catch (e) {
      if (e instanceof CondFail) this.status = e.status;
      else throw e;
    }
    return this.status;
  }

  private async evalCond(e: CondExpr, io: Io): Promise<boolean> {
    const trace = (s: string): void => {
      if (this.opts.xtrace) ioOut(io, 2).write(`+ [[ ${s} ]]\n`);
    };
    switch (e.k) {
      case 'and':
        return (await this.evalCond(e.l, io)) && this.evalCond(e.r, io);
      case 'or':
        return (await this.evalCond(e.l, io)) || this.evalCond(e.r, io);
      case 'not':
        return !(await this.evalCond(e.e, io));
      case 'group':
        return this.evalCond(e.e, io);
      case 'word': {
        const a = await this.expandOne(e.a, io);
        trace(a);
        return a !== '';
      }
      case 'unary': {
        const a = await this.expandOne(e.a, io);
        trace(`${e.op} ${a}`);
        return testUnary(e.op, a, statFs(this, io));
      }
      case 'binary':
        return this.condBinary(e, io, trace);
    }
  }

  private async condBinary(e: Extract<CondExpr, { k: 'binary' }>, io: Io, trace: (s: string) => void): Promise<boolean> {
    const a = await this.expandOne(e.a, io);
    if (e.op === '==' || e.op === '=' || e.op === '!=' || e.op === '=~') {
      const ready = shellRegexReady();
      if (ready) await ready;
    }
    switch (e.op) {
      case '==':
      case '=':
      case '!=': {
        const pat = await this.expandPattern(e.b, io);
        trace(`${a} ${e.op} ${pat}`);
        return globMatch(pat, a) === (e.op !== '!=');
      }
      case '=~': {
        const segs = await this.expandParts(e.b.parts, io, false);
        const ere = segs.map((x) => (x === 'BREAK' ? ' ' : x.q ? x.s.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&') : x.s)).join('');
        trace(`${a} =~ ${ere}`);
        let re: RegExp;
        try {
          re = safeRegExp(shellEre(ere));
        } catch {
          // bash: a regex that does not compile gives status 2, silently.
          throw new CondFail(2);
        }
        const m = re.exec(a);
        // BASH_REMATCH is an array in bash; as a plain variable it holds element 0, the whole match.
        this.vars.set('BASH_REMATCH', { value: m ? m[0] : '', exported: false });
        return !!m;
      }
      case '<':
      case '>': {
        const b = await this.expandOne(e.b, io);
        trace(`${a} ${e.op} ${b}`);
        return e.op === '<' ? cCompare(a, b) < 0 : cCompare(a, b) > 0;
      }
      case '-nt':
      case '-ot':
      case '-ef': {
        const b = await this.expandOne(e.b, io);
        trace(`${a} ${e.op} ${b}`);
        return testBinary(a, e.op, b, statFs(this, io));
      }
      default: {
        // -eq -ne -lt -le -gt -ge: both sides are arithmetic expressions.
        const b = await this.expandOne(e.b, io);
        trace(`${a} ${e.op} ${b}`);
        const vars = { get: (n: string) => this.getVar(n), set: (n: string, v: string) => this.setVar(n, v) };
        const num = (x: string): bigint => {
          try {
            return evalArith(x, vars);
          } catch (err) {
            if (!(err instanceof ArithError)) throw err;
            this.diag(io, `[[: ${x}: ${err.message}`);
            throw new CondFail(1);
          }
        };
        const x = num(a);
        const y = num(b);
        return e.op === '-eq' ? x === y : e.op === '-ne' ? x !== y : e.op === '-lt' ? x < y : e.op === '-le' ? x <= y : e.op === '-gt' ? x > y : x >= y;
      }
    }
  }

  /** `for (( init; cond; step ))`: bounded by the shell's tick like every loop. */
  private async runArithFor(cmd: Extract<Command, { k: 'arithfor' }>, io: Io): Promise<number> {
    this.line = cmd.line;
    let st = 0;
    if ((await this.arithValue(cmd.init, io, false)) === undefined) return (this.status = 1);
    this.loopDepth++;
    try {
      for (;;) {
        await this.tick();
        const c = await this.arithValue(cmd.cond, io, false, 1n);
        if (c === undefined) {
          st = 1;
          break;
        }
        if (c === 0n) break;
        try {
          st = await this.runList(cmd.body, io);
        } catch (e) {
          if (!(e instanceof LoopCtl)) throw e;
          if (--e.n > 0) throw e;
          if (e.kind === 'break') break;
        }
        if ((await this.arithValue(cmd.step, io, false)) === undefined) {
          st = 1;
          break;
        }
      }
    } finally {
      this.loopDepth--;
    }
    this.status = st;
    return st;
  }

  private async runCompound(cmd: Command, io: Io, execLast: boolean): Promise<number> {
    switch (cmd.k) {
      case 'subshell': {
        await this.forkGate(io);
        const r = this.fork(cmd.body, io, true);
        this.status = await r.done;
        this.afterForeground([r.proc], this.status);
        return this.status;
      }
      case 'group':
        return this.runList(cmd.body, io, execLast);
      case 'coproc':
        return this.refuse(io, 'coproc');
      case 'arithcmd':
        return this.runArith(cmd, io);
      case 'cond':
        return this.runCond(cmd, io);
      case 'arithfor':
        return this.runArithFor(cmd, io);
      case 'if': {
        for (const c of cmd.clauses) {
          this.condDepth++;
          try {
            await this.runList(c.cond, io);
          } finally {
            this.condDepth--;
          }
          if (this.status === 0) return this.runList(c.body, io, execLast);
        }
        if (cmd.orElse) return this.runList(cmd.orElse, io, execLast);
        this.status = 0;
        return 0;
      }
      case 'while': {
        let st = 0;
        this.loopDepth++;
        try {
          for (;;) {
            await this.tick();
            this.condDepth++;
            try {
              await this.runList(cmd.cond, io);
            } finally {
              this.condDepth--;
            }
            if ((this.status === 0) === cmd.until) break;
            try {
              st = await this.runList(cmd.body, io);
            } catch (e) {
              if (e instanceof LoopCtl) {
                if (--e.n > 0) throw e;
                if (e.kind === 'break') break;
                continue;
              }
              throw e;
            }
          }
        } finally {
          this.loopDepth--;
        }
        this.status = st;
        return st;
      }
      case 'for': {
        if (cmd.select) return this.refuse(io, 'select');
        const items = cmd.words ? await this.expandWords(cmd.words, io) : [...this.positional];
        let st = 0;
        this.loopDepth++;
        try {
          for (const it of items) {
            await this.tick();
            try {
              this.setVar(cmd.name, it);
            } catch (e) {
              if (!(e instanceof ReadonlyVar)) throw e;
              this.diag(io, e.message);
              st = 1;
              break;
            }
            try {
              st = await this.runList(cmd.body, io);
            } catch (e) {
              if (e instanceof LoopCtl) {
                if (--e.n > 0) throw e;
                if (e.kind === 'break') break;
                continue;
              }
              throw e;
            }
          }
        } finally {
          this.loopDepth--;
        }
        this.status = st;
        return st;
      }
      case 'case': {
        const w = await this.expandOne(cmd.word, io);
        for (const item of cmd.items) {
          for (const p of item.patterns) {
            const pat = await this.expandPattern(p, io);
            const ready = shellRegexReady();
            if (ready) await ready;
            if (globMatch(pat, w)) return this.runList(item.body, io, execLast);
          }
        }
        this.status = 0;
        return 0;
      }
    }
    return this.status;
  }

  /** Is a loop active (for break/continue)? */
  get inLoop(): boolean {
    return this.loopDepth > 0;
  }

  /** Files being sourced (`return` is allowed in them). */
  sourceDepth = 0;

  /** Can `return` be used here (in a function or a sourced file)? */
  get canReturn(): boolean {
    return this.funcDepth > 0 || this.sourceDepth > 0;
  }

  private async runSimple(cmd: SimpleCommand, io: Io, execLast: boolean): Promise<number> {
    this.line = cmd.line;
    this.substStatus = undefined;
    if (cmd.arrayText) {
      this.diag(io, `${cmd.arrayText}: not simulated (arrays)`);
      this.status = NOT_SIMULATED_STATUS;
      return this.status;
    }
    let argv: string[];
    const assigns: [string, string][] = [];
    try {
      argv = await this.expandWords(cmd.words, io);
      for (const a of cmd.assigns) {
        let v = await this.expandOne(a.value, io, true);
        if (a.append) v = (this.getVar(a.name) ?? '') + v;
        assigns.push([a.name, v]);
      }
    } catch (e) {
      if (e instanceof ExpansionError) {
        this.diag(io, e.message);
        this.status = 1;
        // bash abandons the command line (a non-interactive shell exits).
        if (!this.interactive) throw new ExitNow(e.status);
        throw new TopLevel(1);
      }
      throw e;
    }
    if (this.opts.xtrace) {
      const parts = [...assigns.map(([k, v]) => `${k}=${v}`), ...argv];
      ioOut(io, 2).write(`+ ${parts.join(' ')}\n`);
    }
    const rio = await this.redirect(cmd.redirs, io);
    if (!rio) {
      this.status = 1;
      return 1;
    }
    if (argv.length === 0) {
      for (const [k, v] of assigns) {
        try {
          this.setVar(k, v);
        } catch (e) {
          // bash abandons the command line (and a non-interactive shell exits).
          if (!(e instanceof ReadonlyVar)) throw e;
          this.diag(rio, e.message);
          this.status = 1;
          if (!this.interactive) throw new ExitNow(this.dialect === 'dash' ? 2 : 1);
          throw new TopLevel(1);
        }
      }
      this.status = this.substStatus ?? 0;
      return this.status;
    }
    const name = argv[0];
    const fn = this.funcs.get(name);
    if (fn) return this.callFunction(name, fn, argv.slice(1), rio, assigns);
    const builtin = BUILTINS[name];
    if (builtin && !(this.dialect === 'dash' && (DASH_NOT_BUILTIN.has(name) || bashOnlyBuiltin(name)))) {
      const saved: [string, Var | undefined][] = assigns.map(([k]) => [k, this.vars.get(k)]);
      this.assignPrefix(assigns, rio);
      try {
        this.status = await builtin(this, argv, rio);
      } finally {
        if (!SPECIAL_BUILTINS.has(name)) {
          for (const [k, old] of saved) {
            if (old) this.vars.set(k, old);
            else this.vars.delete(k);
          }
        }
      }
      return this.status;
    }
    return this.runProgram(argv, assigns, rio, execLast);
  }

  private async callFunction(name: string, body: Command, args: string[], io: Io, assigns: [string, string][]): Promise<number> {
    if (this.funcDepth >= MAX_FUNC_DEPTH) {
      this.diag(io, `${name}: maximum function nesting level exceeded (${MAX_FUNC_DEPTH})`);
      this.status = 1;
      throw new ExitNow(1);
    }
    const savedPos = this.positional;
    const saved: [string, Var | undefined][] = assigns.map(([k]) => [k, this.vars.get(k)]);
    this.assignPrefix(assigns, io);
    this.positional = args;
    this.funcDepth++;
    const frame = new Map<string, Var | undefined>();
    this.localFrames.push(frame);
    try {
      await this.runCommand(body, io);
    } catch (e) {
      if (e instanceof ReturnNow) this.status = e.code;
      else throw e;
    } finally {
      this.localFrames.pop();
      for (const [k, old] of frame) {
        if (old) this.vars.set(k, old);
        else this.vars.delete(k);
      }
      this.funcDepth--;
      this.positional = savedPos;
      for (const [k, old] of saved) {
        if (old) this.vars.set(k, old);
        else this.vars.delete(k);
      }
    }
    return this.status;
  }

  /** Find a program for `name`, printing bash's error and returning a status when it cannot run. */
  locate(name: string, io: Io): ProgramRef | number {
    try {
      return resolveProgram(this.host, name, this.getVar('PATH'), this.proc.cwd, this.proc.programs);
    } catch (e) {
      const errno = e instanceof KernelError ? e.errno : 'ENOENT';
      if (errno === 'ENOENT' && !name.includes('/')) {
        // BusyBox's ash (a busybox image's sh) names no line: `sh: NAME: not found` (recorded, Debian busybox 1.35).
        if (this.dialect === 'dash' && this.proc.programs?.has('busybox')) ioOut(io, 2).write(`${this.arg0}: ${name}: not found\n`);
        else this.diag(io, this.dialect === 'dash' ? `${name}: not found` : `${name}: command not found`);
        return 127;
      }
      const text = e instanceof KernelError ? e.message : 'No such file or directory';
      this.diag(io, `${name}: ${text}`);
      return errno === 'ENOENT' || errno === 'ENOTDIR' ? 127 : 126;
    }
  }

  private async runProgram(argv: string[], assigns: [string, string][], io: Io, execLast: boolean): Promise<number> {
    const ref = this.locate(argv[0], io);
    if (typeof ref === 'number') {
      this.status = ref;
      return ref;
    }
    // A shell with an EXIT trap must outlive its last command to run it.
    if (this.traps.has('EXIT')) execLast = false;
    if (execLast && this.oneshot && this.dialect === 'bash') {
      const lvl = Number(this.getVar('SHLVL') ?? '1');
      if (Number.isFinite(lvl)) this.setVar('SHLVL', String(lvl - 1));
    }
    const env = this.childEnv(
      assigns.filter(([k]) => {
        if (!this.vars.get(k)?.readonly) return true;
        this.diag(io, new ReadonlyVar(k, this.dialect === 'dash').message);
        return false;
      }),
      ref.path,
    );
    if (execLast) {
      // exec in place: this process becomes the program.
      const p = this.proc;
      p.argv = argv;
      p.env = env;
      p.stdin = ioIn(io);
      p.stdout = ioOut(io, 1);
      p.stderr = ioOut(io, 2);
      let code: number;
      try {
        code = ref.kind === 'cmd' ? await ref.spec.run(p) : await this.runScriptFile(p, ref.path);
      } catch (e) {
        code = reportFault(p, e);
      }
      this.status = code;
      throw new ExitNow(code);
    }
    await this.forkGate(io);
    const r = spawnProgramRef(this.host, this.proc.pid, argv, env, this.proc.cwd, this.proc.netns, io, ref);
    this.fg?.procs.add(r.proc);
    this.status = await r.done;
    this.afterForeground([r.proc], this.status);
    return this.status;
  }

  private async runScriptFile(p: Process, path: string): Promise<number> {
    // exec of a script in place: its `#!` interpreter (or bash) becomes this process.
    const { spec, args } = scriptCommand(this.host, path, p.cwd, p.argv);
    p.argv = args;
    return spec ? await spec.run(p) : 127;
  }

  // ---- redirections ------------------------------------------------------------

  /** Apply redirections; undefined (after printing why) when one fails. */
  async redirect(redirs: Redirect[], io: Io): Promise<Io | undefined> {
    if (redirs.length === 0) return io;
    const out: Io = { fds: new Map(io.fds) };
    for (const r of redirs) {
      let target: string;
      if (r.heredoc) {
        let body: string;
        try {
          body = r.heredoc.expand ? await this.expandOne(parseHeredocBody(r.heredoc.body), io, true) : r.heredoc.body;
        } catch (e) {
          // The command does not run, as when a redirection fails.
          if (e instanceof ExpansionError) this.diag(io, e.message);
          else if (e instanceof ParseError) this.diag(io, `bad substitution: ${e.message}`);
          else throw e;
          return undefined;
        }
        out.fds.set(r.fd, new StringIn(body));
        continue;
      }
      try {
        const fields = await this.expandWords([r.target], io);
        if (fields.length !== 1 && r.op !== '<<<') {
          this.diag(io, `${r.target.raw}: ambiguous redirect`);
          return undefined;
        }
        target = r.op === '<<<' ? (await this.expandOne(r.target, io)) : fields[0];
      } catch (e) {
        if (e instanceof ExpansionError) {
          // As for a word of the command: the line is abandoned (a non-interactive shell exits).
          this.diag(io, e.message);
          this.status = 1;
          if (!this.interactive) throw new ExitNow(e.status);
          throw new TopLevel(1);
        }
        throw e;
      }
      switch (r.op) {
        case '<<<':
          out.fds.set(r.fd, new StringIn(target + '\n'));
          break;
        case '>&':
        case '<&': {
          if (target === '-') {
            out.fds.delete(r.fd);
            break;
          }
          if (/^\d+$/.test(target)) {
            const src = out.fds.get(Number(target));
            if (!src) {
              this.diag(io, `${target}: Bad file descriptor`);
              return undefined;
            }
            out.fds.set(r.fd, src);
            break;
          }
          if (r.op === '>&' && r.fd === 1) {
            const s = this.openOut(target, false, io);
            if (!s) return undefined;
            out.fds.set(1, s);
            out.fds.set(2, s);
            break;
          }
          this.diag(io, `${target}: ambiguous redirect`);
          return undefined;
        }
        case '<':
        case '<>': {
          const s = this.openIn(target, io);
          if (!s) return undefined;
          out.fds.set(r.fd, s);
          break;
        }
        default: {
          const s = this.openOut(target, r.op === '>>' || r.op === '&>>', io);
          if (!s) return undefined;
          if (r.fd === -1) {
            out.fds.set(1, s);
            out.fds.set(2, s);
          } else out.fds.set(r.fd, s);
        }
      }
    }
    return out;
  }

  private openIn(path: string, io: Io): InStream | undefined {
    if (path === '/dev/null') return devNullIn;
    if (path === '/dev/stdin') return ioIn(io);
    try {
      const text = this.host.vfs.readFile(path, this.proc.vfsCtx());
      return new StringIn(text);
    } catch (e) {
      this.diag(io, `${path}: ${e instanceof KernelError ? e.message : 'No such file or directory'}`);
      return undefined;
    }
  }

  private openOut(path: string, append: boolean, io: Io): OutStream | undefined {
    switch (path) {
      case '/dev/null':
        return { write() {}, isTTY: false };
      case '/dev/stdout':
        return ioOut(io, 1);
      case '/dev/stderr':
        return ioOut(io, 2);
      case '/dev/tty':
        return this.tty ? { write: (s: string) => this.tty!.write(s), isTTY: true } : ioOut(io, 2);
    }
    const vfs = this.host.vfs;
    const ctx = this.proc.vfsCtx();
    try {
      const node = vfs.tryLookup(path, ctx);
      if (node && (node.kind === 'dir' || node.kind === 'gendir')) throw new KernelError('EISDIR');
      if (node && node.kind === 'gen' && !node.write) throw new KernelError('EACCES');
      if (!node || (node.kind === 'file' && !append)) vfs.writeFile(path, '', ctx, false);
      return new FileOut(vfs, path, ctx);
    } catch (e) {
      this.diag(io, `${path}: ${e instanceof KernelError ? e.message : 'No such file or directory'}`);
      return undefined;
    }
  }

  // ---- expansion -----------------------------------------------------------------

  /** Expand words into fields (parameters, substitutions, splitting, globbing). */
  async expandWords(words: Word[], io: Io): Promise<string[]> {
    const out: string[] = [];
    for (const w of words) {
      // bash expands braces first (dash has no brace expansion).
      for (const b of this.dialect === 'bash' ? this.braces(w, io) : [w]) out.push(...(await this.expandFields(b, io)));
    }
    return out;
  }

  /** A word's brace expansion; a too large one is reported as bash's failed allocation and left as written. */
  private braces(w: Word, io: Io): Word[] {
    try {
      return braceExpand(w);
    } catch (e) {
      if (!(e instanceof BraceLimit)) throw e;
      this.diag(io, `brace expansion: failed to allocate memory for ${e.message} elements`);
      return [w];
    }
  }

  /** Expand one word without field splitting or globbing (assignments, here-docs, case). */
  async expandOne(w: Word, io: Io, tilde = false): Promise<string> {
    const segs = await this.expandParts(this.tildeParts(w.parts, tilde || true), io, false);
    return segs.map((s) => (s === 'BREAK' ? ' ' : s.s)).join('');
  }

  /** Expand a word as a pattern: quoted characters are escaped. */
  async expandPattern(w: Word, io: Io): Promise<string> {
    const segs = await this.expandParts(w.parts, io, false);
    return segs.map((s) => (s === 'BREAK' ? ' ' : s.q ? escapeGlob(s.s) : s.s)).join('');
  }

  private tildeParts(parts: WordPart[], enabled: boolean): WordPart[] {
    const first = parts[0];
    if (!enabled || !first || first.k !== 'lit' || !first.v.startsWith('~')) return parts;
    const slash = first.v.indexOf('/');
    const user = first.v.slice(1, slash < 0 ? undefined : slash);
    let home: string | undefined;
    if (user === '') home = this.getVar('HOME') ?? '/root';
    else if (user === 'root') home = '/root';
    else if (user === '+') home = this.proc.cwd;
    else if (user === '-') home = this.getVar('OLDPWD');
    if (home === undefined) return parts;
    if (slash < 0 && parts.length > 1 && parts[1].k !== 'lit') {
      // ~"x" is not a tilde prefix unless the user name ends the word.
      if (user !== '') return parts;
    }
    const rest = slash < 0 ? '' : first.v.slice(slash);
    return [{ k: 'sq', v: home }, ...(rest ? [{ k: 'lit' as const, v: rest }] : []), ...parts.slice(1)];
  }

  private async expandFields(w: Word, io: Io): Promise<string[]> {
    const segs = await this.expandParts(this.tildeParts(w.parts, true), io, false);
    const ifs = this.getVar('IFS') ?? ' \t\n';
    const fields: { text: string; pat: string; glob: boolean; quoted: boolean }[] = [];
    let cur = { text: '', pat: '', glob: false, quoted: false };
    let started = false;
    const finish = (): void => {
      if (started) fields.push(cur);
      cur = { text: '', pat: '', glob: false, quoted: false };
      started = false;
    };
    for (const s of segs) {
      if (s === 'BREAK') {
        finish();
        continue;
      }
      if (s.q) {
        cur.text += s.s;
        cur.pat += escapeGlob(s.s);
        cur.quoted = true;
        started = true;
        continue;
      }
      if (!s.split) {
        cur.text += s.s;
        cur.pat += s.s;
        if (hasGlob(s.s)) cur.glob = true;
        if (s.s !== '') started = true;
        continue;
      }
      for (const ch of s.s) {
        if (ifs.includes(ch)) {
          if (/\s/.test(ch)) {
            if (started) finish();
          } else {
            started = true;
            finish();
          }
          continue;
        }
        cur.text += ch;
        cur.pat += ch;
        if (ch === '*' || ch === '?' || ch === '[') cur.glob = true;
        started = true;
      }
    }
    finish();
    const out: string[] = [];
    for (const f of fields) {
      if (f.glob && !this.opts.noglob && hasGlob(f.pat)) {
        const ready = shellRegexReady();
        if (ready) await ready;
        const matches = this.glob(f.pat);
        if (matches.length) {
          out.push(...matches);
          continue;
        }
        out.push(unescapeGlob(f.pat));
        continue;
      }
      out.push(f.text);
    }
    return out;
  }

  private glob(pat: string): string[] {
    const vfs = this.host.vfs;
    const ctx = this.proc.vfsCtx();
    return globExpand(pat, this.proc.cwd, {
      readdir(path) {
        try {
          return vfs.readdir(path, ctx);
        } catch {
          return undefined;
        }
      },
      exists(path) {
        try {
          vfs.lookup(path, ctx, false);
          return true;
        } catch {
          return false;
        }
      },
    });
  }

  private async expandParts(parts: WordPart[], io: Io, inDq: boolean): Promise<Seg[]> {
    const out: Seg[] = [];
    for (const p of parts) {
      switch (p.k) {
        case 'lit':
          out.push({ s: p.v, q: inDq, split: false });
          break;
        case 'sq':
          out.push({ s: p.v, q: true, split: false });
          break;
        case 'dq': {
          const inner = await this.expandParts(p.parts, io, true);
          if (inner.length === 0 && !p.parts.some((x) => x.k === 'param' && x.name === '@')) out.push({ s: '', q: true, split: false });
          else out.push(...inner);
          break;
        }
        case 'param':
          out.push(...(await this.expandParam(p, io, inDq)));
          break;
        case 'cmdsub': {
          const text = await this.commandSubst(p.body, io);
          out.push({ s: text, q: inDq, split: !inDq });
          break;
        }
        case 'arith': {
          const expr = await this.expandOne(p.expr, io);
          let v: bigint;
          try {
            v = evalArith(expr, { get: (n) => this.getVar(n), set: (n, val) => this.setVar(n, val) });
          } catch (e) {
            if (e instanceof ArithError) throw new ExpansionError(`${expr.trim()}: ${e.message}`);
            throw e;
          }
          out.push({ s: v.toString(), q: inDq, split: !inDq });
          break;
        }
      }
    }
    return out;
  }

  /** `$@` / `$*` of these values: one field each, or in double quotes `$*` joined by the first character of IFS. */
  private positionalSegs(values: string[], name: '@' | '*', inDq: boolean): Seg[] {
    if (inDq && name === '*') return [{ s: values.join((this.getVar('IFS') ?? ' ')[0] ?? ''), q: true, split: false }];
    const segs: Seg[] = [];
    values.forEach((v, i) => {
      if (i > 0) segs.push('BREAK');
      segs.push({ s: v, q: inDq, split: !inDq });
    });
    return segs;
  }

  private async expandParam(p: Extract<WordPart, { k: 'param' }>, io: Io, inDq: boolean): Promise<Seg[]> {
    const name = p.name;
    if (p.op === 'bad') throw new ExpansionError(`${p.arg?.raw ?? '${}'}: bad substitution`);
    if (p.op === 'index') throw new ExpansionError(`\${${p.arg?.raw ?? name}}: not simulated (arrays)`);
    if ((name === '@' || name === '*') && !p.op) return this.positionalSegs(this.positional, name, inDq);
    let value = this.getVar(name);
    const op = p.op;
    const wrap = (s: string): Seg[] => [{ s, q: inDq, split: !inDq }];
    if (op === 'len') return wrap(String((value ?? '').length));
    if (value === undefined && this.opts.nounset && !op) {
      const err = new ExpansionError(`${name}: unbound variable`);
      err.status = 127;
      throw err;
    }
    if (!op) return wrap(value ?? '');
    const nullOrUnset = value === undefined || (op.startsWith(':') && value === '');
    const argText = async (): Promise<Seg[]> => (p.arg ? this.expandParts(this.tildeParts(p.arg.parts, true), io, inDq) : []);
    switch (op) {
      case ':-':
      case '-':
        return nullOrUnset ? argText() : wrap(value!);
      case ':=':
      case '=':
        if (nullOrUnset) {
          const v = p.arg ? await this.expandOne(p.arg, io) : '';
          this.setVar(name, v);
          return wrap(v);
        }
        return wrap(value!);
      case ':+':
      case '+':
        return nullOrUnset ? [] : argText();
      case ':?':
      case '?': {
        if (!nullOrUnset) return wrap(value!);
        const msg = p.arg && p.arg.raw ? await this.expandOne(p.arg, io) : 'parameter null or not set';
        const err = new ExpansionError(`${name}: ${msg}`);
        // bash exits with 127 here (recorded: `bash -c 'x=${q:?unset}'`), 1 for the other expansion errors.
        err.status = 127;
        throw err;
      }
      case '^^':
      case '^':
      case ',,':
      case ',': {
        // Case modification: every character (`^^`, `,,`) or the first (`^`, `,`) that matches the pattern (default `?`).
        value = value ?? '';
        const pat = p.arg && p.arg.raw !== '' ? await this.expandPattern(p.arg, io) : '?';
        const ready = shellRegexReady();
        if (ready) await ready;
        const upper = op[0] === '^';
        const modify = (v: string): string => {
          let out = '';
          let i = 0;
          for (const ch of v) {
            out += (op.length === 2 || i === 0) && globMatch(pat, ch) ? (upper ? ch.toUpperCase() : ch.toLowerCase()) : ch;
            i++;
          }
          return out;
        };
        // $@ and $* are modified parameter by parameter.
        if (name === '@' || name === '*') return this.positionalSegs(this.positional.map(modify), name, inDq);
        return wrap(modify(value));
      }
      case '#':
      case '##':
      case '%':
      case '%%': {
        value = value ?? '';
        const pat = p.arg ? await this.expandPattern(p.arg, io) : '';
        const ready = shellRegexReady();
        if (ready) await ready;
        const src = globSource(pat);
        let re: RegExp;
        if (op === '#') re = safeRegExp(`^${src.replace(/\[\\s\\S\]\*/g, '[\\s\\S]*?')}`);
        else if (op === '##') re = safeRegExp(`^${src}`);
        else if (op === '%%') re = safeRegExp(`${src}$`);
        else {
          // shortest suffix: try from the end
          for (let i = value.length; i >= 0; i--) {
            if (globMatch(pat, value.slice(i))) return wrap(value.slice(0, i));
          }
          return wrap(value);
        }
        if (op === '%%') {
          for (let i = 0; i <= value.length; i++) if (globMatch(pat, value.slice(i))) return wrap(value.slice(0, i));
          return wrap(value);
        }
        if (op === '##') {
          for (let i = value.length; i >= 0; i--) if (globMatch(pat, value.slice(0, i))) return wrap(value.slice(i));
          return wrap(value);
        }
        for (let i = 0; i <= value.length; i++) if (globMatch(pat, value.slice(0, i))) return wrap(value.slice(i));
        void re;
        return wrap(value);
      }
      case '/':
      case '//': {
        value = value ?? '';
        let pat = p.arg ? await this.expandPattern(p.arg, io) : '';
        const rep = p.arg2 ? await this.expandOne(p.arg2, io) : '';
        let anchor = '';
        if (pat.startsWith('#') || pat.startsWith('%')) {
          anchor = pat[0];
          pat = pat.slice(1);
        }
        if (pat === '') return wrap(value);
        const ready = shellRegexReady();
        if (ready) await ready;
        const src = globSource(pat);
        const re = safeRegExp(anchor === '#' ? `^(?:${src})` : anchor === '%' ? `(?:${src})$` : src, op === '//' && !anchor ? 'g' : '');
        return wrap(value.replace(re, () => rep));
      }
      case ':': {
        value = value ?? '';
        const spec = p.arg ? await this.expandOne(p.arg, io) : '';
        const [offS, lenS] = splitOnce(spec, ':');
        const vars = { get: (n: string) => this.getVar(n), set: (n: string, v: string) => this.setVar(n, v) };
        try {
          let off = Number(evalArith(offS, vars));
          if (off < 0) off = Math.max(0, value.length + off);
          let s = value.slice(off);
          if (lenS !== undefined) {
            const len = Number(evalArith(lenS, vars));
            s = len >= 0 ? s.slice(0, len) : s.slice(0, Math.max(0, s.length + len));
          }
          return wrap(s);
        } catch (e) {
          if (e instanceof ArithError) throw new ExpansionError(`${spec}: ${e.message}`);
          throw e;
        }
      }
    }
    return wrap(value ?? '');
  }

  /** Run `$(...)`: a forked subshell whose output (minus trailing newlines) is the value. */
  private async commandSubst(body: List, io: Io): Promise<string> {
    const out = new StringOut();
    const capped: OutStream = {
      isTTY: false,
      write(d: string): void {
        if (out.text.length < MAX_SUBST) out.write(d);
      },
    };
    const sio: Io = { fds: new Map(io.fds) };
    sio.fds.set(1, capped);
    await this.forkGate(io);
    const r = this.fork(body, sio, true);
    const code = await r.done;
    this.status = code;
    this.substStatus = code;
    return out.text.replace(/\n+$/, '');
  }

  // ---- builtin helpers -------------------------------------------------------------

  /** Read one line from an input for `read` (keeps what follows for the next read). */
  async readLine(input: InStream): Promise<string | null> {
    let buf = this.readBuf.get(input) ?? '';
    for (let guard = 0; guard < 1_000_000; guard++) {
      const nl = buf.indexOf('\n');
      if (nl >= 0) {
        this.readBuf.set(input, buf.slice(nl + 1));
        return buf.slice(0, nl);
      }
      const c = await input.read();
      if (c === null) {
        this.readBuf.set(input, '');
        return buf === '' ? null : buf;
      }
      buf += c;
    }
    return null;
  }

  /** Set the foreground owner (interactive shells). */
  setForeground(owner: FgOwner | undefined): void {
    this.fg = owner;
  }

  /** Wait for a job in the foreground (`fg`, `wait`); Ctrl-C stops waiting. */
  async waitJob(job: Job): Promise<number> {
    await this.waitAny([job]);
    return job.status;
  }

  /** Wait until one of `jobs` is done (`wait -n`): the first done, in job order, or undefined when Ctrl-C stopped the wait. */
  async waitAny(jobs: Job[]): Promise<Job | undefined> {
    for (const job of jobs) for (const p of job.procs) this.fg?.procs.add(p);
    if (!jobs.some((j) => j.done)) {
      let off: (() => void) | undefined;
      const intr = new Promise<void>((r) => {
        this.intrWake.add(r);
        off = () => this.intrWake.delete(r);
        const sigOff = this.proc.onSignal(() => r());
        const prev = off;
        off = () => {
          prev();
          sigOff();
        };
      });
      try {
        await Promise.race([...jobs.map((j) => j.promise), intr]);
      } finally {
        off?.();
      }
      await this.tick();
    }
    return jobs.find((j) => j.done);
  }

  private intrWake = new Set<() => void>();

  /** Ctrl-C for a command this shell runs itself (loops, `wait`). */
  markInterrupted(): void {
    this.intr = true;
    for (const w of [...this.intrWake]) w();
  }

  /** Processes of all unfinished jobs and their children. */
  jobProcs(): Process[] {
    return processTree(this.host, this.jobs.filter((j) => !j.done).flatMap((j) => j.procs));
  }

  /** The path `type`/`which` report for a program name, or undefined. */
  programFor(name: string): string | undefined {
    try {
      const ref = resolveProgram(this.host, name, this.getVar('PATH'), this.proc.cwd, this.proc.programs);
      return ref.path;
    } catch {
      return undefined;
    }
  }
}

/**
 * bash's `time` report in a TIMEFORMAT: `%[p][l]R` elapsed seconds (virtual
 * clock), `%U` and `%S` CPU seconds (0: simulated programs use no CPU
 * time), `%P` the CPU percentage, `%%`. Fractions are truncated as bash does.
 */
function timeReport(fmt: string, ms: number): string {
  const secs = (v: number, prec: number, long: boolean): string => {
    const whole = Math.floor(v / 1000);
    const frac = prec ? '.' + String(v % 1000).padStart(3, '0').slice(0, prec) : '';
    return long ? `${Math.floor(whole / 60)}m${whole % 60}${frac}s` : `${whole}${frac}`;
  };
  return fmt.replace(/%(%|P|([0-3])?(l)?([RUS]))/g, (m, all: string, p: string | undefined, l: string | undefined, which: string | undefined) => {
    if (all === '%') return '%';
    if (all === 'P') return '0.00';
    return secs(which === 'R' ? ms : 0, p === undefined ? 3 : Number(p), !!l);
  });
}

/** `[[ ]]` stops with this status (an arithmetic error, a regex that does not compile). */
class CondFail {
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
}

/** An expansion failed (bad substitution, ${x?}, arithmetic error); a non-interactive shell exits with `status`. */
export class ExpansionError extends Error {
  status = 1;
}

/** An assignment to a readonly variable (bash: `z: readonly variable`, dash: `z: is read only`). */
export class ReadonlyVar extends ExpansionError {
  readonly varName: string;
  constructor(name: string, dash: boolean) {
    super(dash ? `${name}: is read only` : `${name}: readonly variable`);
    this.varName = name;
  }
}

/** Builtins whose preceding assignments persist (POSIX special builtins). */
const SPECIAL_BUILTINS = new Set([':', '.', 'source', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'trap', 'unset', 'break', 'continue']);
/** bash builtins dash lacks (they run as programs under sh). */
const DASH_NOT_BUILTIN = new Set(['source', 'history', 'declare', 'local_', 'let']);

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/** Spawn a resolved program as a child of `ppid` with the streams of `io`. */
function spawnProgramRef(host: HostView, ppid: number, argv: string[], env: Record<string, string>, cwd: string, netns: unknown, io: Io, ref: ProgramRef): Running {
  const opts = { env, cwd, netns, stdin: ioIn(io), stdout: ioOut(io, 1), stderr: ioOut(io, 2) };
  if (ref.kind === 'cmd') return spawnWith(host, ppid, argv, opts, (p) => ref.spec.run(p));
  // A script: its `#!` interpreter when that names a registered program, else bash (exec.ts scriptCommand).
  return spawnProgram(host, ppid, argv, opts, ref);
}

export { programPath, cCompare };
