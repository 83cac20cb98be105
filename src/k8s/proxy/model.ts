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
        endpoints: eps,
      });
    }
  }
  return out.sort((a, b) => (a.nameString + a.protocol < b.nameString + b.protocol ? -1 : 1));
}

/** proxy.CategorizeEndpoints for Cluster policy: ready endpoints, else serving-terminating ones. */
export function clusterEndpoints(sp: ServicePortInfo): EndpointInfo[] {
  const ready = sp.endpoints.filter((e) => e.ready);
  if (ready.length) return ready;
  return sp.endpoints.filter((e) => e.serving && e.terminating);
}
