// kube-proxy's nftables mode (GA in Kubernetes 1.33): the `ip kube-proxy`
// table that pkg/proxy/nftables/proxier.go writes, as an `nft -f` script
// (what knftables feeds to nft). Layout and rule text follow
// proxier.go (setupNFTables, syncProxyRules, writeServiceToEndpointRules)
// and the dumps its tests expect (proxier_test.go: baseRules and
// TestOverallNFTablesRules), for ClusterIP, NodePort, ExternalIP and
// LoadBalancer addresses with Cluster traffic policy:
//
//   nat-prerouting/nat-output ─ jump services
//     services: ip daddr . meta l4proto . th dport vmap @service-ips
//               ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports
//       ─ goto service-HASH-ns/svc/tcp/port (mark off-cluster sources, numgen vmap)
//       ─ goto external-HASH-… (mark for masquerade, goto service-…)
//          ─ goto endpoint-HASH-…__IP/PORT (hairpin mark, dnat to IP:PORT)
//   nat-postrouting ─ jump masquerading (mark 0x4000 → masquerade fully-random)
//   filter-* chains: no-endpoint services rejected, unallocated ClusterIPs dropped.
//
// Each sync is a full one: chains are added and flushed, sets and maps
// flushed and refilled. Service chains no longer used are flushed and
// deleted on the next sync (proxier.staleChains). Traffic policy Local
// (local-… chains, the external chain's short-circuit rules, `drop` for no
// local endpoints), ClientIP session affinity (per-endpoint affinity-… sets
// with `flags dynamic,timeout`, `ip saddr @set goto` and `update @set { ip
// saddr }`) and loadBalancerSourceRanges (firewall-… chains) as the
// proxier's service loop writes them.

import { base32, sha256 } from '../hash.ts';
import type { KObject } from '../api.ts';
import { categorizeEndpoints, externalPolicyLocal, policyChains, usesClusterEndpoints, usesLocalEndpoints, type EndpointInfo, type ServicePortInfo } from './model.ts';

/** chainNameBaseLengthMax. */
const CHAIN_BASE_MAX = 240;

/** hashAndTruncate: the first 8 base32 characters of sha256(name), a dash, the name. */
export function hashAndTruncate(name: string): string {
  let n = base32(sha256(name)).slice(0, 8) + '-' + name;
  if (n.length > CHAIN_BASE_MAX) n = n.slice(0, CHAIN_BASE_MAX - 3) + '...';
  return n;
}

const base = (sp: ServicePortInfo, protocol: string): string => `${sp.namespace}/${sp.name}/${protocol}/${sp.portName}`;
export const serviceChain = (sp: ServicePortInfo, protocol: string): string => 'service-' + hashAndTruncate(base(sp, protocol));
export const externalChain = (sp: ServicePortInfo, protocol: string): string => 'external-' + hashAndTruncate(base(sp, protocol));
export const localChain = (sp: ServicePortInfo, protocol: string): string => 'local-' + hashAndTruncate(base(sp, protocol));
export const firewallChain = (sp: ServicePortInfo, protocol: string): string => 'firewall-' + hashAndTruncate(base(sp, protocol));
export const endpointChain = (sp: ServicePortInfo, protocol: string, ip: string, port: number): string => 'endpoint-' + hashAndTruncate(`${base(sp, protocol)}__${ip}/${port}`);

/** Options of one node's nftables proxier. */
export interface NftProxierOptions {
  /** --cluster-cidr (LocalDetector by CIDR). */
  clusterCidr?: string;
  /** The service CIDR(s): unallocated ClusterIPs there are dropped. */
  serviceCidr: string;
  /** nodePortAddresses (the node's primary IPs by default). */
  nodeIps: string[];
  /** Service chains a previous sync created (flushed now, deleted next time). */
  existingChains?: string[];
  /** Chains flushed by the previous sync, deleted now. */
  staleChains?: string[];
  /** This node's name (endpoints on it are local for the Local traffic policies). */
  nodeName?: string;
  /** Affinity sets a previous sync created (those no longer used are deleted at once). */
  existingSets?: string[];
}

const T = 'ip kube-proxy';

