// Printing one link as `ip link` / `ip addr` do (ip/ipaddress.c
// print_linkinfo and print_linkinfo_brief): the RTM_NEWLINK attributes of a
// link dump (NetNs.linkDump / linkGet), printed in iproute2's order, in text
// or JSON.

import type { LinkMsg, NetNs } from '../../../kernel/netns.ts';
import type { BridgeId, LinkInfoValue } from '../../../kernel/dev/ops.ts';
import { fmtIp4 } from '../../../kernel/addr.ts';
import { AF_INET6, AF_PACKET, AF_UNSPEC, type Ip } from './common.ts';
import { COLOR_IFNAME, COLOR_MAC, COLOR_NONE, COLOR_OPERSTATE_DOWN, COLOR_OPERSTATE_UP, PRINT_ANY, PRINT_FP, PRINT_JSON } from './print.ts';

export { IFF } from '../../../kernel/netdev.ts';
import { IFF } from '../../../kernel/netdev.ts';
import type { BrportInfo } from '../../../kernel/brport.ts';

const FLAG_ORDER = ['LOOPBACK', 'BROADCAST', 'POINTOPOINT', 'MULTICAST', 'NOARP', 'ALLMULTI', 'PROMISC', 'MASTER', 'SLAVE', 'DEBUG', 'DYNAMIC', 'AUTOMEDIA', 'PORTSEL', 'NOTRAILERS', 'UP', 'LOWER_UP', 'DORMANT', 'ECHO'] as const;

/** Filters of `ip link show` / `ip addr show` (struct filter in ipaddress.c). */
export interface LinkFilter {
  ifindex: number;
  up: boolean;
  /** >0: only ports of this master; -1: only devices without one. */
  master: number;
  kind?: string;
  slaveKind?: string;
  family: number;
  label?: string;
}

/** The link kind name (IFLA_INFO_KIND); loopback and cabled NICs have none. */
export function linkKind(d: LinkMsg): string | undefined {
  return d.linkinfo?.kind;
}

/** Name of the namespace whose nsid (as `ns` numbers it) is `id`, like get_name_from_nsid(). */
export function nameFromNsid(ip: Ip, ns: NetNs, id: number): string | undefined {
  for (const name of ip.k.netnsNames()) {
    const other = ip.k.openNetns(name);
    if (other && ns.nsidPeek(other) === id) return name;
  }
  return undefined;
}

/** print_name_and_link(): `name@peer`, JSON `link`; returns the M-DOWN flag. */
function printNameAndLink(ip: Ip, fmt: string, d: LinkMsg, family: number): number {
  const o = ip.out;
  let name = d.ifname;
  let mflag = 0;
  const il = d.link;
  // inet6_fill_ifinfo puts IFLA_LINK only when it differs from the device's own index.
  if (il !== undefined && !(family === AF_INET6 && il === d.ifindex)) {
    // An AF_INET6 link dump carries no IFLA_LINK_NETNSID, so the index is resolved locally.
    const lnet = family === AF_INET6 ? undefined : d.linkNetns;
    let link: string | undefined;
    if (il) {
      if (lnet) {
        if (o.isJson) o.num(PRINT_JSON, 'link_index', null, il);
        else link = `if${il}`;
      } else {
        // The other end is here (or, for AF_INET6, whatever has its index here).
        const peer = ip.ns.linkGet(il);
        link = peer ? peer.ifname : `if${il}`;
        if (o.isJson) {
          o.string(PRINT_JSON, 'link', null, link);
          link = undefined;
        }
        mflag = peer && peer.flags & IFF.UP ? 0 : 1;
      }
    } else if (o.isJson) o.null(PRINT_JSON, 'link', null);
    else link = 'NONE';
    if (link) name = `${name}@${link}`;
  }
  o.colorString(PRINT_ANY, COLOR_IFNAME, 'ifname', fmt, name);
  return mflag;
}

