// Small accessors userland uses to reach the kernel objects a process may
// see (its namespace, its host), and errno-to-text helpers.

import type { Kernel } from '../../kernel/kernel.ts';
import type { NetNs } from '../../kernel/netns.ts';
import type { Process } from '../../kernel/proc.ts';
import { KernelError } from '../../kernel/errno.ts';

/** The network namespace a process runs in. */
export function nsOf(p: Process): NetNs {
  return p.netns as NetNs;
}

/** The host kernel a process runs on. */
export function kernelOf(p: Process): Kernel {
  return nsOf(p).kernel;
}

/** strerror text of a KernelError, or rethrow anything else (an internal fault). */
export function errText(e: unknown): string {
  if (e instanceof KernelError) return e.message;
  throw e;
}

/** Write to stdout / stderr. */
export function out(p: Process, s: string): void {
  p.stdout.write(s);
}
export function err(p: Process, s: string): void {
  p.stderr.write(s);
}
