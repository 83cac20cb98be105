// bridge (iproute2 6.1.0): `bridge link [show] [dev DEV]` lists bridge
// ports with their STP state; `bridge fdb show|add|append|replace|del`
// reads and edits forwarding databases through PF_BRIDGE neighbour
// messages (kernel/fdb.ts). Output and errors as recorded on Linux.

import { declareNotSimulated, refuseNotSimulated, register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import type { NetNs } from '../../kernel/netns.ts';
import type { NetDevice, FdbEntry } from '../../kernel/netdev.ts';
import { KernelError } from '../../kernel/errno.ts';
import { devMcList, devUcList, fdbAdd, fdbDel, fdbEntries, type FdbAddState } from '../../kernel/fdb.ts';
import { nsOf, kernelOf } from '../lib/sys.ts';
import { linkFlagsText, nameAndLink } from './nettools-lib.ts';
import { Stp } from '../../kernel/stp.ts';
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

/** STP port state names (BR_STATE_*). */
function portState(dev: NetDevice): string {
  return Stp.state(dev);
}

/**
 * `NAME@LINK: ` as bridge(8) prints it: IFLA_LINK is resolved in the
 * reader's namespace without the link netnsid, so a veth whose peer lives
 * elsewhere shows whatever local device has the peer's index (`if%d` when
 * none), and M-DOWN follows that device.
 */
function bridgeNameAndLink(dev: NetDevice): { text: string; mdown: boolean } {
  const peer = dev.peer;
  if (!peer || peer.ns === dev.ns) return nameAndLink(dev);
  const local = dev.ns.devByIndex(peer.ifindex);
  if (!local) return { text: `${dev.name}@if${peer.ifindex}: `, mdown: false };
  return { text: `${dev.name}@${local.name}: `, mdown: !local.adminUp };
}

/** One `bridge link` line for a port. */
export function bridgeLinkLine(dev: NetDevice): string {
  const nl = bridgeNameAndLink(dev);
  let s = `${dev.ifindex}: ${nl.text}${linkFlagsText(dev, nl.mdown)}mtu ${dev.mtu} master ${dev.master!.name} state ${portState(dev)} `;
  s += `priority ${dev.port?.priority ?? 32} cost ${dev.port?.cost ?? 2} `;
  return s + '\n';
}

/** The second line `bridge -d link` prints for a port (iproute2 6.1, kernel 6.18 attributes). */
function bridgePortDetails(dev: NetDevice): string {
  const pt = dev.port;
  const on = (b: boolean | undefined): string => (b ? 'on' : 'off');
  return `    hairpin ${on(pt?.hairpin)} guard off root_block off fastleave off learning ${on(pt?.learning ?? true)} flood ${on(pt?.flood ?? true)} mcast_flood on bcast_flood on mcast_router 1 mcast_to_unicast off neigh_suppress off vlan_tunnel off isolated off locked off \n`;
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
  for (const d of c.ns.devices()) {
    if (!d.master?.bridge) continue;
    if (only && d !== only) continue;
    c.p.stdout.write(bridgeLinkLine(d));
    if (c.details) c.p.stdout.write(bridgePortDetails(d));
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
  const sets: ((d: NetDevice) => void)[] = [];
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
      if (v > 0) sets.push((d) => {
        if (v > 65535) throw new KernelError('ERANGE');
        d.port!.cost = v;
      });
    } else if (a === 'priority') {
      const v = Number.parseInt(next(), 10) || 0;
      sets.push((d) => {
        if (v > 63 || v < 0) throw new KernelError('ERANGE');
        d.port!.priority = v;
      });
    } else if (a === 'learning') {
      const v = onOff(a, next());
      sets.push((d) => (d.port!.learning = v));
    } else if (a === 'flood') {
      const v = onOff(a, next());
      sets.push((d) => (d.port!.flood = v));
    } else if (a === 'hairpin') {
      const v = onOff(a, next());
      sets.push((d) => (d.port!.hairpin = v));
    } else if (a === 'master' || a === 'self') {
      // flags only
    } else if (matches(a, 'help')) {
      die(c.p, LINK_USAGE);
    } else {
      die(c.p, LINK_USAGE);
    }
  }
  if (!dev) die(c.p, 'Device is a required argument.\n');
  if (!dev.port) die(c.p, 'RTNETLINK answers: Operation not supported\n');
  try {
    for (const s of sets) s(dev);
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    die(c.p, `RTNETLINK answers: ${e.message}\n`);
  }
  c.ns.kernel.notifyTopology();
  return 0;
}

