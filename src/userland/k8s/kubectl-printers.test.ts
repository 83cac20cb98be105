// kubectl's tables checked against kubernetes pkg/printers/internalversion/
// printers.go (the 1.30+ file with ServiceCIDR/IPAddress printers; read
// through the code search, not fetched whole): column sets and Priority-1
// (-o wide) columns, printNode's STATUS from the Ready condition and sorted
// findNodeRoles, getServiceExternalIP (<pending> for a LoadBalancer,
// externalName), labels.FormatLabels (sorted keys), formatEndpoints (each
// port, then each address; bare IPs for a subset without ports),
// formatDiscoveryPorts/Endpoints with listWithMoreString (`<unset>`), and
// the ConfigMap table (NAME DATA AGE).

import { describe, expect, it } from 'vitest';
import '../index.ts';
import { World } from '../../world/world.ts';
import { buildCluster, type Cluster } from '../../k8s/cluster.ts';
import { spawnWith } from '../../shell/exec.ts';
import { StringIn, StringOut } from '../../kernel/proc.ts';

async function kubectl(c: Cluster, line: string): Promise<string> {
  const k = c.host('controlplane');
  const out = new StringOut();
  const argv = line.split(' ');
  const r = spawnWith(k, 1, argv, { env: { PATH: '/usr/bin:/bin' }, cwd: '/root', netns: k.initNs, stdin: new StringIn(''), stdout: out, stderr: out }, (p) => p.exec(p, argv));
  await c.world.run(r.done);
  return out.text;
}

const cols = (table: string): string[] => table.split('\n')[0].trim().split(/\s{2,}/);

describe('kubectl tables (printers.go)', () => {
  it('prints the upstream columns and cells', async () => {
    const w = new World({ seed: 4 });
    const c = buildCluster(w, { coredns: false });
    await c.settle();
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb', namespace: 'default' }, spec: { type: 'LoadBalancer', selector: { tier: 'web', app: 'shop' }, ports: [{ port: 80, protocol: 'TCP', nodePort: 30080 }] } });
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'default' }, spec: { type: 'ExternalName', externalName: 'example.com' } });
    c.api.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'multi', namespace: 'default' }, subsets: [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [{ name: 'a', port: 80 }, { name: 'b', port: 443 }] }] });
    c.api.create({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'empty-x', namespace: 'default', labels: { 'kubernetes.io/service-name': 'empty' } }, addressType: 'IPv4', endpoints: [], ports: [{ name: 'http', protocol: 'TCP' }] });
    c.api.patch('Node', undefined, 'node02', (n) => (n.spec.unschedulable = true));
    await c.settle();

    const svc = await kubectl(c, 'kubectl get svc -o wide');
    expect(cols(svc)).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR']);
    expect(svc).toMatch(/^lb +LoadBalancer +10\.\S+ +<pending> +80:30080\/TCP +\S+ +app=shop,tier=web$/m);
    expect(svc).toMatch(/^ext +ExternalName +<none> +example\.com +<none> +/m);

    const ep = await kubectl(c, 'kubectl get endpoints multi');
    expect(ep).toMatch(/^multi +10\.0\.0\.1:80,10\.0\.0\.2:80,10\.0\.0\.1:443 \+ 1 more\.\.\. +/m);

    const sl = await kubectl(c, 'kubectl get endpointslices empty-x');
    expect(cols(sl)).toEqual(['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE']);
    expect(sl).toMatch(/^empty-x +IPv4 +http +<unset> +/m);

    const ds = await kubectl(c, 'kubectl get ds -n kube-system -o wide');
    expect(cols(ds)).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR']);
    expect(ds).toMatch(/^kube-proxy +3 +3 +3 +3 +3 +<none> +\S+ +kube-proxy +registry\.k8s\.io\/kube-proxy:v1\.31\.4 +k8s-app=kube-proxy$/m);

    const nodes = await kubectl(c, 'kubectl get nodes');
    expect(nodes).toMatch(/^controlplane +Ready +control-plane +/m);
    expect(nodes).toMatch(/^node02 +Ready,SchedulingDisabled +<none> +/m);

    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { a: '1', b: '2' } });
    const cm = await kubectl(c, 'kubectl get configmap cfg');
    expect(cols(cm)).toEqual(['NAME', 'DATA', 'AGE']);
    expect(cm).toMatch(/^cfg +2 +/m);
  });
});
