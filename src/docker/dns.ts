// The embedded DNS server of a container on a user-defined network, as
// libnetwork's resolver.go runs it in docker-v29.7.2: dockerd opens a UDP
// and a TCP socket on 127.0.0.11 at ephemeral ports *inside the container's
// network namespace*; the container's resolv.conf says `nameserver
// 127.0.0.11`, and the NAT rules of DOCKER_OUTPUT/DOCKER_POSTROUTING (see
// firewall.ts resolverRules) move port 53 to those sockets and back.
//
//   container: getaddrinfo("db") ─udp─> 127.0.0.11:53 ─DNAT─> 127.0.0.11:<udp>
//   dockerd:   container names and aliases of the shared networks: answer A;
//              anything else: forward to the host's nameservers from the
//              host namespace (the "ExtServers: [host(...)]" of resolv.conf).

import { parseIp4 } from '../kernel/addr.ts';
import type { NetNs } from '../kernel/netns.ts';
import { TcpSocket, UdpSocket } from '../kernel/socket/index.ts';
import { CLASS_IN, RCODE, TYPE, decode, encode, type Message } from '../userland/dns/wire.ts';
import { DnsServer, DNSMASQ } from '../userland/dns/server.ts';
import { fromText, toText } from '../userland/dns/udp.ts';
import type { Container, Engine } from './engine.ts';

/** libnetwork's respTTL for container records. */
const RESP_TTL = 600;

/** One container's resolver. */
export class EmbeddedDns {
  private readonly engine: Engine;
  private readonly c: Container;
  private readonly ns: NetNs;
  private udp?: UdpSocket;
  private tcp?: TcpSocket;
  private closed = false;
  /** Queries answered (tests). */
  served = 0;

  constructor(engine: Engine, c: Container) {
    this.engine = engine;
    this.c = c;
    this.ns = c.netns!;
  }

  /** Bind 127.0.0.11:0 for UDP and TCP in the container's namespace; the ports the NAT rules point at. */
  listen(): { udp: number; tcp: number } {
    const addr = parseIp4('127.0.0.11')!;
    const u = new UdpSocket(this.ns, this.engine.daemon);
    u.bind(addr, 0);
    const t = new TcpSocket(this.ns);
    t.bind(addr, 0);
    t.listen(128);
    this.udp = u;
    this.tcp = t;
    return { udp: u.lport, tcp: t.lport };
  }

  /** Serve UDP queries until closed (bounded per datagram). */
  async serve(): Promise<void> {
    const d = this.engine.daemon;
    for (let i = 0; i < 10_000_000 && !this.closed && this.udp; i++) {
      const dg = await this.udp.recvfrom(d).catch(() => 'signal' as const);
      if (dg === 'signal' || dg === 'timeout' || this.closed) return;
      let q: Message;
      try {
        q = decode(fromText(dg.data));
      } catch {
        continue;
      }
      if (q.qr || q.questions.length !== 1) continue;
      this.served++;
      const r = await this.answer(q);
      if (this.closed) return;
      try {
        this.udp.sendto(toText(encode(r)), dg.from, dg.port);
      } catch {
        // the container's namespace went away
      }
    }
  }

  /** Names of the container's networks first, then the host's resolvers. */
  async answer(q: Message): Promise<Message> {
    const qq = q.questions[0];
    const name = qq.name.replace(/\.$/, '').toLowerCase();
    const ips = qq.cls === CLASS_IN ? this.lookup(name) : [];
    if (ips.length) {
      const r: Message = { ...q, qr: true, aa: false, ra: true, rcode: RCODE.NOERROR, answers: [], authority: [], additional: [] };
      delete r.edns;
      // No IPv6 on these networks: AAAA gets an empty NOERROR, as libnetwork answers.
      if (qq.type === TYPE.A) r.answers = ips.map((address) => ({ name: qq.name, ttl: RESP_TTL, cls: CLASS_IN, data: { type: 'A' as const, address } }));
      return r;
    }
    const forwarders = this.hostNameservers();
    const server = new DnsServer(this.engine.daemon, { zones: [], forwarders }, DNSMASQ);
    const r = await server.answer(q);
    if (!forwarders.length) r.rcode = RCODE.SERVFAIL;
    return r;
  }

  /** Container names, aliases, short ids and `name.network` of the networks this container is on. */
  private lookup(name: string): string[] {
    const direct = this.engine.resolveName(this.c, name);
    if (direct.length) return direct;
    for (const net of this.c.endpoints.keys()) {
      const suffix = `.${net.toLowerCase()}`;
      if (name.endsWith(suffix)) return this.engine.resolveName(this.c, name.slice(0, -suffix.length)).filter((ip) => [...this.engine.containers].some((o) => o.endpoints.get(net)?.ip === ip));
    }
    return [];
  }

  /** The host's nameservers, queried from the host's namespace (so 127.0.0.53 works too). */
  private hostNameservers(): string[] {
    const f = this.engine.kernel.vfs.tryLookup('/etc/resolv.conf');
    const text = f && f.kind === 'file' ? f.data : '';
    return [...text.matchAll(/^nameserver\s+(\S+)/gm)].map((m) => m[1]).filter((a) => parseIp4(a) !== undefined).slice(0, 3);
  }

  close(): void {
    this.closed = true;
    this.udp?.close();
    this.tcp?.close();
    this.udp = undefined;
    this.tcp = undefined;
  }
}