/** NUD state text of an FDB entry (fdb_fill_info + state_n2a). */
function fdbState(e: FdbEntry): string {
  if (e.local) return 'permanent';
  if (e.isStatic) return 'static';
  return '';
}

/** The lines `bridge fdb show` prints for one device (master entries, then its own lists). */
function fdbLinesFor(c: BridgeCtx, d: NetDevice, showDev: boolean): string[] {
  const out: string[] = [];
  const devPart = showDev ? `dev ${d.name} ` : '';
  const now = c.ns.now;
  const self = (): void => {
    for (const m of devUcList(d)) out.push(`${m} ${devPart}self permanent\n`);
    for (const m of devMcList(d)) out.push(`${m} ${devPart}self permanent\n`);
  };
  const master = (br: NetDevice): void => {
    for (const e of fdbEntries(br)) {
      if (e.dev !== d) continue;
      const used = Math.floor(Math.max(0, now - e.updated) / 1000);
      const stats = c.stats ? `used ${e.local ? 0 : used}/${e.local ? 0 : used} ` : '';
      out.push(`${e.mac} ${devPart}${stats}master ${br.name} ${fdbState(e)}\n`);
    }
  };
  if (d.vxlan) {
    // vxlan_fdb_dump: the device's own table, each entry with its remote VTEP.
    const fdb = d.vxlan.fdb ?? new Map();
    const keys = [...fdb.keys()].sort((a, b) => (a === '00:00:00:00:00:00' ? 1 : 0) - (b === '00:00:00:00:00:00' ? 1 : 0));
    for (const mac of keys) {
      for (const e of fdb.get(mac)!) {
        const via = d.vxlan.dev && mac === '00:00:00:00:00:00' && !e.learned ? `via ${d.vxlan.dev.name} ` : '';
        out.push(`${mac} ${devPart}dst ${fmtIp4(e.dst)} ${via}self ${e.permanent ? 'permanent' : ''}\n`);
      }
    }
    return out;
  }
  if (d.bridge) {
    self();
    master(d);
  } else {
    if (d.master?.bridge) master(d.master);
    self();
  }
  return out;
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
  for (const d of c.ns.devices()) {
    if (brDev && d !== brDev && d.master !== brDev) continue;
    if (brDev && !brDev.bridge) continue;
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
  if (dev.vxlan && !master) return vxlanFdbModify(c, dev, cmd, mac, dst, state);
  const tables: boolean[] = [];
  if (master) tables.push(true);
  if (self) tables.push(false);
  try {
    for (const t of tables) {
      if (cmd === 'del') fdbDel(dev, mac, t);
      else fdbAdd(dev, mac, { master: t, self: !t, state: state ?? 'permanent', excl: cmd === 'add', replace: cmd === 'replace' });
    }
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    die(c.p, `RTNETLINK answers: ${e.message}\n`);
  }
  c.ns.kernel.notifyTopology();
  return 0;
}

/** vxlan_fdb_add/append/replace/delete: MAC → remote VTEP(s) in the device's own table. */
function vxlanFdbModify(c: BridgeCtx, dev: NetDevice, cmd: 'add' | 'append' | 'replace' | 'del', mac: string, dst: string | undefined, state: FdbAddState | undefined): number {
  const vx = dev.vxlan!;
  if (!vx.fdb) vx.fdb = new Map();
  const ip = dst === undefined ? undefined : parseIp4(dst);
  if (dst !== undefined && ip === undefined) die(c.p, `Invalid address "${dst}"\n`);
  const list = vx.fdb.get(mac);
  if (cmd === 'del') {
    if (!list) die(c.p, 'RTNETLINK answers: No such file or directory\n');
    const rest = ip === undefined ? [] : list.filter((e) => e.dst !== ip);
    if (ip !== undefined && rest.length === list.length) die(c.p, 'RTNETLINK answers: No such file or directory\n');
    if (rest.length) vx.fdb.set(mac, rest);
    else vx.fdb.delete(mac);
    return 0;
  }
  // vxlan_fdb_parse: without dst the remote is the device's default.
  const target = ip ?? vx.remote;
  if (target === undefined) die(c.p, 'RTNETLINK answers: Invalid argument\n');
  const entry = { dst: target, permanent: (state ?? 'permanent') === 'permanent', learned: false, updated: c.ns.now };
  if (cmd === 'add' && list) die(c.p, 'RTNETLINK answers: File exists\n');
  if (cmd === 'append' && list) {
    if (!list.some((e) => e.dst === target)) list.push(entry);
  } else vx.fdb.set(mac, [entry]);
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
