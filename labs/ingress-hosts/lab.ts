// Lab: one Ingress, two host names, reached from outside the cluster.
//
//   outside 192.168.56.200 ──> node01 192.168.56.11:30080 (NodePort of ingress-nginx-controller)
//        └─ kube-proxy DNAT ─> controller pod :80 ── Host: shop.example.com ──> a shop pod :80
//                                                 ── Host: blog.example.com ──> a blog pod :80 (Service blog port 8080)
//                                                 ── any other Host ──────────> its default backend (404)
//
// Start: ingress-nginx is installed (bare-metal manifest, NodePort 30080);
// the Ingress `sites` was applied from /root/sites-ingress.yaml, which has
// no IngressClass, an Exact path for the shop and the wrong Service port for
// the blog. The checks curl from the host `outside` through node01's
// NodePort and follow each request: into the controller pod, then from it
// to a pod of the right app.

import type { LabDef } from '../../src/labs/types.ts';
import type { CheckCtx } from '../../src/labs/checks.ts';
import type { CheckOutcome } from '../../src/labs/types.ts';
import type { KObject } from '../../src/k8s/api.ts';
import type { Kernel } from '../../src/kernel/kernel.ts';
import type { Ipv4Packet } from '../../src/kernel/packet.ts';
import type { Tap } from '../../src/kernel/stack.ts';
import { fmtIp4 } from '../../src/kernel/addr.ts';
import { StringIn, StringOut } from '../../src/kernel/proc.ts';
import { buildCluster, clusterOf } from '../../src/k8s/cluster.ts';
import { podReady } from '../../src/k8s/controllers.ts';
import { buildServers, ingressesForController, pickServer } from '../../src/k8s/ingress.ts';
import { ingressNginxObjects } from '../../src/k8s/ingress-install.ts';
import { spawnWith } from '../../src/userland/runner.ts';
import { m } from '../../src/labs/messages.ts';

const NODE = '192.168.56.11';
const NODE_PORT = 30080;

const MANIFEST = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: sites
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Exact
            backend:
              service:
                name: shop
                port:
                  number: 80
    - host: blog.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: blog
                port:
                  number: 80
`;

function app(name: string, port: number): KObject[] {
  return [
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default', labels: { app: name } }, spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } } } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', labels: { app: name } }, spec: { type: 'ClusterIP', selector: { app: name }, ports: [{ name: 'http', port, targetPort: 80, protocol: 'TCP' }] } },
  ];
}

/** Run a command line on a host of the world; status and output. */
async function onHost(ctx: CheckCtx, host: string, argv: string[]): Promise<{ code: number; out: string }> {
  const k = ctx.world.host(host);
  const out = new StringOut();
  const r = spawnWith(k, 1, argv, { env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', netns: k.initNs, stdin: new StringIn(''), stdout: out, stderr: new StringOut() }, (p) => p.exec(p, argv));
  const d = await ctx.world.run(r.done, { maxVirtualMs: 30_000 });
  return { code: d.done ? d.value : -1, out: out.text };
}

interface Syn {
  src: string;
  dst: string;
}

/** curl from `outside` with a Host header through node01's NodePort, noting every SYN that enters a pod. */
async function request(ctx: CheckCtx, host: string, path: string): Promise<{ code: string; syns: Syn[] }> {
  const syns: Syn[] = [];
  const taps: [Kernel, Tap][] = [];
  for (const k of ctx.world.hosts.values()) {
    const tap: Tap = (dev, frame, dir) => {
      if (dir !== 'in' || frame.type !== 'ipv4' || dev.kind !== 'veth' || dev.ns === k.initNs) return;
      const pkt = frame.payload as Ipv4Packet;
      if (pkt.payload.proto !== 'tcp' || !pkt.payload.flags.syn || pkt.payload.flags.ack || !dev.ns.isLocalAddr(pkt.dst)) return;
      syns.push({ src: fmtIp4(pkt.src), dst: fmtIp4(pkt.dst) });
    };
    k.stack.taps.add(tap);
    taps.push([k, tap]);
  }
  try {
    const r = await onHost(ctx, 'outside', ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', '-m', '5', '-H', `Host: ${host}`, `http://${NODE}:${NODE_PORT}${path}`]);
    return { code: r.out || '000', syns };
  } finally {
    for (const [k, t] of taps) k.stack.taps.delete(t);
  }
}

function podNames(ctx: CheckCtx): Map<string, { name: string; ns: string; app?: string }> {
  const c = clusterOf(ctx.world)!;
  return new Map(c.api.list('Pod').filter((p) => p.status?.podIP).map((p) => [p.status.podIP as string, { name: p.metadata.name, ns: p.metadata.namespace ?? '', app: p.metadata.labels?.app }]));
}

