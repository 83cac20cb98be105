// UDP sockets: bind, connect, sendto, recvfrom on the simulated stack.
// Datagrams nobody is bound to make the stack answer ICMP port unreachable;
// an ICMP error about a connected socket's datagram becomes its pending
// error (ECONNREFUSED for port unreachable), as on Linux.

import { type Ip4 } from '../addr.ts';
import { type Errno, KernelError, fail } from '../errno.ts';
import type { NetNs } from '../netns.ts';
import type { IcmpMessage, Ipv4Packet } from '../packet.ts';
import type { Process } from '../proc.ts';
import type { L4Handler, Skb } from '../stack.ts';
import { type InetSock, type SockOwner, WaitQueue, ephemeralPort, icmpErrno, linkSocket, portFree, setOwner, socketsOf, unlinkSocket } from './socket.ts';

/** One received datagram. */
export interface Datagram {
  from: Ip4;
  port: number;
  /** The local address it was sent to. */
  to: Ip4;
  data: string;
}

/** Datagrams kept per socket before new ones are dropped (rcvbuf). */
export const UDP_QUEUE_MAX = 256;

/** A UDP socket. */
export class UdpSocket implements InetSock {
  readonly proto = 'udp' as const;
  readonly ns: NetNs;
  laddr: Ip4 = 0;
  lport = 0;
  raddr: Ip4 = 0;
  rport = 0;
  owner?: SockOwner;
  readonly queue: Datagram[] = [];
  error?: Errno;
  readonly wq = new WaitQueue();

  constructor(ns: NetNs, p?: Process) {
    this.ns = ns;
    setOwner(this, p);
  }

  /** bind(2). */
  bind(addr: Ip4, port: number): void {
    if (this.lport) fail('EINVAL');
    // inet_bind: any address of a local route binds (127.0.0.11 via `local 127.0.0.0/8 dev lo`).
    if (addr !== 0 && !this.ns.isLocalAddr(addr) && !(addr >>> 24 === 127 && this.ns.isLocalAddr(0x7f000001)) && this.ns.ipv4.ip_nonlocal_bind !== '1') fail('EADDRNOTAVAIL');
    if (port === 0) port = ephemeralPort(this.ns, 'udp', (x) => !portFree(this.ns, 'udp', addr, x, this));
    else if (!portFree(this.ns, 'udp', addr, port, this)) fail('EADDRINUSE');
    this.laddr = addr;
    this.lport = port;
    linkSocket(this);
  }

  /** connect(2): fix the peer (routing errors surface here). */
  connect(addr: Ip4, port: number): void {
    const rt = this.ns.kernel.stack.routeOutput(this.ns, addr, { saddr: this.laddr || undefined });
    if (!this.lport) this.bind(0, 0);
    if (!this.laddr) this.laddr = rt.src;
    this.raddr = addr;
    this.rport = port;
  }

  /** sendto(2). Throws routing errors and a pending ECONNREFUSED. */
  sendto(data: string, addr?: Ip4, port?: number): void {
    if (this.error) {
      const e = this.error;
      this.error = undefined;
      throw new KernelError(e);
    }
    const dst = addr ?? this.raddr;
    const dport = port ?? this.rport;
    if (!dport && !dst) fail('ENOTCONN');
    if (!this.lport) this.bind(0, 0);
    const pkt: Ipv4Packet = { src: this.laddr, dst, ttl: Number(this.ns.ipv4.ip_default_ttl) || 64, tos: 0, id: this.ns.kernel.stack.nextIpId(this.ns), df: true, payload: { proto: 'udp', sport: this.lport, dport, data } };
    this.ns.kernel.stack.ipOutputLocal(this.ns, pkt);
  }

  /** recvfrom(2): the next datagram. Throws a pending error (ECONNREFUSED). */
  async recvfrom(p: Process, timeoutMs = Infinity): Promise<Datagram | 'timeout' | 'signal'> {
    for (let i = 0; i < 1_000_000; i++) {
      const d = this.queue.shift();
      if (d) return d;
      if (this.error) {
        const e = this.error;
        this.error = undefined;
        throw new KernelError(e);
      }
      const why = await p.wait((w) => this.wq.add(w), timeoutMs);
      if (why !== 'woken') return why;
    }
    return 'timeout';
  }

  close(): void {
    unlinkSocket(this);
    this.wq.wake();
  }
}

/** The UDP protocol handler (udp_rcv / udp_err). */
export class UdpProto implements L4Handler {
  rcv(ns: NetNs, skb: Skb): boolean {
    const p = skb.pkt;
    const d = p.payload;
    if (d.proto !== 'udp') return false;
    const socks = socketsOf<UdpSocket>(ns, 'udp').filter((s) => s.lport === d.dport && (s.laddr === 0 || s.laddr === p.dst) && (!s.rport || (s.raddr === p.src && s.rport === d.sport)));
    const s = socks.find((x) => x.rport) ?? socks.find((x) => x.laddr === p.dst) ?? socks[0];
    if (!s) return false;
    if (s.queue.length < UDP_QUEUE_MAX) s.queue.push({ from: p.src, port: d.sport, to: p.dst, data: d.data });
    s.wq.wake();
    return true;
  }

  err(ns: NetNs, _skb: Skb, icmp: IcmpMessage): void {
    const q = icmp.quoted;
    if (!q || q.payload.proto !== 'udp') return;
    const d = q.payload;
    const s = socketsOf<UdpSocket>(ns, 'udp').find((x) => x.lport === d.sport && x.rport === d.dport && x.raddr === q.dst);
    const e = icmpErrno(icmp.type, icmp.code);
    if (s && e) {
      s.error = e;
      s.wq.wake();
    }
  }
}
