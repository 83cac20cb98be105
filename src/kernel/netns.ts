// A network namespace (struct net): its devices, IPv4 configuration, routing
// tables, neighbour table, sysctls, netfilter state and sockets, plus the
// rtnetlink operations userland calls (the `ip` command's view of the
// kernel). Operations throw KernelError with the errno and extack message
// the real kernel returns.

import { type Ip4, type Mac, bcastOf, fmtIp4, linkLocal6, netOf, MAC_ZERO } from './addr.ts';
import { fail } from './errno.ts';
import { Fib, RT_TABLE, type FibResult, type Route, type Rule, routeUsesDev } from './fib.ts';
import type { Kernel } from './kernel.ts';
import type { Errno } from './errno.ts';
import type { OutRoute } from './stack.ts';
import { NeighTable, type NeighInfo, type NeighRequest } from './neigh.ts';
import { type BridgeInfo, type BrportAttrs, type BrportInfo, bridgeInfo, brportInfo, brportSet } from './brport.ts';
import { type BrForwardEntry, type FdbInfo, type FdbRequest, brForward, fdbDump, fdbRequestAdd, fdbRequestDel } from './fdb.ts';
import { type DevStats, IFF, type Inet6Addr, type InetAddr, type LinkKind, NetDevice, SCOPE } from './netdev.ts';
import { type LinkInfo, type OperState, linkOps } from './dev/ops.ts';
import type { BridgeOpts } from './stp.ts';

/** IPv4 sysctls of a namespace (net.ipv4.*), kernel defaults of a new namespace. */
export const IPV4_SYSCTL_DEFAULTS: Record<string, string> = {
  'cipso_cache_bucket_size': '10',
  'cipso_cache_enable': '1',
  'cipso_rbm_optfmt': '0',
  'cipso_rbm_strictvalid': '1',
  'fib_multipath_hash_policy': '0',
  'fib_multipath_use_neigh': '0',
  'fwmark_reflect': '0',
  'icmp_echo_enable_probe': '0',
  'icmp_echo_ignore_all': '0',
  'icmp_echo_ignore_broadcasts': '1',
  'icmp_errors_use_inbound_ifaddr': '0',
  'icmp_ignore_bogus_error_responses': '1',
  'icmp_msgs_burst': '50',
  'icmp_msgs_per_sec': '1000',
  'icmp_ratelimit': '1000',
  'icmp_ratemask': '6168',
  'igmp_link_local_mcast_reports': '1',
  'igmp_max_memberships': '20',
  'igmp_max_msf': '10',
  'igmp_qrv': '2',
  'ip_autobind_reuse': '0',
  'ip_default_ttl': '64',
  'ip_dynaddr': '0',
  'ip_early_demux': '1',
  'ip_forward': '0',
  'ip_forward_update_priority': '1',
  'ip_forward_use_pmtu': '0',
  'ip_local_port_range': '32768\t60999',
  'ip_local_reserved_ports': '',
  'ip_no_pmtu_disc': '0',
  'ip_nonlocal_bind': '0',
  'ip_unprivileged_port_start': '1024',
  'ping_group_range': '0\t2147483647',
  'raw_l3mdev_accept': '1',
  'tcp_fin_timeout': '60',
  'tcp_keepalive_intvl': '75',
  'tcp_keepalive_probes': '9',
  'tcp_keepalive_time': '7200',
  'tcp_syn_retries': '6',
  'tcp_synack_retries': '5',
  'tcp_syncookies': '1',
  'tcp_timestamps': '1',
  'tcp_window_scaling': '1',
  'udp_early_demux': '1',
};

/** Per-device IPv4 conf sysctls (net.ipv4.conf.X.*), defaults. */
export const IPV4_CONF_DEFAULTS: Record<string, number> = {
  accept_local: 0,
  accept_redirects: 1,
  accept_source_route: 1,
  arp_accept: 0,
  arp_announce: 0,
  arp_evict_nocarrier: 1,
  arp_filter: 0,
  arp_ignore: 0,
  arp_notify: 0,
  bc_forwarding: 0,
  bootp_relay: 0,
  disable_policy: 0,
  disable_xfrm: 0,
  drop_gratuitous_arp: 0,
  drop_unicast_in_l2_multicast: 0,
  force_igmp_version: 0,
  forwarding: 0,
  igmpv2_unsolicited_report_interval: 10000,
  igmpv3_unsolicited_report_interval: 1000,
  ignore_routes_with_linkdown: 0,
  log_martians: 0,
  mc_forwarding: 0,
  medium_id: 0,
  promote_secondaries: 0,
  proxy_arp: 0,
  proxy_arp_pvlan: 0,
  route_localnet: 0,
  rp_filter: 0,
  secure_redirects: 1,
  send_redirects: 1,
  shared_media: 1,
  src_valid_mark: 0,
  tag: 0,
};

/** Hooks the netfilter implementation provides (filled in by kernel/netfilter). */
export interface NetfilterState {
  /** Opaque per-namespace tables; see kernel/netfilter. */
  [key: string]: unknown;
}

/** Kind attributes of `ip link add|set … type KIND ATTRS` (IFLA_INFO_DATA). */
export interface LinkAttrs {
  /** bridge: IFLA_BR_* attributes. */
  bridge?: BridgeOpts;
}

/**
 * One RTM_NEWLINK/RTM_SETLINK change of an existing device (`ip link set`,
 * `bridge link set`, brctl): every attribute optional, applied in
 * do_setlink()'s order.
 */
export interface LinkChange extends LinkAttrs {
  /** IFLA_NET_NS_FD / IFLA_NET_NS_PID: the namespace to move to. */
  netns?: NetNs;
  netnsPid?: number;
  address?: Mac;
  mtu?: number;
  name?: string;
  /** IFLA_IFALIAS; '' removes it. */
  alias?: string;
  /** IFF_NOARP, IFF_PROMISC, IFF_ALLMULTI as the user asks for them. */
  noarp?: boolean;
  promisc?: boolean;
  allmulti?: boolean;
  up?: boolean;
  /** IFLA_MASTER: a bridge's ifindex in the device's namespace; 0 releases the device. */
  master?: number;
  txqlen?: number;
  /** IFLA_BRPORT_* (EOPNOTSUPP unless the device is a bridge port). */
  brport?: BrportAttrs;
}

/** Options of `ip link add`. */
export interface LinkAddOptions extends LinkAttrs {
  name: string;
  kind: LinkKind;
  mtu?: number;
  address?: Mac;
  txqlen?: number;
  /** veth: the peer's name and namespace. */
  peerName?: string;
  peerNs?: NetNs;
  peerAddress?: Mac;
  /** vxlan parameters. */
  vxlan?: NetDevice['vxlan'];
  up?: boolean;
  master?: NetDevice;
}

/**
 * RTM_NEWLINK of one device as a dump or a GET returns it (rtnl_fill_ifinfo):
 * a plain record computed when asked, which programs read instead of the
 * device. `dev` is the device as a handle for the NetNs operations
 * (linkChange, addrAdd, fdbDump…): programs pass it on and never read it.
 */
