// IEEE 802.1D spanning tree of a bridge (`stp_state 1`), modelled on the
// kernel's br_stp.c / br_stp_if.c / br_stp_timer.c:
//
//   port enabled ─> BLOCKING ─(root or designated)─> LISTENING ─fd─> LEARNING ─fd─> FORWARDING
//        │                 ▲ (neither: a loop)                          (fd = forward_delay)
//   port disabled <────────┘
//
// Config BPDUs travel as frames to 01:80:c2:00:00:00 over the simulated
// links; the root bridge sends them every hello_time on its designated
// ports, other bridges relay them when one arrives on their root port.
// Received information ages out after max_age. Timers run on the virtual
// clock. Without STP every enabled port forwards at once.

import type { NetDevice } from './netdev.ts';
import type { Bpdu } from './packet.ts';
import { type BridgeOpts, type PortState, type StpBridge, type StpHost, type StpPort, bridgeIdOf, bridgeSetOpts, portState, registerStp } from './stp-state.ts';

export { bridgeIdOf, fmtBridgeId } from './stp-state.ts';

export type { PortState, StpBridge, StpHost, StpPort };

/** The group address config BPDUs are sent to. */
export const STP_GROUP_MAC = '01:80:c2:00:00:00';

function portsOf(br: NetDevice): NetDevice[] {
  return br.ns.devices().filter((d) => d.master === br && d.port);
}

function makePortId(p: NetDevice): number {
  return ((p.port!.priority & 0x3f) << 10) | (p.port!.portNo & 0x3ff);
}

/** The spanning tree of every bridge of one kernel. */
export class Stp {
  private readonly h: StpHost;

  constructor(host: StpHost) {
    this.h = host;
  }

  /** A port's effective state (stp-state.ts `portState`). */
  static state(p: NetDevice): PortState {
    return portState(p);
  }

  private sb(br: NetDevice): StpBridge {
    const b = br.bridge!;
    if (!b.stpState) {
      const id = bridgeIdOf(br);
      b.stpState = { designatedRoot: id, rootPathCost: 0, rootPort: 0, myId: id, maxAge: b.maxAge, helloTime: b.helloTime, forwardDelay: b.forwardDelay };
    }
    return b.stpState;
  }

  private sp(p: NetDevice): StpPort {
    const port = p.port!;
    if (!port.stp) {
      const br = p.master!;
      const id = bridgeIdOf(br);
      port.stp = { state: 'disabled', portId: makePortId(p), designatedRoot: id, designatedCost: 0, designatedBridge: id, designatedPort: makePortId(p) };
    }
    return port.stp;
  }

  private isRoot(br: NetDevice): boolean {
    return this.sb(br).designatedRoot === bridgeIdOf(br);
  }

  private isDesignated(p: NetDevice): boolean {
    const s = this.sp(p);
    return s.designatedBridge === bridgeIdOf(p.master!) && s.designatedPort === s.portId;
  }

  /**
   * Bring STP in step with the links (called after every topology change):
   * enable ports that came up, disable ports that went down, start or stop
   * the bridge's hello timer.
   */
  sync(br: NetDevice): void {
    const b = br.bridge!;
    if (!b.stp) {
      if (b.stpState) this.stop(br);
      return;
    }
    const sb = this.sb(br);
    const up = br.adminUp;
    if (sb.myId !== bridgeIdOf(br)) this.changeBridgeId(br);
    if (up && !b.stpRunning) {
      b.stpRunning = true;
      sb.designatedRoot = bridgeIdOf(br);
      sb.rootPathCost = 0;
      sb.rootPort = 0;
      sb.maxAge = b.maxAge;
      sb.helloTime = b.helloTime;
      sb.forwardDelay = b.forwardDelay;
      this.armHello(br);
    } else if (!up && b.stpRunning) {
      b.stpRunning = false;
      this.h.cancel(sb.helloTimer);
      sb.helloTimer = undefined;
    }
    for (const p of portsOf(br)) {
      const s = this.sp(p);
      const should = up && p.adminUp && p.carrier;
      if (should && s.state === 'disabled') this.enablePort(p);
      else if (!should && s.state !== 'disabled') this.disablePort(p);
    }
  }

