// kube-proxy's iptables mode: the iptables-restore input its syncProxyRules
// writes, rule for rule, in the order and spelling of kubernetes
// pkg/proxy/iptables/proxier.go (release 1.30/1.31: KUBE-EXT chains,
// KUBE-PROXY-FIREWALL, localhost NodePorts). The simulated kube-proxy feeds
// this text to `iptables-restore -w --noflush --counters` as the real one
// does; the jump rules from the built-in chains are ensured first with
// `iptables -C`/`-I` (iptablesJumpChains).
//
//  PREROUTING/OUTPUT ─> KUBE-SERVICES ─(-d clusterIP --dport)─> KUBE-SVC-X ─(statistic 1/n)─> KUBE-SEP-Y ─> DNAT ip:port
//                           └─(addrtype LOCAL, last)─> KUBE-NODEPORTS ─> KUBE-EXT-X ─> KUBE-SVC-X
//  POSTROUTING ─> KUBE-POSTROUTING (MASQUERADE what KUBE-MARK-MASQ marked 0x4000)

import { servicePortChainName, serviceExternalChainName, servicePortEndpointChainName } from '../hash.ts';
import { clusterEndpoints, epString, type ServicePortInfo } from './model.ts';

/** The mark KUBE-MARK-MASQ sets (bit 14; iptables prints it as 0x4000). */
export const MASQ_MARK = '0x4000';

/** Options of one node's proxier. */
export interface ProxierOptions {
  /** --cluster-cidr: traffic from outside it to a ClusterIP is masqueraded (LocalDetector ClusterCIDR). */
  clusterCidr?: string;
  masqueradeAll?: boolean;
}

/** A jump from a built-in chain into kube-proxy's chains (iptablesJumpChains). */
export interface JumpChain {
  table: 'filter' | 'nat';
  dstChain: string;
  srcChain: string;
  comment: string;
  extraArgs: string[];
}

const NEW = ['-m', 'conntrack', '--ctstate', 'NEW'];
/** iptablesJumpChains + iptablesKubeletJumpChains, in order. */
export const JUMP_CHAINS: JumpChain[] = [
  { table: 'filter', dstChain: 'KUBE-EXTERNAL-SERVICES', srcChain: 'INPUT', comment: 'kubernetes externally-visible service portals', extraArgs: NEW },
  { table: 'filter', dstChain: 'KUBE-EXTERNAL-SERVICES', srcChain: 'FORWARD', comment: 'kubernetes externally-visible service portals', extraArgs: NEW },
  { table: 'filter', dstChain: 'KUBE-NODEPORTS', srcChain: 'INPUT', comment: 'kubernetes health check service ports', extraArgs: [] },
  { table: 'filter', dstChain: 'KUBE-SERVICES', srcChain: 'FORWARD', comment: 'kubernetes service portals', extraArgs: NEW },
  { table: 'filter', dstChain: 'KUBE-SERVICES', srcChain: 'OUTPUT', comment: 'kubernetes service portals', extraArgs: NEW },
  { table: 'filter', dstChain: 'KUBE-FORWARD', srcChain: 'FORWARD', comment: 'kubernetes forwarding rules', extraArgs: [] },
  { table: 'filter', dstChain: 'KUBE-PROXY-FIREWALL', srcChain: 'INPUT', comment: 'kubernetes load balancer firewall', extraArgs: NEW },
  { table: 'filter', dstChain: 'KUBE-PROXY-FIREWALL', srcChain: 'OUTPUT', comment: 'kubernetes load balancer firewall', extraArgs: NEW },
  { table: 'filter', dstChain: 'KUBE-PROXY-FIREWALL', srcChain: 'FORWARD', comment: 'kubernetes load balancer firewall', extraArgs: NEW },
  { table: 'nat', dstChain: 'KUBE-SERVICES', srcChain: 'OUTPUT', comment: 'kubernetes service portals', extraArgs: [] },
  { table: 'nat', dstChain: 'KUBE-SERVICES', srcChain: 'PREROUTING', comment: 'kubernetes service portals', extraArgs: [] },
  { table: 'nat', dstChain: 'KUBE-POSTROUTING', srcChain: 'POSTROUTING', comment: 'kubernetes postrouting rules', extraArgs: [] },
  { table: 'filter', dstChain: 'KUBE-FIREWALL', srcChain: 'INPUT', comment: '', extraArgs: [] },
  { table: 'filter', dstChain: 'KUBE-FIREWALL', srcChain: 'OUTPUT', comment: '', extraArgs: [] },
];

/** The argument vector of a jump rule (EnsureRule args). */
export function jumpArgs(j: JumpChain): string[] {
  return [...j.extraArgs, ...(j.comment ? ['-m', 'comment', '--comment', j.comment] : []), '-j', j.dstChain];
}

/** computeProbability: fmt.Sprintf("%0.10f", 1.0/float64(n)). */
export function probability(n: number): string {
  return (1 / n).toFixed(10);
}