export interface LinkMsg {
  readonly dev: NetDevice;
  readonly ifindex: number;
  /** IFLA_IFNAME. */
  readonly ifname: string;
  /** ifi_type: ARPHRD_LOOPBACK or ARPHRD_ETHER (`link/loopback`, `link/ether`). */
  readonly linkType: 'loopback' | 'ether';
  /** ifi_flags (dev_get_flags: the user's IFF_PROMISC, RUNNING and LOWER_UP from carrier). */
  readonly flags: number;
  /** IFLA_CARRIER. */
  readonly carrier: boolean;
  /** IFLA_OPERSTATE. */
  readonly operstate: OperState;
  /** IFLA_MTU, IFLA_MIN_MTU, IFLA_MAX_MTU. */
  readonly mtu: number;
  readonly minMtu: number;
  readonly maxMtu: number;
  /** IFLA_QDISC. */
  readonly qdisc: string;
  /** IFLA_TXQLEN. */
  readonly txqlen: number;
  /** IFLA_ADDRESS, IFLA_BROADCAST. */
  readonly address: Mac;
  readonly broadcast: Mac;
  /** IFLA_MASTER: the bridge's ifindex, 0 when the device has none. */
  readonly master: number;
  /** IFLA_LINK: the ifindex of the other end (a veth peer, in its namespace), 0 when gone; undefined for kinds without one. */
  readonly link?: number;
  /** IFLA_LINK_NETNSID's namespace: where the other end lives, when not here. */
  readonly linkNetns?: NetNs;
  /** IFLA_PROMISCUITY, IFLA_ALLMULTI (counts: a bridge port holds one of each). */
  readonly promiscuity: number;
  readonly allmulti: number;
  /** IFLA_IFALIAS. */
  readonly ifalias?: string;
  /** IFLA_STATS64 (a copy). */
  readonly stats: Readonly<DevStats>;
  /** IFLA_NUM_TX_QUEUES / IFLA_NUM_RX_QUEUES, IFLA_TSO_MAX_SIZE. */
  readonly numQueues: number;
  readonly tsoMaxSize: number;
  /** IFLA_LINKINFO: the kind and its attributes; undefined for kinds without rtnl_link_ops (loopback, a cabled NIC). */
  readonly linkinfo?: LinkInfo;
}

/** RTM_NEWADDR of one IPv4 address (inet_fill_ifaddr): a copy of the address with its device. */
export interface AddrMsg extends Readonly<InetAddr> {
  readonly ifindex: number;
}

/** RTM_NEWADDR of one IPv6 address (inet6_fill_ifaddr). */
export interface Addr6Msg extends Readonly<Omit<Inet6Addr, 'flags'>> {
  readonly ifindex: number;
  readonly flags: readonly string[];
}

/** Options of `ip addr add`. */
export interface AddrAddOptions {
  local: Ip4;
  prefixlen: number;
  peer?: Ip4;
  broadcast?: Ip4 | 'auto';
  scope?: number;
  label?: string;
  noprefixroute?: boolean;
  validLft?: number;
  preferredLft?: number;
}

/** Flags of route add/replace/change (NLM_F_*). */
export interface RouteChangeFlags {
  create: boolean;
  excl: boolean;
  replace: boolean;
  append?: boolean;
}

/** A network namespace. */
export class NetNs {
  /** nsfs inode number (`ip netns identify`, /proc/PID/ns/net). */
  readonly inode: number;
  readonly kernel: Kernel;
  private readonly devs = new Map<number, NetDevice>();
  private lastIfindex = 0;
  readonly fib = new Fib();
  readonly neigh = new NeighTable();
  /** net.ipv4.* sysctls (strings as written to /proc). */
  readonly ipv4: Record<string, string> = { ...IPV4_SYSCTL_DEFAULTS };
  /** net.ipv4.conf.all and .default. */
  readonly confAll: Record<string, number> = { ...IPV4_CONF_DEFAULTS, accept_source_route: 0 };
  readonly confDefault: Record<string, number> = { ...IPV4_CONF_DEFAULTS };
  /** Other sysctls (net.core.*, net.bridge.*, net.netfilter.* ...). */
  readonly other: Record<string, string> = {
    'net.bridge.bridge-nf-call-arptables': '1',
    'net.bridge.bridge-nf-call-ip6tables': '1',
    'net.bridge.bridge-nf-call-iptables': '1',
    'net.core.somaxconn': '4096',
    'net.ipv6.conf.all.disable_ipv6': '0',
    'net.ipv6.conf.all.forwarding': '0',
    'net.ipv6.conf.default.disable_ipv6': '0',
    'net.netfilter.nf_conntrack_max': '262144',
  };
  /** Peer-namespace ids (NETNSA_NSID) this namespace assigned. */
  private readonly nsids = new Map<NetNs, number>();
  /** Netfilter tables, conntrack (owned by kernel/netfilter). */
  nf: NetfilterState = {};
  /** Open sockets (owned by kernel/socket). */
  sockets: unknown[] = [];
  /** IP identification counter. */
  ipId = 0;
  /** Secret of the multipath flow hash (derived from the host's seed; draws nothing). */
  get hashSeed(): number {
    return (Math.imul(this.kernel.rng.seed ^ 0x5bd1e995, 31) + this.inode) >>> 0;
  }
  /** Lifetime: false once the last reference went away. */
  alive = true;

  constructor(kernel: Kernel, inode: number) {
    this.kernel = kernel;
    this.inode = inode;
    this.createLoopback();
  }

  /** Display name for traces: `host` or `host/red`. */
  get label(): string {
    const names = this.kernel.netnsNamesOf(this);
    return names.length ? `${this.kernel.hostname}/${names[0]}` : this === this.kernel.initNs ? this.kernel.hostname : `${this.kernel.hostname}/ns:${this.inode}`;
  }

  /** Virtual time now (ms). */
  get now(): number {
    return this.kernel.clock.now;
  }

  // ── devices ────────────────────────────────────────────────────────────

  /** Devices in ifindex order. */
  devices(): NetDevice[] {
    return [...this.devs.values()].sort((a, b) => a.ifindex - b.ifindex);
  }

  devByIndex(i: number): NetDevice | undefined {
    return this.devs.get(i);
  }

  devByName(name: string): NetDevice | undefined {
    for (const d of this.devs.values()) if (d.name === name) return d;
    return undefined;
  }

  /** The loopback device (ifindex 1). */
  get lo(): NetDevice {
    return this.devs.get(1)!;
  }

  /** The nsid this namespace uses for `other` (allocated on first use, as the kernel does on dump). */
  nsidOf(other: NetNs): number {
    let id = this.nsids.get(other);
    if (id === undefined) {
      // idr_alloc: the smallest id not in use.
      const used = new Set(this.nsids.values());
      id = 0;
      while (used.has(id)) id++;
      this.nsids.set(other, id);
    }
    return id;
  }

  /** The nsid this namespace has for `other`, without allocating (RTM_GETNSID); -1 if none. */
  nsidPeek(other: NetNs): number {
    return this.nsids.get(other) ?? -1;
  }

  /** `ip netns set NAME ID` (RTM_NEWNSID): EEXIST if `other` already has an id or `id` is taken. */
  setNsid(other: NetNs, id: number): void {
    if (this.nsids.has(other)) fail('EEXIST', 'Peer netns already has a nsid assigned');
    for (const v of this.nsids.values()) if (v === id) fail('EEXIST', 'The specified nsid is already used');
    this.nsids.set(other, id);
  }