/** print_link_flags(): `<UP,LOWER_UP> ` or the JSON `flags` array. */
export function printLinkFlags(ip: Ip, flags: number, mdown: number): void {
  const o = ip.out;
  o.openArray(PRINT_ANY, o.isJson ? 'flags' : '<');
  if (flags & IFF.UP && !(flags & IFF.RUNNING)) o.string(PRINT_ANY, null, flags ? '%s,' : '%s', 'NO-CARRIER');
  flags &= ~IFF.RUNNING;
  for (const f of FLAG_ORDER) {
    if (flags & IFF[f]) {
      flags &= ~IFF[f];
      o.string(PRINT_ANY, null, flags ? '%s,' : '%s', f);
    }
  }
  if (flags) o.hex(PRINT_ANY, null, '%x', flags);
  if (mdown) o.string(PRINT_ANY, null, ',%s', 'M-DOWN');
  o.closeArray(PRINT_ANY, '> ');
}

function operColor(s: string): number {
  return s === 'UP' ? COLOR_OPERSTATE_UP : s === 'DOWN' ? COLOR_OPERSTATE_DOWN : COLOR_NONE;
}

function printOperstate(ip: Ip, state: string): void {
  const o = ip.out;
  if (ip.brief) o.colorString(PRINT_ANY, operColor(state), 'operstate', '%-14s ', state);
  else if (o.isJson) o.string(PRINT_JSON, 'operstate', null, state);
  else {
    o.fp('state ');
    o.colorString(PRINT_FP, operColor(state), null, '%s ', state);
  }
}

/** Does `d` pass the link-level filters? (the early returns of print_linkinfo) */
export function linkPasses(d: LinkMsg, f: LinkFilter): boolean {
  if (f.ifindex && d.ifindex !== f.ifindex) return false;
  if (f.up && !(d.flags & IFF.UP)) return false;
  if (f.master > 0 && d.master !== f.master) return false;
  if (f.master < 0 && d.master) return false;
  if (f.kind !== undefined && linkKind(d) !== f.kind) return false;
  if (f.slaveKind !== undefined && (d.master ? 'bridge' : undefined) !== f.slaveKind) return false;
  return true;
}

function brief(ip: Ip, d: LinkMsg, f: LinkFilter): number {
  const o = ip.out;
  const mflag = printNameAndLink(ip, '%-16s ', d, f.family);
  printOperstate(ip, d.operstate);
  if (f.family === AF_PACKET) {
    o.colorString(PRINT_ANY, COLOR_MAC, 'address', '%s ', d.address);
    printLinkFlags(ip, d.flags, mflag);
    o.string(PRINT_FP, null, '%s', '\n');
  }
  return 0;
}

/** `8000.2:0:0:aa:bb:10`: a bridge id as iproute2 prints it (bytes in %x). */
function bridgeId(prio: number, mac: string): string {
  const p = prio.toString(16).padStart(4, '0');
  return `${p}.${mac.split(':').map((b) => parseInt(b, 16).toString(16)).join(':')}`;
}

