// What kube-proxy knows after its informers ran: service ports and their
// endpoints (pkg/proxy ServicePortName, BaseServicePortInfo, BaseEndpointInfo),
// built from Service and EndpointSlice objects. Both proxy modes consume it.

import type { KObject } from '../api.ts';
import { servicePortNameString } from '../hash.ts';

/** One endpoint of a service port. */
export interface EndpointInfo {
  ip: string;
  port: number;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  nodeName?: string;
}

/** One port of one Service, with its endpoints. */
export interface ServicePortInfo {
  namespace: string;
  name: string;
  portName: string;
  /** ServicePortName.String(). */
  nameString: string;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  clusterIP: string;
  port: number;
  nodePort: number;
  externalTrafficPolicy: string;
  internalTrafficPolicy: string;
  sessionAffinity: string;
  /** sessionAffinityConfig.clientIP.timeoutSeconds (default 10800). */
  stickyMaxAgeSeconds: number;
  /** spec.externalIPs. */
  externalIPs: string[];
  /** status.loadBalancer.ingress[].ip (LoadBalancerVIPs; ipMode Proxy left out). */
  loadBalancerVIPs: string[];
  /** spec.loadBalancerSourceRanges, trimmed and in CIDR form. */
  loadBalancerSourceRanges: string[];
  /** spec.healthCheckNodePort (LoadBalancer with externalTrafficPolicy Local). */
  healthCheckNodePort: number;
  endpoints: EndpointInfo[];
}

/** `ip:port` (BaseEndpointInfo.String()). */
export const epString = (e: EndpointInfo): string => `${e.ip}:${e.port}`;

/** Build the service-port map from API objects (ClusterIP services only; headless skipped). */
export function servicePorts(services: KObject[], slices: KObject[]): ServicePortInfo[] {
  const out: ServicePortInfo[] = [];
  for (const s of services) {
    const ip = s.spec?.clusterIP;
    if (!ip || ip === 'None') continue;
    const ns = s.metadata.namespace ?? 'default';
    for (const p of s.spec.ports ?? []) {
      const portName = p.name ?? '';
      const proto = (p.protocol ?? 'TCP') as ServicePortInfo['protocol'];
      const eps: EndpointInfo[] = [];
      for (const sl of slices) {
        if (sl.metadata.namespace !== ns || sl.metadata.labels?.['kubernetes.io/service-name'] !== s.metadata.name) continue;
        const sp = (sl.ports ?? []).find((x: { name?: string; protocol?: string }) => (x.name ?? '') === portName && (x.protocol ?? 'TCP') === proto);
        if (!sp) continue;
        for (const e of sl.endpoints ?? []) {
          for (const a of e.addresses ?? []) {
            eps.push({ ip: a, port: sp.port, ready: e.conditions?.ready !== false, serving: e.conditions?.serving !== false, terminating: !!e.conditions?.terminating, nodeName: e.nodeName });
          }
        }
      }
      // The endpoints cache returns endpoints sorted by their string form.
      eps.sort((a, b) => (epString(a) < epString(b) ? -1 : epString(a) > epString(b) ? 1 : 0));
      out.push({
        namespace: ns,
        name: s.metadata.name,
        portName,
        nameString: servicePortNameString(ns, s.metadata.name, portName),
        protocol: proto,
        clusterIP: ip,
        port: p.port,
        nodePort: p.nodePort ?? 0,
        externalTrafficPolicy: s.spec.externalTrafficPolicy ?? 'Cluster',
        internalTrafficPolicy: s.spec.internalTrafficPolicy ?? 'Cluster',
        sessionAffinity: s.spec.sessionAffinity ?? 'None',
        stickyMaxAgeSeconds: Number(s.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800),
        externalIPs: [...(s.spec.externalIPs ?? [])].map(String),
        loadBalancerVIPs: (s.status?.loadBalancer?.ingress ?? []).filter((i: { ip?: string; ipMode?: string }) => i.ip && i.ipMode !== 'Proxy').map((i: { ip: string }) => i.ip),
        loadBalancerSourceRanges: (s.spec.loadBalancerSourceRanges ?? []).map((r: string) => normalizeCidr(String(r).trim())).filter((r: string | undefined): r is string => !!r),
        // newBaseServiceInfo keeps it only where NeedsHealthCheck: type LoadBalancer with Local policy.
        healthCheckNodePort: s.spec.type === 'LoadBalancer' && s.spec.externalTrafficPolicy === 'Local' ? Number(s.spec.healthCheckNodePort ?? 0) : 0,
        endpoints: eps,
      });
    }
  }
  return out.sort((a, b) => (a.nameString + a.protocol < b.nameString + b.protocol ? -1 : 1));
}

