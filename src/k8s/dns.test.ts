// Cluster DNS end to end: kubeadm's CoreDNS Deployment (Corefile from the
// `coredns` ConfigMap) behind the kube-dns Service 10.96.0.10; pods see the
// resolv.conf kubelet writes (search NS.svc.cluster.local svc.cluster.local
// cluster.local, ndots:5) through their file overlay; queries travel over the
// simulated UDP from the pod to the Service, through kube-proxy's rules, to a
// CoreDNS pod whose `kubernetes` plugin answers from the API server.

import { describe, expect, it } from 'vitest';
import '../userland/index.ts';
import { World } from '../world/world.ts';
import { buildCluster, type Cluster } from './cluster.ts';
import { StringIn, StringOut } from '../kernel/proc.ts';

async function inPod(c: Cluster, ns: string, pod: string, argv: string[]): Promise<{ code: number; out: string }> {
  const p = c.api.get('Pod', ns, pod)!;
  const out = new StringOut();
  const d = await c.world.run(c.kubelets.get(p.spec.nodeName)!.exec(ns, pod, argv, { stdin: new StringIn(''), stdout: out, stderr: out }), { maxVirtualMs: 30_000 });
  return { code: d.done ? d.value : -1, out: out.text };
}

for (const mode of ['iptables', 'ipvs'] as const) {
  describe(`cluster DNS (${mode} mode)`, () => {
    it('resolves Services by full and short name from a pod', async () => {
      const w = new World({ seed: 31 });
      const c = buildCluster(w, { proxyMode: mode });
      c.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } });
      c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.100.100.100', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] } });
      c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', 'infinity'] }] } });
      await c.settle();
      const dns = c.api.list('Pod', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns');
      expect(dns.map((p) => p.status.phase)).toEqual(['Running', 'Running']);
      expect((await inPod(c, 'default', 'client', ['cat', '/etc/resolv.conf'])).out).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
      expect((await inPod(c, 'default', 'client', ['cat', '/etc/hosts'])).out).toContain('# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n');
      const ns = await inPod(c, 'default', 'client', ['nslookup', 'web.default.svc.cluster.local']);
      expect(ns.out).toContain('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n');
      expect(ns.out).toContain('Name:\tweb.default.svc.cluster.local\nAddress: 10.100.100.100\n');
      expect(ns.code).toBe(0);
      const miss = await inPod(c, 'default', 'client', ['nslookup', 'nope.default.svc.cluster.local']);
      expect(miss.out).toContain("** server can't find nope.default.svc.cluster.local: NXDOMAIN");
      const curl = await inPod(c, 'default', 'client', ['curl', '-s', '-m', '5', '-o', '/dev/null', '-w', '%{http_code}', 'http://web/']);
      expect(curl.out).toBe('200');
      // The node itself still uses its own resolver configuration.
      expect(c.host('node01').vfs.readFile('/etc/resolv.conf')).not.toContain('10.96.0.10');
    });
  });
}
