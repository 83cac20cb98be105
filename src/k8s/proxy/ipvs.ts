// kube-proxy's IPVS mode (pkg/proxy/ipvs/proxier.go): every ClusterIP is
// bound to the dummy interface kube-ipvs0 (so the node accepts packets for
// it) and becomes a virtual server with the `rr` scheduler and one
// masqueraded real server per ready endpoint; NodePorts become virtual
// servers on each node address.

import type { Kernel } from '../../kernel/kernel.ts';
import { parseIp4 } from '../../kernel/addr.ts';
import { ipvsOf } from '../../kernel/ipvs/ipvs.ts';
import { clusterEndpoints, type ServicePortInfo } from './model.ts';

/** Bring IPVS and kube-ipvs0 in line with the service ports. */
export function syncIpvs(k: Kernel, ports: ServicePortInfo[], _clusterCidr: string): void {
  const ns = k.initNs;
  let dummy = ns.devByName('kube-ipvs0');
  if (!dummy) dummy = ns.linkAdd({ name: 'kube-ipvs0', kind: 'dummy' });
  const t = ipvsOf(ns);
  const want = new Set<string>();
  const nodeAddrs = ns.allAddrs().filter((x) => x.dev.name !== 'kube-ipvs0' && x.dev.kind !== 'loopback' && !x.dev.name.startsWith('cni') && !x.dev.name.startsWith('veth')).map((x) => x.addr.local);
  const fmt = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
  for (const sp of ports) {
    if (sp.protocol === 'SCTP') continue;
    const eps = clusterEndpoints(sp);
    const vips: { addr: string; port: number }[] = [{ addr: sp.clusterIP, port: sp.port }];
    if (sp.nodePort) for (const a of nodeAddrs) vips.push({ addr: fmt(a), port: sp.nodePort });
    for (const v of vips) {
      want.add(`${sp.protocol} ${v.addr}:${v.port}`);
      const s = t.addService({ proto: sp.protocol as 'TCP' | 'UDP', addr: v.addr, port: v.port, sched: 'rr' });
      const keep = eps.map((e) => `${e.ip}:${e.port}`);
      s.dests = s.dests.filter((d) => keep.includes(`${d.addr}:${d.port}`));
      for (const e of eps) if (!s.dests.some((d) => d.addr === e.ip && d.port === e.port)) s.dests.push({ addr: e.ip, port: e.port, weight: 1, fwd: 'Masq', activeConns: 0, inactConns: 0 });
    }
    const ip = parseIp4(sp.clusterIP)!;
    if (!dummy.inet.some((a) => a.local === ip)) ns.addrAdd(dummy, { local: ip, prefixlen: 32, noprefixroute: true });
  }
  for (const s of [...t.services]) if (!want.has(`${s.proto} ${s.addr}:${s.port}`)) t.delService(s.proto, s.addr, s.port);
  for (const a of [...dummy.inet]) if (!ports.some((p) => parseIp4(p.clusterIP) === a.local)) ns.addrDel(dummy, a.local, 32);
}
