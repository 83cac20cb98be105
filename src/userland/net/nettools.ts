// net-tools 2.10: arp, route, ifconfig and netstat (-r, -i). The display
// side reads /proc/net/arp and /proc/net/route like the real programs; the
// changes go through the kernel operations their ioctls reach
// (SIOCSARP/SIOCDARP, SIOCADDRT/SIOCDELRT, SIOCSIF*). Formats and messages
// are the recorded ones.

import { declareNotSimulated, refuseNotSimulated, register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import type { Addr6Msg, AddrMsg, LinkMsg, NetNs } from '../../kernel/netns.ts';
import type { NetDevice } from '../../kernel/netdev.ts';
import { KernelError } from '../../kernel/errno.ts';
import { fmtIp4, parseIp4, parseIp4Loose, maskOf, plenOfMask, netOf, parseMac, type Ip4 } from '../../kernel/addr.ts';
import { RT_TABLE } from '../../kernel/fib.ts';
import { SCOPE } from '../../kernel/netdev.ts';
import { getHostByAddr, getHostByName } from '../lib/resolve.ts';
import { nsOf, kernelOf } from '../lib/sys.ts';
import { IFF, nstrcmp } from './nettools-lib.ts';
import { socketsOf } from '../../kernel/socket/socket.ts';
import type { TcpSocket, TcpState } from '../../kernel/socket/tcp.ts';
import type { UdpSocket } from '../../kernel/socket/udp.ts';
import { serviceName } from './iptables/services.ts';

// ── shared ───────────────────────────────────────────────────────────────

/** Read a /proc file as the process sees it ('' when unreadable). */
function readProc(p: Process, path: string): string {
  try {
    return kernelOf(p).vfs.readFile(path, p.vfsCtx());
  } catch {
    return '';
  }
}

/** Reverse-resolve an IPv4 address (gethostbyaddr), or undefined. */
async function hostName(p: Process, ip: string): Promise<string | undefined> {
  const r = await getHostByAddr(p, ip);
  return typeof r === 'string' ? undefined : r.name;
}

/** Resolve a host argument as net-tools' INET_resolve does: numeric, else gethostbyname. */
async function resolveArg(p: Process, name: string): Promise<{ ip: Ip4; name: string } | 'unknown' | 'lookup'> {
  if (/^[\d.]+$/.test(name)) {
    const ip = parseIp4Loose(name);
    return ip === undefined ? 'unknown' : { ip, name };
  }
  const r = await getHostByName(p, name, 4);
  if (typeof r === 'string') return 'lookup';
  return { ip: parseIp4(r.addrs[0])!, name: r.name };
}

/** /proc/net/route's hex word back to an address. */
function unhexLe(h: string): Ip4 {
  const v = parseInt(h, 16) >>> 0;
  return (((v & 0xff) << 24) | (((v >>> 8) & 0xff) << 16) | (((v >>> 16) & 0xff) << 8) | (v >>> 24)) >>> 0;
}

// ── arp ──────────────────────────────────────────────────────────────────

const ARP_USAGE_OUT =
  'Usage:\n' +
  '  arp [-vn]  [<HW>] [-i <if>] [-a] [<hostname>]             <-Display ARP cache\n' +
  '  arp [-v]          [-i <if>] -d  <host> [pub]               <-Delete ARP entry\n' +
  '  arp [-vnD] [<HW>] [-i <if>] -f  [<filename>]            <-Add entry from file\n' +
  '  arp [-v]   [<HW>] [-i <if>] -s  <host> <hwaddr> [temp]            <-Add entry\n' +
  "  arp [-v]   [<HW>] [-i <if>] -Ds <host> <if> [netmask <nm>] pub          <-''-\n\n" +
  '        -a                       display (all) hosts in alternative (BSD) style\n' +
  '        -e                       display (all) hosts in default (Linux) style\n' +
  '        -s, --set                set a new ARP entry\n' +
  '        -d, --delete             delete a specified entry\n' +
  '        -v, --verbose            be verbose\n' +
  "        -n, --numeric            don't resolve names\n" +
  '        -i, --device             specify network interface (e.g. eth0)\n' +
  '        -D, --use-device         read <hwaddr> from given device\n' +
  '        -A, -p, --protocol       specify protocol family\n' +
  '        -f, --file               read new entries from file or from /etc/ethers\n\n' +
  "  <HW>=Use '-H <hw>' to specify hardware address type. Default: ether\n" +
  '  List of possible hardware types (which support ARP):\n';
const ARP_USAGE_HW =
  '    ash (Ash) ether (Ethernet) ax25 (AMPR AX.25) \n' +
  '    netrom (AMPR NET/ROM) rose (AMPR ROSE) arcnet (ARCnet) \n' +
  '    dlci (Frame Relay DLCI) fddi (Fiber Distributed Data Interface) hippi (HIPPI) \n' +
  '    irda (IrLAP) x25 (generic X.25) eui64 (Generic EUI-64) \n';

interface ProcArp {
  ip: string;
  flags: number;
  hw: string;
  dev: string;
}

function procArp(p: Process): ProcArp[] {
  const lines = readProc(p, '/proc/net/arp').split('\n').slice(1);
  const out: ProcArp[] = [];
  for (const l of lines) {
    const f = l.trim().split(/\s+/);
    if (f.length < 6) continue;
    out.push({ ip: f[0], flags: parseInt(f[2], 16), hw: f[3], dev: f[5] });
  }
  return out;
}

async function arpShow(p: Process, o: { numeric: boolean; bsd: boolean; device: string; host: string; hostName: string }): Promise<number> {
  let entries = 0;
  let shown = 0;
  for (const e of procArp(p)) {
    entries++;
    if (o.device && e.dev !== o.device) continue;
    if (o.host && e.ip !== o.host) continue;
    const name = o.numeric ? undefined : await hostName(p, e.ip);
    const com = (e.flags & 0x2) !== 0;
    const perm = (e.flags & 0x4) !== 0;
    if (o.bsd) {
      let s = `${name ?? '?'} (${e.ip}) at `;
      s += com ? `${e.hw} [ether] ` : '<incomplete> ';
      if (perm) s += 'PERM ';
      p.stdout.write(`${s}on ${e.dev}\n`);
    } else {
      if (!shown) p.stdout.write('Address                  HWtype  HWaddress           Flags Mask            Iface\n');
      const addr = (name ?? e.ip).slice(0, 23).padEnd(23);
      const hw = com ? `${'ether'.padEnd(8)}${e.hw.padEnd(20)}` : `${''.padEnd(8)}${'(incomplete)'.padEnd(20)}`;
      const flags = (com ? 'C' : '') + (perm ? 'M' : '');
      p.stdout.write(`${addr}  ${hw}${flags.padEnd(6)}${''.padEnd(16)}${e.dev}\n`);
    }
    shown++;
  }
  if (!shown) {
    if (o.host && !o.bsd) p.stdout.write(`${o.hostName} (${o.host}) -- no entry\n`);
    else if (o.host || o.device) p.stdout.write(`arp: in ${entries} entries no match found.\n`);
  }
  return 0;
}

/** The device SIOCSARP/SIOCDARP pick for `ip`: the given one, else the route's. */
function arpDev(ns: NetNs, ip: Ip4, device: string): NetDevice | KernelError {
  if (device) {
    const d = ns.devByName(device);
    return d ?? new KernelError('ENODEV');
  }
  const r = ns.routeLookup(ip, (x) => x.type === 'unicast' || x.type === 'local');
  if (!r || !r.route.dev) return new KernelError('ENETUNREACH');
  return r.route.dev;
}

async function arp(p: Process): Promise<number> {
  const ns = nsOf(p);
  const argv = p.argv.slice(1);
  let mode: 'show' | 'set' | 'del' = 'show';
  let numeric = false;
  let bsd = false;
  let device = '';
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--') && a.length > 2) {
      const name = a.slice(2);
      if (name === 'help') {
        p.stdout.write(ARP_USAGE_OUT);
        p.stderr.write(ARP_USAGE_HW);
        return 0;
      }
      if ('numeric'.startsWith(name)) numeric = true;
      else if ('set'.startsWith(name)) mode = 'set';
      else if ('delete'.startsWith(name)) mode = 'del';
      else if ('device'.startsWith(name)) device = argv[++i] ?? '';
      else if ('verbose'.startsWith(name)) {
        // verbose output is not modelled
      } else if ('version'.startsWith(name)) {
        p.stdout.write('net-tools 2.10\n');
        return 0;
      } else {
        p.stderr.write(`arp: unrecognized option '${a}'\n${ARP_USAGE_OUT}${ARP_USAGE_HW}`);
        return 3;
      }
      continue;
    }
    if (a.length > 1 && a.startsWith('-')) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === 'n') numeric = true;
        else if (c === 'a') bsd = true;
        else if (c === 'e') bsd = false;
        else if (c === 's') mode = 'set';
        else if (c === 'd') mode = 'del';
        else if (c === 'v' || c === 'D') {
          return refuseNotSimulated(p, 'arp', `-${c}`);
        } else if (c === 'i' || c === 'H' || c === 'A' || c === 'p' || c === 't') {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined) {
            p.stderr.write(`arp: option requires an argument -- '${c}'\n${ARP_USAGE_OUT}${ARP_USAGE_HW}`);
            return 3;
          }
          if (c === 'i') device = v;
          break;
        } else if (c === 'h') {
          p.stdout.write(ARP_USAGE_OUT);
          p.stderr.write(ARP_USAGE_HW);
          return 0;
        } else if (c === 'V') {
          p.stdout.write('net-tools 2.10\n');
          return 0;
        } else {
          p.stderr.write(`arp: invalid option -- '${c}'\n${ARP_USAGE_OUT}${ARP_USAGE_HW}`);
          return 3;
        }
      }
      continue;
    }
    operands.push(a);
  }
  if (mode === 'show') {
    let host = '';
    let hName = '';
    if (operands.length) {
      const r = await resolveArg(p, operands[0]);
      if (r === 'unknown' || r === 'lookup') {
        p.stderr.write(`${operands[0]}: ${r === 'unknown' ? 'Unknown host' : 'Host name lookup failure'}\n`);
        return 255;
      }
      host = fmtIp4(r.ip);
      hName = r.name;
    }
    return arpShow(p, { numeric, bsd, device, host, hostName: hName });
  }
  if (!operands.length) {
    p.stderr.write('arp: need host name\n');
    return 255;
  }
  const r = await resolveArg(p, operands[0]);
  if (r === 'unknown' || r === 'lookup') {
    p.stderr.write(`${operands[0]}: ${r === 'unknown' ? 'Unknown host' : 'Host name lookup failure'}\n`);
    return 255;
  }
  if (mode === 'del') {
    const dev = arpDev(ns, r.ip, device);
    if (dev instanceof KernelError) {
      p.stderr.write(`SIOCDARP(dontpub): ${dev.message}\n`);
      return 255;
    }
    try {
      ns.arpDelete(r.ip, dev);
    } catch (e) {
      if (!(e instanceof KernelError) || e.errno !== 'ENXIO') throw e;
      p.stdout.write(`No ARP entry for ${operands[0]}\n`);
      return 255;
    }
    return 0;
  }
  // set
  if (operands.length < 2) {
    p.stderr.write('arp: need hardware address\n');
    return 255;
  }
  const mac = parseMac(operands[1]);
  if (!mac) {
    p.stderr.write('arp: invalid hardware address\n');
    return 255;
  }
  let temp = false;
  let pub = false;
  for (const w of operands.slice(2)) {
    if (w === 'temp') temp = true;
    else if (w === 'pub') pub = true;
  }
  if (pub) {
    const owner = ns.linkDump().find((l) => l.address === mac);
    if (!owner) {
      p.stderr.write('SIOCSARP: No such device\n');
      return 255;
    }
    return 0;
  }
  const dev = arpDev(ns, r.ip, device);
  try {
    if (dev instanceof KernelError) throw dev;
    // Neighbours cannot live on loopback or NOARP devices (arp_req_set: EINVAL).
    ns.arpSet(r.ip, dev, mac, temp);
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    p.stderr.write(`SIOCSARP: ${e.message}\n`);
    return 255;
  }
  return 0;
}

