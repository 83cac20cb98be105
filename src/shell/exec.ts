// Running programs: finding a command on PATH (registered programs live in
// /usr/bin or /usr/sbin as on Debian), spawning it as a Process of the host,
// delivering signals (SIGKILL cannot be caught: the process is reaped at
// once), and the ExecFn programs use to run children (`ip netns exec`,
// `timeout`, `xargs`, `env`).

import { KernelError } from '../kernel/errno.ts';
import type { ExecFn, ExecOptions, InStream, OutStream, Process, Signal } from '../kernel/proc.ts';
import { SIGNUM } from '../kernel/proc.ts';
import { lookupCommand, setBootSpawner, type CommandSpec } from '../userland/registry.ts';
import { devNullIn, devNullOut } from '../kernel/proc.ts';
import { attachHost, errText, WriteError, type HostView } from '../userland/coreutils/host.ts';
import { gateOut } from './io.ts';
import { setKillHook } from '../userland/coreutils/misc.ts';

/** Programs Debian installs in /usr/sbin (everything else registered is in /usr/bin). */
const SBIN = new Set([
  'ip', 'iptables', 'iptables-save', 'iptables-restore', 'ip6tables', 'ip6tables-save', 'ip6tables-restore', 'iptables-legacy',
  'iptables-nft', 'xtables-nft-multi', 'ebtables', 'ipset', 'nft', 'sysctl', 'bridge', 'brctl', 'ifconfig', 'route', 'arp',
  'conntrack', 'tc', 'dnsmasq', 'chroot', 'ethtool', 'modprobe', 'lsmod', 'ipvsadm', 'arping', 'iw', 'dhclient', 'ipmaddr',
  'iptunnel', 'nameif', 'plipconfig', 'rarp', 'slattach', 'mii-tool', 'devlink', 'rtacct', 'genl', 'dcb', 'tipc', 'vdpa',
]);

/** Directories of the default PATH in search order. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The path where a registered program is installed. */
export function programPath(name: string): string {
  return (SBIN.has(name) ? '/usr/sbin/' : '/usr/bin/') + name;
}

/** A program found on the file system or in the registry. */
export type ProgramRef = { kind: 'cmd'; spec: CommandSpec; path: string } | { kind: 'script'; path: string };

/** Is `dir` (a PATH entry) where the registered program `name` lives? */
function inDir(name: string, dir: string): boolean {
  const d = dir.replace(/\/+$/, '') || '/';
  const home = SBIN.has(name) ? ['/usr/sbin', '/sbin'] : ['/usr/bin', '/bin'];
  return home.includes(d);
}

/**
 * Resolve a command name as execvp(3) would. Throws KernelError ENOENT when
 * it cannot be found, EACCES when the file is not executable, EISDIR for a
 * directory.
 */
export function resolveProgram(host: HostView, name: string, path: string | undefined, cwd: string): ProgramRef {
  if (name === '') throw new KernelError('ENOENT');
  if (name.includes('/')) return resolvePath(host, name, cwd);
  for (const dir of (path ?? DEFAULT_PATH).split(':')) {
    const spec = lookupCommand(name);
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

function resolvePath(host: HostView, name: string, cwd: string): ProgramRef {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const abs = name.startsWith('/') ? name : `${cwd}/${name}`;
  let node;
  try {
    node = host.vfs.lookup(abs, { cwd });
  } catch (e) {
    // A registered program at its installed path need not exist as a file.
    const spec = lookupCommand(base);
    const norm = abs.replace(/\/+/g, '/');
    if (spec && (norm === programPath(base) || norm === programPath(base).replace('/usr', ''))) return { kind: 'cmd', spec, path: norm };
    throw e;
  }
  if (node.kind === 'dir' || node.kind === 'gendir') throw new KernelError('EISDIR');
  if (node.kind === 'file') {
    if ((node.mode & 0o111) === 0) throw new KernelError('EACCES');
    // A stub binary placed at a program's path runs the registered program.
    const spec = lookupCommand(base);
    if (spec && node.data.startsWith('\x7fELF')) return { kind: 'cmd', spec, path: abs };
    return { kind: 'script', path: abs };
  }
  throw new KernelError('EACCES');
}

/** A started program. */
export interface Running {
  proc: Process;
  /** Resolves with the exit status once the process is gone. */
  done: Promise<number>;
}

/** Options for spawning. */
export interface SpawnOptions {
  env: Record<string, string>;
  cwd: string;
  netns: unknown;
  stdin: InStream;
  stdout: OutStream;
  stderr: OutStream;
}

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
  // A script: run it with bash (a `#!` line naming another interpreter is honoured when registered).
  const bash = lookupCommand('bash');
  let interp: CommandSpec | undefined = bash;
  let text = '';
  try {
    text = host.vfs.readFile(ref.path, { cwd: opts.cwd });
  } catch {
    // unreadable: bash reports it
  }
  const m = /^#!\s*(\S+)/.exec(text);
  if (m) interp = lookupCommand(m[1]) ?? bash;
  const name = interp?.name ?? 'bash';
  const args = [name, ref.path, ...argv.slice(1)];
  return spawnWith(host, ppid, args, opts, (p) => (interp ? interp.run(p) : 127));
}

/** Deliver a signal; SIGKILL reaps the process at once with status 137. */
export function sendSignal(p: Process, sig: Signal, code?: number): void {
  if (p.state === 'Z') return;
  p.signal(sig);
  if (sig === 'SIGKILL') killers.get(p)?.(code ?? 128 + SIGNUM.SIGKILL);
}

setKillHook((p) => sendSignal(p, 'SIGKILL'));

setBootSpawner((host, argv, io) => {
  const h = host as HostView;
  const env = io.env ?? { PATH: DEFAULT_PATH };
  const ref = resolveProgram(h, argv[0] ?? '', env.PATH, '/');
  return spawnProgram(h, 1, argv, { env, cwd: '/', netns: io.netns, stdin: io.stdin ?? devNullIn, stdout: io.stdout ?? devNullOut, stderr: io.stderr ?? devNullOut }, ref);
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
    const ref = resolveProgram(host, argv[0] ?? '', env.PATH, cwd);
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
