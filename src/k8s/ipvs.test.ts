// kube-proxy's IPVS mode through the packet path: a ClusterIP is a local
// address on kube-ipvs0, IPVS at LOCAL_IN (a pod's request arriving on
// cni0) or LOCAL_OUT (curl on the node) picks a real server round robin and
// masquerades the destination; replies get the VIP back. Node-originated
// requests leave with the VIP as source and are masqueraded by
// KUBE-POSTROUTING (marked in KUBE-SERVICES), as with the real proxier.

import { describe, expect, it } from 'vitest';
import '../userland/index.ts';
import { World } from '../world/world.ts';
import { buildCluster, type Cluster } from './cluster.ts';
import type { KObject } from './api.ts';
import { spawnWith } from '../shell/exec.ts';
import { StringIn, StringOut } from '../kernel/proc.ts';
import { ipvsOf } from '../kernel/ipvs/ipvs.ts';

const web = (replicas: number): KObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } });

async function onHost(c: Cluster, host: string, argv: string[]): Promise<{ code: number; out: string }> {
  const k = c.world.host(host);
  const out = new StringOut();
  const r = spawnWith(k, 1, argv, { env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', netns: k.initNs, stdin: new StringIn(''), stdout: out, stderr: out }, (p) => p.exec(p, argv));
  const d = await c.world.run(r.done, { maxVirtualMs: 30_000 });
  return { code: d.done ? d.value : -1, out: out.text };
}

async function inPod(c: Cluster, pod: string, argv: string[]): Promise<{ code: number; out: string }> {
  const p = c.api.get('Pod', 'default', pod)!;
  const out = new StringOut();
  const d = await c.world.run(c.kubelets.get(p.spec.nodeName)!.exec('default', pod, argv, { stdin: new StringIn(''), stdout: out, stderr: out }), { maxVirtualMs: 30_000 });
  return { code: d.done ? d.value : -1, out: out.text };
}

const CURL = ['curl', '-s', '-m', '2', '-o', '/dev/null', '-w', '%{http_code}', 'http://10.100.100.100/'];

async function ipvsCluster(seed: number): Promise<Cluster> {
  const w = new World({ seed });
  const c = buildCluster(w, { proxyMode: 'ipvs' });
  c.api.create(web(3));
  c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.100.100.100', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] } });
  c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'curl', command: ['sleep', 'infinity'] }] } });
  await c.settle();
  return c;
}

describe('kube-proxy IPVS mode', () => {
  it('answers HTTP to a ClusterIP from a pod, round robin over every endpoint', async () => {
    const c = await ipvsCluster(21);
    const node = c.api.get('Pod', 'default', 'client')!.spec.nodeName as string;
    for (let i = 0; i < 6; i++) expect(await inPod(c, 'client', CURL)).toEqual({ code: 0, out: '200' });
    // Let the last connection's closing segments land.
    await c.world.run(new Promise<void>((res) => c.world.clock.setTimer(100, res)));
    const svc = ipvsOf(c.host(node).initNs).find('TCP', '10.100.100.100', 80)!;
    expect(svc.dests).toHaveLength(3);
    // rr: six connections, two per real server.
    expect(svc.dests.map((d) => d.stats?.conns)).toEqual([2, 2, 2]);
    expect(svc.stats?.conns).toBe(6);
    // Finished connections wait in TIME_WAIT: InActConn.
    const ln = (await onHost(c, node, ['ipvsadm', '-Ln'])).out;
    expect(ln).toMatch(/^TCP {2}10\.100\.100\.100:80 rr\n(?: {2}-> 10\.244\.\d\.\d+:80 +Masq +1 +0 +2 +\n){3}/m);
    const stats = (await onHost(c, node, ['ipvsadm', '-Ln', '--stats'])).out.split('\n');
    expect(stats.slice(0, 3)).toEqual(['IP Virtual Server version 1.2.1 (size=4096)', 'Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes', '  -> RemoteAddress:Port']);
    const line = stats.find((l) => l.startsWith('TCP  10.100.100.100:80'))!;
    expect(line.slice(0, 42)).toBe('TCP  10.100.100.100:80'.padEnd(33) + '6'.padStart(9));
    expect(line).toMatch(/^.{42}(?: {0,8}\d+){4}$/);
    // In and out packets were both counted (requests and un-NATed replies).
    expect(svc.stats!.inpkts).toBeGreaterThan(6 * 3);
    expect(svc.stats!.outpkts).toBeGreaterThan(6 * 2);
  });

  it('answers from a node (VIP source masqueraded by KUBE-POSTROUTING)', async () => {
    const c = await ipvsCluster(22);
    for (const n of ['controlplane', 'node01', 'node02']) {
      for (let i = 0; i < 3; i++) expect(`${n} ${(await onHost(c, n, CURL)).out}`).toBe(`${n} 200`);
    }
    const nat = (await onHost(c, 'node01', ['iptables', '-t', 'nat', '-S', 'KUBE-SERVICES'])).out;
    // One rule for every Service: the ClusterIP:port pairs live in the KUBE-CLUSTER-IP set.
    expect(nat).toContain('-A KUBE-SERVICES ! -s 10.244.0.0/16 -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ\n');
    expect(nat).not.toContain('10.100.100.100');
    expect((await onHost(c, 'node01', ['iptables', '-t', 'nat', '-S', 'KUBE-POSTROUTING'])).out).toContain('-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully\n');
  });

  it('refuses a service without endpoints (ip_vs_leave: port unreachable)', async () => {
    const c = await ipvsCluster(23);
    c.api.patch('Deployment', 'default', 'web', (d) => (d.spec.replicas = 0));
    await c.settle();
    const r = await inPod(c, 'client', ['curl', '-sS', '-m', '2', 'http://10.100.100.100/']);
    expect(r.code).toBe(7);
  });
});