  /** Every (namespace, nsid) pair this namespace assigned (RTM_GETNSID dump). */
  nsidList(): [NetNs, number][] {
    return [...this.nsids.entries()].filter(([n]) => n.alive);
  }

  private newIfindex(): number {
    let i = this.lastIfindex;
    do i++;
    while (this.devs.has(i));
    this.lastIfindex = i;
    return i;
  }

  /** register_netdevice: a new device of `kind` in this namespace (DeviceOps.newlink calls it through NewlinkCtx). */
  makeDev(name: string, kind: LinkKind, mac: Mac, mtu: number): NetDevice {
    const dev = new NetDevice({ ifindex: this.newIfindex(), name, kind, ns: this, mac, mtu, conf: { ...this.confDefault } });
    dev.ipv6Disabled = this.other['net.ipv6.conf.default.disable_ipv6'] !== '0';
    this.devs.set(dev.ifindex, dev);
    return dev;
  }

  private createLoopback(): void {
    const lo = this.makeDev('lo', 'loopback', MAC_ZERO, 65536);
    lo.addrAssign = 'permanent';
    // devinet: loopback skips IPsec policy and xfrm lookups.
    lo.conf.disable_policy = 1;
    lo.conf.disable_xfrm = 1;
  }

  /** Validate an interface name as dev_valid_name() does. */
  static validName(name: string): boolean {
    return name.length > 0 && name.length < 16 && name !== '.' && name !== '..' && !/[/:\s]/.test(name);
  }

  /** `ip link add`. Returns the new device (for veth: the named end). */
  linkAdd(o: LinkAddOptions): NetDevice {
    // IFLA_IFNAME policy: at most IFNAMSIZ-1 bytes.
    if (o.name.length > 15 || (o.peerName !== undefined && o.peerName.length > 15)) fail('EINVAL', 'Attribute failed policy validation');
    if (this.devByName(o.name)) fail('EEXIST');
    const ops = linkOps(o.kind);
    if (!ops?.newlink) return fail('EOPNOTSUPP', 'Unknown device type');
    const rng = this.kernel.rng;
    const dev = ops.newlink(this, o, { make: (ns, name, mac, mtu) => ns.makeDev(name, o.kind, mac, mtu), randomMac: () => rng.mac() });
    // rtnl_create_link: IFLA_TXQLEN.
    if (o.txqlen !== undefined) dev.txqlen = o.txqlen;
    this.kernel.notifyTopology();
    return dev;
  }

  /**
   * RTM_SETLINK (rtnl_changelink, then do_setlink): the kind's attributes
   * first, then namespace, address, MTU, name, alias, flags, up/down,
   * master, queue length and the bridge-port attributes, each validated as
   * the kernel does; the first refusal throws and leaves the earlier
   * changes made.
   */
  linkChange(dev: NetDevice, c: LinkChange): void {
    if (c.bridge !== undefined) {
      if (!dev.ops.changelink) fail('EOPNOTSUPP');
      dev.ops.changelink(dev, c);
    }
    if (c.netns || c.netnsPid !== undefined) {
      let target = c.netns;
      if (!target) {
        const p = this.kernel.procs.get(c.netnsPid!);
        // pid 1 is the host's init, in the initial namespace.
        if (!p && c.netnsPid !== 1) fail('ESRCH');
        target = p ? (p.netns as NetNs) : this.kernel.initNs;
      }
      this.setNetns(dev, target);
    }
    const cur = dev.ns;
    if (c.address !== undefined) cur.setAddress(dev, c.address);
    if (c.mtu !== undefined) cur.setMtu(dev, c.mtu);
    if (c.name !== undefined && c.name !== dev.name) cur.setName(dev, c.name);
    if (c.alias !== undefined) {
      dev.alias = c.alias || undefined;
      this.kernel.notifyTopology();
    }
    if (c.noarp !== undefined) dev.noarp = c.noarp;
    // dev_change_flags: IFF_PROMISC counts one reference for the user's request.
    if (c.promisc !== undefined && c.promisc !== dev.userPromisc) dev.promisc = Math.max(0, dev.promisc + (c.promisc ? 1 : -1));
    if (c.allmulti !== undefined) dev.allmulti = c.allmulti ? 1 : 0;
    if (c.up !== undefined) cur.setUp(dev, c.up);
    if (c.master !== undefined) {
      if (c.master === 0) cur.setMaster(dev, undefined);
      else {
        const br = cur.devByIndex(c.master);
        if (!br) fail('EINVAL');
        cur.setMaster(dev, br);
      }
    }
    if (c.txqlen !== undefined) {
      if (c.txqlen < 0) fail('EINVAL');
      dev.txqlen = c.txqlen;
    }
    if (c.brport !== undefined) {
      brportSet(() => this.kernel.stack.stp, dev, c.brport);
      this.kernel.notifyTopology();
    }
  }

  /** IFLA_BR_* of a bridge with its spanning-tree view and port list (what brctl and `bridge` read); undefined for other devices. */
  bridgeInfo(br: NetDevice): BridgeInfo | undefined {
    return bridgeInfo(br);
  }

  /** IFLA_BRPORT_* of a bridge port, its STP state included; undefined when `dev` is not a port. */
  brportInfo(dev: NetDevice): BrportInfo | undefined {
    return brportInfo(dev);
  }

  /** IFLA_LINK of `dev`: the ifindex of its other end (a veth peer), 0 when gone, undefined for kinds without one. */
  linkIflink(dev: NetDevice): number | undefined {
    return dev.ops.iflink?.(dev);
  }

  /** IFLA_LINK_NETNSID's namespace: where `dev`'s other end lives, when not here. */
  linkNet(dev: NetDevice): NetNs | undefined {
    return dev.ops.linkNet?.(dev);
  }

  /** IFLA_LINKINFO of `dev` (rtnl_link_info_fill): its kind and the kind's attributes; undefined for kinds without rtnl_link_ops. */
  linkInfo(dev: NetDevice): LinkInfo | undefined {
    if (!dev.ops.infoKind) return undefined;
    return { kind: dev.kind, data: dev.ops.fillInfo?.(dev) };
  }

  /** RTM_NEWLINK of `dev` as of now (rtnl_fill_ifinfo). */
  linkMsg(dev: NetDevice): LinkMsg {
    return {
      dev,
      ifindex: dev.ifindex,
      ifname: dev.name,
      linkType: dev.ops.flags & IFF.LOOPBACK ? 'loopback' : 'ether',
      flags: dev.flags,
      carrier: dev.carrier,
      operstate: dev.operState,
      mtu: dev.mtu,
      minMtu: dev.minMtu,
      maxMtu: dev.maxMtu,
      qdisc: dev.qdisc,
      txqlen: dev.txqlen,
      address: dev.mac,
      broadcast: dev.brd,
      master: dev.master?.ifindex ?? 0,
      link: this.linkIflink(dev),
      linkNetns: this.linkNet(dev),
      promiscuity: dev.promisc,
      allmulti: dev.allmulti + (dev.master ? 1 : 0),
      ifalias: dev.alias,
      stats: { ...dev.stats },
      numQueues: dev.ops.numQueues ?? 1,
      tsoMaxSize: dev.ops.tsoMaxSize ?? 524280,
      linkinfo: this.linkInfo(dev),
    };
  }

