// Running programs: finding a command on PATH (registered programs live in
// /usr/bin or /usr/sbin as on Debian), spawning it as a Process of the host,
// delivering signals (SIGKILL cannot be caught: the process is reaped at
// once), and the ExecFn programs use to run children (`ip netns exec`,
// `timeout`, `xargs`, `env`).

import { KernelError } from '../kernel/errno.ts';
import type { ExecFn, ExecOptions, Process, Signal } from '../kernel/proc.ts';
import { SIGNUM } from '../kernel/proc.ts';
import { lookupCommand, setBootSpawner, type CommandSpec } from '../userland/registry.ts';
import { devNullIn, devNullOut } from '../kernel/proc.ts';
import { attachHost, errText, WriteError, type HostView } from '../userland/coreutils/host.ts';
import { gateOut } from './io.ts';
import { setKillHook } from '../userland/lib/kill-hook.ts';
import { DEFAULT_PATH, isSbin, programPath } from '../userland/paths.ts';
import { setProcessRunner, type Running, type SpawnOptions } from '../userland/runner.ts';

export { DEFAULT_PATH, programPath } from '../userland/paths.ts';

/** A program found on the file system or in the registry. */
export type ProgramRef = { kind: 'cmd'; spec: CommandSpec; path: string } | { kind: 'script'; path: string };

/** Is `dir` (a PATH entry) where the registered program `name` lives? */
function inDir(name: string, dir: string): boolean {
  const d = dir.replace(/\/+$/, '') || '/';
  const home = isSbin(name) ? ['/usr/sbin', '/sbin'] : ['/usr/bin', '/bin'];
  return home.includes(d);
}

/**
 * Resolve a command name as execvp(3) would. Throws KernelError ENOENT when
 * it cannot be found, EACCES when the file is not executable, EISDIR for a
 * directory.
 */
export function resolveProgram(host: HostView, name: string, path: string | undefined, cwd: string, programs?: Map<string, string>): ProgramRef {
  if (name === '') throw new KernelError('ENOENT');
  if (name.includes('/')) return resolvePath(host, name, cwd, programs);
  for (const dir of (path ?? DEFAULT_PATH).split(':')) {
    const spec = programSpec(name, programs);
    if (spec && !spec.hidden && inDir(name, dir)) return { kind: 'cmd', spec, path: programPath(name) };
    if (spec && spec.hidden && inDir(name, dir)) return { kind: 'cmd', spec, path: programPath(name) };
    const full = `${dir === '' ? '.' : dir}/${name}`;
    // Skip a directory without that entry before resolving (no exception per PATH entry).
    const parent = host.vfs.tryLookup(dir === '' ? '.' : dir, { cwd });
    if (!parent || parent.kind !== 'dir' || !parent.children.has(name)) continue;
    try {
      const node = host.vfs.lookup(full, { cwd });
      if (node.kind === 'file' && (node.mode & 0o111) !== 0) return { kind: 'script', path: full };
    } catch {
      // not in this directory
    }
  }
  throw new KernelError('ENOENT');
}

/** The registered program a placeholder file names (install.ts programStub), if it names one. */
function stubTarget(data: string): string | undefined {
  return /^\x7fELF\x02\x01\x01\x00packetlab builtin program (\S+)\n/.exec(data)?.[1];
}

/** The registered program `name` is, in a root file system with `programs` (undefined: the host's). */
function programSpec(name: string, programs?: Map<string, string>): CommandSpec | undefined {
  if (!programs) return lookupCommand(name);
  const impl = programs.get(name);
  return impl === undefined ? undefined : lookupCommand(impl);
}

function resolvePath(host: HostView, name: string, cwd: string, programs?: Map<string, string>): ProgramRef {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const abs = name.startsWith('/') ? name : `${cwd}/${name}`;
  let node;
  try {
    node = host.vfs.lookup(abs, { cwd });
  } catch (e) {
    // A registered program at its installed path need not exist as a file.
    const spec = programSpec(base, programs);
    const norm = abs.replace(/\/+/g, '/');
    if (spec && (norm === programPath(base) || norm === programPath(base).replace('/usr', ''))) return { kind: 'cmd', spec, path: norm };
    throw e;
  }
  if (node.kind === 'dir' || node.kind === 'gendir') throw new KernelError('EISDIR');
  if (node.kind === 'file') {
    if ((node.mode & 0o111) === 0) throw new KernelError('EACCES');
    // A stub binary placed at a program's path runs the registered program.
    const named = stubTarget(node.data);
    const spec = programSpec(named ?? base, programs);
    if (spec && node.data.startsWith('\x7fELF')) return { kind: 'cmd', spec, path: abs };
    return { kind: 'script', path: abs };
  }
  throw new KernelError('EACCES');
}

export type { Running, SpawnOptions } from '../userland/runner.ts';

const killers = new WeakMap<Process, (code: number) => void>();

/**
 * Create a process and run `body` in it. The process is reaped when `body`
 * settles or when it is killed (SIGKILL resolves `done` with 137 at once and
 * silences its output). A JavaScript fault in `body` becomes one line on
 * stderr and exit status 1, never a stack trace.
 */
