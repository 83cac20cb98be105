// bridge (iproute2 6.1.0): `bridge link [show] [dev DEV]` lists bridge
// ports with their STP state; `bridge fdb show|add|append|replace|del`
// reads and edits forwarding databases through PF_BRIDGE neighbour
// messages (NetNs.fdbDump / fdbAdd / fdbDel), and `bridge link set` changes
// port attributes through NetNs.linkChange. Output and errors as recorded on
// Linux.

import { declareNotSimulated, refuseNotSimulated, register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import type { LinkMsg, NetNs } from '../../kernel/netns.ts';
import type { NetDevice } from '../../kernel/netdev.ts';
import { KernelError } from '../../kernel/errno.ts';
import type { FdbAddState } from '../../kernel/fdb.ts';
import type { BrportAttrs, BrportInfo } from '../../kernel/brport.ts';
import { nsOf, kernelOf } from '../lib/sys.ts';
import { IFF, linkFlagsText, nameAndLink } from './nettools-lib.ts';
import { fmtIp4, parseIp4 } from '../../kernel/addr.ts';

const USAGE =
  'Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\n' +
  '       bridge [ -force ] -batch filename\n' +
  'where  OBJECT := { link | fdb | mdb | vlan | monitor }\n' +
  '       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n' +
  '                    -o[neline] | -t[imestamp] | -n[etns] name |\n' +
  '                    -c[ompressvlans] -color -p[retty] -j[son] }\n';

const LINK_USAGE =
  "Usage: bridge link set dev DEV [ cost COST ] [ priority PRIO ] [ state STATE ]\n" +
  "                               [ guard {on | off} ]\n" +
  "                               [ hairpin {on | off} ]\n" +
  "                               [ fastleave {on | off} ]\n" +
  "                               [ root_block {on | off} ]\n" +
  "                               [ learning {on | off} ]\n" +
  "                               [ learning_sync {on | off} ]\n" +
  "                               [ flood {on | off} ]\n" +
  "                               [ mcast_router MULTICAST_ROUTER ]\n" +
  "                               [ mcast_flood {on | off} ]\n" +
  "                               [ bcast_flood {on | off} ]\n" +
  "                               [ mcast_to_unicast {on | off} ]\n" +
  "                               [ neigh_suppress {on | off} ]\n" +
  "                               [ vlan_tunnel {on | off} ]\n" +
  "                               [ isolated {on | off} ]\n" +
  "                               [ locked {on | off} ]\n" +
  "                               [ hwmode {vepa | veb} ]\n" +
  "                               [ backup_port DEVICE ] [ nobackup_port ]\n" +
  "                               [ self ] [ master ]\n" +
  "       bridge link show [dev DEV]\n";

const FDB_USAGE =
  "Usage: bridge fdb { add | append | del | replace } ADDR dev DEV\n" +
  "              [ self ] [ master ] [ use ] [ router ] [ extern_learn ]\n" +
  "              [ sticky ] [ local | static | dynamic ] [ vlan VID ]\n" +
  "              { [ dst IPADDR ] [ port PORT] [ vni VNI ] | [ nhid NHID ] }\n" +
  "\t       [ via DEV ] [ src_vni VNI ]\n" +
  "       bridge fdb [ show [ br BRDEV ] [ brport DEV ] [ vlan VID ]\n" +
  "              [ state STATE ] [ dynamic ] ]\n" +
  "       bridge fdb get [ to ] LLADDR [ br BRDEV ] { brport | dev } DEV\n" +
  "              [ vlan VID ] [ vni VNI ] [ self ] [ master ] [ dynamic ]\n" +
  "       bridge fdb flush dev DEV [ brport DEV ] [ vlan VID ]\n" +
  "              [ self ] [ master ] [ [no]permanent | [no]static | [no]dynamic ]\n" +
  "              [ [no]added_by_user ] [ [no]extern_learn ] [ [no]sticky ]\n" +
  "              [ [no]offloaded ]\n";

/** iproute2 matches(): `arg` is a non-empty prefix of `word`. */
function matches(arg: string, word: string): boolean {
  return arg.length > 0 && word.startsWith(arg);
}

/** Global options shared by the sub-commands. */
interface BridgeCtx {
  p: Process;
  ns: NetNs;
  stats: boolean;
  details: boolean;
}

/** An early exit with a status (after the message is written). */
class Exit {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}

function die(p: Process, msg: string, code = 255): never {
  p.stderr.write(msg);
  throw new Exit(code);
}

/**
 * `NAME@LINK: ` as bridge(8) prints it: IFLA_LINK is resolved in the
 * reader's namespace without the link netnsid, so a veth whose peer lives
 * elsewhere shows whatever local device has the peer's index (`if%d` when
 * none), and M-DOWN follows that device.
 */
function bridgeNameAndLink(ns: NetNs, l: LinkMsg): { text: string; mdown: boolean } {
  if (!l.link || !l.linkNetns) return nameAndLink(ns, l);
  const local = ns.linkGet(l.link);
  if (!local) return { text: `${l.ifname}@if${l.link}: `, mdown: false };
  return { text: `${l.ifname}@${local.ifname}: `, mdown: !(local.flags & IFF.UP) };
}

/** One `bridge link` line for a port (IFLA_PROTINFO: its STP state, priority and cost). */
function bridgeLinkLine(ns: NetNs, l: LinkMsg, pt: BrportInfo): string {
  const nl = bridgeNameAndLink(ns, l);
  let s = `${l.ifindex}: ${nl.text}${linkFlagsText(l, nl.mdown)}mtu ${l.mtu} master ${pt.master.name} state ${pt.state} `;
  s += `priority ${pt.priority} cost ${pt.cost} `;
  return s + '\n';
}

/** The second line `bridge -d link` prints for a port (iproute2 6.1, kernel 6.18 attributes). */
function bridgePortDetails(pt: BrportInfo): string {
  const on = (b: boolean): string => (b ? 'on' : 'off');
  return `    hairpin ${on(pt.hairpin)} guard off root_block off fastleave off learning ${on(pt.learning)} flood ${on(pt.flood)} mcast_flood on bcast_flood on mcast_router 1 mcast_to_unicast off neigh_suppress off vlan_tunnel off isolated off locked off \n`;
}

function linkShow(c: BridgeCtx, args: string[]): number {
  let filter: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'dev') {
      if (i + 1 >= args.length) die(c.p, 'Command line is not complete. Try option "help"\n');
      filter = args[++i];
    } else if (matches(a, 'help')) {
      die(c.p, LINK_USAGE);
    }
    // Any other word is ignored, as iproute2 6.1 does.
  }
  let only: NetDevice | undefined;
  if (filter !== undefined) {
    only = c.ns.devByName(filter);
    if (!only) die(c.p, `Cannot find device "${filter}"\n`);
  }
  for (const l of c.ns.linkDump()) {
    const pt = c.ns.brportInfo(l.dev);
    if (!pt) continue;
    if (only && l.dev !== only) continue;
    c.p.stdout.write(bridgeLinkLine(c.ns, l, pt));
    if (c.details) c.p.stdout.write(bridgePortDetails(pt));
  }
  return 0;
}

