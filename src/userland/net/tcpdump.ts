// tcpdump 4.99.3 (libpcap 1.10.3): capture on one interface of the caller's
// namespace (or `any`) through the stack's taps and print tcpdump's default
// one-line decode. Streams until -c N packets or SIGINT, then prints the
// statistics on stderr. Formats recorded on a real kernel (6.18):
//
//   14:02:00.097098 ARP, Request who-has 192.168.15.1 tell 192.168.15.5, length 28
//   14:02:00.097120 ARP, Reply 192.168.15.1 is-at 3a:e7:89:c7:10:11, length 28
//   14:02:00.097123 IP 192.168.15.5 > 192.168.15.1: ICMP echo request, id 28438, seq 1, length 64
//   14:02:05.182339 IP 192.168.15.5.60340 > 192.168.15.1.80: Flags [S], seq 1572801835, win 64240, options [mss 1460,sackOK,TS val 3055542895 ecr 0,nop,wscale 10], length 0
//   14:02:10.724905 IP 192.168.15.5.40612 > 192.168.15.1.5000: UDP, length 6
//   14:03:30.434840 IP 192.168.15.1 > 192.168.15.5: ICMP 192.168.15.1 udp port 5001 unreachable, length 39
//   (-e) e2:27:..:b5 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has ...
//   (-i any) veth-host Out IP ...   /   veth-host In  IP ...
//
// TCP sequence numbers are relative after a connection's SYN-ACK, as
// print-tcp.c tracks them. Options are printed as the segment carries them
// (the kernel's TCP sets them as Linux does, TS values from the virtual clock).

import { fmtIp4, parseIp4 } from '../../kernel/addr.ts';
import { IFF, type NetDevice } from '../../kernel/netdev.ts';
import { frameLen, ip4Len, l4Len, utf8Len, type ArpPacket, type Bpdu, type EthFrame, type IcmpMessage, type Ipv4Packet, type TcpOption, type TcpSegment } from '../../kernel/packet.ts';
import type { Process } from '../../kernel/proc.ts';
import { type PacketHandler, packetSocket } from '../../kernel/socket/packet.ts';
import { refuseMarkedOptions, register } from '../registry.ts';
import { getopt } from '../lib/getopt.ts';
import { kernelOf, nsOf } from '../lib/sys.ts';

const VERSION = 'tcpdump version 4.99.3\nlibpcap version 1.10.3 (with TPACKET_V3)\nOpenSSL 3.0.19 27 Jan 2026\n';
const USAGE =
  'tcpdump version 4.99.3\nlibpcap version 1.10.3 (with TPACKET_V3)\nOpenSSL 3.0.19 27 Jan 2026\n' +
  'Usage: tcpdump [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]\n' +
  '\t\t[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]\n' +
  '\t\t[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]\n' +
  '\t\t[ -M secret ] [ --number ] [ --print ] [ -Q in|out|inout ]\n' +
  '\t\t[ -r file ] [ -s snaplen ] [ -T type ] [ --version ]\n' +
  '\t\t[ -V file ] [ -w file ] [ -W filecount ] [ -y datalinktype ]\n' +
  '\t\t[ --time-stamp-precision precision ] [ --micro ] [ --nano ]\n' +
  '\t\t[ -z postrotate-command ] [ -Z user ] [ expression ]\n';

// ── filter expressions (a pcap-filter subset) ──────────────────────────────

type Pred = (f: EthFrame) => boolean;

class FilterError extends Error {}

function ipOf(f: EthFrame): Ipv4Packet | undefined {
  return f.type === 'ipv4' ? (f.payload as Ipv4Packet) : undefined;
}

function ports(f: EthFrame): [number, number] | undefined {
  const ip = ipOf(f);
  if (!ip || (ip.payload.proto !== 'tcp' && ip.payload.proto !== 'udp')) return undefined;
  return [ip.payload.sport, ip.payload.dport];
}

