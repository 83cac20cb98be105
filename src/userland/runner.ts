// The process-runner seam between daemons and the shell. The kubelet (like
// init starting dockerd through the registry's `bootSpawn`) must create and
// signal processes, but process creation with PATH search, fault reporting
// and SIGKILL reaping belongs to the shell layer above (shell/exec.ts). That
// layer registers its implementation here once (`setProcessRunner`); daemons
// call `spawnWith` / `sendSignal` without importing the shell.

import type { InStream, OutStream, Process, Signal } from '../kernel/proc.ts';
import type { HostView } from './coreutils/host.ts';

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
  /** Controlling terminal of the new process (default: the parent's). */
  tty?: string;
}

/** What the shell layer provides to daemons. */
export interface ProcessRunner {
  /** Create a process on `host` running `body`; see shell/exec.ts. */
  spawnWith(host: HostView, ppid: number, argv: string[], opts: SpawnOptions, body: (p: Process) => Promise<number> | number): Running;
  /** Deliver a signal; SIGKILL reaps at once with status 137. */
  sendSignal(p: Process, sig: Signal, code?: number): void;
}

let runner: ProcessRunner | undefined;

/** Installed once by the module that runs programs (shell/exec.ts). */
export function setProcessRunner(r: ProcessRunner): void {
  runner = r;
}

function installed(): ProcessRunner {
  if (!runner) throw new Error('no program runner installed');
  return runner;
}

/** Create a process on `host` running `body` (through the installed runner). */
export function spawnWith(host: HostView, ppid: number, argv: string[], opts: SpawnOptions, body: (p: Process) => Promise<number> | number): Running {
  return installed().spawnWith(host, ppid, argv, opts, body);
}

/** Deliver a signal to `p` (through the installed runner). */
export function sendSignal(p: Process, sig: Signal, code?: number): void {
  installed().sendSignal(p, sig, code);
}
