// kube-proxy's nftables mode. The rule text is compared line by line with
// what kubernetes pkg/proxy/nftables/proxier_test.go expects: `baseRules`
// and, from TestOverallNFTablesRules, the lines of svc1 (ClusterIP
// 172.30.0.41:80, endpoint 10.180.0.1) and svc4 (NodePort, two endpoints)
// — fake proxier with pod CIDR 10.0.0.0/8, service CIDR 172.30.0.0/16 and
// node IP 192.168.0.2. Then the table is loaded into a cluster and traffic
// flows through it: ClusterIP from a pod, NodePort and a MetalLB address
// from a host outside the cluster.

import { describe, expect, it } from 'vitest';
import '../../userland/index.ts';
import { baseRules, buildNftScript, hashAndTruncate, serviceRules } from './nftables.ts';
import { servicePorts } from './model.ts';
import type { KObject } from '../api.ts';
import { World } from '../../world/world.ts';
import { buildCluster, type Cluster } from '../cluster.ts';
import { spawnWith } from '../../shell/exec.ts';
import { StringIn, StringOut } from '../../kernel/proc.ts';
import { lastNftSync } from '../../userland/k8s/kube-proxy-nft.ts';

const opts = { clusterCidr: '10.0.0.0/8', serviceCidr: '172.30.0.0/16', nodeIps: ['192.168.0.2'] };
const svc = (ns: string, name: string, ip: string, extra: Record<string, unknown> = {}, port: Record<string, unknown> = {}): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { clusterIP: ip, ports: [{ name: 'p80', port: 80, protocol: 'TCP', ...port }], ...extra } });
const slice = (ns: string, name: string, ips: string[]): KObject => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: `${name}-1`, namespace: ns, labels: { 'kubernetes.io/service-name': name } }, endpoints: ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } })), ports: [{ name: 'p80', port: 80, protocol: 'TCP' }] });