function doLink(c: BridgeCtx, args: string[]): number {
  if (!args.length) return linkShow(c, []);
  const a = args[0];
  if (matches(a, 'show') || matches(a, 'lst') || matches(a, 'list')) return linkShow(c, args.slice(1));
  if (matches(a, 'help')) die(c.p, LINK_USAGE);
  if (matches(a, 'set') || matches(a, 'change')) return linkSet(c, args.slice(1));
  die(c.p, `Command "${a}" is unknown, try "bridge link help".\n`);
}

/** `bridge link set dev DEV [cost N] [priority N] [learning on|off] [flood on|off] [hairpin on|off]`. */
function linkSet(c: BridgeCtx, args: string[]): number {
  let dev: NetDevice | undefined;
  const attrs: BrportAttrs = {};
  const onOff = (name: string, v: string | undefined): boolean => {
    if (v === 'on') return true;
    if (v === 'off') return false;
    // parse_on_off() fails with -EINVAL, which `bridge` returns as its status (234).
    die(c.p, `Error: argument of "${name}" must be one of "off", "on", not "${v}"\n`, 234);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = (): string => {
      if (i + 1 >= args.length) die(c.p, 'Command line is not complete. Try option "help"\n');
      return args[++i];
    };
    if (a === 'dev') {
      const n = next();
      dev = c.ns.devByName(n);
      if (!dev) die(c.p, `Cannot find bridge device "${n}"\n`);
    } else if (a === 'cost') {
      // atoi(); bridge sends IFLA_BRPORT_COST only for a positive cost.
      const v = Number.parseInt(next(), 10) || 0;
      if (v > 0) attrs.cost = v;
    } else if (a === 'priority') {
      attrs.priority = Number.parseInt(next(), 10) || 0;
    } else if (a === 'learning') {
      attrs.learning = onOff(a, next());
    } else if (a === 'flood') {
      attrs.flood = onOff(a, next());
    } else if (a === 'hairpin') {
      attrs.hairpin = onOff(a, next());
    } else if (a === 'master' || a === 'self') {
      // flags only
    } else if (matches(a, 'help')) {
      die(c.p, LINK_USAGE);
    } else {
      die(c.p, LINK_USAGE);
    }
  }
  if (!dev) die(c.p, 'Device is a required argument.\n');
  try {
    c.ns.linkChange(dev, { brport: attrs });
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    die(c.p, `RTNETLINK answers: ${e.message}\n`);
  }
  return 0;
}

