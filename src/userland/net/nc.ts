// nc (netcat-openbsd 1.219): connect or listen over TCP/UDP on the simulated
// stack. `-z` scans, `-v` reports on stderr with the real wording, `-w`
// bounds connects and idle time, `-l [-k]` serves, `-u` uses UDP.

import { fmtIp4, parseIp4 } from '../../kernel/addr.ts';
import { KernelError } from '../../kernel/errno.ts';
import type { Process } from '../../kernel/proc.ts';
import { TcpSocket } from '../../kernel/socket/tcp.ts';
import { UdpSocket } from '../../kernel/socket/udp.ts';
import { refuseMarkedOptions, register } from '../registry.ts';
import { getopt } from '../lib/getopt.ts';
import { resolveHost, GAI_TEXT } from '../lib/resolve.ts';
import { nsOf } from '../lib/sys.ts';
import { traceConnect } from '../lib/trace.ts';
import { serviceName, servicePort } from './iptables/services.ts';

const USAGE = 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n';

/** Pump stdin to the socket and the socket to stdout until both ends are done. */
async function relayTcp(p: Process, s: TcpSocket, idleMs: number, quitAfterEof: number | undefined, shutdownOnEof = false, detach = false): Promise<void> {
  const reader = (async () => {
    // -d: stdin is never read (so never reaches EOF either).
    if (detach) return;
    for (let i = 0; i < 1_000_000; i++) {
      const d = await p.stdin.read();
      if (d === null) break;
      try {
        s.send(d);
      } catch {
        break;
      }
    }
    // -N: shutdown(SHUT_WR) after EOF on stdin; the peer sees the end of the stream.
    if (shutdownOnEof) s.close();
    else if (quitAfterEof !== undefined) {
      await p.sleep(quitAfterEof * 1000);
      s.close();
    }
  })();
  for (let i = 0; i < 1_000_000; i++) {
    let d: string | null | 'timeout' | 'signal';
    try {
      d = await s.recv(p, idleMs);
    } catch {
      break;
    }
    if (d === null || d === 'timeout' || d === 'signal') break;
    p.stdout.write(d);
  }
  void reader;
  s.close();
}

