import { NOT_SIMULATED_STATUS, declareNotSimulated, notSimulatedMessage } from '../../registry.ts';
// ip (iproute2 6.1.0): show and manipulate links, addresses, routes,
// neighbours, policy rules and named network namespaces of the simulated
// kernel. Global options and object dispatch follow ip/ip.c; each object
// lives in its own module.
//
//   ip [ -n NS ] [ -4|-6 ] [ -br ] [ -s ] [ -d ] [ -j [-p] ] [ -o ] [ -c ] OBJECT COMMAND

import { register } from '../../registry.ts';
import type { Process } from '../../../kernel/proc.ts';
import { nsOf } from '../../lib/sys.ts';
import { AF_BRIDGE, AF_INET, AF_INET6, AF_MPLS, AF_PACKET, AF_UNSPEC, Ip, IpExit, matches } from './common.ts';
import { doIpaddr } from './addr.ts';
import { doIplink } from './link.ts';
import { doIproute } from './route.ts';
import { doIpneigh } from './neigh.ts';
import { doNetns, netnsSwitch } from './netns.ts';
import { doIprule } from './rule.ts';
import { USAGE_IP } from './help.ts';

type ObjFn = (ip: Ip, argv: string[]) => number | Promise<number>;

const notImplemented = (name: string): ObjFn => {
  declareNotSimulated({ tool: 'ip', kind: 'subcommand', item: name, why: 'this object is not modelled by the simulated kernel' });
  return (ip) => ip.die(notSimulatedMessage('ip', name), NOT_SIMULATED_STATUS);
};

/** The object table of ip.c, in its order (prefix matching picks the first hit). */
const CMDS: [string, ObjFn][] = [
  ['address', doIpaddr],
  ['addrlabel', notImplemented('addrlabel')],
  ['maddress', notImplemented('maddress')],
  ['route', doIproute],
  ['rule', doIprule],
  ['neighbor', doIpneigh],
  ['neighbour', doIpneigh],
  ['ntable', notImplemented('ntable')],
  ['ntbl', notImplemented('ntbl')],
  ['link', doIplink],
  ['l2tp', notImplemented('l2tp')],
  ['fou', notImplemented('fou')],
  ['ila', notImplemented('ila')],
  ['macsec', notImplemented('macsec')],
  ['tunnel', notImplemented('tunnel')],
  ['tunl', notImplemented('tunl')],
  ['tuntap', notImplemented('tuntap')],
  ['tap', notImplemented('tap')],
  ['token', notImplemented('token')],
  ['tcpmetrics', notImplemented('tcpmetrics')],
  ['tcp_metrics', notImplemented('tcp_metrics')],
  ['monitor', notImplemented('monitor')],
  ['xfrm', notImplemented('xfrm')],
  ['mroute', notImplemented('mroute')],
  ['mrule', notImplemented('mrule')],
  ['netns', doNetns],
  ['netconf', notImplemented('netconf')],
  ['vrf', notImplemented('vrf')],
  ['sr', notImplemented('sr')],
  ['nexthop', notImplemented('nexthop')],
  ['mptcp', notImplemented('mptcp')],
  ['ioam', notImplemented('ioam')],
  ['help', (ip) => ip.die(USAGE_IP)],
  ['stats', notImplemented('stats')],
];

function usage(ip: Ip): never {
  return ip.die(USAGE_IP);
}

function readFamily(s: string): number {
  return s === 'inet' ? AF_INET : s === 'inet6' ? AF_INET6 : s === 'link' ? AF_PACKET : s === 'bridge' ? AF_BRIDGE : s === 'mpls' ? AF_MPLS : AF_UNSPEC;
}