  /** RTM_GETLINK dump: every device of the namespace in ifindex order. Snapshots. */
  linkDump(): LinkMsg[] {
    return this.devices().map((d) => this.linkMsg(d));
  }

  /** RTM_GETLINK of one device by name or ifindex; undefined when there is none (ENODEV). */
  linkGet(key: string | number): LinkMsg | undefined {
    const dev = typeof key === 'number' ? this.devByIndex(key) : this.devByName(key);
    return dev && this.linkMsg(dev);
  }

  /** `ip link del`: unregister a device (and its veth peer). */
  linkDel(dev: NetDevice): void {
    if (dev.ops.noDellink) fail('EOPNOTSUPP');
    const peer = dev.peer;
    this.unregister(dev);
    if (peer) peer.ns.unregister(peer);
    this.kernel.notifyTopology();
  }

  /** Remove a device from this namespace, tearing down everything that refers to it. */
  unregister(dev: NetDevice): void {
    if (dev.adminUp) this.setDown(dev);
    if (dev.master) this.setMaster(dev, undefined);
    dev.ops.uninit?.(dev);
    dev.inet = [];
    dev.inet6 = [];
    this.fib.removeWhere((r) => routeUsesDev(r, dev));
    this.neigh.flushDev(dev);
    this.devs.delete(dev.ifindex);
    if (dev.peer) {
      dev.peer.peer = undefined;
      dev.peer = undefined;
    }
    if (dev.segment) {
      const seg = dev.segment;
      seg.ports = seg.ports.filter((x) => x !== dev);
      for (const [m, d] of seg.fdb) if (d === dev) seg.fdb.delete(m);
      dev.segment = undefined;
    }
  }

  /** `ip link set DEV up|down`. */
  setUp(dev: NetDevice, up: boolean): void {
    if (up) this.setUpOn(dev);
    else this.setDown(dev);
    this.kernel.notifyTopology();
  }

  private setUpOn(dev: NetDevice): void {
    if (dev.adminUp) return;
    const carriersBefore = this.carrierSnapshot(dev);
    dev.adminUp = true;
    dev.everUp = true;
    // inetdev_event(NETDEV_UP): a loopback device gets 127.0.0.1/8.
    if (dev.ops.flags & IFF.LOOPBACK && !dev.inetDead) {
      if (!dev.inet.some((a) => a.local === 0x7f000001)) {
        dev.inet.unshift({
          local: 0x7f000001,
          address: 0x7f000001,
          prefixlen: 8,
          scope: SCOPE.host,
          label: 'lo',
          secondary: false,
          validLft: Infinity,
          preferredLft: Infinity,
          noprefixroute: false,
        });
      }
    }
    this.addrRoutesUp(dev);
    // fib_sync_up: next hops through `dev` come back to life.
    for (const r of this.fib.all()) for (const nh of r.nexthops ?? []) if (nh.dev === dev) nh.dead = false;
    this.carrierChanged(carriersBefore);
  }

  private setDown(dev: NetDevice): void {
    if (!dev.adminUp) return;
    const carriersBefore = this.carrierSnapshot(dev);
    dev.adminUp = false;
    this.devRoutesDown(dev);
    this.carrierChanged(carriersBefore);
  }

  /** Devices whose carrier may change when `dev` changes, with their current carrier. */
  private carrierSnapshot(dev: NetDevice): Map<NetDevice, boolean> {
    const m = new Map<NetDevice, boolean>();
    m.set(dev, dev.carrier);
    if (dev.peer) m.set(dev.peer, dev.peer.carrier);
    if (dev.master) m.set(dev.master, dev.master.carrier);
    if (dev.peer?.master) m.set(dev.peer.master, dev.peer.master.carrier);
    return m;
  }

  /** React to carrier transitions: IPv6 link-local addresses come and go with carrier. */
  private carrierChanged(before: Map<NetDevice, boolean>): void {
    for (const [d, was] of before) {
      const now = d.carrier;
      if (now && !was) d.ns.onCarrierUp(d);
      if (!now && was) d.ns.onCarrierDown(d);
    }
  }

  /** addrconf: a device with carrier gets its EUI-64 link-local address. */
  onCarrierUp(dev: NetDevice): void {
    if (dev.ipv6Disabled) return;
    if (dev.kind === 'loopback') {
      if (!dev.inet6.length) dev.inet6.push({ addr: '::1', prefixlen: 128, scope: SCOPE.host, flags: ['permanent'] });
      return;
    }
    // A user's `arp off` (not the kind's own IFF_NOARP) keeps the device without a link-local address.
    if (dev.noarp && !(dev.ops.flags & IFF.NOARP)) return;
    if (!dev.inet6.some((a) => a.addr.startsWith('fe80:'))) {
      dev.inet6.push({ addr: linkLocal6(dev.mac), prefixlen: 64, scope: SCOPE.link, flags: ['permanent'] });
    }
  }

  onCarrierDown(dev: NetDevice): void {
    if (!dev.adminUp) dev.inet6 = [];
  }

  /**
   * net.ipv6.conf.DEV.disable_ipv6 (addrconf_disable_ipv6): 1 removes every
   * IPv6 address of the device, ::1 included; 0 brings the automatic ones
   * back if the device is up. Writing `all` sets `default` and every device.
   */
  setDisableIpv6(dev: NetDevice | 'all', v: number): void {
    const on = v !== 0;
    if (dev === 'all') {
      this.other['net.ipv6.conf.all.disable_ipv6'] = String(v);
      this.other['net.ipv6.conf.default.disable_ipv6'] = String(v);
      for (const d of this.devices()) this.setDisableIpv6(d, v);
      return;
    }
    dev.ipv6Disabled = on;
    if (on) dev.inet6 = [];
    else if (dev.adminUp && dev.carrier) this.onCarrierUp(dev);
    this.kernel.notifyTopology();
  }

  /** `ip link set DEV name NEW`. */
  setName(dev: NetDevice, name: string): void {
    // Linux 6.x renames devices that are up (the golden `ip link set eth9 name eth8` after `up` succeeds).
    if (this.devByName(name) && this.devByName(name) !== dev) fail('EEXIST');
    for (const a of dev.inet) if (a.label === dev.name) a.label = name;
    dev.name = name;
    this.kernel.notifyTopology();
  }

  /** `ip link set DEV mtu N`. */
  setMtu(dev: NetDevice, mtu: number): void {
    if (mtu < dev.minMtu) fail('EINVAL', 'mtu less than device minimum');
    if (dev.maxMtu && mtu > dev.maxMtu) fail('EINVAL', 'mtu greater than device maximum');
    dev.ops.changeMtu?.(dev, mtu);
    dev.mtu = mtu;
    // inetdev_event(NETDEV_CHANGEMTU): below IPV4_MIN_MTU the device's IPv4
    // configuration is destroyed (every address and its routes go); at 68 or
    // more it is created again, empty. Only loopback can go that low.
    if (mtu < 68 && !dev.inetDead) {
      for (const a of [...dev.inet].reverse()) this.addrDel(dev, a.local, a.prefixlen);
      dev.inetDead = true;
    } else if (mtu >= 68) dev.inetDead = false;
  }

