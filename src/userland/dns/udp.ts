// The DNS transport over the kernel's UDP sockets (src/kernel/socket):
// queries and answers are datagrams sent with sendto() through the stack's
// output path (OUTPUT/POSTROUTING, routing, ARP) and received through its
// input path (PREROUTING/INPUT), so a missing route, a down link or an
// iptables DROP breaks resolution exactly as on Linux. ICMP port
// unreachable for a query surfaces as ECONNREFUSED on the connected socket.
// Datagram payloads are text in the simulation: one char per wire byte.

import type { Process } from '../../kernel/proc.ts';
import type { NetNs } from '../../kernel/netns.ts';
import { fmtIp4, parseIp4 } from '../../kernel/addr.ts';
import { KernelError } from '../../kernel/errno.ts';
import { UdpSocket } from '../../kernel/socket/index.ts';
import type { DnsListener, DnsSocket, DnsTransport, RecvResult, ServerRequest } from './transport.ts';

/** Wire bytes as datagram text (one char per byte). */
export function toText(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
}

/** Datagram text back to wire bytes. */
export function fromText(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
}

/** Bound on datagrams a server handles per wake-up loop before yielding. */
const SERVER_MAX_DATAGRAMS = 1_000_000;

export const udpTransport: DnsTransport = {
  connect(p: Process, server: string, port: number): DnsSocket {
    const dst = parseIp4(server);
    if (dst === undefined) throw new KernelError('EAFNOSUPPORT');
    const s = new UdpSocket(p.netns as NetNs, p);
    try {
      s.connect(dst, port);
    } catch (e) {
      s.close();
      throw e;
    }
    return {
      port: s.lport,
      send(data: Uint8Array): void {
        s.sendto(toText(data));
      },
      async recv(timeoutMs: number): Promise<RecvResult> {
        try {
          const d = await s.recvfrom(p, timeoutMs);
          if (d === 'timeout') return { kind: 'timeout' };
          if (d === 'signal') return { kind: 'signal' };
          return { kind: 'data', from: fmtIp4(d.from), port: d.port, data: fromText(d.data) };
        } catch (e) {
          if (!(e instanceof KernelError)) throw e;
          return e.errno === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'unreachable', errno: e.errno };
        }
      },
      close(): void {
        s.close();
      },
    };
  },

  listen(proc: Process, addr: string, port: number, onRequest: (r: ServerRequest) => void): DnsListener {
    const a = parseIp4(addr);
    if (a === undefined) throw new KernelError('EAFNOSUPPORT');
    const s = new UdpSocket(proc.netns as NetNs, proc);
    try {
      s.bind(a, port);
    } catch (e) {
      s.close();
      throw e;
    }
    let open = true;
    void (async () => {
      for (let i = 0; open && i < SERVER_MAX_DATAGRAMS; i++) {
        let d;
        try {
          d = await s.recvfrom(proc);
        } catch (e) {
          if (!(e instanceof KernelError)) throw e;
          continue;
        }
        if (d === 'signal' || d === 'timeout' || !open) break;
        const from = d.from;
        const sport = d.port;
        onRequest({
          from: fmtIp4(from),
          port: sport,
          to: fmtIp4(d.to),
          data: fromText(d.data),
          reply(out: Uint8Array) {
            try {
              s.sendto(toText(out), from, sport);
            } catch (e) {
              if (!(e instanceof KernelError)) throw e;
            }
          },
        });
      }
    })();
    return {
      close(): void {
        open = false;
        s.close();
      },
    };
  },
};
