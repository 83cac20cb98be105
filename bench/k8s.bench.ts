// Kubernetes benches: 1,000 Services × 3 endpoints on the three-node
// cluster, in kube-proxy's iptables and IPVS modes — wall time for every
// node's kube-proxy to program them, wall time per HTTP request from a pod to
// a ClusterIP (through the rules), and the heap the cluster holds. Figures
// only; tests never assert time.

import '../src/userland/index.ts';
import { World } from '../src/world/world.ts';
import { buildCluster, type Cluster } from '../src/k8s/cluster.ts';
import type { KObject } from '../src/k8s/api.ts';
import { StringIn, StringOut } from '../src/kernel/proc.ts';

const SERVICES = 1000;
const mb = (n: number): number => Math.round((n / 1048576) * 10) / 10;
const heap = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return (globalThis as unknown as { process: { memoryUsage(): { heapUsed: number } } }).process.memoryUsage().heapUsed;
};

async function scenario(mode: 'iptables' | 'ipvs'): Promise<{ metric: string; value: number | string }[]> {
  const h0 = heap();
  const w = new World({ seed: 42 });
  const c: Cluster = buildCluster(w, { proxyMode: mode });
  c.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } });
  c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'curl', command: ['sleep', 'infinity'] }] } });
  await c.settle();
  const ips = c.api.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web').map((p) => p.status.podIP as string);
  const t0 = performance.now();
  // Selector-less Services with hand-written EndpointSlices: 3 endpoints each, no extra pods.
  for (let i = 0; i < SERVICES; i++) {
    const name = `svc-${i}`;
    const ip = `10.${100 + Math.floor(i / 250)}.${i % 250}.10`;
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { clusterIP: ip, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] } } as KObject);
    c.api.create({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: `${name}-x`, namespace: 'default', labels: { 'kubernetes.io/service-name': name } }, addressType: 'IPv4', endpoints: ips.map((a) => ({ addresses: [a], conditions: { ready: true, serving: true, terminating: false } })), ports: [{ port: 80, protocol: 'TCP' }] });
  }
  await c.settle(600_000);
  const programMs = performance.now() - t0;
  const last = `10.${100 + Math.floor((SERVICES - 1) / 250)}.${(SERVICES - 1) % 250}.10`;
  const client = c.api.get('Pod', 'default', 'client')!;
  const kl = c.kubelets.get(client.spec.nodeName)!;
  const N = 20;
  let ok = 0;
  const t1 = performance.now();
  for (let i = 0; i < N; i++) {
    const out = new StringOut();
    await w.run(kl.exec('default', 'client', ['curl', '-s', '-m', '2', '-o', '/dev/null', '-w', '%{http_code}', `http://${last}/`], { stdin: new StringIn(''), stdout: out, stderr: new StringOut() }), { maxVirtualMs: 10_000 });
    if (out.text === '200') ok++;
  }
  const perReq = (performance.now() - t1) / N;
  const h1 = heap();
  return [
    { metric: `${mode}: program ${SERVICES} services x 3 endpoints on 3 nodes (wall ms)`, value: Math.round(programMs) },
    { metric: `${mode}: HTTP request pod -> ClusterIP of the last service (wall ms/request)`, value: Math.round(perReq * 100) / 100 },
    { metric: `${mode}: requests answered`, value: `${ok}/${N}` },
    { metric: `${mode}: cluster heap (MB)`, value: mb(h1 - h0) },
  ];
}

/** Benches in the shape bench/run.ts lists: name, about, run → rows of {metric, value}. */
export const benches = [
  { name: 'k8s:services-iptables', about: `${SERVICES} Services x 3 endpoints, kube-proxy iptables mode (iptables-restore on 3 nodes), HTTP to a ClusterIP`, run: () => scenario('iptables') },
  { name: 'k8s:services-ipvs', about: `${SERVICES} Services x 3 endpoints, kube-proxy IPVS mode, HTTP to a ClusterIP`, run: () => scenario('ipvs') },
];

// `node bench/k8s.bench.ts` prints the figures.
const argv1 = (globalThis as unknown as { process: { argv: string[] } }).process.argv[1] ?? '';
if (argv1.endsWith('k8s.bench.ts')) {
  const only = (globalThis as unknown as { process: { argv: string[] } }).process.argv[2];
  for (const b of benches.filter((x) => !only || x.name === only)) {
    for (const r of await b.run()) console.log(`${b.name}\t${r.metric}\t${r.value}`);
  }
}
