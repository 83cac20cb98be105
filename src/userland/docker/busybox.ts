// BusyBox's own applets where they differ from the host's programs of the
// same name: `ping` and `wget` as the busybox and alpine images run them
// (src/docker/images.ts maps the applet names to these implementations),
// and the `busybox` multi-call binary itself.
//
// Formats: busybox 1_36_1 networking/ping.c (the `PING h (a): N data
// bytes` header, `seq=` from 0, `round-trip min/avg/max`, exit 1 when
// nothing came back, -W default 10 s) and networking/wget.c, checked
// against Debian's busybox 1.35.0 run in an unshared namespace
// (`busybox ping -c1 127.0.0.1`, `busybox wget -O- http://127.0.0.1:8000/`).

import { fmtIp4, maskOf, parseIp4 } from '../../kernel/addr.ts';
import type { LinkMsg, NetNs } from '../../kernel/netns.ts';
import { IFF } from '../net/nettools-lib.ts';
import { KernelError } from '../../kernel/errno.ts';
import type { IcmpMessage, Ipv4Packet, Trace } from '../../kernel/packet.ts';
import { utf8Len } from '../../kernel/packet.ts';
import type { Process } from '../../kernel/proc.ts';
import { TcpSocket } from '../../kernel/socket/tcp.ts';
import { icmpSocket, type IcmpSocketHandler } from '../../kernel/socket/icmp.ts';
import { getopt } from '../lib/getopt.ts';
import { resolveHost } from '../lib/resolve.ts';
import { kernelOf, nsOf } from '../lib/sys.ts';
import { lookupCommand, register } from '../registry.ts';
import { exchangeMany, resolvConfOf, stubQuery } from '../dns/client.ts';
import { TYPE } from '../dns/wire.ts';

// Recorded from Debian's busybox 1:1.35.0-4+deb12u1+b1 (the build this
// simulation's busybox image stands for): its banner and usage texts.
const BB_VERSION = 'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.';
const PING_USAGE = "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n\n\t-4,-6\t\tForce IP or IPv6 name resolution\n\t-c CNT\t\tSend only CNT pings\n\t-s SIZE\t\tSend SIZE data bytes in packets (default 56)\n\t-i SECS\t\tInterval\n\t-A\t\tPing as soon as reply is received\n\t-t TTL\t\tSet TTL\n\t-I IFACE/IP\tSource interface or IP address\n\t-W SEC\t\tSeconds to wait for the first response (default 10)\n\t\t\t(after all -c CNT packets are sent)\n\t-w SEC\t\tSeconds until ping exits (default:infinite)\n\t\t\t(can exit earlier with -c CNT)\n\t-q\t\tQuiet, only display output at start/finish\n\t-p HEXBYTE\tPayload pattern\n";
const NSLOOKUP_USAGE = "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n";
const IP_USAGE = "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n\nOPTIONS := -f[amily] inet|inet6|link | -o[neline]\n\nip addr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]\nip route list|flush|add|del|change|append|replace|test ROUTE\nip link set IFACE [up|down] [arp on|off] [multicast on|off]\n\t[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]\n\t[master IFACE | nomaster] [netns PID]\nip tunnel add|change|del|show [NAME]\n\t[mode ipip|gre|sit] [remote ADDR] [local ADDR] [ttl TTL]\nip neigh show|flush [to PREFIX] [dev DEV] [nud STATE]\nip rule [list] | add|del SELECTOR ACTION\n";
const WGET_USAGE = "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] URL...\n\nRetrieve files via HTTP or FTP\n\n\t--spider\tOnly check URL existence: $? is 0 if exists\n\t--header STR\tAdd STR (of form 'header: value') to headers\n\t--post-data STR\tSend STR using POST method\n\t--post-file FILE\tSend FILE using POST method\n\t--no-check-certificate\tDon't validate the server's certificate\n\t-c\t\tContinue retrieval of aborted transfer\n\t-q\t\tQuiet\n\t-P DIR\t\tSave to DIR (default .)\n\t-S    \t\tShow server response\n\t-O FILE\t\tSave to FILE ('-' for stdout)\n\t-o LOGFILE\tLog messages to FILE\n\t-U STR\t\tUse STR for User-Agent header\n\t-Y on/off\tUse proxy\n";

/** `%u.%03u` of a time in microseconds. */
function ms3(us: number): string {
  const t = Math.max(0, Math.floor(us));
  return `${Math.floor(t / 1000)}.${String(t % 1000).padStart(3, '0')}`;
}

