// A cluster with kube-router's policy controller and a few pods in two
// namespaces, and a TCP probe that runs curl inside a pod (through the
// pod's network namespace, the node's netfilter and the overlay).

import '../userland/index.ts';
import { World } from '../world/world.ts';
import { buildCluster, type Cluster } from './cluster.ts';
import type { KObject } from './api.ts';
import { StringIn, StringOut } from '../kernel/proc.ts';
import { podReady } from './controllers.ts';
import { spawnWith } from '../shell/exec.ts';

export function pod(ns: string, name: string, labels: Record<string, string>, node: string, kind: 'client' | 'api'): KObject {
  const containers =
    kind === 'api'
      ? [
          { name: 'api', image: 'python:3.11', command: ['python3', '-m', 'http.server', '8080'], ports: [{ name: 'http-api', containerPort: 8080, protocol: 'TCP' }] },
          { name: 'metrics', image: 'nginx:1.27', ports: [{ name: 'metrics', containerPort: 80, protocol: 'TCP' }] },
        ]
      : [{ name: 'c', image: 'curlimages/curl:8.11.1', command: ['sleep', 'infinity'] }];
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels }, spec: { nodeName: node, containers } };
}

export function ns(name: string, labels: Record<string, string> = {}): KObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } }, spec: {}, status: { phase: 'Active' } };
}

/** prod: api (node01), web role=frontend (node02), batch role=batch (node01); dev: intruder role=frontend (node02). */
export async function netpolCluster(seed = 7): Promise<{ w: World; c: Cluster }> {
  const w = new World({ seed });
  const c = buildCluster(w, { networkPolicy: 'kube-router' });
  c.api.create(ns('prod', { env: 'prod' }));
  c.api.create(ns('dev', { env: 'dev' }));
  c.api.create(pod('prod', 'api', { app: 'api' }, 'node01', 'api'));
  c.api.create(pod('prod', 'web', { role: 'frontend' }, 'node02', 'client'));
  c.api.create(pod('prod', 'batch', { role: 'batch' }, 'node01', 'client'));
  c.api.create(pod('dev', 'intruder', { role: 'frontend' }, 'node02', 'client'));
  await c.settle();
  return { w, c };
}

/** curl from a pod; true when the server answered. */
export async function canReach(w: World, c: Cluster, from: [string, string], ip: string, port: number): Promise<boolean> {
  await c.settle();
  const p = c.api.get('Pod', from[0], from[1]);
  if (!p || !podReady(p)) throw new Error(`pod ${from.join('/')} not ready`);
  const out = new StringOut();
  const done = c.kubelets.get(p.spec.nodeName)!.exec(from[0], from[1], ['curl', '-s', '-o', '/dev/null', '-m', '2', `http://${ip}:${port}/`], { stdin: new StringIn(''), stdout: out, stderr: new StringOut() });
  const r = await w.run(done, { maxVirtualMs: 30_000 });
  return r.done && r.value === 0;
}

export function ipOf(c: Cluster, nsName: string, name: string): string {
  return c.api.get('Pod', nsName, name)!.status.podIP;
}

export async function apply(c: Cluster, o: KObject): Promise<void> {
  const have = c.api.get(o.kind, o.metadata.namespace, o.metadata.name);
  if (have) c.api.update({ ...o, metadata: { ...o.metadata } });
  else c.api.create(o);
  await c.settle();
}

export function policy(nsName: string, name: string, spec: object): KObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: nsName }, spec: JSON.parse(JSON.stringify(spec)) };
}

/** Run a command line (through bash) on a node's own namespace. */
export async function onNode(c: Cluster, host: string, line: string): Promise<{ code: number; out: string }> {
  const k = c.world.host(host);
  const out = new StringOut();
  const argv = ['bash', '-c', line];
  const r = spawnWith(k, 1, argv, { env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', netns: k.initNs, stdin: new StringIn(''), stdout: out, stderr: out }, (p) => p.exec(p, argv));
  const d = await c.world.run(r.done, { maxVirtualMs: 30_000 });
  return { code: d.done ? d.value : -1, out: out.text };
}

/** Exit status of a command run in a pod. */
export async function inPodRun(w: World, c: Cluster, from: [string, string], argv: string[]): Promise<number> {
  await c.settle();
  const p = c.api.get('Pod', from[0], from[1])!;
  const done = c.kubelets.get(p.spec.nodeName)!.exec(from[0], from[1], argv, { stdin: new StringIn(''), stdout: new StringOut(), stderr: new StringOut() });
  const r = await w.run(done, { maxVirtualMs: 30_000 });
  return r.done ? r.value : -1;
}