  /** `ip link set DEV address MAC`. */
  setAddress(dev: NetDevice, mac: Mac): void {
    if (dev.ops.fixedMac) fail('EOPNOTSUPP');
    if (parseInt(mac.slice(0, 2), 16) & 1) fail('EADDRNOTAVAIL');
    dev.mac = mac;
    dev.addrAssign = 'set';
    if (dev.bridge) dev.bridge.addrSet = true;
    if (dev.master) this.kernel.stack.bridgeRecomputeAddr(dev.master);
    this.kernel.stack.bridgeSyncLocal(dev);
  }

  /** `ip link set DEV master BR` / `nomaster`. */
  setMaster(dev: NetDevice, br: NetDevice | undefined): void {
    if (br) {
      if (!br.bridge) fail('EOPNOTSUPP');
      if (dev === br || dev.bridge) fail('ELOOP', 'Can not enslave a bridge to a bridge');
      if (dev.master === br) return;
      if (dev.master) this.setMaster(dev, undefined);
      if (dev.kind === 'loopback') fail('EINVAL');
      const before = this.carrierSnapshot(dev);
      before.set(br, br.carrier);
      dev.master = br;
      dev.port = { portNo: br.bridge.nextPortNo++, priority: 32, cost: 2, learning: true, flood: true, hairpin: false };
      this.kernel.stack.bridgeAddPort(br, dev);
      this.carrierChanged(before);
    } else {
      const old = dev.master;
      if (!old) return;
      const before = this.carrierSnapshot(dev);
      this.kernel.stack.bridgeDelPort(old, dev);
      dev.master = undefined;
      dev.port = undefined;
      this.carrierChanged(before);
    }
    this.kernel.notifyTopology();
  }

  /** `ip link set DEV netns NS`: move a device (its addresses and routes are dropped). */
  setNetns(dev: NetDevice, target: NetNs): void {
    if (target === this) return;
    // dev->netns_local: loopback and bridges stay where they were created.
    if (dev.ops.netnsLocal) fail('EINVAL', 'The interface netns is immutable');
    if (target.devByName(dev.name)) fail('EEXIST', 'An interface with the same name exists in the target netns');
    const peerBefore = dev.peer ? dev.peer.carrier : false;
    if (dev.adminUp) this.setDown(dev);
    if (dev.master) this.setMaster(dev, undefined);
    dev.inet = [];
    dev.inet6 = [];
    this.fib.removeWhere((r) => routeUsesDev(r, dev));
    this.neigh.flushDev(dev);
    this.devs.delete(dev.ifindex);
    if (target.devs.has(dev.ifindex)) dev.ifindex = target.newIfindex();
    dev.ns = target;
    // Re-registration in the new namespace starts without a qdisc (`qdisc noop`).
    dev.everUp = false;
    dev.conf = { ...target.confDefault };
    target.devs.set(dev.ifindex, dev);
    // dev_change_net_namespace: RTM_DELLINK here carries IFLA_NEW_NETNSID, and
    // the RTM_NEWLINK there names the peer's namespace: both get an nsid.
    this.nsidOf(target);
    if (dev.peer && dev.peer.ns !== target) target.nsidOf(dev.peer.ns);
    if (dev.peer && peerBefore && !dev.peer.carrier) dev.peer.ns.onCarrierDown(dev.peer);
    this.kernel.notifyTopology();
  }

  // ── IPv4 addresses ─────────────────────────────────────────────────────

  /** Every IPv4 address in the namespace with its device. */
  allAddrs(): { dev: NetDevice; addr: InetAddr }[] {
    return this.devices().flatMap((dev) => dev.inet.map((addr) => ({ dev, addr })));
  }

  /** RTM_GETADDR dump of the IPv4 addresses (of one device, or of every device in ifindex order). Copies. */
  addrDump(dev?: NetDevice): AddrMsg[] {
    return (dev ? [dev] : this.devices()).flatMap((d) => d.inet.map((a) => ({ ...a, ifindex: d.ifindex })));
  }

  /** RTM_GETADDR dump of the IPv6 addresses (of one device, or of every device). Copies. */
  addr6Dump(dev?: NetDevice): Addr6Msg[] {
    return (dev ? [dev] : this.devices()).flatMap((d) => d.inet6.map((a) => ({ ...a, flags: [...a.flags], ifindex: d.ifindex })));
  }

  /** True if `ip` is one of this namespace's local addresses. */
  isLocalAddr(ip: Ip4): boolean {
    return this.allAddrs().some((x) => x.addr.local === ip);
  }

  /** `ip addr add`. */
  addrAdd(dev: NetDevice, o: AddrAddOptions): void {
    // inet_rtm_newaddr / devinet_ioctl: no in_device (MTU below 68).
    if (dev.inetDead) fail('ENOBUFS');
    if (dev.inet.some((a) => a.local === o.local && a.prefixlen === o.prefixlen && (a.address === (o.peer ?? o.local)))) {
      fail('EEXIST', 'ipv4: Address already assigned');
    }
    const address = o.peer ?? o.local;
    const secondary = dev.inet.some((a) => a.prefixlen === o.prefixlen && netOf(a.address, a.prefixlen) === netOf(address, o.prefixlen));
    let broadcast: Ip4 | undefined;
    if (o.broadcast === 'auto') broadcast = o.prefixlen < 31 ? bcastOf(o.local, o.prefixlen) : undefined;
    else broadcast = o.broadcast;
    const a: InetAddr = {
      local: o.local,
      address,
      prefixlen: o.prefixlen,
      broadcast,
      scope: o.scope ?? (o.local >>> 24 === 127 ? SCOPE.host : SCOPE.universe),
      label: o.label ?? dev.name,
      secondary,
      validLft: o.validLft ?? Infinity,
      preferredLft: o.preferredLft ?? Infinity,
      noprefixroute: !!o.noprefixroute,
    };
    // __inet_insert_ifa: a secondary goes last; a primary goes right after the last
    // primary whose scope is at least as wide (numerically >=) as its own.
    if (secondary) dev.inet.push(a);
    else {
      let at = 0;
      dev.inet.forEach((x, i) => {
        if (!x.secondary && a.scope <= x.scope) at = i + 1;
      });
      dev.inet.splice(at, 0, a);
    }
    if (dev.adminUp) this.addrRoutesAdd(dev, a);
    // fib_add_ifaddr adds the local route before it checks IFF_UP (kube-ipvs0 stays down).
    else this.routeInsertUnique({ tos: 0, metric: 0, protocol: 'kernel', onlink: false, prefsrc: a.local, dev, table: RT_TABLE.local, type: 'local', dst: a.local, dstLen: 32, scope: SCOPE.host });
    this.kernel.notifyTopology();
  }

  /** `ip addr del`: delete the first address matching local (and prefix if given). */
  addrDel(dev: NetDevice, local: Ip4, prefixlen?: number): void {
    const i = dev.inet.findIndex((a) => a.local === local && (prefixlen === undefined || a.prefixlen === prefixlen));
    if (i < 0) fail('EADDRNOTAVAIL', 'ipv4: Address not found');
    const [a] = dev.inet.splice(i, 1);
    this.addrRoutesDel(dev, a);
    if (!a.secondary) {
      // Secondaries of the same subnet are deleted with their primary (promote_secondaries=0).
      const gone = dev.inet.filter((x) => x.secondary && netOf(x.address, x.prefixlen) === netOf(a.address, a.prefixlen) && x.prefixlen === a.prefixlen);
      for (const g of gone) {
        dev.inet.splice(dev.inet.indexOf(g), 1);
        this.addrRoutesDel(dev, g);
      }
    }
    this.kernel.notifyTopology();
  }

