// MetalLB's controller (the `controller` Deployment of metallb-system):
// watches Services and IPAddressPools and gives every LoadBalancer Service
// an address from a pool, written to status.loadBalancer.ingress (so
// `kubectl get svc` shows it as EXTERNAL-IP), with the events and log lines
// of controller/service.go. A Service that gets nothing stays `<pending>`
// with an AllocationFailed event; it is retried whenever a Service or a
// pool changes (a deleted Service frees its address). See src/k8s/metallb.ts.

import { register } from '../registry.ts';
import { kernelOf } from '../lib/sys.ts';
import { parseIp4 } from '../../kernel/addr.ts';
import { inClusterConfig, modify, type KObject } from '../../k8s/client.ts';
import { ANN_FROM_POOL, ANN_FROM_POOL_OLD, allocate, desiredIps, metallbEvent, metallbLog, poolFor, poolsOf } from '../../k8s/metallb.ts';
import { coalescedReconcile } from './coalesce.ts';

const ingressIps = (s: KObject): string[] => ((s.status?.loadBalancer?.ingress ?? []) as { ip?: string }[]).map((i) => i.ip ?? '').filter(Boolean);

register({
  name: 'metallb-controller',
  summary: 'MetalLB controller: assigns LoadBalancer addresses from IPAddressPools (runs in the metallb-system controller pod)',
  hidden: true,
  async run(p) {
    const b = inClusterConfig(kernelOf(p));
    if (!b) {
      p.stderr.write('{"level":"error","msg":"unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined"}\n');
      return 1;
    }
    const api = b.api;
    const log = (level: string, kv: Record<string, unknown>): void => p.stdout.write(metallbLog(api, level, kv));
    const lastError = new Map<string, string>();
    const clear = (s: KObject): void => {
      modify(api, 'Service', s.metadata.namespace, s.metadata.name, (o) => {
        o.status = { ...(o.status ?? {}), loadBalancer: {} };
        if (o.metadata.annotations) {
          delete o.metadata.annotations[ANN_FROM_POOL];
          delete o.metadata.annotations[ANN_FROM_POOL_OLD];
        }
      });
    };
    const reconcile = (): void => {
      const pools = poolsOf(api);
      const services = api.list('Service');
      const lbs = services.filter((s) => s.spec?.type === 'LoadBalancer' && !s.spec?.loadBalancerClass);
      // Addresses held now, oldest holder first.
      const used = new Map<string, string>();
      const key = (s: KObject): string => `${s.metadata.namespace}/${s.metadata.name}`;
      for (const s of [...lbs].sort((a, c) => (a.metadata.creationTimestamp ?? '').localeCompare(c.metadata.creationTimestamp ?? ''))) {
        for (const ip of ingressIps(s)) {
          const a = parseIp4(ip);
          if (a !== undefined && poolFor(pools, a) && !used.has(ip)) used.set(ip, key(s));
        }
      }
      for (const s of services) {
        const k = key(s);
        const cur = ingressIps(s);
        const ours = !!(s.metadata.annotations?.[ANN_FROM_POOL] ?? s.metadata.annotations?.[ANN_FROM_POOL_OLD]);
        if (!lbs.includes(s)) {
          if (cur.length && ours) clear(s);
          lastError.delete(k);
          continue;
        }
        if (!pools.length) {
          if (cur.length) clear(s);
          continue;
        }
        if (cur.length) {
          const want = desiredIps(s).ips;
          const ok = used.get(cur[0]) === k && (!want.length || want[0] === cur[0]);
          if (ok) continue;
          if (used.get(cur[0]) === k) used.delete(cur[0]);
          log('info', { event: 'clearAssignment', reason: 'differentIPRequested', msg: 'user requested a different IP than the one currently assigned' });
          clear(s);
        }
        const r = allocate(pools, k, s, used);
        if ('error' in r) {
          if (lastError.get(k) !== r.error) {
            lastError.set(k, r.error);
            log('error', { op: 'allocateIPs', error: r.error, msg: 'IP allocation failed' });
            metallbEvent(api, s, 'Warning', 'AllocationFailed', `Failed to allocate IP for "${k}": ${r.error}`, 'metallb-controller');
          }
          continue;
        }
        lastError.delete(k);
        used.set(r.ip, k);
        modify(api, 'Service', s.metadata.namespace, s.metadata.name, (o) => {
          o.status = { ...(o.status ?? {}), loadBalancer: { ingress: [{ ip: r.ip }] } };
          o.metadata.annotations = { ...(o.metadata.annotations ?? {}), [ANN_FROM_POOL]: r.pool };
          delete o.metadata.annotations[ANN_FROM_POOL_OLD];
        });
        log('info', { event: 'ipAllocated', ip: [r.ip], msg: 'IP address assigned by controller' });
        metallbEvent(api, s, 'Normal', 'IPAllocated', `Assigned IP ["${r.ip}"]`, 'metallb-controller');
      }
    };
    const sync = coalescedReconcile(reconcile);
    const off = api.watch(['Service', 'IPAddressPool'], () => {
      void b.track(sync());
    });
    await b.track(sync());
    await new Promise<void>((res) => p.onSignal(() => res()));
    off();
    return 0;
  },
});
