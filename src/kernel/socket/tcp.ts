// A small TCP: three-way handshake, in-order data with immediate ACKs, FIN
// and RST, SYN retransmission (1 s doubling, tcp_syn_retries), refused ports
// answered with RST, and ICMP errors failing a connect. No congestion
// control, no data retransmission (links do not lose frames), no TIME_WAIT.
//
//   CLOSED ─connect→ SYN_SENT ─SYN/ACK→ ESTABLISHED ─close→ FIN_WAIT1 → FIN_WAIT2 → CLOSED
//   LISTEN ─SYN→ SYN_RECV ─ACK→ ESTABLISHED (accept queue) ─FIN→ CLOSE_WAIT ─close→ LAST_ACK → CLOSED

import { type Ip4, fmtIp4 } from '../addr.ts';
import { type Errno, KernelError, fail } from '../errno.ts';
import type { NetNs } from '../netns.ts';
import { type IcmpMessage, type Ipv4Packet, type TcpFlags, type TcpOption, type TcpSegment, type Trace, utf8Len } from '../packet.ts';
import type { Process } from '../proc.ts';
import type { L4Handler, Skb } from '../stack.ts';
import { type InetSock, type SockOwner, WaitQueue, ephemeralPort, icmpErrno, linkSocket, portFree, registerTcp, setOwner, socketsOf, unlinkSocket } from './socket.ts';

export { icmpErrno };

/** TCP states as ss prints them. */
export type TcpState = 'CLOSED' | 'LISTEN' | 'SYN_SENT' | 'SYN_RECV' | 'ESTABLISHED' | 'FIN_WAIT1' | 'FIN_WAIT2' | 'CLOSE_WAIT' | 'LAST_ACK' | 'CLOSING' | 'TIME_WAIT';

/** Maximum segment size on a 1500-byte Ethernet link. */
export const TCP_MSS = 1460;
/** Initial retransmission timeout of a SYN (ms). */
export const TCP_SYN_RTO = 1000;
/** Window scale shift Linux 6.x offers with its default tcp_rmem (recorded: fidelity/scenarios/165-tcp-options.sh). */
const WSCALE = 10;
/** Bytes of the timestamp option with its two NOPs, carried by every segment after the SYN. */
const TS_OPT_LEN = 12;

/** ipv4_default_advmss: the MSS a route's device allows (MTU minus IP and TCP headers, at most 65495). */
export function advMss(mtu: number): number {
  return Math.min(Math.max(mtu - 40, 256), 65535 - 40);
}

/** A per-connection timestamp offset (Linux hashes the addresses with a secret; we mix the seeded ISN, drawing nothing more from the RNG). */
function tsOffsetOf(isn: number): number {
  return Math.imul((isn ^ 0x9e3779b9) >>> 0, 2246822519) >>> 0;
}

/**
 * tcp_select_initial_window with 64 KiB of initial space: the largest
 * multiple of the segment size that fits in 65535 (64240 for MSS 1460 on a
 * SYN, 65160 on a SYN-ACK whose segments carry timestamps).
 */
function initialWindow(mss: number): number {
  return mss >= 65535 ? 65535 : Math.floor(65535 / mss) * mss;
}

/** A TCP socket (struct tcp_sock). */
export class TcpSocket implements InetSock {
  readonly proto = 'tcp' as const;
  readonly ns: NetNs;
  laddr: Ip4 = 0;
  lport = 0;
  raddr: Ip4 = 0;
  rport = 0;
  owner?: SockOwner;
  state: TcpState = 'CLOSED';
  /** bind() was called explicitly. */
  bound = false;
  backlog = 0;
  /** Established children waiting for accept(). */
  readonly acceptQueue: TcpSocket[] = [];
  /** Children in SYN_RECV. */
  readonly synQueue: TcpSocket[] = [];
  parent?: TcpSocket;
  /** Received bytes not yet read. */
  rcvBuf = '';
  /** Peer closed its side (FIN received). */
  eof = false;
  /** Pending error (sk_err). */
  error?: Errno;
  sndNxt = 0;
  sndUna = 0;
  rcvNxt = 0;
  /** Bytes sent and not yet acknowledged (Send-Q). */
  unacked = 0;
  readonly wq = new WaitQueue();
  private synTimer?: import('../clock.ts').Timer;
  /** Segment payload limit in bytes once a path MTU below 1500 was learned (tcp_sync_mss). */
  private pmtuMss?: number;
  /** The MSS we announce (from the route's device MTU) and the one the peer announced. */
  advMss = TCP_MSS;
  peerMss = TCP_MSS;
  /** Receive window announced on our SYN or SYN-ACK; later segments announce it scaled by 2^WSCALE. */
  private rcvWnd = 0;
  /** Timestamps in use (net.ipv4.tcp_timestamps on here, and the peer's SYN or SYN-ACK carried one). */
  tsOk = true;
  /** Per-connection offset of our timestamps (tsoffset) and the last TS val the peer sent (ts_recent). */
  tsOffset = 0;
  tsRecent = 0;
  /** Data segments sent and not yet acknowledged (what a retransmission resends). */
  private inflight: { seq: number; len: number; data: string }[] = [];
  private synTries = 0;
  /** Trace of the first SYN (curl and nc set it for the packet-path view). */
  synTrace?: Trace;

