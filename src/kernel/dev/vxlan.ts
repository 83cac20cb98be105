// VXLAN (drivers/net/vxlan): an Ethernet segment carried in UDP between
// VTEPs. Transmit finds the remote VTEP for the inner destination MAC and
// sends the wrapped frame as a local UDP datagram; the namespace's VXLAN
// socket on `dstport` takes datagrams back in (encapRcv).

import { fmtIp4, isMulticastMac } from '../addr.ts';
import { fail } from '../errno.ts';
import { flowHashL3 } from '../fib.ts';
import { IFF, type NetDevice } from '../netdev.ts';
import type { NetNs } from '../netns.ts';
import { type ArpPacket, type EthFrame, type Ipv4Packet, cloneFrame, ip4Len } from '../packet.ts';
import { type OutRoute, type Skb, type Stack, VXLAN_AGEING_MS } from '../stack.ts';
import { tm } from '../trace-texts.ts';
import { registerLinkKind, statsLen } from './ops.ts';

/** udp_flow_src_port: the inner flow's hash scaled into [low, high) (default: the local port range). */
function vxlanSrcPort(ns: NetNs, range: [number, number] | undefined, frame: EthFrame): number {
  let [lo, hi] = range && (range[0] || range[1]) ? range : [32768, 61000];
  if (hi <= lo) [lo, hi] = [32768, 61000];
  let a = 0;
  let b = 0;
  if (frame.type === 'ipv4') {
    const p = frame.payload as Ipv4Packet;
    const l = p.payload;
    const ports = l.proto === 'icmp' ? 0 : Math.min(l.sport, l.dport) * 65536 + Math.max(l.sport, l.dport);
    a = Math.min(p.src, p.dst) ^ ports;
    b = Math.max(p.src, p.dst);
  } else if (frame.type === 'arp') {
    // The flow dissector keys ARP on its sender and target addresses.
    const arp = frame.payload as ArpPacket;
    a = Math.min(arp.spa, arp.tpa);
    b = Math.max(arp.spa, arp.tpa);
  } else {
    // Other frames hash their MAC pair.
    const [x, y] = [frame.src, frame.dst].sort();
    a = parseInt(x.replace(/:/g, '').slice(4), 16);
    b = parseInt(y.replace(/:/g, '').slice(4), 16);
  }
  const h = flowHashL3(ns.hashSeed, a >>> 0, b >>> 0) * 2;
  return Math.floor((h * (hi - lo)) / 0x1_0000_0000) + lo;
}

/**
 * vxlan_xmit: find the remote VTEP for the inner destination MAC (an fdb
 * entry, else the all-zeros default that `remote` creates), wrap the frame
 * in VXLAN/UDP/IPv4 and send it from this namespace like any local packet.
 * The outer packet has DF clear (`df unset`), TTL 64, a source port hashed
 * from the inner flow and the device's dstport.
 */
function vxlanXmit(stack: Stack, dev: NetDevice, frame: EthFrame, hops: number): void {
  const len = statsLen(dev, frame);
  const vx = dev.vxlan;
  const ns = dev.ns;
  const now = stack.kernel.clock.now;
  const fdb = vx?.fdb;
  let hit = isMulticastMac(frame.dst) ? undefined : fdb?.get(frame.dst);
  if (hit?.[0]?.learned && now - hit[0].updated > VXLAN_AGEING_MS) {
    fdb!.delete(frame.dst);
    hit = undefined;
  }
  const entries = hit ?? fdb?.get('00:00:00:00:00:00') ?? [];
  const dsts = entries.map((e) => e.dst);
  if (!vx || !dsts.length) {
    dev.stats.txDropped++;
    stack.trace(frame.trace, ns, 'drop', tm('vxlan.noVtep', { dev: dev.name, mac: frame.dst }));
    return;
  }
  if (hit) for (const e of hit) if (!e.permanent) e.updated = now;
  for (const dst of dsts) {
    let rt: OutRoute;
    try {
      rt = stack.routeOutput(ns, dst, { saddr: vx.local, oif: vx.dev });
    } catch {
      dev.stats.txCarrier++;
      dev.stats.txErrors++;
      stack.trace(frame.trace, ns, 'drop', tm('vxlan.noRoute', { dev: dev.name, ip: fmtIp4(dst) }));
      continue;
    }
    if (rt.dev === dev) {
      // vxlan_xmit_one: "circular route" — the way to the VTEP is the tunnel itself.
      dev.stats.collisions++;
      dev.stats.txErrors++;
      stack.trace(frame.trace, ns, 'drop', tm('vxlan.circular', { dev: dev.name, ip: fmtIp4(dst) }));
      continue;
    }
    if (frame.type === 'ipv4') {
      // skb_tunnel_check_pmtu: an inner packet that does not fit the path
      // with 50 bytes of headers teaches the inner route a smaller PMTU
      // (the packet itself still leaves, its outer datagram fragmented).
      const inner = frame.payload as Ipv4Packet;
      const room = stack.pathMtu(rt.route, rt.dev, dst).mtu - 50;
      if (ip4Len(inner) > room) stack.updatePmtu(ns, inner.dst, room);
    }
    const sport = vxlanSrcPort(ns, vx.srcport, frame);
    const outer: Ipv4Packet = {
      src: vx.local ?? rt.src,
      dst,
      ttl: 64,
      tos: 0,
      id: stack.nextIpId(ns),
      df: false,
      payload: { proto: 'udp', sport, dport: vx.dstport, data: '', vxlan: { vni: vx.id, frame: cloneFrame(frame) } },
    };
    dev.stats.txPackets++;
    dev.stats.txBytes += len;
    stack.trace(frame.trace, ns, 'xmit', tm('vxlan.sent', { dev: dev.name, vni: vx.id, dst: `${fmtIp4(dst)}:${vx.dstport}`, src: `${fmtIp4(outer.src)}:${sport}` }));
    try {
      stack.ipOutputLocal(ns, outer, { trace: frame.trace, route: rt, hops: hops + 1 });
    } catch {
      dev.stats.txErrors++;
    }
  }
}

