// Capstone: one HTTP request from a client outside the cluster, through a
// NodePort on the control plane, kube-proxy's chains there, and flannel's
// VXLAN overlay to the one pod, which runs on a worker.
//
//   client 192.168.56.100 ─┐
//   controlplane .10 ──────┼── segment k8s 192.168.56.0/24 ── node01 .11, node02 .12
//   flannel.1 on every node (vxlan backend, port 8472)
//
// Start: flannel with the vxlan backend; the pod APP (nginx) on one worker
// (APP and the worker depend on the learner's seed); a ClusterIP Service
// APP; /root/answers.txt with the questions, unanswered.

import type { LabDef, Params } from '../../src/labs/types.ts';
import type { KObject } from '../../src/k8s/api.ts';
import { buildCluster } from '../../src/k8s/cluster.ts';
import { answersMatch, nodePortPath } from '../capstone-checks.ts';

const APPS = ['shop', 'cart', 'till', 'blog', 'mail', 'wiki'];

export const ANSWERS = (app: string): string => `# One request: client (192.168.56.100) -> http://192.168.56.10:NODEPORT/ (controlplane)
# -> kube-proxy's chains -> the pod of Service ${app}. Write each answer after the '='.
# node_port:     the NodePort of Service ${app}
# dnat_node:     the node whose iptables rewrites the request's destination to the pod
# sep_chain:     the KUBE-SEP-... chain whose rule does that rewrite
# pod_ip:        the address the request is sent to after the rewrite
# pod_node:      the node that runs the pod
# tunnel_device: the device the rewritten request leaves dnat_node by
node_port=
dnat_node=
sep_chain=
pod_ip=
pod_node=
tunnel_device=
`;

/** The reference solution: the NodePort, then each answer read from the cluster (`over` replaces answers). */
function fill(p: Params, over: Record<string, string>): string[] {
  const v = (k: string, d: string): string => over[k] ?? d;
  return [
    `kubectl delete svc ${p.app}`,
    `kubectl expose pod ${p.app} --type=NodePort --port=80`,
    `NP=$(kubectl get svc ${p.app} -o jsonpath='{.spec.ports[0].nodePort}')`,
    `POD=$(kubectl get pod ${p.app} -o jsonpath='{.status.podIP}')`,
    'SEP=$(iptables -t nat -S | grep -- "-j DNAT --to-destination $POD:80" | cut -d" " -f2)',
    `NODE=$(kubectl get pod ${p.app} -o jsonpath='{.spec.nodeName}')`,
    'DEV=$(ip route get $POD | grep -o "dev [^ ]*" | cut -d" " -f2)',
    `sed -i -e "s/^node_port=.*/node_port=${v('node_port', '$NP')}/" -e "s/^dnat_node=.*/dnat_node=${v('dnat_node', 'controlplane')}/" -e "s/^sep_chain=.*/sep_chain=${v('sep_chain', '$SEP')}/" -e "s/^pod_ip=.*/pod_ip=${v('pod_ip', '$POD')}/" -e "s/^pod_node=.*/pod_node=${v('pod_node', '$NODE')}/" -e "s/^tunnel_device=.*/tunnel_device=${v('tunnel_device', '$DEV')}/" /root/answers.txt`,
    'cat /root/answers.txt',
  ];
}

const lab: LabDef = {
  id: 'capstone-path',
  title: 'Capstone: follow one request to its pod',
  lesson: 'kube-proxy',
  terminalHost: 'controlplane',
  params(seed: number): Params {
    const s = (seed >>> 0) % (APPS.length * 2);
    return { app: APPS[s % APPS.length]!, node: s < APPS.length ? 'node02' : 'node01' };
  },
  goal: (p) =>
    `The cluster runs flannel with its vxlan backend. The pod \`${p.app}\` (nginx) is running, behind a ClusterIP Service \`${p.app}\`. ` +
    `Make the site reachable from \`client\` (192.168.56.100, outside the cluster) as http://192.168.56.10:NODEPORT/ (controlplane's address) through a NodePort Service \`${p.app}\`, ` +
    `then follow that one request hop by hop and fill in /root/answers.txt on controlplane: the NodePort, which node's rules rewrite the destination, the KUBE-SEP chain that does it, the pod address, the pod's node and the device the request leaves by towards the pod. ` +
    'The checks send the request from client and compare your answers with what the cluster really does.',
  hints: (p) => [
    `A NodePort is a Service type, chosen when the Service is created: look at \`kubectl get svc ${p.app}\`, and at the \`--type\` of \`kubectl expose\` (or a manifest with \`type: NodePort\`). kube-proxy then adds a rule for the port on every node.`,
    'Where does the request first meet a kube-proxy rule? It arrives at controlplane. Read controlplane\'s nat table from the top: `iptables -t nat -S PREROUTING`, then follow the jumps (KUBE-SERVICES, KUBE-NODEPORTS, KUBE-EXT-…, KUBE-SVC-…) to the chain with the DNAT rule.',
    `After the DNAT, the packet is routed to the pod's address: ask controlplane how (\`ip route get\` the pod IP) and compare with \`kubectl get pod ${p.app} -o wide\`. Which device is that, and what kind (\`ip -d link show\`)?`,
    `\`kubectl delete svc ${p.app}\` and \`kubectl expose pod ${p.app} --type=NodePort --port=80\`, then \`kubectl get svc ${p.app}\`, \`iptables -t nat -S | grep -e KUBE-SEP -e ${p.app}\`, \`kubectl get pod ${p.app} -o wide\`, \`ip route get POD_IP\`, and write the answers with an editor or \`sed -i\`.`,
  ],
  solution: (p) => fill(p, {}),
  build(b, p) {
    const c = buildCluster(b.world, { cni: 'none', coredns: false });
    c.installFlannel();
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-flannel-cfg', namespace: 'kube-flannel', labels: { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' } }, data: { 'net-conf.json': '{\n  "Network": "10.244.0.0/16",\n  "EnableNFTables": false,\n  "Backend": {\n    "Type": "vxlan"\n  }\n}\n' } });
    const pod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: p.app, namespace: 'default', labels: { app: p.app } }, spec: { nodeName: p.node, containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } };
    c.api.create(pod);
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: p.app, namespace: 'default' }, spec: { type: 'ClusterIP', selector: { app: p.app }, ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }] } });
    b.nic('client', 'eth0', 'k8s', '192.168.56.100/24');
    b.file('controlplane', '/root/answers.txt', ANSWERS(p.app));
  },
  shortcuts: [
    { name: "answers copied from another learner's world (the other worker, its chain and address)", commands: (p) => fill(p, { sep_chain: 'KUBE-SEP-ABCDEFGHIJKLMNOP', pod_ip: p.node === 'node01' ? '10.244.2.2' : '10.244.1.2', pod_node: p.node === 'node01' ? 'node02' : 'node01' }), expect: ['answers'] },
    { name: 'the pod node named as the DNAT node', commands: (p) => fill(p, { dnat_node: p.node }), expect: ['answers'] },
    { name: 'the underlay named as the tunnel device', commands: (p) => fill(p, { tunnel_device: 'eth0' }), expect: ['answers'] },
    { name: 'answers without the NodePort', commands: [], expect: ['path', 'answers'] },
  ],
  checks: [
    { id: 'path', title: (p) => `client fetches the page through controlplane's NodePort of Service ${p.app}, over the overlay to the pod`, run: (ctx, p) => nodePortPath(ctx, p.app) },
    { id: 'answers', title: 'the answers in /root/answers.txt match the path the request really takes', run: (ctx, p) => answersMatch(ctx, p.app) },
  ],
};

export default lab;
