// ss (iproute2 6.1.0): TCP and UDP sockets of the namespace, with ss's
// column layout (address right-aligned, port left-aligned, widths from the
// content), state filters and the -p process column.

import { fmtIp4 } from '../../kernel/addr.ts';
import type { Process } from '../../kernel/proc.ts';
import type { TcpSocket, TcpState } from '../../kernel/socket/tcp.ts';
import type { UdpSocket } from '../../kernel/socket/udp.ts';
import { socketsOf } from '../../kernel/socket/socket.ts';
import { refuseNotSimulated, register } from '../registry.ts';
import { kernelOf, nsOf } from '../lib/sys.ts';
import type { NetNs } from '../../kernel/netns.ts';
import { serviceName } from './iptables/services.ts';

const SS_STATE: Record<TcpState, string> = { CLOSED: 'UNCONN', LISTEN: 'LISTEN', SYN_SENT: 'SYN-SENT', SYN_RECV: 'SYN-RECV', ESTABLISHED: 'ESTAB', FIN_WAIT1: 'FIN-WAIT-1', FIN_WAIT2: 'FIN-WAIT-2', CLOSE_WAIT: 'CLOSE-WAIT', LAST_ACK: 'LAST-ACK', CLOSING: 'CLOSING', TIME_WAIT: 'TIME-WAIT' };
const STATE_ARG: Record<string, string[]> = {
  established: ['ESTAB'],
  'syn-sent': ['SYN-SENT'],
  'syn-recv': ['SYN-RECV'],
  'fin-wait-1': ['FIN-WAIT-1'],
  'fin-wait-2': ['FIN-WAIT-2'],
  'time-wait': ['TIME-WAIT'],
  closed: ['UNCONN'],
  'close-wait': ['CLOSE-WAIT'],
  'last-ack': ['LAST-ACK'],
  listening: ['LISTEN', 'UNCONN'],
  closing: ['CLOSING'],
  all: [],
  connected: ['ESTAB', 'SYN-SENT', 'SYN-RECV', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'LAST-ACK', 'CLOSING'],
};

interface Row {
  netid: string;
  state: string;
  recvQ: string;
  sendQ: string;
  laddr: string;
  lport: string;
  raddr: string;
  rport: string;
  proc: string;
}