/** The base part every full sync writes (setupNFTables; proxier_test.go baseRules). */
export function baseRules(o: NftProxierOptions): { chains: string[]; sets: string[]; rules: string[]; elements: string[] } {
  const sets = [
    `add set ${T} cluster-ips { type ipv4_addr ; comment "Active ClusterIPs" ; }`,
    `add set ${T} nodeport-ips { type ipv4_addr ; comment "IPs that accept NodePort traffic" ; }`,
    `add map ${T} firewall-ips { type ipv4_addr . inet_proto . inet_service : verdict ; comment "destinations that are subject to LoadBalancerSourceRanges" ; }`,
    `add map ${T} no-endpoint-nodeports { type inet_proto . inet_service : verdict ; comment "vmap to drop or reject packets to service nodeports with no endpoints" ; }`,
    `add map ${T} no-endpoint-services { type ipv4_addr . inet_proto . inet_service : verdict ; comment "vmap to drop or reject packets to services with no endpoints" ; }`,
    `add map ${T} service-ips { type ipv4_addr . inet_proto . inet_service : verdict ; comment "ClusterIP, ExternalIP and LoadBalancer IP traffic" ; }`,
    `add map ${T} service-nodeports { type inet_proto . inet_service : verdict ; comment "NodePort traffic" ; }`,
  ];
  const chains = [
    `add chain ${T} cluster-ips-check`,
    `add chain ${T} filter-prerouting-pre-dnat { type filter hook prerouting priority -110 ; }`,
    `add chain ${T} filter-output-pre-dnat { type filter hook output priority -110 ; }`,
    `add chain ${T} filter-forward { type filter hook forward priority 0 ; }`,
    `add chain ${T} filter-input { type filter hook input priority 0 ; }`,
    `add chain ${T} filter-output { type filter hook output priority 0 ; }`,
    `add chain ${T} firewall-check`,
    `add chain ${T} mark-for-masquerade`,
    `add chain ${T} masquerading`,
    `add chain ${T} nat-output { type nat hook output priority -100 ; }`,
    `add chain ${T} nat-postrouting { type nat hook postrouting priority 100 ; }`,
    `add chain ${T} nat-prerouting { type nat hook prerouting priority -100 ; }`,
    `add chain ${T} nodeport-endpoints-check`,
    `add chain ${T} reject-chain { comment "helper for @no-endpoint-services / @no-endpoint-nodeports" ; }`,
    `add chain ${T} services`,
    `add chain ${T} service-endpoints-check`,
  ];
  const rules = [
    `add rule ${T} cluster-ips-check ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"`,
    `add rule ${T} cluster-ips-check ip daddr { ${o.serviceCidr} } drop comment "Drop traffic to unallocated ClusterIPs"`,
    `add rule ${T} filter-prerouting-pre-dnat ct state new jump firewall-check`,
    `add rule ${T} filter-forward ct state new jump service-endpoints-check`,
    `add rule ${T} filter-forward ct state new jump cluster-ips-check`,
    `add rule ${T} filter-input ct state new jump nodeport-endpoints-check`,
    `add rule ${T} filter-input ct state new jump service-endpoints-check`,
    `add rule ${T} filter-output ct state new jump service-endpoints-check`,
    `add rule ${T} filter-output-pre-dnat ct state new jump firewall-check`,
    `add rule ${T} filter-output ct state new jump cluster-ips-check`,
    `add rule ${T} firewall-check ip daddr . meta l4proto . th dport vmap @firewall-ips`,
    `add rule ${T} mark-for-masquerade mark set mark or 0x4000`,
    `add rule ${T} masquerading mark and 0x4000 == 0 return`,
    `add rule ${T} masquerading mark set mark xor 0x4000`,
    `add rule ${T} masquerading masquerade fully-random`,
    `add rule ${T} nat-output jump services`,
    `add rule ${T} nat-postrouting jump masquerading`,
    `add rule ${T} nat-prerouting jump services`,
    `add rule ${T} nodeport-endpoints-check ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports`,
    `add rule ${T} reject-chain reject`,
    `add rule ${T} services ip daddr . meta l4proto . th dport vmap @service-ips`,
    `add rule ${T} services ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports`,
    `add rule ${T} service-endpoints-check ip daddr . meta l4proto . th dport vmap @no-endpoint-services`,
  ];
  const elements = o.nodeIps.map((ip) => `add element ${T} nodeport-ips { ${ip} }`);
  return { chains, sets, rules, elements };
}

/** ExternalIPs and LoadBalancer ingress IPs of each Service ("ns/name"). */
export function serviceVips(services: KObject[]): Map<string, { externalIps: string[]; lbIps: string[] }> {
  const m = new Map<string, { externalIps: string[]; lbIps: string[] }>();
  for (const s of services) {
    const lb = s.spec?.type === 'LoadBalancer' ? ((s.status?.loadBalancer?.ingress ?? []) as { ip?: string }[]).map((i) => i.ip ?? '').filter(Boolean) : [];
    m.set(`${s.metadata.namespace ?? 'default'}/${s.metadata.name}`, { externalIps: (s.spec?.externalIPs ?? []) as string[], lbIps: lb });
  }
  return m;
}