  constructor(ns: NetNs) {
    this.ns = ns;
  }

  private get kernel() {
    return this.ns.kernel;
  }

  /** bind(2). */
  bind(addr: Ip4, port: number): void {
    if (this.lport) fail('EINVAL');
    // inet_bind: any address of a local route binds (127.0.0.11 via `local 127.0.0.0/8 dev lo`).
    if (addr !== 0 && !this.ns.isLocalAddr(addr) && !(addr >>> 24 === 127 && this.ns.isLocalAddr(0x7f000001)) && this.ns.ipv4.ip_nonlocal_bind !== '1') fail('EADDRNOTAVAIL');
    if (port === 0) port = ephemeralPort(this.ns, 'tcp', (x) => !portFree(this.ns, 'tcp', addr, x, this));
    else if (!portFree(this.ns, 'tcp', addr, port, this)) fail('EADDRINUSE');
    this.laddr = addr;
    this.lport = port;
    this.bound = true;
    linkSocket(this);
  }

  /** listen(2). */
  listen(backlog: number): void {
    if (!this.lport) this.bind(0, 0);
    this.state = 'LISTEN';
    this.backlog = Math.max(0, Math.min(backlog, Number(this.ns.other['net.core.somaxconn']) || 4096));
  }

  /** accept(2): wait for an established connection. */
  async accept(p: Process, timeoutMs = Infinity): Promise<TcpSocket | 'signal' | 'timeout'> {
    for (let i = 0; i < 1_000_000; i++) {
      const c = this.acceptQueue.shift();
      if (c) {
        c.parent = undefined;
        setOwner(c, p);
        return c;
      }
      if (this.state !== 'LISTEN') fail('EINVAL');
      const why = await p.wait((w) => this.wq.add(w), timeoutMs);
      if (why !== 'woken') return why;
    }
    return 'timeout';
  }

  /**
   * connect(2): route, pick a source port, send SYN and wait for the
   * handshake. Throws KernelError (ENETUNREACH, ECONNREFUSED, ETIMEDOUT,
   * EHOSTUNREACH); resolves 'timeout' / 'signal' when the caller gave up.
   */
  async connect(p: Process | undefined, daddr: Ip4, dport: number, timeoutMs = Infinity): Promise<'ok' | 'timeout' | 'signal'> {
    if (this.state !== 'CLOSED') fail('EISCONN');
    const rt = this.kernel.stack.routeOutput(this.ns, daddr, { saddr: this.laddr || undefined });
    if (!this.laddr) this.laddr = rt.src;
    this.advMss = advMss(rt.route.mtu ?? rt.dev.mtu);
    if (!this.lport) {
      this.lport = ephemeralPort(this.ns, 'tcp', (port) => socketsOf<TcpSocket>(this.ns, 'tcp').some((s) => s.lport === port && (s.state === 'LISTEN' || (s.raddr === daddr && s.rport === dport) || s.bound)));
    }
    this.raddr = daddr;
    this.rport = dport;
    if (p && !this.owner) setOwner(this, p);
    linkSocket(this);
    this.sndNxt = this.kernel.rng.u32();
    this.sndUna = this.sndNxt;
    this.useTimestamps(true);
    this.state = 'SYN_SENT';
    this.sendSyn();
    if (!p) return 'ok';
    for (let i = 0; i < 1_000_000; i++) {
      const st = this.state as TcpState;
      if (st === 'ESTABLISHED' || st === 'CLOSE_WAIT') return 'ok';
      if (this.error) {
        const e = this.error;
        this.error = undefined;
        this.destroy();
        throw new KernelError(e);
      }
      if (st === 'CLOSED') fail('ECONNREFUSED');
      const why = await p.wait((w) => this.wq.add(w), timeoutMs);
      if (why !== 'woken') {
        this.abort();
        return why;
      }
    }
    return 'timeout';
  }