/** The lines `bridge fdb show` prints for one device (its entries in its bridge's FDB, then its own tables). */
function fdbLinesFor(c: BridgeCtx, d: NetDevice, showDev: boolean): string[] {
  const devPart = showDev ? `dev ${d.name} ` : '';
  return c.ns.fdbDump(d).map((e) => {
    if (e.dst !== undefined) return `${e.mac} ${devPart}dst ${fmtIp4(e.dst)} ${e.via ? `via ${e.via.name} ` : ''}self ${e.state}\n`;
    if (!e.master) return `${e.mac} ${devPart}self ${e.state}\n`;
    const used = Math.floor(e.age / 1000);
    const stats = c.stats ? `used ${used}/${used} ` : '';
    return `${e.mac} ${devPart}${stats}master ${e.master.name} ${e.state}\n`;
  });
}

function fdbShow(c: BridgeCtx, args: string[]): number {
  let br: string | undefined;
  let dev: string | undefined;
  let dynamicOnly = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = (): string => {
      if (i + 1 >= args.length) die(c.p, 'Command line is not complete. Try option "help"\n');
      return args[++i];
    };
    if (a === 'dev' || a === 'brport') dev = next();
    else if (a === 'br') br = next();
    else if (a === 'vlan' || a === 'state') next();
    else if (a === 'dynamic') dynamicOnly = true;
    else if (matches(a, 'help')) die(c.p, FDB_USAGE);
  }
  let brDev: NetDevice | undefined;
  if (br !== undefined) {
    brDev = c.ns.devByName(br);
    if (!brDev) die(c.p, `Cannot find bridge device "${br}"\n`);
  }
  let only: NetDevice | undefined;
  if (dev !== undefined) {
    only = c.ns.devByName(dev);
    if (!only) die(c.p, `Cannot find device "${dev}"\n`);
  }
  const brLink = brDev && c.ns.linkMsg(brDev);
  for (const { dev: d, master } of c.ns.linkDump()) {
    if (brLink && d !== brDev && master !== brLink.ifindex) continue;
    if (brLink && brLink.linkinfo?.kind !== 'bridge') continue;
    if (only && d !== only) continue;
    for (const line of fdbLinesFor(c, d, !only)) {
      if (dynamicOnly && /(permanent|static)\n$/.test(line)) continue;
      c.p.stdout.write(line);
    }
  }
  return 0;
}

/** `bridge fdb add|append|replace|del ADDR dev DEV [self] [master] [permanent|static|dynamic]`. */
function fdbModify(c: BridgeCtx, cmd: 'add' | 'append' | 'replace' | 'del', args: string[]): number {
  let d: string | undefined;
  let addr: string | undefined;
  let self = false;
  let master = false;
  let state: FdbAddState | undefined;
  let dst: string | undefined;
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    const next = (): string => {
      if (i + 1 >= args.length) die(c.p, 'Command line is not complete. Try option "help"\n');
      return args[++i];
    };
    if (a === 'dev') d = next();
    else if (a === 'dst') dst = next();
    else if (a === 'port' || a === 'vni' || a === 'via' || a === 'src_vni' || a === 'vlan' || a === 'nhid') return refuseNotSimulated(c.p, 'bridge', `fdb … ${a}`);
    else if (a === 'self') self = true;
    else if (a === 'master') master = true;
    else if (matches(a, 'local') || matches(a, 'permanent')) state = 'permanent';
    else if (matches(a, 'temp') || matches(a, 'static')) state = state === 'permanent' ? 'permanent' : 'static';
    else if (matches(a, 'dynamic')) state = 'dynamic';
    else if (a === 'router' || a === 'use' || a === 'extern_learn' || a === 'sticky') {
      // flags without a model
    } else {
      if (a === 'to') a = next();
      if (matches(a, 'help')) die(c.p, FDB_USAGE);
      if (addr !== undefined) die(c.p, `Error: either "to" is duplicate, or "${a}" is a garbage.\n`);
      addr = a;
    }
  }
  if (d === undefined || addr === undefined) die(c.p, 'Device and address are required arguments.\n');
  if (!self && !master) self = true;
  const m = /^([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})/.exec(addr);
  if (!m) die(c.p, `Invalid mac address ${addr}\n`);
  const mac = m.slice(1).map((x) => x.toLowerCase().padStart(2, '0')).join(':');
  const dev = c.ns.devByName(d);
  if (!dev) die(c.p, `Cannot find device "${d}"\n`);
  const ip = dst === undefined ? undefined : parseIp4(dst);
  if (dst !== undefined && ip === undefined && c.ns.linkMsg(dev).linkinfo?.kind === 'vxlan' && !master) die(c.p, `Invalid address "${dst}"\n`);
  try {
    if (cmd === 'del') c.ns.fdbDel(dev, mac, { master, self, dst: ip });
    else c.ns.fdbAdd(dev, mac, { master, self, state: state ?? 'permanent', excl: cmd === 'add', replace: cmd === 'replace', append: cmd === 'append', dst: ip });
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    die(c.p, `RTNETLINK answers: ${e.message}\n`);
  }
  return 0;
}