/**
 * The VXLAN socket of `ns` for a UDP datagram (vxlan_rcv): a device that is
 * up with the datagram's dstport and VNI takes the inner frame, learning
 * the sender's MAC → outer source. True when a VXLAN socket owned the port.
 */
function vxlanRcv(stack: Stack, ns: NetNs, skb: Skb): boolean {
  const u = skb.pkt.payload;
  if (u.proto !== 'udp') return false;
  const devs = ns.devices().filter((d) => d.kind === 'vxlan' && d.adminUp && d.vxlan && d.vxlan.dstport === u.dport);
  if (!devs.length) return false;
  const dev = u.vxlan ? devs.find((d) => d.vxlan!.id === u.vxlan!.vni) : undefined;
  if (!dev || !u.vxlan) {
    stack.trace(skb.trace, ns, 'drop', u.vxlan ? tm('vxlan.noDevice', { port: u.dport, vni: u.vxlan.vni }) : tm('vxlan.notVxlan', { port: u.dport }));
    return true;
  }
  const inner = cloneFrame(u.vxlan.frame);
  inner.trace = skb.trace;
  const vx = dev.vxlan!;
  const now = stack.kernel.clock.now;
  if (vx.learning && !isMulticastMac(inner.src) && inner.src !== dev.mac) {
    if (!vx.fdb) vx.fdb = new Map();
    const e = vx.fdb.get(inner.src)?.[0];
    if (!e) vx.fdb.set(inner.src, [{ dst: skb.pkt.src, permanent: false, learned: true, updated: now }]);
    else if (!e.permanent) {
      e.dst = skb.pkt.src;
      e.updated = now;
    }
  }
  stack.trace(skb.trace, ns, 'rcv', tm('vxlan.rcv', { vni: vx.id, src: fmtIp4(skb.pkt.src), dev: dev.name }));
  stack.netifReceive(dev, inner, skb.hops + 1);
  return true;
}

registerLinkKind({
  kind: 'vxlan',
  infoKind: true,
  flags: IFF.BROADCAST | IFF.MULTICAST,
  noQueue: true,
  setup(dev) {
    dev.minMtu = 68;
    dev.maxMtu = 65535;
  },
  newlink(ns, o, ctx) {
    const dev = ctx.make(ns, o.name, o.address ?? ctx.randomMac(), o.mtu ?? (o.vxlan?.dev ? o.vxlan.dev.mtu - 50 : 1500));
    if (o.vxlan) {
      dev.vxlan = o.vxlan;
      // vxlan_dev_configure: `remote` is the permanent all-zeros fdb entry.
      if (!o.vxlan.fdb) o.vxlan.fdb = new Map();
      if (o.vxlan.remote !== undefined && !o.vxlan.fdb.has('00:00:00:00:00:00')) o.vxlan.fdb.set('00:00:00:00:00:00', [{ dst: o.vxlan.remote, permanent: true, learned: false, updated: 0 }]);
    }
    return dev;
  },
  xmit: vxlanXmit,
  encapRcv: vxlanRcv,
  carrier: (dev) => dev.adminUp,
  operState: () => 'UNKNOWN',
  changeMtu(dev, mtu) {
    // vxlan_change_mtu: bound to a lower device, the MTU must leave room for the 50-byte encapsulation.
    if (dev.vxlan?.dev && mtu > dev.vxlan.dev.mtu - 50) fail('EINVAL');
  },
  fillInfo(dev) {
    const v = dev.vxlan;
    if (!v) return {};
    return {
      id: v.id,
      group: v.remote,
      local: v.local,
      link: v.dev?.name,
      port_range: [v.srcport?.[0] ?? 0, v.srcport?.[1] ?? 0] as const,
      port: v.dstport,
      learning: v.learning,
    };
  },
});