  private sendSyn(): void {
    this.synTries++;
    this.xmit({ syn: true }, this.sndUna, '');
    this.sndNxt = (this.sndUna + 1) >>> 0;
    const retries = Number(this.ns.ipv4.tcp_syn_retries) || 6;
    this.synTimer = this.kernel.clock.setTimer(TCP_SYN_RTO * 2 ** (this.synTries - 1), () => {
      if (this.state !== 'SYN_SENT') return;
      if (this.synTries > retries) {
        this.error = 'ETIMEDOUT';
        this.state = 'CLOSED';
        this.wq.wake();
        return;
      }
      this.sendSyn();
    });
  }

  /** send(2): queue data; segments go out at once (no congestion control). */
  send(data: string): void {
    if (this.error) {
      const e = this.error;
      this.error = undefined;
      throw new KernelError(e);
    }
    if (this.state !== 'ESTABLISHED' && this.state !== 'CLOSE_WAIT') fail('ENOTCONN');
    if (this.pmtuMss !== undefined) {
      const chunks = splitBytes(data, this.pmtuMss);
      for (const [i, chunk] of chunks.entries()) {
        this.xmit({ ack: true, psh: i === chunks.length - 1 }, this.sndNxt, chunk);
        const n = utf8Len(chunk);
        this.inflight.push({ seq: this.sndNxt, len: n, data: chunk });
        this.sndNxt = (this.sndNxt + n) >>> 0;
        this.unacked += n;
      }
      return;
    }
    // Segments carry the MSS minus the 12-byte timestamp option: 1448 bytes, a 1500-byte packet.
    const seg = Math.min(this.advMss, this.peerMss) - (this.tsOk ? TS_OPT_LEN : 0);
    for (let off = 0, i = 0; off < data.length && i < 1_000_000; off += seg, i++) {
      const chunk = data.slice(off, off + seg);
      const last = off + seg >= data.length;
      this.xmit({ ack: true, psh: last }, this.sndNxt, chunk);
      const n = utf8Len(chunk);
      this.inflight.push({ seq: this.sndNxt, len: n, data: chunk });
      this.sndNxt = (this.sndNxt + n) >>> 0;
      this.unacked += n;
    }
  }

  /** recv(2): data, '' never; null at end of stream. Throws ECONNRESET. */
  async recv(p: Process, timeoutMs = Infinity): Promise<string | null | 'timeout' | 'signal'> {
    for (let i = 0; i < 1_000_000; i++) {
      if (this.rcvBuf) {
        const d = this.rcvBuf;
        this.rcvBuf = '';
        return d;
      }
      if (this.error) {
        const e = this.error;
        this.error = undefined;
        throw new KernelError(e);
      }
      if (this.eof || this.state === 'CLOSED') return null;
      const why = await p.wait((w) => this.wq.add(w), timeoutMs);
      if (why !== 'woken') return why;
    }
    return null;
  }

  /** shutdown(SHUT_WR) / close(2): send FIN (or just forget a listener). */
  close(): void {
    switch (this.state) {
      case 'LISTEN':
        for (const c of [...this.acceptQueue, ...this.synQueue]) c.abort();
        this.destroy();
        return;
      case 'SYN_SENT':
      case 'CLOSED':
        this.destroy();
        return;
      case 'SYN_RECV':
      case 'ESTABLISHED':
        this.state = 'FIN_WAIT1';
        this.sendFin();
        return;
      case 'CLOSE_WAIT':
        this.state = 'LAST_ACK';
        this.sendFin();
        return;
      default:
        return;
    }
  }

  /** Drop the connection with a RST (SO_LINGER 0, or an aborted connect). */
  abort(): void {
    if (this.state !== 'CLOSED' && this.state !== 'LISTEN' && this.state !== 'SYN_SENT' && this.raddr) this.xmit({ rst: true, ack: true }, this.sndNxt, '');
    this.destroy();
  }

  private sendFin(): void {
    this.xmit({ fin: true, ack: true }, this.sndNxt, '');
    this.sndNxt = (this.sndNxt + 1) >>> 0;
  }