/** The per-service part: chains, rules, affinity sets and elements of each service port (syncProxyRules' service loop). */
export function serviceRules(ports: ServicePortInfo[], vips: Map<string, { externalIps: string[]; lbIps: string[] }>, o: NftProxierOptions): { chains: string[]; rules: string[]; elements: string[]; active: string[]; sets: string[]; activeSets: string[] } {
  const chains: string[] = [];
  const rules: string[] = [];
  const elements: string[] = [];
  const active: string[] = [];
  const sets: string[] = [];
  const activeSets: string[] = [];
  const ensure = (c: string): void => {
    if (active.includes(c)) return;
    active.push(c);
    chains.push(`add chain ${T} ${c}`);
  };
  for (const sp of ports) {
    if (sp.protocol === 'SCTP') continue;
    const protocol = sp.protocol.toLowerCase();
    const cat = categorizeEndpoints(sp, o.nodeName);
    const hasEndpoints = cat.hasAny;
    const v = vips.get(`${sp.namespace}/${sp.name}`) ?? { externalIps: sp.externalIPs, lbIps: sp.loadBalancerVIPs };
    const affinity = sp.sessionAffinity === 'ClientIP';
    const epChain = (e: EndpointInfo): string => endpointChain(sp, protocol, e.ip, e.port);
    const affinitySet = (e: EndpointInfo): string => 'affinity-' + epChain(e).slice('endpoint-'.length);
    for (const e of cat.reachable) {
      ensure(epChain(e));
      if (affinity && !activeSets.includes(affinitySet(e))) activeSets.push(affinitySet(e));
    }
    const clusterPolicyChain = serviceChain(sp, protocol);
    const usesClusterPolicyChain = cat.cluster.length > 0 && usesClusterEndpoints(sp);
    if (usesClusterPolicyChain) ensure(clusterPolicyChain);
    const localPolicyChain = localChain(sp, protocol);
    const usesLocalPolicyChain = cat.local.length > 0 && usesLocalEndpoints(sp);
    if (usesLocalPolicyChain) ensure(localPolicyChain);
    const { internalTrafficChain, hasInternalEndpoints, externalPolicyChain, hasExternalEndpoints } = policyChains(sp, cat, { cluster: clusterPolicyChain, local: localPolicyChain });
    const extLocal = externalPolicyLocal(sp);
    const extChain = externalChain(sp, protocol);
    const usesExternalTrafficChain = hasEndpoints && (sp.nodePort > 0 || v.externalIps.length > 0 || v.lbIps.length > 0);
    if (usesExternalTrafficChain) ensure(extChain);
    let internalVerdict = 'goto reject-chain';
    let externalVerdict = 'goto reject-chain';
    if (hasEndpoints) {
      if (!hasInternalEndpoints) internalVerdict = 'drop';
      if (!hasExternalEndpoints) externalVerdict = 'drop';
    }
    const key = (ip: string): string => `${ip} . ${protocol} . ${sp.port}`;
    elements.push(`add element ${T} cluster-ips { ${sp.clusterIP} }`);
    if (hasInternalEndpoints) elements.push(`add element ${T} service-ips { ${key(sp.clusterIP)} : goto ${internalTrafficChain} }`);
    else elements.push(`add element ${T} no-endpoint-services { ${key(sp.clusterIP)} comment "${sp.nameString}" : ${internalVerdict} }`);
    for (const ip of v.externalIps) {
      if (hasEndpoints) elements.push(`add element ${T} service-ips { ${key(ip)} : goto ${extChain} }`);
      if (!hasExternalEndpoints) elements.push(`add element ${T} no-endpoint-services { ${key(ip)} comment "${sp.nameString}" : ${externalVerdict} }`);
    }
    const usesFwChain = v.lbIps.length > 0 && sp.loadBalancerSourceRanges.length > 0;
    const fwChain = firewallChain(sp, protocol);
    if (usesFwChain) ensure(fwChain);
    for (const ip of v.lbIps) {
      if (hasEndpoints) elements.push(`add element ${T} service-ips { ${key(ip)} : goto ${extChain} }`);
      if (usesFwChain) elements.push(`add element ${T} firewall-ips { ${key(ip)} : goto ${fwChain} }`);
    }
    if (!hasExternalEndpoints) for (const ip of v.lbIps) elements.push(`add element ${T} no-endpoint-services { ${key(ip)} comment "${sp.nameString}" : ${externalVerdict} }`);
    if (sp.nodePort) {
      if (hasEndpoints) elements.push(`add element ${T} service-nodeports { ${protocol} . ${sp.nodePort} : goto ${extChain} }`);
      if (!hasExternalEndpoints) elements.push(`add element ${T} no-endpoint-nodeports { ${protocol} . ${sp.nodePort} comment "${sp.nameString}" : ${externalVerdict} }`);
    }
    if (hasInternalEndpoints && o.clusterCidr) rules.push(`add rule ${T} ${internalTrafficChain} ip daddr ${sp.clusterIP} ip saddr != ${o.clusterCidr} jump mark-for-masquerade`);
    if (usesExternalTrafficChain) {
      if (!extLocal) rules.push(`add rule ${T} ${extChain} jump mark-for-masquerade`);
      else {
        if (o.clusterCidr) rules.push(`add rule ${T} ${extChain} ip saddr ${o.clusterCidr} goto ${clusterPolicyChain} comment "short-circuit pod traffic"`);
        rules.push(`add rule ${T} ${extChain} fib saddr type local jump mark-for-masquerade comment "masquerade local traffic"`);
        rules.push(`add rule ${T} ${extChain} fib saddr type local goto ${clusterPolicyChain} comment "short-circuit local traffic"`);
      }
      if (hasExternalEndpoints) rules.push(`add rule ${T} ${extChain} goto ${externalPolicyChain}`);
    }
    if (usesFwChain) {
      const sources = [...sp.loadBalancerSourceRanges];
      const fromNode = sp.loadBalancerSourceRanges.some((c) => o.nodeIps.some((ip) => inCidr(ip, c)));
      if (fromNode) sources.push(...v.lbIps);
      rules.push(`add rule ${T} ${fwChain} ip saddr != { ${sources.join(', ')} } drop`);
    }
    if (affinity) for (const e of cat.reachable) sets.push(`add set ${T} ${affinitySet(e)} { type ipv4_addr ; flags dynamic,timeout ; timeout ${sp.stickyMaxAgeSeconds}s ; }`);
    const toEndpoints = (chain: string, eps: EndpointInfo[]): void => {
      if (affinity) for (const e of eps) rules.push(`add rule ${T} ${chain} ip saddr @${affinitySet(e)} goto ${epChain(e)}`);
      rules.push(`add rule ${T} ${chain} numgen random mod ${eps.length} vmap { ${eps.map((e, i) => `${i} : goto ${epChain(e)}`).join(' , ')} }`);
    };
    if (usesClusterPolicyChain) toEndpoints(clusterPolicyChain, cat.cluster);
    if (usesLocalPolicyChain) toEndpoints(localPolicyChain, cat.local);
    for (const e of cat.reachable) {
      const c = epChain(e);
      rules.push(`add rule ${T} ${c} ip saddr ${e.ip} jump mark-for-masquerade`);
      if (affinity) rules.push(`add rule ${T} ${c} update @${affinitySet(e)} { ip saddr }`);
      rules.push(`add rule ${T} ${c} meta l4proto ${protocol} dnat to ${e.ip}:${e.port}`);
    }
  }
  return { chains, rules, elements, active, sets, activeSets };
}