describe('kube-proxy nftables rules (proxier_test.go)', () => {
  it('chain names hash as hashAndTruncate does', () => {
    expect(hashAndTruncate('ns1/svc1/tcp/p80')).toBe('ULMVA6XW-ns1/svc1/tcp/p80');
    expect(hashAndTruncate('ns1/svc1/tcp/p80__10.180.0.1/80')).toBe('5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80');
  });

  it('writes baseRules', () => {
    const b = baseRules(opts);
    // proxier_test.go baseRules, in its order (the fake dumps sets, maps, chains, rules, then the element).
    expect([...b.sets, ...b.chains]).toEqual([
      'add set ip kube-proxy cluster-ips { type ipv4_addr ; comment "Active ClusterIPs" ; }',
      'add set ip kube-proxy nodeport-ips { type ipv4_addr ; comment "IPs that accept NodePort traffic" ; }',
      'add map ip kube-proxy firewall-ips { type ipv4_addr . inet_proto . inet_service : verdict ; comment "destinations that are subject to LoadBalancerSourceRanges" ; }',
      'add map ip kube-proxy no-endpoint-nodeports { type inet_proto . inet_service : verdict ; comment "vmap to drop or reject packets to service nodeports with no endpoints" ; }',
      'add map ip kube-proxy no-endpoint-services { type ipv4_addr . inet_proto . inet_service : verdict ; comment "vmap to drop or reject packets to services with no endpoints" ; }',
      'add map ip kube-proxy service-ips { type ipv4_addr . inet_proto . inet_service : verdict ; comment "ClusterIP, ExternalIP and LoadBalancer IP traffic" ; }',
      'add map ip kube-proxy service-nodeports { type inet_proto . inet_service : verdict ; comment "NodePort traffic" ; }',
      'add chain ip kube-proxy cluster-ips-check',
      'add chain ip kube-proxy filter-prerouting-pre-dnat { type filter hook prerouting priority -110 ; }',
      'add chain ip kube-proxy filter-output-pre-dnat { type filter hook output priority -110 ; }',
      'add chain ip kube-proxy filter-forward { type filter hook forward priority 0 ; }',
      'add chain ip kube-proxy filter-input { type filter hook input priority 0 ; }',
      'add chain ip kube-proxy filter-output { type filter hook output priority 0 ; }',
      'add chain ip kube-proxy firewall-check',
      'add chain ip kube-proxy mark-for-masquerade',
      'add chain ip kube-proxy masquerading',
      'add chain ip kube-proxy nat-output { type nat hook output priority -100 ; }',
      'add chain ip kube-proxy nat-postrouting { type nat hook postrouting priority 100 ; }',
      'add chain ip kube-proxy nat-prerouting { type nat hook prerouting priority -100 ; }',
      'add chain ip kube-proxy nodeport-endpoints-check',
      'add chain ip kube-proxy reject-chain { comment "helper for @no-endpoint-services / @no-endpoint-nodeports" ; }',
      'add chain ip kube-proxy services',
      'add chain ip kube-proxy service-endpoints-check',
    ]);
    expect(b.rules).toContain('add rule ip kube-proxy cluster-ips-check ip daddr { 172.30.0.0/16 } drop comment "Drop traffic to unallocated ClusterIPs"');
    expect(b.rules).toContain('add rule ip kube-proxy services ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports');
    expect(b.rules).toHaveLength(23);
    expect(b.elements).toEqual(['add element ip kube-proxy nodeport-ips { 192.168.0.2 }']);
  });

  it('writes a ClusterIP service and a NodePort service as TestOverallNFTablesRules expects', () => {
    const services = [svc('ns1', 'svc1', '172.30.0.41'), svc('ns4', 'svc4', '172.30.0.44', { type: 'NodePort', externalIPs: ['192.168.99.33'] }, { nodePort: 3003 })];
    const ports = servicePorts(services, [slice('ns1', 'svc1', ['10.180.0.1']), slice('ns4', 'svc4', ['10.180.0.4', '10.180.0.5'])]);
    const vips = new Map([['ns4/svc4', { externalIps: ['192.168.99.33'], lbIps: [] }]]);
    const s = serviceRules(ports, vips, opts);
    const lines = [...s.chains, ...s.rules, ...s.elements];
    const expected = [
      'add chain ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80',
      'add rule ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80 ip daddr 172.30.0.41 ip saddr != 10.0.0.0/8 jump mark-for-masquerade',
      'add rule ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80 numgen random mod 1 vmap { 0 : goto endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 }',
      'add chain ip kube-proxy endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80',
      'add rule ip kube-proxy endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 ip saddr 10.180.0.1 jump mark-for-masquerade',
      'add rule ip kube-proxy endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 meta l4proto tcp dnat to 10.180.0.1:80',
      'add element ip kube-proxy cluster-ips { 172.30.0.41 }',
      'add element ip kube-proxy service-ips { 172.30.0.41 . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80 }',
      'add chain ip kube-proxy service-LAUZTJTB-ns4/svc4/tcp/p80',
      'add rule ip kube-proxy service-LAUZTJTB-ns4/svc4/tcp/p80 ip daddr 172.30.0.44 ip saddr != 10.0.0.0/8 jump mark-for-masquerade',
      'add rule ip kube-proxy service-LAUZTJTB-ns4/svc4/tcp/p80 numgen random mod 2 vmap { 0 : goto endpoint-UNZV3OEC-ns4/svc4/tcp/p80__10.180.0.4/80 , 1 : goto endpoint-5RFCDDV7-ns4/svc4/tcp/p80__10.180.0.5/80 }',
      'add chain ip kube-proxy external-LAUZTJTB-ns4/svc4/tcp/p80',
      'add rule ip kube-proxy external-LAUZTJTB-ns4/svc4/tcp/p80 jump mark-for-masquerade',
      'add rule ip kube-proxy external-LAUZTJTB-ns4/svc4/tcp/p80 goto service-LAUZTJTB-ns4/svc4/tcp/p80',
      'add chain ip kube-proxy endpoint-5RFCDDV7-ns4/svc4/tcp/p80__10.180.0.5/80',
      'add rule ip kube-proxy endpoint-5RFCDDV7-ns4/svc4/tcp/p80__10.180.0.5/80 ip saddr 10.180.0.5 jump mark-for-masquerade',
      'add rule ip kube-proxy endpoint-5RFCDDV7-ns4/svc4/tcp/p80__10.180.0.5/80 meta l4proto tcp dnat to 10.180.0.5:80',
      'add chain ip kube-proxy endpoint-UNZV3OEC-ns4/svc4/tcp/p80__10.180.0.4/80',
      'add rule ip kube-proxy endpoint-UNZV3OEC-ns4/svc4/tcp/p80__10.180.0.4/80 ip saddr 10.180.0.4 jump mark-for-masquerade',
      'add rule ip kube-proxy endpoint-UNZV3OEC-ns4/svc4/tcp/p80__10.180.0.4/80 meta l4proto tcp dnat to 10.180.0.4:80',
      'add element ip kube-proxy cluster-ips { 172.30.0.44 }',
      'add element ip kube-proxy service-ips { 172.30.0.44 . tcp . 80 : goto service-LAUZTJTB-ns4/svc4/tcp/p80 }',
      'add element ip kube-proxy service-ips { 192.168.99.33 . tcp . 80 : goto external-LAUZTJTB-ns4/svc4/tcp/p80 }',
    ];
    // The same set of lines (the fake dumps each service's objects grouped; the script orders chains before rules).
    expect([...lines].sort()).toEqual([...expected, 'add element ip kube-proxy service-nodeports { tcp . 3003 : goto external-LAUZTJTB-ns4/svc4/tcp/p80 }'].sort());
    // A service without endpoints: its ClusterIP goes to the reject chain (svc6 of the same test).
    const none = serviceRules(servicePorts([svc('ns6', 'svc6', '172.30.0.46')], []), new Map(), opts);
    expect(none.elements).toEqual(['add element ip kube-proxy cluster-ips { 172.30.0.46 }', 'add element ip kube-proxy no-endpoint-services { 172.30.0.46 . tcp . 80 comment "ns6/svc6:p80" : goto reject-chain }']);
    expect(none.chains).toEqual([]);
  });
});