export function spawnWith(
  host: HostView,
  ppid: number,
  argv: string[],
  opts: SpawnOptions,
  body: (p: Process) => Promise<number> | number,
): Running {
  let alive = true;
  const p = host.procs.spawn({
    ppid,
    argv,
    env: opts.env,
    cwd: opts.cwd,
    netns: opts.netns,
    stdin: opts.stdin,
    stdout: gateOut(opts.stdout, () => alive),
    stderr: gateOut(opts.stderr, () => alive),
    exec: makeExec(host),
  });
  if (opts.tty !== undefined) p.tty = opts.tty;
  attachHost(p, host);
  let forced: ((code: number) => void) | undefined;
  const killed = new Promise<number>((resolve) => {
    forced = resolve;
  });
  killers.set(p, (code) => forced?.(code));
  p.reap = (code) => forced?.(code);
  const run = (async (): Promise<number> => {
    try {
      return await body(p);
    } catch (e) {
      return reportFault(p, e);
    }
  })();
  const done = Promise.race([run, killed]).then((code) => {
    alive = false;
    p.exit(code);
    return code;
  });
  return { proc: p, done };
}

/** Turn an exception escaping a program into a message and a status. */
export function reportFault(p: Process, e: unknown): number {
  const name = p.comm || 'sh';
  try {
    if (e instanceof WriteError) p.stderr.write(`${name}: write error: ${e.message}\n`);
    else if (e instanceof KernelError) p.stderr.write(`${name}: ${e.message}\n`);
    else p.stderr.write(`${name}: internal error: ${errText(e).split('\n')[0]}\n`);
  } catch {
    // the error stream itself failed; nothing more to say
  }
  return 1;
}

/** Spawn a resolved program. */
export function spawnProgram(host: HostView, ppid: number, argv: string[], opts: SpawnOptions, ref: ProgramRef): Running {
  if (ref.kind === 'cmd') return spawnWith(host, ppid, argv, opts, (p) => ref.spec.run(p));
  const { spec, args } = scriptCommand(host, ref.path, opts.cwd, argv);
  return spawnWith(host, ppid, args, opts, (p) => (spec ? spec.run(p) : 127));
}

/**
 * How the kernel runs a script file (binfmt_script): a `#!` line naming a
 * registered program runs that program with argv [interp, optional-arg,
 * path, args...]; anything else is read by bash.
 */
export function scriptCommand(host: HostView, path: string, cwd: string, argv: string[]): { spec: CommandSpec | undefined; args: string[] } {
  let head = '';
  try {
    head = host.vfs.readFile(path, { cwd }).slice(0, 256);
  } catch {
    // unreadable: bash reports it
  }
  const m = /^#![ \t]*(\S+)(?:[ \t]+([^\n]*?))?[ \t]*(?:\n|$)/.exec(head);
  const interp = m ? lookupCommand(m[1]) : undefined;
  if (m && interp) return { spec: interp, args: [interp.name, ...(m[2] ? [m[2]] : []), path, ...argv.slice(1)] };
  return { spec: lookupCommand('bash'), args: ['bash', path, ...argv.slice(1)] };
}

/** Deliver a signal; SIGKILL reaps the process at once with status 137. */
export function sendSignal(p: Process, sig: Signal, code?: number): void {
  if (p.state === 'Z') return;
  p.signal(sig);
  if (sig === 'SIGKILL') killers.get(p)?.(code ?? 128 + SIGNUM.SIGKILL);
}

setKillHook((p) => sendSignal(p, 'SIGKILL'));

// Daemons (the kubelet) start and signal processes through this seam.
setProcessRunner({ spawnWith, sendSignal });

setBootSpawner((host, argv, io) => {
  const h = host as HostView;
  const env = io.env ?? { PATH: DEFAULT_PATH };
  const cwd = io.cwd ?? '/';
  const ref = resolveProgram(h, argv[0] ?? '', env.PATH, cwd);
  return spawnProgram(h, 1, argv, { env, cwd, netns: io.netns, stdin: io.stdin ?? devNullIn, stdout: io.stdout ?? devNullOut, stderr: io.stderr ?? devNullOut }, ref);
});

/** Every live process whose ancestry includes one of `roots` (roots included). */
export function processTree(host: HostView, roots: Process[]): Process[] {
  const all = host.procs.list();
  const set = new Set<number>(roots.filter((r) => r.state !== 'Z').map((r) => r.pid));
  let grew = true;
  for (let round = 0; grew && round < 64; round++) {
    grew = false;
    for (const q of all) {
      if (!set.has(q.pid) && set.has(q.ppid)) {
        set.add(q.pid);
        grew = true;
      }
    }
  }
  return all.filter((q) => set.has(q.pid));
}

/** Signal whole process trees (a job's process group, roughly). Children first. */
export function signalTrees(host: HostView, roots: Process[], sig: Signal): void {
  for (const q of processTree(host, roots).reverse()) sendSignal(q, sig);
}

/** The ExecFn of processes on `host`: run a child program and wait for it. */
export function makeExec(host: HostView): ExecFn {
  return async (parent: Process, argv: string[], opts: ExecOptions = {}): Promise<number> => {
    const env = opts.env ?? parent.env;
    const cwd = opts.cwd ?? parent.cwd;
    const ref = resolveProgram(host, argv[0] ?? '', env.PATH, cwd, parent.programs);
    const r = spawnProgram(
      host,
      parent.pid,
      argv,
      {
        env: { ...env },
        cwd,
        netns: opts.netns ?? parent.netns,
        stdin: opts.stdin ?? parent.stdin,
        stdout: opts.stdout ?? parent.stdout,
        stderr: opts.stderr ?? parent.stderr,
        tty: opts.tty,
      },
      ref,
    );
    opts.onSpawn?.(r.proc);
    // A parent killed by SIGKILL takes its waiting child with it.
    const off = parent.onSignal((sig) => {
      if (sig === 'SIGKILL') sendSignal(r.proc, 'SIGKILL');
    });
    try {
      return await r.done;
    } finally {
      off();
    }
  };
}