  /**
   * RTM_NEWADDR with NLM_F_REPLACE of an address the device has
   * (`ip addr change|replace`): its label, broadcast, scope and lifetimes
   * change in place. False when the device has no such address.
   */
  addrChange(dev: NetDevice, local: Ip4, prefixlen: number, c: { label?: string; broadcast?: Ip4; scope?: number; validLft?: number; preferredLft?: number }): boolean {
    const a = dev.inet.find((x) => x.local === local && x.prefixlen === prefixlen);
    if (!a) return false;
    if (c.label !== undefined) a.label = c.label;
    if (c.broadcast !== undefined) a.broadcast = c.broadcast;
    if (c.scope !== undefined) a.scope = c.scope;
    if (c.validLft !== undefined) a.validLft = c.validLft;
    if (c.preferredLft !== undefined) a.preferredLft = c.preferredLft;
    this.kernel.notifyTopology();
    return true;
  }

  /** RTM_NEWADDR of an IPv6 address (a manual one goes first); with `excl`, EEXIST when the device has it. */
  addr6Add(dev: NetDevice, a: Inet6Addr, flags: { excl: boolean }): void {
    const has = dev.inet6.some((x) => x.addr === a.addr);
    if (has && flags.excl) fail('EEXIST', 'ipv6: address already assigned');
    if (!has) dev.inet6.unshift(a);
    this.kernel.notifyTopology();
  }

  /** RTM_DELADDR of an IPv6 address (`ip -6 addr flush`); EADDRNOTAVAIL when the device has no such address. */
  addr6Del(dev: NetDevice, addr: string): void {
    if (!dev.inet6.some((x) => x.addr === addr)) fail('EADDRNOTAVAIL');
    dev.inet6 = dev.inet6.filter((x) => x.addr !== addr);
  }

  /** Install local/broadcast/prefix routes of an address (fib_add_ifaddr). */
  private addrRoutesAdd(dev: NetDevice, a: InetAddr): void {
    const base = { tos: 0, metric: 0, protocol: 'kernel', onlink: false, prefsrc: a.local, dev } as const;
    this.routeInsertUnique({ ...base, table: RT_TABLE.local, type: 'local', dst: a.local, dstLen: 32, scope: SCOPE.host });
    // fib_add_ifaddr: on a loopback device the prefix route is RTN_LOCAL, in the local table.
    const prefixRoute = !a.secondary && !a.noprefixroute && (a.prefixlen < 32 || netOf(a.address, a.prefixlen) !== a.local);
    if (prefixRoute && dev.kind === 'loopback') {
      this.routeInsertUnique({ ...base, table: RT_TABLE.local, type: 'local', dst: netOf(a.local, a.prefixlen), dstLen: a.prefixlen, scope: SCOPE.host });
    }
    // fib_add_ifaddr: an explicit broadcast address gets a route, and a primary's subnet
    // broadcast always does (prefixes shorter than /31), with or without `brd`.
    if (a.broadcast !== undefined && a.broadcast !== 0xffffffff) {
      this.routeInsertUnique({ ...base, table: RT_TABLE.local, type: 'broadcast', dst: a.broadcast, dstLen: 32, scope: SCOPE.link });
    }
    if (!a.secondary && a.prefixlen < 31 && netOf(a.address, a.prefixlen) !== 0) {
      this.routeInsertUnique({ ...base, table: RT_TABLE.local, type: 'broadcast', dst: bcastOf(a.address, a.prefixlen), dstLen: 32, scope: SCOPE.link });
    }
    // The prefix route also covers a point-to-point peer (`10.2.0.1 peer 10.2.0.2/32`).
    if (prefixRoute && dev.kind !== 'loopback') {
      this.routeInsertUnique({
        ...base,
        table: RT_TABLE.main,
        type: 'unicast',
        dst: netOf(a.address, a.prefixlen),
        dstLen: a.prefixlen,
        scope: SCOPE.link,
      });
    }
  }

  private routeInsertUnique(r: Route): void {
    const same = this.fib.table(r.table).some((x) => x.dst === r.dst && x.dstLen === r.dstLen && x.type === r.type && x.dev === r.dev && x.prefsrc === r.prefsrc);
    if (!same) this.fib.insert(r);
  }

  /** Remove the routes an address installed (fib_del_ifaddr). */
  private addrRoutesDel(dev: NetDevice, a: InetAddr): void {
    this.fib.removeWhere((r) => r.protocol === 'kernel' && r.dev === dev && r.prefsrc === a.local);
  }

  /** Device came up: install routes of all its addresses. */
  private addrRoutesUp(dev: NetDevice): void {
    for (const a of dev.inet) this.addrRoutesAdd(dev, a);
  }

  /** Device went down: every route through it is flushed, neighbours too (fib_disable_ip). */
  private devRoutesDown(dev: NetDevice): void {
    // fib_sync_down_dev: a multipath route loses only the next hops through
    // `dev` (marked dead); it goes when every next hop is dead.
    for (const r of this.fib.all()) for (const nh of r.nexthops ?? []) if (nh.dev === dev) nh.dead = true;
    this.fib.removeWhere((r) => r.dev === dev || (!!r.nexthops && r.nexthops.every((nh) => nh.dead)));
    this.neigh.flushDev(dev, true);
  }

  /** Flush addresses of a device (`ip addr flush dev X`). */
  addrFlush(dev: NetDevice, pred: (a: InetAddr) => boolean = () => true): number {
    const gone = dev.inet.filter(pred);
    for (const a of gone) {
      dev.inet.splice(dev.inet.indexOf(a), 1);
      this.addrRoutesDel(dev, a);
    }
    if (gone.length) this.kernel.notifyTopology();
    return gone.length;
  }

  /** Source address the kernel picks for `daddr` out of `dev` (inet_select_addr). */
  selectSource(dev: NetDevice | undefined, daddr: Ip4, scope: number = SCOPE.link): Ip4 | undefined {
    const fromDev = (d: NetDevice): Ip4 | undefined => {
      let any: Ip4 | undefined;
      for (const a of d.primaryAddrs()) {
        if (a.scope > scope) continue;
        if (netOf(daddr, a.prefixlen) === netOf(a.address, a.prefixlen)) return a.local;
        if (any === undefined) any = a.local;
      }
      return any;
    };
    if (dev) {
      const s = fromDev(dev);
      if (s !== undefined) return s;
    }
    for (const d of this.devices()) {
      if (d.kind === 'loopback' && scope < SCOPE.host) {
        const g = d.primaryAddrs().find((a) => a.scope <= scope);
        if (g) return g.local;
        continue;
      }
      for (const a of d.primaryAddrs()) if (a.scope <= scope && a.scope !== SCOPE.host) return a.local;
    }
    return undefined;
  }

  // ── routes ─────────────────────────────────────────────────────────────