// ── route ────────────────────────────────────────────────────────────────

const ROUTE_USAGE_OUT =
  'Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables\n' +
  '       route [-v] [-FC] {add|del|flush} ...  Modify routing table for AF.\n\n' +
  '       route {-h|--help} [<AF>]              Detailed usage syntax for specified AF.\n' +
  '       route {-V|--version}                  Display version/author and exit.\n\n' +
  '        -v, --verbose            be verbose\n' +
  "        -n, --numeric            don't resolve names\n" +
  '        -e, --extend             display other/more information\n' +
  '        -F, --fib                display Forwarding Information Base (default)\n' +
  '        -C, --cache              display routing cache instead of FIB\n\n' +
  "  <AF>=Use -4, -6, '-A <af>' or '--<af>'; default: inet\n" +
  '  List of possible address families (which support routing):\n';
const ROUTE_USAGE_AF =
  '    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) \n' +
  '    netrom (AMPR NET/ROM) rose (AMPR ROSE) ipx (Novell IPX) \n' +
  '    ddp (Appletalk DDP) x25 (CCITT X.25) \n';
const INET_ROUTE_USAGE =
  'Usage: inet_route [-vF] del {-host|-net} Target[/prefix] [gw Gw] [metric M] [[dev] If]\n' +
  '       inet_route [-vF] add {-host|-net} Target[/prefix] [gw Gw] [metric M]\n' +
  '                              [netmask N] [mss Mss] [window W] [irtt I]\n' +
  '                              [mod] [dyn] [reinstate] [[dev] If]\n' +
  '       inet_route [-vF] add {-host|-net} Target[/prefix] [metric M] reject\n' +
  '       inet_route [-FC] flush      NOT supported\n';

const HEADS: Record<number, string> = {
  1: 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n',
  2: 'Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n',
  3: 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface    MSS   Window irtt\n',
};

