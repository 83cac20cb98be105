// What every kernel needs of the spanning tree before a bridge runs it: the
// STP variables' types, a port's effective state (forwarding when the bridge
// has no STP), the bridge attributes (`ip link … type bridge`, brctl) and
// the registry of the protocol itself (stp.ts). The protocol is loaded by
// what can turn STP on (ip, brctl) and registers itself: a bridge has
// `stp_state 1` only through bridgeSetOpts, which then needs it, so a
// browser worker whose learner never turns STP on never loads it.

import type { Timer } from './clock.ts';
import { fail } from './errno.ts';
import type { NetDevice } from './netdev.ts';
import type { EthFrame } from './packet.ts';
import type { Stp } from './stp.ts';

/** STP port states (BR_STATE_*), as `bridge link` names them. */
export type PortState = 'disabled' | 'listening' | 'learning' | 'forwarding' | 'blocking';

/** Per-port STP variables (struct net_bridge_port, the STP part). */
export interface StpPort {
  state: PortState;
  portId: number;
  designatedRoot: string;
  designatedCost: number;
  designatedBridge: string;
  designatedPort: number;
  fdTimer?: Timer;
  ageTimer?: Timer;
  /** When the recorded information arrived and how old it already was (ms). */
  ageStart?: number;
  ageBase?: number;
}

/** Per-bridge STP variables (struct net_bridge, the STP part). */
export interface StpBridge {
  designatedRoot: string;
  rootPathCost: number;
  rootPort: number;
  /** The bridge id the variables were computed with (priority or MAC changes replace it). */
  myId: string;
  helloTimer?: Timer;
  /** Operational timers learned from the root (centiseconds, as the bridge's own). */
  maxAge: number;
  helloTime: number;
  forwardDelay: number;
}

/** What the STP code needs from the stack. */
export interface StpHost {
  now(): number;
  setTimer(ms: number, fn: () => void): Timer;
  cancel(t: Timer | undefined): void;
  xmit(dev: NetDevice, frame: EthFrame): void;
  /** A port's state or the bridge's carrier may have changed. */
  changed(br: NetDevice): void;
}

/** A port's effective state: disabled when it or the bridge is down, forwarding without STP. */
export function portState(p: NetDevice): PortState {
  const br = p.master;
  if (!br || !br.bridge || !br.adminUp || !p.adminUp || !p.carrier) return 'disabled';
  if (!br.bridge.stp) return 'forwarding';
  return p.port?.stp?.state ?? 'blocking';
}

let makeStp: ((host: StpHost) => Stp) | undefined;

/** Called by stp.ts when it loads. */
export function registerStp(make: (host: StpHost) => Stp): void {
  makeStp = make;
}

/** A kernel's spanning tree (the stack asks once a bridge turns STP on). */
export function newStp(host: StpHost): Stp {
  if (!makeStp) throw new Error('the spanning tree (kernel/stp.ts) is not loaded: import it with what turns STP on');
  return makeStp(host);
}

/** Bridge attributes `ip link ... type bridge` and brctl set (IFLA_BR_*), times in centiseconds. */
export interface BridgeOpts {
  forwardDelay?: number;
  helloTime?: number;
  maxAge?: number;
  ageingTime?: number;
  stpState?: number;
  priority?: number;
}

/**
 * br_changelink: validate and apply bridge attributes as the kernel does
 * (hello_time 1-10 s and max_age 6-40 s always; forward_delay 2-30 s only
 * while STP runs; stp_state starts or stops the tree, clamping
 * forward_delay into range). Throws KernelError(ERANGE).
 */
export function bridgeSetOpts(br: NetDevice, o: BridgeOpts): void {
  const b = br.bridge!;
  const range = (v: number, lo: number, hi: number): void => {
    if (v < lo || v > hi) fail('ERANGE');
  };
  if (o.forwardDelay !== undefined) {
    if (b.stp) range(o.forwardDelay, 200, 3000);
    b.forwardDelay = o.forwardDelay;
    if (b.stpState && b.stpState.rootPort === 0) b.stpState.forwardDelay = o.forwardDelay;
  }
  if (o.helloTime !== undefined) {
    range(o.helloTime, 100, 1000);
    b.helloTime = o.helloTime;
    if (b.stpState && b.stpState.rootPort === 0) b.stpState.helloTime = o.helloTime;
  }
  if (o.maxAge !== undefined) {
    range(o.maxAge, 600, 4000);
    b.maxAge = o.maxAge;
    if (b.stpState && b.stpState.rootPort === 0) b.stpState.maxAge = o.maxAge;
  }
  if (o.ageingTime !== undefined) b.ageingTime = o.ageingTime * 10;
  if (o.priority !== undefined) b.priority = o.priority & 0xffff;
  if (o.stpState !== undefined) {
    const on = o.stpState !== 0;
    if (on && !b.stp) {
      b.forwardDelay = Math.min(3000, Math.max(200, b.forwardDelay));
      b.stp = true;
      br.ns.kernel.stack.stp.start(br);
    } else if (!on && b.stp) {
      b.stp = false;
      br.ns.kernel.stack.stp.stop(br);
    }
  }
  br.ns.kernel.notifyTopology();
}

/** Bridge identifier as 16 hex digits (priority, then MAC): compares as a string. */
export function bridgeIdOf(br: NetDevice): string {
  // br_stp_recalculate_bridge_id: zero until a port (or a set address) gives the bridge one.
  const mac = br.bridge!.addrSet || br.ns.devices().some((d) => d.master === br) ? br.mac : '00:00:00:00:00:00';
  return br.bridge!.priority.toString(16).padStart(4, '0') + mac.replace(/:/g, '');
}

/** `8000.0242ac110002` as brctl prints bridge ids. */
export function fmtBridgeId(id: string): string {
  return `${id.slice(0, 4)}.${id.slice(4)}`;
}
