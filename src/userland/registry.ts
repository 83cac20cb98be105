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
  /**
   * The simulation does not model this option: the command refuses it with
   * `<tool>: <option>: not simulated` and a non-zero status (see
   * `refuseNotSimulated`), and /reference/ lists it. The text says why or
   * what to use instead.
   */
  notSimulated?: string;
  /**
   * Arguments that complete a command line using this option, for the
   * audit test (e.g. `-c 1 127.0.0.1` for ping). The option itself (with
   * `x` or `probeArg` for its argument) goes first.
   */
  probe?: string;
  /** The argument the audit test passes to this option (default `1`). */
  probeArg?: string;
  /** The argument may be left out (`--color[=WHEN]`); long spellings only. */
  argOptional?: boolean;
}

/**
 * The getopt_long tables a command parses with, derived from its spec's
 * options, so the options a command documents are exactly the ones it
 * parses: each option's key is its first spelling; short spellings go into
 * the optstring (`x:` when it takes an argument), long ones into longopts.
 */
export function specGetopt(options: readonly OptionSpec[]): { optstring: string; longopts: { name: string; arg: 'none' | 'required' | 'optional'; key: string }[] } {
  let optstring = '';
  const longopts: { name: string; arg: 'none' | 'required' | 'optional'; key: string }[] = [];
  for (const o of options) {
    const spellings = o.flag.split(/,\s*/);
    const key = spellings[0];
    for (const sp of spellings) {
      if (/^-[^-]$/.test(sp)) optstring += sp[1] + (o.arg ? ':' : '');
      else if (sp.startsWith('--')) longopts.push({ name: sp.slice(2), arg: o.arg ? (o.argOptional ? 'optional' : 'required') : 'none', key });
    }
  }
  return { optstring, longopts };
}

/** Exit status of a command refusing something the simulation does not model. */
export const NOT_SIMULATED_STATUS = 1;

/** The one message every tool prints for an unmodelled option, sysctl or attribute. */
export function notSimulatedMessage(tool: string, item: string): string {
  return `${tool}: ${item}: not simulated\n`;
}

/** Print the refusal on stderr; returns NOT_SIMULATED_STATUS for `return`. */
export function refuseNotSimulated(p: { stderr: { write(s: string): void } }, tool: string, item: string): number {
  p.stderr.write(notSimulatedMessage(tool, item));
  return NOT_SIMULATED_STATUS;
}

/** Something other than a command-line option that the simulation refuses (sysctl, device attribute, sub-option). */
export interface NotSimulatedItem {
  tool: string;
  kind: 'option' | 'sysctl' | 'attribute' | 'subcommand';
  item: string;
  why: string;
}

const notSimulatedExtra: NotSimulatedItem[] = [];

/** Declare items outside `options` that a command refuses (listed on /reference/). */
export function declareNotSimulated(...items: NotSimulatedItem[]): void {
  for (const it of items) if (!notSimulatedExtra.some((x) => x.tool === it.tool && x.item === it.item)) notSimulatedExtra.push(it);
}

/** Every not-simulated item: options marked in the specs plus declared ones, by tool then item. */
export function notSimulatedItems(): NotSimulatedItem[] {
  const out: NotSimulatedItem[] = [];
  for (const c of allCommands()) {
    for (const o of c.options ?? []) if (o.notSimulated !== undefined) out.push({ tool: c.name, kind: 'option', item: o.flag, why: o.notSimulated });
  }
  out.push(...notSimulatedExtra);
  return out.sort((a, b) => (a.tool === b.tool ? (a.item < b.item ? -1 : a.item > b.item ? 1 : 0) : a.tool < b.tool ? -1 : 1));
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
  /**
   * The getopt string the command parses with, when it uses one: the audit
   * test requires every letter in it to be listed in `options` (honoured or
   * marked notSimulated), so no parsed option is silently ignored.
   */
  optstring?: string;
}

/**
 * Refuse the first parsed option the spec of `tool` marks not simulated;
 * returns the exit status to return, or undefined when every option is modelled.
 */
export function refuseMarkedOptions(p: { stderr: { write(s: string): void } }, tool: string, keys: Iterable<string>): number | undefined {
  const spec = lookupCommand(tool);
  if (!spec) return undefined;
  for (const k of keys) if (notSimulatedOption(spec, k)) return refuseNotSimulated(p, tool, k);
  return undefined;
}

/** The spec option of `flag` (one of its `, `-separated spellings) if it is marked not simulated. */
export function notSimulatedOption(spec: CommandSpec, flag: string): OptionSpec | undefined {
  return spec.options?.find((o) => o.notSimulated !== undefined && o.flag.split(/,\s*/).includes(flag));
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