/** rprint_fib(): the IPv4 routing table from /proc/net/route; 1 when the file is empty. */
export async function printRoutes(p: Process, ext: number, numeric: boolean): Promise<number> {
  p.stdout.write('Kernel IP routing table\n');
  p.stdout.write(HEADS[Math.min(ext, 3)]);
  const text = readProc(p, '/proc/net/route');
  const lines = text.split('\n');
  if (!lines[0].startsWith('Iface')) return 1;
  for (const l of lines.slice(1)) {
    const f = l.trim().split('\t');
    if (f.length < 11) continue;
    const flagsN = parseInt(f[3], 16);
    if (!(flagsN & 0x1)) continue;
    const dst = unhexLe(f[1]);
    const gw = unhexLe(f[2]);
    const mask = unhexLe(f[7]);
    const metric = Number(f[6]);
    const host = (flagsN & 0x4) !== 0;
    let dstText = fmtIp4(dst);
    if (!numeric) {
      if (dst === 0 && mask === 0) dstText = 'default';
      else if (host) dstText = (await hostName(p, dstText)) ?? dstText;
    }
    let gwText = fmtIp4(gw);
    if (!numeric && gw !== 0) gwText = (await hostName(p, gwText)) ?? gwText;
    dstText = dstText.slice(0, 15);
    gwText = gwText.slice(0, 15);
    const maskText = fmtIp4(mask);
    let flags = 'U';
    if (flagsN & 0x2) flags += 'G';
    const reject = (flagsN & 0x200) !== 0;
    if (reject) flags = '!';
    if (host) flags += 'H';
    const iface = f[0];
    const P = (s: string, n: number): string => s.padEnd(n);
    const R = (s: string | number, n: number): string => String(s).padStart(n);
    if (ext === 1) {
      if (reject) p.stdout.write(`${P(dstText, 15)} -               ${P(maskText, 15)} ${P(flags, 5)} ${P(String(metric), 6)} -  ${R(0, 7)} -\n`);
      else p.stdout.write(`${P(dstText, 15)} ${P(gwText, 15)} ${P(maskText, 15)} ${P(flags, 5)} ${P(String(metric), 6)} ${P('0', 2)} ${R(0, 7)} ${iface}\n`);
    } else if (ext === 2) {
      if (reject) p.stdout.write(`${P(dstText, 15)} -               ${P(maskText, 15)} ${P(flags, 5)}     - -          - -\n`);
      else p.stdout.write(`${P(dstText, 15)} ${P(gwText, 15)} ${P(maskText, 15)} ${P(flags, 5)} ${R(0, 5)} ${P('0', 5)} ${R(0, 6)} ${iface}\n`);
    } else {
      if (reject) p.stdout.write(`${P(dstText, 15)} -               ${P(maskText, 15)} ${P(flags, 5)} ${P(String(metric), 6)} -  ${R(0, 7)} -        -     -      -\n`);
      else p.stdout.write(`${P(dstText, 15)} ${P(gwText, 15)} ${P(maskText, 15)} ${P(flags, 5)} ${P(String(metric), 6)} ${P('0', 3)} ${R(0, 6)} ${P(iface.slice(0, 6), 6)}   ${P('0', 5)} ${P('0', 6)} 0\n`);
    }
  }
  return 0;
}

/** INET_setroute(): `route add|del [-net|-host] TARGET[/len] [netmask M] [gw G] [metric N] [reject] [[dev] IF]`. */
async function routeModify(p: Process, del: boolean, args: string[]): Promise<number> {
  const ns = nsOf(p);
  const usage = (): number => {
    p.stderr.write(INET_ROUTE_USAGE);
    return 3;
  };
  if (!args.length) {
    p.stdout.write(INET_ROUTE_USAGE);
    return 0;
  }
  let isNet: boolean | undefined;
  let i = 0;
  if (args[0] === '-net' || args[0] === '-host') {
    isNet = args[0] === '-net';
    i++;
  }
  const target = args[i++];
  if (target === undefined) return usage();
  let dst: Ip4;
  let plen: number | undefined;
  if (target === 'default') {
    dst = 0;
    plen = 0;
    isNet = true;
  } else {
    const [a, l] = target.split('/');
    const r = await resolveArg(p, a);
    if (r === 'unknown' || r === 'lookup') {
      p.stderr.write(`${a}: ${r === 'unknown' ? 'Unknown host' : 'Host name lookup failure'}\n`);
      return 4;
    }
    dst = r.ip;
    if (l !== undefined) {
      plen = Number(l);
      if (!/^\d+$/.test(l) || plen > 32) return usage();
      if (isNet === undefined) isNet = plen < 32;
    }
    if (isNet === undefined) isNet = false;
  }
  let gw: Ip4 | undefined;
  let metric = 0;
  let devName: string | undefined;
  let reject = false;
  while (i < args.length) {
    const k = args[i++];
    const v = (): string | undefined => args[i++];
    if (k === 'netmask') {
      const m = v();
      const mv = m === undefined ? undefined : parseIp4(m);
      if (mv === undefined) return usage();
      const l = plenOfMask(mv);
      if (l < 0) {
        p.stderr.write(`route: bogus netmask ${m}\n`);
        return usage();
      }
      plen = l;
    } else if (k === 'gw' || k === 'gateway') {
      const g = v();
      if (g === undefined) return usage();
      const r = await resolveArg(p, g);
      if (r === 'unknown' || r === 'lookup') {
        p.stderr.write(`${g}: ${r === 'unknown' ? 'Unknown host' : 'Host name lookup failure'}\n`);
        return 4;
      }
      gw = r.ip;
    } else if (k === 'metric') {
      const m = v();
      if (m === undefined || !/^\d+$/.test(m)) return usage();
      metric = Number(m);
    } else if (k === 'mss' || k === 'window' || k === 'irtt' || k === 'mod' || k === 'dyn' || k === 'reinstate') {
      // Route metrics and ICMP-redirect flags the simulated FIB does not keep.
      return refuseNotSimulated(p, 'route', k);
    } else if (k === 'reject') {
      reject = true;
    } else if (k === 'dev' || k === 'device') {
      devName = v();
      if (devName === undefined) return usage();
    } else if (i === args.length) {
      devName = k;
    } else return usage();
  }
  if (plen === undefined) plen = isNet ? (dst === 0 ? 0 : 32) : 32;
  if (!isNet) plen = 32;
  if (netOf(dst, plen) !== dst) {
    p.stderr.write("route: netmask doesn't match route address\n");
    return usage();
  }
  const op = del ? 'SIOCDELRT' : 'SIOCADDRT';
  let dev: NetDevice | undefined;
  if (devName !== undefined) {
    dev = ns.devByName(devName);
    if (!dev) {
      p.stderr.write(`${op}: No such device\n`);
      return 7;
    }
  }
  try {
    if (del) {
      ns.routeDel({ table: RT_TABLE.main, dst, dstLen: plen, gateway: gw, dev, metric: metric || undefined });
    } else {
      if (!reject && !dev && gw === undefined) {
        p.stderr.write(`${op}: No such device\n`);
        return 7;
      }
      if (gw !== undefined && !dev) {
        const via = ns.routeLookup(gw, (x) => x.type === 'unicast');
        if (!via || via.route.gateway !== undefined || !via.route.dev) {
          p.stderr.write(`${op}: Network is unreachable\n`);
          return 7;
        }
      }
      ns.routeAdd(
        {
          table: RT_TABLE.main,
          type: reject ? 'unreachable' : 'unicast',
          dst,
          dstLen: plen,
          tos: 0,
          metric,
          protocol: 'boot',
          scope: reject ? SCOPE.host : gw !== undefined ? SCOPE.universe : SCOPE.link,
          gateway: reject ? undefined : gw,
          dev: reject ? undefined : dev,
          onlink: false,
        },
        { create: true, excl: true, replace: false },
      );
    }
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    const msg = e.errno === 'EINVAL' && gw !== undefined ? 'Network is unreachable' : e.errno === 'ENETDOWN' ? 'Network is unreachable' : new KernelError(e.errno).message;
    p.stderr.write(`${op}: ${msg}\n`);
    return 7;
  }
  ns.kernel.notifyTopology();
  return 0;
}

