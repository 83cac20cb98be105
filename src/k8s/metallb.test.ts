// MetalLB in layer-2 mode end to end: the controller assigns an address
// from the IPAddressPool (EXTERNAL-IP instead of <pending>), exactly one
// node's speaker answers ARP for it from a host outside the cluster on the
// nodes' segment (the one first in sha256(node + "#" + ip) order,
// speaker/layer2_controller.go ShouldAnnounce), deleting the Service frees
// the address, an exhausted pool leaves `<pending>` with an
// AllocationFailed event (controller/service.go), and a new winner takes
// over with gratuitous ARP when the announcing speaker goes away.

import { describe, expect, it } from 'vitest';
import '../userland/index.ts';
import { World } from '../world/world.ts';
import { buildCluster, type Cluster } from './cluster.ts';
import type { KObject } from './api.ts';
import { spawnWith } from '../shell/exec.ts';
import { StringIn, StringOut } from '../kernel/proc.ts';
import { allocate, electNodes, parseRange } from './metallb.ts';
import { fmtIp4 } from '../kernel/addr.ts';
import type { ArpPacket } from '../kernel/packet.ts';

const web = (name: string): KObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } });
const lb = (name: string, extra: Record<string, unknown> = {}): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { type: 'LoadBalancer', selector: { app: name }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }], ...extra } });