async function nc(p: Process): Promise<number> {
  const g = getopt(p.argv.slice(1), NC_OPTSTRING);
  if (g.error) {
    p.stderr.write(`nc: ${g.error}\n${USAGE}`);
    return 1;
  }
  const refused = refuseMarkedOptions(p, 'nc', g.opts.map(([k]) => k));
  if (refused !== undefined) return refused;
  let detach = false;
  let listen = false, keep = false, zero = false, verbose = false, udp = false, numeric = false, shutdownOnEof = false;
  let wait: number | undefined;
  let quit: number | undefined;
  let lport: number | undefined;
  let saddr: number | undefined;
  for (const [k, v] of g.opts) {
    if (k === '-l') listen = true;
    else if (k === '-k') keep = true;
    else if (k === '-z') zero = true;
    else if (k === '-N') shutdownOnEof = true;
    else if (k === '-d') detach = true;
    else if (k === '-v') verbose = true;
    else if (k === '-u') udp = true;
    else if (k === '-n') numeric = true;
    else if (k === '-w') wait = Number(v);
    else if (k === '-q') quit = Number(v);
    else if (k === '-p') lport = Number(v);
    else if (k === '-s') saddr = parseIp4(v!);
    else if (k === '-h') {
      p.stderr.write(`OpenBSD netcat (Debian patchlevel 1.219-1)\n${USAGE}`);
      return 0;
    }
  }
  void numeric;
  const ns = nsOf(p);
  const protoName = udp ? 'udp' : 'tcp';
  if (listen) {
    let port = lport;
    let addr = 0;
    if (g.args.length === 1) port = Number(g.args[0]);
    else if (g.args.length >= 2) {
      addr = parseIp4(g.args[0]) ?? 0;
      port = Number(g.args[1]);
    }
    if (port === undefined || Number.isNaN(port)) {
      p.stderr.write(`nc: missing port number\n`);
      return 1;
    }
    if (udp) {
      const s = new UdpSocket(ns, p);
      try {
        s.bind(addr, port);
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
        p.stderr.write(`nc: ${e.message}\n`);
        return 1;
      }
      if (verbose) p.stderr.write(`Bound on ${fmtIp4(addr)} ${port}\n`);
      for (let i = 0; i < 1_000_000; i++) {
        let d;
        try {
          d = await s.recvfrom(p);
        } catch {
          continue;
        }
        if (d === 'signal' || d === 'timeout') break;
        // netcat connects a UDP listener to its first peer; datagrams from others are then refused.
        if (i === 0) {
          try {
            s.connect(d.from, d.port);
          } catch (e) {
            if (!(e instanceof KernelError)) throw e;
          }
        }
        p.stdout.write(d.data);
      }
      s.close();
      return 0;
    }
    const s = new TcpSocket(ns);
    try {
      s.bind(addr, port);
      s.listen(1);
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      p.stderr.write(`nc: ${e.message}\n`);
      return 1;
    }
    s.owner = { pid: p.pid, comm: 'nc', fd: 3 };
    if (verbose) p.stderr.write(`Listening on ${fmtIp4(addr)} ${port}\n`);
    for (let i = 0; i < 1_000_000; i++) {
      const c = await s.accept(p);
      if (c === 'signal' || c === 'timeout') break;
      if (verbose) p.stderr.write(`Connection received on ${fmtIp4(c.raddr)} ${c.rport}\n`);
      await relayTcp(p, c, Infinity, quit, false, detach);
      if (!keep || p.interrupted) break;
    }
    s.close();
    return p.interrupted ? 130 : 0;
  }
  const [host, portArg] = g.args;
  if (host === undefined) {
    p.stderr.write(USAGE);
    return 1;
  }
  if (portArg === undefined) {
    p.stderr.write('nc: missing port number\n');
    return 1;
  }
  let addr = parseIp4(host);
  if (addr === undefined) {
    const r = await resolveHost(p, host, 4);
    if (typeof r === 'string' || !r.length) {
      p.stderr.write(`nc: getaddrinfo for host "${host}" port ${portArg}: ${typeof r === 'string' ? GAI_TEXT[r] : 'Name or service not known'}\n`);
      return 1;
    }
    addr = parseIp4(r[0].addr)!;
  }
  const ports: number[] = [];
  const named = /^\d/.test(portArg) ? undefined : servicePort(portArg, protoName);
  const m = named !== undefined ? ([portArg, String(named), undefined] as const) : /^(\d+)(?:-(\d+))?$/.exec(portArg);
  if (!m) {
    p.stderr.write(`nc: port number invalid: ${portArg}\n`);
    return 1;
  }
  for (let x = Number(m[1]); x <= Number(m[2] ?? m[1]) && ports.length < 65536; x++) ports.push(x);
  let status = 1;
  for (const port of ports) {
    const svc = serviceName(port, protoName) ?? '*';
    if (udp) {
      const s = new UdpSocket(ns, p);
      try {
        if (saddr !== undefined || lport !== undefined) s.bind(saddr ?? 0, lport ?? 0);
        s.connect(addr, port);
        if (zero) {
          // udptest(): four one-byte writes; an ICMP port unreachable makes a later write fail (silently).
          let refused = false;
          for (let i = 0; i < 4; i++) {
            try {
              s.sendto('X');
            } catch (e) {
              if (!(e instanceof KernelError)) throw e;
              refused = true;
              break;
            }
            await p.sleep(1);
          }
          if (refused) {
            s.close();
            continue;
          }
        }
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
        // remote_connect warns only with -v.
        if (verbose) p.stderr.write(`nc: connect to ${host} port ${port} (udp) failed: ${e.message}\n`);
        s.close();
        continue;
      }
      if (verbose) p.stderr.write(`Connection to ${host} ${port} port [udp/${svc}] succeeded!\n`);
      status = 0;
      if (!zero) {
        for (let i = 0; i < 1_000_000 && !detach; i++) {
          const d = await p.stdin.read();
          if (d === null) break;
          try {
            s.sendto(d);
          } catch {
            break;
          }
        }
        for (let i = 0; i < 1_000_000; i++) {
          let d;
          try {
            d = await s.recvfrom(p, wait !== undefined ? wait * 1000 : Infinity);
          } catch {
            break;
          }
          if (d === 'timeout' || d === 'signal') break;
          p.stdout.write(d.data);
        }
      }
      s.close();
      continue;
    }
    const s = new TcpSocket(ns);
    const traceFail = traceConnect(p, s);
    try {
      if (saddr !== undefined || lport !== undefined) s.bind(saddr ?? 0, lport ?? 0);
      const r = await s.connect(p, addr, port, wait !== undefined ? wait * 1000 : Infinity);
      if (r === 'signal') return 130;
      if (r === 'timeout') {
        // remote_connect warns only with -v.
        if (verbose) p.stderr.write(`nc: connect to ${host} port ${port} (tcp) timed out: Operation now in progress\n`);
        continue;
      }
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      // remote_connect warns only with -v.
      if (verbose) p.stderr.write(`nc: connect to ${host} port ${port} (tcp) failed: ${e.message}\n`);
      traceFail(fmtIp4(addr), port, e.message);
      continue;
    }
    status = 0;
    if (verbose) p.stderr.write(`Connection to ${host} ${port} port [tcp/${svc}] succeeded!\n`);
    if (zero) {
      s.close();
      continue;
    }
    await relayTcp(p, s, wait !== undefined ? wait * 1000 : Infinity, quit, shutdownOnEof, detach);
  }
  return status;
}