async function route(p: Process): Promise<number> {
  const argv = p.argv.slice(1);
  let numeric = false;
  let ext = 1;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (rest.length || !a.startsWith('-') || a === '-net' || a === '-host') {
      rest.push(a);
      continue;
    }
    if (a.startsWith('--')) {
      const n = a.slice(2);
      if (n === 'help') {
        p.stdout.write(ROUTE_USAGE_OUT);
        p.stderr.write(ROUTE_USAGE_AF);
        return 0;
      }
      if ('numeric'.startsWith(n)) numeric = true;
      else if ('extend'.startsWith(n)) ext++;
      else if ('version'.startsWith(n)) {
        p.stdout.write('net-tools 2.10\n');
        return 0;
      } else if (n === 'inet' || 'verbose'.startsWith(n) || 'fib'.startsWith(n)) {
        // default family, verbosity and FIB display
      } else {
        p.stderr.write(`route: unrecognized option '${a}'\n`);
        p.stdout.write(ROUTE_USAGE_OUT);
        p.stderr.write(ROUTE_USAGE_AF);
        return 0;
      }
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'n' || c === 'N') numeric = true;
      else if (c === 'e') ext++;
      else if (c === 'v' || c === 'F' || c === '4') {
        // accepted
      } else if (c === 'A') {
        i++;
        break;
      } else if (c === 'h') {
        p.stdout.write(ROUTE_USAGE_OUT);
        p.stderr.write(ROUTE_USAGE_AF);
        return 0;
      } else if (c === 'V') {
        p.stdout.write('net-tools 2.10\n');
        return 0;
      } else {
        p.stderr.write(`route: invalid option -- '${c}'\n`);
        p.stdout.write(ROUTE_USAGE_OUT);
        p.stderr.write(ROUTE_USAGE_AF);
        return 0;
      }
    }
  }
  if (!rest.length) return printRoutes(p, ext, numeric);
  const cmd = rest[0];
  if (cmd === 'add' || cmd === 'del') return routeModify(p, cmd === 'del', rest.slice(1));
  if (cmd === 'flush') {
    p.stderr.write(INET_ROUTE_USAGE);
    return 3;
  }
  p.stderr.write(ROUTE_USAGE_OUT + ROUTE_USAGE_AF);
  return 3;
}

// ── ifconfig ─────────────────────────────────────────────────────────────

/** One interface as ifconfig sees it: a device (its link message and addresses), or an alias label on it. */
interface IfView {
  name: string;
  link: LinkMsg;
  addrs: AddrMsg[];
  addrs6: Addr6Msg[];
  alias: boolean;
}

/** Every interface name (devices, then alias labels), in net-tools' natural order. */
function ifViews(ns: NetNs): IfView[] {
  const out: IfView[] = [];
  for (const link of ns.linkDump()) {
    const addrs = ns.addrDump(link.dev);
    const addrs6 = ns.addr6Dump(link.dev);
    out.push({ name: link.ifname, link, addrs, addrs6, alias: false });
    for (const a of addrs) if (a.label !== link.ifname && !out.some((v) => v.name === a.label)) out.push({ name: a.label, link, addrs, addrs6, alias: true });
  }
  return out.sort((a, b) => nstrcmp(a.name, b.name));
}

/** The address SIOCGIFADDR returns for a label: the first primary with that label. */
function labelAddr(addrs: readonly AddrMsg[], label: string): AddrMsg | undefined {
  return addrs.find((a) => a.label === label && !a.secondary) ?? addrs.find((a) => a.label === label);
}

/** ife_unit(): bytes with a one-decimal binary unit. */
function unit(v: number): string {
  const units: [number, string][] = [
    [1099511627776, 'TiB'],
    [1073741824, 'GiB'],
    [1048576, 'MiB'],
    [1024, 'KiB'],
  ];
  let short = v * 10;
  let text = 'B';
  for (const [n, u] of units) {
    if (v > n) {
      short = Math.floor(short / n);
      text = u;
      break;
    }
  }
  return `${Math.floor(short / 10)}.${short % 10} ${text}`;
}

/** ife_print_long(). */
function ifPrintLong(p: Process, v: IfView): void {
  const d = v.link;
  const flags = d.flags & ~IFF.LOWER_UP;
  const names: [number, string][] = [
    [IFF.UP, 'UP'],
    [IFF.BROADCAST, 'BROADCAST'],
    [IFF.DEBUG, 'DEBUG'],
    [IFF.LOOPBACK, 'LOOPBACK'],
    [IFF.POINTOPOINT, 'POINTOPOINT'],
    [IFF.NOTRAILERS, 'NOTRAILERS'],
    [IFF.RUNNING, 'RUNNING'],
    [IFF.NOARP, 'NOARP'],
    [IFF.PROMISC, 'PROMISC'],
    [IFF.ALLMULTI, 'ALLMULTI'],
    [IFF.SLAVE, 'SLAVE'],
    [IFF.MASTER, 'MASTER'],
    [IFF.MULTICAST, 'MULTICAST'],
  ];
  const fl = names.filter(([b]) => flags & b).map(([, n]) => n);
  let s = `${v.name}: flags=${flags}<${fl.join(',')}>  mtu ${d.mtu}\n`;
  const a = labelAddr(v.addrs, v.name);
  if (a) {
    s += `        inet ${fmtIp4(a.local)}  netmask ${fmtIp4(maskOf(a.prefixlen))}`;
    if (flags & IFF.BROADCAST) s += `  broadcast ${fmtIp4(a.broadcast ?? 0)}`;
    s += '\n';
  }
  if (!v.alias) {
    for (const a6 of v.addrs6) {
      const scope = a6.addr === '::1' ? 0x10 : a6.addr.startsWith('fe80:') ? 0x20 : 0;
      const sname = scope === 0x10 ? 'host' : scope === 0x20 ? 'link' : 'global';
      s += `        inet6 ${a6.addr}  prefixlen ${a6.prefixlen}  scopeid 0x${scope.toString(16)}<${sname}>\n`;
    }
  }
  if (d.linkType === 'loopback') s += `        loop  txqueuelen ${d.txqlen}  (Local Loopback)\n`;
  else s += `        ether ${d.address}  txqueuelen ${d.txqlen}  (Ethernet)\n`;
  if (!v.alias) {
    const t = d.stats;
    s += `        RX packets ${t.rxPackets}  bytes ${t.rxBytes} (${unit(t.rxBytes)})\n`;
    s += `        RX errors ${t.rxErrors}  dropped ${t.rxDropped}  overruns 0  frame 0\n`;
    s += `        TX packets ${t.txPackets}  bytes ${t.txBytes} (${unit(t.txBytes)})\n`;
    s += `        TX errors ${t.txErrors}  dropped ${t.txDropped} overruns 0  carrier ${t.txCarrier}  collisions ${t.collisions}\n`;
  }
  p.stdout.write(s + '\n');
}

