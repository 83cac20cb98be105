// A world: simulated hosts (one kernel each), the cables between them, one
// virtual clock and one seeded random source. Labs describe a world as data
// (see labs/) and build it with this API.

import { Clock } from '../kernel/clock.ts';
import { Rng } from '../kernel/rng.ts';
import { Kernel, type HostOptions } from '../kernel/kernel.ts';
import { drive, type DriveOptions, type DriveResult } from './driver.ts';

/** Options of a new world. */
export interface WorldOptions {
  /** Seed of every random choice (MACs, ports...). Default 1. */
  seed?: number;
}

/** A set of hosts sharing a clock. */
export class World {
  readonly clock = new Clock();
  readonly rng: Rng;
  readonly seed: number;
  readonly hosts = new Map<string, Kernel>();

  constructor(opts: WorldOptions = {}) {
    this.seed = opts.seed ?? 1;
    this.rng = new Rng(this.seed);
  }

  /** Boot a new host (a bare host unless options say otherwise). */
  addHost(name: string, opts: Omit<HostOptions, 'hostname'> & { hostname?: string } = {}): Kernel {
    if (this.hosts.has(name)) throw new Error(`world: duplicate host ${name}`);
    const k = new Kernel({ ...opts, hostname: opts.hostname ?? name }, this.clock, this.rng.fork());
    this.hosts.set(name, k);
    return k;
  }

  /** The host named `name` (throws on a typo in lab data). */
  host(name: string): Kernel {
    const k = this.hosts.get(name);
    if (!k) throw new Error(`world: no host ${name}`);
    return k;
  }

  /** Run the clock until `work` settles (see driver.ts). */
  run<T>(work: Promise<T>, opts?: DriveOptions): Promise<DriveResult<T>> {
    return drive(this.clock, work, opts);
  }

  /** Advance virtual time by `ms`, running every timer on the way. */
  advance(ms: number): void {
    this.clock.advance(ms);
  }
}

/** A world holding one bare host named `host`: the fidelity kit's starting state. */
export function bareWorld(seed = 1): World {
  const w = new World({ seed });
  w.addHost('host');
  return w;
}
