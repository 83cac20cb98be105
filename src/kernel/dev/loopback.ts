// The loopback device (drivers/net/loopback.c): every frame sent comes back
// in on the same device. Created with the namespace, never by `ip link add`,
// never deleted, never moved.

import { IFF, type NetDevice } from '../netdev.ts';
import { LOOPBACK_LATENCY_MS } from '../stack.ts';
import { registerLinkKind, statsLen } from './ops.ts';

registerLinkKind({
  kind: 'loopback',
  infoKind: false,
  flags: IFF.LOOPBACK,
  noQueue: true,
  netnsLocal: true,
  noDellink: true,
  fixedMac: true,
  l3Stats: true,
  setup(dev) {
    // loopback_setup leaves max_mtu 0: any MTU up to INT_MAX is accepted.
    dev.minMtu = 0;
    dev.maxMtu = 0;
    dev.brd = '00:00:00:00:00:00';
  },
  xmit(stack, dev, frame, hops) {
    dev.stats.txPackets++;
    dev.stats.txBytes += statsLen(dev, frame);
    stack.schedule(LOOPBACK_LATENCY_MS, () => stack.netifReceive(dev, frame, hops + 1));
  },
  carrier: (dev: NetDevice) => dev.adminUp,
  operState: () => 'UNKNOWN',
});