async function onHost(c: Cluster, host: string, cmd: string): Promise<{ code: number; out: string }> {
  const k = c.world.host(host);
  const out = new StringOut();
  const argv = ['bash', '-c', cmd];
  const r = spawnWith(k, 1, argv, { env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', netns: k.initNs, stdin: new StringIn(''), stdout: out, stderr: out }, (p) => p.exec(p, argv));
  const d = await c.world.run(r.done, { maxVirtualMs: 30_000 });
  return { code: d.done ? d.value : -1, out: out.text };
}

function world(): { w: World; c: Cluster } {
  const w = new World({ seed: 11 });
  const c = buildCluster(w, { metallb: { pool: 'first-pool', addresses: ['192.168.56.240-192.168.56.241'] } });
  w.addHost('outside');
  w.attach('outside', 'eth0', 'k8s', { addr: '192.168.56.100/24' });
  return { w, c };
}

describe('MetalLB layer 2', () => {
  it('parses pools and allocates in order, refusing what no pool holds', () => {
    expect(parseRange('192.168.56.240/30')!.map(fmtIp4)).toEqual(['192.168.56.240', '192.168.56.243']);
    expect(parseRange('10.0.0.9-10.0.0.1')).toBeUndefined();
    const pools = [{ name: 'a', autoAssign: true, avoidBuggyIPs: true, ranges: [parseRange('10.0.0.255-10.0.1.1')!] }];
    const used = new Map<string, string>();
    expect(allocate(pools, 'default/x', lb('x'), used)).toEqual({ ip: '10.0.1.1', pool: 'a' });
    expect(allocate(pools, 'default/x', lb('x', { loadBalancerIP: '10.9.9.9' }), used)).toEqual({ error: '"10.9.9.9" is not allowed in config' });
    used.set('10.0.1.1', 'default/y');
    expect(allocate(pools, 'default/x', lb('x'), used)).toEqual({ error: 'no available IPs' });
    // Election order is the sha256 order of node#ip, the same on every speaker.
    const order = electNodes(['node01', 'node02', 'controlplane'], '192.168.56.240');
    expect(electNodes(['controlplane', 'node02', 'node01'], '192.168.56.240')).toEqual(order);
  });

  it('assigns EXTERNAL-IP, answers ARP from one node, frees on delete, reports an exhausted pool', async () => {
    const { w, c } = world();
    c.api.create(web('web'));
    c.api.create(lb('web'));
    await c.settle();
    const svc = c.api.get('Service', 'default', 'web')!;
    expect(svc.status.loadBalancer.ingress).toEqual([{ ip: '192.168.56.240' }]);
    expect(svc.metadata.annotations?.['metallb.io/ip-allocated-from-pool']).toBe('first-pool');
    const get = await onHost(c, 'controlplane', 'kubectl get svc web');
    expect(get.out).toMatch(/^web +LoadBalancer +10\.\S+ +192\.168\.56\.240 +80:3\d{4}\/TCP +\S+$/m);
    const pools = await onHost(c, 'controlplane', 'kubectl get ipaddresspool -n metallb-system');
    expect(pools.out).toBe('NAME         AUTO ASSIGN   AVOID BUGGY IPS   ADDRESSES\nfirst-pool   true          false             ["192.168.56.240-192.168.56.241"]\n');
    const ev = c.api.list('Event', 'default').filter((e) => e.involvedObject.name === 'web');
    expect(ev.map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual(expect.arrayContaining(['Normal IPAllocated Assigned IP ["192.168.56.240"]', expect.stringMatching(/^Normal nodeAssigned announcing from node "(controlplane|node01|node02)" with protocol "layer2"$/)]));

    // ARP from outside: exactly one node answers, the elected one.
    const winner = electNodes(['controlplane', 'node01', 'node02'], '192.168.56.240')[0];
    const replies: string[] = [];
    const out = w.host('outside');
    out.stack.taps.add((dev, f, dir) => {
      const a = f.payload as ArpPacket;
      if (dir === 'in' && f.type === 'arp' && a.op === 'reply' && fmtIp4(a.spa) === '192.168.56.240' && a.tha !== 'ff:ff:ff:ff:ff:ff') replies.push(a.sha);
    });
    await c.settle();
    const ping = await onHost(c, 'outside', 'ping -c 1 -W 1 192.168.56.240; ip neigh show 192.168.56.240');
    const winnerMac = w.host(winner).initNs.devByName('eth0')!.mac;
    expect(replies).toEqual([winnerMac]);
    expect(ping.out).toContain(`192.168.56.240 dev eth0 lladdr ${winnerMac}`);
    expect(c.api.list('Event', 'default').filter((e) => e.reason === 'nodeAssigned' && e.involvedObject.name === 'web').map((e) => e.source.host)).toEqual([winner]);

    // Exhaustion: two addresses, three services.
    c.api.create(web('api'));
    c.api.create(lb('api'));
    c.api.create(web('db'));
    c.api.create(lb('db'));
    await c.settle();
    expect(c.api.get('Service', 'default', 'api')!.status.loadBalancer.ingress).toEqual([{ ip: '192.168.56.241' }]);
    const db = await onHost(c, 'controlplane', 'kubectl get svc db');
    expect(db.out).toMatch(/^db +LoadBalancer +\S+ +<pending> /m);
    expect(c.api.list('Event', 'default').find((e) => e.involvedObject.name === 'db' && e.reason === 'AllocationFailed')?.message).toBe('Failed to allocate IP for "default/db": no available IPs');

    // Deleting a Service frees its address; the pending one gets it.
    c.api.delete('Service', 'default', 'web');
    await c.settle();
    expect(c.api.get('Service', 'default', 'db')!.status.loadBalancer.ingress).toEqual([{ ip: '192.168.56.240' }]);
  });

  it('moves the address to the next node with gratuitous ARP when the winner is excluded', async () => {
    const { w, c } = world();
    c.api.create(web('web'));
    c.api.create(lb('web'));
    await c.settle();
    await onHost(c, 'outside', 'ping -c 1 -W 1 192.168.56.240');
    const order = electNodes(['controlplane', 'node01', 'node02'], '192.168.56.240');
    const pod = c.api.list('Pod', 'metallb-system').find((p) => p.metadata.labels?.component === 'speaker' && p.spec.nodeName === order[0])!;
    // The winner is excluded from load balancers (the label MetalLB honours, speakersForPool).
    c.api.patch('Node', undefined, order[0], (n) => (n.metadata.labels = { ...n.metadata.labels, 'node.kubernetes.io/exclude-from-external-load-balancers': '' }));
    void pod;
    await c.settle();
    const neigh = await onHost(c, 'outside', 'sleep 1; ip neigh show 192.168.56.240');
    const macs = order.map((n) => w.host(n).initNs.devByName('eth0')!.mac);
    expect(neigh.out).not.toContain(macs[0]);
    expect(neigh.out).toContain(`lladdr ${macs[1]}`);
  });
});
