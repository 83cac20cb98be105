// Checks shared by the Kubernetes labs: HTTP from a pod to a Service address
// over many requests, with taps on the nodes noting which pod each
// connection really reached (the SYN's destination after kube-proxy's DNAT).

import { fmtIp4 } from '../src/kernel/addr.ts';
import type { Kernel } from '../src/kernel/kernel.ts';
import type { Ipv4Packet } from '../src/kernel/packet.ts';
import { StringIn, StringOut } from '../src/kernel/proc.ts';
import type { Tap } from '../src/kernel/stack.ts';
import { clusterOf } from '../src/k8s/cluster.ts';
import { podReady } from '../src/k8s/controllers.ts';
import type { CheckCtx } from '../src/labs/checks.ts';
import type { CheckOutcome } from '../src/labs/types.ts';
import { m, type Msg } from '../src/labs/messages.ts';

/** Run a command in pod `ns/name`; exit code -1 when the pod is not running. */
export async function inPod(ctx: CheckCtx, ns: string, name: string, argv: string[]): Promise<{ code: number; out: string }> {
  const c = clusterOf(ctx.world)!;
  const pod = c.api.get('Pod', ns, name);
  if (!pod || !podReady(pod)) return { code: -1, out: '' };
  const out = new StringOut();
  const done = c.kubelets.get(pod.spec.nodeName)!.exec(ns, name, argv, { stdin: new StringIn(''), stdout: out, stderr: new StringOut() });
  const r = await ctx.world.run(done, { maxVirtualMs: 30_000 });
  return { code: r.done ? r.value : -1, out: out.text };
}

/**
 * Check: from pod `client`, `n` HTTP requests to `url` answer with a page
 * containing `expect`, and the connections reached every ready pod labelled
 * `app=<app>` and no other address.
 */
export async function serviceReachesEveryPod(ctx: CheckCtx, client: string, url: string, app: string, expect: string, n = 30): Promise<CheckOutcome> {
  const c = clusterOf(ctx.world)!;
  await c.settle();
  const pods = new Map(
    c.api
      .list('Pod', 'default')
      .filter((p) => p.metadata.labels?.app === app && podReady(p) && p.status?.podIP)
      .map((p) => [p.status.podIP as string, p.metadata.name as string]),
  );
  const reached = new Map<string, number>();
  const taps: [Kernel, Tap][] = [];
  for (const k of ctx.world.hosts.values()) {
    const tap: Tap = (dev, frame, dir) => {
      if (dir !== 'in' || frame.type !== 'ipv4' || dev.kind !== 'veth' || dev.ns === k.initNs) return;
      const pkt = frame.payload as Ipv4Packet;
      if (pkt.payload.proto !== 'tcp' || !pkt.payload.flags.syn || pkt.payload.flags.ack) return;
      if (!dev.ns.isLocalAddr(pkt.dst)) return;
      const ip = fmtIp4(pkt.dst);
      reached.set(ip, (reached.get(ip) ?? 0) + 1);
    };
    k.stack.taps.add(tap);
    taps.push([k, tap]);
  }
  let ok = 0;
  let first: Msg | undefined;
  try {
    for (let i = 0; i < n; i++) {
      const r = await inPod(ctx, 'default', client, ['curl', '-s', '-m', '2', url]);
      if (r.code === -1) return { passed: false, msg: m('svc.podNotRunning', { pod: client }) };
      if (r.code === 0 && r.out.includes(expect)) ok++;
      else if (!first) first = m('k8s.curlExited', { code: r.code });
    }
  } finally {
    for (const [k, t] of taps) k.stack.taps.delete(t);
  }
  const clientIp = c.api.get('Pod', 'default', client)?.status?.podIP;
  reached.delete(clientIp);
  const anyPod = new Map(c.api.list('Pod', 'default').map((p) => [p.status?.podIP as string, p.metadata.name as string]));
  const names = (ips: string[]): string => ips.map((ip) => (anyPod.has(ip) ? `pod ${anyPod.get(ip)} (${ip})` : ip)).join(', ');
  if (!ok) return { passed: false, msg: m('svc.noPageInTries', { url, n, why: first ?? m('k8s.nothingCameBack') }) };
  const strangers = [...reached.keys()].filter((ip) => !pods.has(ip));
  if (strangers.length) return { passed: false, msg: m('svc.answeredAlsoOnlyReady', { url, who: names(strangers), app }) };
  const missing = [...pods.keys()].filter((ip) => !reached.has(ip));
  if (missing.length) return { passed: false, msg: m('svc.requestsAnsweredNeverService', { ok, n, who: names(missing), app }) };
  return { passed: true, msg: m('svc.answeredByEveryPod', { ok, n, who: [...reached.entries()].map(([ip, k]) => `${pods.get(ip)} ×${k}`).join(', ') }) };
}
