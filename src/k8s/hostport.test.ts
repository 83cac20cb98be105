// The container runtime's CNI capability arguments and flannel's own rules,
// through the real packet path:
//   - a pod container port with hostPort becomes runtimeConfig.portMappings
//     for the portmap plugin (containerd's CRI plugin; libcni passes it to
//     plugins declaring the capability), so the node's nat table gets
//     CNI-HOSTPORT-DNAT → CNI-DN-<hash> and the node's address answers on the
//     host port (the DNAT really forwards);
//   - flanneld --ip-masq keeps the FLANNEL-POSTRTG rules of
//     flannel-io/flannel pkg/trafficmngr/iptables/iptables.go (masqRules) and
//     FLANNEL-FWD (forwardRules);
//   - pod DELETE removes the pod's DN chain and its CNI-HOSTPORT-DNAT jump.

import { describe, expect, it } from 'vitest';
import '../userland/index.ts';
import { World } from '../world/world.ts';
import { buildCluster, type Cluster } from './cluster.ts';
import { spawnWith } from '../shell/exec.ts';
import { StringIn, StringOut } from '../kernel/proc.ts';
import { podCapabilityArgs } from './kubelet.ts';
import { cniChainName } from '../userland/k8s/cni/portmap.ts';

async function onHost(c: Cluster, host: string, argv: string[]): Promise<{ code: number; out: string }> {
  const k = c.world.host(host);
  const out = new StringOut();
  const r = spawnWith(k, 1, argv, { env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', netns: k.initNs, stdin: new StringIn(''), stdout: out, stderr: out }, (p) => p.exec(p, argv));
  const d = await c.world.run(r.done, { maxVirtualMs: 30_000 });
  return { code: d.done ? d.value : -1, out: out.text };
}

describe('hostPort and flannel rules', () => {
  it('derives portMappings from hostPort ports only, protocol in lower case', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', ports: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 81 }, { containerPort: 53, hostPort: 5353, protocol: 'UDP' }] }] } };
    expect(podCapabilityArgs(pod)).toEqual({ portMappings: [{ hostPort: 8080, containerPort: 80, protocol: 'tcp', hostIP: '' }, { hostPort: 5353, containerPort: 53, protocol: 'udp', hostIP: '' }] });
    expect(podCapabilityArgs({ ...pod, spec: { containers: [{ name: 'a', ports: [{ containerPort: 80 }] }] } })).toEqual({});
  });

  it('a hostPort pod answers on its node address through CNI-HOSTPORT-DNAT; flannel masquerades pods leaving the cluster', async () => {
    const w = new World({ seed: 4 });
    const c = buildCluster(w, { coredns: false });
    w.addHost('outside');
    w.attach('outside', 'eth0', 'k8s', { addr: '192.168.56.100/24' });
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { nodeName: 'node01', containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, hostPort: 8080 }] }] } });
    await c.settle();
    const pod = c.api.get('Pod', 'default', 'web')!;
    expect(pod.status.phase).toBe('Running');
    const nat = (await onHost(c, 'node01', ['iptables', '-t', 'nat', '-S'])).out;
    const dn = (nat.match(/-N (CNI-DN-[0-9a-f]+)/) ?? [])[1];
    expect(dn).toMatch(/^CNI-DN-[0-9a-f]{21}$/);
    expect(nat).toContain(`-A ${dn} -p tcp -m tcp --dport 8080 -j DNAT --to-destination ${pod.status.podIP}:80\n`);
    expect(nat).toContain('-A PREROUTING -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT\n');
    expect(nat).toMatch(/-A CNI-HOSTPORT-DNAT -p tcp -m comment --comment "dnat name: \\"cbr0\\" id: \\"[0-9a-f]{64}\\"" -m multiport --dports 8080 -j CNI-DN-/);
    // flanneld --ip-masq (cluster CIDR 10.244.0.0/16, node01's lease 10.244.1.0/24)
    expect(nat).toContain('-A POSTROUTING -m comment --comment "flanneld masq" -j FLANNEL-POSTRTG\n');
    expect(nat).toContain('-A FLANNEL-POSTRTG -m mark --mark 0x4000/0x4000 -m comment --comment "flanneld masq" -j RETURN\n');
    expect(nat).toContain('-A FLANNEL-POSTRTG -s 10.244.1.0/24 -d 10.244.0.0/16 -m comment --comment "flanneld masq" -j RETURN\n');
    expect(nat).toContain('-A FLANNEL-POSTRTG -s 10.244.0.0/16 ! -d 224.0.0.0/4 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully\n');
    const filter = (await onHost(c, 'node01', ['iptables', '-S', 'FLANNEL-FWD'])).out;
    expect(filter).toContain('-A FLANNEL-FWD -s 10.244.0.0/16 -m comment --comment "flanneld forward" -j ACCEPT\n');
    // The DNAT forwards: the node's address answers on the host port.
    const r = await onHost(c, 'outside', ['curl', '-s', '-m', '3', '-o', '/dev/null', '-w', '%{http_code}', 'http://192.168.56.11:8080/']);
    expect(r.out).toBe('200');
    const counters = (await onHost(c, 'node01', ['iptables', '-t', 'nat', '-L', dn, '-nv'])).out;
    expect(counters).toMatch(/\n +1 +60 DNAT/);
    // The pod reaches its own host port on the node's address: DNAT back to itself, the connection
    // marked by CNI-HOSTPORT-SETMARK (source in the pod network) and masqueraded by CNI-HOSTPORT-MASQ.
    const self = new StringOut();
    const hp = await c.world.run(c.kubelets.get('node01')!.exec('default', 'web', ['curl', '-s', '-m', '3', '-o', '/dev/null', '-w', '%{http_code}', 'http://192.168.56.11:8080/'], { stdin: new StringIn(''), stdout: self, stderr: self }), { maxVirtualMs: 30_000 });
    expect([hp.done ? hp.value : -1, self.text]).toEqual([0, '200']);
    expect((await onHost(c, 'node01', ['iptables', '-t', 'nat', '-L', 'CNI-HOSTPORT-MASQ', '-nv'])).out).toMatch(/\n +1 +60 MASQUERADE/);
    // Masquerade really applies: a pod's ping to a host outside the cluster leaves with node01's address.
    const out = new StringOut();
    const ping = await c.world.run(c.kubelets.get('node01')!.exec('default', 'web', ['ping', '-c', '1', '-W', '1', '192.168.56.100'], { stdin: new StringIn(''), stdout: out, stderr: out }), { maxVirtualMs: 30_000 });
    expect(ping.done ? ping.value : -1).toBe(0);
    const ct = (await onHost(c, 'node01', ['conntrack', '-L', '-p', 'icmp'])).out;
    expect(ct).toContain(`src=${pod.status.podIP} dst=192.168.56.100 type=8`);
    expect(ct).toContain('src=192.168.56.100 dst=192.168.56.11 type=0');
    // DEL takes the pod's chain and jump away; the shared chains stay.
    c.api.delete('Pod', 'default', 'web');
    await c.settle();
    const after = (await onHost(c, 'node01', ['iptables', '-t', 'nat', '-S'])).out;
    expect(after).not.toContain(dn);
    expect(after).toContain('-N CNI-HOSTPORT-DNAT\n');
    void cniChainName;
  });
});
