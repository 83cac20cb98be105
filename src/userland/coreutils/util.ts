// Shared helpers of the core utilities: option parsing with GNU's messages,
// reading files or stdin, and the file-system context of a process.

import type { Process } from '../../kernel/proc.ts';
import type { VNode } from '../../kernel/vfs.ts';
import { KernelError } from '../../kernel/errno.ts';
import { utf8Len } from '../../kernel/packet.ts';
import { getopt, type LongOpt } from '../lib/getopt.ts';
import { hostOf, readAll } from './host.ts';

/** Parsed options: a map from key (`-n`, `--lines`) to its last value, plus operands. */
export interface Opts {
  has(k: string): boolean;
  get(k: string): string | undefined;
  /** Every [key, value] in order. */
  list: [string, string | undefined][];
  args: string[];
}

/**
 * Parse GNU-style options. On error prints `prog: ERROR` and the `Try` line
 * and returns undefined.
 */
export function parseOpts(p: Process, spec: string, longopts: LongOpt[] = [], permute = true): Opts | undefined {
  const r = getopt(p.argv.slice(1), spec, longopts, permute);
  const prog = p.argv[0];
  if (r.error) {
    p.stderr.write(`${prog}: ${r.error}\nTry '${prog} --help' for more information.\n`);
    return undefined;
  }
  const m = new Map<string, string | undefined>();
  for (const [k, v] of r.opts) m.set(k, v);
  return { has: (k) => m.has(k), get: (k) => m.get(k), list: r.opts, args: r.args };
}

/** Print `prog: MSG` and the `Try` line (usage errors). */
export function usageError(p: Process, msg: string): void {
  const prog = p.argv[0];
  p.stderr.write(`${prog}: ${msg}\nTry '${prog} --help' for more information.\n`);
}

/** Read a file operand (`-` is stdin). Throws KernelError. */
export async function readInput(p: Process, file: string): Promise<string> {
  if (file === '-') return readAll(p);
  const vfs = hostOf(p).vfs;
  return vfs.readFile(file, p.vfsCtx());
}

/** Look a path up from the process's view; undefined when absent. */
export function statPath(p: Process, path: string, follow = true): VNode | undefined {
  try {
    return hostOf(p).vfs.lookup(path, p.vfsCtx(), follow);
  } catch {
    return undefined;
  }
}

/** strerror text of an error from the VFS (internal faults are rethrown). */
export function errMsg(e: unknown): string {
  if (e instanceof KernelError) return e.message;
  throw e;
}

/** Byte length of a string as UTF-8 (what `wc -c` and `ls -l` report). */
export const byteLength = utf8Len;

/** Split text into lines keeping the information whether the last one ended with `\n`. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Is the process signalled (stop producing output)? */
export function stopped(p: Process): boolean {
  return p.pendingSignal !== undefined;
}

/** Directory node? */
export function isDir(n: VNode | undefined): boolean {
  return n !== undefined && (n.kind === 'dir' || n.kind === 'gendir');
}
