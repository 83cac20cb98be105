// `ip link`: add / set / delete / show, after ip/iplink.c (iplink_parse,
// iplink_modify) and the kernel's do_setlink order of changes.

import type { NetDevice, LinkKind } from '../../../kernel/netdev.ts';
import type { NetNs } from '../../../kernel/netns.ts';
import type { BrportAttrs } from '../../../kernel/brport.ts';
import { AF_PACKET, Args, type Ip, matches, parseCInt } from './common.ts';
import { addrListOrFlush } from './addr.ts';
import { USAGE_LINK } from './help.ts';
import { parseV4 } from './inet.ts';
import { NOT_SIMULATED_STATUS, declareNotSimulated, notSimulatedMessage } from '../../registry.ts';
import type { BridgeOpts } from '../../../kernel/stp.ts';
// The vxlan link kind and the spanning tree (`stp_state 1`): not among what every kernel loads at boot.
import '../../lib/kmod.ts';

/** bridge_parse_opt(): the STP and ageing attributes of `type bridge`. */
function parseBridgeOpts(ip: Ip, targs: string[]): BridgeOpts {
  const o: BridgeOpts = {};
  const a = new Args(ip, targs);
  const u32 = (v: string, what: string): number => {
    const n = parseCInt(v, true);
    if (n === undefined || n > 0xffffffff) ip.invarg(`invalid ${what}`, v);
    return n;
  };
  while (a.more) {
    const w = a.cur;
    if (w === 'forward_delay') o.forwardDelay = u32(a.next(), 'forward_delay');
    else if (w === 'hello_time') o.helloTime = u32(a.next(), 'hello_time');
    else if (w === 'max_age') o.maxAge = u32(a.next(), 'max_age');
    else if (w === 'ageing_time') o.ageingTime = u32(a.next(), 'ageing_time');
    else if (w === 'stp_state') o.stpState = u32(a.next(), 'stp_state');
    else if (w === 'priority') {
      const v = a.next();
      const n = parseCInt(v, true);
      if (n === undefined || n > 0xffff) ip.invarg('invalid priority', v);
      o.priority = n;
    } else if (w === 'vlan_filtering' || w === 'mcast_snooping') {
      // Parsed for compatibility; not modelled.
      ip.die(`ip: bridge option ${w} is not simulated\n`, 2);
    } else if (matches(w, 'help')) ip.die('Usage: ... bridge [ options ]\n');
    else ip.die(`bridge: unknown command "${w}"?\n`);
    a.shift();
  }
  return o;
}

/** A parsed `ip link` request (struct iplink_req plus its attributes). */
interface LinkReq {
  dev?: string;
  name?: string;
  up?: boolean;
  address?: string;
  mtu?: number;
  txqlen?: number;
  netns?: NetNs;
  netnsPid?: number;
  /** 0 = nomaster. */
  master?: number;
  alias?: string;
  noarp?: boolean;
  promisc?: boolean;
  allmulti?: boolean;
  type?: string;
  /** Words after `type KIND`. */
  typeArgs: string[];
  /** `type bridge_slave …` changes to the port (IFLA_INFO_SLAVE_DATA). */
  portSet?: BrportAttrs;
  group?: boolean;
}

/** ll_addr_a2n(): hex bytes separated by ':'; prints the error and returns undefined when invalid. */
function llAddr(ip: Ip, arg: string): string | undefined {
  if (arg.includes('.')) {
    const v = parseV4(arg);
    if (v === undefined) {
      ip.err(`"${arg}" is invalid lladdr.\n`);
      return undefined;
    }
    return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].map((b) => b.toString(16).padStart(2, '0')).join(':');
  }
  const bytes: number[] = [];
  for (const part of arg.split(':').slice(0, 32)) {
    const m = /^\s*(?:0[xX])?([0-9a-fA-F]+)/.exec(part);
    if (!m) {
      ip.err(`"${part}" is invalid lladdr.\n`);
      return undefined;
    }
    const n = parseInt(m[1].slice(-8), 16);
    if (n > 255) {
      ip.err(`"${part}" is invalid lladdr.\n`);
      return undefined;
    }
    bytes.push(n);
  }
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

