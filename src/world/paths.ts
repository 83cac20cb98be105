// The packet-path view's source, kept outside the kernel: the world attaches
// a recorder to every host's trace observers (Kernel.traceObservers) and
// remembers each host's last traced packet — ping's first echo, curl's SYN,
// a lab check's probe. The terminal's views and lab checks read it here.

import type { Kernel, TracedPacket } from '../kernel/kernel.ts';

/** The last traced packet of each host of a world. */
export class PathRecorder {
  private readonly last = new Map<Kernel, TracedPacket>();
  private readonly hosts: () => Iterable<Kernel>;

  constructor(hosts: () => Iterable<Kernel>) {
    this.hosts = hosts;
  }

  /** Start recording `k`'s traced packets. */
  attach(k: Kernel): void {
    k.traceObservers.add((t) => this.note(k, t));
  }

  private note(k: Kernel, t: TracedPacket): void {
    const prev = this.last.get(k);
    // A passing probe does not hide a failed one from the view.
    if (t.probe?.ok && prev?.probe && !prev.probe.ok) return;
    this.last.set(k, t);
  }

  /** The last traced packet of host `k`. */
  lastOf(k: Kernel): TracedPacket | undefined {
    return this.last.get(k);
  }

  /** The most recent traced packet on any host (a later host wins a tie). */
  newest(): TracedPacket | undefined {
    let best: TracedPacket | undefined;
    for (const k of this.hosts()) {
      const t = this.last.get(k);
      if (t && (!best || t.at >= best.at)) best = t;
    }
    return best;
  }
}
