// A cabled Ethernet NIC (the world's hosts): frames go onto the segment
// (src/world) and arrive on the ports the segment's learned table or a
// flood picks, one segment latency later, in the other hosts' kernels.

import { isMulticastMac } from '../addr.ts';
import { IFF } from '../netdev.ts';
import { cloneFrame } from '../packet.ts';
import { tm } from '../trace-texts.ts';
import { registerLinkKind, statsLen } from './ops.ts';

registerLinkKind({
  kind: 'ether',
  infoKind: false,
  flags: IFF.BROADCAST | IFF.MULTICAST,
  noQueue: false,
  setup(dev) {
    dev.minMtu = 68;
    dev.maxMtu = 9000;
  },
  newlink(ns, o, ctx) {
    return ctx.make(ns, o.name, o.address ?? ctx.randomMac(), o.mtu ?? 1500);
  },
  xmit(stack, dev, frame, hops) {
    const seg = dev.segment;
    if (!seg || !dev.carrier) {
      dev.stats.txCarrier++;
      dev.stats.txDropped++;
      return;
    }
    dev.stats.txPackets++;
    dev.stats.txBytes += statsLen(dev, frame);
    if (!isMulticastMac(frame.src)) seg.fdb.set(frame.src, dev);
    const known = isMulticastMac(frame.dst) ? undefined : seg.fdb.get(frame.dst);
    const targets = known ? (known === dev ? [] : [known]) : seg.ports.filter((x) => x !== dev);
    for (const other of targets) {
      stack.trace(frame.trace, dev.ns, 'xmit', tm('link.wireSent', { dev: dev.name, wire: seg.name, host: other.ns.label, peer: other.name }));
      const copy = cloneFrame(frame);
      other.ns.kernel.stack.schedule(seg.latency, () => {
        if (other.adminUp) other.ns.kernel.stack.netifReceive(other, copy, hops + 1);
      });
    }
  },
  carrier: (dev) => dev.adminUp && !!dev.segment,
});