function onOff(ip: Ip, what: string, v: string): number {
  ip.err(`Error: argument of "${what}" must be "on" or "off", not "${v}"\n`);
  return -1;
}

/** The namespace a `netns` argument names: /run/netns/NAME or a path. */
function netnsByName(ip: Ip, name: string): NetNs | undefined {
  if (name.includes('/')) {
    const n = ip.k.vfs.tryLookup(name, ip.p.vfsCtx());
    return n && n.kind === 'nsfs' ? (n.ns as NetNs) : undefined;
  }
  return ip.k.openNetns(name);
}

/**
 * iplink_parse(): fill `req` from the words; returns how many words were
 * consumed (the rest belong to `type KIND`), or -1 after printing an error.
 */
function iplinkParse(ip: Ip, argv: string[], req: LinkReq, create: boolean): number {
  const args = new Args(ip, argv);
  let name: string | undefined;
  let dev: string | undefined;
  let addrLen = 0;
  let qlenSet = false;
  let mtuSet = false;
  let netnsSet = false;
  while (args.more) {
    const w = args.cur;
    if (w === 'up') req.up = true;
    else if (w === 'down') req.up = false;
    else if (w === 'name') {
      const v = args.next();
      if (name !== undefined) ip.duparg('name', v);
      if (!validIfname(v)) ip.invarg('"name" not a valid ifname', v);
      name = v;
      if (dev === undefined) dev = name;
    } else if (w === 'index') {
      const v = args.next();
      const n = Number.parseInt(v, 10);
      if (!(n > 0)) ip.invarg('Invalid "index" value', v);
    } else if (matches(w, 'link')) {
      args.next();
    } else if (matches(w, 'address')) {
      const v = args.next();
      const a = llAddr(ip, v);
      if (a === undefined) return -1;
      req.address = a;
      addrLen = a.split(':').length;
    } else if (matches(w, 'broadcast') || w === 'brd') {
      const v = args.next();
      if (llAddr(ip, v) === undefined) return -1;
    } else if (matches(w, 'txqueuelen') || w === 'qlen' || matches(w, 'txqlen')) {
      const v = args.next();
      if (qlenSet) ip.duparg('txqueuelen', v);
      const n = parseCInt(v);
      if (n === undefined) ip.invarg('Invalid "txqueuelen" value\n', v);
      req.txqlen = n;
      qlenSet = true;
    } else if (w === 'mtu') {
      const v = args.next();
      if (mtuSet) ip.duparg('mtu', v);
      const n = parseCInt(v);
      if (n === undefined) ip.invarg('Invalid "mtu" value\n', v);
      req.mtu = n;
      mtuSet = true;
    } else if (w === 'netns') {
      const v = args.next();
      if (netnsSet) ip.duparg('netns', v);
      const ns = netnsByName(ip, v);
      if (ns) req.netns = ns;
      else {
        const pid = parseCInt(v);
        if (pid === undefined) ip.invarg('Invalid "netns" value\n', v);
        req.netnsPid = pid;
      }
      netnsSet = true;
    } else if (w === 'multicast' || w === 'allmulticast' || w === 'promisc' || w === 'trailers' || w === 'arp' || matches(w, 'dynamic')) {
      const key = matches(w, 'dynamic') ? 'dynamic' : w;
      const v = args.next();
      if (v !== 'on' && v !== 'off') return onOff(ip, key, v);
      if (key === 'arp') req.noarp = v === 'off';
      else if (key === 'promisc') req.promisc = v === 'on';
      else if (key === 'allmulticast') req.allmulti = v === 'on';
    } else if (w === 'carrier' || w === 'protodown') {
      const v = args.next();
      if (v !== 'on' && v !== 'off') return onOff(ip, w, v);
    } else if (matches(w, 'master')) {
      const v = args.next();
      const i = ip.ifindex(v);
      if (!i) ip.invarg('Device does not exist\n', v);
      req.master = i;
    } else if (w === 'vrf') {
      const v = args.next();
      ip.invarg('Not a valid VRF name\n', v);
    } else if (matches(w, 'nomaster')) {
      req.master = 0;
    } else if (matches(w, 'type')) {
      req.type = args.next();
      args.shift();
      break;
    } else if (matches(w, 'alias')) {
      const v = args.next();
      if (v.length >= 256) ip.invarg('alias too long\n', v);
      req.alias = v;
    } else if (w === 'group') {
      const v = args.next();
      if (v !== 'default' && parseCInt(v) === undefined) ip.invarg('Invalid "group" value\n', v);
      req.group = true;
    } else if (w === 'mode' || w === 'state') {
      args.next();
    } else if (matches(w, 'numtxqueues') || matches(w, 'numrxqueues') || w === 'gso_max_size' || w === 'gso_max_segs' || w === 'gro_max_size') {
      const v = args.next();
      if (parseCInt(v) === undefined) ip.invarg(`Invalid "${w}" value\n`, v);
    } else if (matches(w, 'addrgenmode')) {
      const v = args.next();
      if (!['eui64', 'none', 'stable_secret', 'random'].includes(v)) ip.invarg('Invalid address generation mode\n', v);
    } else {
      if (matches(w, 'help')) ip.die(USAGE_LINK);
      let d = w;
      if (w === 'dev') d = args.next();
      if (dev !== name) ip.duparg2('dev', d);
      // check_altifname(): up to 127 bytes, no '/' and no white space.
      if (!/^[^/\s]{1,127}$/.test(d)) ip.invarg('"dev" not a valid ifname', d);
      dev = d;
    }
    args.shift();
  }
  if (name === undefined) name = dev;
  else if (dev === undefined) dev = name;
  if (dev !== undefined && addrLen && !create) {
    const d = ip.dev(dev);
    if (d && addrLen !== 6) {
      ip.err(`Invalid address length ${addrLen} - must be 6 bytes\n`);
      return -1;
    }
  }
  if (!create) {
    if (dev === undefined) ip.die('Not enough information: "dev" argument is required.\n');
  } else if (name !== dev) {
    ip.die('both "name" and "dev" cannot be used when creating devices.\n');
  }
  req.dev = dev;
  if (name !== dev || create) req.name = name;
  return argv.length - args.left;
}

