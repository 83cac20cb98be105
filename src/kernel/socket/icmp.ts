// Ping sockets (socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), and ICMPv6 on
// loopback): what iputils ping, busybox ping and the lab probes send and
// receive echoes through. A socket is bound to an echo identifier in one
// namespace; the kernel hands it the echo replies that carry its identifier
// and the ICMP errors that quote one of its echoes (IP_RECVERR), as
// ping_rcv and ping_err do. Programs never touch the stack's tables.

import type { Ip4 } from '../addr.ts';
import { type Errno, fail } from '../errno.ts';
import type { NetNs } from '../netns.ts';
import type { NetDevice } from '../netdev.ts';
import type { IcmpMessage, Ipv4Packet, Ipv6Packet, Trace } from '../packet.ts';
import type { OutRoute, Skb } from '../stack.ts';

/** What a ping socket's owner is told (sk_data_ready and the error queue). */
export interface IcmpSocketHandler {
  /** An echo reply with this socket's identifier. */
  onReply(pkt: Ipv4Packet, icmp: IcmpMessage, skb: Skb): void;
  /** An ICMP error quoting one of this socket's echo requests. */
  onError?(pkt: Ipv4Packet, icmp: IcmpMessage, skb: Skb): void;
}

/** An IPv4 ping socket. */
export class IcmpSocket {
  closed = false;
  readonly ns: NetNs;
  readonly id: number;
  readonly handler: IcmpSocketHandler;
  private peer?: { daddr: Ip4; route: OutRoute };
  constructor(ns: NetNs, id: number, handler: IcmpSocketHandler) {
    this.ns = ns;
    this.id = id;
    this.handler = handler;
  }

  /** connect() (ip_route_connect): the route to `daddr`; throws KernelError as connect() fails. */
  connect(daddr: Ip4, opts: { oif?: NetDevice; saddr?: Ip4 } = {}): Readonly<OutRoute> {
    const route = this.ns.kernel.stack.routeOutput(this.ns, daddr, opts);
    this.peer = { daddr, route };
    return route;
  }

  /** getsockopt(IP_MTU) on a connected socket: the path MTU towards the peer, and whether the route locks it. */
  pathMtu(): { mtu: number; locked: boolean } {
    if (!this.peer) fail('ENOTCONN');
    return this.ns.kernel.stack.pathMtu(this.peer.route.route, this.peer.route.dev, this.peer.daddr);
  }

  /**
   * sendmsg() of one echo request (the caller builds the datagram: identifier,
   * sequence, size, DF; the kernel numbers it, ip_select_ident). Route errors
   * throw KernelError as connect/sendto report them; a transmit the device
   * queue refused returns 'ENOBUFS'.
   */
  sendmsg(msg: Omit<Ipv4Packet, 'id'>, opts: { oif?: NetDevice; trace?: Trace } = {}): Errno | undefined {
    const stack = this.ns.kernel.stack;
    const { src, dst, ttl, tos, ...rest } = msg;
    const pkt: Ipv4Packet = { src, dst, ttl, tos, id: stack.nextIpId(this.ns), ...rest };
    stack.xmitErrno = undefined;
    try {
      stack.ipOutputLocal(this.ns, pkt, opts);
      return stack.xmitErrno;
    } finally {
      stack.xmitErrno = undefined;
    }
  }

  /** close(): no more deliveries. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ns.kernel.stack.pingSockets.delete(this);
  }
}

/** socket() + bind to an echo identifier. */
export function icmpSocket(ns: NetNs, id: number, handler: IcmpSocketHandler): IcmpSocket {
  const s = new IcmpSocket(ns, id, handler);
  ns.kernel.stack.pingSockets.add(s);
  return s;
}

/** An ICMPv6 ping socket (echo on loopback only). */
export class Icmp6Socket {
  closed = false;
  readonly ns: NetNs;
  readonly id: number;
  readonly onReply: (pkt: Ipv6Packet) => void;
  constructor(ns: NetNs, id: number, onReply: (pkt: Ipv6Packet) => void) {
    this.ns = ns;
    this.id = id;
    this.onReply = onReply;
  }

  sendmsg(pkt: Ipv6Packet): void {
    this.ns.kernel.stack.ip6OutputLoopback(this.ns, pkt);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ns.kernel.stack.ping6Sockets.delete(this);
  }
}

/** socket(AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6) bound to an identifier. */
export function icmp6Socket(ns: NetNs, id: number, onReply: (pkt: Ipv6Packet) => void): Icmp6Socket {
  const s = new Icmp6Socket(ns, id, onReply);
  ns.kernel.stack.ping6Sockets.add(s);
  return s;
}