async function ss(p: Process): Promise<number> {
  let tcp = false, udp = false, listening = false, all = false, numeric = false, procs = false;
  let netns: NetNs | undefined;
  const states: string[] = [];
  let stateArgs = 0;
  let singleState = true;
  const portFilters: { which: 'sport' | 'dport'; op: '=' | '!='; port: number }[] = [];
  const args = p.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'sport' || a === 'dport' || a === 'src' || a === 'dst') {
      // A small part of ss's filter language: `sport = :PORT`, `dport != :PORT`.
      const op = args[i + 1];
      const v = args[i + 2] ?? '';
      const m = /^:?(\d+)$/.exec(v);
      if ((a === 'sport' || a === 'dport') && m && ['=', '==', 'eq', '!=', 'ne'].includes(op ?? '')) {
        portFilters.push({ which: a, op: op === '!=' || op === 'ne' ? '!=' : '=', port: Number(m[1]) });
        i += 2;
        continue;
      }
      p.stderr.write(`ss: bad filter expression near "${a}"\n`);
      return 255;
    }
    if (a === 'state' || a === 'exclude') {
      const s = args[++i];
      if (!s || !Object.hasOwn(STATE_ARG, s)) {
        p.stderr.write(`ss: wrong state name: ${s ?? ''}\n`);
        return 255;
      }
      states.push(...(STATE_ARG[s].length ? STATE_ARG[s] : Object.values(SS_STATE)));
      stateArgs++;
      if (s === 'all' || s === 'connected' || s === 'synchronized' || s === 'bucket' || s === 'big') singleState = false;
      continue;
    }
    if (a.startsWith('--')) {
      if (a.startsWith('--net=')) {
        args[i] = '-N' + a.slice(6);
        i--;
        continue;
      }
      const m: Record<string, string> = { '--tcp': 't', '--udp': 'u', '--listening': 'l', '--all': 'a', '--numeric': 'n', '--processes': 'p', '--ipv4': '4' };
      if (!m[a]) {
        p.stderr.write(`ss: unrecognized option '${a}'\n`);
        return 255;
      }
      args[i] = '-' + m[a];
    }
    const b = args[i];
    if (!b.startsWith('-')) {
      p.stderr.write(`ss: bad filter expression near "${b}"\n`);
      return 255;
    }
    const cluster = b.slice(1);
    for (let ci = 0; ci < cluster.length; ci++) {
      const ch = cluster[ci];
      if (ch === 'N') {
        // -N NSNAME (--net=NSNAME): look at another named namespace (iproute2 netns_switch).
        const name = ci + 1 < cluster.length ? cluster.slice(ci + 1) : args[++i];
        const target = name === undefined ? undefined : kernelOf(p).openNetns(name);
        if (name === undefined) {
          p.stderr.write("ss: option requires an argument -- 'N'\n");
          return 255;
        }
        if (!target) {
          p.stderr.write(`Cannot open network namespace "${name}": No such file or directory\n`);
          return 1;
        }
        netns = target;
        break;
      }
      if (ch === 't') tcp = true;
      else if (ch === 'u') udp = true;
      else if (ch === 'l') listening = true;
      else if (ch === 'a') all = true;
      else if (ch === 'n') numeric = true;
      else if (ch === 'p') procs = true;
      else if (ch === '4') continue;
      else if ('eimroHOx'.includes(ch)) return refuseNotSimulated(p, 'ss', `-${ch}`);
      else {
        p.stderr.write(`ss: invalid option -- '${ch}'\n`);
        return 255;
      }
    }
  }
  if (!tcp && !udp) tcp = udp = true;
  const ns = netns ?? nsOf(p);
  const rows: Row[] = [];
  const port = (n: number, proto: string): string => (n === 0 ? '*' : numeric ? String(n) : serviceName(n, proto) ?? String(n));
  const procText = (o?: { pid: number; comm: string; fd: number }): string => (procs && o ? `users:(("${o.comm}",pid=${o.pid},fd=${o.fd}))` : '');
  const portsOk = (l: number, r: number): boolean => portFilters.every((f) => ((f.which === 'sport' ? l : r) === f.port) === (f.op === '='));
  const want = (state: string): boolean => {
    if (states.length) return states.includes(state);
    if (all) return true;
    if (listening) return state === 'LISTEN' || state === 'UNCONN';
    return state !== 'LISTEN' && state !== 'UNCONN';
  };
  if (udp)
    for (const s of socketsOf<UdpSocket>(ns, 'udp')) {
      const st = s.rport ? 'ESTAB' : 'UNCONN';
      if (!want(st) || !portsOk(s.lport, s.rport)) continue;
      rows.push({ netid: 'udp', state: st, recvQ: String(s.queue.reduce((n, d) => n + d.data.length, 0)), sendQ: '0', laddr: fmtIp4(s.laddr), lport: port(s.lport, 'udp'), raddr: fmtIp4(s.raddr), rport: port(s.rport, 'udp'), proc: procText(s.owner) });
    }
  if (tcp)
    for (const s of socketsOf<TcpSocket>(ns, 'tcp')) {
      const st = SS_STATE[s.state];
      if (!want(st) || (s.state === 'CLOSED' && !s.bound) || !portsOk(s.lport, s.rport)) continue;
      rows.push({ netid: 'tcp', state: st, recvQ: String(s.state === 'LISTEN' ? s.acceptQueue.length : new TextEncoder().encode(s.rcvBuf).length), sendQ: String(s.state === 'LISTEN' ? s.backlog : s.unacked), laddr: fmtIp4(s.laddr), lport: port(s.lport, 'tcp'), raddr: fmtIp4(s.raddr), rport: port(s.rport, 'tcp'), proc: procText(s.owner) });
    }
  const showNetid = tcp && udp;
  const showState = !(stateArgs === 1 && singleState);
  const w = (h: string, vals: string[]): number => Math.max(h.length, ...vals.map((v) => v.length));
  const cols = {
    netid: w('Netid', rows.map((r) => r.netid)),
    state: w('State', rows.map((r) => r.state)),
    recvQ: w('Recv-Q', rows.map((r) => r.recvQ)),
    sendQ: w('Send-Q', rows.map((r) => r.sendQ)),
    laddr: w('Local Address', rows.map((r) => r.laddr)),
    lport: w('Port', rows.map((r) => r.lport)),
    raddr: w('Peer Address', rows.map((r) => r.raddr)),
    rport: w('Port', rows.map((r) => r.rport)),
    proc: w('Process', rows.map((r) => r.proc)),
  };
  const line = (r: Row): string => {
    let s = '';
    if (showNetid) s += r.netid.padEnd(cols.netid) + ' ';
    if (showState) s += r.state.padEnd(cols.state) + ' ';
    s += r.recvQ.padEnd(cols.recvQ) + ' ' + r.sendQ.padEnd(cols.sendQ) + ' ';
    s += r.laddr.padStart(cols.laddr) + ':' + r.lport.padEnd(cols.lport) + ' ';
    s += r.raddr.padStart(cols.raddr) + ':' + r.rport.padEnd(cols.rport);
    s += r.proc.padEnd(cols.proc);
    return s + '\n';
  };
  let out = headerLine(showNetid, showState, cols);
  for (const r of rows) out += line(r);
  p.stdout.write(out);
  return 0;
}