/** The kind's IFLA_INFO_DATA as iproute2's bridge_print_opt / vxlan_print_opt print it. */
function printKindData(ip: Ip, kind: string, data: Readonly<Record<string, LinkInfoValue>>): void {
  const o = ip.out;
  const n = (k: string): number => data[k] as number;
  const bid = (k: string): string => {
    const v = data[k] as BridgeId;
    return bridgeId(v.prio, v.addr);
  };
  if (kind === 'bridge') {
    const nums: [string, string, number][] = [
      ['forward_delay', 'forward_delay %u ', n('forward_delay')],
      ['hello_time', 'hello_time %u ', n('hello_time')],
      ['max_age', 'max_age %u ', n('max_age')],
      ['ageing_time', 'ageing_time %u ', n('ageing_time')],
      ['stp_state', 'stp_state %u ', n('stp_state')],
      ['priority', 'priority %u ', n('priority')],
      ['vlan_filtering', 'vlan_filtering %u ', n('vlan_filtering')],
    ];
    for (const [k, f, v] of nums) o.num(PRINT_ANY, k, f, v);
    o.string(PRINT_ANY, 'bridge_id', 'bridge_id %s ', bid('bridge_id'));
    o.string(PRINT_ANY, 'root_id', 'designated_root %s ', bid('root_id'));
    const rest: [string, string, number][] = [
      ['root_port', 'root_port %u ', n('root_port')],
      ['root_path_cost', 'root_path_cost %u ', n('root_path_cost')],
      ['topology_change', 'topology_change %u ', n('topology_change')],
      ['topology_change_detected', 'topology_change_detected %u ', n('topology_change_detected')],
    ];
    for (const [k, f, v] of rest) o.num(PRINT_ANY, k, f, v);
    for (const t of ['hello_timer', 'tcn_timer', 'topology_change_timer', 'gc_timer']) {
      if (o.isJson) o.num(PRINT_JSON, t, null, 0);
      else o.fp(`${t}    0.00 `);
    }
    o.num(PRINT_ANY, 'group_fwd_mask', 'group_fwd_mask %#x ', 0);
    o.string(PRINT_ANY, 'group_addr', 'group_address %s ', '01:80:c2:00:00:00');
    const mc: [string, string, number][] = [
      ['mcast_snooping', 'mcast_snooping %u ', 1],
      ['no_linklocal_learn', 'no_linklocal_learn %u ', 0],
      ['mcast_vlan_snooping', 'mcast_vlan_snooping %u ', 0],
      ['mcast_router', 'mcast_router %u ', 1],
      ['mcast_query_use_ifaddr', 'mcast_query_use_ifaddr %u ', 0],
      ['mcast_querier', 'mcast_querier %u ', 0],
      ['mcast_hash_elasticity', 'mcast_hash_elasticity %u ', 16],
      ['mcast_hash_max', 'mcast_hash_max %u ', 4096],
      ['mcast_last_member_cnt', 'mcast_last_member_count %u ', 2],
      ['mcast_startup_query_cnt', 'mcast_startup_query_count %u ', 2],
      ['mcast_last_member_intvl', 'mcast_last_member_interval %u ', 100],
      ['mcast_membership_intvl', 'mcast_membership_interval %u ', 26000],
      ['mcast_querier_intvl', 'mcast_querier_interval %u ', 25500],
      ['mcast_query_intvl', 'mcast_query_interval %u ', 12500],
      ['mcast_query_response_intvl', 'mcast_query_response_interval %u ', 1000],
      ['mcast_startup_query_intvl', 'mcast_startup_query_interval %u ', 3124],
      ['mcast_stats_enabled', 'mcast_stats_enabled %u ', 0],
      ['mcast_igmp_version', 'mcast_igmp_version %u ', 2],
      ['mcast_mld_version', 'mcast_mld_version %u ', 1],
      ['nf_call_iptables', 'nf_call_iptables %u ', n('nf_call_iptables')],
      ['nf_call_ip6tables', 'nf_call_ip6tables %u ', 0],
      ['nf_call_arptables', 'nf_call_arptables %u ', 0],
    ];
    for (const [k, f, v] of mc) o.num(PRINT_ANY, k, f, v);
  } else if (kind === 'vxlan' && data.id !== undefined) {
    o.num(PRINT_ANY, 'id', 'id %u ', n('id'));
    if (data.group !== undefined) o.string(PRINT_ANY, 'group', 'remote %s ', fmtIp4(n('group')));
    if (data.local !== undefined) o.string(PRINT_ANY, 'local', 'local %s ', fmtIp4(n('local')));
    if (data.link !== undefined) o.string(PRINT_ANY, 'link', 'dev %s ', data.link as string);
    const [lo, hi] = data.port_range as readonly [number, number];
    if (o.isJson) {
      o.openObject('port_range');
      o.num(PRINT_JSON, 'low', null, lo);
      o.num(PRINT_JSON, 'high', null, hi);
      o.closeObject();
    } else o.fp(`srcport ${lo} ${hi} `);
    o.num(PRINT_ANY, 'port', 'dstport %u ', n('port'));
    if (!data.learning) o.bool(PRINT_ANY, 'learning', 'nolearning ', false);
    o.string(PRINT_ANY, 'ttl', 'ttl %s ', 'auto');
    o.num(PRINT_ANY, 'ageing', 'ageing %u ', 300);
    o.bool(PRINT_ANY, 'udp_csum', 'udpcsum ', true);
    o.bool(PRINT_ANY, 'udp_zero_csum6_tx', 'noudp6zerocsumtx ', false);
    o.bool(PRINT_ANY, 'udp_zero_csum6_rx', 'noudp6zerocsumrx ', false);
  }
}

