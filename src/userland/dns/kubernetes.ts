// CoreDNS's `kubernetes` plugin (plugin/kubernetes): names under the
// cluster domain answered from the API server's objects at query time, as
// the plugin answers from its informer caches.
//
//   web.default.svc.cluster.local      A  the ClusterIP (headless: every ready endpoint)
//   10-244-1-5.default.pod.cluster.local A 10.244.1.5   (pods insecure)
//   anything else under cluster.local    NXDOMAIN with the zone's SOA
//
// Reverse zones (in-addr.arpa, ip6.arpa) are left to fall through to
// `forward`, as kubeadm's Corefile lets them for addresses it does not own.

import type { ApiServer } from '../../k8s/api.ts';
import { CLASS_IN, canonName, type RR } from './wire.ts';
import type { AuthZone } from './server.ts';
import type { KubernetesConf } from './corefile.ts';

/** The zones the plugin answers, reading `api` on every query. */
export function kubernetesZones(conf: KubernetesConf, api: ApiServer): AuthZone[] {
  const out: AuthZone[] = [];
  for (const origin of conf.zones) {
    if (origin.endsWith('in-addr.arpa') || origin.endsWith('ip6.arpa')) continue;
    const soa = (): RR => ({
      name: origin,
      ttl: conf.ttl,
      cls: CLASS_IN,
      // plugin/kubernetes Serial: the API connection's last modification (unix seconds).
      data: { type: 'SOA', mname: `ns.dns.${origin}`, rname: `hostmaster.${origin}`, serial: Math.floor(api.clock.now / 1000) + 1767268800, refresh: 7200, retry: 1800, expire: 86400, minimum: conf.ttl },
    });
    const zone: AuthZone = {
      origin,
      records: [soa()],
      synth: (name) => {
        zone.records = [soa()];
        const rel = canonName(name).slice(0, -(origin.length + 1)).split('.');
        const a = (address: string): RR => ({ name: canonName(name), ttl: conf.ttl, cls: CLASS_IN, data: { type: 'A', address } });
        if (rel.length === 3 && rel[2] === 'svc') {
          const svc = api.get('Service', rel[1], rel[0]);
          if (!svc) return [];
          const ip = svc.spec?.clusterIP;
          if (ip && ip !== 'None') return [a(ip)];
          const addrs: string[] = [];
          for (const sl of api.list('EndpointSlice', rel[1])) {
            if (sl.metadata.labels?.['kubernetes.io/service-name'] !== rel[0]) continue;
            for (const e of sl.endpoints ?? []) if (e.conditions?.ready !== false) addrs.push(...(e.addresses ?? []));
          }
          return addrs.map(a);
        }
        if (rel.length === 3 && rel[2] === 'pod' && conf.pods !== 'disabled') {
          const m = /^(\d+)-(\d+)-(\d+)-(\d+)$/.exec(rel[0]);
          if (!m || !api.get('Namespace', undefined, rel[1])) return [];
          const ip = m.slice(1).join('.');
          if (conf.pods === 'verified' && !api.list('Pod', rel[1]).some((p) => p.status?.podIP === ip)) return [];
          return [a(ip)];
        }
        return [];
      },
    };
    out.push(zone);
  }
  return out;
}
