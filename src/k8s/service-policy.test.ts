// Service traffic policies and affinity through the real packet path:
//   - externalTrafficPolicy Cluster: a NodePort reached through a node with no
//     endpoint is masqueraded (the pod sees that node's address);
//   - externalTrafficPolicy Local: the node without an endpoint drops it
//     ("has no local endpoints"), the node with one keeps the client's
//     address end to end (nginx's log, conntrack on the node);
//   - the health check node port answers 200 where an endpoint runs, 503 elsewhere;
//   - sessionAffinity ClientIP: xt_recent pins one client to one pod.

import { describe, expect, it } from 'vitest';
import '../userland/index.ts';
import { World } from '../world/world.ts';
import { buildCluster, type Cluster } from './cluster.ts';
import type { KObject } from './api.ts';
import { spawnWith } from '../shell/exec.ts';
import { StringIn, StringOut } from '../kernel/proc.ts';

async function onHost(c: Cluster, host: string, argv: string[]): Promise<{ code: number; out: string }> {
  const k = c.world.host(host);
  const out = new StringOut();
  const r = spawnWith(k, 1, argv, { env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', netns: k.initNs, stdin: new StringIn(''), stdout: out, stderr: out }, (p) => p.exec(p, argv));
  const d = await c.world.run(r.done, { maxVirtualMs: 30_000 });
  return { code: d.done ? d.value : -1, out: out.text };
}

const deploy = (replicas: number, node?: string): KObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { ...(node ? { nodeSelector: { 'kubernetes.io/hostname': node } } : {}), containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
});

function world(seed: number): Cluster {
  const w = new World({ seed });
  const c = buildCluster(w, { coredns: false });
  w.addHost('outside');
  w.attach('outside', 'eth0', 'k8s', { addr: '192.168.56.100/24' });
  return c;
}

const logs = (c: Cluster): string =>
  c.api
    .list('Pod', 'default')
    .filter((p) => p.metadata.labels?.app === 'web')
    .map((p) => c.kubelets.get(p.spec.nodeName)!.logs('default', p.metadata.name) ?? '')
    .join('');

describe('Service traffic policies', () => {
  it('Cluster policy masquerades through a node without endpoints; Local keeps the client address and drops there', async () => {
    const c = world(21);
    c.api.create(deploy(1, 'node01'));
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, nodePort: 30080, protocol: 'TCP' }] } });
    await c.settle();
    const viaNode02 = await onHost(c, 'outside', ['curl', '-s', '-m', '3', '-o', '/dev/null', '-w', '%{http_code}', 'http://192.168.56.12:30080/']);
    expect(viaNode02.out).toBe('200');
    // Masqueraded by node02: nginx saw node02's address, not the client's.
    expect(logs(c)).toMatch(/^192\.168\.56\.12 - - \[.*\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "curl\/[^"]+" "-"\n$/);

    c.api.patch('Service', 'default', 'web', (s) => {
      s.spec.externalTrafficPolicy = 'Local';
    });
    await c.settle();
    const dropped = await onHost(c, 'outside', ['curl', '-s', '-m', '3', '-o', '/dev/null', '-w', '%{http_code}', 'http://192.168.56.12:30080/']);
    expect(dropped.code).toBe(28);
    const rules = await onHost(c, 'node02', ['iptables', '-S', 'KUBE-EXTERNAL-SERVICES']);
    expect(rules.out).toContain('-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j DROP');
    const local = await onHost(c, 'outside', ['curl', '-s', '-m', '3', '-o', '/dev/null', '-w', '%{http_code}', 'http://192.168.56.11:30080/']);
    expect(local.out).toBe('200');
    expect(logs(c).trimEnd().split('\n').pop()).toMatch(/^192\.168\.56\.100 - - /);
    const ct = await onHost(c, 'node01', ['conntrack', '-L', '-p', 'tcp', '--dport', '30080']);
    expect(ct.out).toMatch(/src=192\.168\.56\.100 dst=192\.168\.56\.11 sport=\d+ dport=30080 .*src=10\.244\.1\.\d+ dst=192\.168\.56\.100 /);
  });

  it('the health check node port says where local endpoints are', async () => {
    const c = world(22);
    c.api.create(deploy(1, 'node01'));
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] } });
    await c.settle();
    // The iptables Monitors' canaries: kube-proxy's and the kubelet's, in mangle, nat and filter.
    for (const t of ['mangle', 'nat', 'filter']) {
      const chains = (await onHost(c, 'node01', ['iptables', '-t', t, '-S'])).out;
      expect(chains).toContain('-N KUBE-PROXY-CANARY\n');
      expect(chains).toContain('-N KUBE-KUBELET-CANARY\n');
    }
    const hc = c.api.get('Service', 'default', 'web')!.spec.healthCheckNodePort as number;
    expect(hc).toBeGreaterThanOrEqual(30000);
    const one = await onHost(c, 'outside', ['curl', '-s', '-i', `http://192.168.56.11:${hc}/`]);
    expect(one.out).toMatch(/^HTTP\/1\.1 200 OK\r\nContent-Type: application\/json\r\nX-Content-Type-Options: nosniff\r\nX-Load-Balancing-Endpoint-Weight: 1\r\nDate: .* GMT\r\nContent-Length: \d+\r\n\r\n/);
    expect(one.out).toContain('{\n\t"service": {\n\t\t"namespace": "default",\n\t\t"name": "web"\n\t},\n\t"localEndpoints": 1,\n\t"serviceProxyHealthy": true\n}');
    const none = await onHost(c, 'outside', ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', `http://192.168.56.12:${hc}/`]);
    expect(none.out).toBe('503');
    c.api.patch('Service', 'default', 'web', (s) => {
      s.spec.externalTrafficPolicy = 'Cluster';
    });
    await c.settle();
    expect(c.api.get('Service', 'default', 'web')!.spec.healthCheckNodePort).toBeUndefined();
  });

  it('sessionAffinity ClientIP pins a client to one pod (xt_recent), without it requests spread', async () => {
    const c = world(23);
    c.api.create(deploy(3));
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'NodePort', sessionAffinity: 'ClientIP', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, nodePort: 30081, protocol: 'TCP' }] } });
    await c.settle();
    const podOf = (ip: string): string => c.api.list('Pod', 'default').find((p) => p.status?.podIP === ip)?.metadata.name ?? ip;
    const reached = async (n: number): Promise<Set<string>> => {
      const seen = new Set<string>();
      for (let i = 0; i < n; i++) {
        const r = await onHost(c, 'node01', ['curl', '-s', '-m', '3', '-o', '/dev/null', 'http://192.168.56.11:30081/']);
        expect(r.code).toBe(0);
        const ct = await onHost(c, 'node01', ['conntrack', '-L', '-p', 'tcp', '--dport', '30081']);
        for (const m of ct.out.matchAll(/src=(10\.244\.\d+\.\d+) dst=/g)) seen.add(podOf(m[1]));
        await onHost(c, 'node01', ['conntrack', '-F']);
      }
      return seen;
    };
    expect((await reached(12)).size).toBe(1);
    const recent = await onHost(c, 'node01', ['sh', '-c', 'cat /proc/net/xt_recent/KUBE-SEP-*']);
    expect(recent.out).toMatch(/^src=192\.168\.56\.11 ttl: 64 last_seen: \d+ oldest_pkt: \d+ /);
    c.api.patch('Service', 'default', 'web', (s) => {
      s.spec.sessionAffinity = 'None';
    });
    await c.settle();
    expect((await reached(12)).size).toBeGreaterThan(1);
  });
});