function printSlaveData(ip: Ip, port: BrportInfo): void {
  const o = ip.out;
  const br = port.master;
  const st = port.state;
  const id = bridgeId(ip.ns.bridgeInfo(br)?.priority ?? 32768, ip.ns.linkMsg(br).address);
  o.string(PRINT_ANY, 'state', 'state %s ', st);
  o.num(PRINT_ANY, 'priority', 'priority %d ', port.priority);
  o.num(PRINT_ANY, 'cost', 'cost %d ', port.cost);
  const onoff = (k: string, label: string, v: boolean): void => {
    if (o.isJson) o.bool(PRINT_JSON, k, null, v);
    else o.fp(`${label} ${v ? 'on' : 'off'} `);
  };
  onoff('hairpin', 'hairpin', port.hairpin);
  onoff('guard', 'guard', false);
  onoff('root_block', 'root_block', false);
  onoff('fastleave', 'fastleave', false);
  onoff('learning', 'learning', port.learning);
  onoff('flood', 'flood', port.flood);
  const pid = (port.priority << 10) | port.portNo;
  o.string(PRINT_ANY, 'id', 'port_id %s ', `0x${pid.toString(16)}`);
  o.string(PRINT_ANY, 'no', 'port_no %s ', `0x${port.portNo.toString(16)}`);
  o.num(PRINT_ANY, 'designated_port', 'designated_port %u ', pid);
  o.num(PRINT_ANY, 'designated_cost', 'designated_cost %u ', 0);
  o.string(PRINT_ANY, 'bridge_id', 'designated_bridge %s ', id);
  o.string(PRINT_ANY, 'root_id', 'designated_root %s ', id);
  for (const t of ['hold_timer', 'message_age_timer', 'forward_delay_timer']) {
    if (o.isJson) o.num(PRINT_JSON, t, null, 0);
    else o.fp(`${t}    0.00 `);
  }
  if (o.isJson) o.fp('');
  o.num(PRINT_ANY, 'topology_change_ack', 'topology_change_ack %u ', 0);
  o.num(PRINT_ANY, 'config_pending', 'config_pending %u ', 0);
  onoff('proxy_arp', 'proxy_arp', false);
  onoff('proxy_arp_wifi', 'proxy_arp_wifi', false);
  o.num(PRINT_ANY, 'multicast_router', 'mcast_router %u ', 1);
  if (!o.isJson) o.fp('mcast_fast_leave off ');
  onoff('mcast_flood', 'mcast_flood', true);
  onoff('bcast_flood', 'bcast_flood', true);
  onoff('mcast_to_unicast', 'mcast_to_unicast', false);
  onoff('neigh_suppress', 'neigh_suppress', false);
  o.string(PRINT_ANY, 'group_fwd_mask', 'group_fwd_mask %s ', '0');
  o.string(PRINT_ANY, 'group_fwd_mask_str', 'group_fwd_mask_str %s ', '0x0');
  onoff('vlan_tunnel', 'vlan_tunnel', false);
  onoff('isolated', 'isolated', false);
  onoff('locked', 'locked', false);
}

function printLinktype(ip: Ip, d: LinkMsg): void {
  const o = ip.out;
  o.openObject('linkinfo');
  const info = d.linkinfo;
  if (info) {
    o.nl();
    o.string(PRINT_ANY, 'info_kind', '    %s ', info.kind);
    if (info.data) {
      o.openObject('info_data');
      printKindData(ip, info.kind, info.data);
      o.closeObject();
    }
  }
  const port = ip.ns.brportInfo(d.dev);
  if (port) {
    o.nl();
    o.string(PRINT_ANY, 'info_slave_kind', '    %s_slave ', 'bridge');
    o.openObject('info_slave_data');
    printSlaveData(ip, port);
    o.closeObject();
  }
  o.closeObject();
}

function num(n: number): number {
  return n;
}