/** ife_print_short() (ifconfig -s, netstat -i). */
function ifPrintShort(p: Process, v: IfView): void {
  const d = v.link;
  const flags = d.flags;
  const t = d.stats;
  let s = `${v.name.slice(0, 15).padEnd(15)} ${String(d.mtu).padStart(5)} `;
  if (!v.alias) {
    s += `${String(t.rxPackets).padStart(8)} ${String(t.rxErrors).padStart(6)} ${String(t.rxDropped).padStart(6)} ${'0'.padEnd(6)} `;
    s += `${String(t.txPackets).padStart(8)} ${String(t.txErrors).padStart(6)} ${String(t.txDropped).padStart(6)} ${'0'.padStart(6)} `;
  } else s += '     - no statistics available -'.padEnd(56);
  const order: [number, string][] = [
    [IFF.ALLMULTI, 'A'],
    [IFF.BROADCAST, 'B'],
    [IFF.DEBUG, 'D'],
    [IFF.LOOPBACK, 'L'],
    [IFF.MULTICAST, 'M'],
    [IFF.PROMISC, 'P'],
    [IFF.NOTRAILERS, 'N'],
    [IFF.NOARP, 'O'],
    [IFF.POINTOPOINT, 'p'],
    [IFF.SLAVE, 's'],
    [IFF.MASTER, 'm'],
    [IFF.RUNNING, 'R'],
    [IFF.UP, 'U'],
  ];
  s += flags === 0 ? '[NO FLAGS]' : order.filter(([b]) => flags & b).map(([, c]) => c).join('');
  p.stdout.write(s + '\n');
}

/** Classful prefix length of an address (inet_abc_len). */
function abcLen(a: Ip4): number {
  if (a === 0) return 0;
  const top = a >>> 24;
  if (top < 128) return 8;
  if (top < 192) return 16;
  if (top < 224) return 24;
  return -1;
}

/** Replace (or create) the address of `label` on `dev`, as SIOCSIFADDR does. */
function setIfAddr(ns: NetNs, dev: NetDevice, label: string, local: Ip4): void {
  const old = labelAddr(ns.addrDump(dev), label);
  if (old && old.local === local) return;
  if (old) ns.addrDel(dev, old.local, old.prefixlen);
  if (local === 0) return;
  const plen = abcLen(local);
  const bcast = plen < 31 && ns.linkMsg(dev).linkType !== 'loopback' ? ((local | ~maskOf(plen)) >>> 0) : undefined;
  ns.addrAdd(dev, { local, prefixlen: plen, broadcast: bcast, label, scope: local >>> 24 === 127 ? SCOPE.host : SCOPE.universe });
}

/** SIOCSIFNETMASK: re-prefix the label's address, moving a default broadcast along. */
function setIfNetmask(ns: NetNs, dev: NetDevice, label: string, plen: number): void {
  const a = labelAddr(ns.addrDump(dev), label);
  if (!a) throw new KernelError('EADDRNOTAVAIL');
  if (a.prefixlen === plen) return;
  const oldB = (a.local | ~maskOf(a.prefixlen)) >>> 0;
  let b = a.broadcast;
  if (ns.linkMsg(dev).linkType !== 'loopback' && plen < 31 && a.broadcast === oldB) b = (a.local | ~maskOf(plen)) >>> 0;
  ns.addrDel(dev, a.local, a.prefixlen);
  ns.addrAdd(dev, { local: a.local, prefixlen: plen, broadcast: b, label, scope: a.scope });
}

/** SIOCSIFBRDADDR. */
function setIfBroadcast(ns: NetNs, dev: NetDevice, label: string, b: Ip4): void {
  const a = labelAddr(ns.addrDump(dev), label);
  if (!a) throw new KernelError('EADDRNOTAVAIL');
  ns.addrDel(dev, a.local, a.prefixlen);
  ns.addrAdd(dev, { local: a.local, prefixlen: a.prefixlen, broadcast: b, label, scope: a.scope });
}

const IFCONFIG_HINT = "ifconfig: `--help' gives usage information.\n";