/** Whether dotted `ip` lies in `cidr`. */
function inCidr(ip: string, cidr: string): boolean {
  const n = (x: string): number => x.split('.').reduce((a, b) => ((a << 8) | Number(b)) >>> 0, 0);
  const [net, len] = cidr.split('/');
  const l = Number(len);
  const mask = l === 0 ? 0 : (0xffffffff << (32 - l)) >>> 0;
  return ((n(ip) & mask) >>> 0) === ((n(net) & mask) >>> 0);
}

/** The whole `nft -f` script of one full sync, and the service chains it keeps. */
export function buildNftScript(ports: ServicePortInfo[], services: KObject[], o: NftProxierOptions): { script: string; active: string[]; stale: string[]; activeSets: string[] } {
  const b = baseRules(o);
  const s = serviceRules(ports, serviceVips(services), o);
  const deleted = (o.staleChains ?? []).filter((c) => !s.active.includes(c));
  const stale = (o.existingChains ?? []).filter((c) => c.includes('/') && !s.active.includes(c) && !deleted.includes(c));
  const staleSets = (o.existingSets ?? []).filter((x) => x.startsWith('affinity-') && !s.activeSets.includes(x));
  const lines = [
    `add table ${T} { comment "rules for kube-proxy" ; }`,
    ...b.chains,
    ...b.chains.map((c) => `flush chain ${T} ${c.split(' ')[4]}`),
    ...b.sets,
    ...b.sets.map((x) => `flush ${x.split(' ')[1]} ${T} ${x.split(' ')[4]}`),
    ...s.sets,
    ...b.rules,
    ...s.chains,
    ...s.chains.map((c) => `flush chain ${T} ${c.split(' ')[4]}`),
    ...stale.map((c) => `flush chain ${T} ${c}`),
    ...deleted.map((c) => `delete chain ${T} ${c}`),
    ...s.rules,
    ...b.elements,
    ...s.elements,
    ...staleSets.map((x) => `delete set ${T} ${x}`),
  ];
  return { script: lines.join('\n') + '\n', active: s.active, stale, activeSets: s.activeSets };
}
