// NetworkPolicy lab: default-deny ingress in namespace `shop`, plus one
// allowed path: pods labelled role=frontend in shop reach the api pods on
// TCP 8080. Everything else into shop stays blocked.
//
//   shop:     api (Deployment, 2 pods, app=api: HTTP on 8080, nginx on 80)
//             frontend (role=frontend)   worker (role=worker, HTTP on 8080)
//             Service api 10.96.80.80:8080
//   staging:  frontend (role=frontend)
//
// The cluster runs flannel for pod networking and kube-router's network
// policy controller (src/k8s/netpol.ts) as a DaemonSet. Start: nothing is
// applied; /root/netpol.yaml holds two policies with four mistakes.
//
// Checks probe through the stack from the pods: real curl for the allowed
// path (every api pod and the Service), traced SYNs for what must be
// blocked, which must be refused by kube-router's pod firewall chains
// (a policy), not by a rule typed by hand or by a server that is gone.

import type { LabDef, CheckOutcome } from '../../src/labs/types.ts';
import type { KObject } from '../../src/k8s/api.ts';
import type { CheckCtx } from '../../src/labs/checks.ts';
import { nfRuleOf, tracedSyn } from '../../src/labs/checks.ts';
import { buildCluster, clusterOf } from '../../src/k8s/cluster.ts';
import { podReady } from '../../src/k8s/controllers.ts';
import { parseIp4 } from '../../src/kernel/addr.ts';
import { nfTable, nfTableNames } from '../../src/kernel/netfilter/netfilter.ts';
import { inPod } from '../k8s-checks.ts';
import { m, stepParam, type Msg } from '../../src/labs/messages.ts';

const SVC_IP = '10.96.80.80';

const START = `# Network policies for the shop namespace.
# default-deny: no pod of shop accepts connections unless a policy allows them.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: api
  policyTypes:
  - Egress
---
# api-from-frontend: the shop's frontend pods call the api on its HTTP port.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-from-frontend
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: api
  policyTypes:
  - Ingress
  ingress:
  - from:
    - namespaceSelector: {}
      podSelector:
        matchLabels:
          role: frontend
    ports:
    - protocol: TCP
      port: 80
`;

const FIXED = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes:
  - Ingress
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-from-frontend
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: api
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          role: frontend
    ports:
    - protocol: TCP
      port: 8080
`;

/** Files for the lesson's own examples (namespace blog; other names than the lab's). */
export const DEMO_FILES: Record<string, string> = {
  '/root/demo/blog.yaml': `apiVersion: v1
kind: Namespace
metadata:
  name: blog
  labels:
    team: blog
---
apiVersion: v1
kind: Namespace
metadata:
  name: tools
  labels:
    team: ops
---
apiVersion: v1
kind: Pod
metadata:
  name: db
  namespace: blog
  labels:
    app: db
spec:
  nodeName: node01
  containers:
  - name: db
    image: python:3.12-slim
    command: ["python3", "-m", "http.server", "5432"]
    ports:
    - name: pg
      containerPort: 5432
---
apiVersion: v1
kind: Service
metadata:
  name: db
  namespace: blog
spec:
  selector:
    app: db
  ports:
  - port: 5432
    targetPort: 5432
---
apiVersion: v1
kind: Pod
metadata:
  name: app
  namespace: blog
  labels:
    role: app
spec:
  containers:
  - name: app
    image: curlimages/curl:8.11.1
    command: ["sleep", "infinity"]
---
apiVersion: v1
kind: Pod
metadata:
  name: cron
  namespace: blog
  labels:
    role: cron
spec:
  containers:
  - name: cron
    image: curlimages/curl:8.11.1
    command: ["sleep", "infinity"]
---
apiVersion: v1
kind: Pod
metadata:
  name: probe
  namespace: tools
  labels:
    role: probe
spec:
  containers:
  - name: probe
    image: curlimages/curl:8.11.1
    command: ["sleep", "infinity"]
`,
  '/root/demo/deny.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all
  namespace: blog
spec:
  podSelector: {}
  policyTypes:
  - Ingress
`,
  '/root/demo/allow-app.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-from-app
  namespace: blog
spec:
  podSelector:
    matchLabels:
      app: db
  ingress:
  - from:
    - podSelector:
        matchLabels:
          role: app
    ports:
    - port: pg
`,
  '/root/demo/allow-ops.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-from-ops
  namespace: blog
spec:
  podSelector:
    matchLabels:
      app: db
  ingress:
  - from:
    - namespaceSelector:
        matchLabels:
          team: ops
`,
};

function client(ns: string, name: string, labels: Record<string, string>, node: string, serve: boolean): KObject {
  const containers = serve
    ? [{ name: name, image: 'python:3.12-slim', command: ['python3', '-m', 'http.server', '8080'], ports: [{ name: 'http', containerPort: 8080 }] }]
    : [{ name: name, image: 'curlimages/curl:8.11.1', command: ['sleep', 'infinity'] }];
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels }, spec: { nodeName: node, containers } };
}

