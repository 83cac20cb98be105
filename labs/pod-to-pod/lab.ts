// Lab: pods on different nodes — install the pod network.
//
//   controlplane .10        node01 .11                 node02 .12
//                           web-a 10.244.1.x           web-b 10.244.2.x
//   ═══════════════ 192.168.56.0/24 (k8s) ════════════════════════════
//
// The cluster starts without a network plugin: pods stay ContainerCreating
// ("cni config uninitialized"). Deploying flannel (a DaemonSet) gives every
// node a pod subnet, writes the CNI config and adds a route per node. The
// manifest handed out in /root is the one someone tried on a single node: its
// DaemonSet has a nodeSelector (`flannel-trial: "yes"`) that only node01
// carries, so applying it as is leaves node02 without an agent and web-b
// stuck. The fix: drop the nodeSelector and apply again.

import type { LabDef } from '../../src/labs/types.ts';
import type { CheckCtx } from '../../src/labs/checks.ts';
import { reaches } from '../../src/labs/checks.ts';
import type { KObject } from '../../src/k8s/api.ts';
import { buildCluster, clusterOf } from '../../src/k8s/cluster.ts';
import { toYaml } from '../../src/k8s/yaml.ts';
import { flannelDaemonSet } from '../../src/k8s/cluster.ts';
import { m, type Msg } from '../../src/labs/messages.ts';

const pod = (name: string, node: string): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: name } }, spec: { nodeName: node, containers: [{ name: 'nginx', image: 'nginx:1.27' }] } });

/** The flannel manifest offered in /root (namespace + DaemonSet, host-gw backend). */
export const FLANNEL_YAML = `${toYaml({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-flannel', labels: { 'k8s-app': 'flannel' } } })}---\n${toYaml(trialDaemonSet())}`;

/** flannel's DaemonSet as left by a one-node trial: pinned to nodes labelled flannel-trial=yes. */
function trialDaemonSet(): KObject {
  const ds = flannelDaemonSet();
  ds.spec.template.spec.nodeSelector = { 'flannel-trial': 'yes' };
  return ds;
}

async function podIps(ctx: CheckCtx): Promise<{ a?: KObject; b?: KObject; msg?: Msg }> {
  const c = clusterOf(ctx.world);
  if (!c) return { msg: m('k8s.noClusterThisWorld') };
  await c.settle();
  const a = c.api.get('Pod', 'default', 'web-a');
  const b = c.api.get('Pod', 'default', 'web-b');
  if (!a || !b) return { msg: m('k8s.podsWebNodeWeb') };
  for (const p of [a, b]) {
    if (!p.status?.podIP) return { msg: m('k8s.noIpNoCni', { pod: p.metadata.name, node: p.spec.nodeName, status: `${p.status?.containerStatuses?.[0]?.state?.waiting?.reason ?? p.status?.phase}` }) };
  }
  return { a, b };
}

const lab: LabDef = {
  id: 'pod-to-pod',
  title: 'Pod to pod across nodes',
  lesson: 'cni',
  terminalHost: 'controlplane',
  goal:
    'A three-node cluster (controlplane, node01, node02) runs pod `web-a` on node01 and `web-b` on node02, but no network plugin is installed, so both are stuck in ContainerCreating. ' +
    'A colleague left the flannel manifest they tried on one node in /root/kube-flannel.yml. Install a pod network on the cluster so that both pods run and web-a on node01 reaches web-b on node02 by its pod IP.',
  hints: [
    'Start from the symptom: `kubectl get pods -o wide` shows the pods and their state, and `kubectl describe pod` says why a pod is not starting.',
    'A pod network plugin runs as a DaemonSet: one agent per node, and each agent writes its node\'s CNI configuration. After applying the manifest, which nodes got an agent (`kubectl get pods -n kube-flannel -o wide`)?',
    'A DaemonSet only places pods on nodes its pod template accepts. Read the template in the manifest and compare it with the nodes\' labels (`kubectl get nodes --show-labels`).',
    'Remove the `nodeSelector` (and its label line) from the manifest and apply it again: `sed -i \'/nodeSelector/,+1d\' /root/kube-flannel.yml`, then `kubectl apply -f /root/kube-flannel.yml`.',
  ],
  solution: ["sed -i '/nodeSelector/,+1d' /root/kube-flannel.yml", 'kubectl apply -f /root/kube-flannel.yml', 'kubectl rollout status daemonset/kube-flannel-ds -n kube-flannel', 'kubectl get pods -o wide'],
  shortcuts: [
    { name: 'the manifest applied as handed out (flannel only on node01)', commands: ['kubectl apply -f /root/kube-flannel.yml', 'kubectl rollout status daemonset/kube-flannel-ds -n kube-flannel'], expect: ['pods-running', 'pod-to-pod'] },
  ],
  build(b) {
    const c = buildCluster(b.world, { cni: 'none' });
    c.api.create(pod('web-a', 'node01'));
    c.api.create(pod('web-b', 'node02'));
    c.api.patch('Node', undefined, 'node01', (n) => (n.metadata.labels = { ...n.metadata.labels, 'flannel-trial': 'yes' }));
    b.file('controlplane', '/root/kube-flannel.yml', FLANNEL_YAML);
  },
  checks: [
    {
      id: 'pods-running',
      title: 'web-a and web-b are Running with pod IPs from their nodes\' subnets',
      run: async (ctx) => {
        const r = await podIps(ctx);
        if (r.msg) return { passed: false, msg: r.msg };
        return { passed: true, msg: m('k8s.webNodeWebB', { ip: r.a!.status.podIP, ip2: r.b!.status.podIP }) };
      },
    },
    {
      id: 'pod-to-pod',
      title: 'web-a on node01 reaches web-b on node02 by its pod IP',
      run: async (ctx) => {
        const r = await podIps(ctx);
        if (r.msg) return { passed: false, msg: r.msg };
        const c = clusterOf(ctx.world)!;
        const ns = c.kubelets.get('node01')!.podNetns('default', 'web-a');
        if (!ns) return { passed: false, msg: m('k8s.webNoSandboxNode') };
        const name = ctx.world.host('node01').netnsNamesOf(ns)[0];
        return reaches(ctx, `node01:${name}`, r.b!.status.podIP);
      },
    },
  ],
};

export default lab;
