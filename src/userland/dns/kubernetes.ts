// CoreDNS's `kubernetes` plugin (plugin/kubernetes): names under the
// cluster domain answered from the API server's objects at query time, as
// the plugin answers from its informer caches, per the DNS-based service
// discovery specification (kubernetes/dns docs/specification.md, 1.1.0):
//
//   web.ns.svc.zone                 A      the ClusterIP; headless: every ready endpoint
//   ext.ns.svc.zone                 CNAME  spec.externalName (ExternalName Services)
//   _http._tcp.web.ns.svc.zone      SRV    0 W PORT target per port (named or not when no
//   web.ns.svc.zone (SRV)                  _port._proto is given); target: the Service name,
//                                          or HOSTNAME.web.ns.svc.zone per endpoint (headless)
//   HOSTNAME.web.ns.svc.zone        A      a headless endpoint (hostname or dashed IP)
//   1-2-3-4.ns.pod.zone             A      1.2.3.4 (pods insecure; verified: a pod has it)
//   dns-version.zone                TXT    "1.1.0" (TTL 28800)
//   d.c.b.a.in-addr.arpa            PTR    a ClusterIP's Service, an endpoint's name;
//                                          anything else falls through (to forward)
//   zone, svc.zone, ns.svc.zone, pod.zone   NODATA (SOA); other names NXDOMAIN (SOA)
//
// SRV weights as CoreDNS computes them: 100 shared among the records of a
// priority (100/N each, integer); the targets' addresses go in the
// additional section. Expected answers: CoreDNS's handler_test.go and
// reverse_test.go.

import type { ApiReader, KObject } from '../../k8s/client.ts';
import { CLASS_IN, canonName, type RR } from './wire.ts';
import type { AuthZone } from './server.ts';
import type { KubernetesConf } from './corefile.ts';

/** The specification's schema version, served as dns-version TXT. */
export const DNS_SCHEMA_VERSION = '1.1.0';

interface Endpoint {
  ip: string;
  hostname: string;
  ready: boolean;
}

/** endpointHostname: the endpoint's hostname, else its address with dashes (IPv6 `:` too). */
function hostnameOf(ip: string, hostname?: string): string {
  if (hostname) return hostname;
  return ip.includes(':') ? ip.replace(/:/g, '-') : ip.replace(/\./g, '-');
}

