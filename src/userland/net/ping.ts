// ping (iputils 20221126): ICMP echo through the simulated stack. Streams one
// line per reply on the virtual clock, stops after -c replies, -w deadline
// or SIGINT, and prints the real statistics block.

import { refuseMarkedOptions, register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import { fmtIp4, parseIp4, IP4_BROADCAST } from '../../kernel/addr.ts';
import { KernelError } from '../../kernel/errno.ts';
import type { IcmpMessage, Ipv4Packet, Trace } from '../../kernel/packet.ts';
import { IP_MAX_MTU } from '../../kernel/stack.ts';
import { icmpSocket, icmp6Socket, type IcmpSocketHandler } from '../../kernel/socket/icmp.ts';
import { getopt } from '../lib/getopt.ts';
import { resolveHost, getHostByAddr, GAI_TEXT } from '../lib/resolve.ts';
import { nsOf, kernelOf } from '../lib/sys.ts';
import { IFF } from '../../kernel/netdev.ts';

/** ping's usage text after the first error line (recorded from iputils 20221126). */
const USAGE = "\nUsage\n  ping [options] <destination>\n\nOptions:\n  <destination>      dns name or ip address\n  -a                 use audible ping\n  -A                 use adaptive ping\n  -B                 sticky source address\n  -c <count>         stop after <count> replies\n  -C                 call connect() syscall on socket creation\n  -D                 print timestamps\n  -d                 use SO_DEBUG socket option\n  -e <identifier>    define identifier for ping session, default is random for\n                     SOCK_RAW and kernel defined for SOCK_DGRAM\n                     Imply using SOCK_RAW (for IPv4 only for identifier 0)\n  -f                 flood ping\n  -h                 print help and exit\n  -I <interface>     either interface name or address\n  -i <interval>      seconds between sending each packet\n  -L                 suppress loopback of multicast packets\n  -l <preload>       send <preload> number of packages while waiting replies\n  -m <mark>          tag the packets going out\n  -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>\n  -n                 no dns name resolution\n  -O                 report outstanding replies\n  -p <pattern>       contents of padding byte\n  -q                 quiet output\n  -Q <tclass>        use quality of service <tclass> bits\n  -s <size>          use <size> as number of data bytes to be sent\n  -S <size>          use <size> as SO_SNDBUF socket option value\n  -t <ttl>           define time to live\n  -U                 print user-to-user latency\n  -v                 verbose output\n  -V                 print version and exit\n  -w <deadline>      reply wait <deadline> in seconds\n  -W <timeout>       time to wait for response\n\nIPv4 options:\n  -4                 use IPv4\n  -b                 allow pinging broadcast\n  -R                 record route\n  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>\n\nIPv6 options:\n  -6                 use IPv6\n  -F <flowlabel>     define flow label, default is random\n  -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument\n\nFor more details see ping(8).\n";

const UNREACH_TEXT: Record<number, string> = {
  0: 'Destination Net Unreachable',
  1: 'Destination Host Unreachable',
  2: 'Destination Protocol Unreachable',
  3: 'Destination Port Unreachable',
  4: 'Frag needed and DF set',
  5: 'Source Route Failed',
  6: 'Destination Net Unknown',
  7: 'Destination Host Unknown',
  9: 'Destination Net Prohibited',
  10: 'Destination Host Prohibited',
  13: 'Packet filtered',
};

/** Format a round-trip time (µs) as iputils does. */
export function fmtRtt(us: number): string {
  const t = Math.round(us);
  if (t >= 100000 - 50) return String(Math.floor((t + 500) / 1000));
  if (t >= 10000 - 5) return `${Math.floor((t + 50) / 1000)}.${Math.floor(((t + 50) % 1000) / 100)}`;
  if (t >= 1000) return `${Math.floor((t + 5) / 1000)}.${String(Math.floor(((t + 5) % 1000) / 10)).padStart(2, '0')}`;
  return `${Math.floor(t / 1000)}.${String(t % 1000).padStart(3, '0')}`;
}

function fmt3(us: number): string {
  const t = Math.round(us);
  return `${Math.floor(t / 1000)}.${String(t % 1000).padStart(3, '0')}`;
}

/** Options after parsing. */
interface PingOpts {
  count?: number;
  interval: number;
  timeout?: number;
  deadline?: number;
  iface?: string;
  quiet: boolean;
  size: number;
  ttl?: number;
  family: 0 | 4 | 6;
  broadcast: boolean;
  numeric: boolean;
  /** IP_MTU_DISCOVER (-M); iputils leaves the socket default, which is `want`. */
  pmtudisc: 'do' | 'want' | 'dont';
}

function parseNum(p: Process, v: string, lo: number, hi: number, int: boolean): number | undefined {
  const n = int ? (/^[+-]?\d+$/.test(v.trim()) ? Number(v) : NaN) : Number(v);
  if (Number.isNaN(n) || v.trim() === '') {
    p.stderr.write(`ping: invalid argument: '${v}'\n`);
    return undefined;
  }
  if (n < lo || n > hi) {
    p.stderr.write(`ping: invalid argument: '${v}': out of range: ${lo} <= value <= ${hi === Number.MAX_SAFE_INTEGER ? '9223372036854775807' : hi}\n`);
    return undefined;
  }
  return n;
}

async function ping(p: Process): Promise<number> {
  const g = getopt(p.argv.slice(1), PING_OPTSTRING);
  if (g.error) {
    p.stderr.write(`ping: ${g.error}\n${USAGE}`);
    return 2;
  }
  const refused = refuseMarkedOptions(p, 'ping', g.opts.map(([k]) => k));
  if (refused !== undefined) return refused;
  const o: PingOpts = { interval: 1, quiet: false, size: 56, family: 0, broadcast: false, numeric: false, pmtudisc: 'want' };
  for (const [k, v] of g.opts) {
    switch (k) {
      case '-c': {
        const n = parseNum(p, v!, 1, Number.MAX_SAFE_INTEGER, true);
        if (n === undefined) return 1;
        o.count = n;
        break;
      }
      case '-i': {
        const n = Number(v);
        if (Number.isNaN(n) || n < 0) {
          p.stderr.write(`ping: bad timing interval: ${v}\n`);
          return 2;
        }
        o.interval = n;
        break;
      }
      case '-W': {
        // ping_strtod(): trailing garbage is only warned about (the value parsed so far counts).
        const lead = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(v!);
        if (!lead || lead[0].length !== v!.length) {
          p.stderr.write(`ping: option argument contains garbage: ${lead ? v!.slice(lead[0].length) : v}\nping: this will become fatal error in the future\n`);
          if (!lead) break;
        }
        const n = Number(lead[0]);
        if (Number.isNaN(n) || n < 0) {
          p.stderr.write(`ping: bad linger time: ${v}\n`);
          return 2;
        }
        o.timeout = n;
        break;
      }
      case '-w': {
        const n = parseNum(p, v!, 0, 2147483647, true);
        if (n === undefined) return 1;
        o.deadline = n;
        break;
      }
      case '-I':
        o.iface = v;
        break;
      case '-q':
        o.quiet = true;
        break;
      case '-s': {
        const n = parseNum(p, v!, 0, 2147483647, true);
        if (n === undefined) return 1;
        o.size = n;
        break;
      }
      case '-t': {
        const n = parseNum(p, v!, 0, 255, true);
        if (n === undefined) return 1;
        o.ttl = n;
        break;
      }
      case '-4':
        o.family = 4;
        break;
      case '-6':
        o.family = 6;
        break;
      case '-b':
        o.broadcast = true;
        break;
      case '-n':
        o.numeric = true;
        break;
      case '-M':
        if (v === 'do' || v === 'dont' || v === 'want') o.pmtudisc = v;
        else {
          p.stderr.write(`ping: invalid -M argument: ${v}\n`);
          return 2;
        }
        break;
      case '-V':
        p.stdout.write('ping from iputils 20221126\nlibcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes\n');
        return 0;
      case '-h':
        p.stdout.write(USAGE.replace(/^\n/, ''));
        return 2;
      default:
        break;
    }
  }
  if (g.args.length === 0) {
    p.stderr.write('ping: usage error: Destination address required\n');
    return 1;
  }
  const target = g.args[g.args.length - 1];
  const res = await resolveHost(p, target, o.family);
  if (typeof res === 'string') {
    p.stderr.write(`ping: ${target}: ${GAI_TEXT[res]}\n`);
    return 2;
  }
  if (!res.length) {
    p.stderr.write(`ping: ${target}: Address family for hostname not supported\n`);
    return 2;
  }
  const numericTarget = res[0].addr === target;
  if (res[0].family === 6) return ping6(p, o, target, res[0].addr, numericTarget ? undefined : res[0].canonical);
  // Replies are labelled by a reverse lookup of the address (pr_addr: /etc/hosts, then a DNS PTR query), never for a numeric target or -n.
  let replyName: string | undefined;
  if (!numericTarget && !o.numeric) {
    const rev = await getHostByAddr(p, res[0].addr);
    if (typeof rev !== 'string' && rev.name !== res[0].addr) replyName = rev.name;
  }
  return ping4(p, o, target, parseIp4(res[0].addr)!, numericTarget ? undefined : res[0].canonical, replyName);
}

interface Stats {
  /** Most probes outstanding at once (printed as `pipe N` when > 1). */
  pipe: number;
  sent: number;
  received: number;
  errors: number;
  rtts: RttStats;
  start: number;
  last: number;
}

/**
 * Round-trip statistics kept in constant memory (a flood ping may run for
 * hours): the same sums, in the same order, as over a list of every RTT.
 */
class RttStats {
  length = 0;
  sum = 0;
  sumSq = 0;
  min = Infinity;
  max = -Infinity;
  push(us: number): void {
    this.length++;
    this.sum += us;
    this.sumSq += us * us;
    if (us < this.min) this.min = us;
    if (us > this.max) this.max = us;
  }
}

/**
 * iputils times an echo only when its data has room for the send time it
 * carries (a struct timeval, 16 bytes): below that, replies print no time=
 * and the summary no rtt line.
 */
const TIMEVAL_BYTES = 16;

/** With -i 0 the next echo leaves when a reply came back or after this long, as in flood mode. */
const FLOOD_INTERVAL_MS = 10;

/** A reply's ` time=… ms` (its round trip counted in the summary), or '' when the echo carried no send time. */
function echoTime(st: Stats, now: number, icmp: { sentAt?: number }): string {
  if (icmp.sentAt === undefined) return '';
  const rttUs = (now - icmp.sentAt) * 1000;
  st.rtts.push(rttUs);
  return ` time=${fmtRtt(rttUs)} ms`;
}

function summary(p: Process, name: string, s: Stats): void {
  // printf("%g%%") of a float: six significant digits (66.6667%, 62.5%, 100%).
  const loss = s.sent ? String(Number(Math.fround(((s.sent - s.received) * 100) / s.sent).toPrecision(6))) : '0';
  const ms = Math.floor(Math.max(0, s.last - s.start));
  let line = `\n--- ${name} ping statistics ---\n${s.sent} packets transmitted, ${s.received} received, `;
  if (s.errors) line += `+${s.errors} errors, `;
  line += `${loss}% packet loss, time ${ms}ms\n`;
  const tail: string[] = [];
  if (s.rtts.length) {
    const us = s.rtts;
    const min = us.min;
    const max = us.max;
    const avg = us.sum / us.length;
    const avg2 = us.sumSq / us.length;
    const mdev = Math.sqrt(Math.max(0, avg2 - avg * avg));
    tail.push(`rtt min/avg/max/mdev = ${fmt3(min)}/${fmt3(avg)}/${fmt3(max)}/${fmt3(mdev)} ms`);
  }
  if (s.pipe > 1) tail.push(`pipe ${s.pipe}`);
  line += tail.join(', ') + '\n';
  p.stdout.write(line);
}

async function ping4(p: Process, o: PingOpts, target: string, dst: number, canonical: string | undefined, replyName?: string): Promise<number> {
  const ns = nsOf(p);
  const k = kernelOf(p);
  let oif;
  let saddr: number | undefined;
  if (o.iface !== undefined) {
    const a = parseIp4(o.iface);
    oif = a !== undefined ? undefined : ns.devByName(o.iface);
    if (a === undefined && !oif) {
      p.stderr.write(`ping: SO_BINDTODEVICE ${o.iface}: No such device\n`);
      return 2;
    }
    if (a !== undefined) {
      // -I ADDR binds the socket: the source selects policy rules (`from`).
      if (!ns.isLocalAddr(a) && !(a >>> 24 === 127 && ns.isLocalAddr(0x7f000001))) {
        p.stderr.write('ping: bind: Cannot assign requested address\n');
        return 2;
      }
      saddr = a;
    }
  }
  const isBcast = dst === IP4_BROADCAST || ns.addrDump().some((a) => a.broadcast === dst) || ns.routeDump(255).some((r) => r.type === 'broadcast' && r.dst === dst && r.dstLen === 32);
  if (isBcast && !o.broadcast) {
    p.stderr.write('ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n');
    return 2;
  }
  if (o.ttl === 0) {
    // setsockopt(IP_TTL, 0) is EINVAL.
    p.stderr.write('ping: cannot set unicast time-to-live: Invalid argument\n');
    return 2;
  }
  let route;
  try {
    route = ns.routeGetOutput(dst, { oif, saddr });
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    if (e.errno === 'EACCES') p.stderr.write('ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n');
    else p.stderr.write(`ping: connect: ${e.message}\n`);
    return 2;
  }
  if (isBcast) p.stderr.write('WARNING: pinging broadcast address\n');
  const name = canonical ?? target;
  const shown = canonical ?? fmtIp4(dst);
  const from = o.iface === undefined ? '' : saddr !== undefined ? `from ${fmtIp4(saddr)} : ` : `from ${fmtIp4(route.src)} ${o.iface}: `;
  p.stdout.write(`PING ${canonical ?? fmtIp4(dst)} (${fmtIp4(dst)}) ${from}${o.size}(${o.size + 28}) bytes of data.\n`);
  const id = k.rng.int(1, 65535);
  const st: Stats = { pipe: 0, sent: 0, received: 0, errors: 0, rtts: new RttStats(), start: k.clock.now, last: k.clock.now };
  // Replies already counted, by 16-bit sequence number (constant memory).
  const seen = new Uint8Array(65536);
  let nextSend = k.clock.now;
  let wake: (() => void) | undefined;
  const handler: IcmpSocketHandler = {
    onReply: (pkt: Ipv4Packet, icmp: IcmpMessage) => {
      if (seen[icmp.seq & 0xffff]) return;
      seen[icmp.seq & 0xffff] = 1;
      if (o.interval === 0) nextSend = Math.min(nextSend, k.clock.now);
      st.pipe = Math.max(st.pipe, st.sent - icmp.seq + 1);
      st.received++;
      st.last = k.clock.now;
      const time = echoTime(st, k.clock.now, icmp);
      if (!o.quiet) {
        const who = replyName && pkt.src === dst ? `${replyName} (${fmtIp4(pkt.src)})` : fmtIp4(pkt.src);
        p.stdout.write(`${icmp.dataLen + 8} bytes from ${who}: icmp_seq=${icmp.seq} ttl=${pkt.ttl}${time}\n`);
      }
      wake?.();
    },
    onError: (pkt: Ipv4Packet, icmp: IcmpMessage) => {
      const q = icmp.quoted!.payload as IcmpMessage;
      st.errors++;
      st.pipe = Math.max(st.pipe, st.sent - q.seq + 1);
      st.last = k.clock.now;
      if (!o.quiet) {
        let text = icmp.type === 11 ? 'Time to live exceeded' : icmp.type === 3 ? UNREACH_TEXT[icmp.code] ?? `Dest Unreachable, Bad Code: ${icmp.code}` : `Bad ICMP type: ${icmp.type}`;
        if (icmp.type === 3 && icmp.code === 4) text += ` (mtu = ${icmp.mtu ?? 0})`;
        p.stdout.write(`From ${fmtIp4(pkt.src)} icmp_seq=${q.seq} ${text}\n`);
      }
      wake?.();
    },
  };
  const sock = icmpSocket(ns, id, handler);
  // The same lookup succeeded above (the probe connect() iputils makes first).
  sock.connect(dst, { oif, saddr });
  void shown;
  // The first echo of every ping is traced for the packet-path view.
  const trace: Trace = { steps: [], max: 400 };
  k.announceTrace({ command: p.argv.join(' '), at: k.clock.now, trace });
  try {
    const intervalMs = o.interval * 1000;
    const lingerMs = (o.timeout ?? 10) * 1000;
    const deadlineAt = o.deadline !== undefined ? st.start + o.deadline * 1000 : Infinity;
    let oomCount = 0;
    for (;;) {
      // A full pipe blocks ping's write, as on Linux.
      if (!(await p.writable())) break;
      const now = k.clock.now;
      if (p.interrupted) break;
      if (now >= deadlineAt) break;
      const doneSending = o.count !== undefined && st.sent >= o.count;
      if (doneSending) {
        if (st.received + st.errors >= st.sent) break;
        if (o.count !== undefined && st.received >= o.count) break;
      }
      if (!doneSending && now >= nextSend) {
        const seq = st.sent + 1;
        seen[seq & 0xffff] = 0;
        const total = o.size + 28;
        // Refused locally with EMSGSIZE, in one of two places:
        // - raw_sendmsg: an ICMP message (8 + size bytes) past 65535, before
        //   it is built; nothing goes on the error queue, so iputils prints
        //   nothing and counts no error: the echo is only lost.
        // - ip_append_data: a datagram past 65535 bytes, or with -M do one
        //   larger than the path MTU; its error-queue entry is printed as
        //   "local error" (not counted with -q).
        const pm = sock.pathMtu();
        const silent = o.size + 8 > IP_MAX_MTU;
        if (silent || total > IP_MAX_MTU || (o.pmtudisc === 'do' && total > pm.mtu)) {
          st.sent = seq;
          if (st.sent === 1 || st.last < now) st.last = Math.max(st.last, now);
          if (!silent && !o.quiet) {
            p.stderr.write(`ping: local error: message too long, mtu=${pm.mtu}\n`);
            st.errors++;
          }
          nextSend = now + (intervalMs || FLOOD_INTERVAL_MS);
          continue;
        }
        // DF as __ip_make_skb sets it: always for do, for want only when the
        // datagram fits the path MTU and the route's MTU is not locked.
        const df = o.pmtudisc === 'do' || (o.pmtudisc === 'want' && total <= pm.mtu && !pm.locked);
        const pkt: Omit<Ipv4Packet, 'id'> = {
          src: saddr ?? 0,
          dst,
          ttl: o.ttl ?? (Number(ns.ipv4.ip_default_ttl) || 64),
          tos: 0,
          df,
          payload: { proto: 'icmp', type: 8, code: 0, id, seq, dataLen: o.size, ...(o.size >= TIMEVAL_BYTES && { sentAt: now }) },
        };
        let errno: string | undefined;
        try {
          errno = sock.sendmsg(pkt, { oif, trace: seq === 1 ? trace : undefined });
        } catch (e) {
          if (!(e instanceof KernelError)) throw e;
          errno = e.errno;
          if (e.errno !== 'ENOBUFS') {
            st.sent = seq;
            p.stdout.write(`ping: sendmsg: ${e.message}\n`);
            st.errors++;
            nextSend = now + (intervalMs || FLOOD_INTERVAL_MS);
            continue;
          }
        }
        if (errno === 'ENOBUFS') {
          // pinger(): the device queue refused it; retry after half an
          // interval (at most 500 ms) while the retries fit the linger time,
          // then pretend it was sent and say why.
          oomCount++;
          const nores = Math.min(500, Math.max(10, intervalMs / 2));
          if (oomCount * nores < lingerMs) {
            nextSend = now + nores;
            continue;
          }
          p.stderr.write('ping: sendmsg: No buffer space available\n');
        }
        oomCount = 0;
        st.sent = seq;
        if (st.sent === 1 || st.last < now) st.last = Math.max(st.last, now);
        nextSend = now + (intervalMs || FLOOD_INTERVAL_MS);
        continue;
      }
      const until = Math.min(doneSending ? lastSendTime(st, nextSend, intervalMs) + lingerMs : nextSend, deadlineAt);
      const waitMs = Math.max(0, until - k.clock.now);
      if (doneSending && waitMs === 0) break;
      await p.wait((w) => {
        wake = w;
        return () => {
          wake = undefined;
        };
      }, waitMs);
    }
  } finally {
    sock.close();
  }
  summary(p, name, st);
  if (o.deadline !== undefined && o.count !== undefined) return st.received >= o.count ? 0 : 1;
  return st.received ? 0 : 1;
}

/** Virtual time of the last send (the next send time minus one interval). */
function lastSendTime(_st: Stats, nextSend: number, intervalMs: number): number {
  return nextSend - intervalMs;
}

async function ping6(p: Process, o: PingOpts, target: string, addr: string, canonical: string | undefined): Promise<number> {
  const ns = nsOf(p);
  const k = kernelOf(p);
  if (addr !== '::1' || !(ns.linkMsg(ns.lo).flags & IFF.UP) || !ns.addr6Dump(ns.lo).length) {
    p.stderr.write('ping: connect: Network is unreachable\n');
    return 2;
  }
  const head = canonical ? `${canonical}(${canonical} (${addr}))` : `${addr}(${addr})`;
  p.stdout.write(`PING ${head} ${o.size} data bytes\n`);
  const id = k.rng.int(1, 65535);
  const st: Stats = { pipe: 0, sent: 0, received: 0, errors: 0, rtts: new RttStats(), start: k.clock.now, last: k.clock.now };
  let wake: (() => void) | undefined;
  let nextSend = k.clock.now;
  const sock6 = icmp6Socket(ns, id, (pkt) => {
      const icmp = pkt.payload;
      st.received++;
      st.last = k.clock.now;
      const time = echoTime(st, k.clock.now, icmp);
      if (o.interval === 0) nextSend = Math.min(nextSend, k.clock.now);
      if (!o.quiet) {
        const who = canonical ? `${canonical} (${addr})` : addr;
        p.stdout.write(`${icmp.dataLen + 8} bytes from ${who}: icmp_seq=${icmp.seq} ttl=${pkt.hlim}${time}\n`);
      }
      wake?.();
  });
  try {
    const intervalMs = o.interval * 1000;
    for (;;) {
      if (!(await p.writable())) break;
      if (p.interrupted) break;
      const doneSending = o.count !== undefined && st.sent >= o.count;
      if (doneSending && st.received >= st.sent) break;
      if (!doneSending && k.clock.now >= nextSend) {
        st.sent++;
        st.last = Math.max(st.last, k.clock.now);
        sock6.sendmsg({ src: '::1', dst: '::1', hlim: 64, payload: { proto: 'icmp', type: 128, code: 0, id, seq: st.sent, dataLen: o.size, ...(o.size >= TIMEVAL_BYTES && { sentAt: k.clock.now }) } });
        nextSend = k.clock.now + (intervalMs || FLOOD_INTERVAL_MS);
        continue;
      }
      const until = doneSending ? nextSend - intervalMs + (o.timeout ?? 10) * 1000 : nextSend;
      const waitMs = Math.max(0, until - k.clock.now);
      if (doneSending && waitMs === 0) break;
      await p.wait((w) => {
        wake = w;
        return () => (wake = undefined);
      }, waitMs);
    }
  } finally {
    sock6.close();
  }
  summary(p, canonical ?? target, st);
  return st.received ? 0 : 1;
}

/** iputils ping's getopt string: every letter here is listed in the spec below (honoured or not simulated). */
export const PING_OPTSTRING = 'c:i:W:w:I:qs:t:46bnvDOahVm:l:p:M:Q:S:e:fLdUABCRT:F:N:';

const NS_PROBE = '-c 1 127.0.0.1';
register({
  name: 'ping',
  summary: 'send ICMP ECHO_REQUEST to network hosts',
  usage: 'ping [-c count] [-i interval] [-W timeout] [-w deadline] [-I interface] [-s size] [-t ttl] [-M do|want|dont] [-q] [-b] [-4|-6] destination',
  optstring: PING_OPTSTRING,
  options: [
    { flag: '-c', arg: 'count', desc: 'stop after <count> replies' },
    { flag: '-i', arg: 'interval', desc: 'seconds between sending each packet' },
    { flag: '-W', arg: 'timeout', desc: 'time to wait for response' },
    { flag: '-w', arg: 'deadline', desc: 'reply wait <deadline> in seconds' },
    { flag: '-I', arg: 'interface', desc: 'either interface name or address (an address selects policy rules by source)' },
    { flag: '-s', arg: 'size', desc: 'use <size> as number of data bytes to be sent' },
    { flag: '-t', arg: 'ttl', desc: 'define time to live' },
    { flag: '-M', arg: 'pmtud opt', desc: 'define mtu discovery, can be one of <do|dont|want>' },
    { flag: '-q', desc: 'quiet output' },
    { flag: '-b', desc: 'allow pinging broadcast' },
    { flag: '-n', desc: 'no dns name resolution' },
    { flag: '-4', desc: 'use IPv4' },
    { flag: '-6', desc: 'use IPv6' },
    { flag: '-V', desc: 'print version and exit' },
    { flag: '-h', desc: 'print help and exit' },
    { flag: '-a', desc: 'use audible ping', notSimulated: 'the terminal has no bell', probe: NS_PROBE },
    { flag: '-A', desc: 'use adaptive ping', notSimulated: 'use -i', probe: NS_PROBE },
    { flag: '-B', desc: 'sticky source address', notSimulated: 'use -I ADDR', probe: NS_PROBE },
    { flag: '-C', desc: 'call connect() syscall on socket creation', notSimulated: 'no socket-level difference is modelled', probe: NS_PROBE },
    { flag: '-D', desc: 'print timestamps', notSimulated: 'the virtual clock has no wall-clock date', probe: NS_PROBE },
    { flag: '-d', desc: 'use SO_DEBUG socket option', notSimulated: 'no socket debugging', probe: NS_PROBE },
    { flag: '-e', arg: 'identifier', desc: 'define identifier for ping session', notSimulated: 'identifiers come from the seeded random source', probe: NS_PROBE },
    { flag: '-f', desc: 'flood ping', notSimulated: 'use -i 0.01 with -c', probe: NS_PROBE },
    { flag: '-F', arg: 'flowlabel', desc: 'define flow label (IPv6)', notSimulated: 'IPv6 flow labels are not modelled', probe: NS_PROBE },
    { flag: '-L', desc: 'suppress loopback of multicast packets', notSimulated: 'multicast is not modelled', probe: NS_PROBE },
    { flag: '-l', arg: 'preload', desc: 'send <preload> packets while waiting replies', notSimulated: 'use -i', probe: NS_PROBE },
    { flag: '-m', arg: 'mark', desc: 'tag the packets going out', notSimulated: 'use iptables -t mangle -j MARK', probe: NS_PROBE },
    { flag: '-N', arg: 'nodeinfo opt', desc: 'use icmp6 node info query', notSimulated: 'ICMPv6 node info is not modelled', probe: NS_PROBE },
    { flag: '-O', desc: 'report outstanding replies', notSimulated: 'not modelled', probe: NS_PROBE },
    { flag: '-p', arg: 'pattern', desc: 'contents of padding byte', notSimulated: 'payload bytes are not modelled', probe: NS_PROBE },
    { flag: '-Q', arg: 'tclass', desc: 'use quality of service <tclass> bits', notSimulated: 'TOS/DSCP is not modelled', probe: NS_PROBE },
    { flag: '-R', desc: 'record route', notSimulated: 'IP options are not modelled', probe: NS_PROBE },
    { flag: '-S', arg: 'size', desc: 'use <size> as SO_SNDBUF socket option value', notSimulated: 'socket buffers are not modelled', probe: NS_PROBE },
    { flag: '-T', arg: 'timestamp', desc: 'define timestamp', notSimulated: 'IP options are not modelled', probe: NS_PROBE },
    { flag: '-U', desc: 'print user-to-user latency', notSimulated: 'not modelled', probe: NS_PROBE },
    { flag: '-v', desc: 'verbose output', notSimulated: 'not modelled', probe: NS_PROBE },
  ],
  run: ping,
});
