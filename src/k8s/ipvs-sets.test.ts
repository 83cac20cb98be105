// kube-proxy's IPVS mode through the packet path with its real IP sets: the
// nodes' `ipset list` shows what the proxier put in KUBE-CLUSTER-IP,
// KUBE-NODE-PORT-TCP and KUBE-NODE-PORT-LOCAL-TCP; a NodePort is masqueraded
// because KUBE-NODE-PORT's set match marks it; with externalTrafficPolicy
// Local the RETURN for KUBE-NODE-PORT-LOCAL-TCP keeps the client's address
// (and, as pkg/proxy/ipvs documents for a node without a local endpoint, the
// request is still forwarded but the pod's reply never reaches the client);
// KUBE-IPVS-FILTER rejects a new connection to a ClusterIP on a port that is
// no service (kubernetes issue 72236).

import { describe, expect, it } from 'vitest';
import '../userland/index.ts';
import { World } from '../world/world.ts';
import { buildCluster, type Cluster } from './cluster.ts';
import type { KObject } from './api.ts';
import { spawnWith } from '../shell/exec.ts';
import { StringIn, StringOut } from '../kernel/proc.ts';
import { ipvsOf } from '../kernel/ipvs/ipvs.ts';
import { readFileSync } from 'node:fs';

function start(c: Cluster, host: string, argv: string[]): { done: Promise<number>; out: StringOut } {
  const k = c.world.host(host);
  const out = new StringOut();
  const r = spawnWith(k, 1, argv, { env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', netns: k.initNs, stdin: new StringIn(''), stdout: out, stderr: out }, (p) => p.exec(p, argv));
  return { done: r.done, out };
}

async function onHost(c: Cluster, host: string, argv: string[]): Promise<{ code: number; out: string }> {
  const r = start(c, host, argv);
  const d = await c.world.run(r.done, { maxVirtualMs: 30_000 });
  return { code: d.done ? d.value : -1, out: r.out.text };
}

const deploy = (replicas: number, node?: string): KObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { ...(node ? { nodeSelector: { 'kubernetes.io/hostname': node } } : {}), containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
});

function world(seed: number): Cluster {
  const w = new World({ seed });
  const c = buildCluster(w, { coredns: false, proxyMode: 'ipvs' });
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

const CURL = (url: string): string[] => ['curl', '-s', '-m', '3', '-o', '/dev/null', '-w', '%{http_code}', url];

describe('kube-proxy IPVS mode with ipsets', () => {
  it('lists the proxier sets and their members on a node; iptables matches them instead of one rule per Service', async () => {
    const c = world(31);
    c.api.create(deploy(1, 'node01'));
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'NodePort', clusterIP: '10.100.100.100', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, nodePort: 30080, protocol: 'TCP' }] } });
    await c.settle();
    const names = (await onHost(c, 'node02', ['ipset', 'list', '-n'])).out.split('\n');
    expect(names).toEqual(expect.arrayContaining(['KUBE-CLUSTER-IP', 'KUBE-LOOP-BACK', 'KUBE-NODE-PORT-TCP', 'KUBE-NODE-PORT-LOCAL-TCP', 'KUBE-LOAD-BALANCER', 'KUBE-LOAD-BALANCER-SOURCE-CIDR', 'KUBE-HEALTH-CHECK-NODE-PORT', 'KUBE-IPVS-IPS']));
    const list = (await onHost(c, 'node02', ['ipset', 'list', 'KUBE-CLUSTER-IP'])).out.split('\n');
    expect(list.slice(0, 3)).toEqual(['Name: KUBE-CLUSTER-IP', 'Type: hash:ip,port', 'Revision: 7']);
    expect(list[3]).toMatch(/^Header: family inet hashsize 1024 maxelem 65536 bucketsize 12 initval 0x[0-9a-f]{8}$/);
    // Two nat rules and one filter rule name the set.
    expect(list).toContain('References: 3');
    expect(list.slice(list.indexOf('Members:') + 1)).toEqual(expect.arrayContaining(['10.96.0.1,tcp:443', '10.100.100.100,tcp:80']));
    const np = (await onHost(c, 'node02', ['ipset', 'list', 'KUBE-NODE-PORT-TCP'])).out;
    expect(np).toBe('Name: KUBE-NODE-PORT-TCP\nType: bitmap:port\nRevision: 3\nHeader: range 0-65535\nSize in memory: 8264\nReferences: 1\nNumber of entries: 1\nMembers:\n30080\n');
    // Hairpin: only node01 runs the endpoint.
    const pod = c.api.list('Pod', 'default').find((p) => p.metadata.labels?.app === 'web')!;
    expect((await onHost(c, 'node01', ['ipset', 'list', 'KUBE-LOOP-BACK'])).out).toContain(`Members:\n${pod.status.podIP},tcp:80,${pod.status.podIP}\n`);
    expect((await onHost(c, 'node02', ['ipset', 'list', 'KUBE-LOOP-BACK'])).out).toContain('Number of entries: 0\n');
    const nat = (await onHost(c, 'node02', ['iptables', '-t', 'nat', '-S', 'KUBE-NODE-PORT'])).out;
    expect(nat).toBe('-N KUBE-NODE-PORT\n-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ\n');
    // Removing the Service empties the sets again (syncIPSetEntries deletes stale members).
    c.api.delete('Service', 'default', 'web');
    await c.settle();
    expect((await onHost(c, 'node02', ['ipset', 'list', 'KUBE-NODE-PORT-TCP'])).out).toContain('Number of entries: 0\n');
    expect((await onHost(c, 'node02', ['ipset', 'list', 'KUBE-CLUSTER-IP'])).out).not.toContain('10.100.100.100');
  });

  it('NodePort: masqueraded with the Cluster policy; Local keeps the client address through KUBE-NODE-PORT-LOCAL-TCP', async () => {
    const c = world(32);
    c.api.create(deploy(1, 'node01'));
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, nodePort: 30080, protocol: 'TCP' }] } });
    await c.settle();
    expect((await onHost(c, 'outside', CURL('http://192.168.56.12:30080/'))).out).toBe('200');
    // Marked by the KUBE-NODE-PORT-TCP rule, masqueraded by KUBE-POSTROUTING on node02.
    expect(logs(c)).toMatch(/^192\.168\.56\.12 - - \[.*\] "GET \/ HTTP\/1\.1" 200 /);

    c.api.patch('Service', 'default', 'web', (s) => {
      s.spec.externalTrafficPolicy = 'Local';
    });
    await c.settle();
    expect((await onHost(c, 'node01', ['ipset', 'list', 'KUBE-NODE-PORT-LOCAL-TCP'])).out).toContain('Members:\n30080\n');
    expect((await onHost(c, 'outside', CURL('http://192.168.56.11:30080/'))).out).toBe('200');
    expect(logs(c).trimEnd().split('\n').pop()).toMatch(/^192\.168\.56\.100 - - /);
    const ct = await onHost(c, 'node01', ['conntrack', '-L', '-p', 'tcp', '--dport', '30080']);
    expect(ct.out).toMatch(/src=192\.168\.56\.100 dst=192\.168\.56\.11 sport=\d+ dport=30080 .*src=10\.244\.1\.\d+ dst=192\.168\.56\.100 /);
    // node02 has no local endpoint: its virtual server keeps the cluster's (kubernetes PR 97081) and
    // kube-proxy leaves the request unmarked; here flannel's own "! -s 10.244.0.0/16 -d 10.244.0.0/16"
    // MASQUERADE rule on node02 then hides the client, so the pod answers node02.
    const vs = ipvsOf(c.host('node02').initNs).find('TCP', '192.168.56.12', 30080)!;
    expect(vs.dests.map((d) => d.addr)).toEqual([c.api.list('Pod', 'default').find((p) => p.metadata.labels?.app === 'web')!.status.podIP]);
    expect((await onHost(c, 'outside', CURL('http://192.168.56.12:30080/'))).out).toBe('200');
    expect(logs(c).trimEnd().split('\n').pop()).toMatch(/^192\.168\.56\.12 - - /);
    const post = (await onHost(c, 'node02', ['iptables', '-t', 'nat', '-L', 'FLANNEL-POSTRTG', '-v', '-n'])).out;
    expect(post).toMatch(/\n +1 +\d+ MASQUERADE .*!10\.244\.0\.0\/16 +10\.244\.0\.0\/16/);
  });

  it('KUBE-IPVS-FILTER rejects a new connection to a ClusterIP port that is no service', async () => {
    const c = world(33);
    c.api.create(deploy(1));
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.100.100.100', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] } });
    await c.settle();
    // A server on node01 listening on every address, the ClusterIPs of kube-ipvs0 included.
    const srv = start(c, 'node01', ['nc', '-l', '-k', '-p', '9000']);
    void srv.done;
    await c.settle();
    expect((await onHost(c, 'node01', ['ss', '-ltn'])).out).toContain('0.0.0.0:9000');
    expect((await onHost(c, 'node01', CURL('http://10.100.100.100/'))).out).toBe('200');
    const r = await onHost(c, 'node01', ['curl', '-sS', '-m', '3', 'http://10.100.100.100:9000/']);
    expect(r.code).toBe(7);
    expect(r.out).toBe("curl: (7) Failed to connect to 10.100.100.100 port 9000 after 0 ms: Couldn't connect to server\n");
    const counters = (await onHost(c, 'node01', ['iptables', '-L', 'KUBE-IPVS-FILTER', '-v', '-n'])).out;
    expect(counters).toMatch(/\n +1 +\d+ REJECT .*match-set KUBE-IPVS-IPS dst reject-with icmp-port-unreachable/);
  });

  it("the kube-proxy lesson's snippet (both languages) is what a node in IPVS mode prints", async () => {
    const w = new World({ seed: 5 });
    const c = buildCluster(w, { proxyMode: 'ipvs' });
    c.api.create({ ...deploy(3) });
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.96.50.50', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] } });
    await c.settle();
    const shown = '# ipset list KUBE-CLUSTER-IP\n' + (await onHost(c, 'node01', ['ipset', 'list', 'KUBE-CLUSTER-IP'])).out + '# iptables -t nat -S KUBE-SERVICES\n' + (await onHost(c, 'node01', ['iptables', '-t', 'nat', '-S', 'KUBE-SERVICES'])).out;
    for (const f of ['../../content/lessons/kube-proxy.mdx', '../../content/ko/lessons/kube-proxy.mdx']) {
      const mdx = readFileSync(new URL(f, import.meta.url), 'utf8');
      const at = mdx.indexOf('# ipset list KUBE-CLUSTER-IP\n');
      const block = mdx.slice(at, mdx.indexOf('```', at));
      expect(block.replace(/initval 0x[0-9a-f]+/, 'initval X')).toBe(shown.replace(/initval 0x[0-9a-f]+/, 'initval X'));
    }
  });

  it('loadBalancerSourceRanges: KUBE-SOURCE-RANGES-FIREWALL admits the listed sources, drops the rest and the node itself (KUBE-IPVS-OUT-FILTER)', async () => {
    const c = world(34);
    c.world.addHost('other');
    c.world.attach('other', 'eth0', 'k8s', { addr: '192.168.56.101/24' });
    c.api.create(deploy(1, 'node01'));
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'LoadBalancer', selector: { app: 'web' }, loadBalancerSourceRanges: ['192.168.56.100/32'], ports: [{ port: 80, targetPort: 80, nodePort: 30080, protocol: 'TCP' }] } });
    await c.settle();
    // The load balancer's address, as a cloud controller would publish it; the clients route it to node01.
    c.api.patch('Service', 'default', 'web', (s) => {
      s.status = { loadBalancer: { ingress: [{ ip: '192.0.2.80', ipMode: 'VIP' }] } };
    });
    await c.settle();
    for (const h of ['outside', 'other']) expect((await onHost(c, h, ['ip', 'route', 'add', '192.0.2.80/32', 'via', '192.168.56.11'])).code).toBe(0);
    expect((await onHost(c, 'node01', ['ipset', 'list', 'KUBE-LOAD-BALANCER-SOURCE-CIDR'])).out).toContain('Members:\n192.0.2.80,tcp:80,192.168.56.100\n');
    expect((await onHost(c, 'node01', ['ip', '-br', 'addr', 'show', 'kube-ipvs0'])).out).toContain('192.0.2.80/32');
    expect((await onHost(c, 'outside', CURL('http://192.0.2.80/'))).out).toBe('200');
    expect((await onHost(c, 'other', CURL('http://192.0.2.80/'))).code).toBe(28);
    const fw = (await onHost(c, 'node01', ['iptables', '-S', 'KUBE-SOURCE-RANGES-FIREWALL'])).out;
    expect(fw).toBe(
      '-N KUBE-SOURCE-RANGES-FIREWALL\n-A KUBE-SOURCE-RANGES-FIREWALL -m comment --comment "Kubernetes service load balancer ip + port + source cidr for packet filter purpose" -m set --match-set KUBE-LOAD-BALANCER-SOURCE-CIDR dst,dst,src -j RETURN\n-A KUBE-SOURCE-RANGES-FIREWALL -j DROP\n',
    );
    // node01's own address is outside the ranges: the node may not use the VIP either.
    expect((await onHost(c, 'node01', ['iptables', '-S', 'KUBE-IPVS-OUT-FILTER'])).out).toBe('-N KUBE-IPVS-OUT-FILTER\n-A KUBE-IPVS-OUT-FILTER -s 192.0.2.80/32 -m ipvs --vproto 6 --vaddr 192.0.2.80 --vport 80 -j DROP\n');
    expect((await onHost(c, 'node01', CURL('http://192.0.2.80/'))).code).toBe(28);
    // Both refusals were these rules' DROPs.
    for (const ch of ['KUBE-SOURCE-RANGES-FIREWALL', 'KUBE-IPVS-OUT-FILTER']) expect((await onHost(c, 'node01', ['iptables', '-L', ch, '-v', '-n'])).out).toMatch(/\n +[1-9]\d* +\d+ DROP /);
    // A range holding the nodes lets them in through KUBE-LOAD-BALANCER-SOURCE-IP.
    c.api.patch('Service', 'default', 'web', (s) => {
      s.spec.loadBalancerSourceRanges = ['192.168.56.0/24'];
    });
    await c.settle();
    expect((await onHost(c, 'node01', ['ipset', 'list', 'KUBE-LOAD-BALANCER-SOURCE-IP'])).out).toContain('Members:\n192.0.2.80,tcp:80,192.0.2.80\n');
    expect((await onHost(c, 'node01', CURL('http://192.0.2.80/'))).out).toBe('200');
    expect((await onHost(c, 'other', CURL('http://192.0.2.80/'))).out).toBe('200');
  });
});