async function bbPing(p: Process): Promise<number> {
  const g = getopt(p.argv.slice(1), 'qvAc:s:t:w:W:I:np:i:46');
  const usage = (): number => {
    p.stderr.write(PING_USAGE);
    return 1;
  };
  if (g.error || g.args.length !== 1) return usage();
  let count = 0;
  let size = 56;
  let ttl: number | undefined;
  let deadline = 0;
  let timeout = 10;
  let interval = 1;
  let quiet = false;
  for (const [k, v] of g.opts) {
    const num = (): number | undefined => (/^\d+$/.test(v ?? '') ? Number(v) : undefined);
    const bad = (): number => {
      p.stderr.write(`ping: invalid number '${v}'\n`);
      return 1;
    };
    if (k === '-c') count = num() ?? -1;
    else if (k === '-s') size = num() ?? -1;
    else if (k === '-t') ttl = num() ?? -1;
    else if (k === '-w') deadline = num() ?? -1;
    else if (k === '-W') timeout = num() ?? -1;
    else if (k === '-i') interval = Number(v);
    else if (k === '-q') quiet = true;
    else if (k === '-I' || k === '-p' || k === '-6') {
      p.stderr.write(`ping: ${k} is not simulated\n`);
      return 1;
    }
    if (count < 0 || size < 0 || (ttl ?? 0) < 0 || deadline < 0 || timeout < 0 || Number.isNaN(interval)) return bad();
  }
  const host = g.args[0];
  const res = await resolveHost(p, host, 4);
  if (typeof res === 'string' || !res.length) {
    p.stderr.write(`ping: bad address '${host}'\n`);
    return 1;
  }
  const dst = parseIp4(res[0].addr)!;
  const ns = nsOf(p);
  const k = kernelOf(p);
  p.stdout.write(`PING ${host} (${fmtIp4(dst)}): ${size} data bytes\n`);
  const id = k.rng.int(1, 65535);
  let sent = 0;
  let received = 0;
  let dups = 0;
  let tmin = Infinity;
  let tmax = 0;
  let tsum = 0;
  const seen = new Set<number>();
  let wake: (() => void) | undefined;
  const handler: IcmpSocketHandler = {
    onReply: (pkt: Ipv4Packet, icmp: IcmpMessage) => {
      const us = Math.floor((k.clock.now - (icmp.sentAt ?? k.clock.now)) * 1000);
      tsum += us;
      tmin = Math.min(tmin, us);
      tmax = Math.max(tmax, us);
      const dup = seen.has(icmp.seq);
      if (dup) dups++;
      else {
        seen.add(icmp.seq);
        received++;
      }
      if (!quiet) p.stdout.write(`${icmp.dataLen + 8} bytes from ${fmtIp4(pkt.src)}: seq=${icmp.seq} ttl=${pkt.ttl} time=${ms3(us)} ms${dup ? ' (DUP!)' : ''}\n`);
      wake?.();
    },
    onError: () => {
      // busybox only warns about ICMP errors with -v
    },
  };
  const sock = icmpSocket(ns, id, handler);
  const trace: Trace = { steps: [], max: 400 };
  k.announceTrace({ command: p.argv.join(' '), at: k.clock.now, trace });
  const start = k.clock.now;
  const deadlineAt = deadline ? start + deadline * 1000 : Infinity;
  let code = 0;
  try {
    let nextSend = k.clock.now;
    let expireAt = Infinity;
    for (;;) {
      if (p.interrupted) break;
      const now = k.clock.now;
      if (now >= deadlineAt) break;
      if (count && received >= count) break;
      if ((!count || sent < count) && now >= nextSend) {
        const pkt: Omit<Ipv4Packet, 'id'> = {
          src: 0,
          dst,
          ttl: ttl ?? (Number(ns.ipv4.ip_default_ttl) || 64),
          tos: 0,
          df: false,
          payload: { proto: 'icmp', type: 8, code: 0, id, seq: sent, dataLen: size, sentAt: now },
        };
        sent++;
        try {
          sock.sendmsg(pkt, { trace: sent === 1 ? trace : undefined });
        } catch (e) {
          if (!(e instanceof KernelError)) throw e;
          // xsendto: bb_perror_msg_and_die("sendto")
          p.stderr.write(`ping: sendto: ${e.message}\n`);
          return 1;
        }
        nextSend = now + interval * 1000;
        if (count && sent >= count) {
          // All sent: wait -W seconds for a first reply, else about two round trips.
          expireAt = now + (received ? Math.max(1, Math.floor(tmax / (512 * 1024))) : timeout) * 1000;
        }
        continue;
      }
      const until = Math.min(count && sent >= count ? expireAt : nextSend, deadlineAt);
      const waitMs = Math.max(0, until - k.clock.now);
      if (count && sent >= count && waitMs === 0) break;
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
  let out = `\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${received} packets received, `;
  if (dups) out += `${dups} duplicates, `;
  out += `${sent ? Math.floor(((sent - received) * 100) / sent) : 0}% packet loss\n`;
  if (tmin !== Infinity) out += `round-trip min/avg/max = ${ms3(tmin)}/${ms3(Math.floor(tsum / (received + dups)))}/${ms3(tmax)} ms\n`;
  p.stdout.write(out);
  code = received === 0 || (deadline && received < count) ? 1 : 0;
  return code;
}

/** The progress line busybox prints when a transfer ends (bb_progress_update at 100%). */
function progressDone(name: string, size: number): string {
  const shown = name.length > 20 ? name.slice(0, 20) : name.padEnd(20);
  return `${shown} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA\n`;
}

async function bbWget(p: Process): Promise<number> {
  const g = getopt(p.argv.slice(1), 'qO:T:Ss');
  if (g.error || g.args.length < 1) {
    p.stderr.write(WGET_USAGE);
    return 1;
  }
  let quiet = false;
  let outFile: string | undefined;
  let timeoutS = 900;
  for (const [k, v] of g.opts) {
    if (k === '-q') quiet = true;
    else if (k === '-O') outFile = v;
    else if (k === '-T') timeoutS = Number(v) || 900;
    else {
      p.stderr.write(`wget: ${k} is not simulated\n`);
      return 1;
    }
  }
  const url = g.args[0];
  const m = /^(?:http:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
  if (!m || /^[a-z]+:\/\//i.test(url) && !url.startsWith('http://')) {
    p.stderr.write(`wget: not an http or ftp url: ${url}\n`);
    return 1;
  }
  const host = m[1];
  const port = m[2] ? Number(m[2]) : 80;
  const path = m[3] ?? '/';
  const res = await resolveHost(p, host, 4);
  if (typeof res === 'string' || !res.length) {
    p.stderr.write(`wget: bad address '${host}'\n`);
    return 1;
  }
  const addr = parseIp4(res[0].addr)!;
  const hostPort = m[2] ? `${host}:${port}` : host;
  if (!quiet) p.stderr.write(`Connecting to ${hostPort} (${fmtIp4(addr)}:${port})\n`);
  const k = kernelOf(p);
  const s = new TcpSocket(nsOf(p));
  try {
    const r = await s.connect(p, addr, port, timeoutS * 1000);
    if (r === 'signal') return 130;
    if (r === 'timeout') {
      p.stderr.write('wget: download timed out\n');
      return 1;
    }
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    p.stderr.write(`wget: can't connect to remote host (${fmtIp4(addr)}): ${e.message}\n`);
    return 1;
  }
  s.send(`GET ${path} HTTP/1.1\r\nHost: ${hostPort}\r\nUser-Agent: Wget\r\nConnection: close\r\n\r\n`);
  let buf = '';
  const until = k.clock.now + timeoutS * 1000;
  for (let i = 0; i < 100_000; i++) {
    let d: string | null | 'timeout' | 'signal';
    try {
      d = await s.recv(p, Math.max(0, until - k.clock.now));
    } catch {
      break;
    }
    if (d === 'signal') {
      s.abort();
      return 130;
    }
    if (d === 'timeout') {
      s.abort();
      p.stderr.write('wget: download timed out\n');
      return 1;
    }
    if (d === null) break;
    buf += d;
  }
  s.close();
  const headEnd = buf.indexOf('\r\n\r\n');
  const status = /^(HTTP\/\d\.\d) (\d{3})(?: (.*))?/.exec(buf.slice(0, buf.indexOf('\r\n')));
  if (headEnd < 0 || !status) {
    p.stderr.write('wget: error getting response\n');
    return 1;
  }
  if (status[2] !== '200') {
    p.stderr.write(`wget: server returned error: ${status[1]} ${status[2]}${status[3] !== undefined ? ` ${status[3]}` : ''}\n`);
    return 1;
  }
  const body = buf.slice(headEnd + 4);
  const toStdout = outFile === '-';
  const name = toStdout ? '-' : outFile ?? (path.replace(/\?.*$/, '').split('/').pop() || 'index.html');
  if (!toStdout) {
    const vfs = k.vfs;
    if (outFile === undefined && vfs.tryLookup(name.startsWith('/') ? name : `${p.cwd}/${name}`)) {
      p.stderr.write(`wget: can't open '${name}': File exists\n`);
      return 1;
    }
    try {
      vfs.writeFile(name, body, p.vfsCtx());
    } catch (e) {
      p.stderr.write(`wget: can't open '${name}': ${e instanceof KernelError ? e.message : 'Permission denied'}\n`);
      return 1;
    }
  }
  if (!quiet) p.stderr.write(toStdout ? 'writing to stdout\n' : `saving to '${name}'\n`);
  if (toStdout) p.stdout.write(body);
  if (!quiet) p.stderr.write(progressDone(name, utf8Len(body)) + (toStdout ? 'written to stdout\n' : `'${name}' saved\n`));
  return 0;
}

const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE'];

/**
 * BusyBox nslookup (1_36_1 networking/nslookup.c): A and AAAA queries to the
 * first nameserver of resolv.conf (or the one given); per reply
 * `Non-authoritative answer:` unless AA, `Name:\t…\nAddress: …`, an empty
 * line — so Docker's embedded DNS, which answers AAAA with an empty NOERROR,
 * shows a second, empty answer section; `** server can't find NAME: RCODE`.
 */
async function bbNslookup(p: Process): Promise<number> {
  const args = p.argv.slice(1).filter((a) => !a.startsWith('-'));
  const opts = p.argv.slice(1).filter((a) => a.startsWith('-'));
  if (opts.length) {
    p.stderr.write(`nslookup: ${opts[0]} is not simulated\n`);
    return 1;
  }
  if (args.length < 1 || args.length > 2) {
    p.stderr.write(NSLOOKUP_USAGE);
    return 1;
  }
  const name = args[0];
  let server = args[1];
  if (!server) server = resolvConfOf(p).nameservers[0] ?? '127.0.0.1';
  if (parseIp4(server) === undefined) {
    p.stderr.write(`nslookup: bad address '${server}'\n`);
    return 1;
  }
  const queries = [stubQuery(p, name, TYPE.A), stubQuery(p, name, TYPE.AAAA)];
  const res = await exchangeMany(p, server, 53, queries, 10_000);
  if (res.some((r) => r.kind === 'signal')) return 130;
  const net = res.find((r) => r.kind === 'neterror');
  if (net && net.kind === 'neterror') {
    p.stderr.write(`nslookup: can't connect to remote host (${server}): ${new KernelError(net.errno as never).message}\n`);
    return 1;
  }
  if (res.every((r) => r.kind !== 'answer')) {
    p.stdout.write(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  let out = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  let code = 0;
  for (const r of res) {
    if (r.kind !== 'answer') continue;
    const m = r.msg;
    if (m.rcode !== 0) {
      out += `** server can't find ${name}: ${RCODES[m.rcode] ?? m.rcode}\n`;
      code = 1;
    } else {
      if (!m.aa) out += 'Non-authoritative answer:\n';
      for (const rr of m.answers) {
        const n = rr.name.replace(/\.$/, '');
        if (rr.data.type === 'A' || rr.data.type === 'AAAA') out += `Name:\t${n}\nAddress: ${rr.data.address}\n`;
        else if (rr.data.type === 'CNAME') out += `${n}\tcanonical name = ${rr.data.target.replace(/\.$/, '')}\n`;
      }
    }
    out += '\n';
  }
  p.stdout.write(out);
  return code;
}

register({ name: 'busybox-nslookup', summary: 'BusyBox nslookup (the busybox and alpine images\' nslookup)', hidden: true, run: bbNslookup });
register({
  name: 'busybox-unsimulated',
  summary: 'a BusyBox applet the simulation does not implement',
  hidden: true,
  run(p) {
    const name = p.argv[0].slice(p.argv[0].lastIndexOf('/') + 1);
    p.stderr.write(`${name}: this BusyBox applet is not simulated\n`);
    return 1;
  },
});
/**
 * Run the host's program `argv` (resolved outside the image's program
 * table) with its stdout captured: the applets below share the kernel
 * queries of net-tools/iproute2 and differ only in how they print.
 */
async function hostProgram(p: Process, argv: string[]): Promise<{ code: number; text: string } | undefined> {
  let text = '';
  const cap = { isTTY: false, write: (d: string) => void (text += d) };
  const table = p.programs;
  p.programs = undefined;
  try {
    const running = p.exec(p, argv, { stdout: cap });
    p.programs = table;
    return { code: await running, text };
  } catch {
    p.programs = table;
    return undefined;
  }
}

/**
 * BusyBox route (recorded next to net-tools' for the same table, Debian
 * busybox 1.35): the same layout, but without -n an unset gateway is `*`.
 */
async function bbRoute(p: Process): Promise<number> {
  const ran = await hostProgram(p, ['/usr/sbin/route', ...p.argv.slice(1)]);
  if (!ran) return 1;
  const numeric = p.argv.slice(1).some((a) => /^-\w*n/.test(a));
  const lines = ran.text.split('\n').map((l, i) => (i < 2 || numeric || l.slice(16, 32) !== '0.0.0.0         ' ? l : `${l.slice(0, 16)}${'*'.padEnd(16)}${l.slice(32)}`));
  p.stdout.write(lines.join('\n'));
  return ran.code;
}

/** BusyBox netstat (same recording): net-tools' socket table with a State column one space wider. */
async function bbNetstat(p: Process): Promise<number> {
  const ran = await hostProgram(p, ['/usr/bin/netstat', ...p.argv.slice(1)]);
  if (!ran) return 1;
  p.stdout.write(ran.text.replace(/^((?:Proto Recv-Q|tcp|udp|raw).*)$/gm, '$1 '));
  return ran.code;
}

register({ name: 'busybox-route', summary: 'BusyBox route', hidden: true, run: bbRoute });
register({ name: 'busybox-netstat', summary: 'BusyBox netstat', hidden: true, run: bbNetstat });

/**
 * BusyBox ip (1.35, recorded in an unshared namespace against iproute2's
 * output for the same devices): the same netlink data, printed without
 * iproute2's `state …`, `mode …`, `group …` and `link-netnsid` fields, and
 * routes without `proto kernel` (`scope link  src A`). Options iproute2 has
 * and BusyBox lacks (-br, -j, -d, -s, -c…) get BusyBox's usage.
 */
async function bbIp(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  for (const a of args) {
    if (!a.startsWith('-')) break;
    if (!/^-(4|6|o|oneline|f|family)$/.test(a)) {
      p.stderr.write(IP_USAGE);
      return 1;
    }
  }
  if (!args.length) {
    p.stderr.write(IP_USAGE);
    return 1;
  }
  // The netlink work is iproute2's: run the host's ip and reformat what it prints.
  const ran = await hostProgram(p, ['/usr/sbin/ip', ...args]);
  if (!ran) {
    p.stderr.write(IP_USAGE);
    return 1;
  }
  const { code } = ran;
  const text = ran.text
    .replace(/ state \S+( mode \S+)? group \S+/g, '')
    .replace(/ link-netns(id|) \S+/g, '')
    .replace(/ proto kernel scope link src /g, ' scope link  src ');
  p.stdout.write(text);
  return code;
}

register({ name: 'busybox-ip', summary: 'BusyBox ip (the busybox and alpine images\' ip)', hidden: true, run: bbIp });
/** print_bytes_scaled: `X bytes:N (I.F UNITB)`. */
function bytesScaled(n: number): string {
  let int = n;
  let frac = 0;
  const ext = ['', 'Ki', 'Mi', 'Gi', 'Ti'];
  let e = 0;
  for (let i = 0; i < 4; i++) {
    if (int >= 1024) {
      frac = Math.floor(((int % 1024) * 10) / 1024);
      int = Math.floor(int / 1024);
      e++;
    }
  }
  return `${n} (${int}.${frac} ${ext[e]}B)`;
}

/** One interface as busybox's ife_print (networking/interface.c) shows it. */
function bbIfPrint(ns: NetNs, d: LinkMsg): string {
  const flags = d.flags;
  const loop = d.linkType === 'loopback';
  let s = `${d.ifname.padEnd(9)} Link encap:${loop ? 'Local Loopback' : 'Ethernet'}  ${loop ? '' : `HWaddr ${d.address.toUpperCase()}  `}\n`;
  const a = ns.addrDump(d.dev)[0];
  if (a) {
    s += `          inet addr:${fmtIp4(a.local)} `;
    if (flags & IFF.BROADCAST && a.broadcast) s += ` Bcast:${fmtIp4(a.broadcast)} `;
    s += ` Mask:${fmtIp4(maskOf(a.prefixlen))}\n`;
  }
  for (const a6 of ns.addr6Dump(d.dev)) {
    const scope = a6.addr === '::1' ? 'Host' : a6.addr.startsWith('fe80:') ? 'Link' : 'Global';
    s += `          inet6 addr: ${a6.addr}/${a6.prefixlen} Scope:${scope}\n`;
  }
  const names: [number, string][] = [
    [IFF.UP, 'UP'], [IFF.BROADCAST, 'BROADCAST'], [IFF.DEBUG, 'DEBUG'], [IFF.LOOPBACK, 'LOOPBACK'], [IFF.POINTOPOINT, 'POINTOPOINT'],
    [IFF.NOTRAILERS, 'NOTRAILERS'], [IFF.RUNNING, 'RUNNING'], [IFF.NOARP, 'NOARP'], [IFF.PROMISC, 'PROMISC'], [IFF.ALLMULTI, 'ALLMULTI'],
    [IFF.SLAVE, 'SLAVE'], [IFF.MASTER, 'MASTER'], [IFF.MULTICAST, 'MULTICAST'],
  ];
  const fl = names.filter(([b]) => flags & b).map(([, n]) => `${n} `).join('');
  s += `          ${fl || '[NO FLAGS] '} MTU:${d.mtu}  Metric:1\n`;
  const t = d.stats;
  s += `          RX packets:${t.rxPackets} errors:${t.rxErrors} dropped:${t.rxDropped} overruns:0 frame:0\n`;
  s += `          TX packets:${t.txPackets} errors:${t.txErrors} dropped:${t.txDropped} overruns:0 carrier:${t.txCarrier}\n`;
  s += `          collisions:${t.collisions} txqueuelen:${d.txqlen} \n`;
  s += `          RX bytes:${bytesScaled(t.rxBytes)}  TX bytes:${bytesScaled(t.txBytes)}\n\n`;
  return s;
}

/**
 * BusyBox ifconfig, display only (`ifconfig`, `ifconfig -a`, `ifconfig IFACE`):
 * the old net-tools layout busybox keeps, interfaces in name order.
 * Changing an interface with it is not simulated.
 */
function bbIfconfig(p: Process): number {
  const args = p.argv.slice(1);
  const all = args[0] === '-a';
  const rest = all ? args.slice(1) : args;
  if (rest.length > 1) {
    p.stderr.write('ifconfig: setting interfaces with BusyBox ifconfig is not simulated\n');
    return 1;
  }
  const ns = nsOf(p);
  if (rest.length === 1) {
    const d = ns.linkGet(rest[0]);
    if (!d) {
      p.stderr.write(`ifconfig: ${rest[0]}: error fetching interface information: Device not found\n`);
      return 1;
    }
    p.stdout.write(bbIfPrint(ns, d));
    return 0;
  }
  const links = ns.linkDump().filter((d) => all || (d.flags & IFF.UP) !== 0).sort((a, b) => (a.ifname < b.ifname ? -1 : a.ifname > b.ifname ? 1 : 0));
  p.stdout.write(links.map((d) => bbIfPrint(ns, d)).join(''));
  return 0;
}

register({ name: 'busybox-ifconfig', summary: 'BusyBox ifconfig (the busybox and alpine images\' ifconfig)', hidden: true, run: bbIfconfig });
register({ name: 'busybox-ping', summary: 'BusyBox ping (the busybox and alpine images\' ping)', hidden: true, run: bbPing });
register({ name: 'busybox-wget', summary: 'BusyBox wget (the busybox and alpine images\' wget)', hidden: true, run: bbWget });
register({
  name: 'busybox',
  summary: 'BusyBox multi-call binary (in the busybox and alpine images)',
  hidden: true,
  async run(p) {
    const applet = p.argv[1];
    if (!applet || applet === '--help') {
      p.stdout.write(`${BB_VERSION}\nBusyBox is copyrighted by many authors between 1998-2015.\nLicensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\nUsage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n   or: busybox --show SCRIPT\n   or: busybox --install [-s] [DIR]\n   or: function [arguments]...\n`);
      return 0;
    }
    const impl = p.programs?.get(applet);
    if (!impl || impl === 'busybox' || !lookupCommand(impl)) {
      p.stderr.write(`${applet}: applet not found\n`);
      return 127;
    }
    return p.exec(p, p.argv.slice(1));
  },
});