  /** Forget the socket. */
  destroy(): void {
    this.kernel.clock.cancel(this.synTimer);
    this.state = 'CLOSED';
    unlinkSocket(this);
    if (this.parent) {
      const q = this.parent.synQueue;
      const i = q.indexOf(this);
      if (i >= 0) q.splice(i, 1);
    }
    this.wq.wake();
  }

  /** The options Linux puts on a segment: MSS, SACK-permitted, timestamps and window scale on SYNs; timestamps after. */
  private options(flags: TcpFlags): TcpOption[] | undefined {
    if (flags.rst) return undefined;
    const ts: TcpOption = { kind: 'ts', val: (this.tsOffset + Math.floor(this.kernel.clock.now)) >>> 0, ecr: flags.ack ? this.tsRecent : 0 };
    const nop: TcpOption = { kind: 'nop' };
    if (flags.syn) {
      const mss: TcpOption = { kind: 'mss', mss: this.advMss };
      const wscale: TcpOption = { kind: 'wscale', shift: WSCALE };
      return this.tsOk ? [mss, { kind: 'sackOK' }, ts, nop, wscale] : [mss, nop, nop, { kind: 'sackOK' }, nop, wscale];
    }
    return this.tsOk ? [nop, nop, ts] : undefined;
  }

  /**
   * Decide on timestamps for this connection: net.ipv4.tcp_timestamps non-zero
   * here and (on a reply) offered by the peer; 1 adds a per-connection offset.
   */
  useTimestamps(peerOffered: boolean): void {
    const sysctl = this.ns.ipv4.tcp_timestamps ?? '1';
    this.tsOk = sysctl !== '0' && peerOffered;
    this.tsOffset = sysctl === '1' ? tsOffsetOf(this.sndUna) : 0;
  }

  /** The window field: unscaled on SYNs (a multiple of the MSS), scaled by 2^WSCALE (rounded up) after. */
  private window(flags: TcpFlags): number {
    if (flags.rst) return 0;
    if (flags.syn) {
      this.rcvWnd = initialWindow(flags.ack && this.tsOk ? this.advMss - TS_OPT_LEN : this.advMss);
      return this.rcvWnd;
    }
    return Math.ceil(this.rcvWnd / 2 ** WSCALE);
  }

  /** Send one segment of this connection. */
  xmit(flags: TcpFlags, seq: number, data: string): void {
    const syn = !!flags.syn;
    const seg: TcpSegment = {
      proto: 'tcp',
      sport: this.lport,
      dport: this.rport,
      seq,
      ack: flags.ack ? this.rcvNxt : 0,
      flags,
      window: this.window(flags),
      data,
      options: this.options(flags),
    };
    const pkt: Ipv4Packet = { src: this.laddr, dst: this.raddr, ttl: Number(this.ns.ipv4.ip_default_ttl) || 64, tos: 0, id: 0, df: true, payload: seg };
    try {
      this.kernel.stack.ipOutputLocal(this.ns, pkt, syn && !flags.ack && this.synTries === 1 && this.synTrace ? { trace: this.synTrace } : {});
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      if (this.state === 'SYN_SENT') {
        this.error = e.errno;
        this.wq.wake();
      }
    }
  }

  /** A segment for this socket arrived (tcp_rcv_state_process). */
  segment(seg: TcpSegment): void {
    const f = seg.flags;
    this.takeOptions(seg);
    if (f.rst) {
      if (this.state === 'SYN_SENT') {
        if (f.ack && seg.ack === this.sndNxt) {
          this.error = 'ECONNREFUSED';
          this.state = 'CLOSED';
          this.kernel.clock.cancel(this.synTimer);
          this.wq.wake();
        }
        return;
      }
      if (this.state !== 'CLOSED' && this.state !== 'LISTEN') {
        if (this.state !== 'SYN_RECV') this.error = 'ECONNRESET';
        this.destroy();
      }
      return;
    }
    switch (this.state) {
      case 'SYN_SENT':
        if (f.syn && f.ack && seg.ack === this.sndNxt) {
          this.kernel.clock.cancel(this.synTimer);
          if (!seg.options?.some((o) => o.kind === 'ts')) this.tsOk = false;
          this.rcvNxt = (seg.seq + 1) >>> 0;
          this.sndUna = seg.ack;
          this.state = 'ESTABLISHED';
          this.xmit({ ack: true }, this.sndNxt, '');
          this.wq.wake();
        }
        return;
      case 'SYN_RECV':
        if (f.ack && !f.syn && seg.ack === this.sndNxt) {
          this.state = 'ESTABLISHED';
          this.sndUna = seg.ack;
          const par = this.parent;
          if (par) {
            const i = par.synQueue.indexOf(this);
            if (i >= 0) par.synQueue.splice(i, 1);
            par.acceptQueue.push(this);
            par.wq.wake();
          }
          this.data(seg);
        }
        return;
      case 'CLOSED':
      case 'LISTEN':
        return;
      default:
        this.data(seg);
    }
  }

