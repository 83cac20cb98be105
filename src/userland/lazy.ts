// Every command, registered lazily (the browser worker's `userland/index.ts`,
// see astro.config.mjs): the registry gets each command's spec from
// commands.generated.ts, so help, Tab completion, `man`, `which` and the
// program files under /usr/bin know them all at once, while the code lives in
// a chunk (chunks.ts) imported when a command of it first runs. Its import
// replaces the stubs with the real specs. The virtual clock is held while a
// chunk loads (holdClock), so a run prints the same whether its chunks were
// loaded already or not.

import { holdClock } from '../world/driver.ts';
import type { Process } from '../kernel/proc.ts';
import { CHUNKS, type ChunkName } from './chunks.ts';
import { COMMANDS } from './commands.generated.ts';
import type { CommandDetail, CommandName } from './manifest.ts';
import { installedDnsBackend, setDnsBackend, type DnsBackend } from './lib/dns-backend.ts';
import { lookupCommand, register, type CommandSpec } from './registry.ts';

const loading = new Map<ChunkName, Promise<unknown>>();

/** The stubs registered here, by name (their details are filled in by loadDetails). */
const stubs = new Map<string, CommandSpec>();
let details: Promise<void> | undefined;

/**
 * Fill the stubs' usage, options and sub-commands in (once). The worker
 * starts it after the prompt; every chunk load waits for it, so whatever a
 * program prints from specs (`man`, `help`) never depends on load timing.
 */
export function loadDetails(): Promise<void> {
  return (details ??= import('./commands-detail.generated.ts').then(({ DETAILS }) => {
    for (const [name, spec] of stubs) {
      const d: CommandDetail | undefined = DETAILS[name];
      if (d) Object.assign(spec, d);
    }
  }));
}

/** Import a chunk once (its modules register their commands), with the stubs' details. */
export function loadChunk(name: ChunkName): Promise<unknown> {
  let p = loading.get(name);
  if (!p) {
    p = Promise.all([CHUNKS[name](), loadDetails()]);
    loading.set(name, p);
  }
  return p;
}

/** After the prompt: the stubs' details and the everyday commands (coreutils, ip, ping), so a first command rarely waits. */
export function prefetchCommands(): void {
  if (!stubs.size) return;
  void loadDetails().then(() => loadChunk('core'));
}

/** Whether a chunk's import has been started. */
export function chunkRequested(name: ChunkName): boolean {
  return loading.has(name);
}

/** The spec a command has once its chunk is in (never the stub itself). */
async function realSpec(stub: CommandName, self: CommandSpec): Promise<CommandSpec | undefined> {
  await holdClock(loadChunk(stub.chunk));
  const spec = lookupCommand(stub.name);
  return spec && spec !== self ? spec : undefined;
}

function stubSpec(stub: CommandName): CommandSpec {
  const self: CommandSpec = {
    name: stub.name,
    // With the details (loadDetails): only `help` and `man` print it, and both wait for them.
    summary: '',
    hidden: stub.hidden,
    async run(p: Process) {
      const spec = await realSpec(stub, self);
      if (!spec) {
        p.stderr.write(`${stub.name}: command not found\n`);
        return 127;
      }
      return spec.run(p);
    },
  };
  // Own completions come with the code: start loading it; the spec's options and sub-commands answer meanwhile.
  if (stub.completes) self.complete = () => (void loadChunk(stub.chunk), []);
  return self;
}

for (const stub of COMMANDS) {
  if (lookupCommand(stub.name)) continue;
  const spec = stubSpec(stub);
  stubs.set(stub.name, spec);
  register(spec);
}

// `help COMMAND` (a shell-side program, never lazy) prints a spec's usage and options: it waits for the details.
const help = lookupCommand('help');
if (help && stubs.size) {
  const run = help.run;
  help.run = async (p) => {
    await holdClock(loadDetails());
    return run.call(help, p);
  };
}

// getaddrinfo's DNS lookups live in the dns chunk; its import installs the real backend.
const viaDnsChunk = <K extends keyof DnsBackend>(k: K): DnsBackend[K] =>
  (async (...args: unknown[]) => {
    await holdClock(loadChunk('dns'));
    const real = installedDnsBackend();
    if (!real || real === lazyBackend) throw new Error('the dns chunk did not install its resolver');
    return (real[k] as (...a: unknown[]) => unknown)(...args);
  }) as DnsBackend[K];
const lazyBackend: DnsBackend = { addrInfo: viaDnsChunk('addrInfo'), hostByName: viaDnsChunk('hostByName'), hostByAddr: viaDnsChunk('hostByAddr') };
if (!installedDnsBackend()) setDnsBackend(lazyBackend);