async function onHost(c: Cluster, host: string, cmd: string): Promise<{ code: number; out: string }> {
  const k = c.world.host(host);
  const out = new StringOut();
  const argv = ['bash', '-c', cmd];
  const r = spawnWith(k, 1, argv, { env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', netns: k.initNs, stdin: new StringIn(''), stdout: out, stderr: out }, (p) => p.exec(p, argv));
  const d = await c.world.run(r.done, { maxVirtualMs: 30_000 });
  return { code: d.done ? d.value : -1, out: out.text };
}

describe('kube-proxy --proxy-mode=nftables in a cluster', () => {
  it('loads the table and carries ClusterIP, NodePort and LoadBalancer traffic through it', async () => {
    const w = new World({ seed: 21 });
    const c = buildCluster(w, { proxyMode: 'nftables', coredns: false, metallb: { pool: 'lb', addresses: ['192.168.56.240/30'] } });
    w.addHost('outside');
    w.attach('outside', 'eth0', 'k8s', { addr: '192.168.56.100/24' });
    c.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } });
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'LoadBalancer', clusterIP: '10.100.100.100', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, nodePort: 30080, protocol: 'TCP' }] } });
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'curl', command: ['sleep', 'infinity'] }] } });
    await c.settle();
    const sync = lastNftSync.get(c.host('node01'));
    expect(sync?.status).toBe(0);
    expect(sync?.err).toBe('');
    const list = await onHost(c, 'node01', 'nft list table ip kube-proxy');
    expect(list.out).toContain('\tchain nat-prerouting {\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n\t\tjump services\n\t}\n');
    expect(list.out).toMatch(/,\n\t\t\t     10\.100\.100\.100 \. tcp \. 80 : goto service-[A-Z2-7]{8}-default\/web\/tcp\/,\n\t\t\t     192\.168\.56\.240 \. tcp \. 80 : goto external-[A-Z2-7]{8}-default\/web\/tcp\/ \}\n/);
    // ClusterIP from a pod, NodePort and the MetalLB address from outside.
    const client = c.api.get('Pod', 'default', 'client')!;
    const out = new StringOut();
    const d = await c.world.run(c.kubelets.get(client.spec.nodeName)!.exec('default', 'client', ['curl', '-s', '-m', '3', '-o', '/dev/null', '-w', '%{http_code}', 'http://10.100.100.100/'], { stdin: new StringIn(''), stdout: out, stderr: out }), { maxVirtualMs: 30_000 });
    expect(d.done && out.text).toBe('200');
    for (const url of ['http://192.168.56.11:30080/', 'http://192.168.56.12:30080/', 'http://192.168.56.240/']) {
      const r = await onHost(c, 'outside', `curl -s -m 3 -o /dev/null -w %{http_code} ${url}`);
      expect(`${url} ${r.out}`).toBe(`${url} 200`);
    }
    // The NodePort connection was translated by nft's dnat (conntrack shows a pod answering for 192.168.56.11:30080).
    const ct = await onHost(c, 'node01', 'conntrack -L 2>/dev/null | grep dport=30080');
    expect(ct.out).toMatch(/src=192\.168\.56\.100 dst=192\.168\.56\.11 sport=\d+ dport=30080 src=10\.244\.\d+\.\d+ dst=\S+ sport=80 /);
    // No iptables KUBE- chains in this mode but the kubelet's canaries (the kubelet does not know the proxy mode).
    expect((await onHost(c, 'node01', 'iptables-save | grep -v KUBELET-CANARY | grep -c KUBE-; true')).out.trim()).toBe('0');
    // Scaling down removes an endpoint chain (flushed, then deleted on the next sync).
    c.api.patch('Deployment', 'default', 'web', (d) => (d.spec.replicas = 1));
    await c.settle();
    c.api.patch('Service', 'default', 'web', (s) => (s.metadata.labels = { touched: 'yes' }));
    await c.settle();
    const after = await onHost(c, 'node01', 'nft list table ip kube-proxy | grep -c "chain endpoint-"');
    // The kubernetes Service's endpoint chain and the one web endpoint left.
    expect(after.out.trim()).toBe('2');
    expect(lastNftSync.get(c.host('node01'))?.status).toBe(0);
    expect(buildNftScript([], [], opts).script.startsWith('add table ip kube-proxy { comment "rules for kube-proxy" ; }\n')).toBe(true);
  });
});
