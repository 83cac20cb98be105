// Cluster DNS records end to end, from a pod through kube-dns to CoreDNS's
// kubernetes plugin (records per kubernetes/dns docs/specification.md):
// SRV for a named port with the Service's address in the additional
// section, a headless Service's per-endpoint names, PTR for a ClusterIP
// and for a pod address, an ExternalName CNAME, and dns-version.

import { describe, expect, it } from 'vitest';
import '../userland/index.ts';
import { World } from '../world/world.ts';
import { buildCluster, type Cluster } from './cluster.ts';
import { StringIn, StringOut } from '../kernel/proc.ts';

async function inPod(c: Cluster, pod: string, argv: string[]): Promise<string> {
  const p = c.api.get('Pod', 'default', pod)!;
  const out = new StringOut();
  await c.world.run(c.kubelets.get(p.spec.nodeName)!.exec('default', pod, argv, { stdin: new StringIn(''), stdout: out, stderr: out }), { maxVirtualMs: 30_000 });
  return out.text;
}

describe('cluster DNS records', () => {
  it('SRV, headless endpoints, PTR, ExternalName and dns-version from a pod', async () => {
    const c = buildCluster(new World({ seed: 5 }));
    c.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'db', namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'pg', image: 'postgres:16' }] } } } });
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.96.7.7', selector: { app: 'db' }, ports: [{ name: 'http', port: 80, protocol: 'TCP' }] } });
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'default' }, spec: { clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] } });
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'default' }, spec: { type: 'ExternalName', externalName: 'example.org' } });
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', 'infinity'] }] } });
    await c.settle();
    const ips = c.api.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'db').map((p) => p.status.podIP as string).sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    expect(await inPod(c, 'client', ['dig', '+noall', '+answer', '+additional', 'SRV', '_http._tcp.web.default.svc.cluster.local'])).toBe('_http._tcp.web.default.svc.cluster.local. 30 IN SRV 0 100 80 web.default.svc.cluster.local.\nweb.default.svc.cluster.local. 30 IN\tA\t10.96.7.7\n');
    const hd = (await inPod(c, 'client', ['dig', '+short', 'db.default.svc.cluster.local'])).trim().split('\n').sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    expect(hd).toEqual(ips);
    const srv = (await inPod(c, 'client', ['dig', '+short', 'SRV', '_pg._tcp.db.default.svc.cluster.local'])).trim().split('\n').sort();
    expect(srv).toEqual(ips.map((ip) => `0 50 5432 ${ip.replace(/\./g, '-')}.db.default.svc.cluster.local.`).sort());
    expect(await inPod(c, 'client', ['dig', '+short', `${ips[0].replace(/\./g, '-')}.db.default.svc.cluster.local`])).toBe(`${ips[0]}\n`);
    expect(await inPod(c, 'client', ['dig', '+short', '-x', '10.96.7.7'])).toBe('web.default.svc.cluster.local.\n');
    // Endpoints of two Services: CoreDNS takes the first its reverse index holds (here: Services by name).
    expect(await inPod(c, 'client', ['dig', '+short', '-x', ips[0]])).toBe(`${ips[0].replace(/\./g, '-')}.db.default.svc.cluster.local.\n`);
    expect(await inPod(c, 'client', ['dig', '+short', 'CNAME', 'ext.default.svc.cluster.local'])).toBe('example.org.\n');
    expect(await inPod(c, 'client', ['dig', '+short', 'TXT', 'dns-version.cluster.local'])).toBe('"1.1.0"\n');
    const pod = await inPod(c, 'client', ['dig', '+short', `${ips[1].replace(/\./g, '-')}.default.pod.cluster.local`]);
    expect(pod).toBe(`${ips[1]}\n`);
  }, 60_000);
});