describe('external IPs and load-balancer IPs', () => {
  it('loadBalancerSourceRanges admits listed clients through KUBE-FW and KUBE-PROXY-FIREWALL drops the rest; externalIPs answer too', async () => {
    const c = world(24);
    c.world.addHost('stranger');
    c.world.attach('stranger', 'eth0', 'k8s', { addr: '192.168.56.101/24' });
    c.api.create(deploy(1, 'node01'));
    c.api.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: { type: 'LoadBalancer', externalIPs: ['192.168.56.250'], loadBalancerSourceRanges: ['192.168.56.100/32'], selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] },
    });
    await c.settle();
    // What a load-balancer controller does: publish the VIP in the status (ARP for it is its job; here the clients route it to node01).
    c.api.patch('Service', 'default', 'web', (s) => {
      s.status = { loadBalancer: { ingress: [{ ip: '192.168.56.240', ipMode: 'VIP' }] } };
    });
    await c.settle();
    for (const h of ['outside', 'stranger']) {
      for (const vip of ['192.168.56.240', '192.168.56.250']) await onHost(c, h, ['ip', 'route', 'add', `${vip}/32`, 'via', '192.168.56.11']);
    }
    const nat = await onHost(c, 'node01', ['iptables', '-t', 'nat', '-S']);
    expect(nat.out).toMatch(/-A KUBE-SERVICES -d 192\.168\.56\.240\/32 -p tcp -m comment --comment "default\/web loadbalancer IP" -m tcp --dport 80 -j KUBE-FW-/);
    expect(nat.out).toMatch(/-A KUBE-FW-\w+ -s 192\.168\.56\.100\/32 -m comment --comment "default\/web loadbalancer IP" -j KUBE-EXT-/);
    const ok = await onHost(c, 'outside', ['curl', '-s', '-m', '3', '-o', '/dev/null', '-w', '%{http_code}', 'http://192.168.56.240/']);
    expect(ok.out).toBe('200');
    const blocked = await onHost(c, 'stranger', ['curl', '-s', '-m', '3', '-o', '/dev/null', '-w', '%{http_code}', 'http://192.168.56.240/']);
    expect(blocked.code).toBe(28);
    const fw = await onHost(c, 'node01', ['iptables', '-L', 'KUBE-PROXY-FIREWALL', '-n', '-v', '-x']);
    expect(fw.out).toMatch(/^\s+[1-9]\d*\s+\d+ DROP\s+6\s+--\s+\*\s+\*\s+0\.0\.0\.0\/0\s+192\.168\.56\.240\s+\/\* default\/web traffic not accepted by KUBE-FW-\w+ \*\/ tcp dpt:80$/m);
    // externalIPs are not subject to the source ranges.
    const ext = await onHost(c, 'stranger', ['curl', '-s', '-m', '3', '-o', '/dev/null', '-w', '%{http_code}', 'http://192.168.56.250/']);
    expect(ext.out).toBe('200');
  });
});