  /** br_stp_change_bridge_id: the priority or the MAC changed. */
  private changeBridgeId(br: NetDevice): void {
    const sb = this.sb(br);
    const old = sb.myId;
    const id = bridgeIdOf(br);
    const wasRoot = sb.designatedRoot === old;
    sb.myId = id;
    for (const p of portsOf(br)) {
      const s = this.sp(p);
      if (s.designatedBridge === old) s.designatedBridge = id;
      if (s.designatedRoot === old) s.designatedRoot = id;
    }
    if (sb.designatedRoot === old) sb.designatedRoot = id;
    if (!br.bridge!.stpRunning) return;
    this.configurationUpdate(br);
    this.portStateSelection(br);
    if (this.isRoot(br) && !wasRoot) this.becomeRootBridge(br);
  }

  /** A port's priority or path cost changed (br_stp_set_port_priority / _path_cost). */
  portChanged(p: NetDevice): void {
    const br = p.master;
    if (!br?.bridge?.stp || !p.port?.stp) return;
    const s = this.sp(p);
    const id = makePortId(p);
    if (this.isDesignated(p)) s.designatedPort = id;
    s.portId = id;
    if (!br.bridge.stpRunning) return;
    this.configurationUpdate(br);
    this.portStateSelection(br);
  }

  /** STP turned off (br_stp_stop): every enabled port forwards. Turning it on keeps the states. */
  stop(br: NetDevice): void {
    const b = br.bridge!;
    if (b.stpState) this.h.cancel(b.stpState.helloTimer);
    for (const p of portsOf(br)) {
      const s = p.port!.stp;
      if (!s) continue;
      this.h.cancel(s.fdTimer);
      this.h.cancel(s.ageTimer);
    }
    b.stpRunning = false;
    this.h.changed(br);
  }

  /** `stp_state 1` on a bridge: ports keep the state they have (forwarding if the bridge ran without STP). */
  start(br: NetDevice): void {
    const b = br.bridge!;
    b.stpRunning = false;
    for (const p of portsOf(br)) {
      const s = this.sp(p);
      s.state = Stp.stateWithoutStp(p);
      s.portId = makePortId(p);
      s.designatedRoot = s.designatedBridge = bridgeIdOf(br);
      s.designatedCost = 0;
      s.designatedPort = s.portId;
    }
    b.stpState = undefined;
    this.sync(br);
    this.configurationUpdate(br);
    this.portStateSelection(br);
  }

  private static stateWithoutStp(p: NetDevice): PortState {
    const br = p.master!;
    return br.adminUp && p.adminUp && p.carrier ? 'forwarding' : 'disabled';
  }

  /** A port left the bridge. */
  portRemoved(br: NetDevice, p: NetDevice): void {
    const s = p.port?.stp;
    if (s) {
      this.h.cancel(s.fdTimer);
      this.h.cancel(s.ageTimer);
    }
    if (!br.bridge?.stp || !br.bridge.stpRunning) return;
    this.configurationUpdate(br);
    this.portStateSelection(br);
  }

  private armHello(br: NetDevice): void {
    const sb = this.sb(br);
    this.h.cancel(sb.helloTimer);
    sb.helloTimer = this.h.setTimer(br.bridge!.helloTime * 10, () => {
      sb.helloTimer = undefined;
      if (!br.adminUp || !br.bridge!.stp || !br.bridge!.stpRunning || br.ns.devByIndex(br.ifindex) !== br) return;
      this.configBpduGeneration(br);
      if (this.isRoot(br)) this.armHello(br);
    });
  }

  /** br_stp_enable_port + br_init_port. */
  private enablePort(p: NetDevice): void {
    const s = this.sp(p);
    s.portId = makePortId(p);
    this.becomeDesignated(p);
    s.state = 'blocking';
    this.portStateSelection(p.master!);
  }

  /** br_stp_disable_port. */
  private disablePort(p: NetDevice): void {
    const br = p.master!;
    const wasRoot = this.isRoot(br);
    const s = this.sp(p);
    this.becomeDesignated(p);
    s.state = 'disabled';
    this.h.cancel(s.fdTimer);
    this.h.cancel(s.ageTimer);
    s.fdTimer = s.ageTimer = undefined;
    this.configurationUpdate(br);
    this.portStateSelection(br);
    if (this.isRoot(br) && !wasRoot) this.becomeRootBridge(br);
  }

