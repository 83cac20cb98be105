// Checks of the capstone: the request from the outside client really reaches
// the pod through controlplane's NodePort and the VXLAN overlay, and the
// learner's answers about that path match the live cluster (the Service's
// nodePort, controlplane's nat table, the pod's address and node, the route).

import { fmtIp4, parseIp4 } from '../src/kernel/addr.ts';
import type { Ipv4Packet } from '../src/kernel/packet.ts';
import type { Tap } from '../src/kernel/stack.ts';
import { nfTable } from '../src/kernel/netfilter/netfilter.ts';
import { saveTable } from '../src/userland/net/iptables/format.ts';
import { clusterOf } from '../src/k8s/cluster.ts';
import type { KObject } from '../src/k8s/api.ts';
import { fetchesPage } from '../src/labs/docker-checks.ts';
import type { CheckCtx } from '../src/labs/checks.ts';
import type { CheckOutcome } from '../src/labs/types.ts';

const ENTRY = 'controlplane';
const ENTRY_IP = '192.168.56.10';

interface Live {
  svc?: KObject;
  nodePort?: number;
  podIp?: string;
  podNode?: string;
  msg?: string;
}

async function live(ctx: CheckCtx, app: string): Promise<Live> {
  const c = clusterOf(ctx.world)!;
  await c.settle();
  const svc = c.api.get('Service', 'default', app);
  const pod = c.api.get('Pod', 'default', app);
  if (!pod?.status?.podIP) return { msg: `pod ${app} is not running with an address (kubectl get pod ${app} -o wide)` };
  if (!svc) return { msg: `there is no Service ${app}: the goal is a NodePort Service ${app} in front of the pod` };
  const np = (svc.spec?.ports ?? []).map((x: { nodePort?: number }) => x.nodePort).find((x: number | undefined) => x);
  if (svc.spec?.type !== 'NodePort' && svc.spec?.type !== 'LoadBalancer') return { svc, podIp: pod.status.podIP, podNode: pod.spec.nodeName, msg: `Service ${app} is of type ${svc.spec?.type ?? 'ClusterIP'}: no node listens for client on a node port; the goal is a NodePort Service` };
  if (!np) return { svc, podIp: pod.status.podIP, podNode: pod.spec.nodeName, msg: `Service ${app} has no nodePort yet` };
  return { svc, nodePort: np, podIp: pod.status.podIP, podNode: pod.spec.nodeName };
}

/** Check: client gets the pod's page from http://controlplane:NODEPORT/, and the SYN left controlplane, DNATed to the pod, through a VXLAN device. */
export async function nodePortPath(ctx: CheckCtx, app: string): Promise<CheckOutcome> {
  const l = await live(ctx, app);
  if (l.msg) return { passed: false, message: l.msg };
  const k = ctx.world.host(ENTRY);
  const pod = parseIp4(l.podIp!)!;
  let tunnel = '';
  const tap: Tap = (d, f, dir) => {
    if (dir !== 'out' || d.kind !== 'vxlan' || f.type !== 'ipv4') return;
    const ip = f.payload as Ipv4Packet;
    if (ip.dst === pod && ip.payload.proto === 'tcp' && ip.payload.flags.syn && !ip.payload.flags.ack) tunnel = d.name;
  };
  k.stack.taps.add(tap);
  let r: CheckOutcome;
  try {
    r = await fetchesPage(ctx, 'client', `http://${ENTRY_IP}:${l.nodePort}/`, '<title>Welcome to nginx!</title>', `the page of pod ${app}`);
  } finally {
    k.stack.taps.delete(tap);
  }
  if (!r.passed) return r;
  if (!tunnel) return { passed: false, message: `client got a page from http://${ENTRY_IP}:${l.nodePort}/, but the request did not leave ${ENTRY} through the VXLAN overlay towards pod ${app} (${l.podIp} on ${l.podNode}): the goal is the path through the NodePort and the overlay` };
  return { passed: true, message: `client fetched http://${ENTRY_IP}:${l.nodePort}/; ${ENTRY} sent the request to ${l.podIp} through ${tunnel}` };
}

/** The answers file: key=value lines (comments and blanks ignored). */
function parseAnswers(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of text.split('\n')) {
    const x = /^\s*([a-z_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (x && !line.trimStart().startsWith('#')) m.set(x[1]!, x[2]!);
  }
  return m;
}

const WHY: Record<string, string> = {
  node_port: 'not the nodePort of the Service',
  dnat_node: 'not the node whose nat table rewrites the request (where does the request arrive first?)',
  sep_chain: "not the chain with the DNAT rule in that node's nat table",
  pod_ip: "not the pod's address",
  pod_node: 'not the node that runs the pod',
  tunnel_device: 'not the device the rewritten request leaves by',
};

/** Check: /root/answers.txt on controlplane names the path the request really takes. */
export async function answersMatch(ctx: CheckCtx, app: string): Promise<CheckOutcome> {
  const l = await live(ctx, app);
  if (l.msg) return { passed: false, message: `${l.msg} (answer once the request works)` };
  const k = ctx.world.host(ENTRY);
  let text = '';
  try {
    text = k.vfs.readFile('/root/answers.txt');
  } catch {
    return { passed: false, message: '/root/answers.txt on controlplane is missing' };
  }
  const got = parseAnswers(text);
  const nat = nfTable(k.initNs, 'nat');
  const dnat = new RegExp(`^-A (KUBE-SEP-[A-Z0-9]+) .*-j DNAT --to-destination ${l.podIp!.replace(/\./g, '\\.')}:\\d+$`);
  const sep = nat ? saveTable(nat, false).split('\n').map((x) => dnat.exec(x)?.[1]).find((x) => x) : undefined;
  let dev = '';
  try {
    dev = k.stack.routeOutput(k.initNs, parseIp4(l.podIp!)!).dev.name;
  } catch {
    dev = '';
  }
  const want: Record<string, string> = { node_port: String(l.nodePort), dnat_node: ENTRY, sep_chain: sep ?? '(none)', pod_ip: l.podIp!, pod_node: l.podNode!, tunnel_device: dev };
  const missing = Object.keys(want).filter((key) => !got.get(key));
  if (missing.length) return { passed: false, message: `/root/answers.txt has no answer yet for ${missing.join(', ')}` };
  const wrong = Object.keys(want).filter((key) => got.get(key) !== want[key]);
  if (wrong.length) return { passed: false, message: `${wrong.length} of 6 answers do not match the cluster: ${wrong.map((key) => `${key}=${got.get(key)} is ${WHY[key]}`).join('; ')}` };
  return { passed: true, message: `all 6 answers match: NodePort ${l.nodePort} on ${ENTRY}, DNAT in ${sep} to ${l.podIp} on ${l.podNode}, out through ${dev} (${fmtIp4(parseIp4(l.podIp!)!)})` };
}
