// The one seam between DNS code and the network: a UDP client socket a
// process opens in its namespace, and a server socket bound to addr:53. The
// real implementation (udp.ts) sends datagrams through the simulated packet
// path, so routes, ARP and iptables rules decide whether a lookup works;
// tests may install an in-memory one.

import type { Process } from '../../kernel/proc.ts';

/** What a receive returned. */
export type RecvResult =
  | { kind: 'data'; from: string; port: number; data: Uint8Array }
  | { kind: 'timeout' }
  /** ICMP port unreachable for a connected socket (ECONNREFUSED). */
  | { kind: 'refused' }
  /** Another ICMP error (host/net unreachable). */
  | { kind: 'unreachable'; errno: string }
  | { kind: 'signal' };

/** A connected UDP client socket (glibc's resolver and BIND's tools connect() it). */
export interface DnsSocket {
  /** Local port chosen for it. */
  readonly port: number;
  /** Send one datagram to the connected peer. Throws KernelError (ENETUNREACH...) as sendto would. */
  send(data: Uint8Array): void;
  /** Wait up to `timeoutMs` of virtual time for the next datagram from the peer. */
  recv(timeoutMs: number): Promise<RecvResult>;
  close(): void;
}

/** One query delivered to a server socket; `reply` sends the answer back from the bound address. */
export interface ServerRequest {
  from: string;
  port: number;
  /** Local address the query arrived on. */
  to: string;
  data: Uint8Array;
  reply(data: Uint8Array): void;
}

/** A bound server socket. */
export interface DnsListener {
  close(): void;
}

/** The transport. */
export interface DnsTransport {
  /** socket()+connect() to server:port from the process's namespace. Throws KernelError from connect (ENETUNREACH). */
  connect(p: Process, server: string, port: number): DnsSocket;
  /** socket()+bind() on addr:port (`0.0.0.0` for any) in the namespace of `proc`, which owns the socket. Throws KernelError (EADDRINUSE, EADDRNOTAVAIL). */
  listen(proc: Process, addr: string, port: number, onRequest: (r: ServerRequest) => void): DnsListener;
}

let current: DnsTransport | undefined;

/** Install the transport (the UDP-socket one at start-up, a fake in some tests). */
export function setTransport(t: DnsTransport): void {
  current = t;
}

/** The installed transport. */
export function transport(): DnsTransport {
  if (!current) throw new Error('dns: no transport installed');
  return current;
}