/** A CIDR in net.IPNet.String() form (host bits cleared); undefined when it does not parse. */
function normalizeCidr(c: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(c);
  if (!m) return undefined;
  const o = m.slice(1, 5).map(Number);
  const len = Number(m[5]);
  if (o.some((x) => x > 255) || len > 32) return undefined;
  const ip = ((o[0] << 24) | (o[1] << 16) | (o[2] << 8) | o[3]) >>> 0;
  const net = len === 0 ? 0 : (ip & (0xffffffff << (32 - len))) >>> 0;
  return `${net >>> 24}.${(net >>> 16) & 255}.${(net >>> 8) & 255}.${net & 255}/${len}`;
}

/** BaseServicePortInfo.ExternallyAccessible: a NodePort, a load-balancer VIP or an external IP. */
export function externallyAccessible(sp: ServicePortInfo): boolean {
  return sp.nodePort !== 0 || sp.loadBalancerVIPs.length > 0 || sp.externalIPs.length > 0;
}

/** ExternalPolicyLocal: externalTrafficPolicy Local on an externally reachable port. */
export function externalPolicyLocal(sp: ServicePortInfo): boolean {
  return externallyAccessible(sp) && sp.externalTrafficPolicy === 'Local';
}

/** InternalPolicyLocal. */
export function internalPolicyLocal(sp: ServicePortInfo): boolean {
  return sp.internalTrafficPolicy === 'Local';
}

/** UsesClusterEndpoints: Cluster internal policy, or external traffic at all (short-circuiting needs the Cluster chain). */
export function usesClusterEndpoints(sp: ServicePortInfo): boolean {
  return !internalPolicyLocal(sp) || externallyAccessible(sp);
}

/** UsesLocalEndpoints. */
export function usesLocalEndpoints(sp: ServicePortInfo): boolean {
  return internalPolicyLocal(sp) || externalPolicyLocal(sp);
}

/** proxy.CategorizeEndpoints for Cluster policy: ready endpoints, else serving-terminating ones. */
export function clusterEndpoints(sp: ServicePortInfo): EndpointInfo[] {
  const ready = sp.endpoints.filter((e) => e.ready);
  if (ready.length) return ready;
  return sp.endpoints.filter((e) => e.serving && e.terminating);
}

/** What proxy.CategorizeEndpoints (pkg/proxy/topology.go) returns for one node. */
export interface Categorized {
  cluster: EndpointInfo[];
  local: EndpointInfo[];
  /** Endpoints that get a KUBE-SEP chain on this node (cluster ∪ local, in endpoint order). */
  reachable: EndpointInfo[];
  hasAny: boolean;
}

/**
 * The policy chain internal (ClusterIP) and external traffic goes to, and
 * whether endpoints serve each: the lines the iptables and nftables
 * proxiers' syncProxyRules share. A Local policy takes the Local chain and
 * has endpoints only where one runs on this node.
 */
export function policyChains(sp: ServicePortInfo, cat: Categorized, chains: { cluster: string; local: string }): { internalTrafficChain: string; hasInternalEndpoints: boolean; externalPolicyChain: string; hasExternalEndpoints: boolean } {
  const internalLocal = internalPolicyLocal(sp);
  const externalLocal = externalPolicyLocal(sp);
  return {
    internalTrafficChain: internalLocal ? chains.local : chains.cluster,
    hasInternalEndpoints: cat.hasAny && !(internalLocal && !cat.local.length),
    externalPolicyChain: externalLocal ? chains.local : chains.cluster,
    hasExternalEndpoints: cat.hasAny && !(externalLocal && !cat.local.length),
  };
}

/** proxy.CategorizeEndpoints (topology hints not modelled): local endpoints are those whose nodeName is this node. */
export function categorizeEndpoints(sp: ServicePortInfo, nodeName: string | undefined): Categorized {
  const cluster = usesClusterEndpoints(sp) ? clusterEndpoints(sp) : [];
  let hasAny = cluster.length > 0;
  if (!usesLocalEndpoints(sp)) return { cluster, local: [], reachable: cluster, hasAny };
  const isLocal = (e: EndpointInfo): boolean => !!nodeName && e.nodeName === nodeName;
  let readyLocal = false;
  let termLocal = false;
  for (const e of sp.endpoints) {
    if (e.ready) {
      hasAny = true;
      if (isLocal(e)) readyLocal = true;
    } else if (e.serving && e.terminating) {
      hasAny = true;
      if (isLocal(e)) termLocal = true;
    }
  }
  const local = readyLocal ? sp.endpoints.filter((e) => isLocal(e) && e.ready) : termLocal ? sp.endpoints.filter((e) => isLocal(e) && e.serving && e.terminating) : [];
  if (!usesClusterEndpoints(sp)) return { cluster, local, reachable: local, hasAny };
  const reachable = sp.endpoints.filter((e) => cluster.includes(e) || local.includes(e));
  return { cluster, local, reachable, hasAny };
}