  /** Remember what the peer's options tell: its MSS (on a SYN) and its latest timestamp (ts_recent). */
  takeOptions(seg: TcpSegment): void {
    for (const o of seg.options ?? []) {
      if (o.kind === 'ts') this.tsRecent = o.val;
      else if (o.kind === 'mss' && seg.flags.syn) this.peerMss = o.mss;
    }
  }

  /** ACK processing, in-order data and FIN in synchronized states. */
  private data(seg: TcpSegment): void {
    const f = seg.flags;
    if (f.ack) {
      const acked = (seg.ack - this.sndUna) >>> 0;
      if (acked > 0 && acked <= ((this.sndNxt - this.sndUna) >>> 0)) {
        this.sndUna = seg.ack;
        this.unacked = Math.max(0, this.unacked - acked);
        while (this.inflight.length && ((this.sndUna - ((this.inflight[0].seq + this.inflight[0].len) >>> 0)) >>> 0) < 0x80000000) this.inflight.shift();
      }
      if (seg.ack === this.sndNxt) {
        if (this.state === 'FIN_WAIT1') this.state = 'FIN_WAIT2';
        else if (this.state === 'CLOSING') this.destroy();
        else if (this.state === 'LAST_ACK') {
          this.destroy();
          return;
        }
      }
    }
    let ackNeeded = false;
    const n = utf8Len(seg.data);
    if (n > 0) {
      if (seg.seq === this.rcvNxt && !this.eof) {
        this.rcvBuf += seg.data;
        this.rcvNxt = (this.rcvNxt + n) >>> 0;
      }
      ackNeeded = true;
    }
    if (f.fin && ((seg.seq + n) >>> 0) === this.rcvNxt) {
      this.rcvNxt = (this.rcvNxt + 1) >>> 0;
      this.eof = true;
      ackNeeded = true;
      if (this.state === 'ESTABLISHED' || this.state === 'SYN_RECV') this.state = 'CLOSE_WAIT';
      else if (this.state === 'FIN_WAIT1') this.state = 'CLOSING';
      else if (this.state === 'FIN_WAIT2') {
        this.xmit({ ack: true }, this.sndNxt, '');
        this.destroy();
        return;
      }
    }
    if (ackNeeded && this.state !== 'CLOSED') this.xmit({ ack: true }, this.sndNxt, '');
    this.wq.wake();
  }

  /** An ICMP error about one of our segments. */
  icmpError(icmp: IcmpMessage): void {
    if (icmp.type === 3 && icmp.code === 4 && icmp.mtu && icmp.quoted?.payload.proto === 'tcp') {
      // tcp_v4_mtu_reduced: a smaller MSS from now on, and the refused
      // segment goes out again in pieces that fit the path.
      const seg = icmp.quoted.payload;
      this.pmtuMss = Math.max(8, icmp.mtu - 40 - (this.tsOk ? TS_OPT_LEN : 0));
      if (seg.data && this.state !== 'CLOSED') {
        // Resend the refused segment and everything after it (the receiver
        // only takes data in order), in pieces that fit.
        const from = this.inflight.findIndex((e) => e.seq === seg.seq);
        const resend = from >= 0 ? this.inflight.splice(from) : [{ seq: seg.seq, len: utf8Len(seg.data), data: seg.data }];
        for (const e of resend) {
          let seq = e.seq;
          for (const chunk of splitBytes(e.data, this.pmtuMss)) {
            this.xmit({ ack: true, psh: false }, seq, chunk);
            const n = utf8Len(chunk);
            this.inflight.push({ seq, len: n, data: chunk });
            seq = (seq + n) >>> 0;
          }
        }
      }
      return;
    }
    const e = icmpErrno(icmp.type, icmp.code);
    if (!e) return;
    if (this.state === 'SYN_SENT' || this.state === 'SYN_RECV') {
      this.error = e;
      this.kernel.clock.cancel(this.synTimer);
      this.state = 'CLOSED';
      this.wq.wake();
    }
  }

