// What a userland program sees of the host it runs on. The shell attaches
// the host kernel to every process it spawns; programs reach the file
// system, clock and process table through `hostOf(p)`. (A structural type so
// userland does not depend on kernel internals.)

import type { Clock } from '../../kernel/clock.ts';
import type { Process, ProcessTable } from '../../kernel/proc.ts';
import type { Vfs } from '../../kernel/vfs.ts';
import { KernelError } from '../../kernel/errno.ts';

/** The parts of a kernel userland programs use. */
export interface HostView {
  vfs: Vfs;
  clock: Clock;
  procs: ProcessTable;
  hostname: string;
  /** Names of named network namespaces (/run/netns). */
  netnsNames?(): string[];
  /** Interface names of a namespace (for Tab completion). */
  interfaceNames?(netns: unknown): string[];
}

const hosts = new WeakMap<Process, HostView>();

/** Record which host a process runs on (called by whoever spawns it). */
export function attachHost(p: Process, host: HostView): void {
  hosts.set(p, host);
}

/** The host a process runs on. Throws for a process nobody attached (a bug). */
export function hostOf(p: Process): HostView {
  const h = hosts.get(p) ?? (p as unknown as { kernel?: HostView }).kernel ?? (p.netns as { kernel?: HostView } | undefined)?.kernel;
  if (!h) throw new Error(`process ${p.pid} has no host`);
  return h;
}

/** Error raised by a write to a file that the kernel refused (e.g. EINVAL from /proc/sys). */
export class WriteError extends KernelError {}

/** Print `prog: message` on stderr. */
export function warn(p: Process, msg: string): void {
  p.stderr.write(`${p.comm || 'sh'}: ${msg}\n`);
}

/** strerror text of a KernelError, or the message of another error. */
export function errText(e: unknown): string {
  if (e instanceof KernelError) return e.message;
  return e instanceof Error ? e.message : String(e);
}

/** Read all of stdin (bounded to 64 MiB). */
export async function readAll(p: Process, limit = 64 * 1024 * 1024): Promise<string> {
  let s = '';
  for (;;) {
    const c = await p.stdin.read();
    if (c === null) return s;
    s += c;
    if (s.length > limit) return s;
  }
}

/**
 * Iterate over the lines of stdin as they arrive (a line includes its `\n`;
 * the last one may lack it). Stops early if the process is signalled.
 */
export async function* readLines(p: Process): AsyncGenerator<string> {
  let buf = '';
  for (;;) {
    const c = await p.stdin.read();
    if (c === null) break;
    buf += c;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      yield buf.slice(0, nl + 1);
      buf = buf.slice(nl + 1);
    }
    if (p.pendingSignal === 'SIGKILL') return;
  }
  if (buf) yield buf;
}
