// The neighbour (ARP) table of one namespace, with the NUD state machine:
//
//   (none) ─send─> INCOMPLETE ─reply─> REACHABLE ─30 s─> STALE ─use─> DELAY
//                     │ 3 probes                              5 s │   │ confirm
//                     ▼                                           ▼   ▼
//                   FAILED <──────── 3 unicast probes ────── PROBE  REACHABLE
//
// REACHABLE → STALE is computed lazily from the confirmation time; the
// other transitions run on virtual-clock timers.

import type { Ip4, Mac } from './addr.ts';
import type { Timer } from './clock.ts';
import type { NetDevice } from './netdev.ts';

export type NudState = 'INCOMPLETE' | 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'FAILED' | 'NOARP' | 'PERMANENT' | 'NONE';

/** A packet waiting for resolution: called with the MAC once known, or with undefined on failure. */
export type PendingSend = (mac: Mac | undefined) => void;

/** One neighbour entry. */
export interface NeighEntry {
  ip: Ip4;
  dev: NetDevice;
  mac?: Mac;
  state: NudState;
  /** Last confirmation of reachability (virtual ms). */
  confirmed: number;
  /** Last state change (virtual ms). */
  updated: number;
  /** Last time the entry was used to send (virtual ms). */
  used: number;
  probes: number;
  queue: PendingSend[];
  /** Source address of the oldest queued packet (arp_solicit reads it for arp_announce). */
  queueSrc?: Ip4;
  timer?: Timer;
  router: boolean;
  /** `ip neigh add ... proxy` entries. */
  proxy: boolean;
}

/** One neighbour as RTM_GETNEIGH reports it: a snapshot, with the NUD state at the time of the dump. */
export interface NeighInfo {
  readonly ip: Ip4;
  readonly dev: NetDevice;
  readonly mac?: Mac;
  readonly state: NudState;
  readonly router: boolean;
  readonly proxy: boolean;
}

/** RTM_NEWNEIGH: the entry to add or update. */
export interface NeighRequest {
  ip: Ip4;
  dev: NetDevice;
  /** NDA_LLADDR, `aa:bb:…` (fewer than six bytes is refused). */
  mac?: Mac;
  state: NudState;
  router?: boolean;
  proxy?: boolean;
}

/** Timing parameters (net.ipv4.neigh.default.*), in ms. */
export const NEIGH_PARAMS = {
  baseReachableTime: 30_000,
  delayFirstProbe: 5_000,
  retransTime: 1_000,
  mcastSolicit: 3,
  ucastSolicit: 3,
  unresQlen: 101,
  gcStaleTime: 60_000,
};

/** The neighbour table of one namespace. */
export class NeighTable {
  readonly entries: NeighEntry[] = [];

  find(ip: Ip4, dev: NetDevice): NeighEntry | undefined {
    return this.entries.find((e) => e.ip === ip && e.dev === dev);
  }

  /** Effective state at time `now` (REACHABLE decays to STALE lazily). */
  stateAt(e: NeighEntry, now: number): NudState {
    if (e.state === 'REACHABLE' && now - e.confirmed >= NEIGH_PARAMS.baseReachableTime) return 'STALE';
    return e.state;
  }

  /** Settle lazy transitions so the stored state is current. */
  refresh(e: NeighEntry, now: number): void {
    const s = this.stateAt(e, now);
    if (s !== e.state) {
      e.state = s;
      e.updated = e.confirmed + NEIGH_PARAMS.baseReachableTime;
    }
  }

  add(e: NeighEntry): void {
    this.entries.push(e);
  }

  remove(e: NeighEntry): void {
    const i = this.entries.indexOf(e);
    if (i >= 0) this.entries.splice(i, 1);
    e.queue.forEach((q) => q(undefined));
    e.queue = [];
  }

  /** Drop every entry of a device (device down or deleted). */
  flushDev(dev: NetDevice, keepPermanent = false): void {
    for (const e of [...this.entries]) if (e.dev === dev && !(keepPermanent && e.state === 'PERMANENT')) this.remove(e);
  }
}