/** The iptables-restore input of one sync (a full sync; stale chains are listed and deleted). */
export function buildIptablesRestore(ports: ServicePortInfo[], opts: ProxierOptions = {}, existingNatChains: string[] = []): string {
  const filterChains: string[] = [];
  const filterRules: string[] = [];
  const natChains: string[] = [];
  const natRules: string[] = [];
  const line = (...a: string[]): string => a.join(' ');
  const chainLine = (c: string): string => `:${c} - [0:0]`;
  for (const c of ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-FORWARD', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL']) filterChains.push(chainLine(c));
  for (const c of ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ']) natChains.push(chainLine(c));
  natRules.push(line('-A', 'KUBE-POSTROUTING', '-m', 'mark', '!', '--mark', `${MASQ_MARK}/${MASQ_MARK}`, '-j', 'RETURN'));
  natRules.push(line('-A', 'KUBE-POSTROUTING', '-j', 'MARK', '--xor-mark', MASQ_MARK));
  natRules.push(line('-A', 'KUBE-POSTROUTING', '-m', 'comment', '--comment', '"kubernetes service traffic requiring SNAT"', '-j', 'MASQUERADE', '--random-fully'));
  natRules.push(line('-A', 'KUBE-MARK-MASQ', '-j', 'MARK', '--or-mark', MASQ_MARK));
  filterChains.push(chainLine('KUBE-FIREWALL'));
  filterRules.push(line('-A', 'KUBE-FIREWALL', '-m', 'comment', '--comment', '"block incoming localnet connections"', '-d', '127.0.0.0/8', '!', '-s', '127.0.0.0/8', '-m', 'conntrack', '!', '--ctstate', 'RELATED,ESTABLISHED,DNAT', '-j', 'DROP'));
  const active = new Set<string>();
  const totalEndpoints = ports.reduce((s, p) => s + p.endpoints.length, 0);
  const largeCluster = totalEndpoints > 1000;
  const comment = (s: string): string[] => (largeCluster ? [] : ['-m', 'comment', '--comment', s]);
  for (const sp of ports) {
    const protocol = sp.protocol.toLowerCase();
    const name = sp.nameString;
    const svcChain = servicePortChainName(name, protocol);
    const extChain = serviceExternalChainName(name, protocol);
    const eps = clusterEndpoints(sp);
    const hasEndpoints = sp.endpoints.length > 0 && eps.length > 0;
    const match = ['-m', protocol, '-p', protocol, '-d', sp.clusterIP, '--dport', String(sp.port)];
    if (hasEndpoints) natRules.push(line('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', `"${name} cluster IP"`, ...match, '-j', svcChain));
    else filterRules.push(line('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', `"${name} has no endpoints"`, ...match, '-j', 'REJECT'));
    if (sp.nodePort) {
      if (hasEndpoints) natRules.push(line('-A', 'KUBE-NODEPORTS', '-m', 'comment', '--comment', name, '-m', protocol, '-p', protocol, '--dport', String(sp.nodePort), '-j', extChain));
      else filterRules.push(line('-A', 'KUBE-EXTERNAL-SERVICES', '-m', 'comment', '--comment', `"${name} has no endpoints"`, '-m', 'addrtype', '--dst-type', 'LOCAL', '-m', protocol, '-p', protocol, '--dport', String(sp.nodePort), '-j', 'REJECT'));
    }
    if (!hasEndpoints) continue;
    // Internal traffic: masquerade what does not come from a pod.
    const head = ['-m', 'comment', '--comment', `"${name} cluster IP"`, ...match];
    if (opts.masqueradeAll) natRules.push(line('-A', svcChain, ...head, '-j', 'KUBE-MARK-MASQ'));
    else if (opts.clusterCidr) natRules.push(line('-A', svcChain, ...head, '!', '-s', opts.clusterCidr, '-j', 'KUBE-MARK-MASQ'));
    if (sp.nodePort) {
      natChains.push(chainLine(extChain));
      active.add(extChain);
      natRules.push(line('-A', extChain, '-m', 'comment', '--comment', `"masquerade traffic for ${name} external destinations"`, '-j', 'KUBE-MARK-MASQ'));
      natRules.push(line('-A', extChain, '-j', svcChain));
    }
    natChains.push(chainLine(svcChain));
    active.add(svcChain);
    eps.forEach((ep, i) => {
      const sep = servicePortEndpointChainName(name, protocol, epString(ep));
      const stat = i < eps.length - 1 ? ['-m', 'statistic', '--mode', 'random', '--probability', probability(eps.length - i)] : [];
      natRules.push(line('-A', svcChain, ...comment(`"${name} -> ${epString(ep)}"`), ...stat, '-j', sep));
    });
    for (const ep of sp.endpoints) {
      if (!eps.includes(ep)) continue;
      const sep = servicePortEndpointChainName(name, protocol, epString(ep));
      natChains.push(chainLine(sep));
      active.add(sep);
      natRules.push(line('-A', sep, ...comment(name), '-s', ep.ip, '-j', 'KUBE-MARK-MASQ'));
      natRules.push(line('-A', sep, ...comment(name), '-m', protocol, '-p', protocol, '-j', 'DNAT', '--to-destination', epString(ep)));
    }
  }
  for (const c of existingNatChains) {
    if (!/^KUBE-(SVC|SVL|SEP|FW|EXT)-/.test(c) || active.has(c)) continue;
    natChains.push(chainLine(c));
    natRules.push(line('-X', c));
  }
  natRules.push(line('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', '"kubernetes service nodeports; NOTE: this must be the last rule in this chain"', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'KUBE-NODEPORTS'));
  filterRules.push(line('-A', 'KUBE-FORWARD', '-m', 'conntrack', '--ctstate', 'INVALID', '-j', 'DROP'));
  filterRules.push(line('-A', 'KUBE-FORWARD', '-m', 'comment', '--comment', '"kubernetes forwarding rules"', '-m', 'mark', '--mark', `${MASQ_MARK}/${MASQ_MARK}`, '-j', 'ACCEPT'));
  filterRules.push(line('-A', 'KUBE-FORWARD', '-m', 'comment', '--comment', '"kubernetes forwarding conntrack rule"', '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT'));
  return ['*filter', ...filterChains, ...filterRules, 'COMMIT', '*nat', ...natChains, ...natRules, 'COMMIT', ''].join('\n');
}