function addrsOf(f: EthFrame): [number, number] | undefined {
  const ip = ipOf(f);
  if (ip) return [ip.src, ip.dst];
  if (f.type === 'arp') {
    const a = f.payload as ArpPacket;
    return [a.spa, a.tpa];
  }
  return undefined;
}

/** Parse a pcap-filter expression: primitives joined by and/or/not and parentheses. */
export function parseFilter(words: string[]): Pred {
  const toks: string[] = [];
  for (const w of words) for (const t of w.split(/(\(|\)|!|&&|\|\|)/)) if (t.trim()) toks.push(...t.trim().split(/\s+/));
  let i = 0;
  const peek = (): string | undefined => toks[i];
  const next = (): string => {
    const t = toks[i++];
    if (t === undefined) throw new FilterError('syntax error');
    return t;
  };
  const num = (t: string): number => {
    if (!/^\d+$/.test(t)) throw new FilterError('syntax error');
    return Number(t);
  };
  const primary = (): Pred => {
    const t = next();
    if (t === '(') {
      const e = orExpr();
      if (next() !== ')') throw new FilterError('syntax error');
      return e;
    }
    if (t === 'not' || t === '!') {
      const e = primary();
      return (f) => !e(f);
    }
    let dir: 'src' | 'dst' | undefined;
    let w = t;
    if (w === 'src' || w === 'dst') {
      dir = w;
      w = next();
    }
    let proto: 'tcp' | 'udp' | undefined;
    if ((w === 'tcp' || w === 'udp') && (peek() === 'port' || peek() === 'src' || peek() === 'dst')) {
      proto = w;
      w = next();
      if (w === 'src' || w === 'dst') {
        dir = w;
        w = next();
      }
    }
    switch (w) {
      case 'icmp':
        return (f) => ipOf(f)?.payload.proto === 'icmp';
      case 'tcp':
      case 'udp':
        return (f) => ipOf(f)?.payload.proto === w;
      case 'arp':
        return (f) => f.type === 'arp';
      case 'ip':
        return (f) => f.type === 'ipv4';
      case 'ip6':
        return (f) => f.type === 'ipv6';
      case 'host': {
        const a = parseIp4(next());
        if (a === undefined) throw new FilterError('syntax error');
        return (f) => {
          const x = addrsOf(f);
          if (!x) return false;
          return dir === 'src' ? x[0] === a : dir === 'dst' ? x[1] === a : x[0] === a || x[1] === a;
        };
      }
      case 'net': {
        const [s, l] = next().split('/');
        const a = parseIp4(s);
        const len = l === undefined ? 32 : Number(l);
        if (a === undefined || !(len >= 0 && len <= 32)) throw new FilterError('syntax error');
        const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
        const inNet = (x: number): boolean => ((x & mask) >>> 0) === ((a & mask) >>> 0);
        return (f) => {
          const x = addrsOf(f);
          if (!x) return false;
          return dir === 'src' ? inNet(x[0]) : dir === 'dst' ? inNet(x[1]) : inNet(x[0]) || inNet(x[1]);
        };
      }
      case 'port': {
        const n = num(next());
        return (f) => {
          const ip = ipOf(f);
          if (proto && ip?.payload.proto !== proto) return false;
          const x = ports(f);
          if (!x) return false;
          return dir === 'src' ? x[0] === n : dir === 'dst' ? x[1] === n : x[0] === n || x[1] === n;
        };
      }
      default: {
        // `src 10.0.0.1` / bare address: an implicit `host`.
        const a = dir ? parseIp4(w) : undefined;
        if (a !== undefined) {
          return (f) => {
            const x = addrsOf(f);
            return !!x && (dir === 'src' ? x[0] === a : x[1] === a);
          };
        }
        throw new FilterError('syntax error');
      }
    }
  };
  const andExpr = (): Pred => {
    let l = primary();
    while (peek() === 'and' || peek() === '&&') {
      i++;
      const a = l;
      const r = primary();
      l = (f) => a(f) && r(f);
    }
    return l;
  };
  const orExpr = (): Pred => {
    let l = andExpr();
    while (peek() === 'or' || peek() === '||') {
      i++;
      const a = l;
      const r = andExpr();
      l = (f) => a(f) || r(f);
    }
    return l;
  };
  if (!toks.length) return () => true;
  const e = orExpr();
  if (i < toks.length) throw new FilterError('syntax error');
  return e;
}

