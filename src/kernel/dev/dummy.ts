// The dummy device (drivers/net/dummy.c): frames sent are counted and
// dropped. A place to hold addresses (kube-ipvs0).

import { IFF } from '../netdev.ts';
import { registerLinkKind, statsLen } from './ops.ts';

registerLinkKind({
  kind: 'dummy',
  infoKind: true,
  flags: IFF.BROADCAST | IFF.NOARP,
  noQueue: false,
  setup(dev) {
    dev.minMtu = 68;
    dev.maxMtu = 0;
  },
  newlink(ns, o, ctx) {
    const dev = ctx.make(ns, o.name, o.address ?? ctx.randomMac(), o.mtu ?? 1500);
    dev.noarp = true;
    return dev;
  },
  xmit(_stack, dev, frame) {
    dev.stats.txPackets++;
    dev.stats.txBytes += statsLen(dev, frame);
  },
  carrier: (dev) => dev.adminUp,
  operState: () => 'UNKNOWN',
});