/** print_stats64(): the RX/TX counter block of `-s` (and `-s -s`). */
export function printStats64(ip: Ip, d: LinkMsg): void {
  const o = ip.out;
  const s = d.stats;
  const SL = o.SL;
  if (o.isJson) {
    o.openObject('stats64');
    o.openObject('rx');
    o.num(PRINT_JSON, 'bytes', null, s.rxBytes);
    o.num(PRINT_JSON, 'packets', null, s.rxPackets);
    o.num(PRINT_JSON, 'errors', null, s.rxErrors);
    o.num(PRINT_JSON, 'dropped', null, s.rxDropped);
    o.num(PRINT_JSON, 'over_errors', null, 0);
    o.num(PRINT_JSON, 'multicast', null, s.multicast);
    if (ip.stats > 1) {
      for (const k of ['length_errors', 'crc_errors', 'frame_errors', 'fifo_errors']) o.num(PRINT_JSON, k, null, 0);
      o.num(PRINT_JSON, 'missed_errors', null, s.rxMissed);
    }
    o.closeObject();
    o.openObject('tx');
    o.num(PRINT_JSON, 'bytes', null, s.txBytes);
    o.num(PRINT_JSON, 'packets', null, s.txPackets);
    o.num(PRINT_JSON, 'errors', null, s.txErrors);
    o.num(PRINT_JSON, 'dropped', null, s.txDropped);
    o.num(PRINT_JSON, 'carrier_errors', null, s.txCarrier);
    o.num(PRINT_JSON, 'collisions', null, s.collisions);
    if (ip.stats > 1) {
      for (const k of ['aborted_errors', 'fifo_errors', 'window_errors', 'heartbeat_errors']) o.num(PRINT_JSON, k, null, 0);
      o.num(PRINT_JSON, 'carrier_changes', null, 0);
    }
    o.closeObject();
    o.closeObject();
    return;
  }
  const cols = [10, 7, 6, 7, 7, 7, 10, 9];
  const size = (...vals: number[]): void => {
    vals.forEach((v, i) => {
      const len = String(num(v)).length;
      if (len > cols[i]) cols[i] = len;
    });
  };
  size(s.rxBytes, s.rxPackets, s.rxErrors, s.rxDropped, s.rxMissed, s.multicast, 0, 0);
  size(s.txBytes, s.txPackets, s.txErrors, s.txDropped, s.txCarrier, s.collisions, 0, 0);
  const pn = (w: number, v: number): string => `${String(v).padStart(w)} `;
  let t = `    RX: ${'bytes'.padStart(cols[0] - 4)} ${'packets'.padStart(cols[1])} ${'errors'.padStart(cols[2])} ${'dropped'.padStart(cols[3])} ${'missed'.padStart(cols[4])} ${'mcast'.padStart(cols[5])} ${''.padStart(cols[6])}${SL}`;
  t += '    ' + pn(cols[0], s.rxBytes) + pn(cols[1], s.rxPackets) + pn(cols[2], s.rxErrors) + pn(cols[3], s.rxDropped) + pn(cols[4], s.rxMissed) + pn(cols[5], s.multicast);
  if (ip.stats > 1) {
    t += SL;
    t += `    RX errors:${''.padStart(cols[0] - 10)} ${'length'.padStart(cols[1])} ${'crc'.padStart(cols[2])} ${'frame'.padStart(cols[3])} ${'fifo'.padStart(cols[4])} ${'overrun'.padStart(cols[5])}${SL}`;
    t += ''.padStart(cols[0] + 5) + pn(cols[1], 0) + pn(cols[2], 0) + pn(cols[3], 0) + pn(cols[4], 0) + pn(cols[5], 0);
  }
  t += SL;
  t += `    TX: ${'bytes'.padStart(cols[0] - 4)} ${'packets'.padStart(cols[1])} ${'errors'.padStart(cols[2])} ${'dropped'.padStart(cols[3])} ${'carrier'.padStart(cols[4])} ${'collsns'.padStart(cols[5])} ${''.padStart(cols[6])}${SL}`;
  t += '    ' + pn(cols[0], s.txBytes) + pn(cols[1], s.txPackets) + pn(cols[2], s.txErrors) + pn(cols[3], s.txDropped) + pn(cols[4], s.txCarrier) + pn(cols[5], s.collisions);
  if (ip.stats > 1) {
    t += SL;
    t += `    TX errors:${''.padStart(cols[0] - 10)} ${'aborted'.padStart(cols[1])} ${'fifo'.padStart(cols[2])} ${'window'.padStart(cols[3])} ${'heartbt'.padStart(cols[4])} ${'transns'.padStart(cols[5])}${SL}`;
    t += ''.padStart(cols[0] + 5) + pn(cols[1], 0) + pn(cols[2], 0) + pn(cols[3], 0) + pn(cols[4], 0) + pn(cols[5], 0);
  }
  o.fp(t);
}

/**
 * print_linkinfo(): one link. `doLink` is true for `ip link` (adds `mode`,
 * alias, stats). Returns -1 when filtered out, 0 for brief, 1 otherwise.
 */
