// The overlay, Docker network-type and capstone labs: learners' own
// solutions pass, and the capstone's answers copied from one learner's
// cluster fail in another's.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkLines } from '../src/labs/replay.ts';
import { getLab } from '../src/labs/index.ts';

async function run(lab: string, lines: string[], seed = 1): Promise<Record<string, { passed: boolean; message: string }>> {
  const out: Record<string, { passed: boolean; message: string }> = {};
  for (const c of await checkLines(lab, seed, lines)) out[c.id] = { passed: c.passed, message: c.message };
  return out;
}
const passedAll = (r: Record<string, { passed: boolean }>): boolean => Object.values(r).every((c) => c.passed);

describe('vxlan-overlay', { timeout: 120_000 }, () => {
  it("passes with flannel's own recipe (no remote, nolearning, onlink routes, neighbours, fdb entries)", async () => {
    const r = await run('vxlan-overlay', [
      'ip -n node1 link add flannel.1 type vxlan id 1 local 192.168.10.11 dev eth0 dstport 4789 nolearning',
      'ip -n node2 link add flannel.1 type vxlan id 1 local 192.168.20.12 dev eth0 dstport 4789 nolearning',
      'ip -n node1 link set flannel.1 address 02:aa:00:00:00:01; ip -n node2 link set flannel.1 address 02:aa:00:00:00:02',
      'ip -n node1 addr add 10.244.1.0/32 dev flannel.1; ip -n node1 link set flannel.1 up',
      'ip -n node2 addr add 10.244.2.0/32 dev flannel.1; ip -n node2 link set flannel.1 up',
      'ip -n node1 route add 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink; ip -n node2 route add 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink',
      'ip -n node1 neigh add 10.244.2.0 lladdr 02:aa:00:00:00:02 dev flannel.1 nud permanent; ip -n node2 neigh add 10.244.1.0 lladdr 02:aa:00:00:00:01 dev flannel.1 nud permanent',
      'bridge -n node1 fdb append 02:aa:00:00:00:02 dev flannel.1 dst 192.168.20.12; bridge -n node2 fdb append 02:aa:00:00:00:01 dev flannel.1 dst 192.168.10.11',
    ]);
    expect(passedAll(r)).toBe(true);
    expect(r['a-to-b']!.message).toContain('UDP 192.168.10.11 → 192.168.20.12:4789 carrying 10.244.1.10 → 10.244.2.10');
  });
  it('fails a tunnel whose VNIs differ (nothing decapsulates)', async () => {
    const r = await run('vxlan-overlay', [
      'ip -n node1 link add vxlan0 type vxlan id 100 remote 192.168.20.12 local 192.168.10.11 dstport 4789',
      'ip -n node2 link add vxlan0 type vxlan id 200 remote 192.168.10.11 local 192.168.20.12 dstport 4789',
      'ip -n node1 addr add 172.31.0.1/24 dev vxlan0; ip -n node1 link set vxlan0 up; ip -n node1 route add 10.244.2.0/24 via 172.31.0.2',
      'ip -n node2 addr add 172.31.0.2/24 dev vxlan0; ip -n node2 link set vxlan0 up; ip -n node2 route add 10.244.1.0/24 via 172.31.0.1',
    ]);
    expect(r['a-to-b']!.passed).toBe(false);
    expect(r.router!.passed).toBe(true);
  });
});

describe('fix-overlay-mtu', { timeout: 120_000 }, () => {
  it('passes with worker1 recreated on eth0 (MTU 1450 derived) and 1400 elsewhere', async () => {
    const r = await run('fix-overlay-mtu', [
      'ip -n worker1 link del vxlan0',
      'ip -n worker1 link add vxlan0 type vxlan id 7 remote 192.168.40.12 local 192.168.30.11 dev eth0 dstport 4789',
      'ip -n worker1 addr add 172.30.0.1/24 dev vxlan0; ip -n worker1 link set vxlan0 up; ip -n worker1 route add 10.244.2.0/24 via 172.30.0.2',
      'ip -n worker2 link set vxlan0 mtu 1400',
      'for n in client web; do ip -n $n link set eth0 mtu 1400; done',
      'ip -n worker1 link set veth-client mtu 1400; ip -n worker2 link set veth-web mtu 1400',
    ]);
    expect(passedAll(r)).toBe(true);
  });
  it('untouched: small pages pass, the large one does not, and the MTU is named', async () => {
    const r = await run('fix-overlay-mtu', []);
    expect(r['client-gets-big']!.message).toContain('gets the small page http://10.244.2.30/index.html, but the large page');
    expect(r['mtu-worker1']!.message).toContain('the tunnel can carry at most 1450');
    expect(r.tunnel!.passed).toBe(true);
  });
});

