// brctl (bridge-utils 1.7.1): the classic bridge administration tool.
// addbr/delbr/addif/delif go through the same kernel operations as
// `ip link` (bridge ioctls in reality); show/showmacs/showstp print the
// bridge's sysfs view (bridge id, STP flag, ports in port-number order,
// the forwarding table sorted by MAC) as NetNs.bridgeInfo / brportInfo /
// brForward report it; the set commands change attributes through
// NetNs.linkChange.

import { register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import type { LinkMsg, NetNs } from '../../kernel/netns.ts';
import type { NetDevice } from '../../kernel/netdev.ts';
import { KernelError } from '../../kernel/errno.ts';
import type { BridgeInfo, BrportAttrs } from '../../kernel/brport.ts';
import { nsOf } from '../lib/sys.ts';
import { IFF } from './nettools-lib.ts';
import type { BridgeOpts } from '../../kernel/stp.ts';
// `brctl stp BR on` runs the spanning tree: load it (as the kernel would).
import '../lib/kmod.ts';

/** The command table: name, usage tail, minimum argument count. */
const COMMANDS: [string, string, number][] = [
  ['addbr', '<bridge>\t\tadd bridge', 1],
  ['delbr', '<bridge>\t\tdelete bridge', 1],
  ['addif', '<bridge> <device>\tadd interface to bridge', 2],
  ['delif', '<bridge> <device>\tdelete interface from bridge', 2],
  ['hairpin', '<bridge> <port> {on|off}\tturn hairpin on/off', 3],
  ['setageing', '<bridge> <time>\t\tset ageing time', 2],
  ['setbridgeprio', '<bridge> <prio>\t\tset bridge priority', 2],
  ['setfd', '<bridge> <time>\t\tset bridge forward delay', 2],
  ['sethello', '<bridge> <time>\t\tset hello time', 2],
  ['setmaxage', '<bridge> <time>\t\tset max message age', 2],
  ['setpathcost', '<bridge> <port> <cost>\tset path cost', 3],
  ['setportprio', '<bridge> <port> <prio>\tset port priority', 3],
  ['show', '[ <bridge> ]\t\tshow a list of bridges', 0],
  ['showmacs', '<bridge>\t\tshow a list of mac addrs', 1],
  ['showstp', '<bridge>\t\tshow bridge stp info', 1],
  ['stp', '<bridge> {on|off}\tturn stp on/off', 2],
];

const USAGE = 'Usage: brctl [commands]\ncommands:\n' + COMMANDS.map(([n, h]) => `\t${n.padEnd(10)}\t${h}\n`).join('');

/** A bridge device of the namespace, or undefined. */
function bridgeDev(ns: NetNs, name: string): NetDevice | undefined {
  const l = ns.linkGet(name);
  return l && isBridge(l) ? l.dev : undefined;
}

/** IFLA_INFO_KIND says bridge. */
function isBridge(l: LinkMsg): boolean {
  return l.linkinfo?.kind === 'bridge';
}

/** Is `d` a port of `br` (IFLA_MASTER)? */
function portOf(ns: NetNs, d: NetDevice, br: NetDevice): boolean {
  return ns.linkMsg(d).master === br.ifindex;
}

/** The bridge's attributes (it is a bridge). */
function info(ns: NetNs, br: NetDevice): BridgeInfo {
  return ns.bridgeInfo(br)!;
}

/** The bridge id `8000.xxxxxxxxxxxx`: zero until a port (or a set address) gives it one. */
function fmtId(id: string): string {
  return `${id.slice(0, 4)}.${id.slice(4)}`;
}

/** Timer value as brctl prints it (`%4i.%.2i`). */
function timer(ms: number): string {
  const cs = Math.floor(ms / 10);
  return `${String(Math.floor(cs / 100)).padStart(4)}.${String(cs % 100).padStart(2, '0')}`;
}

function showBridge(p: Process, ns: NetNs, br: NetDevice): void {
  const b = info(ns, br);
  let s = `${br.name}\t\t${fmtId(b.bridgeId)}\t${b.stpEnabled ? 'yes' : 'no'}\t\t`;
  s += b.ports.map((d) => d.name).join('\n\t\t\t\t\t\t\t');
  p.stdout.write(s + '\n');
}

function cmdShow(p: Process, ns: NetNs, args: string[]): number {
  // The header comes with the first bridge shown (nothing at all when there is none).
  let headed = false;
  const show = (br: NetDevice): void => {
    if (!headed) p.stdout.write('bridge name\tbridge id\t\tSTP enabled\tinterfaces\n');
    headed = true;
    showBridge(p, ns, br);
  };
  if (!args.length) {
    const bridges = ns
      .linkDump()
      .filter(isBridge)
      .sort((a, b) => (a.ifname < b.ifname ? -1 : a.ifname > b.ifname ? 1 : 0));
    for (const br of bridges) show(br.dev);
    return 0;
  }
  let rc = 0;
  for (const name of args) {
    const br = bridgeDev(ns, name);
    if (!br) {
      p.stderr.write(`bridge ${name} does not exist!\n`);
      rc = 1;
      continue;
    }
    show(br);
  }
  return rc;
}

function cmdShowmacs(p: Process, ns: NetNs, name: string): number {
  const br = bridgeDev(ns, name);
  if (!br) {
    p.stderr.write('read of forward table failed: No such device\n');
    return 1;
  }
  p.stdout.write('port no\tmac addr\t\tis local?\tageing timer\n');
  const entries = ns.brForward(br).sort((a, b) => (a.mac < b.mac ? -1 : a.mac > b.mac ? 1 : 0));
  for (const e of entries) p.stdout.write(`${String(e.portNo).padStart(3)}\t${e.mac}\t${e.local ? 'yes' : 'no'}\t\t${timer(e.age)}\n`);
  return 0;
}

function cmdShowstp(p: Process, ns: NetNs, name: string): number {
  const br = bridgeDev(ns, name);
  if (!br) {
    p.stderr.write(`bridge ${name} does not exist!\n`);
    return 1;
  }
  const b = info(ns, br);
  const id = fmtId(b.bridgeId);
  const sb = b.stpInfo;
  const root = sb ? fmtId(sb.designatedRoot) : id;
  let s = `${br.name}\n`;
  s += ` bridge id\t\t${id}\n`;
  s += ` designated root\t${root}\n`;
  s += ` root port\t\t${String(sb?.rootPort ?? 0).padStart(4)}\t\t\tpath cost\t\t${String(sb?.rootPathCost ?? 0).padStart(4)}\n`;
  // As recorded (bridge-utils 1.7 reading a namespaced bridge through the
  // ioctl fallback): three of these six values come out 2.5 times too large.
  s += ` max age\t\t${timer((sb?.maxAge ?? b.maxAge) * 10)}\t\t\tbridge max age\t\t${timer(b.maxAge * 25)}\n`;
  s += ` hello time\t\t${timer((sb?.helloTime ?? b.helloTime) * 10)}\t\t\tbridge hello time\t${timer(b.helloTime * 25)}\n`;
  s += ` forward delay\t\t${timer((sb?.forwardDelay ?? b.forwardDelay) * 25)}\t\t\tbridge forward delay\t${timer(b.forwardDelay * 10)}\n`;
  s += ` ageing time\t\t${timer(b.ageingTime)}\n`;
  s += ` hello timer\t\t${timer(sb?.helloTimer ?? 0)}\t\t\ttcn timer\t\t   0.00\n`;
  s += ` topology change timer\t   0.00\t\t\tgc timer\t\t   0.00\n`;
  s += ` flags\t\t\t\n\n\n`;
  for (const d of b.ports) {
    const pt = ns.brportInfo(d);
    const st = pt?.stpInfo;
    const portNo = pt?.portNo ?? 0;
    const portId = st?.portId ?? (((pt?.priority ?? 32) << 10) | portNo);
    const pid = portId.toString(16).padStart(4, '0');
    s += `${d.name} (${portNo})\n`;
    s += ` port id\t\t${pid}\t\t\tstate\t\t${(pt?.state ?? 'disabled').padStart(15)}\n`;
    s += ` designated root\t${st ? fmtId(st.designatedRoot) : id}\tpath cost\t\t${String(pt?.cost ?? 2).padStart(4)}\n`;
    s += ` designated bridge\t${st ? fmtId(st.designatedBridge) : id}\tmessage age timer\t${timer(st?.messageAgeTimer ?? 0)}\n`;
    s += ` designated port\t${(st?.designatedPort ?? portId).toString(16).padStart(4, '0')}\t\t\tforward delay timer\t${timer(st?.forwardDelayTimer ?? 0)}\n`;
    s += ` designated cost\t${String(st?.designatedCost ?? 0).padStart(4)}\t\t\thold timer\t\t   0.00\n`;
    s += ` flags\t\t\t\n\n`;
  }
  p.stdout.write(s);
  return 0;
}

function cmdAddbr(p: Process, ns: NetNs, name: string): number {
  if (ns.devByName(name)) {
    p.stderr.write(`device ${name} already exists; can't create bridge with the same name\n`);
    return 1;
  }
  if (!(name.length > 0 && name.length < 16 && !/[/:\s]/.test(name) && name !== '.' && name !== '..')) {
    p.stderr.write(`add bridge failed: Invalid argument\n`);
    return 1;
  }
  ns.linkAdd({ name, kind: 'bridge' });
  return 0;
}

function cmdDelbr(p: Process, ns: NetNs, name: string): number {
  const l = ns.linkGet(name);
  if (!l) {
    p.stderr.write(`bridge ${name} doesn't exist; can't delete it\n`);
    return 1;
  }
  if (!isBridge(l)) {
    p.stderr.write(`can't delete bridge ${name}: Operation not permitted\n`);
    return 1;
  }
  if (l.flags & IFF.UP) {
    p.stderr.write(`bridge ${name} is still up; can't delete it\n`);
    return 1;
  }
  ns.linkDel(l.dev);
  return 0;
}

function cmdAddif(p: Process, ns: NetNs, brName: string, ifs: string[]): number {
  const br = bridgeDev(ns, brName);
  if (!br) {
    p.stderr.write(`bridge ${brName} does not exist!\n`);
    return 1;
  }
  let rc = 0;
  for (const name of ifs) {
    const l = ns.linkGet(name);
    if (!l) {
      p.stderr.write(`interface ${name} does not exist!\n`);
      rc = 1;
      continue;
    }
    const d = l.dev;
    if (isBridge(l)) {
      p.stderr.write(`device ${name} is a bridge device itself; can't add a bridge device to a bridge device.\n`);
      rc = 1;
      continue;
    }
    if (l.master) {
      p.stderr.write(`device ${name} is already a member of a bridge; can't add it to bridge ${brName}.\n`);
      rc = 1;
      continue;
    }
    if (l.flags & IFF.LOOPBACK) {
      p.stderr.write(`can't add ${name} to bridge ${brName}: Invalid argument\n`);
      rc = 1;
      continue;
    }
    try {
      ns.setMaster(d, br);
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      p.stderr.write(`can't add ${name} to bridge ${brName}: ${e.message}\n`);
      rc = 1;
    }
  }
  return rc;
}

function cmdDelif(p: Process, ns: NetNs, brName: string, ifs: string[]): number {
  const br = bridgeDev(ns, brName);
  if (!br) {
    p.stderr.write(`bridge ${brName} does not exist!\n`);
    return 1;
  }
  let rc = 0;
  for (const name of ifs) {
    const d = ns.devByName(name);
    if (!d) {
      p.stderr.write(`interface ${name} does not exist!\n`);
      rc = 1;
      continue;
    }
    if (!portOf(ns, d, br)) {
      p.stderr.write(`device ${name} is not a port of ${brName}\n`);
      rc = 1;
      continue;
    }
    ns.setMaster(d, undefined);
  }
  return rc;
}

function cmdStp(p: Process, ns: NetNs, brName: string, v: string): number {
  let on: boolean;
  if (v === 'on' || v === 'yes' || v === '1') on = true;
  else if (v === 'off' || v === 'no' || v === '0') on = false;
  else {
    p.stderr.write('expect on/off for argument\n');
    return 1;
  }
  const br = bridgeDev(ns, brName);
  if (!br) {
    p.stderr.write('set stp status failed: No such device\n');
    return 1;
  }
  ns.linkChange(br, { bridge: { stpState: on ? 1 : 0 } });
  return 0;
}

/**
 * sethello / setmaxage / setfd: a time in seconds (strtotimeval), set in
 * centiseconds through the kernel, which checks the range.
 */
function cmdSetTime(p: Process, ns: NetNs, brName: string, v: string, what: 'hello timer' | 'max age' | 'forward delay'): number {
  const t = Number(v);
  if (v.trim() === '' || Number.isNaN(t)) {
    p.stderr.write(`bad ${what} value\n`);
    return 1;
  }
  const br = bridgeDev(ns, brName);
  if (!br) {
    p.stderr.write(`set ${what} failed: No such device\n`);
    return 1;
  }
  const cs = Math.round(t * 100);
  const o: BridgeOpts = what === 'hello timer' ? { helloTime: cs } : what === 'max age' ? { maxAge: cs } : { forwardDelay: cs };
  try {
    ns.linkChange(br, { bridge: o });
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    p.stderr.write(`set ${what} failed: ${e.message}\n`);
    return 1;
  }
  return 0;
}

/** setpathcost / setportprio: `%i` numbers, ranges checked by the kernel (cost 1-65535, priority 0-63). */
function cmdPortNum(p: Process, ns: NetNs, brName: string, port: string, v: string, what: 'path cost' | 'port priority'): number {
  const n = /^[+-]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(v.trim());
  if (!n) {
    p.stderr.write(what === 'path cost' ? 'bad path cost value\n' : 'bad priority value\n');
    return 1;
  }
  const num = Number(n[0].replace(/^([+-]?)0([0-7]+)$/, (_m, s, o) => `${s}${parseInt(o, 8)}`));
  const br = bridgeDev(ns, brName);
  const d = ns.devByName(port);
  if (!br || !d || !portOf(ns, d, br)) {
    p.stderr.write(`set ${what} failed: No such device\n`);
    return 1;
  }
  try {
    ns.linkChange(d, { brport: what === 'path cost' ? { cost: num } : { priority: num } });
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    p.stderr.write(`set ${what} failed: ${e.errno === 'EOPNOTSUPP' ? 'No such device' : e.message}\n`);
    return 1;
  }
  return 0;
}

function cmdSetageing(p: Process, ns: NetNs, brName: string, v: string): number {
  const t = Number(v);
  if (v.trim() === '' || Number.isNaN(t)) {
    p.stderr.write('bad ageing time value\n');
    return 1;
  }
  const br = bridgeDev(ns, brName);
  if (!br) {
    p.stderr.write('set ageing time failed: No such device\n');
    return 1;
  }
  // brctl writes centiseconds (strtotimeval, then clock_t).
  ns.linkChange(br, { bridge: { ageingTime: Math.round(t * 100) } });
  return 0;
}

function cmdPortSet(p: Process, ns: NetNs, brName: string, port: string, attrs: BrportAttrs): number {
  const br = bridgeDev(ns, brName);
  if (!br) {
    p.stderr.write(`bridge ${brName} does not exist!\n`);
    return 1;
  }
  const d = ns.devByName(port);
  if (!d) {
    p.stderr.write(`interface ${port} does not exist!\n`);
    return 1;
  }
  if (!portOf(ns, d, br)) {
    p.stderr.write(`device ${port} is not a port of ${brName}\n`);
    return 1;
  }
  ns.linkChange(d, { brport: attrs });
  return 0;
}

function brctl(p: Process): number {
  const ns = nsOf(p);
  const argv = p.argv.slice(1);
  while (argv.length && argv[0].startsWith('-')) {
    const o = argv.shift()!;
    if (o === '-h' || o === '--help') {
      p.stdout.write(USAGE);
      return 0;
    }
    if (o === '-V' || o === '--version') {
      p.stdout.write('bridge-utils, 1.7\n');
      return 0;
    }
    p.stderr.write(`brctl: invalid option -- '${o.slice(1, 2)}'\n`);
    p.stdout.write(USAGE);
    return 1;
  }
  if (!argv.length) {
    p.stdout.write(USAGE);
    return 1;
  }
  const name = argv[0];
  const args = argv.slice(1);
  const cmd = COMMANDS.find((c) => c[0] === name);
  if (!cmd) {
    p.stdout.write(USAGE);
    p.stderr.write(`never heard of command [${name}]\n`);
    return 1;
  }
  if (args.length < cmd[2]) {
    p.stdout.write(`Incorrect number of arguments for command\nUsage: brctl ${cmd[0]} ${cmd[1]}\n`);
    return 1;
  }
  switch (name) {
    case 'show':
      return cmdShow(p, ns, args);
    case 'showmacs':
      return cmdShowmacs(p, ns, args[0]);
    case 'showstp':
      return cmdShowstp(p, ns, args[0]);
    case 'addbr':
      return cmdAddbr(p, ns, args[0]);
    case 'delbr':
      return cmdDelbr(p, ns, args[0]);
    case 'addif':
      return cmdAddif(p, ns, args[0], args.slice(1));
    case 'delif':
      return cmdDelif(p, ns, args[0], args.slice(1));
    case 'stp':
      return cmdStp(p, ns, args[0], args[1]);
    case 'setageing':
      return cmdSetageing(p, ns, args[0], args[1]);
    case 'hairpin': {
      const v = args[2];
      if (v !== 'on' && v !== 'off') {
        p.stderr.write('expect on/off for argument\n');
        return 1;
      }
      return cmdPortSet(p, ns, args[0], args[1], { hairpin: v === 'on' });
    }
    case 'setpathcost':
      return cmdPortNum(p, ns, args[0], args[1], args[2], 'path cost');
    case 'setportprio':
      return cmdPortNum(p, ns, args[0], args[1], args[2], 'port priority');
    case 'setbridgeprio': {
      const n = /^[+-]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(args[1].trim());
      if (!n) {
        p.stderr.write('bad priority\n');
        return 1;
      }
      const br = bridgeDev(ns, args[0]);
      if (!br) {
        p.stderr.write('set bridge priority failed: No such device\n');
        return 1;
      }
      ns.linkChange(br, { bridge: { priority: Number(n[0]) & 0xffff } });
      return 0;
    }
    case 'sethello':
      return cmdSetTime(p, ns, args[0], args[1], 'hello timer');
    case 'setmaxage':
      return cmdSetTime(p, ns, args[0], args[1], 'max age');
    case 'setfd':
      return cmdSetTime(p, ns, args[0], args[1], 'forward delay');
    default:
      return 1;
  }
}

register({
  name: 'brctl',
  summary: 'ethernet bridge administration',
  usage: 'brctl [commands]',
  subcommands: COMMANDS.map((c) => c[0]),
  options: [
    { flag: '-h, --help', desc: 'show the command list' },
    { flag: '-V, --version', desc: 'print the version' },
  ],
  run: brctl,
});