/** The pods the checks probe from and to; a message when one is missing. */
function need(ctx: CheckCtx): { api: KObject[]; miss?: Msg } {
  const c = clusterOf(ctx.world)!;
  for (const [ns, name] of [
    ['shop', 'frontend'],
    ['shop', 'worker'],
    ['staging', 'frontend'],
  ]) {
    const p = c.api.get('Pod', ns, name);
    if (!p || !podReady(p)) return { api: [], miss: m('netpol.podNotRunning', { pod: `${ns}/${name}` }) };
  }
  const api = c.api.list('Pod', 'shop').filter((p) => p.metadata.labels?.app === 'api' && podReady(p) && p.status?.podIP && !p.metadata.deletionTimestamp);
  if (api.length < 2) return { api, miss: m('netpol.apiReadyPods', { n: api.length }) };
  return { api };
}

/** A SYN from pod ns/name to ip:port must be refused by kube-router's pod firewall (a NetworkPolicy). */
async function refused(ctx: CheckCtx, from: [string, string], ip: string, port: number, what: Msg): Promise<Msg | undefined> {
  const c = clusterOf(ctx.world)!;
  const pod = c.api.get('Pod', from[0], from[1])!;
  const ns = c.kubelets.get(pod.spec.nodeName)!.podNetns(from[0], from[1]);
  if (!ns) return m('netpol.podNoNetwork', { pod: from.join('/') });
  const t = await tracedSyn(ctx.world, ns, parseIp4(ip)!, port);
  const drop = t.steps.find((s) => s.stage === 'drop');
  if (!drop) return m('netpol.notBlocked', { from: from.join('/'), what, addr: `${ip}:${port}` });
  if (!nfRuleOf(drop)?.chain.startsWith('KUBE-POD-FW-')) return m('netpol.blockedNotByPolicy', { from: from.join('/'), what, how: stepParam(drop), where: drop.where });
  return undefined;
}

/** Settle the cluster, then find the pods the checks probe (with a message when one is missing). */
async function settled(ctx: CheckCtx): Promise<{ api: KObject[]; miss?: Msg }> {
  await clusterOf(ctx.world)!.settle();
  return need(ctx);
}

/** Probe each target [ip, port, what] from pod ns/name in order: the first that is not refused by a NetworkPolicy, as a message. */
async function firstNotRefused(ctx: CheckCtx, from: [string, string], targets: [string, number, Msg][]): Promise<Msg | undefined> {
  for (const [ip, port, what] of targets) {
    const m = await refused(ctx, from, ip, port, what);
    if (m) return m;
  }
  return undefined;
}

/** Every api pod on one port, described for the messages. */
const apiPods = (api: KObject[], port: number, what: (name: string) => Msg): [string, number, Msg][] => api.map((p) => [p.status.podIP, port, what(p.metadata.name)]);

/** Drop or reject rules that are not part of kube-proxy's, flannel's or kube-router's layout, on every host and namespace. */
function handMade(ctx: CheckCtx): Msg | undefined {
  const ours = /^(KUBE-FIREWALL|KUBE-FORWARD|KUBE-SERVICES|KUBE-EXTERNAL-SERVICES|KUBE-PROXY-FIREWALL|KUBE-NODEPORTS|KUBE-NWPLCY-COMMON|KUBE-POD-FW-[A-Z2-7]{16})$/;
  for (const [host, k] of ctx.world.hosts) {
    for (const ns of k.namespaces) {
      for (const tn of nfTableNames(ns)) {
        const t = nfTable(ns, tn)!;
        for (const ch of t.chains.values()) {
          if (ch.builtin && ch.policy === 'DROP') return m('netpol.policyTableDropGoal', { chain: ch.name, table: tn, host });
          for (const r of ch.rules) {
            const kind = r.target.kind === 'verdict' ? r.target.verdict : r.target.kind;
            if (kind !== 'DROP' && kind !== 'REJECT') continue;
            if (tn === 'filter' && ours.test(ch.name)) continue;
            return m('netpol.handWrittenRuleTable', { kind, table: tn, chain: ch.name, host });
          }
        }
      }
    }
  }
  return undefined;
}

const ok = (msg: Msg): CheckOutcome => ({ passed: true, msg });
const no = (msg: Msg): CheckOutcome => ({ passed: false, msg });