describe('docker-network-types', { timeout: 120_000 }, () => {
  it('passes with docker create/start and the --net= spellings', async () => {
    const r = await run('docker-network-types', [
      'docker stop iso hostweb && docker rm iso hostweb',
      'docker create --name iso --network=none busybox sleep 1000 && docker start iso',
      'docker run -d --name hostweb --net=host nginx',
      'docker run -d --name sidecar --network=container:app busybox sleep 1000',
    ]);
    expect(passedAll(r)).toBe(true);
  });
});

describe('capstone-path', { timeout: 120_000 }, () => {
  const own = [
    "APP=$(kubectl get pods | tail -1 | cut -d' ' -f1)",
    "printf 'apiVersion: v1\\nkind: Service\\nmetadata:\\n  name: %s\\nspec:\\n  type: NodePort\\n  selector:\\n    app: %s\\n  ports:\\n  - port: 80\\n    nodePort: 30999\\n' $APP $APP > /tmp/np.yaml",
    'kubectl delete svc $APP && kubectl apply -f /tmp/np.yaml',
    'sleep 2',
    `POD=$(kubectl get pod $APP -o jsonpath='{.status.podIP}'); SEP=$(iptables -t nat -S | grep -- "--to-destination $POD:80" | awk '{print $2}')`,
    "NODE=$(kubectl get pod $APP -o jsonpath='{.spec.nodeName}')",
    "printf 'node_port=30999\\ndnat_node=controlplane\\nsep_chain=%s\\npod_ip=%s\\npod_node=%s\\ntunnel_device=flannel.1\\n' $SEP $POD $NODE > /root/answers.txt",
  ];
  it("passes with a manifest's nodePort and answers looked up another way", async () => {
    expect(passedAll(await run('capstone-path', own, 1))).toBe(true);
  });
  it("fails in another learner's cluster with the first learner's answers", async () => {
    const lab = getLab('capstone-path')!;
    expect(lab.params!(1)).not.toEqual(lab.params!(4));
    // Learner 1's answers, as the reference computes them in learner 1's world.
    const r1 = await run('capstone-path', [...own, 'cat /root/answers.txt'], 1);
    expect(r1.answers!.passed).toBe(true);
    const answers = /all 6 answers match: NodePort (\d+) on controlplane, DNAT in (\S+) to (\S+) on (\S+), out through (\S+)/.exec(r1.answers!.message)!;
    const copied = `node_port=${answers[1]}\ndnat_node=controlplane\nsep_chain=${answers[2]}\npod_ip=${answers[3]}\npod_node=${answers[4]}\ntunnel_device=${answers[5]}\n`;
    const app = lab.params!(4).app;
    const r4 = await run('capstone-path', [`kubectl delete svc ${app}`, `printf 'apiVersion: v1\\nkind: Service\\nmetadata:\\n  name: ${app}\\nspec:\\n  type: NodePort\\n  selector:\\n    app: ${app}\\n  ports:\\n  - port: 80\\n    nodePort: ${answers[1]}\\n' > /tmp/np.yaml`, 'kubectl apply -f /tmp/np.yaml', `printf '${copied.replace(/\n/g, '\\n')}' > /root/answers.txt`], 4);
    expect(r4.path!.passed).toBe(true);
    expect(r4.answers!.passed).toBe(false);
    expect(r4.answers!.message).toMatch(/answers do not match the cluster: .*sep_chain=/);
  });
  it('ships the questions file unanswered', () => {
    const lab = readFileSync(new URL('./capstone-path/lab.ts', import.meta.url), 'utf8');
    expect(lab).toContain('node_port=\ndnat_node=\nsep_chain=\npod_ip=\npod_node=\ntunnel_device=\n');
  });
});
