// Break-fix lab: two nodes whose CNI configurations hand out the same pod
// subnet, so pods on different nodes get the same address.
//
//   controlplane .10          node01 .11                    node02 .12
//                             cni0 10.244.1.1               cni0 10.244.1.1 (!)
//                             web-a 10.244.1.2              web-b 10.244.1.2 (!)
//   ═══════════════════════ 192.168.56.0/24 (k8s) ═══════════════════════════
//
// Start: no network add-on; each worker has a hand-written bridge + host-local
// configuration in /etc/cni/net.d, routes to the other node's pod subnet and
// forwarding on. node02's file was copied from node01 and never changed.

import type { LabDef } from '../../src/labs/types.ts';
import type { CheckCtx } from '../../src/labs/checks.ts';
import type { CheckOutcome } from '../../src/labs/types.ts';
import type { KObject } from '../../src/k8s/api.ts';
import { buildCluster, clusterOf } from '../../src/k8s/cluster.ts';
import { toYaml } from '../../src/k8s/yaml.ts';
import { inNet, parseIp4 } from '../../src/kernel/addr.ts';
import { reachesThrough } from '../breakfix-checks.ts';
import { join, m, type Msg } from '../../src/labs/messages.ts';

const conf = (subnet: string): string =>
  JSON.stringify({ cniVersion: '1.0.0', name: 'podnet', type: 'bridge', bridge: 'cni0', isGateway: true, ipMasq: false, ipam: { type: 'host-local', subnet, routes: [{ dst: '0.0.0.0/0' }] } }, null, 2) + '\n';

const pod = (name: string, node: string): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: name } }, spec: { nodeName: node, containers: [{ name: 'nginx', image: 'nginx:1.27' }] } });

const PODS = `${toYaml(pod('web-a', 'node01'))}---\n${toYaml(pod('web-b', 'node02'))}`;

/** The pods, settled; or why the check cannot look at them yet. */
async function pods(ctx: CheckCtx): Promise<{ a?: KObject; b?: KObject; msg?: Msg }> {
  const c = clusterOf(ctx.world)!;
  await c.settle();
  const a = c.api.get('Pod', 'default', 'web-a');
  const b = c.api.get('Pod', 'default', 'web-b');
  if (!a || !b) return { msg: m('podcidr.podDoesNotExist', { pod: a ? 'web-b' : 'web-a' }) };
  if (!a.status?.podIP || !b.status?.podIP) return { msg: m('podcidr.noPodIp', { pod: a.status?.podIP ? 'web-b' : 'web-a' }) };
  return { a, b };
}

/** Check: each pod's address lies in its node's podCIDR, and they differ. */
async function ownRanges(ctx: CheckCtx): Promise<CheckOutcome> {
  const r = await pods(ctx);
  if (r.msg) return { passed: false, msg: r.msg };
  const c = clusterOf(ctx.world)!;
  const bad: Msg[] = [];
  for (const p of [r.a!, r.b!]) {
    const cidr: string = c.api.get('Node', '', p.spec.nodeName)?.spec?.podCIDR ?? '';
    const [net, len] = cidr.split('/');
    if (!inNet(parseIp4(p.status.podIP)!, parseIp4(net!)!, Number(len))) bad.push(m('podcidr.outsideNodePodcidr', { pod: p.metadata.name, node: p.spec.nodeName, ip: p.status.podIP, cidr }));
  }
  if (r.a!.status.podIP === r.b!.status.podIP) return { passed: false, msg: bad.length ? m('podcidr.samePodIpMore', { ip: r.a!.status.podIP, more: join(bad) }) : m('podcidr.samePodIp', { ip: r.a!.status.podIP }) };
  if (bad.length) return { passed: false, msg: join(bad) };
  return { passed: true, msg: m('podcidr.webNodeWebB', { ip: r.a!.status.podIP, ip2: r.b!.status.podIP }) };
}