  private becomeDesignated(p: NetDevice): void {
    const br = p.master!;
    const sb = this.sb(br);
    const s = this.sp(p);
    s.designatedRoot = sb.designatedRoot;
    s.designatedCost = sb.rootPathCost;
    s.designatedBridge = bridgeIdOf(br);
    s.designatedPort = s.portId;
  }

  private becomeRootBridge(br: NetDevice): void {
    const b = br.bridge!;
    const sb = this.sb(br);
    sb.maxAge = b.maxAge;
    sb.helloTime = b.helloTime;
    sb.forwardDelay = b.forwardDelay;
    this.configBpduGeneration(br);
    this.armHello(br);
  }

  /** br_should_become_root_port. */
  private betterRootPort(br: NetDevice, p: NetDevice, rp: NetDevice | undefined): boolean {
    const s = this.sp(p);
    if (s.state === 'disabled' || this.isDesignated(p)) return false;
    if (bridgeIdOf(br) <= s.designatedRoot) return false;
    if (!rp) return true;
    const r = this.sp(rp);
    if (s.designatedRoot !== r.designatedRoot) return s.designatedRoot < r.designatedRoot;
    const c1 = s.designatedCost + p.port!.cost;
    const c2 = r.designatedCost + rp.port!.cost;
    if (c1 !== c2) return c1 < c2;
    if (s.designatedBridge !== r.designatedBridge) return s.designatedBridge < r.designatedBridge;
    if (s.designatedPort !== r.designatedPort) return s.designatedPort < r.designatedPort;
    return s.portId < r.portId;
  }

  /** br_configuration_update: root selection, then designated ports. */
  private configurationUpdate(br: NetDevice): void {
    const sb = this.sb(br);
    let rp: NetDevice | undefined;
    for (const p of portsOf(br)) if (this.betterRootPort(br, p, rp)) rp = p;
    if (!rp) {
      sb.rootPort = 0;
      sb.designatedRoot = bridgeIdOf(br);
      sb.rootPathCost = 0;
    } else {
      const r = this.sp(rp);
      sb.rootPort = rp.port!.portNo;
      sb.designatedRoot = r.designatedRoot;
      sb.rootPathCost = r.designatedCost + rp.port!.cost;
    }
    for (const p of portsOf(br)) {
      const s = this.sp(p);
      if (s.state === 'disabled') continue;
      if (this.shouldBecomeDesignated(br, p)) this.becomeDesignated(p);
    }
  }

  private shouldBecomeDesignated(br: NetDevice, p: NetDevice): boolean {
    const sb = this.sb(br);
    const s = this.sp(p);
    if (this.isDesignated(p)) return true;
    if (s.designatedRoot !== sb.designatedRoot) return true;
    if (sb.rootPathCost !== s.designatedCost) return sb.rootPathCost < s.designatedCost;
    const id = bridgeIdOf(br);
    if (id !== s.designatedBridge) return id < s.designatedBridge;
    return s.portId < s.designatedPort;
  }

  /** br_port_state_selection. */
  private portStateSelection(br: NetDevice): void {
    const sb = this.sb(br);
    for (const p of portsOf(br)) {
      const s = this.sp(p);
      if (s.state === 'disabled') continue;
      if (p.port!.portNo === sb.rootPort) this.makeForwarding(p);
      else if (this.isDesignated(p)) {
        this.h.cancel(s.ageTimer);
        s.ageTimer = undefined;
        this.makeForwarding(p);
      } else this.makeBlocking(p);
    }
    this.h.changed(br);
  }

  private makeForwarding(p: NetDevice): void {
    const s = this.sp(p);
    if (s.state !== 'blocking') return;
    s.state = 'listening';
    this.armForwardDelay(p);
  }

  private makeBlocking(p: NetDevice): void {
    const s = this.sp(p);
    if (s.state === 'disabled' || s.state === 'blocking') return;
    s.state = 'blocking';
    this.h.cancel(s.fdTimer);
    s.fdTimer = undefined;
  }

  private armForwardDelay(p: NetDevice): void {
    const s = this.sp(p);
    const br = p.master!;
    this.h.cancel(s.fdTimer);
    s.fdTimer = this.h.setTimer(this.sb(br).forwardDelay * 10, () => {
      s.fdTimer = undefined;
      if (p.master !== br || !br.bridge?.stp) return;
      if (s.state === 'listening') {
        s.state = 'learning';
        this.armForwardDelay(p);
      } else if (s.state === 'learning') s.state = 'forwarding';
      this.h.changed(br);
    });
  }