const lab: LabDef = {
  id: 'networkpolicy-deny',
  title: 'NetworkPolicy: deny by default, allow one path',
  lesson: 'networkpolicy',
  terminalHost: 'controlplane',
  goal:
    'The namespace `shop` runs an `api` Deployment (HTTP on TCP 8080, and an admin page on port 80), a `frontend` pod and a `worker` pod; the namespace `staging` has its own `frontend`. ' +
    'The cluster enforces NetworkPolicy with kube-router. Make `shop` deny all incoming traffic by default, then allow exactly one path: pods labelled `role=frontend` in `shop` may reach the `api` pods on TCP 8080 (directly and through the Service `api`, 10.96.80.80:8080). ' +
    'Everything else into `shop` stays blocked: other pods of `shop`, pods of other namespaces (even with the same label), and other ports. /root/netpol.yaml is a first attempt by a colleague; it is not right yet.',
  hints: [
    'Probe before you change anything: `kubectl exec -n shop frontend -- curl -s -m 2 http://10.96.80.80:8080/` and the same from `worker`, and from `staging`\'s frontend. What is allowed with no policy at all?',
    'Read /root/netpol.yaml next to `kubectl explain`-style questions: which pods does each policy select (spec.podSelector), and which direction does it restrict (policyTypes)? A default deny has to select every pod of the namespace.',
    'In a `from` entry, a namespaceSelector and a podSelector in the same item must both match, and an empty namespaceSelector matches every namespace. Without a namespaceSelector, a podSelector means "in this policy\'s namespace".',
    'Check the port too: the api serves on 8080. After `kubectl apply -f /root/netpol.yaml`, `kubectl describe networkpolicy -n shop` shows what each policy now allows; probe again from all three clients.',
  ],
  solution: [
    'kubectl get pods -n shop --show-labels',
    'kubectl exec -n staging frontend -- curl -s -m 2 http://10.96.80.80:8080/',
    "sed -i -e '/^  name: default-deny$/,/^---$/{/^    matchLabels:$/d;/^      app: api$/d;s/^  podSelector:$/  podSelector: {}/;s/^  - Egress$/  - Ingress/}' /root/netpol.yaml",
    "sed -i -e '/^    - namespaceSelector: {}$/d' -e 's/^      podSelector:$/    - podSelector:/' -e 's/^      port: 80$/      port: 8080/' /root/netpol.yaml",
    'kubectl apply -f /root/netpol.yaml',
    'kubectl describe networkpolicy -n shop',
    'kubectl exec -n shop frontend -- curl -sS -m 2 -o /dev/null http://10.96.80.80:8080/ && echo open',
    'kubectl exec -n shop worker -- curl -sS -m 2 -o /dev/null http://10.96.80.80:8080/ && echo open',
  ],
  build(b) {
    const c = buildCluster(b.world, { networkPolicy: 'kube-router' });
    for (const [ns, labels] of [
      ['shop', { tier: 'prod' }],
      ['staging', { tier: 'test' }],
    ] as const) {
      c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns, ...labels } }, spec: {}, status: { phase: 'Active' } });
    }
    c.api.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', namespace: 'shop', labels: { app: 'api' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'api' } },
        template: {
          metadata: { labels: { app: 'api' } },
          spec: {
            containers: [
              { name: 'api', image: 'python:3.12-slim', command: ['python3', '-m', 'http.server', '8080'], ports: [{ name: 'http', containerPort: 8080 }] },
              { name: 'admin', image: 'nginx:1.27', ports: [{ name: 'admin', containerPort: 80 }] },
            ],
          },
        },
      },
    });
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'shop' }, spec: { type: 'ClusterIP', clusterIP: SVC_IP, selector: { app: 'api' }, ports: [{ name: 'http', protocol: 'TCP', port: 8080, targetPort: 8080 }] } });
    c.api.create(client('shop', 'frontend', { role: 'frontend' }, 'node02', false));
    c.api.create(client('shop', 'worker', { role: 'worker' }, 'node01', true));
    c.api.create(client('staging', 'frontend', { role: 'frontend' }, 'node02', false));
    b.file('controlplane', '/root/netpol.yaml', START);
    for (const [path, text] of Object.entries(DEMO_FILES)) b.file('controlplane', path, text);
  },
  checks: [
    {
      id: 'frontend-allowed',
      title: 'From shop/frontend, every api pod and the Service api answer on TCP 8080',
      run: async (ctx) => {
        const c = clusterOf(ctx.world)!;
        await c.settle();
        const { api, miss } = need(ctx);
        if (miss) return no(miss);
        const svc = c.api.get('Service', 'shop', 'api');
        if (!svc || svc.spec.clusterIP !== SVC_IP || !(svc.spec.ports ?? []).some((p: { port: number }) => p.port === 8080)) return no(m('netpol.serviceApiMustKeep'));
        for (const p of api) {
          const r = await inPod(ctx, 'shop', 'frontend', ['curl', '-s', '-o', '/dev/null', '-m', '2', `http://${p.status.podIP}:8080/`]);
          if (r.code !== 0) return no(m('netpol.noAnswerFromApiPod', { pod: p.metadata.name, addr: `${p.status.podIP}:8080` }));
        }
        for (let i = 0; i < 4; i++) {
          const r = await inPod(ctx, 'shop', 'frontend', ['curl', '-s', '-o', '/dev/null', '-m', '2', `http://${SVC_IP}:8080/`]);
          if (r.code !== 0) return no(m('netpol.noAnswerFromService'));
        }
        return ok(m('netpol.frontendReachesApi'));
      },
    },
    {
      id: 'same-namespace-blocked',
      title: 'Other pods of shop are blocked: worker → api:8080, and frontend → worker:8080 (default deny covers every pod)',
      run: async (ctx) => {
        const { api, miss } = await settled(ctx);
        if (miss) return no(miss);
        const worker = clusterOf(ctx.world)!.api.get('Pod', 'shop', 'worker')!.status.podIP as string;
        const why =
          (await firstNotRefused(ctx, ['shop', 'worker'], [...apiPods(api, 8080, (pod) => m('netpol.apiPod', { pod })), [SVC_IP, 8080, m('netpol.serviceApi')]])) ??
          (await firstNotRefused(ctx, ['shop', 'frontend'], [[worker, 8080, m('netpol.workerPod')]]));
        return why ? no(why) : ok(m('netpol.workerIsolated'));
      },
    },
    {
      id: 'other-port-blocked',
      title: 'shop/frontend cannot reach the api pods on any other port (the admin page on 80)',
      run: async (ctx) => {
        const { api, miss } = await settled(ctx);
        if (miss) return no(miss);
        const why = await firstNotRefused(ctx, ['shop', 'frontend'], apiPods(api, 80, (pod) => m('netpol.adminPage', { pod })));
        return why ? no(why) : ok(m('netpol.port80Closed'));
      },
    },
    {
      id: 'other-namespace-blocked',
      title: 'staging/frontend (also role=frontend) cannot reach the api',
      run: async (ctx) => {
        const { api, miss } = await settled(ctx);
        if (miss) return no(miss);
        const why = await firstNotRefused(ctx, ['staging', 'frontend'], [...apiPods(api, 8080, (pod) => m('netpol.apiPod', { pod })), [SVC_IP, 8080, m('netpol.serviceApi')]]);
        return why ? no(why) : ok(m('netpol.stagingKeptOut'));
      },
    },
    {
      id: 'by-networkpolicy',
      title: 'NetworkPolicy does the blocking: a default deny for ingress selects every pod of shop, and no firewall rule was written by hand',
      run: async (ctx) => {
        const c = clusterOf(ctx.world)!;
        await c.settle();
        const pols = c.api.list('NetworkPolicy', 'shop');
        const deny = pols.find((p) => {
          const s = p.spec?.podSelector ?? {};
          return !Object.keys(s.matchLabels ?? {}).length && !(s.matchExpressions ?? []).length && (p.spec?.policyTypes ?? []).includes('Ingress');
        });
        if (!deny) return no(m('netpol.noDefaultDeny'));
        const why = handMade(ctx);
        if (why) return no(why);
        return ok(m('netpol.defaultDenyOk', { name: deny.metadata.name }));
      },
    },
  ],
  shortcuts: [
    { name: 'the unwanted clients deleted', commands: ['kubectl delete pod worker -n shop', 'kubectl delete pod frontend -n staging', 'kubectl apply -f /root/netpol.yaml'], expect: ['same-namespace-blocked', 'other-namespace-blocked'] },
    { name: 'the api scaled to zero', commands: ['kubectl scale deployment api -n shop --replicas=0'], expect: ['frontend-allowed', 'other-port-blocked'] },
    { name: 'a hand-written DROP in FORWARD on every node', commands: ['ssh node01 iptables -I FORWARD -p tcp -j DROP', 'ssh node02 iptables -I FORWARD -p tcp -j DROP'], expect: ['by-networkpolicy'] },
    { name: "the colleague's file applied as it is", commands: ['kubectl apply -f /root/netpol.yaml'], expect: ['frontend-allowed', 'same-namespace-blocked', 'other-port-blocked'] },
    {
      name: 'hand-written REJECTs for the unwanted flows, no policy',
      commands: ['ssh node01 iptables -I FORWARD -p tcp ! --dport 8080 -j REJECT', 'ssh node02 iptables -I FORWARD -p tcp ! --dport 8080 -j REJECT', 'ssh node01 iptables -I FORWARD -p tcp -d 10.244.0.0/16 -m addrtype ! --src-type LOCAL -j REJECT'],
      expect: ['by-networkpolicy', 'other-namespace-blocked'],
    },
    { name: 'the Service broken', commands: ['kubectl delete svc api -n shop'], expect: ['frontend-allowed'] },
  ],
};

export default lab;
export { START as NETPOL_START, FIXED as NETPOL_FIXED };