/** dev_valid_name() as check_ifname() applies it. */
function validIfname(n: string): boolean {
  return n.length > 0 && n.length < 16 && n !== '.' && n !== '..' && !/[/:\s]/.test(n);
}

const BRIDGE_SLAVE_USAGE =
  'Usage: ... bridge_slave [ fdb_flush ]\n\t\t\t[ state STATE ]\n\t\t\t[ priority PRIO ]\n\t\t\t[ cost COST ]\n\t\t\t[ guard {on | off} ]\n' +
  '\t\t\t[ hairpin {on | off} ]\n\t\t\t[ fastleave {on | off} ]\n\t\t\t[ root_block {on | off} ]\n\t\t\t[ learning {on | off} ]\n' +
  '\t\t\t[ flood {on | off} ]\n\t\t\t[ proxy_arp {on | off} ]\n\t\t\t[ proxy_arp_wifi {on | off} ]\n\t\t\t[ mcast_router MULTICAST_ROUTER ]\n' +
  '\t\t\t[ mcast_fast_leave {on | off} ]\n\t\t\t[ mcast_flood {on | off} ]\n\t\t\t[ bcast_flood {on | off} ]\n\t\t\t[ mcast_to_unicast {on | off} ]\n' +
  '\t\t\t[ group_fwd_mask MASK ]\n\t\t\t[ neigh_suppress {on | off} ]\n\t\t\t[ vlan_tunnel {on | off} ]\n\t\t\t[ isolated {on | off} ]\n' +
  '\t\t\t[ locked {on | off} ]\n\t\t\t[ backup_port DEVICE ] [ nobackup_port ]\n';

