// Topology as data, then instantiated (Mininet's idea): a lab's start state
// is written with these few verbs, which call the same kernel operations the
// `ip` command uses. Endpoints are written `host:ns:dev`, `ns:dev` (on the
// default host) or `dev` (the default host's initial namespace).
//
//   b.netns('left', 'router', 'right');
//   b.veth('left:eth0', 'router:eth0');
//   b.addr('left:eth0', '10.1.1.10/24');
//   b.up('left:eth0', 'router:eth0');

import { parseIp4 } from '../kernel/addr.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { NetDevice } from '../kernel/netdev.ts';
import type { NetNs } from '../kernel/netns.ts';
import { World } from '../world/world.ts';
import { installPrograms } from '../userland/install.ts';
import { bootSpawn } from '../userland/registry.ts';
import '../userland/sys/ssh.ts';

/** Builds a lab's start world. */
export class Builder {
  readonly world: World;
  /** Host that endpoints without a host part refer to. */
  defaultHost = 'host';

  constructor(world: World) {
    this.world = world;
  }

  /** Add a host (the default host `host` exists from the start). */
  host(name: string, opts: { extraHosts?: string; resolvConf?: string } = {}): Kernel {
    return this.world.hosts.get(name) ?? this.world.addHost(name, opts);
  }

  /** Named namespaces on the default host (or `host:name`). */
  netns(...names: string[]): void {
    for (const full of names) {
      const [h, n] = full.includes(':') ? full.split(':') : [this.defaultHost, full];
      const k = this.world.host(h);
      const ns = k.newNetns();
      k.vfs.mkdir('/run/netns', {}, true);
      k.vfs.create(`/run/netns/${n}`, k.nsNode(ns));
    }
  }

  /** Resolve `host:ns`, `ns` or `` to a namespace. */
  ns(spec: string): NetNs {
    const parts = spec.split(':');
    let host = this.defaultHost;
    let ns = '';
    if (parts.length === 2) [host, ns] = parts;
    else ns = parts[0];
    const k = this.world.host(host);
    if (!ns || ns === '-') return k.initNs;
    const found = k.openNetns(ns);
    if (!found) throw new Error(`lab builder: no namespace ${spec}`);
    return found;
  }

  private split(ep: string): { host: string; ns: string; dev: string } {
    const parts = ep.split(':');
    if (parts.length === 3) return { host: parts[0], ns: parts[1], dev: parts[2] };
    if (parts.length === 2) return { host: this.defaultHost, ns: parts[0], dev: parts[1] };
    return { host: this.defaultHost, ns: '', dev: parts[0] };
  }

  /** The device at an endpoint. */
  dev(ep: string): NetDevice {
    const { host, ns, dev } = this.split(ep);
    const n = this.ns(`${host}:${ns}`);
    const d = n.devByName(dev);
    if (!d) throw new Error(`lab builder: no device ${ep}`);
    return d;
  }

  /** A veth pair between two endpoints (created in the init namespace, then moved and renamed). */
  veth(a: string, b: string): void {
    const A = this.split(a);
    const B = this.split(b);
    const k = this.world.host(A.host);
    const tmpA = k.nextName(k.initNs, 'vtmpa%d');
    const tmpB = k.nextName(k.initNs, 'vtmpb%d');
    const da = k.initNs.linkAdd({ name: tmpA, kind: 'veth', peerName: tmpB });
    const db = da.peer!;
    const nsA = this.ns(`${A.host}:${A.ns}`);
    const nsB = this.ns(`${B.host}:${B.ns}`);
    k.initNs.setNetns(da, nsA);
    k.initNs.setNetns(db, nsB);
    nsA.setName(da, A.dev);
    nsB.setName(db, B.dev);
  }

  /** A Linux bridge. */
  bridge(ep: string): void {
    const { host, ns, dev } = this.split(ep);
    this.ns(`${host}:${ns}`).linkAdd({ name: dev, kind: 'bridge' });
  }

  /** Enslave `ep` to bridge `br` (same namespace). */
  master(ep: string, br: string): void {
    const d = this.dev(ep);
    d.ns.setMaster(d, this.dev(br));
  }

  /** Add an IPv4 address `a.b.c.d/len` with the automatic broadcast. */
  addr(ep: string, cidr: string): void {
    const d = this.dev(ep);
    const [a, l] = cidr.split('/');
    d.ns.addrAdd(d, { local: parseIp4(a)!, prefixlen: Number(l), broadcast: 'auto' });
  }

  /** Bring endpoints up (and each namespace's loopback). */
  up(...eps: string[]): void {
    for (const ep of eps) {
      const d = this.dev(ep);
      d.ns.setUp(d, true);
      d.ns.setUp(d.ns.lo, true);
    }
  }

  /** A route `dst` (`default` or a.b.c.d/len) via `gw` in namespace `nsSpec`. */
  route(nsSpec: string, dst: string, gw: string): void {
    const ns = this.ns(nsSpec);
    const [a, l] = dst === 'default' ? ['0.0.0.0', '0'] : dst.split('/');
    ns.routeAdd(
      { table: 254, type: 'unicast', dst: parseIp4(a)!, dstLen: Number(l ?? 32), tos: 0, metric: 0, protocol: 'boot', scope: 0, onlink: false, gateway: parseIp4(gw)! },
      { create: true, excl: true, replace: false },
    );
  }

  /** Set net.ipv4.ip_forward in a namespace. */
  forwarding(nsSpec: string, on: boolean): void {
    this.ns(nsSpec).setIpForward(on);
  }

  /** A host plugged into a shared Ethernet segment with an address. */
  nic(host: string, ifname: string, segment: string, cidr?: string, gateway?: string): void {
    this.host(host);
    this.world.attach(host, ifname, segment, { addr: cidr, gateway });
  }

  /** Write a file on a host. */
  file(host: string, path: string, content: string): void {
    this.world.host(host).vfs.putFile(path, content);
  }
}

/** A world with a bare `host`, then the lab's build steps. */
export function buildWorld(seed: number, build: (b: Builder) => void): World {
  const world = new World({ seed });
  world.addHost('host');
  build(new Builder(world));
  // Every host of the lab has its program files (/usr/bin/ping ...), and
  // sshd listening on port 22, so `ssh HOST` reaches any host of the lab.
  for (const k of world.hosts.values()) {
    installPrograms(k);
    bootSpawn(k, ['/usr/sbin/sshd', '-D'], { netns: k.initNs, env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' } });
  }
  return world;
}
