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

import { inNet, parseIp4 } from '../../kernel/addr.ts';
import { servicePortChainName, serviceExternalChainName, servicePortEndpointChainName, servicePortPolicyLocalChainName, serviceFirewallChainName } from '../hash.ts';
import { categorizeEndpoints, epString, externallyAccessible, externalPolicyLocal, policyChains, usesClusterEndpoints, usesLocalEndpoints, type EndpointInfo, type ServicePortInfo } from './model.ts';

/** The mark KUBE-MARK-MASQ sets (bit 14; iptables prints it as 0x4000). */
export const MASQ_MARK = '0x4000';

/** Options of one node's proxier. */
export interface ProxierOptions {
  /** --cluster-cidr: traffic from outside it to a ClusterIP is masqueraded (LocalDetector ClusterCIDR). */
  clusterCidr?: string;
  masqueradeAll?: boolean;
  /** --hostname-override: the node whose endpoints are local. */
  nodeName?: string;
  /** The node's primary address (a loadBalancerSourceRanges entry holding it also admits the VIPs as sources). */
  nodeIP?: string;
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
  // The LocalDetector for --cluster-cidr (detect-local-mode ClusterCIDR): IfLocal / IfNotLocal.
  const ifLocal = opts.clusterCidr ? ['-s', opts.clusterCidr] : undefined;
  const ifNotLocal = opts.clusterCidr ? ['!', '-s', opts.clusterCidr] : undefined;
  for (const sp of ports) {
    const protocol = sp.protocol.toLowerCase();
    const name = sp.nameString;
    const port = String(sp.port);
    const clusterPolicyChain = servicePortChainName(name, protocol);
    const localPolicyChain = servicePortPolicyLocalChainName(name, protocol);
    const externalTrafficChain = serviceExternalChainName(name, protocol);
    const fwChain = serviceFirewallChainName(name, protocol);
    const cat = categorizeEndpoints(sp, opts.nodeName);
    const hasEndpoints = cat.hasAny;
    const usesClusterPolicyChain = cat.cluster.length > 0 && usesClusterEndpoints(sp);
    const usesLocalPolicyChain = cat.local.length > 0 && usesLocalEndpoints(sp);
    const { internalTrafficChain, hasInternalEndpoints, externalPolicyChain, hasExternalEndpoints } = policyChains(sp, cat, { cluster: clusterPolicyChain, local: localPolicyChain });
    const usesExternalTrafficChain = hasEndpoints && externallyAccessible(sp);
    const usesFWChain = hasEndpoints && sp.loadBalancerVIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0;
    const loadBalancerTrafficChain = usesFWChain ? fwChain : externalTrafficChain;
    let internalFilterTarget = '';
    let internalFilterComment = '';
    let externalFilterTarget = '';
    let externalFilterComment = '';
    if (!hasEndpoints) {
      internalFilterTarget = externalFilterTarget = 'REJECT';
      internalFilterComment = externalFilterComment = `"${name} has no endpoints"`;
    } else {
      if (!hasInternalEndpoints) {
        internalFilterTarget = 'DROP';
        internalFilterComment = `"${name} has no local endpoints"`;
      }
      if (!hasExternalEndpoints) {
        externalFilterTarget = 'DROP';
        externalFilterComment = `"${name} has no local endpoints"`;
      }
    }
    const l4 = ['-m', protocol, '-p', protocol];
    // Capture the ClusterIP.
    if (hasInternalEndpoints) natRules.push(line('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', `"${name} cluster IP"`, ...l4, '-d', sp.clusterIP, '--dport', port, '-j', internalTrafficChain));
    else filterRules.push(line('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', internalFilterComment, ...l4, '-d', sp.clusterIP, '--dport', port, '-j', internalFilterTarget));
    // Capture external IPs.
    for (const ip of sp.externalIPs) {
      if (hasEndpoints) natRules.push(line('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', `"${name} external IP"`, ...l4, '-d', ip, '--dport', port, '-j', externalTrafficChain));
      if (!hasExternalEndpoints) filterRules.push(line('-A', 'KUBE-EXTERNAL-SERVICES', '-m', 'comment', '--comment', externalFilterComment, ...l4, '-d', ip, '--dport', port, '-j', externalFilterTarget));
    }
    // Capture load-balancer ingress.
    for (const ip of sp.loadBalancerVIPs) {
      if (hasEndpoints) natRules.push(line('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', `"${name} loadbalancer IP"`, ...l4, '-d', ip, '--dport', port, '-j', loadBalancerTrafficChain));
      if (usesFWChain) filterRules.push(line('-A', 'KUBE-PROXY-FIREWALL', '-m', 'comment', '--comment', `"${name} traffic not accepted by ${fwChain}"`, ...l4, '-d', ip, '--dport', port, '-j', 'DROP'));
    }
    if (!hasExternalEndpoints) {
      for (const ip of sp.loadBalancerVIPs) filterRules.push(line('-A', 'KUBE-EXTERNAL-SERVICES', '-m', 'comment', '--comment', externalFilterComment, ...l4, '-d', ip, '--dport', port, '-j', externalFilterTarget));
    }
    // Capture node ports.
    if (sp.nodePort) {
      if (hasEndpoints) natRules.push(line('-A', 'KUBE-NODEPORTS', '-m', 'comment', '--comment', name, ...l4, '--dport', String(sp.nodePort), '-j', externalTrafficChain));
      if (!hasExternalEndpoints) filterRules.push(line('-A', 'KUBE-EXTERNAL-SERVICES', '-m', 'comment', '--comment', externalFilterComment, '-m', 'addrtype', '--dst-type', 'LOCAL', ...l4, '--dport', String(sp.nodePort), '-j', externalFilterTarget));
    }
    // The health check node port is accepted whether or not this node has endpoints.
    if (sp.healthCheckNodePort) filterRules.push(line('-A', 'KUBE-NODEPORTS', '-m', 'comment', '--comment', `"${name} health check node port"`, '-m', 'tcp', '-p', 'tcp', '--dport', String(sp.healthCheckNodePort), '-j', 'ACCEPT'));
    // Internal traffic: masquerade what does not come from a pod.
    if (hasInternalEndpoints) {
      const head = ['-m', 'comment', '--comment', `"${name} cluster IP"`, ...l4, '-d', sp.clusterIP, '--dport', port];
      if (opts.masqueradeAll) natRules.push(line('-A', internalTrafficChain, ...head, '-j', 'KUBE-MARK-MASQ'));
      else if (ifNotLocal) natRules.push(line('-A', internalTrafficChain, ...head, ...ifNotLocal, '-j', 'KUBE-MARK-MASQ'));
    }
    // External traffic: NodePort, external IPs and load-balancer IPs all go through KUBE-EXT.
    if (usesExternalTrafficChain) {
      natChains.push(chainLine(externalTrafficChain));
      active.add(externalTrafficChain);
      if (!externalPolicyLocal(sp)) {
        natRules.push(line('-A', externalTrafficChain, '-m', 'comment', '--comment', `"masquerade traffic for ${name} external destinations"`, '-j', 'KUBE-MARK-MASQ'));
      } else {
        // Local policy keeps the client's address; pods and the node itself are short-circuited to the Cluster chain.
        if (ifLocal) natRules.push(line('-A', externalTrafficChain, '-m', 'comment', '--comment', `"pod traffic for ${name} external destinations"`, ...ifLocal, '-j', clusterPolicyChain));
        natRules.push(line('-A', externalTrafficChain, '-m', 'comment', '--comment', `"masquerade LOCAL traffic for ${name} external destinations"`, '-m', 'addrtype', '--src-type', 'LOCAL', '-j', 'KUBE-MARK-MASQ'));
        natRules.push(line('-A', externalTrafficChain, '-m', 'comment', '--comment', `"route LOCAL traffic for ${name} external destinations"`, '-m', 'addrtype', '--src-type', 'LOCAL', '-j', clusterPolicyChain));
      }
      if (hasExternalEndpoints) natRules.push(line('-A', externalTrafficChain, '-j', externalPolicyChain));
    }
    // loadBalancerSourceRanges.
    if (usesFWChain) {
      natChains.push(chainLine(fwChain));
      active.add(fwChain);
      const head = ['-A', fwChain, '-m', 'comment', '--comment', `"${name} loadbalancer IP"`];
      let allowFromNode = false;
      for (const cidr of sp.loadBalancerSourceRanges) {
        natRules.push(line(...head, '-s', cidr, '-j', externalTrafficChain));
        if (opts.nodeIP && cidrContains(cidr, opts.nodeIP)) allowFromNode = true;
      }
      if (allowFromNode) for (const ip of sp.loadBalancerVIPs) natRules.push(line(...head, '-s', ip, '-j', externalTrafficChain));
      natRules.push(line('-A', fwChain, '-m', 'comment', '--comment', `"other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL"`));
    }
    const writeServiceToEndpointRules = (chain: string, eps: EndpointInfo[]): void => {
      if (sp.sessionAffinity === 'ClientIP') {
        for (const ep of eps) {
          const sep = servicePortEndpointChainName(name, protocol, epString(ep));
          natRules.push(line('-A', chain, ...comment(`"${name} -> ${epString(ep)}"`), '-m', 'recent', '--name', sep, '--rcheck', '--seconds', String(sp.stickyMaxAgeSeconds), '--reap', '-j', sep));
        }
      }
      eps.forEach((ep, i) => {
        const sep = servicePortEndpointChainName(name, protocol, epString(ep));
        const stat = i < eps.length - 1 ? ['-m', 'statistic', '--mode', 'random', '--probability', probability(eps.length - i)] : [];
        natRules.push(line('-A', chain, ...comment(`"${name} -> ${epString(ep)}"`), ...stat, '-j', sep));
      });
    };
    if (usesClusterPolicyChain) {
      natChains.push(chainLine(clusterPolicyChain));
      active.add(clusterPolicyChain);
      writeServiceToEndpointRules(clusterPolicyChain, cat.cluster);
    }
    if (usesLocalPolicyChain) {
      natChains.push(chainLine(localPolicyChain));
      active.add(localPolicyChain);
      writeServiceToEndpointRules(localPolicyChain, cat.local);
    }
    for (const ep of cat.reachable) {
      const sep = servicePortEndpointChainName(name, protocol, epString(ep));
      natChains.push(chainLine(sep));
      active.add(sep);
      natRules.push(line('-A', sep, ...comment(name), '-s', ep.ip, '-j', 'KUBE-MARK-MASQ'));
      const affinity = sp.sessionAffinity === 'ClientIP' ? ['-m', 'recent', '--name', sep, '--set'] : [];
      natRules.push(line('-A', sep, ...comment(name), ...affinity, ...l4, '-j', 'DNAT', '--to-destination', epString(ep)));
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

/** Does `cidr` (a.b.c.d/n) contain `ip`? */
function cidrContains(cidr: string, ip: string): boolean {
  const [net, len] = cidr.split('/');
  const n = parseIp4(net);
  const a = parseIp4(ip);
  if (n === undefined || a === undefined) return false;
  return inNet(a, n, Number(len));
}
