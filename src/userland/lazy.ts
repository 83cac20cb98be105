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
import type { CommandStub } from './manifest.ts';
import { installedDnsBackend, setDnsBackend, type DnsBackend } from './lib/resolve.ts';
import { lookupCommand, register, type CommandSpec } from './registry.ts';

const loading = new Map<ChunkName, Promise<unknown>>();

/** Import a chunk once (its modules register their commands). */
export function loadChunk(name: ChunkName): Promise<unknown> {
  let p = loading.get(name);
  if (!p) {
    p = CHUNKS[name]();
    loading.set(name, p);
  }
  return p;
}

/** Whether a chunk's import has been started. */
export function chunkRequested(name: ChunkName): boolean {
  return loading.has(name);
}

/** The spec a command has once its chunk is in (never the stub itself). */
async function realSpec(stub: CommandStub, self: CommandSpec): Promise<CommandSpec | undefined> {
  await holdClock(loadChunk(stub.chunk));
  const spec = lookupCommand(stub.name);
  return spec && spec !== self ? spec : undefined;
}

function stubSpec(stub: CommandStub): CommandSpec {
  const self: CommandSpec = {
    name: stub.name,
    summary: stub.summary,
    usage: stub.usage,
    options: stub.options,
    subcommands: stub.subcommands,
    hidden: stub.hidden,
    optstring: stub.optstring,
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

for (const stub of COMMANDS) if (!lookupCommand(stub.name)) register(stubSpec(stub));

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