function doFdb(c: BridgeCtx, args: string[]): number {
  if (!args.length) return fdbShow(c, []);
  const a = args[0];
  const rest = args.slice(1);
  if (matches(a, 'add')) return fdbModify(c, 'add', rest);
  if (matches(a, 'append')) return fdbModify(c, 'append', rest);
  if (matches(a, 'replace')) return fdbModify(c, 'replace', rest);
  if (matches(a, 'delete')) return fdbModify(c, 'del', rest);
  if (matches(a, 'show') || matches(a, 'lst') || matches(a, 'list')) return fdbShow(c, rest);
  if (matches(a, 'help')) die(c.p, FDB_USAGE);
  die(c.p, `Command "${a}" is unknown, try "bridge fdb help".\n`);
}

function bridge(p: Process): number {
  const argv = p.argv.slice(1);
  let ns = nsOf(p);
  const c: BridgeCtx = { p, ns, stats: false, details: false };
  try {
    while (argv.length && argv[0].startsWith('-') && argv[0].length > 1) {
      let opt = argv.shift()!;
      if (opt.startsWith('--')) opt = opt.slice(1);
      const o = opt.slice(1);
      if (o === 'help' || o === 'h') die(p, USAGE);
      else if (matches(o, 'Version')) {
        p.stdout.write('bridge utility, 6.1.0\n');
        return 0;
      } else if (matches(o, 'statistics')) c.stats = true;
      else if (matches(o, 'details')) c.details = true;
      else if (matches(o, 'oneline') || matches(o, 'timestamp') || matches(o, 'compressvlans') || matches(o, 'pretty') || matches(o, 'force')) {
        // accepted, no effect on the supported output
      } else if (matches(o, 'json')) {
        return refuseNotSimulated(p, 'bridge', opt);
      } else if (matches(o, 'netns')) {
        const name = argv.shift();
        if (name === undefined) die(p, 'Command line is not complete. Try option "help"\n');
        const target = kernelOf(p).openNetns(name);
        if (!target) die(p, `Cannot open network namespace "${name}": No such file or directory\n`);
        ns = target;
        c.ns = ns;
      } else die(p, `Option "${opt}" is unknown, try "bridge help".\n`);
    }
    if (!argv.length) die(p, USAGE);
    const obj = argv[0];
    const rest = argv.slice(1);
    if (matches(obj, 'link')) return doLink(c, rest);
    if (matches(obj, 'fdb')) return doFdb(c, rest);
    if (matches(obj, 'help')) die(p, USAGE);
    die(p, `Object "${obj}" is unknown, try "bridge help".\n`);
  } catch (e) {
    if (e instanceof Exit) return e.code;
    throw e;
  }
}

register({
  name: 'bridge',
  summary: 'show / manipulate bridge addresses and devices',
  usage: 'bridge [ OPTIONS ] OBJECT { COMMAND | help }',
  subcommands: ['link', 'fdb'],
  options: [
    { flag: '-s, -statistics', desc: 'show FDB entry ages (used/updated)' },
    { flag: '-d, -details', desc: 'more details' },
    { flag: '-n, -netns', arg: 'name', desc: 'run in the named network namespace' },
    { flag: '-V, -Version', desc: 'print the version' },
    { flag: '-j, -json', desc: 'JSON output', notSimulated: 'use the text output', probe: 'link show' },
  ],
  run: bridge,
});

declareNotSimulated(...['port', 'vni', 'via', 'src_vni', 'vlan', 'nhid'].map((item) => ({ tool: 'bridge', kind: 'attribute' as const, item: `fdb … ${item}`, why: 'fdb entries carry a MAC, a device and (on vxlan) a remote address only' })));
