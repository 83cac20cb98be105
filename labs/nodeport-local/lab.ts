// NodePort from outside the cluster, and externalTrafficPolicy Local.
//
//   outside .200 ──┐
//                  │ segment k8s 192.168.56.0/24
//   controlplane .10    node01 .11 (pod web, nginx)    node02 .12 (no web pod)
//
// Start: the pod `web` runs on node01; /root/web-svc.yaml is a Service
// without a type or a node port, not applied. The learner exposes it as a
// NodePort on 30080, fetches the page from `outside` through node02 (the
// node without the pod) and reads nginx's log: kube-proxy masqueraded the
// request there, so nginx saw node02's address. With externalTrafficPolicy
// Local the pod sees the client's own address, and node02 drops NodePort
// traffic ("has no local endpoints") instead of forwarding it.

import type { LabDef } from '../../src/labs/types.ts';
import { nfDropIn, nfRuleOf, type CheckCtx } from '../../src/labs/checks.ts';
import type { CheckOutcome } from '../../src/labs/types.ts';
import type { KObject } from '../../src/k8s/api.ts';
import type { TracedPacket } from '../../src/kernel/kernel.ts';
import type { TraceStep } from '../../src/kernel/packet.ts';
import { buildCluster, clusterOf } from '../../src/k8s/cluster.ts';
import { podReady } from '../../src/k8s/controllers.ts';
import { StringIn, StringOut } from '../../src/kernel/proc.ts';
import { spawnWith } from '../../src/shell/exec.ts';
import { m, type Msg } from '../../src/labs/messages.ts';

const OUTSIDE = '192.168.56.200';
const NODE01 = '192.168.56.11';
const NODE02 = '192.168.56.12';
const PORT = 30080;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - protocol: TCP
      port: 80
      targetPort: 80
