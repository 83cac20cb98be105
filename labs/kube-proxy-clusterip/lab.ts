// Lab: a Deployment behind a ClusterIP, and the iptables rules kube-proxy
// writes for it (course notes 003).
//
//   client pod ── 10.100.100.100:80 ──> KUBE-SERVICES ─> KUBE-SVC-… ─(1/3, 1/2, rest)─> KUBE-SEP-… ─> DNAT pod:80
//   controlplane .10        node01 .11 (pods)        node02 .12 (pods)

import type { LabDef } from '../../src/labs/types.ts';
import type { CheckCtx } from '../../src/labs/checks.ts';
import type { KObject } from '../../src/k8s/api.ts';
import { buildCluster, clusterOf } from '../../src/k8s/cluster.ts';
import { podReady } from '../../src/k8s/controllers.ts';
import { servicePortChainName } from '../../src/k8s/hash.ts';
import { StringIn, StringOut } from '../../src/kernel/proc.ts';
import { fmtIp4 } from '../../src/kernel/addr.ts';
import type { Tap } from '../../src/kernel/stack.ts';
import { m, type Msg } from '../../src/labs/messages.ts';

// The manifest handed out is a first draft, not ready to apply: one replica,
// and a Service without the agreed clusterIP (it would get a random one).
const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  selector:
    app: web
  ports:
    - protocol: TCP
      port: 80
      targetPort: 80
