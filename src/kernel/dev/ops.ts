// Device operations: what makes one link kind different from another
// (struct net_device_ops and struct rtnl_link_ops in Linux). Every kind
// lives in its own file in this folder and registers itself here; the rest
// of the kernel calls through the table and never switches on a kind.
//
//   newlink      `ip link add … type KIND`: validate the kind's attributes
//                and register the device(s) (veth registers its peer first)
//   setup        defaults of a new device (MTU bounds, broadcast address)
//   xmit         the driver's transmit routine (ndo_start_xmit), after
//                dev_queue_xmit() checked the device is up and fed the taps
//   carrier      IFF_LOWER_UP as the driver reports it
//   changeMtu    extra MTU validation (ndo_change_mtu)
//   changelink   `ip link set … type KIND ATTRS`
//   uninit       unregistering (a bridge releases its ports)
//   encapRcv     a UDP tunnel socket the kind opens (vxlan_rcv)
//   fillInfo     IFLA_INFO_DATA for `ip -d link`
//
// A new kind is one file: implement DeviceOps, call registerLinkKind(), and
// import the file from dev/index.ts (or from anywhere before its first use).

import type { Ip4, Mac } from '../addr.ts';
import type { NetDevice } from '../netdev.ts';
import type { LinkAddOptions, LinkAttrs, NetNs } from '../netns.ts';
import { type EthFrame, type Ipv4Packet, frameLen, ip4Len, ip4LenMax } from '../packet.ts';
import type { Skb, Stack } from '../stack.ts';

/** RFC 2863 operational state, as `ip link` prints it. */
export type OperState = 'UP' | 'DOWN' | 'UNKNOWN' | 'LOWERLAYERDOWN';

/** One IFLA_INFO_DATA attribute value (what `ip -d link` prints for the kind). */
export type LinkInfoValue = number | string | boolean | Ip4 | undefined | readonly [number, number] | BridgeId;

/** struct ifla_bridge_id: a bridge priority and address. */
export interface BridgeId {
  prio: number;
  addr: Mac;
}

/** IFLA_LINKINFO of a device: its kind and the kind's attributes. */
export interface LinkInfo {
  kind: string;
  data?: Readonly<Record<string, LinkInfoValue>>;
}

/** What a kind's newlink may call on the namespace. */
export interface NewlinkCtx {
  /** Register a device of this kind in `ns` (register_netdevice). */
  make(ns: NetNs, name: string, mac: Mac, mtu: number): NetDevice;
  /** A random MAC (eth_hw_addr_random). */
  randomMac(): Mac;
}

/** The operations of one link kind. */
export interface DeviceOps {
  /** The kind's name: `ip link add … type KIND`, NetDevice.kind. */
  readonly kind: string;
  /** IFLA_INFO_KIND is reported (false for kinds without rtnl_link_ops: loopback, a cabled NIC). */
  readonly infoKind: boolean;
  /** Base interface flags of the kind (IFF_LOOPBACK, IFF_BROADCAST, IFF_NOARP, IFF_MULTICAST). */
  readonly flags: number;
  /** IFF_NO_QUEUE: the device gets `noqueue` rather than the default qdisc once up. */
  readonly noQueue: boolean;
  /** dev->netns_local: the device cannot change namespace. */
  readonly netnsLocal?: boolean;
  /** No rtnl dellink: `ip link del` is refused with EOPNOTSUPP. */
  readonly noDellink?: boolean;
  /** No ndo_set_mac_address: changing the MAC is refused with EOPNOTSUPP. */
  readonly fixedMac?: boolean;
  /** Counters count the packet without its Ethernet header (loopback). */
  readonly l3Stats?: boolean;
  /** Number of TX/RX queues (`numtxqueues`). */
  readonly numQueues?: number;
  /** tso_max_size the driver sets. */
  readonly tsoMaxSize?: number;
  /** MTU bounds and link-layer defaults, applied when the device is created. */
  setup(dev: NetDevice): void;
  /** rtnl_link_ops.newlink; absent: the kind cannot be created by `ip link add`. */
  newlink?(ns: NetNs, o: LinkAddOptions, ctx: NewlinkCtx): NetDevice;
  /** ndo_start_xmit. */
  xmit(stack: Stack, dev: NetDevice, frame: EthFrame, hops: number): void;
  /** IFF_LOWER_UP. */
  carrier(dev: NetDevice): boolean;
  /** Operational state when the device is up; absent: UP with carrier, else DOWN. */
  operState?(dev: NetDevice): OperState | undefined;
  /** ndo_change_mtu: refuse an MTU the kind cannot take (after the min/max check). */
  changeMtu?(dev: NetDevice, mtu: number): void;
  /** rtnl_link_ops.changelink: `ip link set DEV type KIND ATTRS`; absent: EOPNOTSUPP. */
  changelink?(dev: NetDevice, attrs: LinkAttrs): void;
  /** ndo_uninit / dellink: the kind's teardown while unregistering. */
  uninit?(dev: NetDevice): void;
  /** A UDP datagram for a tunnel socket of this kind; true when the socket owned it. */
  encapRcv?(stack: Stack, ns: NetNs, skb: Skb): boolean;
  /** ndo_get_iflink: IFLA_LINK, the ifindex of the device's other end (0: none any more). */
  iflink?(dev: NetDevice): number;
  /** rtnl_link_ops.get_link_net: the namespace of the other end, when not the device's own. */
  linkNet?(dev: NetDevice): NetNs | undefined;
  /** rtnl_link_ops.fill_info: IFLA_INFO_DATA. */
  fillInfo?(dev: NetDevice): Record<string, LinkInfoValue>;
}

const table = new Map<string, DeviceOps>();
const encaps: DeviceOps[] = [];

/** Register a link kind (rtnl_link_register). A kind is registered once. */
export function registerLinkKind(ops: DeviceOps): void {
  if (table.has(ops.kind)) throw new Error(`link kind ${ops.kind} registered twice`);
  table.set(ops.kind, ops);
  if (ops.encapRcv) encaps.push(ops);
}

/** The kinds that open a UDP tunnel socket (encapRcv), in registration order. */
export function encapKinds(): readonly DeviceOps[] {
  return encaps;
}

/** The operations of `kind`, or undefined when no such kind is registered. */
export function linkOps(kind: string): DeviceOps | undefined {
  return table.get(kind);
}

/** Every registered kind (for tests and the reference). */
export function linkKinds(): string[] {
  return [...table.keys()];
}

/** Bytes a frame adds to the device counters. */
export function statsLen(dev: NetDevice, frame: EthFrame): number {
  return dev.ops.l3Stats ? frameLen(frame) - 14 : frameLen(frame);
}

/** is_skb_forwardable(): a frame fits a device if it is at most MTU + Ethernet header + one VLAN tag. */
export function fitsDev(dev: NetDevice, frame: EthFrame): boolean {
  if (frame.type !== 'ipv4') return true;
  const max = dev.mtu + 4;
  return ip4LenMax(frame.payload as Ipv4Packet) <= max || ip4Len(frame.payload as Ipv4Packet) <= max;
}