// ── one-line decode ────────────────────────────────────────────────────────

const ICMP_UNREACH: Record<number, string> = {
  0: 'net %s unreachable',
  1: 'host %s unreachable',
  2: '%s protocol %p unreachable',
  9: 'net %s unreachable - admin prohibited',
  10: 'host %s unreachable - admin prohibited',
  13: 'host %s unreachable - admin prohibited filter',
};

/** An ICMP error's length: Linux quotes the offending datagram up to 576 bytes in all (icmp_send). */
function icmpErrLen(m: IcmpMessage): number {
  return m.quoted ? 8 + Math.min(ip4Len(m.quoted), 576 - 28) : l4Len(m);
}

function icmpText(ip: Ipv4Packet, m: IcmpMessage): string {
  switch (m.type) {
    // A first fragment shows the ICMP bytes it carries.
    case 8:
      return `ICMP echo request, id ${m.id}, seq ${m.seq}, length ${ip.frag ? ip.frag.len : l4Len(m)}`;
    case 0:
      return `ICMP echo reply, id ${m.id}, seq ${m.seq}, length ${ip.frag ? ip.frag.len : l4Len(m)}`;
    case 3: {
      const q = m.quoted;
      let what: string;
      if (m.code === 3 && q && (q.payload.proto === 'udp' || q.payload.proto === 'tcp')) what = `${fmtIp4(q.dst)} ${q.payload.proto} port ${q.payload.dport} unreachable`;
      else if (m.code === 4) what = `${q ? fmtIp4(q.dst) : fmtIp4(ip.src)} unreachable - need to frag (mtu ${m.mtu ?? 0})`;
      else what = (ICMP_UNREACH[m.code] ?? `${'%s'} unreachable - #${m.code}`).replace('%s', q ? fmtIp4(q.dst) : '?').replace('%p', q?.payload.proto ?? '?');
      return `ICMP ${what}, length ${icmpErrLen(m)}`;
    }
    case 11:
      return `ICMP time exceeded in-transit, length ${icmpErrLen(m)}`;
    case 5:
      return `ICMP redirect ${m.quoted ? fmtIp4(m.quoted.dst) : '?'} to host ${fmtIp4(m.gateway ?? 0)}, length ${l4Len(m)}`;
    default:
      return `ICMP type-#${m.type}, length ${l4Len(m)}`;
  }
}

/** print-tcp.c's per-connection state for relative sequence numbers and our synthetic timestamps. */
interface TcpConv {
  /** Base seq/ack of the canonical direction (set from the SYN-ACK or first ACK seen). */
  seq: number;
  ack: number;
}

const HTTP_PORTS = new Set([80, 8080, 3128]);

/** One TCP option as print-tcp.c shows it. */
function fmtTcpOption(o: TcpOption): string {
  switch (o.kind) {
    case 'mss':
      return `mss ${o.mss}`;
    case 'sackOK':
      return 'sackOK';
    case 'ts':
      return `TS val ${o.val >>> 0} ecr ${o.ecr >>> 0}`;
    case 'nop':
      return 'nop';
    case 'wscale':
      return `wscale ${o.shift}`;
  }
}

class Decoder {
  private convs = new Map<string, TcpConv>();
  readonly now: () => number;

  constructor(now: () => number) {
    this.now = now;
  }