/** bridge_slave attributes the simulated bridge honours; every other one is refused as not simulated. */
export const BRIDGE_SLAVE_HONOURED = ['priority', 'cost', 'hairpin', 'learning', 'flood'];
/** bridge_slave attributes iproute2 parses that the simulation does not model. */
/** vxlan attributes that are parsed by iproute2 but not modelled (outer TTL/TOS are fixed at 64/0, learned entries age at 300 s, no limit on them). */
export const VXLAN_NOT_SIMULATED = ['ttl', 'tos', 'ageing', 'maxaddress'];

export const BRIDGE_SLAVE_NOT_SIMULATED = [
  'fdb_flush', 'state', 'guard', 'fastleave', 'root_block', 'proxy_arp', 'proxy_arp_wifi', 'mcast_router', 'mcast_fast_leave',
  'mcast_flood', 'bcast_flood', 'mcast_to_unicast', 'group_fwd_mask', 'neigh_suppress', 'vlan_tunnel', 'isolated', 'locked', 'backup_port', 'nobackup_port',
];

/** bridge_slave_parse_opt() (ip/iplink_bridge_slave.c): the port attributes to send, or an exit status. */
function bridgeSlaveParse(ip: Ip, argv: string[]): BrportAttrs | number {
  const attrs: BrportAttrs = {};
  const a = new Args(ip, argv);
  const onOff = (key: string, v: string): boolean => {
    if (v === 'on') return true;
    if (v === 'off') return false;
    return ip.die(`Error: argument of "${key}" must be one of "off", "on", not "${v}"\n`, 1);
  };
  while (a.more) {
    const w = a.cur;
    if (w === 'priority') {
      const v = a.next();
      const n = parseCInt(v, true);
      if (n === undefined || n > 0xffff) ip.invarg('priority is invalid', v);
      attrs.priority = n;
    } else if (w === 'cost') {
      const v = a.next();
      const n = parseCInt(v, true);
      if (n === undefined) ip.invarg('cost is invalid', v);
      attrs.cost = n;
    } else if (w === 'hairpin' || w === 'learning' || w === 'flood') {
      attrs[w] = onOff(w, a.next());
    } else if (BRIDGE_SLAVE_NOT_SIMULATED.includes(w)) {
      ip.err(notSimulatedMessage('ip', `bridge_slave ${w}`));
      // ip's object handlers return minus the exit status.
      return -NOT_SIMULATED_STATUS;
    } else if (matches(w, 'help')) {
      ip.die(BRIDGE_SLAVE_USAGE, 1);
    } else {
      ip.err(`bridge_slave: unknown option "${w}"?\n`);
      ip.die(BRIDGE_SLAVE_USAGE, 1);
    }
    a.shift();
  }
  return attrs;
}

/** The kinds the simulated kernel can create. */
const KINDS: Record<string, LinkKind> = { veth: 'veth', bridge: 'bridge', dummy: 'dummy', vxlan: 'vxlan' };

