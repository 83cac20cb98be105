// Virtual Ethernet pairs (drivers/net/veth.c): a frame sent on one end
// arrives on its peer, possibly in another namespace, one link latency
// later. `ip link add A type veth peer name B [netns NS]`.

import { fail } from '../errno.ts';
import { IFF } from '../netdev.ts';
import { cloneFrame, frameLen } from '../packet.ts';
import { LINK_LATENCY_MS } from '../stack.ts';
import { tm } from '../trace-texts.ts';
import { fitsDev, registerLinkKind, statsLen } from './ops.ts';

registerLinkKind({
  kind: 'veth',
  infoKind: true,
  flags: IFF.BROADCAST | IFF.MULTICAST,
  noQueue: true,
  numQueues: 2,
  setup(dev) {
    dev.minMtu = 68;
    dev.maxMtu = 65535;
  },
  newlink(ns, o, ctx) {
    const peerNs = o.peerNs ?? ns;
    const peerName = o.peerName ?? ns.kernel.nextName(peerNs, 'veth%d');
    if (peerNs.devByName(peerName)) fail('EEXIST');
    if (peerName === o.name && peerNs === ns) fail('EEXIST');
    // The kernel registers the peer first, so it gets the lower ifindex.
    const peer = ctx.make(peerNs, peerName, o.peerAddress ?? ctx.randomMac(), o.mtu ?? 1500);
    const dev = ctx.make(ns, o.name, o.address ?? ctx.randomMac(), o.mtu ?? 1500);
    if (o.peerAddress) peer.addrAssign = 'set';
    if (o.address) dev.addrAssign = 'set';
    dev.peer = peer;
    peer.peer = dev;
    if (peerNs !== ns) {
      // rtnl_fill_link_netnsid() in the RTM_NEWLINK notifications: each
      // side allocates an nsid for the other's namespace (peernet2id_alloc).
      ns.nsidOf(peerNs);
      peerNs.nsidOf(ns);
    }
    if (o.txqlen !== undefined) dev.txqlen = o.txqlen;
    return dev;
  },
  xmit(stack, dev, frame, hops) {
    const peer = dev.peer;
    if (!peer || !peer.adminUp) {
      dev.stats.txDropped++;
      stack.trace(frame.trace, dev.ns, 'drop', tm('link.vethPeerDown', { dev: dev.name }));
      return;
    }
    if (!fitsDev(peer, frame)) {
      // veth_xmit → __dev_forward_skb: a frame larger than the peer's MTU is
      // dropped and counted on both ends; the sender's sendmsg() gets ENOBUFS.
      dev.stats.txDropped++;
      peer.stats.rxDropped++;
      stack.xmitErrno = 'ENOBUFS';
      stack.trace(frame.trace, dev.ns, 'drop', tm('link.vethMtu', { dev: dev.name, n: frameLen(frame) - 14, mtu: peer.mtu, peer: peer.name }));
      return;
    }
    dev.stats.txPackets++;
    dev.stats.txBytes += statsLen(dev, frame);
    stack.trace(frame.trace, dev.ns, 'xmit', tm('link.vethSent', { dev: dev.name, peer: peer.name, ns: peer.ns.label }));
    const copy = cloneFrame(frame);
    const far = peer.ns.kernel.stack;
    far.schedule(LINK_LATENCY_MS, () => far.netifReceive(peer, copy, hops + 1));
  },
  carrier: (dev) => dev.adminUp && !!dev.peer && dev.peer.adminUp,
  iflink: (dev) => (dev.peer ? dev.peer.ifindex : 0),
  linkNet: (dev) => (dev.peer && dev.peer.ns !== dev.ns ? dev.peer.ns : undefined),
  // A veth whose peer is down reports its lower layer down — unless the peer lives in another namespace.
  operState: (dev) => (dev.carrier ? undefined : dev.peer && dev.peer.ns === dev.ns ? 'LOWERLAYERDOWN' : 'DOWN'),
});