async function ifconfig(p: Process): Promise<number> {
  const ns = nsOf(p);
  const argv = p.argv.slice(1);
  let all = false;
  let short = false;
  while (argv.length && argv[0].startsWith('-') && argv[0].length > 1) {
    const o = argv.shift()!;
    if (o === '-a') all = true;
    else if (o === '-s') short = true;
    else if (o === '-v') {
      // verbose
    } else if (o === '-V' || o === '--version') {
      p.stdout.write('net-tools 2.10\n');
      return 0;
    } else {
      p.stderr.write(`ifconfig: option \`${o}' not recognised.\n${IFCONFIG_HINT}`);
      return 1;
    }
  }
  if (!argv.length) {
    if (short) p.stdout.write('Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n');
    for (const v of ifViews(ns)) {
      if (!all && !(v.link.flags & IFF.UP)) continue;
      if (short) ifPrintShort(p, v);
      else ifPrintLong(p, v);
    }
    return 0;
  }
  const ifname = argv.shift()!;
  const devName = ifname.split(':')[0];
  const dev = ns.devByName(devName);
  if (!argv.length) {
    const v = ifViews(ns).find((x) => x.name === ifname);
    if (!v || !dev) {
      p.stderr.write(`${ifname}: error fetching interface information: Device not found\n`);
      return 1;
    }
    if (short) {
      p.stdout.write('Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n');
      ifPrintShort(p, v);
    } else ifPrintLong(p, v);
    return 0;
  }
  const noDev = (): number => {
    p.stderr.write(`${ifname}: ERROR while getting interface flags: No such device\n`);
    return 255;
  };
  let rc = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string | undefined => argv[++i];
    try {
      if (a === 'up' || a === 'down') {
        if (!dev) return noDev();
        if (ifname.includes(':')) {
          // SIOCSIFFLAGS on an alias label: clearing IFF_UP deletes that address; an unknown label is EADDRNOTAVAIL.
          const al = labelAddr(ns.addrDump(dev), ifname);
          if (!al) throw new KernelError('EADDRNOTAVAIL');
          if (a === 'down') ns.addrDel(dev, al.local, al.prefixlen);
        } else ns.setUp(dev, a === 'up');
      } else if (a === 'arp' || a === '-arp') {
        if (!dev) return noDev();
        ns.linkChange(dev, { noarp: a === '-arp' });
      } else if (a === 'promisc' || a === '-promisc') {
        if (!dev) return noDev();
        ns.linkChange(dev, { promisc: a === 'promisc' });
      } else if (a === 'allmulti' || a === '-allmulti') {
        if (!dev) return noDev();
        ns.linkChange(dev, { allmulti: a === 'allmulti' });
      } else if (a === 'mtu' || a === 'txqueuelen') {
        // net-tools reads the number with atoi(): leading digits, else 0.
        const v = Number(/^\s*[+-]?\d*/.exec(next() ?? '')![0].trim() || 0);
        if (!dev) return noDev();
        if (a === 'mtu') ns.setMtu(dev, v);
        else ns.linkChange(dev, { txqlen: v >>> 0 });
      } else if (a === 'netmask') {
        const v = next();
        const m = v === undefined ? undefined : parseIp4(v);
        if (m === undefined) {
          p.stderr.write(`${v ?? ''}: Unknown host\n${IFCONFIG_HINT}`);
          return 1;
        }
        if (!dev) return noDev();
        const l = plenOfMask(m);
        if (l < 0) {
          p.stderr.write('SIOCSIFNETMASK: Invalid argument\n');
          rc = 1;
          continue;
        }
        setIfNetmask(ns, dev, ifname, l);
      } else if (a === 'broadcast' || a === '-broadcast') {
        const v = a === 'broadcast' ? next() : undefined;
        if (!dev) return noDev();
        if (v !== undefined) {
          const b = parseIp4(v);
          if (b === undefined) {
            p.stderr.write(`${v}: Unknown host\n${IFCONFIG_HINT}`);
            return 1;
          }
          setIfBroadcast(ns, dev, ifname, b);
        }
      } else if (a === 'hw') {
        const cls = next();
        const mac = next();
        if (cls !== 'ether' || mac === undefined || !parseMac(mac)) {
          p.stderr.write(`${mac ?? ''}: invalid ether address.\n`);
          return 1;
        }
        if (!dev) return noDev();
        ns.setAddress(dev, parseMac(mac)!);
      } else if (a === 'add' || a === 'del') {
        // IPv4 `add ADDR` makes the first free alias label (`lo:0`); `del` is IPv6-only in net-tools.
        const v = next();
        if (!dev) return noDev();
        const r = v === undefined ? 'unknown' : await resolveArg(p, v.split('/')[0]);
        if (a === 'del' || r === 'unknown' || r === 'lookup') return refuseNotSimulated(p, 'ifconfig', `${a} ${v ?? ''}`.trim());
        let n = 0;
        while (labelAddr(ns.addrDump(dev), `${devName}:${n}`)) n++;
        setIfAddr(ns, dev, `${devName}:${n}`, r.ip);
      } else {
        // An address, possibly with /prefix.
        const [addrText, lenText] = a.split('/');
        const r = await resolveArg(p, addrText);
        if (r === 'unknown' || r === 'lookup') {
          p.stderr.write(`${addrText}: ${r === 'unknown' ? 'Unknown host' : 'Host name lookup failure'}\n${IFCONFIG_HINT}`);
          return 1;
        }
        if (!dev) {
          p.stderr.write(`SIOCSIFADDR: No such device\n`);
          return noDev();
        }
        setIfAddr(ns, dev, ifname, r.ip);
        if (lenText !== undefined && r.ip !== 0) setIfNetmask(ns, dev, ifname, Number(lenText));
      }
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      const op = a === 'mtu' ? 'SIOCSIFMTU' : a === 'netmask' ? 'SIOCSIFNETMASK' : a === 'hw' ? 'SIOCSIFHWADDR' : a === 'broadcast' ? 'SIOCSIFBRDADDR' : a === 'up' || a === 'down' ? 'SIOCSIFFLAGS' : 'SIOCSIFADDR';
      p.stderr.write(`${op}: ${e.message}\n`);
      rc = 1;
    }
  }
  return rc;
}

// ── netstat ──────────────────────────────────────────────────────────────

/** netstat's usage (the recorded text): lines to stderr on an error; `-h` prints them to stdout but the family list to stderr. */
const NETSTAT_USAGE =
  'usage: netstat [-vWeenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}\n' +
  '       netstat [-vWnNcaeol] [<Socket> ...]\n' +
  '       netstat { [-vWeenNac] -i | [-cnNe] -M | -s [-6tuw] }\n\n' +
  '        -r, --route              display routing table\n' +
  '        -i, --interfaces         display interface table\n' +
  '        -g, --groups             display multicast group memberships\n' +
  '        -s, --statistics         display networking statistics (like SNMP)\n' +
  '        -M, --masquerade         display masqueraded connections\n\n' +
  '        -v, --verbose            be verbose\n' +
  "        -W, --wide               don't truncate IP addresses\n" +
  "        -n, --numeric            don't resolve names\n" +
  "        --numeric-hosts          don't resolve host names\n" +
  "        --numeric-ports          don't resolve port names\n" +
  "        --numeric-users          don't resolve user names\n" +
  '        -N, --symbolic           resolve hardware names\n' +
  '        -e, --extend             display other/more information\n' +
  '        -p, --programs           display PID/Program name for sockets\n' +
  '        -o, --timers             display timers\n' +
  '        -c, --continuous         continuous listing\n\n' +
  '        -l, --listening          display listening server sockets\n' +
  '        -a, --all                display all sockets (default: connected)\n' +
  '        -F, --fib                display Forwarding Information Base (default)\n' +
  '        -C, --cache              display routing cache instead of FIB\n' +
  '        -Z, --context            display SELinux security context for sockets\n\n' +
  '  <Socket>={-t|--tcp} {-u|--udp} {-U|--udplite} {-S|--sctp} {-w|--raw}\n' +
  '           {-x|--unix} --ax25 --ipx --netrom\n' +
  "  <AF>=Use '-6|-4' or '-A <af>' or '--<af>'; default: inet\n" +
  '  List of possible address families (which support routing):\n';

/** Long options (getopt_long: unambiguous prefixes accepted) to their short letter; `A` takes an argument. */
const NETSTAT_LONG: [string, string][] = [
  ['route', 'r'], ['interfaces', 'i'], ['groups', 'g'], ['statistics', 's'], ['masquerade', 'M'], ['verbose', 'v'],
  ['wide', 'W'], ['numeric', 'n'], ['numeric-hosts', 'H'], ['numeric-ports', 'P'], ['numeric-users', 'n'], ['symbolic', 'N'],
  ['extend', 'e'], ['programs', 'p'], ['timers', 'o'], ['continuous', 'c'], ['listening', 'l'], ['all', 'a'], ['fib', 'F'],
  ['cache', 'C'], ['context', 'Z'], ['tcp', 't'], ['udp', 'u'], ['udplite', 'U'], ['sctp', 'S'], ['raw', 'w'], ['unix', 'x'],
  ['help', 'h'], ['version', 'V'], ['protocol', 'A'], ['inet', '4'], ['inet6', '6'], ['ax25', '#'], ['ipx', '#'], ['netrom', '#'],
];
const NETSTAT_SHORT = 'A:CFMacdeghilnNoprsStuUvVWwx64Z';

/** Options netstat has that the simulation does not model (refused as not simulated). */
const NETSTAT_REFUSED: Record<string, string> = {
  s: '-s', g: '-g', c: '-c', o: '-o', U: '-U', S: '-S', '6': '-6', d: '-d', '#': '--ax25/--ipx/--netrom',
};

interface NetstatOpts { flags: Map<string, number>; af?: string }