/** `ip link add`. */
function linkAdd(ip: Ip, req: LinkReq): number {
  const kind = req.type!;
  let peerName: string | undefined;
  let peerNs: NetNs | undefined;
  let peerAddress: string | undefined;
  let vx: NetDevice['vxlan'];
  let brOpts: BridgeOpts | undefined;
  const targs = req.typeArgs;
  if (kind === 'veth' && targs.length) {
    if (targs[0] !== 'peer') ip.die(USAGE_LINK);
    const preq: LinkReq = { typeArgs: [] };
    const n = iplinkParse(ip, targs.slice(1), preq, true);
    if (n < 0) return n;
    if (preq.type) ip.duparg('type', targs[1 + n - 1] ?? preq.type);
    peerName = preq.name;
    peerNs = preq.netns;
    peerAddress = preq.address;
  } else if (kind === 'vxlan') {
    const a = new Args(ip, targs);
    vx = { id: 0, dstport: 0, learning: true };
    let idSet = false;
    let portSet = false;
    while (a.more) {
      const w = a.cur;
      if (w === 'id' || w === 'vni') {
        const v = a.next();
        const n = parseCInt(v, true);
        if (n === undefined || n >= 1 << 24) ip.invarg('invalid id', v);
        vx.id = n;
        idSet = true;
      } else if (w === 'remote' || w === 'group') {
        const v = a.next();
        const x = parseV4(v);
        if (x === undefined) ip.invarg(`invalid ${w} address`, v);
        vx.remote = x;
      } else if (w === 'local') {
        const v = a.next();
        const x = parseV4(v);
        if (x === undefined) ip.invarg('invalid local address', v);
        vx.local = x;
      } else if (w === 'dev') {
        const v = a.next();
        const d = ip.dev(v);
        if (!d) ip.invarg('invalid device', v);
        vx.dev = d;
      } else if (w === 'dstport') {
        const v = a.next();
        const n = parseCInt(v, true);
        if (n === undefined || n > 65535) ip.invarg('dstport', v);
        vx.dstport = n;
        portSet = true;
      } else if (w === 'nolearning') vx.learning = false;
      else if (w === 'learning') vx.learning = true;
      else if (w === 'srcport') {
        const lo = a.next();
        const hi = a.next();
        const l = parseCInt(lo, true);
        const h = parseCInt(hi, true);
        if (l === undefined || l > 65535) ip.invarg('min port', lo);
        if (h === undefined || h > 65535) ip.invarg('max port', hi);
        vx.srcport = [l, h];
      } else if (VXLAN_NOT_SIMULATED.includes(w)) {
        ip.err(notSimulatedMessage('ip', `vxlan ${w}`));
        return -NOT_SIMULATED_STATUS;
      } else if (matches(w, 'help')) ip.die('Usage: ... vxlan id VNI\n');
      else ip.die(`vxlan: unknown command "${w}"?\n`);
      a.shift();
    }
    if (!idSet) {
      ip.err('vxlan: missing virtual network identifier\n');
      return -1;
    }
    // iproute2 warns when dstport is missing; the kernel then uses its own default, 8472.
    if (!portSet) ip.err("vxlan: destination port not specified\nWill use Linux kernel default (non-standard value)\nUse 'dstport 4789' to get the IANA assigned value\nUse 'dstport 0' to get default and quiet this message\n");
    if (!vx.dstport) vx.dstport = 8472;
  } else if (kind === 'bridge') {
    brOpts = parseBridgeOpts(ip, targs);
  } else if (targs.length) {
    if (!(kind in KINDS)) {
      if (matches(targs[0], 'help')) ip.die(USAGE_LINK);
      ip.err(`Garbage instead of arguments "${targs[0]} ...". Try "ip link help".\n`);
      return -1;
    }
  }
  const name = req.name ?? ip.k.nextName(ip.ns, `${kind}%d`);
  const ns = req.netns ?? ip.ns;
  try {
    const dev = ns.linkAdd({
      name,
      kind: (KINDS[kind] ?? kind) as LinkKind,
      mtu: req.mtu ?? (vx ? (vx.dev ? ip.ns.linkMsg(vx.dev).mtu - 50 : 1500) : undefined),
      address: req.address,
      txqlen: req.txqlen,
      peerName,
      peerNs,
      peerAddress,
      vxlan: vx,
      bridge: brOpts,
    });
    ns.linkChange(dev, { alias: req.alias, noarp: req.noarp });
    if (req.master) {
      const br = ip.ns.devByIndex(req.master);
      if (br) ns.setMaster(dev, br);
    }
    if (req.up) ns.setUp(dev, true);
  } catch (e) {
    return ip.rtnlError(e);
  }
  return 0;
}