  tcp(ip: Ipv4Packet, t: TcpSegment): string {
    const flags = `${t.flags.syn ? 'S' : ''}${t.flags.fin ? 'F' : ''}${t.flags.psh ? 'P' : ''}${t.flags.rst ? 'R' : ''}${t.flags.urg ? 'U' : ''}${t.flags.ack ? '.' : ''}` || 'none';
    const len = utf8Len(t.data);
    let seq = t.seq >>> 0;
    let ack = t.ack >>> 0;
    if (t.flags.ack) {
      const a = `${ip.src}:${t.sport}`;
      const b = `${ip.dst}:${t.dport}`;
      const rev = a > b;
      const key = rev ? `${b}-${a}` : `${a}-${b}`;
      const c = this.convs.get(key);
      if (!c || t.flags.syn) {
        this.convs.set(key, rev ? { ack: seq, seq: (ack - 1) >>> 0 } : { seq, ack: (ack - 1) >>> 0 });
      } else if (rev) {
        seq = (seq - c.ack) >>> 0;
        ack = (ack - c.seq) >>> 0;
      } else {
        seq = (seq - c.seq) >>> 0;
        ack = (ack - c.ack) >>> 0;
      }
    }
    let s = `Flags [${flags}]`;
    if (len > 0 || t.flags.syn || t.flags.fin || t.flags.rst) s += `, seq ${seq}${len > 0 ? `:${(seq + len) >>> 0}` : ''}`;
    if (t.flags.ack) s += `, ack ${ack}`;
    s += `, win ${t.window}`;
    if (t.options?.length) s += `, options [${t.options.map(fmtTcpOption).join(',')}]`;
    s += `, length ${len}`;
    if (len > 0 && (HTTP_PORTS.has(t.sport) || HTTP_PORTS.has(t.dport))) {
      const first = t.data.split('\r\n')[0];
      s += /^(GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH|CONNECT|TRACE) \S+ HTTP\/1\.[01]$|^HTTP\/1\.[01] \d{3}/.test(first) ? `: HTTP: ${first}` : ': HTTP';
    }
    return s;
  }