/** getopt_long over netstat's options; a string is the error text (status 3). */
function parseNetstat(argv: string[]): NetstatOpts | string {
  const flags = new Map<string, number>();
  const set = (c: string): void => void flags.set(c, (flags.get(c) ?? 0) + 1);
  let af: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a.startsWith('--')) {
      const [name, val] = a.slice(2).split(/=(.*)/s, 2);
      const exact = NETSTAT_LONG.find(([n]) => n === name);
      const hits = exact ? [exact] : NETSTAT_LONG.filter(([n]) => n.startsWith(name));
      if (!hits.length) return `netstat: unrecognized option '${a}'\n`;
      if (hits.length > 1 && new Set(hits.map(([, c]) => c)).size > 1) return `netstat: option '--${name}' is ambiguous; possibilities:${hits.map(([n]) => ` '--${n}'`).join('')}\n`;
      const c = hits[0][1];
      if (c === 'A') {
        const v = val ?? argv[++i];
        if (v === undefined) return `netstat: option '--protocol' requires an argument\n`;
        af = v;
      } else set(c);
      continue;
    }
    if (!a.startsWith('-') || a === '-') continue;
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      const at = NETSTAT_SHORT.indexOf(c);
      if (at < 0 || c === ':') return `netstat: invalid option -- '${c}'\n`;
      if (NETSTAT_SHORT[at + 1] === ':') {
        const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (v === undefined) return `netstat: option requires an argument -- '${c}'\n`;
        af = v;
        break;
      }
      set(c);
    }
  }
  return { flags, af };
}

async function netstat(p: Process): Promise<number> {
  const ns = nsOf(p);
  const o = parseNetstat(p.argv.slice(1));
  if (typeof o === 'string') {
    p.stderr.write(o + NETSTAT_USAGE + ROUTE_USAGE_AF);
    return 3;
  }
  const f = (c: string): number => o.flags.get(c) ?? 0;
  if (f('V')) {
    p.stdout.write('net-tools 2.10\nFred Baumgarten, Alan Cox, Bernd Eckenfels, Phil Blundell, Tuan Hoang, Brian Micek and others\n+NEW_ADDRT +RTF_IRTT +RTF_REJECT +FW_MASQUERADE +I18N +SELINUX\nAF: (inet) +UNIX +INET +INET6 +IPX +AX25 +NETROM +X25 +ATALK +ECONET +ROSE -BLUETOOTH\nHW:  +ETHER +ARC +SLIP +PPP +TUNNEL -TR +AX25 +NETROM +X25 +FR +ROSE +ASH +SIT +FDDI +HIPPI +HDLC/LAPB +EUI64 \n');
    return 0;
  }
  if (f('h')) {
    p.stdout.write(NETSTAT_USAGE);
    p.stderr.write(ROUTE_USAGE_AF);
    return 0;
  }
  if (o.af !== undefined && !o.af.split(',').every((x) => x === 'inet' || x === 'unix')) {
    const bad = o.af.split(',').find((x) => x !== 'inet' && x !== 'unix')!;
    if (['inet6', 'ax25', 'netrom', 'rose', 'ipx', 'ddp', 'x25'].includes(bad)) return refuseNotSimulated(p, 'netstat', `-A ${bad}`);
    p.stderr.write(`Unknown address family \`${bad}'.\n`);
    return 1;
  }
  for (const c of Object.keys(NETSTAT_REFUSED)) if (f(c)) return refuseNotSimulated(p, 'netstat', NETSTAT_REFUSED[c]);
  // Masquerade support left the kernel in 2.2, SELinux is not enabled: what real netstat prints here.
  if (f('M')) {
    p.stderr.write("netstat: no support for `ip_masquerade' on this system.\n");
    return 1;
  }
  if (f('Z')) {
    p.stderr.write('SELinux is not enabled on this machine.\n');
    return 1;
  }
  const numeric = f('n') > 0;
  if (f('r')) {
    if (f('C')) {
      // There has been no IPv4 routing cache since Linux 3.6: /proc/net/rt_cache is gone, only the header prints.
      p.stdout.write('Kernel IP routing cache\nSource          Destination     Gateway         Flags   MSS Window  irtt Iface\n');
      return 0;
    }
    const ext = f('e');
    return printRoutes(p, ext === 0 ? 2 : ext === 1 ? 1 : 3, numeric || f('H') > 0);
  }
  if (f('i')) {
    p.stdout.write('Kernel Interface table\n');
    if (f('e')) {
      for (const v of ifViews(ns)) {
        if (v.alias || (!f('a') && !(v.link.flags & IFF.UP))) continue;
        ifPrintLong(p, v);
      }
      return 0;
    }
    p.stdout.write('Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n');
    for (const v of ifViews(ns)) {
      if (v.alias || (!f('a') && !(v.link.flags & IFF.UP))) continue;
      ifPrintShort(p, v);
    }
    return 0;
  }
  if (f('e')) return refuseNotSimulated(p, 'netstat', '-e (User and Inode columns of sockets)');
  return netstatSockets(p, o, f);
}

/** TCP states as /proc/net/tcp and net-tools name them. */
const TCP_STATE_NAME: Record<TcpState, string> = {
  CLOSED: 'CLOSE',
  LISTEN: 'LISTEN',
  SYN_SENT: 'SYN_SENT',
  SYN_RECV: 'SYN_RECV',
  ESTABLISHED: 'ESTABLISHED',
  FIN_WAIT1: 'FIN_WAIT1',
  FIN_WAIT2: 'FIN_WAIT2',
  CLOSE_WAIT: 'CLOSE_WAIT',
  LAST_ACK: 'LAST_ACK',
  CLOSING: 'CLOSING',
  TIME_WAIT: 'TIME_WAIT',
};