`;

/** Run a command in the `client` pod; returns stdout. */
async function inClient(ctx: CheckCtx, argv: string[]): Promise<{ code: number; out: string }> {
  const c = clusterOf(ctx.world)!;
  const pod = c.api.get('Pod', 'default', 'client');
  if (!pod || !podReady(pod)) return { code: -1, out: '' };
  const out = new StringOut();
  const done = c.kubelets.get(pod.spec.nodeName)!.exec('default', 'client', argv, { stdin: new StringIn(''), stdout: out, stderr: new StringOut() });
  const r = await ctx.world.run(done, { maxVirtualMs: 30_000 });
  return { code: r.done ? r.value : -1, out: out.text };
}

const lab: LabDef = {
  id: 'kube-proxy-clusterip',
  title: 'A ClusterIP Service and the rules kube-proxy writes',
  lesson: 'kube-proxy',
  terminalHost: 'controlplane',
  goal:
    'On the three-node cluster, run a Deployment `web` (nginx, 3 ready replicas) and a Service `web` of type ClusterIP with the address 10.100.100.100 on port 80. /root/web.yaml is a colleague\'s first draft: read it before you apply it. ' +
    'A pod `client` is already running: from it, HTTP to 10.100.100.100 must answer, and over 30 requests more than one pod must answer. ' +
    'Then read the rules kube-proxy wrote: on a node, `iptables -t nat -S | grep KUBE-SVC` shows the Service chain with two `statistic` rules.',
  hints: [
    'Compare the draft in /root/web.yaml with the goal line by line: how many replicas, which address for the Service?',
    'A Service gets a random address from the service range unless its spec asks for one. Once created, its ClusterIP cannot be changed in place.',
    'After applying, `kubectl get deploy,svc,endpoints web` shows replicas, the ClusterIP and the endpoints; `kubectl exec client -- curl -s http://10.100.100.100/` tests from a pod.',
    'Fix the draft and apply it: `sed -i \'s/replicas: 1/replicas: 3/; s/type: ClusterIP/type: ClusterIP\\n  clusterIP: 10.100.100.100/\' /root/web.yaml`, then `kubectl apply -f /root/web.yaml` (delete a Service created earlier with the wrong address first: `kubectl delete svc web`).',
  ],
  solution: [
    "sed -i 's/replicas: 1/replicas: 3/; s/type: ClusterIP/type: ClusterIP\\n  clusterIP: 10.100.100.100/' /root/web.yaml",
    'kubectl apply -f /root/web.yaml',
    'kubectl rollout status deployment/web',
    'kubectl get endpoints web',
    'kubectl exec client -- curl -s http://10.100.100.100/',
  ],
  shortcuts: [
    { name: 'the draft applied as handed out (1 replica, a random ClusterIP)', commands: ['kubectl apply -f /root/web.yaml', 'kubectl rollout status deployment/web'], expect: ['deployment', 'service', 'http', 'rules'] },
  ],
  build(b) {
    const c = buildCluster(b.world);
    const client: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'default', labels: { run: 'client' } }, spec: { containers: [{ name: 'client', image: 'curlimages/curl:8.11.1', command: ['sleep', 'infinity'] }] } };
    c.api.create(client);
    b.file('controlplane', '/root/web.yaml', MANIFEST);
  },
  checks: [
    {
      id: 'deployment',
      title: 'Deployment web has 3 ready replicas',
      run: async (ctx) => {
        const c = clusterOf(ctx.world)!;
        await c.settle();
        const d = c.api.get('Deployment', 'default', 'web');
        if (!d) return { passed: false, msg: m('k8s.noDeploymentWebDefault') };
        const ready = d.status?.readyReplicas ?? 0;
        return ready >= 3 && d.spec.replicas === 3 ? { passed: true, msg: m('k8s.webReady') } : { passed: false, msg: m('k8s.webReadyReplicasNeeds', { ready, want: d.spec.replicas }) };
      },
    },
    {
      id: 'service',
      title: 'Service web has ClusterIP 10.100.100.100 and port 80',
      run: async (ctx) => {
        const s = clusterOf(ctx.world)!.api.get('Service', 'default', 'web');
        if (!s) return { passed: false, msg: m('k8s.noServiceWeb') };
        if (s.spec.clusterIP !== '10.100.100.100') return { passed: false, msg: m('k8s.serviceWebClusteripClusterip', { ip: s.spec.clusterIP }) };
        if (!s.spec.ports?.some((p: { port: number }) => p.port === 80)) return { passed: false, msg: m('k8s.serviceWebDoesNot') };
        return { passed: true, msg: m('k8s.webTcp') };
      },
    },
    {
      id: 'http',
      title: 'From a pod, HTTP to 10.100.100.100 answers, and more than one endpoint answers over 30 requests',
      run: async (ctx) => {
        const c = clusterOf(ctx.world)!;
        await c.settle();
        const pods = new Map(c.api.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web' && p.status?.podIP).map((p) => [p.status.podIP as string, p.metadata.name]));
        const seen = new Map<string, number>();
        const taps: [import('../../src/kernel/kernel.ts').Kernel, Tap][] = [];
        for (const n of ['node01', 'node02']) {
          const k = ctx.world.host(n);
          const tap: Tap = (dev, frame, dir) => {
            if (dir !== 'in' || frame.type !== 'ipv4' || dev.kind !== 'veth') return;
            const pkt = frame.payload as import('../../src/kernel/packet.ts').Ipv4Packet;
            if (pkt.payload.proto !== 'tcp' || pkt.payload.dport !== 80 || !pkt.payload.flags.syn || pkt.payload.flags.ack) return;
            const ip = fmtIp4(pkt.dst);
            if (pods.has(ip) && dev.ns !== k.initNs) seen.set(ip, (seen.get(ip) ?? 0) + 1);
          };
          k.stack.taps.add(tap);
          taps.push([k, tap]);
        }
        let ok = 0;
        let first: Msg | undefined;
        try {
          for (let i = 0; i < 30; i++) {
            const r = await inClient(ctx, ['curl', '-s', '-m', '2', 'http://10.100.100.100/']);
            if (r.code === -1 && i === 0) return { passed: false, msg: m('k8s.clientPodNotRunning') };
            if (r.code === 0 && r.out.includes('nginx')) ok++;
            else if (!first) first = m('k8s.curlExited', { code: r.code });
          }
        } finally {
          for (const [k, t] of taps) k.stack.taps.delete(t);
        }
        if (!ok) return { passed: false, msg: m('k8s.noHttpAnswer', { first: first ?? m('k8s.nothingCameBack') }) };
        if (seen.size < 2) return { passed: false, msg: m('k8s.alwaysSamePod', { ok, pods: [...seen.keys()].map((ip) => pods.get(ip)).join(', ') || '?' }) };
        return { passed: true, msg: m('k8s.answeredByPods', { ok, n: seen.size, pods: [...seen.entries()].map(([ip, n]) => `${pods.get(ip)} ×${n}`).join(', ') }) };
      },
    },
    {
      id: 'rules',
      title: 'The nat table holds the KUBE-SVC chain of web with two statistic rules',
      run: async (ctx) => {
        const c = clusterOf(ctx.world)!;
        await c.settle();
        const chain = servicePortChainName('default/web', 'tcp');
        const k = ctx.world.host('node01');
        const out = new StringOut();
        const { spawnWith } = await import('../../src/shell/exec.ts');
        const r = spawnWith(k, 1, ['iptables'], { env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', netns: k.initNs, stdin: new StringIn(''), stdout: out, stderr: new StringOut() }, (p) => p.exec(p, ['iptables', '-t', 'nat', '-S', chain]));
        await ctx.world.run(r.done);
        const stat = out.text.split('\n').filter((l) => l.startsWith(`-A ${chain}`) && l.includes('-m statistic --mode random'));
        if (!out.text.includes(`-N ${chain}`)) return { passed: false, msg: m('k8s.nodeNatTableNo', { chain }) };
        if (stat.length !== 2) return { passed: false, msg: m('k8s.statisticRulesEndpointsKube', { chain, n: stat.length }) };
        return { passed: true, msg: m('k8s.statisticProbabilities', { chain, probs: stat.map((l) => l.match(/--probability (\S+)/)?.[1]).join(', ') }) };
      },
    },
  ],
};

export default lab;