  /** The part after the timestamp (and after the link header with -e / the interface with -i any). */
  line(f: EthFrame, numeric: boolean, ether: boolean): string {
    void numeric;
    const ethHdr = (type: string): string => `${f.src} > ${f.dst}, ethertype ${type}, length ${frameLen(f)}: `;
    if (f.type === 'arp') {
      const a = f.payload as ArpPacket;
      const body = a.op === 'request' ? `Request who-has ${fmtIp4(a.tpa)} tell ${fmtIp4(a.spa)}, length 28` : `Reply ${fmtIp4(a.spa)} is-at ${a.sha}, length 28`;
      return ether ? ethHdr('ARP (0x0806)') + body : `ARP, ${body}`;
    }
    if (f.type === 'ipv6') return ether ? `${ethHdr('IPv6 (0x86dd)')}IP6` : 'IP6';
    if (f.type === 'stp') {
      // print-stp.c, non-verbose form of a configuration BPDU.
      const b = f.payload as Bpdu;
      const id = `${b.bridge.slice(0, 4)}.${b.bridge.slice(4).match(/../g)!.join(':')}`;
      const body = `STP 802.1d, Config, Flags [none], bridge-id ${id}.${b.port.toString(16).padStart(4, '0')}, length 35`;
      return ether ? `${f.src} > ${f.dst}, 802.3, length ${frameLen(f) - 14}: LLC, dsap STP (0x42) Individual, ssap STP (0x42) Command, ctrl 0x03: ${body}` : body;
    }
    const ip = f.payload as Ipv4Packet;
    const p = ip.payload;
    let body: string;
    if (ip.frag && ip.frag.off > 0) {
      // A later fragment carries no transport header: only the protocol number.
      body = `${fmtIp4(ip.src)} > ${fmtIp4(ip.dst)}: ip-proto-${p.proto === 'icmp' ? 1 : p.proto === 'tcp' ? 6 : 17}`;
      return ether ? ethHdr('IPv4 (0x0800)') + body : `IP ${body}`;
    }
    if (p.proto === 'udp' && p.vxlan && (p.dport === 4789 || p.sport === 4789 || p.dport === 8472 || p.sport === 8472)) {
      // print-vxlan.c (port 4789) and print-otv.c (8472, the kernel's default vxlan port):
      // the header, then the inner frame on its own line as ether_print decodes it.
      const head = p.dport === 4789 || p.sport === 4789 ? `VXLAN, flags [I] (0x08), vni ${p.vxlan.vni}` : `OTV, flags [I] (0x08), overlay 0, instance ${p.vxlan.vni}`;
      body = `${fmtIp4(ip.src)}.${p.sport} > ${fmtIp4(ip.dst)}.${p.dport}: ${head}`;
      let inner = this.line(p.vxlan.frame, numeric, ether);
      if (ip.frag && p.vxlan.frame.type === 'ipv4') {
        // The first fragment holds only part of the inner packet.
        const have = ip.frag.len - 16 - 14;
        const innerIp = p.vxlan.frame.payload as Ipv4Packet;
        const missing = ip4Len(innerIp) - have;
        if (missing > 0) {
          const innerBody = this.line({ ...p.vxlan.frame, src: p.vxlan.frame.src }, numeric, false).replace(/^IP /, '');
          inner = ether ? `${p.vxlan.frame.src} > ${p.vxlan.frame.dst}, ethertype IPv4 (0x0800), length ${have + 14}: truncated-ip - ${missing} bytes missing! ${innerBody}` : `IP truncated-ip - ${missing} bytes missing! ${innerBody}`;
        }
      }
      return `${ether ? ethHdr('IPv4 (0x0800)') + body : `IP ${body}`}\n${inner}`;
    }
    if (p.proto === 'icmp') body = `${fmtIp4(ip.src)} > ${fmtIp4(ip.dst)}: ${icmpText(ip, p)}`;
    else if (p.proto === 'udp') {
      const len = utf8Len(p.data);
      // Port 53 is decoded as DNS; a datagram shorter than the DNS header is reported as invalid.
      const dns = (p.sport === 53 || p.dport === 53) && len < 12 ? `domain [length ${len} < 12] (invalid)` : `UDP, length ${len}`;
      body = `${fmtIp4(ip.src)}.${p.sport} > ${fmtIp4(ip.dst)}.${p.dport}: ${dns}`;
    }
    else body = `${fmtIp4(ip.src)}.${p.sport} > ${fmtIp4(ip.dst)}.${p.dport}: ${this.tcp(ip, p)}`;
    return ether ? ethHdr('IPv4 (0x0800)') + body : `IP ${body}`;
  }
}

