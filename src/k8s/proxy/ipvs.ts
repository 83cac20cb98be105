// kube-proxy's IPVS mode (pkg/proxy/ipvs/proxier.go): every ClusterIP is
// bound to the dummy interface kube-ipvs0 (so the node accepts packets for
// it) and becomes a virtual server with the `rr` scheduler and one
// masqueraded real server per ready endpoint; NodePorts become virtual
// servers on each node address. Beside IPVS the proxier keeps a few
// iptables rules (writeIptablesRules): traffic to a service from outside the
// cluster CIDR is marked in KUBE-SERVICES and masqueraded in
// KUBE-POSTROUTING. The real proxier matches ipsets (KUBE-CLUSTER-IP
// hash:ip,port, KUBE-NODE-PORT-TCP bitmap:port, KUBE-LOOP-BACK); the model
// has no ipset, so each `-m set --match-set` rule is written once per set
// member with the same comment and target.
//
//   PREROUTING/OUTPUT ─> KUBE-SERVICES ─(! -s clusterCIDR, VIP:port)─> KUBE-MARK-MASQ
//                              ├─(addrtype LOCAL)─> KUBE-NODE-PORT ─(nodeport)─> KUBE-MARK-MASQ
//                              └─(VIP:port)─> ACCEPT        then IPVS at LOCAL_IN/LOCAL_OUT
//   POSTROUTING ─> KUBE-POSTROUTING (hairpin endpoints and 0x4000-marked → MASQUERADE)

import type { Kernel } from '../../kernel/kernel.ts';
import { parseIp4 } from '../../kernel/addr.ts';
import { ipvsOf } from '../../kernel/ipvs/ipvs.ts';
import { clusterEndpoints, type ServicePortInfo } from './model.ts';
import { MASQ_MARK, type JumpChain } from './iptables.ts';

/** The ipvs proxier's iptablesJumpChain list (nat and filter). */
export const IPVS_JUMP_CHAINS: JumpChain[] = [
  { table: 'nat', dstChain: 'KUBE-SERVICES', srcChain: 'OUTPUT', comment: 'kubernetes service portals', extraArgs: [] },
  { table: 'nat', dstChain: 'KUBE-SERVICES', srcChain: 'PREROUTING', comment: 'kubernetes service portals', extraArgs: [] },
  { table: 'nat', dstChain: 'KUBE-POSTROUTING', srcChain: 'POSTROUTING', comment: 'kubernetes postrouting rules', extraArgs: [] },
  { table: 'filter', dstChain: 'KUBE-FORWARD', srcChain: 'FORWARD', comment: 'kubernetes forwarding rules', extraArgs: [] },
];

/** The iptables-restore input of the IPVS proxier's sync, ipsets expanded. */
export function buildIpvsIptablesRestore(ports: ServicePortInfo[], opts: { clusterCidr?: string; nodeName?: string; masqueradeAll?: boolean } = {}): string {
  const chainLine = (c: string): string => `:${c} - [0:0]`;
  const nat: string[] = [];
  const filter: string[] = [];
  const members = ports.filter((p) => p.protocol !== 'SCTP');
  const m = (p: ServicePortInfo): string => `-d ${p.clusterIP}/32 -p ${p.protocol.toLowerCase()} -m ${p.protocol.toLowerCase()} --dport ${p.port}`;
  const masqFor = '-m comment --comment "Kubernetes service cluster ip + port for masquerade purpose"';
  // Hairpin: an endpoint on this node reaching itself through its service (KUBE-LOOP-BACK dst,dst,src).
  for (const p of members) {
    for (const e of clusterEndpoints(p)) {
      if (opts.nodeName && e.nodeName !== opts.nodeName) continue;
      nat.push(`-A KUBE-POSTROUTING -s ${e.ip}/32 -d ${e.ip}/32 -p ${p.protocol.toLowerCase()} -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m ${p.protocol.toLowerCase()} --dport ${e.port} -j MASQUERADE`);
    }
  }
  nat.push(`-A KUBE-POSTROUTING -m mark ! --mark ${MASQ_MARK}/${MASQ_MARK} -j RETURN`);
  nat.push(`-A KUBE-POSTROUTING -j MARK --xor-mark ${MASQ_MARK}`);
  nat.push('-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully');
  nat.push(`-A KUBE-MARK-MASQ -j MARK --or-mark ${MASQ_MARK}`);
  for (const p of members) {
    if (opts.masqueradeAll) nat.push(`-A KUBE-SERVICES ${m(p)} ${masqFor} -j KUBE-MARK-MASQ`);
    else if (opts.clusterCidr) nat.push(`-A KUBE-SERVICES ! -s ${opts.clusterCidr} ${m(p)} ${masqFor} -j KUBE-MARK-MASQ`);
  }
  for (const p of members) {
    if (!p.nodePort) continue;
    const proto = p.protocol.toLowerCase();
    nat.push(`-A KUBE-NODE-PORT -p ${proto} -m comment --comment "Kubernetes nodeport ${p.protocol} port for masquerade purpose" -m ${proto} --dport ${p.nodePort} -j KUBE-MARK-MASQ`);
  }
  nat.push('-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT');
  for (const p of members) nat.push(`-A KUBE-SERVICES ${m(p)} -j ACCEPT`);
  filter.push('-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP');
  filter.push(`-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark ${MASQ_MARK}/${MASQ_MARK} -j ACCEPT`);
  filter.push('-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
  return ['*filter', chainLine('KUBE-FORWARD'), ...filter, 'COMMIT', '*nat', ...['KUBE-SERVICES', 'KUBE-POSTROUTING', 'KUBE-NODE-PORT', 'KUBE-LOAD-BALANCER', 'KUBE-MARK-MASQ'].map(chainLine), ...nat, 'COMMIT', ''].join('\n');
}

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