export function printLinkinfo(ip: Ip, d: LinkMsg, f: LinkFilter, doLink: boolean): number {
  const o = ip.out;
  if (!linkPasses(d, f)) return -1;
  if (f.label) return 0;
  if (ip.brief) return brief(ip, d, f);
  // An AF_INET6 link dump carries a reduced message; a single-link GET (`show dev X`) does not.
  const inet6 = f.family === AF_INET6 && !f.ifindex;
  o.num(PRINT_ANY, 'ifindex', '%d: ', d.ifindex);
  const mflag = printNameAndLink(ip, '%s: ', d, inet6 ? AF_INET6 : AF_UNSPEC);
  printLinkFlags(ip, d.flags, mflag);
  o.num(PRINT_ANY, 'mtu', 'mtu %u ', d.mtu);
  if (!inet6) o.string(PRINT_ANY, 'qdisc', 'qdisc %s ', d.qdisc);
  const master = !inet6 && d.master ? ip.ns.linkGet(d.master) : undefined;
  if (master) o.string(PRINT_ANY, 'master', 'master %s ', master.ifname);
  printOperstate(ip, d.operstate);
  if (doLink && !inet6) o.string(PRINT_ANY, 'linkmode', 'mode %s ', 'DEFAULT');
  if (!inet6) o.string(PRINT_ANY, 'group', 'group %s ', 'default');
  if (d.txqlen) o.num(PRINT_ANY, 'txqlen', 'qlen %d', d.txqlen);
  if (f.family === AF_UNSPEC || f.family === AF_PACKET || ip.details) {
    o.nl();
    o.string(PRINT_ANY, 'link_type', '    link/%s ', d.linkType);
    o.colorString(PRINT_ANY, COLOR_MAC, 'address', '%s', d.address);
    o.string(PRINT_FP, null, ' brd ', null);
    o.colorString(PRINT_ANY, COLOR_MAC, 'broadcast', '%s', d.broadcast);
  }
  const lnet = inet6 ? undefined : d.linkNetns;
  if (lnet) {
    const id = ip.ns.nsidOf(lnet);
    if (o.isJson) o.num(PRINT_JSON, 'link_netnsid', null, id);
    else {
      const name = nameFromNsid(ip, ip.ns, id);
      if (name) o.string(PRINT_FP, null, ' link-netns %s', name);
      else o.num(PRINT_FP, null, ' link-netnsid %d', id);
    }
  }
  if (ip.details) {
    o.num(PRINT_ANY, 'promiscuity', ' promiscuity %u ', d.promiscuity);
    o.num(PRINT_ANY, 'allmulti', ' allmulti %u ', d.allmulti);
    o.num(PRINT_ANY, 'min_mtu', 'minmtu %u ', d.minMtu);
    o.num(PRINT_ANY, 'max_mtu', 'maxmtu %u ', d.maxMtu);
    if (linkKind(d) || d.master) printLinktype(ip, d);
    if (doLink) o.string(PRINT_ANY, 'inet6_addr_gen_mode', 'addrgenmode %s ', 'eui64');
    const q = d.numQueues;
    o.num(PRINT_ANY, 'num_tx_queues', 'numtxqueues %u ', q);
    o.num(PRINT_ANY, 'num_rx_queues', 'numrxqueues %u ', q);
    o.num(PRINT_ANY, 'gso_max_size', 'gso_max_size %u ', 65536);
    o.num(PRINT_ANY, 'gso_max_segs', 'gso_max_segs %u ', 65535);
    o.num(PRINT_ANY, 'tso_max_size', 'tso_max_size %u ', d.tsoMaxSize);
    o.num(PRINT_ANY, 'tso_max_segs', 'tso_max_segs %u ', 65535);
    o.num(PRINT_ANY, 'gro_max_size', 'gro_max_size %u ', 65536);
  }
  if ((doLink || ip.details) && d.ifalias) {
    o.string(PRINT_FP, null, '%s    ', o.SL);
    o.string(PRINT_ANY, 'ifalias', 'alias %s', d.ifalias);
  }
  if (doLink && ip.stats) {
    o.nl();
    printStats64(ip, d);
  }
  o.string(PRINT_FP, null, '%s', '\n');
  return 1;
}
