// kube-proxy's nftables mode beyond Cluster policy, compared with
// kubernetes pkg/proxy/nftables/proxier_test.go TestOverallNFTablesRules:
// svc2 (externalTrafficPolicy Local, its only endpoint on another node:
// the external chain's short-circuit rules, no-endpoint entries `drop`)
// and svc5 (LoadBalancer with loadBalancerSourceRanges " 203.0.113.0/25"
// and ClientIP affinity, timeout 10800: the affinity set, the firewall
// chain and firewall-ips element) — fake proxier with pod CIDR 10.0.0.0/8,
// node IP 192.168.0.2. Then, in an nftables-mode cluster, the affinity set
// really pins a client to one endpoint, and internalTrafficPolicy Local
// keeps ClusterIP traffic on the node's own endpoints.

import { describe, expect, it } from 'vitest';
import '../../userland/index.ts';
import { serviceRules } from './nftables.ts';
import { servicePorts } from './model.ts';
import type { KObject } from '../api.ts';
import { World } from '../../world/world.ts';
import { buildCluster } from '../cluster.ts';
import { StringIn, StringOut } from '../../kernel/proc.ts';
import { spawnWith } from '../../shell/exec.ts';

const opts = { clusterCidr: '10.0.0.0/8', serviceCidr: '172.30.0.0/16', nodeIps: ['192.168.0.2'], nodeName: 'test-node' };
const svc = (ns: string, name: string, spec: Record<string, unknown>, status: Record<string, unknown> = {}): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec, status });
const slice = (ns: string, name: string, ip: string): KObject => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: `${name}-1`, namespace: ns, labels: { 'kubernetes.io/service-name': name } }, endpoints: [{ addresses: [ip], conditions: { ready: true } }], ports: [{ name: 'p80', port: 80, protocol: 'TCP' }] });
const T = 'ip kube-proxy';