function headerLine(netid: boolean, state: boolean, c: Record<string, number>): string {
  let s = '';
  if (netid) s += 'Netid'.padEnd(c.netid) + ' ';
  if (state) s += 'State'.padEnd(c.state) + ' ';
  s += 'Recv-Q'.padEnd(c.recvQ) + ' ' + 'Send-Q'.padEnd(c.sendQ) + ' ';
  s += 'Local Address'.padStart(c.laddr) + ':' + 'Port'.padEnd(c.lport) + ' ';
  s += 'Peer Address'.padStart(c.raddr) + ':' + 'Port'.padEnd(c.rport);
  s += 'Process';
  return s + '\n';
}

register({
  name: 'ss',
  summary: 'socket statistics: listening and connected TCP/UDP sockets',
  usage: 'ss [-tulnpa] [state STATE]',
  options: [
    { flag: '-t, -u', desc: 'TCP / UDP sockets' },
    { flag: '-l', desc: 'listening sockets' },
    { flag: '-a', desc: 'all sockets' },
    { flag: '-n', desc: 'numeric ports' },
    { flag: '-p', desc: 'owning process' },
    { flag: '-4', desc: 'IPv4 sockets only (the simulated sockets are IPv4)' },
    { flag: '-e', desc: 'extended socket information', notSimulated: 'not modelled' },
    { flag: '-i', desc: 'internal TCP information', notSimulated: 'TCP internals are not modelled' },
    { flag: '-m', desc: 'socket memory usage', notSimulated: 'socket memory is not modelled' },
    { flag: '-r', desc: 'resolve host names', notSimulated: 'use -n' },
    { flag: '-o', desc: 'timer information', notSimulated: 'TCP timers are not modelled' },
    { flag: '-H', desc: 'suppress the header line', notSimulated: 'use tail -n +2' },
    { flag: '-O', desc: 'one line per socket', notSimulated: 'not modelled' },
    { flag: '-x', desc: 'UNIX domain sockets', notSimulated: 'UNIX sockets are not modelled' },
  ],
  run: ss,
});