/** `ip link set`: apply the changes in do_setlink()'s order. */
function linkSet(ip: Ip, req: LinkReq): number {
  const dev = ip.dev(req.dev!);
  if (!dev) return ip.nodev(req.dev!);
  const ns = ip.ns;
  const brOpts = req.type === 'bridge' ? parseBridgeOpts(ip, req.typeArgs) : undefined;
  try {
    // One RTM_NEWLINK: the kernel applies it in rtnl_changelink/do_setlink order.
    ns.linkChange(dev, {
      bridge: brOpts,
      netns: req.netns,
      netnsPid: req.netnsPid,
      address: req.address,
      mtu: req.mtu,
      name: req.name,
      alias: req.alias,
      noarp: req.noarp,
      promisc: req.promisc,
      allmulti: req.allmulti,
      up: req.up,
      master: req.master,
      txqlen: req.txqlen,
      brport: req.portSet,
    });
  } catch (e) {
    return ip.rtnlError(e);
  }
  return 0;
}

/** iplink_modify(). */
function iplinkModify(ip: Ip, cmd: 'add' | 'set' | 'replace' | 'delete', argv: string[]): number {
  const create = cmd === 'add' || cmd === 'replace';
  const req: LinkReq = { typeArgs: [] };
  const n = iplinkParse(ip, argv, req, create);
  if (n < 0) return n;
  req.typeArgs = argv.slice(n);
  if (!req.type && create) {
    ip.err('Not enough information: "type" argument is required\n');
    return -1;
  }
  if (!create) {
    if (!ip.dev(req.dev!)) return ip.nodev(req.dev!);
    if (req.type === 'bridge_slave') {
      const r = bridgeSlaveParse(ip, req.typeArgs);
      if (typeof r === 'number') return r;
      req.portSet = r;
      req.typeArgs = [];
    }
    if (req.type && req.typeArgs.length && !(req.type in KINDS)) {
      ip.err(`Garbage instead of arguments "${req.typeArgs[0]} ...". Try "ip link help".\n`);
      return -1;
    }
  }
  if (cmd === 'delete') {
    const dev = ip.dev(req.dev!)!;
    try {
      ip.ns.linkDel(dev);
    } catch (e) {
      return ip.rtnlError(e);
    }
    return 0;
  }
  if (cmd === 'set') return linkSet(ip, req);
  if (cmd === 'replace' && req.name && ip.ns.devByName(req.name)) return linkSet(ip, { ...req, dev: req.name, name: undefined });
  return linkAdd(ip, req);
}

/** do_iplink(). */
export function doIplink(ip: Ip, argv: string[]): number {
  if (argv.length < 1) return linkList(ip, []);
  const w = argv[0];
  const rest = argv.slice(1);
  if (matches(w, 'add')) return iplinkModify(ip, 'add', rest);
  if (matches(w, 'set') || matches(w, 'change')) return iplinkModify(ip, 'set', rest);
  if (matches(w, 'replace')) return iplinkModify(ip, 'replace', rest);
  if (matches(w, 'delete')) return iplinkModify(ip, 'delete', rest);
  if (matches(w, 'show') || matches(w, 'lst') || matches(w, 'list')) return linkList(ip, rest);
  if (matches(w, 'help')) ip.die(USAGE_LINK);
  return ip.die(`Command "${w}" is unknown, try "ip link help".\n`);
}

/** ipaddr_list_link(). */
function linkList(ip: Ip, argv: string[]): number {
  ip.family = AF_PACKET;
  return addrListOrFlush(ip, argv, 'list', true);
}

declareNotSimulated(
  ...VXLAN_NOT_SIMULATED.map((item) => ({ tool: 'ip', kind: 'attribute' as const, item: `link add … type vxlan ${item}`, why: 'the outer TTL is 64, TOS 0, learned fdb entries age after 300 s with no limit' })),
  ...BRIDGE_SLAVE_NOT_SIMULATED.map((item) => ({
    tool: 'ip',
    kind: 'attribute' as const,
    item: `link set … type bridge_slave ${item}`,
    why: 'the simulated bridge models priority, cost, hairpin, learning and flood of a port',
  })),
);