describe('kube-proxy nftables: Local policy, affinity, source ranges (TestOverallNFTablesRules)', () => {
  it('svc2: externalTrafficPolicy Local without local endpoints', () => {
    const services = [svc('ns2', 'svc2', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', clusterIP: '172.30.0.42', externalIPs: ['192.168.99.22'], ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }], healthCheckNodePort: 30000 }, { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } })];
    const s = serviceRules(servicePorts(services, [slice('ns2', 'svc2', '10.180.0.2')]), new Map(), opts);
    expect([...s.chains, ...s.rules, ...s.elements].sort()).toEqual(
      [
        `add chain ${T} service-42NFTM6N-ns2/svc2/tcp/p80`,
        `add rule ${T} service-42NFTM6N-ns2/svc2/tcp/p80 ip daddr 172.30.0.42 ip saddr != 10.0.0.0/8 jump mark-for-masquerade`,
        `add rule ${T} service-42NFTM6N-ns2/svc2/tcp/p80 numgen random mod 1 vmap { 0 : goto endpoint-SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80 }`,
        `add chain ${T} external-42NFTM6N-ns2/svc2/tcp/p80`,
        `add rule ${T} external-42NFTM6N-ns2/svc2/tcp/p80 ip saddr 10.0.0.0/8 goto service-42NFTM6N-ns2/svc2/tcp/p80 comment "short-circuit pod traffic"`,
        `add rule ${T} external-42NFTM6N-ns2/svc2/tcp/p80 fib saddr type local jump mark-for-masquerade comment "masquerade local traffic"`,
        `add rule ${T} external-42NFTM6N-ns2/svc2/tcp/p80 fib saddr type local goto service-42NFTM6N-ns2/svc2/tcp/p80 comment "short-circuit local traffic"`,
        `add chain ${T} endpoint-SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80`,
        `add rule ${T} endpoint-SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80 ip saddr 10.180.0.2 jump mark-for-masquerade`,
        `add rule ${T} endpoint-SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80 meta l4proto tcp dnat to 10.180.0.2:80`,
        `add element ${T} cluster-ips { 172.30.0.42 }`,
        `add element ${T} service-ips { 172.30.0.42 . tcp . 80 : goto service-42NFTM6N-ns2/svc2/tcp/p80 }`,
        `add element ${T} service-ips { 192.168.99.22 . tcp . 80 : goto external-42NFTM6N-ns2/svc2/tcp/p80 }`,
        `add element ${T} service-ips { 1.2.3.4 . tcp . 80 : goto external-42NFTM6N-ns2/svc2/tcp/p80 }`,
        `add element ${T} service-nodeports { tcp . 3001 : goto external-42NFTM6N-ns2/svc2/tcp/p80 }`,
        `add element ${T} no-endpoint-nodeports { tcp . 3001 comment "ns2/svc2:p80" : drop }`,
        `add element ${T} no-endpoint-services { 1.2.3.4 . tcp . 80 comment "ns2/svc2:p80" : drop }`,
        `add element ${T} no-endpoint-services { 192.168.99.22 . tcp . 80 comment "ns2/svc2:p80" : drop }`,
      ].sort(),
    );
  });

  it('svc5: ClientIP affinity and loadBalancerSourceRanges', () => {
    const services = [svc('ns5', 'svc5', { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', clusterIP: '172.30.0.45', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3002 }], healthCheckNodePort: 30000, loadBalancerSourceRanges: [' 203.0.113.0/25'], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } }, { loadBalancer: { ingress: [{ ip: '5.6.7.8' }] } })];
    const s = serviceRules(servicePorts(services, [slice('ns5', 'svc5', '10.180.0.3')]), new Map(), opts);
    expect(s.sets).toEqual([`add set ${T} affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 { type ipv4_addr ; flags dynamic,timeout ; timeout 10800s ; }`]);
    expect([...s.chains, ...s.rules, ...s.elements].sort()).toEqual(
      [
        `add chain ${T} service-HVFWP5L3-ns5/svc5/tcp/p80`,
        `add rule ${T} service-HVFWP5L3-ns5/svc5/tcp/p80 ip daddr 172.30.0.45 ip saddr != 10.0.0.0/8 jump mark-for-masquerade`,
        `add rule ${T} service-HVFWP5L3-ns5/svc5/tcp/p80 ip saddr @affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 goto endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80`,
        `add rule ${T} service-HVFWP5L3-ns5/svc5/tcp/p80 numgen random mod 1 vmap { 0 : goto endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 }`,
        `add chain ${T} external-HVFWP5L3-ns5/svc5/tcp/p80`,
        `add rule ${T} external-HVFWP5L3-ns5/svc5/tcp/p80 jump mark-for-masquerade`,
        `add rule ${T} external-HVFWP5L3-ns5/svc5/tcp/p80 goto service-HVFWP5L3-ns5/svc5/tcp/p80`,
        `add chain ${T} endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80`,
        `add rule ${T} endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 ip saddr 10.180.0.3 jump mark-for-masquerade`,
        `add rule ${T} endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 update @affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 { ip saddr }`,
        `add rule ${T} endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 meta l4proto tcp dnat to 10.180.0.3:80`,
        `add chain ${T} firewall-HVFWP5L3-ns5/svc5/tcp/p80`,
        `add rule ${T} firewall-HVFWP5L3-ns5/svc5/tcp/p80 ip saddr != { 203.0.113.0/25 } drop`,
        `add element ${T} cluster-ips { 172.30.0.45 }`,
        `add element ${T} service-ips { 172.30.0.45 . tcp . 80 : goto service-HVFWP5L3-ns5/svc5/tcp/p80 }`,
        `add element ${T} service-ips { 5.6.7.8 . tcp . 80 : goto external-HVFWP5L3-ns5/svc5/tcp/p80 }`,
        `add element ${T} service-nodeports { tcp . 3002 : goto external-HVFWP5L3-ns5/svc5/tcp/p80 }`,
        `add element ${T} firewall-ips { 5.6.7.8 . tcp . 80 : goto firewall-HVFWP5L3-ns5/svc5/tcp/p80 }`,
      ].sort(),
    );
  });
});

describe('kube-proxy --proxy-mode=nftables: affinity and internalTrafficPolicy on the packet path', () => {
  it('pins a client to one endpoint through the affinity sets; Local keeps ClusterIP traffic on the node', async () => {
    const w = new World({ seed: 23 });
    const c = buildCluster(w, { proxyMode: 'nftables', coredns: false });
    c.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 4, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } });
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.100.100.100', selector: { app: 'web' }, sessionAffinity: 'ClientIP', ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] } });
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'local', namespace: 'default' }, spec: { clusterIP: '10.100.100.101', selector: { app: 'web' }, internalTrafficPolicy: 'Local', ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] } });
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'default' }, spec: { nodeName: 'node01', containers: [{ name: 'c', image: 'curl', command: ['sleep', 'infinity'] }] } });
    await c.settle();
    const kl = c.kubelets.get('node01')!;
    const curl = async (ip: string): Promise<string> => {
      const out = new StringOut();
      await c.world.run(kl.exec('default', 'client', ['curl', '-s', '-m', '3', `http://${ip}/`], { stdin: new StringIn(''), stdout: out, stderr: out }), { maxVirtualMs: 30_000 });
      return out.text;
    };
    // nginx's default page does not name the pod: the chosen endpoint is read from conntrack on node01.
    const backends = new Set<string>();
    for (let i = 0; i < 6; i++) {
      expect(await curl('10.100.100.100')).toContain('Welcome to nginx');
    }
    const ct = c.host('node01');
    const run = async (cmd: string): Promise<string> => {
      const out = new StringOut();
      const argv = ['bash', '-c', cmd];
      const r = spawnWith(ct, 1, argv, { env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', netns: ct.initNs, stdin: new StringIn(''), stdout: out, stderr: out }, (p) => p.exec(p, argv));
      await c.world.run(r.done, { maxVirtualMs: 30_000 });
      return out.text;
    };
    for (const m of (await run('conntrack -L 2>/dev/null | grep "dst=10.100.100.100 "')).matchAll(/dst=10\.100\.100\.100 sport=\d+ dport=80 src=(\S+)/g)) backends.add(m[1]);
    expect(backends.size).toBe(1);
    // The client's address sits in exactly one affinity set, with the set's timeout counting down.
    const sets = await run('nft list table ip kube-proxy');
    const clientIp = c.api.get('Pod', 'default', 'client')!.status.podIP;
    expect(sets).toContain('\t\tsize 65535\n\t\tflags dynamic,timeout\n\t\ttimeout 3h\n');
    expect(sets.split(`elements = { ${clientIp} expires `).length - 1).toBe(1);
    // internalTrafficPolicy Local: only endpoints on node01 answer the client there.
    const local = c.api.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web' && p.spec.nodeName === 'node01').map((p) => p.status.podIP);
    expect(local.length).toBeGreaterThan(0);
    for (let i = 0; i < 4; i++) expect(await curl('10.100.100.101')).toContain('Welcome to nginx');
    for (const m of (await run('conntrack -L 2>/dev/null | grep "dst=10.100.100.101 "')).matchAll(/dst=10\.100\.100\.101 sport=\d+ dport=80 src=(\S+)/g)) expect(local).toContain(m[1]);
  });
});