`;

/** curl on the outside host; the SYN's packet trace comes back with it. */
async function curlFromOutside(ctx: CheckCtx, ip: string): Promise<{ code: number; out: string; steps: readonly TraceStep[] }> {
  const k = ctx.world.host('outside');
  const out = new StringOut();
  const argv = ['curl', '-s', '-m', '3', `http://${ip}:${PORT}/`];
  // The SYN curl traces, as the kernel announces it to its trace observers.
  let traced: TracedPacket | undefined;
  const observe = (t: TracedPacket): void => {
    traced = t;
  };
  k.traceObservers.add(observe);
  const r = spawnWith(k, 1, argv, { env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', netns: k.initNs, stdin: new StringIn(''), stdout: out, stderr: new StringOut() }, (p) => p.exec(p, argv));
  const d = await ctx.world.run(r.done, { maxVirtualMs: 10_000 }).finally(() => k.traceObservers.delete(observe));
  return { code: d.done ? d.value : -1, out: out.text, steps: traced?.trace.steps ?? [] };
}

function webPod(ctx: CheckCtx): KObject | undefined {
  return clusterOf(ctx.world)!.api.get('Pod', 'default', 'web');
}

/** The Service as the goal names it: NodePort 30080 selecting the pod. */
function serviceProblem(ctx: CheckCtx): Msg | undefined {
  const s = clusterOf(ctx.world)!.api.get('Service', 'default', 'web');
  if (!s) return m('nodeport.noServiceWebRoot');
  if (s.spec.type !== 'NodePort' && s.spec.type !== 'LoadBalancer') return m('nodeport.serviceWebTypeClusterip', { type: s.spec.type });
  if (!(s.spec.ports ?? []).some((p: { nodePort?: number }) => p.nodePort === PORT)) return m('nodeport.serviceWebNoNode', { port: PORT });
  return undefined;
}

/** Did a rule of kube-proxy's KUBE-SEP chains translate the request to the pod? */
function dnatByKubeProxy(steps: readonly TraceStep[], podIP: string): boolean {
  return steps.some((s) => s.id === 'nf.bindDst' && s.params?.to === `${podIP}:80` && nfRuleOf(s)?.table === 'nat' && nfRuleOf(s)?.chain.startsWith('KUBE-SEP-'));
}

/** The newest access log line of the web pod. */
function lastLogLine(ctx: CheckCtx): string {
  const pod = webPod(ctx);
  if (!pod) return '';
  const text = clusterOf(ctx.world)!.kubelets.get(pod.spec.nodeName)?.logs('default', 'web') ?? '';
  return text.trimEnd().split('\n').pop() ?? '';
}

async function nodePortAnswers(ctx: CheckCtx): Promise<CheckOutcome> {
  const c = clusterOf(ctx.world)!;
  await c.settle();
  const bad = serviceProblem(ctx);
  if (bad) return { passed: false, msg: bad };
  const pod = webPod(ctx);
  if (!pod || !podReady(pod)) return { passed: false, msg: m('nodeport.podWebNotRunning') };
  const r = await curlFromOutside(ctx, NODE01);
  if (r.code !== 0 || !r.out.includes('Welcome to nginx!')) return { passed: false, msg: m('nodeport.curlFailedSelect', { addr: `${NODE01}:${PORT}`, code: r.code }) };
  if (!dnatByKubeProxy(r.steps, pod.status.podIP)) return { passed: false, msg: m('nodeport.notByKubeProxy', { addr: `${NODE01}:${PORT}` }) };
  return { passed: true, msg: m('nodeport.outsideGotNginxPage', { port: PORT, ip: pod.status.podIP }) };
}

async function answerNamesMasquerade(ctx: CheckCtx): Promise<CheckOutcome> {
  let text = '';
  try {
    text = ctx.world.host('controlplane').vfs.readFile('/root/answer.txt').trim();
  } catch {
    return { passed: false, msg: m('nodeport.rootAnswerTxtDoes') };
  }
  if (text === NODE02) return { passed: true, msg: m('nodeport.nodeMasqueradedRequestBefore', { ip: NODE02 }) };
  if (text === OUTSIDE) return { passed: false, msg: m('nodeport.outsideHostOwnAddress', { ip: OUTSIDE }) };
  return { passed: false, msg: m('nodeport.rootAnswerTxtSays', { text: text.slice(0, 40) }) };
}

async function podSeesClient(ctx: CheckCtx): Promise<CheckOutcome> {
  const c = clusterOf(ctx.world)!;
  await c.settle();
  const bad = serviceProblem(ctx);
  if (bad) return { passed: false, msg: bad };
  const s = c.api.get('Service', 'default', 'web')!;
  const pod = webPod(ctx);
  if (!pod || !podReady(pod)) return { passed: false, msg: m('nodeport.podWebNotRunning') };
  if (pod.spec.hostNetwork) return { passed: false, msg: m('nodeport.podWebRunsNode') };
  if (s.spec.externalTrafficPolicy !== 'Local') return { passed: false, msg: m('nodeport.stillPolicy', { policy: s.spec.externalTrafficPolicy ?? 'Cluster' }) };
  const r = await curlFromOutside(ctx, NODE01);
  if (r.code !== 0 || !r.out.includes('Welcome to nginx!')) return { passed: false, msg: m('nodeport.curlFailed', { addr: `${NODE01}:${PORT}`, code: r.code }) };
  if (!dnatByKubeProxy(r.steps, pod.status.podIP)) return { passed: false, msg: m('nodeport.notByKubeProxy', { addr: `${NODE01}:${PORT}` }) };
  const line = lastLogLine(ctx);
  const from = line.split(' ')[0];
  if (from !== OUTSIDE) return { passed: false, msg: m('nodeport.loggedFrom', { from: from || m('nodeport.nowhere'), ip: OUTSIDE }) };
  return { passed: true, msg: m('nodeport.nginxLoggedOutsideHost', { ip: OUTSIDE }) };
}

async function noEndpointNodeDrops(ctx: CheckCtx): Promise<CheckOutcome> {
  const c = clusterOf(ctx.world)!;
  await c.settle();
  const bad = serviceProblem(ctx);
  if (bad) return { passed: false, msg: bad };
  const r = await curlFromOutside(ctx, NODE02);
  if (r.code === 0) return { passed: false, msg: m('nodeport.node02StillForwards', { addr: `${NODE02}:${PORT}` }) };
  if (!nfDropIn(r.steps, { table: 'filter', chain: 'KUBE-EXTERNAL-SERVICES' })) return { passed: false, msg: m('nodeport.failsNotByKubeProxy', { addr: `${NODE02}:${PORT}` }) };
  return { passed: true, msg: m('nodeport.nodeDropsNodeportTraffic') };
}

const lab: LabDef = {
  id: 'nodeport-local',
  title: 'NodePort from outside, and the client address',
  lesson: 'services',
  terminalHost: 'controlplane',
  goal:
    `The pod \`web\` (nginx, on node01) must be reachable from the host \`outside\` (${OUTSIDE}), which is not part of the cluster, on port ${PORT} of the nodes. ` +
    `/root/web-svc.yaml on controlplane is a first draft of its Service \`web\`. Expose the pod as a NodePort Service on port ${PORT}, then fetch the page from \`outside\` through node02, the node that does not run the pod. ` +
    `Which address does nginx log for that request? Write it into /root/answer.txt on controlplane. ` +
    `Then change the Service so that nginx sees the client's own address. \`ssh outside\` opens a shell on the outside host.`,
  hints: [
    `What does the draft lack for traffic from outside the cluster? The lesson's NodePort section names the Service type; the port on the nodes is a field of each entry under \`ports:\`.`,
    `From \`outside\`, curl port ${PORT} of node02, then read the pod's log on controlplane (\`kubectl logs web\`). Whose address is that, and why did node02 put it there?`,
    'A Service field decides whether the node that receives external traffic may send it to a pod on another node (and so must masquerade). Which setting keeps the client address, and what happens then on node02?',
    `Add \`externalTrafficPolicy: Local\` under \`spec:\` in /root/web-svc.yaml, \`kubectl apply -f /root/web-svc.yaml\`, and curl node01 (${NODE01}) from outside.`,
  ],
  solution: [
    'until kubectl get pod web | grep -q Running; do sleep 1; done',
    'kubectl get pod web -o wide',
    "sed -i 's/^  selector:/  type: NodePort\\n  selector:/' /root/web-svc.yaml",
    `sed -i 's/^      targetPort: 80/      targetPort: 80\\n      nodePort: ${PORT}/' /root/web-svc.yaml`,
    'kubectl apply -f /root/web-svc.yaml',
    `ssh outside "curl -s -o /dev/null -w '%{http_code}\\n' http://${NODE02}:${PORT}/"`,
    'kubectl logs web',
    `echo ${NODE02} > /root/answer.txt`,
    "sed -i 's/^  type: NodePort/  type: NodePort\\n  externalTrafficPolicy: Local/' /root/web-svc.yaml",
    'kubectl apply -f /root/web-svc.yaml',
    `ssh outside "curl -s -o /dev/null -w '%{http_code}\\n' http://${NODE01}:${PORT}/"`,
    'kubectl logs web',
  ],
  build(b) {
    const c = buildCluster(b.world, { metallb: true });
    const w = b.world;
    w.addHost('outside');
    w.attach('outside', 'eth0', 'k8s', { addr: `${OUTSIDE}/24` });
    for (const h of ['controlplane', 'node01', 'node02']) {
      const k = w.host(h);
      k.vfs.putFile('/etc/hosts', k.vfs.readFile('/etc/hosts') + `${OUTSIDE}\toutside\n`);
      // The LAN's default gateway, as on any real node (a connect() to a ClusterIP needs a route before kube-proxy's DNAT).
      b.route(`${h}:`, 'default', '192.168.56.1');
    }
    const o = w.host('outside');
    o.vfs.putFile('/etc/hosts', o.vfs.readFile('/etc/hosts') + c.nodes.map((n) => `${n.ip}\t${n.name}\n`).join(''));
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } }, spec: { nodeName: 'node01', containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } });
    b.file('controlplane', '/root/web-svc.yaml', SERVICE);
  },
  shortcuts: [
    {
      name: 'a guessed answer: the client address',
      commands: [`echo ${OUTSIDE} > /root/answer.txt`],
      expect: ['answer'],
    },
    {
      name: 'the Cluster policy with masquerading switched off on node01',
      commands: [
        "sed -i 's/^  selector:/  type: NodePort\\n  selector:/' /root/web-svc.yaml",
        `sed -i 's/^      targetPort: 80/      targetPort: 80\\n      nodePort: ${PORT}/' /root/web-svc.yaml`,
        'kubectl apply -f /root/web-svc.yaml',
        'ssh node01 iptables -t nat -I KUBE-POSTROUTING -j RETURN',
      ],
      expect: ['client-ip', 'local-only'],
    },
    {
      name: 'nginx on the host network of node01 behind the NodePort',
      commands: [
        "sed -i 's/^  selector:/  type: NodePort\\n  externalTrafficPolicy: Local\\n  selector:/' /root/web-svc.yaml",
        `sed -i 's/^      targetPort: 80/      targetPort: 80\\n      nodePort: ${PORT}/' /root/web-svc.yaml`,
        'kubectl delete pod web',
        "printf 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: web\\n  labels:\\n    app: web\\nspec:\\n  hostNetwork: true\\n  nodeName: node01\\n  containers:\\n    - name: nginx\\n      image: nginx:1.27\\n' > /root/hn.yaml",
        'kubectl apply -f /root/hn.yaml',
        'kubectl apply -f /root/web-svc.yaml',
      ],
      expect: ['client-ip'],
    },
    {
      name: "a hand-written DNAT to the pod on node01 in front of kube-proxy's rules",
      commands: [
        'until kubectl get pod web | grep -q Running; do sleep 1; done',
        "sed -i 's/^  selector:/  type: NodePort\\n  externalTrafficPolicy: Local\\n  selector:/' /root/web-svc.yaml",
        `sed -i 's/^      targetPort: 80/      targetPort: 80\\n      nodePort: ${PORT}/' /root/web-svc.yaml`,
        'kubectl apply -f /root/web-svc.yaml',
        `ssh node01 iptables -t nat -I PREROUTING -p tcp --dport ${PORT} -j DNAT --to-destination $(kubectl get pod web -o jsonpath='{.status.podIP}'):80`,
      ],
      expect: ['nodeport', 'client-ip'],
    },
    {
      name: 'a hand-written DROP on node02 instead of the policy',
      commands: [
        "sed -i 's/^  selector:/  type: NodePort\\n  selector:/' /root/web-svc.yaml",
        `sed -i 's/^      targetPort: 80/      targetPort: 80\\n      nodePort: ${PORT}/' /root/web-svc.yaml`,
        'kubectl apply -f /root/web-svc.yaml',
        `ssh node02 iptables -I INPUT -p tcp --dport ${PORT} -j DROP`,
        `ssh node02 iptables -t raw -I PREROUTING -p tcp --dport ${PORT} -j DROP`,
      ],
      expect: ['local-only', 'client-ip'],
    },
  ],
  checks: [
    { id: 'nodeport', title: `From outside, port ${PORT} of node01 answers through Service web's NodePort`, run: nodePortAnswers },
    { id: 'answer', title: '/root/answer.txt names the address nginx logged for the request through node02', run: answerNamesMasquerade },
    { id: 'client-ip', title: "nginx in pod web logs the outside host's own address", run: podSeesClient },
    { id: 'local-only', title: 'node02, which runs no web pod, drops the NodePort traffic', run: noEndpointNodeDrops },
  ],
};

export default lab;