/** `HH:MM:SS.uuuuuu` of a virtual time (UTC, like the simulated hosts' TZ). */
function stamp(epochMs: number, nowMs: number): string {
  const us = Math.round((epochMs + nowMs) * 1000);
  const dayUs = ((us % 86_400_000_000) + 86_400_000_000) % 86_400_000_000;
  const h = Math.floor(dayUs / 3_600_000_000);
  const m = Math.floor(dayUs / 60_000_000) % 60;
  const s = Math.floor(dayUs / 1_000_000) % 60;
  const u = dayUs % 1_000_000;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(u).padStart(6, '0')}`;
}

const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

async function tcpdump(p: Process): Promise<number> {
  const g = getopt(p.argv.slice(1), TCPDUMP_OPTSTRING, [
    { name: 'version', arg: 'none' },
    { name: 'help', arg: 'none', key: '-h' },
    { name: 'interface', arg: 'required', key: '-i' },
    { name: 'count', arg: 'none', key: '--count' },
    { name: 'immediate-mode', arg: 'none' },
    { name: 'list-interfaces', arg: 'none', key: '-D' },
    { name: 'number', arg: 'none', key: '-#' },
  ]);
  if (g.error) {
    p.stderr.write(`tcpdump: ${g.error}\n${USAGE}`);
    return 1;
  }
  const refused = refuseMarkedOptions(p, 'tcpdump', g.opts.map(([k]) => k));
  if (refused !== undefined) return refused;
  let iface: string | undefined;
  let count: number | undefined;
  let ether = false;
  let noStamp = false;
  let verbose = false;
  let numeric = false;
  for (const [k, v] of g.opts) {
    switch (k) {
      case '--version':
        p.stdout.write(VERSION);
        return 0;
      case '-h':
        p.stdout.write(USAGE);
        return 0;
      case '-i':
        iface = v;
        break;
      case '-c': {
        const n = /^\d+$/.test(v ?? '') ? Number(v) : NaN;
        if (!(n > 0)) {
          p.stderr.write(`tcpdump: invalid packet count ${v}\n`);
          return 1;
        }
        count = n;
        break;
      }
      case '-e':
        ether = true;
        break;
      case '-t':
        noStamp = true;
        break;
      case '-v':
        verbose = true;
        break;
      case '-n':
        numeric = true;
        break;
      case '-D': {
        const ns = nsOf(p);
        const links = ns.linkDump();
        let out = '1.any (Pseudo-device that captures on all interfaces) [Up, Running]\n';
        links.forEach((d, i) => {
          const st = d.linkType === 'loopback' ? '[Up, Running, Loopback]' : d.flags & IFF.UP ? (d.carrier ? '[Up, Running, Connected]' : '[Up, Disconnected]') : '[none, Disconnected]';
          out += `${i + 2}.${d.ifname} ${st}\n`;
        });
        p.stdout.write(out);
        return 0;
      }
      default:
        break;
    }
  }
  let filter: Pred;
  try {
    filter = parseFilter(g.args);
  } catch (e) {
    if (!(e instanceof FilterError)) throw e;
    p.stderr.write(`tcpdump: can't parse filter expression: ${e.message}\n`);
    return 1;
  }
  const ns = nsOf(p);
  const k = kernelOf(p);
  let dev: NetDevice | undefined;
  const any = iface === 'any';
  if (!any) {
    if (iface === undefined) dev = ns.linkDump().find((d) => d.linkType !== 'loopback' && d.flags & IFF.UP)?.dev ?? ns.lo;
    else dev = ns.linkGet(iface)?.dev ?? (/^\d+$/.test(iface) ? ns.linkDump()[Number(iface) - 2]?.dev : undefined);
    if (!dev) {
      p.stderr.write(`tcpdump: ${iface}: No such device exists\n(No such device exists)\n`);
      return 1;
    }
    if (!(ns.linkMsg(dev).flags & IFF.UP)) {
      p.stderr.write(`tcpdump: ${dev.name}: That device is not up\n`);
      return 1;
    }
  }
  if (any) p.stderr.write('tcpdump: data link type LINUX_SLL2\n');
  if (!verbose) p.stderr.write('tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n');
  p.stderr.write(`listening on ${any ? 'any' : dev!.name}, link-type ${any ? 'LINUX_SLL2 (Linux cooked v2)' : 'EN10MB (Ethernet)'}, snapshot length 262144 bytes\n`);

  const dec = new Decoder(() => k.clock.now);
  let captured = 0;
  let received = 0;
  let wake: (() => void) | undefined;
  const tap: PacketHandler = (d, frame, dir) => {
    // (The socket sees this namespace's devices only.)
    if (any ? false : d !== dev) return;
    // libpcap drops the outgoing copy of a loopback frame (it comes back in at once): each packet shows once.
    if (dir === 'out' && d === ns.lo) return;
    if (count !== undefined && captured >= count) return;
    if (!filter(frame)) return;
    received++;
    // The bridge's own receive of a frame it also floods shows once per device, as on Linux.
    let line = noStamp ? '' : `${stamp(k.clock.epochMs, k.clock.now)} `;
    if (any) line += `${d.name} ${dir === 'out' ? 'Out' : 'In '} `;
    line += dec.line(frame, numeric, ether && !any);
    p.stdout.write(`${line}\n`);
    captured++;
    if (count !== undefined && captured >= count) wake?.();
  };
  const sock = packetSocket(ns, tap);
  let interrupted = false;
  try {
    for (let i = 0; i < 1_000_000_000; i++) {
      if (count !== undefined && captured >= count) break;
      const why = await p.wait((w) => {
        wake = w;
        return () => {
          wake = undefined;
        };
      });
      if (why === 'signal') {
        interrupted = true;
        break;
      }
    }
  } finally {
    sock.close();
  }
  // After an interrupted capture tcpdump prints a newline on stdout (on a terminal it ends the echoed ^C line).
  if (interrupted) p.stdout.write('\n');
  p.stderr.write(`${plural(captured, 'packet')} captured\n${plural(received, 'packet')} received by filter\n0 packets dropped by kernel\n`);
  return 0;
}

