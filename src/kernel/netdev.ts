// Network devices. One class for every link kind; the kind-specific part is
// the kind's DeviceOps (dev/ops.ts, one file per kind in dev/). A device
// belongs to exactly one network namespace at a time.
//
//   loopback  xmit → rx on itself                                 dev/loopback.ts
//   veth      xmit → rx on the peer (possibly in another namespace) dev/veth.ts
//   bridge    xmit → FDB lookup → a port's xmit, or flood           dev/bridge.ts
//   dummy     xmit → counted and dropped                            dev/dummy.ts
//   ether     xmit → rx on the far end of a cable (another host)    dev/ether.ts
//   vxlan     xmit → wrapped in UDP to the remote VTEP              dev/vxlan.ts

import type { Ip4, Mac } from './addr.ts';
import type { NetNs } from './netns.ts';
import type { StpBridge, StpPort } from './stp.ts';
import { type DeviceOps, type OperState, linkOps } from './dev/ops.ts';

/** A VXLAN forwarding entry: inner MAC → the remote VTEP's underlay address. */
export interface VxlanFdbEntry {
  dst: Ip4;
  permanent: boolean;
  /** Learned from a received packet (not added by the user). */
  learned: boolean;
  updated: number;
}

/** VXLAN device parameters (struct vxlan_config) and its forwarding database. */
export interface VxlanParams {
  id: number;
  remote?: Ip4;
  local?: Ip4;
  dstport: number;
  dev?: NetDevice;
  learning: boolean;
  /** UDP source port range [low, high); 0 0 = the namespace's local port range. */
  srcport?: [number, number];
  /** Forwarding entries, each MAC with one or more remotes (the all-zeros MAC is the default destination). */
  fdb?: Map<string, VxlanFdbEntry[]>;
}

/** Link kinds as `ip link add ... type KIND` names them: the built-in ones, or any registered kind (dev/ops.ts). */
export type LinkKind = 'loopback' | 'veth' | 'bridge' | 'dummy' | 'ether' | 'vxlan' | (string & {});

/** Interface counters as /proc/net/dev and `ip -s link` show them. */
export interface DevStats {
  rxBytes: number;
  rxPackets: number;
  rxErrors: number;
  rxDropped: number;
  rxMissed: number;
  multicast: number;
  txBytes: number;
  txPackets: number;
  txErrors: number;
  txDropped: number;
  txCarrier: number;
  collisions: number;
}

export function zeroStats(): DevStats {
  return {
    rxBytes: 0,
    rxPackets: 0,
    rxErrors: 0,
    rxDropped: 0,
    rxMissed: 0,
    multicast: 0,
    txBytes: 0,
    txPackets: 0,
    txErrors: 0,
    txDropped: 0,
    txCarrier: 0,
    collisions: 0,
  };
}

/** An IPv4 address on a device (struct in_ifaddr). */
export interface InetAddr {
  local: Ip4;
  /** Peer address for point-to-point (`ip addr add A peer B`); usually equals local. */
  address: Ip4;
  prefixlen: number;
  /** Broadcast address if set (`brd +` or explicit). */
  broadcast?: Ip4;
  scope: number;
  label: string;
  secondary: boolean;
  /** Remaining lifetimes in seconds; Infinity = forever. */
  validLft: number;
  preferredLft: number;
  noprefixroute: boolean;
}

/** An IPv6 address on a device (display only: link-local and ::1). */
export interface Inet6Addr {
  addr: string;
  prefixlen: number;
  scope: number;
  /** `permanent` for ::1/manual, `link` EUI-64 auto addresses. */
  flags: string[];
}

/** Interface flags (include/uapi/linux/if.h IFF_*). */
export const IFF = {
  UP: 0x1,
  BROADCAST: 0x2,
  DEBUG: 0x4,
  LOOPBACK: 0x8,
  POINTOPOINT: 0x10,
  NOTRAILERS: 0x20,
  RUNNING: 0x40,
  NOARP: 0x80,
  PROMISC: 0x100,
  ALLMULTI: 0x200,
  MASTER: 0x400,
  SLAVE: 0x800,
  MULTICAST: 0x1000,
  PORTSEL: 0x2000,
  AUTOMEDIA: 0x4000,
  DYNAMIC: 0x8000,
  LOWER_UP: 0x10000,
  DORMANT: 0x20000,
  ECHO: 0x40000,
} as const;

/** Route scopes (rtnetlink RT_SCOPE_*). */
export const SCOPE = { universe: 0, site: 200, link: 253, host: 254, nowhere: 255 } as const;

/** One bridge port's state (struct net_bridge_port). */
export interface BridgePort {
  portNo: number;
  priority: number;
  cost: number;
  learning: boolean;
  flood: boolean;
  hairpin: boolean;
  /** Spanning-tree state of the port (kernel STP). */
  stp?: StpPort;
}

/** An FDB entry (struct net_bridge_fdb_entry). */
export interface FdbEntry {
  mac: Mac;
  /** Port device; for the bridge's own address, the bridge device itself. */
  dev: NetDevice;
  local: boolean;
  isStatic: boolean;
  /** Virtual ms of the last time the source was seen (for ageing). */
  updated: number;
  vlan?: number;
}