const NC_OPTSTRING = '46CDdFhklNnrStUuvZzI:i:M:m:O:P:p:q:s:T:V:W:w:X:x:';
const NCX = (flag: string, desc: string, why: string, arg?: string) => ({ flag, desc, notSimulated: why, probe: '-z 127.0.0.1 1', ...(arg ? { arg } : {}) });
register({
  name: 'nc',
  summary: 'arbitrary TCP and UDP connections and listens (netcat-openbsd)',
  usage: 'nc [-uvz] [-w secs] HOST PORT | nc -l [-k] [-p] PORT',
  optstring: NC_OPTSTRING,
  options: [
    { flag: '-l', desc: 'listen for a connection' },
    { flag: '-k', desc: 'keep listening after a client leaves' },
    { flag: '-z', desc: 'only scan: connect and close' },
    { flag: '-v', desc: 'report connections on stderr' },
    { flag: '-u', desc: 'use UDP' },
    { flag: '-w', arg: 'SECS', desc: 'connect and idle timeout' },
    { flag: '-q', arg: 'SECS', desc: 'quit SECS after EOF on stdin' },
    { flag: '-N', desc: 'shutdown the network socket after EOF on stdin' },
    { flag: '-d', desc: 'do not read from stdin' },
    { flag: '-p', arg: 'PORT', desc: 'local port' },
    { flag: '-s', arg: 'ADDR', desc: 'local source address' },
    { flag: '-n', desc: 'numeric addresses only' },
    { flag: '-4', desc: 'IPv4 only (the only family nc uses here)' },
    { flag: '-h', desc: 'print the usage' },
    NCX('-6', 'IPv6 only', 'nc speaks IPv4 only in the simulation'),
    NCX('-C', 'send CRLF as line-ending', 'not modelled'),
    NCX('-D', 'enable socket debugging', 'not modelled'),
    NCX('-F', 'pass socket fd', 'not modelled'),
    NCX('-r', 'randomize remote ports', 'not modelled'),
    NCX('-S', 'enable TCP MD5 signature option', 'not modelled'),
    NCX('-t', 'answer TELNET negotiation', 'not modelled'),
    NCX('-U', 'use UNIX domain socket', 'UNIX sockets are not modelled'),
    NCX('-Z', 'DCCP mode', 'DCCP is not modelled'),
    NCX('-I', 'TCP receive buffer length', 'socket buffers are not modelled', 'length'),
    NCX('-i', 'delay interval between lines', 'not modelled', 'interval'),
    NCX('-M', 'outgoing TTL', 'not modelled', 'ttl'),
    NCX('-m', 'minimum incoming TTL', 'not modelled', 'minttl'),
    NCX('-O', 'TCP send buffer length', 'socket buffers are not modelled', 'length'),
    NCX('-P', 'proxy username', 'proxies are not modelled', 'proxy_username'),
    NCX('-T', 'TOS value', 'TOS/DSCP is not modelled', 'keyword'),
    NCX('-V', 'routing table (rtable)', 'not modelled', 'rtable'),
    NCX('-W', 'terminate after receiving recvlimit packets', 'not modelled', 'recvlimit'),
    NCX('-X', 'proxy protocol', 'proxies are not modelled', 'proxy_protocol'),
    NCX('-x', 'proxy address', 'proxies are not modelled', 'proxy_address[:port]'),
  ],
  run: nc,
});
register({ name: 'netcat', summary: 'alias of nc', hidden: true, run: nc });