  /** `ip route add|replace|change|append`. */
  routeAdd(r: Route, flags: RouteChangeFlags): void {
    if (r.dev && !r.dev.adminUp && r.type === 'unicast' && !r.onlink) {
      // A route through a down device is refused unless onlink.
      fail('ENETDOWN', 'Nexthop device is not up');
    }
    if (r.gateway !== undefined && r.type === 'unicast') {
      // The gateway must be directly reachable (fib_check_nh).
      const dev = r.dev;
      if (!r.onlink) {
        const via = this.fib.lookup({ daddr: r.gateway }, (x) => x.type === 'unicast' || x.type === 'local');
        const ok = via && via.route.type === 'unicast' && via.route.gateway === undefined && via.route.scope >= SCOPE.link && (!dev || via.route.dev === dev);
        if (!ok) fail('EINVAL', 'Nexthop has invalid gateway');
        if (!dev) r.dev = via!.route.dev;
      } else if (!dev) {
        fail('EINVAL', 'Nexthop device required for onlink');
      }
    }
    for (const nh of r.nexthops ?? []) {
      // fib_check_nh for every hop of a multipath route.
      if (nh.gateway !== undefined && !nh.onlink) {
        const via = this.fib.lookup({ daddr: nh.gateway }, (x) => x.type === 'unicast' || x.type === 'local');
        const ok = via && via.route.type === 'unicast' && via.route.gateway === undefined && !via.route.nexthops && via.route.scope >= SCOPE.link && (!nh.dev || via.route.dev === nh.dev);
        if (!ok) fail('EINVAL', 'Nexthop has invalid gateway');
        if (!nh.dev) nh.dev = via!.route.dev!;
      }
      if (!nh.dev) fail('EINVAL', 'Nexthop device required for onlink');
      if (!nh.dev.adminUp && !nh.onlink) fail('ENETDOWN', 'Nexthop device is not up');
    }
    const existing = this.fib.findExact(r.table, r.dst, r.dstLen, r.tos, r.metric);
    if (existing.length) {
      if (flags.excl) fail('EEXIST');
      if (flags.replace) {
        this.fib.remove(existing[0]);
      } else if (!flags.append) {
        fail('EEXIST');
      }
    } else if (!flags.create) {
      fail('ENOENT');
    }
    this.fib.insert(r);
  }

  /** `ip route del`: delete the first route matching the given keys. */
  routeDel(key: Partial<Route> & { dst: Ip4; dstLen: number; table: number }): void {
    const cand = this.fib.table(key.table).find(
      (r) =>
        r.dst === key.dst &&
        r.dstLen === key.dstLen &&
        (key.tos === undefined || r.tos === key.tos) &&
        (key.metric === undefined || r.metric === key.metric) &&
        (key.gateway === undefined || r.gateway === key.gateway) &&
        (key.dev === undefined || r.dev === key.dev) &&
        (key.protocol === undefined || r.protocol === key.protocol) &&
        (key.type === undefined || key.type === 'unicast' || r.type === key.type) &&
        (key.scope === undefined || r.scope === key.scope),
    );
    if (!cand) fail('ESRCH');
    this.fib.remove(cand);
  }

  /**
   * RTM_GETROUTE dump: the routes of one table (or of every table), for
   * programs that read routes (flanneld, CNI plugins, route, ping). Copies,
   * as a netlink reply is: changing one leaves the FIB as it was. A copy
   * names its route for routeRemove.
   */
  routeDump(table?: number): readonly Readonly<Route>[] {
    return (table === undefined ? this.fib.all() : this.fib.table(table)).map((r) => {
      const copy: Route = {
        ...r,
        ...(r.nexthops && { nexthops: r.nexthops.map((nh) => ({ ...nh })) }),
        ...(r.exceptions && { exceptions: new Map([...r.exceptions].map(([daddr, e]) => [daddr, { ...e }])) }),
      };
      this.dumped.set(copy, r);
      return copy;
    });
  }

  /** The kernel's route or rule behind a dumped copy (routeDump, ruleDump). */
  private readonly dumped = new WeakMap<object, Route | Rule>();

  /** RTM_DELROUTE of a route from a dump (`ip route flush`); ESRCH for a route no dump gave out. */
  routeRemove(r: Readonly<Route>): void {
    const route = this.dumped.get(r) as Route | undefined;
    if (!route) fail('ESRCH');
    this.fib.remove(route);
    this.kernel.notifyTopology();
  }

  /** `ip route flush cache`: every learned path MTU (next-hop exception) is dropped. */
  routeFlushCache(): void {
    for (const r of this.fib.all()) r.exceptions = undefined;
  }

  /** FIB_RULES dump (`ip rule`): the policy rules in the order they were added, as copies (ruleRemove takes one back). */
  ruleDump(): readonly Readonly<Rule>[] {
    return this.fib.rules.map((r) => {
      const copy: Rule = { ...r, ...(r.from && { from: { ...r.from } }), ...(r.to && { to: { ...r.to } }) };
      this.dumped.set(copy, r);
      return copy;
    });
  }

  /** RTM_NEWRULE with NLM_F_EXCL (fib_nl_newrule): EEXIST when an identical rule exists. */
  ruleAdd(rule: Rule): void {
    const same = (x: Rule): boolean =>
      x.priority === rule.priority && x.table === rule.table && x.action === rule.action && x.fwmark === rule.fwmark && (x.fwmask ?? 0xffffffff) === (rule.fwmask ?? 0xffffffff) &&
      x.iif === rule.iif && x.oif === rule.oif && x.from?.addr === rule.from?.addr && x.from?.len === rule.from?.len && x.to?.addr === rule.to?.addr && x.to?.len === rule.to?.len;
    if (this.fib.rules.some(same)) fail('EEXIST');
    this.fib.rules.push(rule);
    this.kernel.notifyTopology();
  }

  /** RTM_DELRULE of a rule object from a dump. */
  ruleRemove(rule: Readonly<Rule>): void {
    const i = this.fib.rules.indexOf(this.dumped.get(rule) as Rule);
    if (i < 0) fail('ENOENT');
    this.fib.rules.splice(i, 1);
    this.kernel.notifyTopology();
  }

  /**
   * RTM_GETROUTE for one destination without an input device
   * (ip_route_output_key, what `ip route get` and connect() see), with the
   * path MTU of the destination: a learned exception and its seconds left,
   * or the route's mtu metric. Throws KernelError as connect() fails.
   */
  routeGetOutput(daddr: Ip4, o: { saddr?: Ip4; oif?: NetDevice; mark?: number } = {}): Readonly<OutRoute> & { pmtu?: { mtu: number; locked: boolean; expires?: number } } {
    const r = this.kernel.stack.routeOutput(this, daddr, o);
    const exc = r.route.exceptions?.get(daddr);
    const now = this.now;
    const pmtu = exc && exc.expires > now ? { mtu: exc.mtu, locked: false, expires: Math.floor((exc.expires - now) / 1000) } : r.route.mtu ? { mtu: r.route.mtu, locked: !!r.route.mtuLock } : undefined;
    return { ...r, pmtu };
  }