const TCPDUMP_OPTSTRING = 'AbdDefhHi:IKlLnNOpqSs:tuUvxXc:w:r:Q:';
const TD = (flag: string, desc: string, why: string, arg?: string) => ({ flag, desc, notSimulated: why, probe: '-i lo', ...(arg ? { arg } : {}) });
register({
  name: 'tcpdump',
  summary: 'dump traffic on a network',
  usage: 'tcpdump [-eDnt] [-c count] [-i interface] [expression]',
  optstring: TCPDUMP_OPTSTRING,
  options: [
    { flag: '-i', arg: 'interface', desc: 'listen on interface (any: all interfaces)' },
    { flag: '-n', desc: "don't convert addresses to names" },
    { flag: '-c', arg: 'count', desc: 'exit after receiving count packets' },
    { flag: '-e', desc: 'print the link-level header on each dump line' },
    { flag: '-t', desc: "don't print a timestamp on each dump line" },
    { flag: '-v', desc: 'verbose: no "verbose output suppressed" notice (the decode stays one line)' },
    { flag: '-D', desc: 'print the list of interfaces' },
    { flag: '-h', desc: 'print the usage' },
    { flag: '-l', desc: 'line-buffered output (the simulation writes each line as it is decoded)' },
    { flag: '-U', desc: 'packet-buffered output (as -l)' },
    { flag: '-K', desc: "don't verify checksums (the simulation has no bad checksums)" },
    TD('-A', 'print each packet in ASCII', 'payload dumps are not modelled'),
    TD('-b', 'print AS numbers in BGP packets', 'BGP is not modelled'),
    TD('-d', 'dump the compiled filter', 'BPF code is not modelled'),
    TD('-f', 'print foreign IPv4 addresses numerically', 'use -n'),
    TD('-H', 'detect 802.11s mesh headers', 'Wi-Fi is not modelled'),
    TD('-I', 'monitor mode', 'Wi-Fi is not modelled'),
    TD('-L', 'list data link types', 'not modelled'),
    TD('-N', "don't print domain names", 'use -n'),
    TD('-O', "don't optimise the filter", 'BPF code is not modelled'),
    TD('-p', "don't put the interface into promiscuous mode", 'promiscuous mode is not modelled'),
    TD('-q', 'quick (quiet) output', 'use the default one-line output'),
    TD('-S', 'print absolute TCP sequence numbers', 'sequence numbers are printed relative'),
    TD('-s', 'snapshot length', 'capture lengths are not modelled', 'snaplen'),
    TD('-u', 'print undecoded NFS handles', 'NFS is not modelled'),
    TD('-x', 'print each packet in hex', 'payload dumps are not modelled'),
    TD('-X', 'print each packet in hex and ASCII', 'payload dumps are not modelled'),
    TD('-Q', 'capture direction', 'use -i any and read the In/Out column', 'in|out|inout'),
    TD('-w', 'write raw packets to a file', 'capture files are not modelled', 'file'),
    TD('-r', 'read packets from a file', 'capture files are not modelled', 'file'),
  ],
  run: tcpdump,
});
