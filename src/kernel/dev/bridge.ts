// The Linux bridge (net/bridge): the device itself. Forwarding, flooding,
// the FDB and the spanning tree live in the stack (stack.ts `bridge*`,
// stp.ts, stp-state.ts); this file is the device side: creation with its attributes,
// transmit by the host (br_dev_xmit), carrier from the ports, `ip -d link`.

import { fail } from '../errno.ts';
import { IFF, type NetDevice } from '../netdev.ts';
import { bridgeSetOpts, portState } from '../stp-state.ts';
import { registerLinkKind, statsLen } from './ops.ts';

registerLinkKind({
  kind: 'bridge',
  infoKind: true,
  flags: IFF.BROADCAST | IFF.MULTICAST,
  noQueue: true,
  netnsLocal: true,
  tsoMaxSize: 65536,
  setup(dev) {
    dev.minMtu = 68;
    dev.maxMtu = 65535;
  },
  newlink(ns, o, ctx) {
    const dev = ctx.make(ns, o.name, o.address ?? ctx.randomMac(), o.mtu ?? 1500);
    dev.bridge = {
      fdb: new Map(),
      ageingTime: 300_000,
      stp: false,
      priority: 32768,
      forwardDelay: 1500,
      helloTime: 200,
      maxAge: 2000,
      addrSet: !!o.address,
      nextPortNo: 1,
      nfCallIptables: false,
    };
    if (o.address) dev.addrAssign = 'set';
    if (o.bridge) {
      try {
        bridgeSetOpts(dev, o.bridge);
      } catch (e) {
        // br_dev_newlink unregisters the bridge when its attributes are refused.
        ns.unregister(dev);
        throw e;
      }
    }
    return dev;
  },
  changelink(dev, attrs) {
    if (!dev.bridge) fail('EOPNOTSUPP');
    if (attrs.bridge) bridgeSetOpts(dev, attrs.bridge);
  },
  xmit(stack, dev, frame, hops) {
    dev.stats.txPackets++;
    dev.stats.txBytes += statsLen(dev, frame);
    stack.bridgeXmit(dev, frame, hops);
  },
  carrier(dev: NetDevice) {
    // A bridge has carrier when at least one port is forwarding; one that never
    // had a port keeps the carrier it came up with (state UNKNOWN).
    if (!dev.bridge?.hadPort) return dev.adminUp;
    // br_port_state_selection: carrier while some port forwards (with STP, only once one reached forwarding).
    return dev.adminUp && dev.ns.devices().some((d) => d.master === dev && d.adminUp && d.carrier && (!dev.bridge!.stp || portState(d) === 'forwarding'));
  },
  operState: (dev) => (!dev.bridge?.hadPort ? 'UNKNOWN' : undefined),
  fillInfo(dev) {
    const b = dev.bridge!;
    // The spanning tree's view once STP ran: the root it follows, by which port, at what cost.
    const sb = b.stp ? b.stpState : undefined;
    const own = { prio: b.priority, addr: dev.mac };
    return {
      forward_delay: b.forwardDelay,
      hello_time: b.helloTime,
      max_age: b.maxAge,
      ageing_time: Math.round(b.ageingTime / 10),
      stp_state: b.stp ? 1 : 0,
      priority: b.priority,
      vlan_filtering: 0,
      bridge_id: own,
      root_id: sb ? { prio: parseInt(sb.designatedRoot.slice(0, 4), 16), addr: sb.designatedRoot.slice(4).match(/../g)!.join(':') } : own,
      root_port: sb?.rootPort ?? 0,
      root_path_cost: sb?.rootPathCost ?? 0,
      topology_change: 0,
      topology_change_detected: 0,
      nf_call_iptables: b.nfCallIptables ? 1 : 0,
    };
  },
  uninit(dev) {
    for (const p of dev.ns.devices()) if (p.master === dev) dev.ns.setMaster(p, undefined);
  },
});