/** Check: each path of `host`, requested from outside through the NodePort, goes through the controller pod to a pod of `app`. */
async function hostReaches(ctx: CheckCtx, host: string, paths: string[], app: string, svc: string): Promise<CheckOutcome> {
  const c = clusterOf(ctx.world)!;
  await c.settle();
  const ctl = new Set(c.api.list('Pod', 'ingress-nginx').filter((p) => podReady(p)).map((p) => p.status.podIP as string));
  if (!ctl.size) return { passed: false, msg: m('ingress.ingressNginxControllerPod') };
  const reached: string[] = [];
  for (const path of paths) {
    const r = await request(ctx, host, path);
    const pods = podNames(ctx);
    const what = `http://${host}${path}`;
    const where = `${host}${path}`;
    const direct = r.syns.find((s) => !ctl.has(s.src) && !ctl.has(s.dst));
    if (direct) return { passed: false, msg: m('ingress.reachedWithoutPassingThrough', { what, pod: pods.get(direct.dst)?.name ?? direct.dst, port: NODE_PORT }) };
    if (!r.syns.some((s) => ctl.has(s.dst))) return { passed: false, msg: m('ingress.neverReachedController', { what, addr: `${NODE}:${NODE_PORT}`, code: r.code }) };
    const up = r.syns.filter((s) => ctl.has(s.src));
    if (!up.length) return { passed: false, msg: m('ingress.gotHttpIngressController', { what, code: r.code, where }) };
    const wrong = up.find((s) => pods.get(s.dst)?.app !== app);
    if (wrong) return { passed: false, msg: m('ingress.wentNotPod', { what, pod: pods.get(wrong.dst)?.name ?? wrong.dst, app }) };
    if (r.code === '502' || r.code === '503' || r.code === '504' || r.code === '000') return { passed: false, msg: m('ingress.gotHttpControllerCould', { what, code: r.code, svc }) };
    reached.push(`${path} → ${pods.get(up[up.length - 1].dst)?.name}`);
  }
  return { passed: true, msg: m('ingress.throughController', { host, list: reached.join(', ') }) };
}