/** netstat's socket tables: -t/-u/-w (inet), -x (unix, empty here), -l/-a selecting servers, -p the owner, -W no truncation. */
async function netstatSockets(p: Process, o: NetstatOpts, f: (c: string) => number): Promise<number> {
  const ns = nsOf(p);
  let tcp = f('t') > 0;
  let udp = f('u') > 0;
  let raw = f('w') > 0;
  let unix = f('x') > 0;
  const listening = f('l') > 0;
  const all = f('a') > 0;
  const numHosts = f('n') > 0 || f('H') > 0;
  const numPorts = f('n') > 0 || f('P') > 0;
  const wide = f('W') > 0;
  const progs = f('p') > 0;
  if (!tcp && !udp && !raw && !unix) {
    const fams = o.af?.split(',');
    tcp = udp = raw = !fams || fams.includes('inet');
    unix = !fams || fams.includes('unix');
  }
  const which = all ? 'servers and established' : listening ? 'only servers' : 'w/o servers';
  const want = (server: boolean): boolean => all || (listening ? server : !server);
  const addr = async (ip: number, port: number, proto: string): Promise<string> => {
    let host = fmtIp4(ip);
    if (!numHosts && ip !== 0) host = (await hostName(p, host)) ?? host;
    const portText = port === 0 ? '*' : numPorts ? String(port) : serviceName(port, proto) ?? String(port);
    // Without -W the host is cut so that host:port fits the 23-column field.
    if (!wide && host.length + portText.length > 22) host = host.slice(0, Math.max(0, 22 - portText.length));
    return `${host}:${portText}`;
  };
  const prog = (s: { owner?: { pid: number; comm: string } }): string => (progs ? ` ${(s.owner ? `${s.owner.pid}/${s.owner.comm}` : '-').padEnd(20)}` : '');
  const row = (proto: string, rq: number, sq: number, l: string, r: string, st: string, pr: string): string =>
    `${proto.padEnd(5)} ${String(rq).padStart(6)} ${String(sq).padStart(6)} ${l.padEnd(23)} ${r.padEnd(23)} ${st.padEnd(11)}${pr}\n`;
  if (tcp || udp || raw) {
    let out = `Active Internet connections (${which})\nProto Recv-Q Send-Q Local Address           Foreign Address         State      ${progs ? ' PID/Program name    ' : ''}\n`;
    if (tcp) {
      for (const sk of socketsOf<TcpSocket>(ns, 'tcp')) {
        if (sk.state === 'CLOSED') continue;
        if (!want(sk.state === 'LISTEN')) continue;
        const rq = sk.state === 'LISTEN' ? sk.acceptQueue.length : new TextEncoder().encode(sk.rcvBuf).length;
        const sq = sk.state === 'LISTEN' ? 0 : sk.unacked;
        out += row('tcp', rq, sq, await addr(sk.laddr, sk.lport, 'tcp'), await addr(sk.raddr, sk.rport, 'tcp'), TCP_STATE_NAME[sk.state], prog(sk));
      }
    }
    if (udp) {
      for (const sk of socketsOf<UdpSocket>(ns, 'udp')) {
        if (!sk.lport) continue;
        const connected = sk.rport !== 0;
        if (!want(!connected)) continue;
        const rq = sk.queue.reduce((n, d) => n + d.data.length, 0);
        out += row('udp', rq, 0, await addr(sk.laddr, sk.lport, 'udp'), await addr(sk.raddr, sk.rport, 'udp'), connected ? 'ESTABLISHED' : '', prog(sk));
      }
    }
    p.stdout.write(out);
  }
  if (unix) p.stdout.write(`Active UNIX domain sockets (${which})\nProto RefCnt Flags       Type       State         I-Node   ${progs ? 'PID/Program name    ' : ''}Path\n`);
  return 0;
}

register({
  name: 'arp',
  summary: 'manipulate the system ARP cache',
  usage: 'arp [-vn] [-i if] [-a] [hostname] | arp -d host | arp -s host hwaddr [temp]',
  options: [
    { flag: '-a', desc: 'display (all) hosts in alternative (BSD) style' },
    { flag: '-e', desc: 'display (all) hosts in default (Linux) style' },
    { flag: '-n, --numeric', desc: "don't resolve names" },
    { flag: '-i, --device', arg: 'if', desc: 'specify network interface' },
    { flag: '-s, --set', desc: 'set a new ARP entry' },
    { flag: '-d, --delete', desc: 'delete a specified entry' },
  ],
  run: arp,
});

register({
  name: 'route',
  summary: 'show / manipulate the IP routing table',
  usage: 'route [-nee] | route {add|del} [-net|-host] target [netmask M] [gw G] [metric N] [reject] [[dev] If]',
  subcommands: ['add', 'del'],
  options: [
    { flag: '-n, --numeric', desc: "don't resolve names" },
    { flag: '-e, --extend', desc: 'display other/more information' },
  ],
  run: route,
});

register({
  name: 'ifconfig',
  summary: 'configure a network interface',
  usage: 'ifconfig [-a] [-s] [-v] [interface] | ifconfig interface [address [netmask M]] [broadcast B] [mtu N] [txqueuelen N] [hw ether MAC] [up|down]',
  optstring: 'asvV',
  options: [
    { flag: '-a', desc: 'display all interfaces, even if down' },
    { flag: '-s', desc: 'display a short list (like netstat -i)' },
    { flag: '-v', desc: 'be verbose (no different output for these displays)' },
    { flag: '-V, --version', desc: 'version' },
  ],
  run: ifconfig,
});

register({
  name: 'netstat',
  summary: 'print network connections, routing tables and interface statistics',
  usage: 'netstat [-vWnNcaeolp] [-t] [-u] [-w] [-x] | netstat {-r|-i} [-n] [-e] [-a]',
  optstring: NETSTAT_SHORT,
  options: [
    { flag: '-r, --route', desc: 'display the routing table' },
    { flag: '-i, --interfaces', desc: 'display the interface table (-e: in ifconfig style)' },
    { flag: '-n, --numeric', desc: "don't resolve names (--numeric-hosts, --numeric-ports)" },
    { flag: '-e, --extend', desc: 'display other/more information (routes and interfaces)' },
    { flag: '-a, --all', desc: 'display all sockets' },
    { flag: '-l, --listening', desc: 'display listening server sockets' },
    { flag: '-t, --tcp', desc: 'TCP sockets' },
    { flag: '-u, --udp', desc: 'UDP sockets' },
    { flag: '-w, --raw', desc: 'raw sockets' },
    { flag: '-x, --unix', desc: 'UNIX domain sockets (none are simulated: the header only)' },
    { flag: '-p, --programs', desc: 'display PID/Program name for sockets' },
    { flag: '-W, --wide', desc: "don't truncate IP addresses" },
    { flag: '-v, --verbose', desc: 'be verbose' },
    { flag: '-N, --symbolic', desc: 'resolve hardware names' },
    { flag: '-F, --fib', desc: 'display the Forwarding Information Base (default)' },
    { flag: '-C, --cache', desc: 'display the routing cache (empty since Linux 3.6)' },
    { flag: '-A, --protocol', arg: 'AF', desc: 'address families (inet, unix)' },
    { flag: '-4, --inet', desc: 'IPv4 only' },
    { flag: '-M, --masquerade', desc: 'masqueraded connections (no kernel has them since 2.2)' },
    { flag: '-Z, --context', desc: 'SELinux context (SELinux is not enabled)' },
    { flag: '-h, --help', desc: 'usage' },
    { flag: '-V, --version', desc: 'version' },
    { flag: '-s, --statistics', desc: 'protocol statistics', notSimulated: 'the SNMP counters are not modelled', probe: '' },
    { flag: '-g, --groups', desc: 'multicast group memberships', notSimulated: 'multicast is not modelled', probe: '' },
    { flag: '-c, --continuous', desc: 'continuous listing', notSimulated: 'run the command again instead', probe: '' },
    { flag: '-o, --timers', desc: 'socket timers', notSimulated: 'TCP timers are not shown', probe: '-tn' },
    { flag: '-U, --udplite', desc: 'UDP-Lite sockets', notSimulated: 'UDP-Lite is not modelled', probe: '' },
    { flag: '-S, --sctp', desc: 'SCTP sockets', notSimulated: 'SCTP is not modelled', probe: '' },
    { flag: '-6, --inet6', desc: 'IPv6', notSimulated: 'IPv6 routing and sockets are not modelled', probe: '-rn' },
    { flag: '-d', desc: '(undocumented)', notSimulated: 'not modelled', probe: '' },
  ],
  run: netstat,
});

declareNotSimulated(
  { tool: 'arp', kind: 'option', item: '-v', why: 'verbose output is not modelled' },
  { tool: 'arp', kind: 'option', item: '-D', why: "use the MAC address itself instead of an interface's" },
  ...['mss', 'window', 'irtt', 'mod', 'dyn', 'reinstate'].map((item) => ({ tool: 'route', kind: 'attribute' as const, item: `add … ${item}`, why: 'route metrics and redirect flags are not kept by the simulated FIB' })),
);