/** The Service's endpoints, from its EndpointSlices (ready ones; publishNotReadyAddresses adds the rest). */
function endpointsOf(api: ApiReader, svc: KObject): Endpoint[] {
  const out: Endpoint[] = [];
  const ns = svc.metadata.namespace;
  for (const sl of api.list('EndpointSlice', ns)) {
    if (sl.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
    for (const e of sl.endpoints ?? []) {
      const ready = e.conditions?.ready !== false;
      if (!ready && !svc.spec?.publishNotReadyAddresses) continue;
      for (const ip of e.addresses ?? []) out.push({ ip, hostname: hostnameOf(ip, e.hostname), ready });
    }
  }
  // A Service without slices (Endpoints written by hand) still has its Endpoints object.
  if (!out.length) {
    const ep = api.get('Endpoints', ns, svc.metadata.name);
    for (const ss of ep?.subsets ?? []) for (const a of ss.addresses ?? []) out.push({ ip: a.ip, hostname: hostnameOf(a.ip, a.hostname), ready: true });
  }
  return out;
}

/** Ports a query selects: `_name._proto` labels (a missing one matches everything). */
function portsFor(svc: KObject, port?: string, proto?: string): { port: number; name: string; protocol: string }[] {
  const ps = (svc.spec?.ports ?? []) as { port: number; name?: string; protocol?: string }[];
  return ps
    .map((p) => ({ port: p.port, name: p.name ?? '', protocol: (p.protocol ?? 'TCP').toLowerCase() }))
    .filter((p) => (port === undefined || port === '*' || p.name === port) && (proto === undefined || proto === '*' || p.protocol === proto));
}

const isHeadless = (svc: KObject): boolean => svc.spec?.clusterIP === 'None';

/** The zones the plugin answers, reading `api` on every query (SOA serials from `clock`, the host's). */
export function kubernetesZones(conf: KubernetesConf, api: ApiReader, clock: { readonly now: number }): AuthZone[] {
  const out: AuthZone[] = [];
  const forward = conf.zones.filter((z) => !z.endsWith('in-addr.arpa') && !z.endsWith('ip6.arpa'));
  const clusterZone = forward[0] ?? 'cluster.local';
  for (const origin of conf.zones) {
    const rr = (name: string, data: RR['data'], ttl = conf.ttl): RR => ({ name: canonName(name), ttl, cls: CLASS_IN, data });
    const soa = (): RR => ({
      name: origin,
      ttl: conf.ttl,
      cls: CLASS_IN,
      // plugin/kubernetes Serial: the API connection's last modification (unix seconds).
      data: { type: 'SOA', mname: `ns.dns.${origin}`, rname: `hostmaster.${origin}`, serial: Math.floor(clock.now / 1000) + 1767268800, refresh: 7200, retry: 1800, expire: 86400, minimum: conf.ttl },
    });
    const falls = (conf.fallthrough ?? []).length === 0 ? conf.fallthrough !== undefined : (conf.fallthrough ?? []).some((f) => origin === f || origin.endsWith(`.${f}`));
    if (origin.endsWith('in-addr.arpa') || origin.endsWith('ip6.arpa')) {
      const zone: AuthZone = {
        origin,
        records: [],
        fallthrough: falls,
        synth: (name) => {
          const ip = reverseIp(canonName(name));
          if (!ip) return [];
          const ptr = (target: string): RR => rr(name, { type: 'PTR', target: canonName(target) });
          // serviceRecordForIP: a Service's ClusterIP first, then the endpoints of every Service.
          for (const svc of api.list('Service')) {
            const ips = (svc.spec?.clusterIPs ?? [svc.spec?.clusterIP]) as (string | undefined)[];
            if (ips.includes(ip)) return [ptr(`${svc.metadata.name}.${svc.metadata.namespace}.svc.${clusterZone}`)];
          }
          for (const svc of api.list('Service')) {
            for (const e of endpointsOf(api, svc)) if (e.ip === ip) return [ptr(`${e.hostname}.${svc.metadata.name}.${svc.metadata.namespace}.svc.${clusterZone}`)];
          }
          return [];
        },
      };
      out.push(zone);
      continue;
    }
    const zone: AuthZone = {
      origin,
      records: [soa()],
      upstreamCname: true,
      exists: (name) => {
        const rel = relative(name, origin);
        if (rel.length === 0) return true;
        if (rel.length === 1) return rel[0] === 'svc' || rel[0] === 'pod';
        if (rel.length === 2 && (rel[1] === 'svc' || rel[1] === 'pod')) return !!api.get('Namespace', undefined, rel[0]);
        // _port._proto.svc.ns.svc / _proto.svc.ns.svc: names that exist when the Service does.
        if (rel.length === 4 && rel[3] === 'svc' && rel[0].startsWith('_')) return !!api.get('Service', rel[2], rel[1]);
        return false;
      },
      synth: (name) => {
        zone.records = [soa()];
        const rel = relative(name, origin);
        if (rel.length === 1 && rel[0] === 'dns-version') return [rr(name, { type: 'TXT', strings: [DNS_SCHEMA_VERSION] }, 28800)];
        // pods: 1-2-3-4.ns.pod.zone
        if (rel.length === 3 && rel[2] === 'pod') {
          if (conf.pods === 'disabled') return [];
          const m = /^(\d+)-(\d+)-(\d+)-(\d+)$/.exec(rel[0]);
          if (!m || m.slice(1).some((x) => Number(x) > 255) || !api.get('Namespace', undefined, rel[1])) return [];
          const ip = m.slice(1).map(Number).join('.');
          if (conf.pods === 'verified' && !api.list('Pod', rel[1]).some((p) => p.status?.podIP === ip)) return [];
          return [rr(name, { type: 'A', address: ip })];
        }
        if (rel[rel.length - 1] !== 'svc' || rel.length < 3 || rel.length > 5) return [];
        const [ns, svcName] = [rel[rel.length - 2], rel[rel.length - 3]];
        const svc = api.get('Service', ns, svcName);
        if (!svc) return [];
        const svcFqdn = `${svcName}.${ns}.svc.${origin}`;
        const eps = isHeadless(svc) ? endpointsOf(api, svc) : [];
        // HOSTNAME.svc.ns.svc.zone (headless endpoints) and _port._proto.svc.ns.svc.zone
        let port: string | undefined;
        let proto: string | undefined;
        let host: string | undefined;
        if (rel.length === 5) {
          if (!rel[0].startsWith('_') || !rel[1].startsWith('_')) return [];
          port = rel[0].slice(1);
          proto = rel[1].slice(1);
        } else if (rel.length === 4) {
          if (rel[0].startsWith('_')) return [];
          host = rel[0];
        }
        if (host !== undefined) {
          if (!isHeadless(svc)) return [];
          return eps.filter((e) => e.hostname === host).map((e) => rr(name, e.ip.includes(':') ? { type: 'AAAA', address: e.ip } : { type: 'A', address: e.ip }));
        }
        if (svc.spec?.type === 'ExternalName') {
          if (rel.length !== 3) return [];
          return [rr(name, { type: 'CNAME', target: canonName(svc.spec.externalName ?? '') })];
        }
        const ports = portsFor(svc, port, proto);
        const addrs: RR[] = [];
        const srvs: RR[] = [];
        if (!isHeadless(svc)) {
          const ips = ((svc.spec?.clusterIPs ?? [svc.spec?.clusterIP]) as (string | undefined)[]).filter((x): x is string => !!x);
          if (rel.length === 3) for (const ip of ips) addrs.push(rr(name, ip.includes(':') ? { type: 'AAAA', address: ip } : { type: 'A', address: ip }));
          // One SRV per port; the weight is shared by the address records behind it (dual stack: 50).
          const w = Math.floor(100 / Math.max(1, ips.length));
          for (const p of ports) srvs.push(rr(name, { type: 'SRV', priority: 0, weight: w, port: p.port, target: canonName(svcFqdn) }));
        } else {
          if (rel.length === 3) for (const e of eps) addrs.push(rr(name, e.ip.includes(':') ? { type: 'AAAA', address: e.ip } : { type: 'A', address: e.ip }));
          const w = Math.floor(100 / Math.max(1, eps.length * Math.max(1, ports.length)));
          const seen = new Set<string>();
          for (const p of ports) {
            for (const e of eps) {
              const target = canonName(`${e.hostname}.${svcFqdn}`);
              const k = `${p.port}/${target}`;
              if (seen.has(k)) continue;
              seen.add(k);
              srvs.push(rr(name, { type: 'SRV', priority: 0, weight: w, port: p.port, target }));
            }
          }
        }
        return [...addrs, ...srvs];
      },
    };
    out.push(zone);
  }
  return out;
}

/** Labels of `name` below `origin` (leftmost first). */
function relative(name: string, origin: string): string[] {
  const n = canonName(name);
  if (n === origin) return [];
  return n.slice(0, -(origin.length + 1)).split('.');
}

/** The address of a reverse name (`4.3.2.1.in-addr.arpa` → 1.2.3.4; ip6.arpa nibbles → compressed IPv6). */
function reverseIp(name: string): string | undefined {
  if (name.endsWith('.in-addr.arpa')) {
    const ls = name.slice(0, -'.in-addr.arpa'.length).split('.');
    if (ls.length !== 4 || ls.some((x) => !/^\d+$/.test(x) || Number(x) > 255)) return undefined;
    return ls.reverse().map(Number).join('.');
  }
  if (name.endsWith('.ip6.arpa')) {
    const ls = name.slice(0, -'.ip6.arpa'.length).split('.');
    if (ls.length !== 32 || ls.some((x) => !/^[0-9a-f]$/.test(x))) return undefined;
    const hex = ls.reverse().join('');
    const groups = Array.from({ length: 8 }, (_, i) => parseInt(hex.slice(i * 4, i * 4 + 4), 16).toString(16));
    return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
  }
  return undefined;
}
