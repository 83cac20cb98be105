// A world: simulated hosts (one kernel each), the cables between them, one
// virtual clock and one seeded random source. Labs describe a world as data
// (see labs/) and build it with this API.

import { Clock } from '../kernel/clock.ts';
import { Rng } from '../kernel/rng.ts';
import { Kernel, type HostOptions } from '../kernel/kernel.ts';
import { PathRecorder } from './paths.ts';
import { drive, type DriveOptions, type DriveResult } from './driver.ts';
import type { Segment } from '../kernel/netdev.ts';
import type { NetDevice } from '../kernel/netdev.ts';
import { parseIp4 } from '../kernel/addr.ts';

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
  /** Each host's last traced packet (the packet-path view's source). */
  readonly paths = new PathRecorder(() => this.hosts.values());

  constructor(opts: WorldOptions = {}) {
    this.seed = opts.seed ?? 1;
    this.rng = new Rng(this.seed);
  }

  /** Boot a new host (a bare host unless options say otherwise). */
  addHost(name: string, opts: Omit<HostOptions, 'hostname'> & { hostname?: string } = {}): Kernel {
    if (this.hosts.has(name)) throw new Error(`world: duplicate host ${name}`);
    const k = new Kernel({ ...opts, hostname: opts.hostname ?? name }, this.clock, this.rng.fork());
    this.hosts.set(name, k);
    this.paths.attach(k);
    return k;
  }

  readonly segments = new Map<string, Segment>();

  /** A physical Ethernet segment (switch) joining hosts; created on first use. */
  segment(name: string, latencyMs = 0.05): Segment {
    let s = this.segments.get(name);
    if (!s) {
      s = { name, ports: [], fdb: new Map(), latency: latencyMs };
      this.segments.set(name, s);
    }
    return s;
  }

  /**
   * Plug a new NIC `ifname` of `host` (in its initial namespace) into
   * segment `seg`; optionally address it (`10.0.0.1/24`), bring it up and
   * add a default route via `gateway`.
   */
  attach(host: string, ifname: string, seg: string, opts: { addr?: string; up?: boolean; gateway?: string; mac?: string } = {}): NetDevice {
    const k = this.host(host);
    const ns = k.initNs;
    const dev = ns.linkAdd({ name: ifname, kind: 'ether', address: opts.mac });
    dev.addrAssign = 'permanent';
    const s = this.segment(seg);
    s.ports.push(dev);
    dev.segment = s;
    if (opts.addr) {
      const [a, l] = opts.addr.split('/');
      ns.addrAdd(dev, { local: parseIp4(a)!, prefixlen: Number(l ?? 32), broadcast: 'auto' });
    }
    if (opts.up ?? true) ns.setUp(dev, true);
    if (opts.gateway) {
      ns.routeAdd(
        { table: 254, type: 'unicast', dst: 0, dstLen: 0, tos: 0, metric: 0, protocol: 'boot', scope: 0, onlink: false, gateway: parseIp4(opts.gateway)! },
        { create: true, excl: true, replace: false },
      );
    }
    return dev;
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

  private readonly bootWork: (() => Promise<unknown>)[] = [];

  /**
   * Work a machine finishes before anyone logs in (a cluster's pods starting,
   * kube-proxy's first sync): `boot()` runs the clock until it is done.
   */
  onBoot(work: () => Promise<unknown>): void {
    this.bootWork.push(work);
  }

  /**
   * Run the clock (fast, deterministic) until every boot work is done, so a
   * terminal's first prompt finds the world as a learner expects it: up.
   * Bounded by `maxVirtualMs` per work.
   */
  async boot(maxVirtualMs = 120_000): Promise<void> {
    for (const w of this.bootWork) await this.run(w(), { maxVirtualMs });
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
