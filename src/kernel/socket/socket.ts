// What UDP and TCP sockets share: the per-namespace socket list (ns.sockets),
// ephemeral ports from net.ipv4.ip_local_port_range drawn from the kernel's
// seeded rng, wait queues that wake processes, and the owner shown by `ss -p`.

import type { Ip4 } from '../addr.ts';
import type { NetNs } from '../netns.ts';
import type { Process } from '../proc.ts';
import { type Errno, fail } from '../errno.ts';
import type { L4Handler } from '../stack.ts';

/** The process holding a socket (for ss -p / netstat -p). */
export interface SockOwner {
  pid: number;
  comm: string;
  fd: number;
}

/** Fields every socket has (struct inet_sock). */
export interface InetSock {
  readonly proto: 'tcp' | 'udp';
  readonly ns: NetNs;
  laddr: Ip4;
  lport: number;
  raddr: Ip4;
  rport: number;
  owner?: SockOwner;
}

/** A set of waiters woken on any state change (a wait queue). */
export class WaitQueue {
  private readonly fns = new Set<() => void>();
  /** Register a waiter; returns its removal. */
  add(fn: () => void): () => void {
    this.fns.add(fn);
    return () => this.fns.delete(fn);
  }
  /** Wake everyone waiting. */
  wake(): void {
    for (const f of [...this.fns]) f();
  }
}

/** Sockets of a namespace of one protocol. */
export function socketsOf<T extends InetSock>(ns: NetNs, proto: 'tcp' | 'udp'): T[] {
  return (ns.sockets as InetSock[]).filter((s) => s && (s as InetSock).proto === proto) as T[];
}

/** Add a socket to its namespace's list. */
export function linkSocket(s: InetSock): void {
  if (!(s.ns.sockets as InetSock[]).includes(s)) s.ns.sockets.push(s);
}

/** Remove a socket from its namespace's list. */
export function unlinkSocket(s: InetSock): void {
  const i = s.ns.sockets.indexOf(s);
  if (i >= 0) s.ns.sockets.splice(i, 1);
}

/** File descriptor numbers handed out per process (3, 4, ... as a fresh process would get). */
const nextFd = new WeakMap<Process, number>();

/** Record `p` as the owner of socket `s` (the next free descriptor). */
export function setOwner(s: InetSock, p: Process | undefined): void {
  if (!p) return;
  const fd = nextFd.get(p) ?? 3;
  nextFd.set(p, fd + 1);
  s.owner = { pid: p.pid, comm: p.comm, fd };
}

/** Is (addr, port) free for a new bind in `ns`? */
export function portFree(ns: NetNs, proto: 'tcp' | 'udp', addr: Ip4, port: number, except?: InetSock): boolean {
  for (const s of socketsOf(ns, proto)) {
    if (s === except || s.lport !== port) continue;
    if (proto === 'tcp' && (s as unknown as { state: string }).state !== 'LISTEN' && s.raddr !== 0 && !(s as unknown as { bound?: boolean }).bound) continue;
    if (s.laddr === 0 || addr === 0 || s.laddr === addr) return false;
  }
  return true;
}

/** Pick an ephemeral port (inet_hash_connect): random start, then scan. */
export function ephemeralPort(ns: NetNs, proto: 'tcp' | 'udp', inUse: (port: number) => boolean): number {
  const [loS, hiS] = (ns.ipv4.ip_local_port_range ?? '32768\t60999').split(/\s+/);
  const lo = Number(loS) || 32768;
  const hi = Number(hiS) || 60999;
  const n = hi - lo + 1;
  const start = ns.kernel.rng.int(0, n - 1);
  for (let i = 0; i < n; i++) {
    const port = lo + ((start + i) % n);
    if (!inUse(port)) return port;
  }
  return fail('EADDRNOTAVAIL');
}

/** ICMP unreachable codes → the errno a socket sees (icmp_err_convert). */
export function icmpErrno(type: number, code: number): Errno | undefined {
  if (type === 11) return 'EHOSTUNREACH';
  if (type !== 3) return undefined;
  switch (code) {
    case 0:
    case 6:
    case 9:
      return 'ENETUNREACH';
    case 3:
      return 'ECONNREFUSED';
    case 4:
      return undefined;
    default:
      return 'EHOSTUNREACH';
  }
}

/**
 * TCP's receive side, registered by tcp.ts as it loads. A TCP segment exists
 * only once a TCP socket (tcp.ts) has sent one, so before that no segment
 * arrives for it; the stack's handler (`tcpRcv`, socket/install.ts) is in
 * place from boot and hands segments to TCP once it is there.
 */
let tcp: L4Handler | undefined;

/** Called by tcp.ts when it loads. */
export function registerTcp(h: L4Handler): void {
  tcp = h;
}

/** The stack's TCP handler: TCP once loaded (registerTcp). */
export const tcpRcv: L4Handler = {
  rcv: (ns, skb) => tcp?.rcv(ns, skb) ?? false,
  err: (ns, skb, icmp) => tcp?.err?.(ns, skb, icmp),
};