/** Bridge-wide state (struct net_bridge). */
export interface BridgeState {
  fdb: Map<string, FdbEntry>;
  ageingTime: number;
  stp: boolean;
  priority: number;
  forwardDelay: number;
  helloTime: number;
  maxAge: number;
  /** True once `ip link set br address X` fixed the address. */
  addrSet: boolean;
  nextPortNo: number;
  nfCallIptables: boolean;
  /** Set once a port was added: from then on carrier follows the ports (an empty bridge that never had one is UNKNOWN with carrier). */
  hadPort?: boolean;
  /** Spanning-tree variables, and whether the tree runs (STP on and the bridge up). */
  stpState?: StpBridge;
  stpRunning?: boolean;
}

/**
 * A physical Ethernet segment joining `ether` devices of different hosts
 * (a cable when it has two ports, otherwise a learning switch nobody can
 * configure: the "wire" of multi-host labs).
 */
export interface Segment {
  name: string;
  ports: NetDevice[];
  /** MAC → port, learned from sources. */
  fdb: Map<string, NetDevice>;
  /** One-way latency in ms. */
  latency: number;
}

/** A network device (struct net_device). */
export class NetDevice {
  ifindex: number;
  name: string;
  readonly kind: LinkKind;
  /** The kind's operations (dev/<kind>.ts). */
  readonly ops: DeviceOps;
  ns: NetNs;
  mtu: number;
  minMtu: number;
  maxMtu: number;
  /** No in_device: the MTU went below 68 (IPv4 addresses refused with ENOBUFS). */
  inetDead = false;
  mac: Mac;
  brd: Mac;
  /** IFF_UP: administratively up. */
  adminUp = false;
  /** A qdisc was attached (first time up): `noqueue` instead of `noop`. */
  everUp = false;
  noarp = false;
  promisc = 0;
  allmulti = 0;
  txqlen: number;
  alias?: string;
  /** Bridge this device is a port of. */
  master?: NetDevice;
  /** Port state when enslaved to a bridge. */
  port?: BridgePort;
  /** veth: the other end. */
  peer?: NetDevice;
  /** bridge: its state. */
  bridge?: BridgeState;
  /** ether: the segment (cable/switch) it is plugged into. */
  segment?: Segment;
  /** How the MAC was assigned (random at creation, or set by the user). */
  addrAssign: 'random' | 'set' | 'permanent' = 'random';
  inet: InetAddr[] = [];
  inet6: Inet6Addr[] = [];
  stats: DevStats = zeroStats();
  /** Per-device IPv4 sysctls (net.ipv4.conf.DEV.*). */
  conf: Record<string, number>;
  /** net.ipv6.conf.DEV.disable_ipv6: no IPv6 addresses (not even ::1 on lo). */
  ipv6Disabled = false;
  /** VXLAN parameters (id, remote, local, dstport, underlay dev). */
  vxlan?: VxlanParams;

  constructor(init: { ifindex: number; name: string; kind: LinkKind; ns: NetNs; mac: Mac; mtu: number; conf: Record<string, number> }) {
    const ops = linkOps(init.kind);
    if (!ops) throw new Error(`no link kind ${init.kind} registered`);
    this.ifindex = init.ifindex;
    this.name = init.name;
    this.kind = init.kind;
    this.ops = ops;
    this.ns = init.ns;
    this.mac = init.mac;
    this.mtu = init.mtu;
    this.minMtu = 68;
    this.maxMtu = 0;
    this.brd = 'ff:ff:ff:ff:ff:ff';
    this.txqlen = 1000;
    this.conf = init.conf;
    ops.setup(this);
  }

  /** IFF_LOWER_UP: the link has carrier. */
  get carrier(): boolean {
    return this.ops.carrier(this);
  }

  /** RFC 2863 operational state, as `ip link` prints it. */
  get operState(): OperState {
    if (!this.adminUp) return 'DOWN';
    const s = this.ops.operState?.(this);
    if (s) return s;
    return this.carrier ? 'UP' : 'DOWN';
  }

  /** Can frames be sent and received (IFF_UP and carrier)? */
  get running(): boolean {
    return this.adminUp && this.carrier;
  }

  /** The qdisc name `ip link` shows. */
  get qdisc(): string {
    if (this.ops.noQueue) return this.everUp ? 'noqueue' : 'noop';
    return this.everUp ? 'fq_codel' : 'noop';
  }

  /** Whether this device answers ARP and resolves neighbours. */
  get usesArp(): boolean {
    return !(this.ops.flags & IFF.LOOPBACK) && !this.noarp;
  }

  /** Did a user ask for promiscuous mode? (a bridge port holds one promiscuity reference of its own) */
  get userPromisc(): boolean {
    return this.promisc > (this.master ? 1 : 0);
  }

  /**
   * dev_get_flags(): the flags word userland sees (RTM_NEWLINK, SIOCGIFFLAGS):
   * the user's IFF_PROMISC rather than the promiscuity count, RUNNING and
   * LOWER_UP from carrier.
   */
  get flags(): number {
    let f = this.ops.flags;
    if (this.noarp) f |= IFF.NOARP;
    if (this.userPromisc) f |= IFF.PROMISC;
    if (this.allmulti > 0) f |= IFF.ALLMULTI;
    if (this.adminUp) {
      f |= IFF.UP;
      if (this.carrier) f |= IFF.RUNNING | IFF.LOWER_UP;
    }
    return f;
  }

  /** Primary IPv4 addresses (not secondary). */
  primaryAddrs(): InetAddr[] {
    return this.inet.filter((a) => !a.secondary);
  }
}
