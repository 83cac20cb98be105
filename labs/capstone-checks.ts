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
import { join, m, type Msg } from '../src/labs/messages.ts';

const ENTRY = 'controlplane';
const ENTRY_IP = '192.168.56.10';

interface Live {
  svc?: KObject;
  nodePort?: number;
  podIp?: string;
  podNode?: string;
  msg?: Msg;
}

async function live(ctx: CheckCtx, app: string): Promise<Live> {
  const c = clusterOf(ctx.world)!;
  await c.settle();
  const svc = c.api.get('Service', 'default', app);
  const pod = c.api.get('Pod', 'default', app);
  if (!pod?.status?.podIP) return { msg: m('capstone.podNotRunning', { app }) };
  if (!svc) return { msg: m('capstone.noService', { app }) };
  const np = (svc.spec?.ports ?? []).map((x: { nodePort?: number }) => x.nodePort).find((x: number | undefined) => x);
  if (svc.spec?.type !== 'NodePort' && svc.spec?.type !== 'LoadBalancer') return { svc, podIp: pod.status.podIP, podNode: pod.spec.nodeName, msg: m('capstone.serviceNotNodePort', { app, type: svc.spec?.type ?? 'ClusterIP' }) };
  if (!np) return { svc, podIp: pod.status.podIP, podNode: pod.spec.nodeName, msg: m('capstone.noNodePort', { app }) };
  return { svc, nodePort: np, podIp: pod.status.podIP, podNode: pod.spec.nodeName };
}

/** Check: client gets the pod's page from http://controlplane:NODEPORT/, and the SYN left controlplane, DNATed to the pod, through a VXLAN device. */
export async function nodePortPath(ctx: CheckCtx, app: string): Promise<CheckOutcome> {
  const l = await live(ctx, app);
  if (l.msg) return { passed: false, msg: l.msg };
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
    r = await fetchesPage(ctx, 'client', `http://${ENTRY_IP}:${l.nodePort}/`, '<title>Welcome to nginx!</title>', m('capstone.podPage', { app }));
  } finally {
    k.stack.taps.delete(tap);
  }
  if (!r.passed) return r;
  if (!tunnel) return { passed: false, msg: m('capstone.notThroughOverlay', { url: `http://${ENTRY_IP}:${l.nodePort}/`, node: ENTRY, app, ip: l.podIp!, podNode: l.podNode! }) };
  return { passed: true, msg: m('capstone.fetchedThroughOverlay', { url: `http://${ENTRY_IP}:${l.nodePort}/`, node: ENTRY, ip: l.podIp!, dev: tunnel }) };
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

const WHY: Record<string, Msg> = {
  node_port: m('capstone.why.nodePort'),
  dnat_node: m('capstone.why.dnatNode'),
  sep_chain: m('capstone.why.sepChain'),
  pod_ip: m('capstone.why.podIp'),
  pod_node: m('capstone.why.podNode'),
  tunnel_device: m('capstone.why.tunnelDevice'),
};

/** Check: /root/answers.txt on controlplane names the path the request really takes. */
export async function answersMatch(ctx: CheckCtx, app: string): Promise<CheckOutcome> {
  const l = await live(ctx, app);
  if (l.msg) return { passed: false, msg: m('capstone.answerOnceRequestWorks', { msg: l.msg }) };
  const k = ctx.world.host(ENTRY);
  let text = '';
  try {
    text = k.vfs.readFile('/root/answers.txt');
  } catch {
    return { passed: false, msg: m('capstone.rootAnswersTxtControlplane') };
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
  if (missing.length) return { passed: false, msg: m('capstone.noAnswerYet', { keys: missing.join(', ') }) };
  const wrong = Object.keys(want).filter((key) => got.get(key) !== want[key]);
  if (wrong.length) return { passed: false, msg: m('capstone.answersWrong', { n: wrong.length, why: join(wrong.map((key) => m('capstone.wrongAnswer', { key, got: `${got.get(key)}`, why: WHY[key]! }))) }) };
  return { passed: true, msg: m('capstone.allAnswersMatchNodeport', { np: String(l.nodePort), node: ENTRY, sep: String(sep), ip: l.podIp!, pnode: l.podNode!, dev, ip2: fmtIp4(parseIp4(l.podIp!)!) }) };
}