  /** RTM_GETROUTE with RTA_IIF (ip_route_input): how a packet from `saddr` to `daddr` arriving on `iif` is routed. */
  routeGetInput(daddr: Ip4, saddr: Ip4, iif: NetDevice, mark = 0): { kind: 'local' } | { kind: 'broadcast' } | { kind: 'forward'; out: Readonly<OutRoute> } | { kind: 'error'; errno: Errno } {
    return this.kernel.stack.routeInput(this, { src: saddr, dst: daddr } as never, iif, mark);
  }

  /** Longest-prefix lookup (RTM_GETROUTE for one destination) of the routes `pred` accepts. */
  routeLookup(daddr: Ip4, pred: (r: Readonly<Route>) => boolean): FibResult | undefined {
    return this.fib.lookup({ daddr }, pred);
  }

  // ── neighbours (RTM_*NEIGH, SIOC*ARP) ──────────────────────────────────

  /** RTM_GETNEIGH dump: every entry (proxy ones too) in table order, with the NUD state now. A snapshot. */
  neighDump(): NeighInfo[] {
    const now = this.now;
    return this.neigh.entries.map((e) => ({ ip: e.ip, dev: e.dev, mac: e.mac, state: this.neigh.stateAt(e, now), router: e.router, proxy: e.proxy }));
  }

  /**
   * RTM_NEWNEIGH (neigh_add): create the entry for (ip, dev) or update it in
   * place. EEXIST with `excl` when it exists, ENOENT without `create` when
   * it does not; EINVAL for a short link address, or when a state that needs
   * one (permanent, noarp, reachable, stale, delay, probe) comes without it.
   * An update with an address releases the packets waiting for it.
   */
  neighAdd(n: NeighRequest, flags: { create: boolean; excl: boolean }): void {
    const existing = this.neigh.find(n.ip, n.dev);
    if (existing && flags.excl) fail('EEXIST');
    if (!existing && !flags.create) fail('ENOENT');
    if (n.mac && n.mac.split(':').length < 6) fail('EINVAL', 'Invalid link address');
    const needsAddr = n.state === 'PERMANENT' || n.state === 'NOARP' || n.state === 'REACHABLE' || n.state === 'STALE' || n.state === 'DELAY' || n.state === 'PROBE';
    if (!n.mac && !existing?.mac && needsAddr && n.dev.kind !== 'loopback') fail('EINVAL', 'No link layer address given');
    const now = this.now;
    if (existing) {
      this.kernel.clock.cancel(existing.timer);
      existing.timer = undefined;
      existing.state = n.state;
      if (n.mac) existing.mac = n.mac;
      existing.confirmed = now;
      existing.updated = now;
      existing.router = !!n.router;
      const q = existing.queue;
      existing.queue = [];
      if (existing.mac) for (const send of q) send(existing.mac);
    } else {
      this.neigh.add({ ip: n.ip, dev: n.dev, mac: n.mac, state: n.state, confirmed: now, updated: now, used: now, probes: 0, queue: [], router: !!n.router, proxy: !!n.proxy });
    }
  }

  /** RTM_DELNEIGH: remove the entry for (ip, dev); ENOENT when there is none. Packets waiting on it are dropped. */
  neighDel(ip: Ip4, dev: NetDevice): void {
    const e = this.neigh.find(ip, dev);
    if (!e) fail('ENOENT');
    this.kernel.clock.cancel(e.timer);
    this.neigh.remove(e);
  }

  /** SIOCSARP (arp_req_set): a permanent (or, `temp`, reachable) entry replacing any other; EINVAL on devices without ARP. */
  arpSet(ip: Ip4, dev: NetDevice, mac: Mac, temp: boolean): void {
    if (!dev.usesArp) fail('EINVAL');
    const existing = this.neigh.find(ip, dev);
    if (existing) this.neigh.remove(existing);
    const now = this.now;
    this.neigh.add({ ip, dev, mac, state: temp ? 'REACHABLE' : 'PERMANENT', confirmed: now, updated: now, used: now, probes: 0, queue: [], router: false, proxy: false });
  }

  /** SIOCDARP (arp_req_delete): remove the entry for (ip, dev); ENXIO when there is none (NOARP entries do not count). */
  arpDelete(ip: Ip4, dev: NetDevice): void {
    const e = this.neigh.entries.find((x) => x.ip === ip && x.dev === dev && this.neigh.stateAt(x, this.now) !== 'NOARP');
    if (!e) fail('ENXIO');
    this.neigh.remove(e);
  }

  // ── bridge forwarding databases (AF_BRIDGE RTM_*NEIGH) ─────────────────

  /** `bridge fdb add|append|replace`: the tables the request names (rtnl_fdb_add). */
  fdbAdd(dev: NetDevice, mac: Mac, o: FdbRequest): void {
    fdbRequestAdd(dev, mac, o);
    this.kernel.notifyTopology();
  }

  /** `bridge fdb del` (rtnl_fdb_del). */
  fdbDel(dev: NetDevice, mac: Mac, o: Pick<FdbRequest, 'master' | 'self' | 'dst'>): void {
    fdbRequestDel(dev, mac, o);
    this.kernel.notifyTopology();
  }

  /** AF_BRIDGE RTM_GETNEIGH dump of one device: its entries in its bridge's FDB and its own tables. A snapshot. */
  fdbDump(dev: NetDevice): FdbInfo[] {
    return fdbDump(dev);
  }

  /** /sys/class/net/BR/brforward: the bridge's entries on its ports. A snapshot. */
  brForward(br: NetDevice): BrForwardEntry[] {
    if (!br.bridge) fail('ENODEV');
    return brForward(br);
  }

  // ── sysctl ─────────────────────────────────────────────────────────────

  /** True if IPv4 forwarding is on for packets arriving on `dev`. */
  forwarding(dev: NetDevice): boolean {
    return (dev.conf.forwarding ?? 0) !== 0;
  }

  /** Set net.ipv4.ip_forward (propagates to conf.all/default and every device, as devinet does). */
  setIpForward(on: boolean | number): void {
    // proc_dointvec stores the integer as written (2 reads back as 2); any
    // non-zero value turns forwarding on everywhere (inet_forward_change).
    const v = typeof on === 'number' ? on : on ? 1 : 0;
    this.ipv4.ip_forward = String(v);
    this.confAll.forwarding = v;
    // inet_forward_change: a router stops accepting redirects.
    this.confAll.accept_redirects = v ? 0 : 1;
    this.confDefault.forwarding = v;
    for (const d of this.devices()) d.conf.forwarding = v;
  }


  /** Destroy the namespace (last reference gone): devices are unregistered, veth peers die. */
  destroy(): void {
    if (!this.alive) return;
    this.alive = false;
    for (const s of [...(this.sockets as { close?: () => void }[])]) s.close?.();
    for (const dev of this.devices().reverse()) {
      // (a veth's peer in this namespace went with it)
      if (dev.ops.noDellink || this.devByIndex(dev.ifindex) !== dev) continue;
      const peer = dev.peer;
      this.unregister(dev);
      if (peer) peer.ns.unregister(peer);
    }
    this.kernel.forgetNetns(this);
    this.kernel.notifyTopology();
  }

  /** Human-readable, for debugging. */
  toString(): string {
    return `netns(${this.label}: ${this.allAddrs().map((x) => `${x.dev.name}=${fmtIp4(x.addr.local)}`).join(' ')})`;
  }
}