const lab: LabDef = {
  id: 'ingress-hosts',
  title: 'One Ingress, two sites',
  lesson: 'ingress',
  terminalHost: 'controlplane',
  goal:
    'Two web sites run in this cluster: the Deployment `shop` behind the Service `shop`, and `blog` behind the Service `blog`. ' +
    'The ingress-nginx controller is installed (namespace `ingress-nginx`); its Service `ingress-nginx-controller` is a NodePort Service on port 30080 of every node. ' +
    'Customers come from outside the cluster, like the host `outside` (192.168.56.200): `curl -H "Host: shop.example.com" http://192.168.56.11:30080/` must reach the shop pods and `blog.example.com` the blog pods, for every path under each name; any other host name must get the controller\'s default 404 page. ' +
    'The Ingress `sites` was applied from /root/sites-ingress.yaml, but it does not work yet. Make the one Ingress `sites` route both names. Leave the Services, the controller and the host `outside` as they are.',
  hints: [
    'Try it the way a customer would: `ssh outside` and run the curl from the goal with each Host header. Who answers: one of the sites, or the controller with a 404?',
    'An Ingress does nothing by itself: a controller has to pick it up. Compare `kubectl get ingress sites` with `kubectl get ingressclass`. Which class does `sites` ask for?',
    'Once the controller serves the Ingress, ask it for the paths: `kubectl describe ingress sites` shows each rule and the endpoints behind it. Which path types do the two rules use, and what does `Exact` allow?',
    'If one site answers 503 or 502, compare the port the rule names with the ports of its Service (`kubectl get svc`).',
    'Edit /root/sites-ingress.yaml: add `ingressClassName: nginx` under `spec:`, make the shop path `pathType: Prefix`, give the blog backend `number: 8080`; then `kubectl apply -f /root/sites-ingress.yaml`.',
  ],
  solution: [
    'kubectl rollout status deployment/ingress-nginx-controller -n ingress-nginx',
    'kubectl rollout status deployment/shop',
    'kubectl rollout status deployment/blog',
    'kubectl get ingress sites',
    'kubectl get ingressclass',
    'kubectl -n ingress-nginx get svc ingress-nginx-controller',
    'kubectl get svc shop blog',
    "sed -i -e 's/^spec:$/spec:\\n  ingressClassName: nginx/' -e 's/pathType: Exact/pathType: Prefix/' /root/sites-ingress.yaml",
    "sed -i '/name: blog/,/number:/s/number: 80$/number: 8080/' /root/sites-ingress.yaml",
    'kubectl apply -f /root/sites-ingress.yaml',
    'kubectl describe ingress sites',
    'ssh outside "curl -s -H \'Host: blog.example.com\' http://192.168.56.11:30080/"',
  ],
  build(b) {
    const c = buildCluster(b.world);
    for (const o of ingressNginxObjects()) {
      if (o.kind === 'Service') o.spec.ports.forEach((p: { name: string; nodePort?: number }) => (p.nodePort = p.name === 'http' ? NODE_PORT : 30443));
      c.api.create(o);
    }
    for (const o of [...app('shop', 80), ...app('blog', 8080)]) c.api.create(o);
    c.api.create({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'sites', namespace: 'default', annotations: {} },
      spec: {
        rules: [
          { host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Exact', backend: { service: { name: 'shop', port: { number: 80 } } } }] } },
          { host: 'blog.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'blog', port: { number: 80 } } } }] } },
        ],
      },
    });
    b.file('controlplane', '/root/sites-ingress.yaml', MANIFEST);
    b.nic('outside', 'eth0', 'k8s', '192.168.56.200/24');
    // The lab machine knows the outside host by name (`ssh outside`).
    for (const h of ['controlplane', 'node01', 'node02']) {
      const k = b.world.host(h);
      k.vfs.putFile('/etc/hosts', k.vfs.readFile('/etc/hosts') + '192.168.56.200\toutside\n');
    }
  },
  shortcuts: [
    {
      name: 'two NodePort Services instead of an Ingress',
      commands: ['kubectl expose deployment shop --type=NodePort --port 80 --name shop-np', 'kubectl expose deployment blog --type=NodePort --port 80 --name blog-np'],
      expect: ['one-ingress', 'shop', 'blog'],
    },
    {
      name: "a hand-written DNAT on node01 from the controller's NodePort to a shop pod",
      commands: ['kubectl rollout status deployment/shop', "ssh node01 iptables -t nat -I PREROUTING -p tcp -d 192.168.56.11 --dport 30080 -j DNAT --to-destination $(kubectl get pods -l app=shop -o wide | awk 'NR==2{print $6}'):80"],
      expect: ['shop', 'blog'],
    },
    {
      name: 'the outside host sent straight to a pod',
      commands: ['kubectl rollout status deployment/blog', 'ssh outside ip route add 10.244.0.0/16 via 192.168.56.11', "ssh outside iptables -t nat -A OUTPUT -p tcp -d 192.168.56.11 --dport 30080 -j DNAT --to-destination $(kubectl get pods -l app=blog -o wide | awk 'NR==2{print $6}'):80"],
      expect: ['shop', 'blog'],
    },
    {
      name: 'only the IngressClass added',
      commands: ["sed -i -e 's/^spec:$/spec:\\n  ingressClassName: nginx/' /root/sites-ingress.yaml", 'kubectl apply -f /root/sites-ingress.yaml'],
      expect: ['shop', 'blog'],
    },
  ],
  checks: [
    {
      id: 'one-ingress',
      title: 'The Ingress sites, served by the nginx controller, names both hosts',
      run: async (ctx) => {
        const c = clusterOf(ctx.world)!;
        await c.settle();
        const ing = c.api.get('Ingress', 'default', 'sites');
        if (!ing) return { passed: false, msg: m('ingress.noIngressSitesNamespace') };
        const mine = ingressesForController(c.api);
        if (!mine.some((i) => i.metadata.uid === ing.metadata.uid)) return { passed: false, msg: m('ingress.controllerIgnoresIngress', { cls: ing.spec?.ingressClassName ?? '<none>' }) };
        const servers = buildServers(mine);
        const missing = ['shop.example.com', 'blog.example.com'].filter((h) => pickServer(servers, h).locations.every((l) => l.ingress?.metadata.uid !== ing.metadata.uid));
        if (missing.length) return { passed: false, msg: m('ingress.noRuleFor', { hosts: missing.join(' and ') }) };
        return { passed: true, msg: m('ingress.nginxControllerServesIngress') };
      },
    },
    { id: 'shop', title: 'From outside, shop.example.com (any path) reaches the shop pods through the controller', run: (ctx) => hostReaches(ctx, 'shop.example.com', ['/', '/cart/42'], 'shop', 'shop') },
    { id: 'blog', title: 'From outside, blog.example.com (any path) reaches the blog pods through the controller', run: (ctx) => hostReaches(ctx, 'blog.example.com', ['/', '/posts/1'], 'blog', 'blog') },
    {
      id: 'other-host',
      title: "Another host name gets the controller's default 404",
      run: async (ctx) => {
        const c = clusterOf(ctx.world)!;
        await c.settle();
        const ctl = new Set(c.api.list('Pod', 'ingress-nginx').map((p) => p.status?.podIP as string));
        const r = await request(ctx, 'www.example.org', '/');
        const up = r.syns.filter((s) => !ctl.has(s.dst));
        if (up.length) return { passed: false, msg: m('ingress.httpWwwExampleOrg', { pod: podNames(ctx).get(up[0].dst)?.name ?? up[0].dst }) };
        if (!r.syns.some((s) => ctl.has(s.dst))) return { passed: false, msg: m('ingress.httpWwwExampleOrg2', { code: r.code }) };
        if (r.code !== '404') return { passed: false, msg: m('ingress.httpWwwExampleOrg3', { code: r.code }) };
        return { passed: true, msg: m('ingress.wwwExampleOrgGets') };
      },
    },
  ],
};

export default lab;