  /** br_config_bpdu_generation: a config BPDU on every designated port. */
  private configBpduGeneration(br: NetDevice): void {
    for (const p of portsOf(br)) {
      const s = this.sp(p);
      if (s.state !== 'disabled' && this.isDesignated(p)) this.transmitConfig(p);
    }
  }

  /** br_transmit_config. */
  private transmitConfig(p: NetDevice): void {
    const br = p.master!;
    const sb = this.sb(br);
    let age = 0;
    if (!this.isRoot(br)) {
      const rp = portsOf(br).find((x) => x.port!.portNo === sb.rootPort);
      const r = rp?.port?.stp;
      age = r && r.ageStart !== undefined ? (r.ageBase ?? 0) + (this.h.now() - r.ageStart) + 1000 / 256 : 0;
    }
    if (age >= sb.maxAge * 10) return;
    const bpdu: Bpdu = {
      root: sb.designatedRoot,
      cost: sb.rootPathCost,
      bridge: bridgeIdOf(br),
      port: this.sp(p).portId,
      messageAge: age,
      maxAge: sb.maxAge,
      helloTime: sb.helloTime,
      forwardDelay: sb.forwardDelay,
    };
    this.h.xmit(p, { src: p.mac, dst: STP_GROUP_MAC, type: 'stp', payload: bpdu });
  }

  /** br_supersedes_port_info. */
  private supersedes(p: NetDevice, b: Bpdu): boolean {
    const s = this.sp(p);
    if (b.root !== s.designatedRoot) return b.root < s.designatedRoot;
    if (b.cost !== s.designatedCost) return b.cost < s.designatedCost;
    if (b.bridge !== s.designatedBridge) return b.bridge < s.designatedBridge;
    if (b.bridge !== bridgeIdOf(p.master!)) return true;
    return b.port <= s.designatedPort;
  }

  /** br_stp_rcv → br_received_config_bpdu. */
  receive(br: NetDevice, p: NetDevice, b: Bpdu): void {
    const s = this.sp(p);
    if (s.state === 'disabled' || !br.bridge!.stpRunning) return;
    if (b.messageAge >= b.maxAge * 10) return;
    const wasRoot = this.isRoot(br);
    if (this.supersedes(p, b)) {
      s.designatedRoot = b.root;
      s.designatedCost = b.cost;
      s.designatedBridge = b.bridge;
      s.designatedPort = b.port;
      s.ageStart = this.h.now();
      s.ageBase = b.messageAge;
      this.h.cancel(s.ageTimer);
      s.ageTimer = this.h.setTimer(Math.max(0, b.maxAge * 10 - b.messageAge), () => this.messageAgeExpired(p));
      this.configurationUpdate(br);
      this.portStateSelection(br);
      const sb = this.sb(br);
      if (!this.isRoot(br) && wasRoot) {
        this.h.cancel(sb.helloTimer);
        sb.helloTimer = undefined;
      }
      if (p.port!.portNo === sb.rootPort) {
        sb.maxAge = b.maxAge;
        sb.helloTime = b.helloTime;
        sb.forwardDelay = b.forwardDelay;
        this.configBpduGeneration(br);
      }
    } else if (this.isDesignated(p)) {
      this.transmitConfig(p);
    }
  }

  /** br_message_age_timer_expired: the information on a port went stale. */
  private messageAgeExpired(p: NetDevice): void {
    const br = p.master;
    if (!br?.bridge?.stp || !p.port?.stp || p.port.stp.state === 'disabled') return;
    const wasRoot = this.isRoot(br);
    p.port.stp.ageTimer = undefined;
    this.becomeDesignated(p);
    this.configurationUpdate(br);
    this.portStateSelection(br);
    if (this.isRoot(br) && !wasRoot) this.becomeRootBridge(br);
  }
}

// Every kernel's bridges run this spanning tree from now on (the stack creates
// its instance when a bridge first turns STP on: stp-state.ts).
registerStp((host) => new Stp(host));

export { bridgeSetOpts, type BridgeOpts };
