// Commands are declarative specs: name, summary, usage and options feed
// `help`, Tab completion and the generated command reference, so they cannot
// drift from what `run` implements.

import type { Process } from '../kernel/proc.ts';

/** One documented option of a command. */
export interface OptionSpec {
  /** As typed, e.g. `-c` or `--count`; several spellings separated by `, `. */
  flag: string;
  /** Name of its argument, if it takes one. */
  arg?: string;
  /** What it does (one line). */
  desc: string;
}

/** A program the simulated host can run. */
export interface CommandSpec {
  name: string;
  /** One line: what the command is for. */
  summary: string;
  /** Synopsis as a man page shows it. */
  usage?: string;
  options?: OptionSpec[];
  /** Sub-commands or objects supported (e.g. `ip`: link, addr, route...). */
  subcommands?: string[];
  /** Run the program; resolve to its exit status. Never throws for user mistakes. */
  run(p: Process): Promise<number> | number;
  /** Extra completions for the word being typed (beyond files). */
  complete?(p: Process, words: string[]): string[];
  /** Hidden from help and the reference (aliases such as `ifconfig` variants). */
  hidden?: boolean;
}

const commands = new Map<string, CommandSpec>();

/** Add a command to the registry (a later registration replaces an earlier one). */
export function register(spec: CommandSpec): void {
  commands.set(spec.name, spec);
}

/** Look a command up by name (the basename of argv[0]). */
export function lookupCommand(name: string): CommandSpec | undefined {
  return commands.get(name.slice(name.lastIndexOf('/') + 1));
}

/** All registered commands, sorted by name. */
export function allCommands(): CommandSpec[] {
  return [...commands.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** I/O of a program started by init. */
export interface BootIo {
  netns: unknown;
  stdin?: import('../kernel/proc.ts').InStream;
  stdout?: import('../kernel/proc.ts').OutStream;
  stderr?: import('../kernel/proc.ts').OutStream;
  env?: Record<string, string>;
  /** Working directory (default `/`; a login starts in the home directory). */
  cwd?: string;
}

/** Starts `argv` as a child of init (pid 1) of a host; resolves with its exit status. */
export type BootSpawner = (host: unknown, argv: string[], io: BootIo) => { proc: Process; done: Promise<number> };
let bootSpawner: BootSpawner | undefined;

/** Installed once by the module that runs programs (shell/exec.ts). */
export function setBootSpawner(f: BootSpawner): void {
  bootSpawner = f;
}

/**
 * Start a program from init, as systemd starts daemons at boot (dockerd,
 * containerd) and as a lab check runs a client program: userland gets this
 * without importing the shell. Throws KernelError ENOENT for an unknown program.
 */
export function bootSpawn(host: unknown, argv: string[], io: BootIo): { proc: Process; done: Promise<number> } {
  if (!bootSpawner) throw new Error('no program runner installed');
  return bootSpawner(host, argv, io);
}
