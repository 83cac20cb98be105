// A three-node cluster end to end: flannel gives every node a pod subnet and
// routes between nodes; a Deployment's pods get addresses from their node's
// /24 through the CNI plugins; pods on different nodes reach each other;
// kube-proxy writes its ruleset through iptables-restore.

import { describe, expect, it } from 'vitest';
import { World } from '../world/world.ts';
import { buildCluster } from './cluster.ts';
import { probeEcho } from '../labs/checks.ts';
import { parseIp4 } from '../kernel/addr.ts';
import { lastSync } from '../userland/k8s/kube-proxy.ts';

function deployment(name: string, replicas: number, image = 'nginx:1.14'): import('./api.ts').KObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default', labels: { app: name } }, spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image }] } } } };
}

describe('cluster', () => {
  it('runs pods on both workers with routable addresses', async () => {
    const w = new World({ seed: 3 });
    const c = buildCluster(w);
    await c.settle();
    c.api.create(deployment('web', 3));
    await c.settle();
    const pods = c.api.list('Pod', 'default');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.status.phase).toBe('Running');
      expect(p.metadata.name).toMatch(/^web-[4-9bcdf]{1,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    }
    const nodesUsed = new Set(pods.map((p) => p.spec.nodeName));
    expect(nodesUsed).toEqual(new Set(['node01', 'node02']));
    const a = pods.find((p) => p.spec.nodeName === 'node01')!;
    const b = pods.find((p) => p.spec.nodeName === 'node02')!;
    expect(a.status.podIP).toMatch(/^10\.244\.1\./);
    expect(b.status.podIP).toMatch(/^10\.244\.2\./);
    const nsA = c.kubelets.get('node01')!.podNetns('default', a.metadata.name)!;
    const r = await probeEcho(w, nsA, parseIp4(b.status.podIP)!);
    expect(r.ok).toBe(true);
    // Endpoints follow ready pods.
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.100.100.100', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] } });
    await c.settle();
    const slice = c.api.list('EndpointSlice', 'default').find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')!;
    expect(slice.endpoints).toHaveLength(3);
    const sync = lastSync.get(c.host('node01'));
    expect(sync?.text).toContain('-A KUBE-SERVICES -m comment --comment "default/web cluster IP" -m tcp -p tcp -d 10.100.100.100 --dport 80 -j KUBE-SVC-');
    // A rolling update replaces every pod and keeps the Deployment available.
    c.api.patch('Deployment', 'default', 'web', (d) => (d.spec.template.spec.containers[0].image = 'nginx:1.27'));
    await c.settle();
    const after = c.api.list('Pod', 'default');
    expect(after).toHaveLength(3);
    expect(after.every((p) => p.spec.containers[0].image === 'nginx:1.27' && p.status.phase === 'Running')).toBe(true);
    expect(c.api.list('ReplicaSet', 'default')).toHaveLength(2);
  });
});
