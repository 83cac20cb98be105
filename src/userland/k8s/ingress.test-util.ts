// A cluster with ingress-nginx installed, two web apps (shop, blog) behind
// ClusterIP Services and a host `outside` on the node network; and a way to
// run a command line on any of its hosts.

import { buildCluster, clusterOf, type Cluster } from '../../k8s/cluster.ts';
import { spawnWith } from '../../shell/exec.ts';
import { StringIn, StringOut } from '../../kernel/proc.ts';
import type { KObject } from '../../k8s/api.ts';
import { buildWorld } from '../../labs/build.ts';
import '../index.ts';

export async function run(c: Cluster, host: string, line: string): Promise<{ out: string; err: string; code: number }> {
  const k = c.world.host(host);
  const out = new StringOut();
  const err = new StringOut();
  const argv = line.match(/'[^']*'|\S+/g)!.map((x) => x.replace(/^'|'$/g, ''));
  const r = spawnWith(k, 1, argv, { env: { PATH: '/usr/bin:/bin' }, cwd: '/', netns: k.initNs, stdin: new StringIn(''), stdout: out, stderr: err }, (p) => p.exec(p, argv));
  const d = await c.world.run(r.done, { maxVirtualMs: 120_000 });
  await c.settle();
  return { out: out.text, err: err.text, code: d.done ? d.value : -1 };
}

function app(name: string, replicas: number): KObject[] {
  return [
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default', labels: { app: name } }, spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } } } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] } },
  ];
}

export async function ingressWorld(seed = 5): Promise<Cluster> {
  const w = buildWorld(seed, (b) => {
    buildCluster(b.world, { ingressNginx: true });
    b.nic('outside', 'eth0', 'k8s', '192.168.56.200/24');
  });
  const c = clusterOf(w)!;
  for (const o of [...app('shop', 2), ...app('blog', 2)]) c.api.create(o);
  await c.settle();
  return c;
}