/** Check: the pod on `from` reaches the other pod's address, answered by that pod, through the nodes. */
async function podReaches(ctx: CheckCtx, from: 'a' | 'b'): Promise<CheckOutcome> {
  const r = await pods(ctx);
  if (r.msg) return { passed: false, msg: r.msg };
  const c = clusterOf(ctx.world)!;
  const [src, dst] = from === 'a' ? [r.a!, r.b!] : [r.b!, r.a!];
  const spec = (p: KObject): string | undefined => {
    const ns = c.kubelets.get(p.spec.nodeName)!.podNetns('default', p.metadata.name);
    return ns ? `${p.spec.nodeName}:${ctx.world.host(p.spec.nodeName).netnsNamesOf(ns)[0]}` : undefined;
  };
  if (src.status.podIP === dst.status.podIP) return { passed: false, msg: m('podcidr.haveSameAddressPackets', { a: src.metadata.name, b: dst.metadata.name, ip: dst.status.podIP }) };
  const s = spec(src);
  const d = spec(dst);
  if (!s || !d) return { passed: false, msg: m('podcidr.noSandboxNode', { pod: s ? dst.metadata.name : src.metadata.name }) };
  return reachesThrough(ctx, s, dst.status.podIP, d, `${dst.spec.nodeName}:`);
}

const lab: LabDef = {
  id: 'fix-pod-cidr',
  title: 'Fix it: two pods, one address',
  lesson: 'cni',
  terminalHost: 'controlplane',
  goal:
    'A ticket: "web-a (on node01) cannot talk to web-b (on node02). Both are Running." ' +
    'This cluster has no network add-on: each worker has a hand-written CNI configuration in /etc/cni/net.d (bridge and host-local), routes to the other node\'s pod subnet and forwarding on. ' +
    'Fix the pod network so that every pod gets a unique address from its own node\'s pod range (the node\'s podCIDR), and web-a and web-b reach each other across the nodes. You can log in to the nodes with `ssh node01` and `ssh node02`.',
  hints: [
    'Start with what Kubernetes says: `kubectl get pods -o wide`. Look closely at the IP column.',
    'Each node is given its own pod range (`kubectl get node node02 -o jsonpath=\'{.spec.podCIDR}\'`), but the address is handed out by the CNI plugin on the node, from its own configuration. Compare the files in /etc/cni/net.d on node01 and node02 (`ssh node02`).',
    'After changing a configuration, pods that already have an address keep it: recreate the pod (`kubectl delete pod` and apply /root/pods.yaml again). If the bridge plugin then complains about cni0, look at the address cni0 still carries on that node.',
    'On node02: correct the subnet to 10.244.2.0/24 in /etc/cni/net.d/10-bridge.conf and remove the old bridge (`ip link delete cni0`); then on controlplane `kubectl delete pod web-b` and `kubectl apply -f /root/pods.yaml`.',
  ],
  solution: [
    'kubectl get pods -o wide',
    "ssh node02 sed -i s#10.244.1.0/24#10.244.2.0/24# /etc/cni/net.d/10-bridge.conf",
    'ssh node02 ip link delete cni0',
    'kubectl delete pod web-b',
    'kubectl apply -f /root/pods.yaml',
    'kubectl get pods -o wide',
  ],
  build(b) {
    // No cluster DNS: its pods would wait for a network on controlplane.
    const c = buildCluster(b.world, { cni: 'none', coredns: false });
    for (const [node, peer, peerIp] of [
      ['node01', '10.244.2.0/24', '192.168.56.12'],
      ['node02', '10.244.1.0/24', '192.168.56.11'],
    ] as const) {
      b.file(node, '/etc/cni/net.d/10-bridge.conf', conf('10.244.1.0/24'));
      b.route(`${node}:`, peer, peerIp);
      b.forwarding(`${node}:`, true);
    }
    c.api.create(pod('web-a', 'node01'));
    c.api.create(pod('web-b', 'node02'));
    b.file('controlplane', '/root/pods.yaml', PODS);
  },
  shortcuts: [{ name: 'the config fixed but web-b keeps its old address', commands: ['ssh node02 sed -i s#10.244.1.0/24#10.244.2.0/24# /etc/cni/net.d/10-bridge.conf'], expect: ['own-ranges'] }],
  checks: [
    { id: 'own-ranges', title: 'web-a and web-b have unique addresses from their nodes\' pod ranges', run: ownRanges },
    { id: 'a-to-b', title: 'web-a reaches web-b across the nodes', run: (ctx) => podReaches(ctx, 'a') },
    { id: 'b-to-a', title: 'web-b reaches web-a across the nodes', run: (ctx) => podReaches(ctx, 'b') },
  ],
};

export default lab;