  /** `addr:port` of the local end (for messages). */
  toString(): string {
    return `${fmtIp4(this.laddr)}:${this.lport} → ${fmtIp4(this.raddr)}:${this.rport} ${this.state}`;
  }
}

/** Reply to a segment no socket wants with RST (tcp_v4_send_reset). */
function sendReset(ns: NetNs, p: Ipv4Packet, seg: TcpSegment): void {
  if (seg.flags.rst) return;
  const n = utf8Len(seg.data) + (seg.flags.syn ? 1 : 0) + (seg.flags.fin ? 1 : 0);
  const rst: TcpSegment = seg.flags.ack
    ? { proto: 'tcp', sport: seg.dport, dport: seg.sport, seq: seg.ack, ack: 0, flags: { rst: true }, window: 0, data: '' }
    : { proto: 'tcp', sport: seg.dport, dport: seg.sport, seq: 0, ack: (seg.seq + n) >>> 0, flags: { rst: true, ack: true }, window: 0, data: '' };
  try {
    ns.kernel.stack.ipOutputLocal(ns, { src: p.dst, dst: p.src, ttl: Number(ns.ipv4.ip_default_ttl) || 64, tos: 0, id: 0, df: true, payload: rst });
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
  }
}

/** The TCP protocol handler the stack dispatches to (tcp_v4_rcv / tcp_v4_err). */
export class TcpProto implements L4Handler {
  rcv(ns: NetNs, skb: Skb): boolean {
    const p = skb.pkt;
    const seg = p.payload;
    if (seg.proto !== 'tcp') return false;
    const socks = socketsOf<TcpSocket>(ns, 'tcp');
    const est = socks.find((s) => s.state !== 'LISTEN' && s.state !== 'CLOSED' && s.lport === seg.dport && s.rport === seg.sport && s.raddr === p.src && (s.laddr === p.dst || s.laddr === 0));
    if (est) {
      est.segment(seg);
      return true;
    }
    const lis = socks.find((s) => s.state === 'LISTEN' && s.lport === seg.dport && s.laddr === p.dst) ?? socks.find((s) => s.state === 'LISTEN' && s.lport === seg.dport && s.laddr === 0);
    if (lis && seg.flags.syn && !seg.flags.ack && !seg.flags.rst) {
      if (lis.acceptQueue.length > lis.backlog) return true;
      const c = new TcpSocket(ns);
      c.laddr = p.dst;
      c.lport = seg.dport;
      c.raddr = p.src;
      c.rport = seg.sport;
      c.parent = lis;
      c.owner = lis.owner;
      c.state = 'SYN_RECV';
      c.rcvNxt = (seg.seq + 1) >>> 0;
      c.takeOptions(seg);
      try {
        const rt = ns.kernel.stack.routeOutput(ns, p.src, { saddr: p.dst });
        c.advMss = advMss(rt.route.mtu ?? rt.dev.mtu);
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
      }
      c.sndUna = ns.kernel.rng.u32();
      c.useTimestamps(!!seg.options?.some((o) => o.kind === 'ts'));
      c.sndNxt = c.sndUna;
      lis.synQueue.push(c);
      linkSocket(c);
      c.xmit({ syn: true, ack: true }, c.sndUna, '');
      c.sndNxt = (c.sndUna + 1) >>> 0;
      return true;
    }
    if (lis && seg.flags.rst) return true;
    sendReset(ns, p, seg);
    return true;
  }

  err(ns: NetNs, skb: Skb, icmp: IcmpMessage): void {
    const q = icmp.quoted;
    if (!q || q.payload.proto !== 'tcp') return;
    const seg = q.payload;
    const s = socketsOf<TcpSocket>(ns, 'tcp').find((x) => x.lport === seg.sport && x.rport === seg.dport && x.raddr === q.dst && x.laddr === q.src);
    s?.icmpError(icmp);
    void skb;
  }
}

/** Split text into pieces of at most `max` UTF-8 bytes (never inside a character). */
function splitBytes(data: string, max: number): string[] {
  const out: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    const w = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : 3;
    if (bytes + w > max && i > start) {
      out.push(data.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += w;
    if (w === 4) i++;
  }
  if (start < data.length) out.push(data.slice(start));
  return out;
}

// Every kernel's TCP from now on (socket/install.ts does not import this module:
// the browser worker loads it with the first program that opens a TCP socket).
registerTcp(new TcpProto());
