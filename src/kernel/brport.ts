// What programs may read and change of a bridge and its ports: the
// IFLA_BR_* / IFLA_BRPORT_* attributes (and the sysfs files brctl reads,
// /sys/class/net/BR/bridge/* and BRCTL_GET_PORT_LIST), as plain read-only
// records computed from the kernel's state, and br_setport applying port
// attributes with the kernel's range checks.

import type { Mac } from './addr.ts';
import { fail } from './errno.ts';
import type { NetDevice } from './netdev.ts';
import type { Stp } from './stp.ts';
import { type PortState, bridgeIdOf, portState } from './stp-state.ts';

/** The spanning tree's view of a bridge (present while STP is on and it ran). */
export interface BridgeStpInfo {
  /** Bridge ids as 16 hex digits (priority, then MAC). */
  readonly designatedRoot: string;
  readonly rootPort: number;
  readonly rootPathCost: number;
  /** Operational timers learned from the root, in centiseconds. */
  readonly maxAge: number;
  readonly helloTime: number;
  readonly forwardDelay: number;
  /** ms left on the hello timer (0 when not armed). */
  readonly helloTimer: number;
}

/** A bridge's attributes (IFLA_BR_*, /sys/class/net/BR/bridge). */
export interface BridgeInfo {
  /** br_stp_recalculate_bridge_id: priority then MAC, 16 hex digits (the MAC is zero until a port or a set address gives one). */
  readonly bridgeId: string;
  readonly priority: number;
  readonly mac: Mac;
  /** IFLA_BR_STP_STATE. */
  readonly stpEnabled: boolean;
  /** Configured timers in centiseconds; ageing time in ms. */
  readonly maxAge: number;
  readonly helloTime: number;
  readonly forwardDelay: number;
  readonly ageingTime: number;
  readonly stpInfo?: BridgeStpInfo;
  /** BRCTL_GET_PORT_LIST: the ports in port-number order. */
  readonly ports: readonly NetDevice[];
}

/** The spanning tree's view of one port. */
export interface BrportStpInfo {
  readonly portId: number;
  readonly designatedRoot: string;
  readonly designatedBridge: string;
  readonly designatedPort: number;
  readonly designatedCost: number;
  /** ms left on the message-age and forward-delay timers. */
  readonly messageAgeTimer: number;
  readonly forwardDelayTimer: number;
}

/** A bridge port's attributes (IFLA_PROTINFO / IFLA_INFO_SLAVE_DATA, /sys/class/net/DEV/brport). */
export interface BrportInfo {
  readonly master: NetDevice;
  readonly portNo: number;
  readonly priority: number;
  readonly cost: number;
  readonly learning: boolean;
  readonly flood: boolean;
  readonly hairpin: boolean;
  /** Effective STP state (disabled when the port or the bridge is down, forwarding without STP). */
  readonly state: PortState;
  /** Present while the bridge runs STP and the port took part. */
  readonly stpInfo?: BrportStpInfo;
}

/** IFLA_BRPORT_* a program may set (`bridge link set`, `ip link set … type bridge_slave`, brctl). */
export interface BrportAttrs {
  priority?: number;
  cost?: number;
  learning?: boolean;
  flood?: boolean;
  hairpin?: boolean;
}

function timerLeft(t: { at: number; cancelled: boolean } | undefined, now: number): number {
  return t && !t.cancelled ? Math.max(0, t.at - now) : 0;
}

/** The attributes of bridge `br`; undefined when it is not a bridge. */
export function bridgeInfo(br: NetDevice): BridgeInfo | undefined {
  const b = br.bridge;
  if (!b) return undefined;
  const now = br.ns.now;
  const sb = b.stp ? b.stpState : undefined;
  const ports = br.ns
    .devices()
    .filter((d) => d.master === br)
    .sort((a, c) => (a.port?.portNo ?? 0) - (c.port?.portNo ?? 0));
  return {
    bridgeId: bridgeIdOf(br),
    priority: b.priority,
    mac: br.mac,
    stpEnabled: b.stp,
    maxAge: b.maxAge,
    helloTime: b.helloTime,
    forwardDelay: b.forwardDelay,
    ageingTime: b.ageingTime,
    stpInfo: sb && {
      designatedRoot: sb.designatedRoot,
      rootPort: sb.rootPort,
      rootPathCost: sb.rootPathCost,
      maxAge: sb.maxAge,
      helloTime: sb.helloTime,
      forwardDelay: sb.forwardDelay,
      helloTimer: timerLeft(sb.helloTimer, now),
    },
    ports,
  };
}

/** The port attributes of `dev`; undefined when it is not a bridge port. */
export function brportInfo(dev: NetDevice): BrportInfo | undefined {
  const pt = dev.port;
  const br = dev.master;
  if (!pt || !br?.bridge) return undefined;
  const now = dev.ns.now;
  const st = br.bridge.stp ? pt.stp : undefined;
  return {
    master: br,
    portNo: pt.portNo,
    priority: pt.priority,
    cost: pt.cost,
    learning: pt.learning,
    flood: pt.flood,
    hairpin: pt.hairpin,
    state: portState(dev),
    stpInfo: st && {
      portId: st.portId,
      designatedRoot: st.designatedRoot,
      designatedBridge: st.designatedBridge,
      designatedPort: st.designatedPort,
      designatedCost: st.designatedCost,
      messageAgeTimer: timerLeft(st.ageTimer, now),
      forwardDelayTimer: timerLeft(st.fdTimer, now),
    },
  };
}

/**
 * br_setport: the port flags first, then the path cost (1-65535) and the
 * priority (0-63), each refused with ERANGE; a cost or priority change
 * reruns the spanning tree's configuration update. EOPNOTSUPP when `dev` is
 * not a bridge port.
 */
export function brportSet(stpOf: () => Stp, dev: NetDevice, a: BrportAttrs): void {
  const pt = dev.port;
  if (!pt || !dev.master?.bridge) fail('EOPNOTSUPP');
  // Only a bridge running STP recomputes its port ids (and only then is stp.ts loaded).
  const changed = () => {
    if (dev.master?.bridge?.stp) stpOf().portChanged(dev);
  };
  if (a.hairpin !== undefined) pt.hairpin = a.hairpin;
  if (a.learning !== undefined) pt.learning = a.learning;
  if (a.flood !== undefined) pt.flood = a.flood;
  if (a.cost !== undefined) {
    if (a.cost < 1 || a.cost > 65535) fail('ERANGE');
    pt.cost = a.cost;
    changed();
  }
  if (a.priority !== undefined) {
    if (a.priority < 0 || a.priority > 63) fail('ERANGE');
    pt.priority = a.priority;
    changed();
  }
}