/** main() of ip.c: global options, then the object. */
async function main(ip: Ip, argv: string[]): Promise<number> {
  let i = 0;
  while (i < argv.length) {
    let opt = argv[i];
    if (opt === '--') {
      i++;
      break;
    }
    if (opt[0] !== '-') break;
    if (opt[1] === '-') opt = opt.slice(1);
    const m = (full: string): boolean => matches(opt, full);
    const colorEq = /^(-c[a-z]*)(?:=(.*))?$/.exec(opt);
    if (m('-loops')) {
      if (++i >= argv.length) usage(ip);
    } else if (m('-family')) {
      if (++i >= argv.length) usage(ip);
      if (argv[i] === 'help') usage(ip);
      ip.family = readFamily(argv[i]);
      if (ip.family === AF_UNSPEC) ip.invarg('invalid protocol family', argv[i]);
    } else if (opt === '-4') ip.family = AF_INET;
    else if (opt === '-6') ip.family = AF_INET6;
    else if (opt === '-0') ip.family = AF_PACKET;
    else if (opt === '-M') ip.family = AF_MPLS;
    else if (opt === '-B') ip.family = AF_BRIDGE;
    else if (m('-human') || m('-human-readable') || m('-iec')) {
      // human-readable numbers: not simulated
    } else if (m('-stats') || m('-statistics')) ip.stats++;
    else if (m('-details')) ip.details++;
    else if (m('-resolve')) ip.resolve++;
    else if (m('-oneline')) ip.oneline++;
    else if (m('-timestamp') || m('-tshort')) {
      // timestamps apply to monitor only
    } else if (m('-Version')) {
      ip.out.fp('ip utility, iproute2-6.1.0, libbpf 1.1.2\n');
      return 0;
    } else if (m('-force')) ip.force++;
    else if (m('-batch')) {
      if (++i >= argv.length) usage(ip);
      return ip.die(notSimulatedMessage('ip', '-batch'), NOT_SIMULATED_STATUS);
    } else if (m('-brief')) ip.brief++;
    else if (m('-json')) ip.json++;
    else if (m('-pretty')) ip.pretty++;
    else if (m('-rcvbuf')) {
      if (++i >= argv.length) usage(ip);
    } else if (colorEq && matches(colorEq[1], '-color') && (colorEq[2] === undefined || ['always', 'auto', 'never'].includes(colorEq[2]))) {
      const v = colorEq[2];
      ip.color = v === undefined || v === 'always' ? 'always' : (v as 'auto' | 'never');
    } else if (m('-help')) usage(ip);
    else if (m('-netns')) {
      if (++i >= argv.length) ip.incomplete();
      if (!netnsSwitch(ip, argv[i])) throw new IpExit(255);
    } else if (m('-Numeric')) ip.numeric++;
    else if (m('-all')) ip.all = true;
    else if (opt === '-echo') {
      // echo of requests: not simulated
    } else return ip.die(`Option "${opt}" is unknown, try "ip -help".\n`);
    i++;
  }
  if (ip.oneline) ip.out.SL = '\\';
  ip.out.color = !ip.json && (ip.color === 'always' || (ip.color === 'auto' && ip.p.stdout.isTTY));
  const rest = argv.slice(i);
  if (rest.length < 1) usage(ip);
  const obj = rest[0];
  for (const [name, fn] of CMDS) {
    if (matches(obj, name)) return -(await fn(ip, rest.slice(1)));
  }
  return ip.die(`Object "${obj}" is unknown, try "ip help".\n`, 1);
}

/** Run `ip` as a program. */
export async function ipMain(p: Process): Promise<number> {
  const ip = new Ip(p, nsOf(p));
  let code: number;
  try {
    code = await main(ip, p.argv.slice(1));
  } catch (e) {
    if (!(e instanceof IpExit)) throw e;
    code = e.code;
  }
  ip.flush();
  return code & 255;
}

register({
  name: 'ip',
  summary: 'show / manipulate routing, network devices, interfaces and tunnels',
  usage: 'ip [ OPTIONS ] OBJECT { COMMAND | help }',
  options: [
    { flag: '-n, -netns', arg: 'name', desc: 'run the command in the named network namespace' },
    { flag: '-4', desc: 'IPv4 only' },
    { flag: '-6', desc: 'IPv6 only' },
    { flag: '-br, -brief', desc: 'one line per object, tabular' },
    { flag: '-s, -stats', desc: 'show counters (twice for more)' },
    { flag: '-d, -details', desc: 'show details' },
    { flag: '-j, -json', desc: 'JSON output' },
    { flag: '-p, -pretty', desc: 'indent JSON output' },
    { flag: '-o, -oneline', desc: 'one line per record' },
    { flag: '-c, -color', arg: '[=always|auto|never]', desc: 'colour the output' },
    { flag: '-a, -all', desc: 'with netns exec/delete: every named namespace' },
  ],
  subcommands: ['address', 'link', 'route', 'neighbour', 'netns', 'rule', 'help'],
  run: ipMain,
  complete(p, words) {
    const objs = ['address', 'link', 'route', 'neigh', 'netns', 'rule', 'help'];
    if (words.length <= 1) return objs;
    const verbs: Record<string, string[]> = {
      a: ['add', 'del', 'show', 'flush'],
      l: ['add', 'del', 'set', 'show'],
      r: ['add', 'del', 'replace', 'change', 'show', 'flush', 'get'],
      n: ['add', 'del', 'replace', 'change', 'show', 'flush'],
    };
    const first = words[0];
    if (first === 'netns') return words.length === 2 ? ['add', 'del', 'list', 'exec', 'identify', 'pids', 'set', 'list-id'] : nsOf(p).kernel.netnsNames();
    if (words.length === 2) return verbs[first[0]] ?? [];
    return nsOf(p).linkDump().map((d) => d.ifname);
  },
});

declareNotSimulated({ tool: 'ip', kind: 'option', item: '-batch', why: 'type the commands one per line' });
