// Checks are named predicates over state that *exercise* it: `reaches`
// sends a real ICMP echo through the simulated stack and, when it fails,
// explains why from the packet's trace (where it was dropped and the rule
// or missing route that dropped it). Checks never read command history.

import { fmtIp4, parseIp4 } from '../kernel/addr.ts';
import { KernelError } from '../kernel/errno.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { NetNs } from '../kernel/netns.ts';
import { traceStep, type IcmpMessage, type Ipv4Packet, type Trace, type TraceStep } from '../kernel/packet.ts';
import type { IcmpListener } from '../kernel/stack.ts';
import type { World } from '../world/world.ts';
import type { CheckOutcome } from './types.ts';

/** What a check runs against. */
export interface CheckCtx {
  world: World;
  /** Default host of the lab. */
  host: string;
}

/** Where a probe starts: `ns` (default host), `host:ns`, or `host:` (init namespace). */
export function resolveNs(ctx: CheckCtx, spec: string): { k: Kernel; ns: NetNs | undefined; label: string } {
  const [h0, n] = spec.includes(':') ? spec.split(':') : [ctx.host, spec];
  const h = h0 || ctx.host;
  const k = ctx.world.hosts.get(h);
  if (!k) return { k: ctx.world.host(ctx.host), ns: undefined, label: spec };
  if (!n) return { k, ns: k.initNs, label: h };
  return { k, ns: k.openNetns(n), label: n };
}

/** Outcome of one echo probe. */
export interface EchoProbe {
  ok: boolean;
  /** connect()-time error (no route...). */
  routeError?: string;
  /** ICMP error received instead of a reply. */
  icmpError?: { from: string; type: number; code: number };
  /** Reply TTL. */
  ttl?: number;
  trace: Trace;
}

let probeId = 0x7a00;

/** Send one ICMP echo request from `ns` to `dst` and wait up to `timeoutMs` of virtual time. */
export async function probeEcho(world: World, ns: NetNs, dst: number, timeoutMs = 3000): Promise<EchoProbe> {
  const k = ns.kernel;
  const trace: Trace = { steps: [], max: 600 };
  const id = (probeId = (probeId + 1) & 0xffff);
  let settle!: (v: Omit<EchoProbe, 'trace'>) => void;
  const done = new Promise<Omit<EchoProbe, 'trace'>>((r) => (settle = r));
  const l: IcmpListener = {
    ns,
    id,
    onReply: (pkt: Ipv4Packet) => settle({ ok: true, ttl: pkt.ttl }),
    onError: (pkt: Ipv4Packet, icmp: IcmpMessage) => settle({ ok: false, icmpError: { from: fmtIp4(pkt.src), type: icmp.type, code: icmp.code } }),
  };
  k.stack.icmpListeners.add(l);
  const timer = k.clock.setTimer(timeoutMs, () => settle({ ok: false }));
  const at = k.clock.now;
  try {
    k.stack.ipOutputLocal(
      ns,
      { src: 0, dst, ttl: 64, tos: 0, id: k.stack.nextIpId(ns), df: true, payload: { proto: 'icmp', type: 8, code: 0, id, seq: 1, dataLen: 56, sentAt: k.clock.now } },
      { trace },
    );
  } catch (e) {
    k.stack.icmpListeners.delete(l);
    k.clock.cancel(timer);
    if (e instanceof KernelError) {
      traceStep(trace, k.clock.now, ns.label, 'drop', `no route to ${fmtIp4(dst)}: connect: ${e.message}`);
      noteProbe(k, ns, dst, at, false, trace);
      return { ok: false, routeError: e.message, trace };
    }
    throw e;
  }
  const r = await world.run(done, { maxVirtualMs: timeoutMs + 1000 });
  k.stack.icmpListeners.delete(l);
  k.clock.cancel(timer);
  const v = r.done ? r.value : { ok: false };
  noteProbe(k, ns, dst, at, v.ok, trace);
  return { ...v, trace };
}

/** Traces of probes that failed (a later passing probe does not hide them from the packet-path view). */
const failedProbes = new WeakSet<Trace>();

/** Record a probe as the host's last traced path (what the packet-path view shows after Check). */
function noteProbe(k: Kernel, ns: NetNs, dst: number, at: number, ok: boolean, trace: Trace): void {
  const prev = k.lastTrace;
  if (ok && prev && failedProbes.has(prev.trace)) return;
  if (!ok) failedProbes.add(trace);
  k.lastTrace = { command: `check: echo request from ${ns.label} to ${fmtIp4(dst)}${ok ? '' : ' (failed)'}`, at, trace };
}

/** Explain a failed probe in terms of the packet's path. */
export function explainProbe(fromLabel: string, dst: string, p: EchoProbe): string {
  if (p.routeError) {
    return `${fromLabel} cannot send to ${dst}: connect: ${p.routeError} — ${fromLabel} has no usable route to ${dst} (check its addresses, that the link is up, and its routes)`;
  }
  if (p.icmpError) {
    const kinds: Record<string, string> = { '3/0': 'network unreachable', '3/1': 'host unreachable', '3/3': 'port unreachable', '3/13': 'administratively prohibited (a firewall REJECT)', '11/0': 'TTL exceeded (a routing loop?)' };
    return `${fromLabel} got an ICMP error from ${p.icmpError.from}: ${kinds[`${p.icmpError.type}/${p.icmpError.code}`] ?? `type ${p.icmpError.type} code ${p.icmpError.code}`}`;
  }
  const steps = p.trace.steps;
  const arrived = steps.find((s) => s.stage === 'icmp' && s.what.startsWith('echo request'));
  const drop = lastDrop(steps);
  if (arrived) {
    return `the echo request reached ${arrived.where} but no reply came back to ${fromLabel}${drop && drop.at >= arrived.at ? `: ${drop.what}` : ': the reply has no way back (a missing route or gateway on the return path?)'}`;
  }
  if (drop) return `the echo request from ${fromLabel} to ${dst} was dropped in ${drop.where}: ${drop.what}`;
  const left = steps.some((s) => s.stage === 'xmit');
  if (!left) return `the echo request never left ${fromLabel}`;
  return `the echo request left ${fromLabel} but nothing answered for ${dst} within 3 s`;
}

function lastDrop(steps: TraceStep[]): TraceStep | undefined {
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i].stage === 'drop') return steps[i];
  return undefined;
}

/** Check: `from` reaches `dst` by ICMP echo. */
export async function reaches(ctx: CheckCtx, from: string, dst: string): Promise<CheckOutcome> {
  const r = resolveNs(ctx, from);
  if (!r.ns) return { passed: false, message: `namespace ${from} does not exist` };
  const addr = parseIp4(dst);
  if (addr === undefined) return { passed: false, message: `bad address ${dst}` };
  const p = await probeEcho(ctx.world, r.ns, addr);
  if (p.ok) return { passed: true, message: `${r.label} reaches ${dst} (echo reply, ttl ${p.ttl})` };
  return { passed: false, message: explainProbe(r.label, dst, p) };
}

/** Check: a named namespace exists on a host. */
export function netnsExists(ctx: CheckCtx, spec: string): CheckOutcome {
  const r = resolveNs(ctx, spec);
  return r.ns ? { passed: true, message: `namespace ${r.label} exists` } : { passed: false, message: `there is no namespace ${spec} (ip netns add ${spec.split(':').pop()})` };
}

/** Check: an address is configured in a namespace (on any device, or on `dev`). */
export function hasAddr(ctx: CheckCtx, spec: string, cidr: string, dev?: string): CheckOutcome {
  const r = resolveNs(ctx, spec);
  if (!r.ns) return { passed: false, message: `namespace ${spec} does not exist` };
  const [a, l] = cidr.split('/');
  const ip = parseIp4(a);
  const hit = r.ns.allAddrs().find((x) => x.addr.local === ip && x.addr.prefixlen === Number(l) && (!dev || x.dev.name === dev));
  if (!hit) return { passed: false, message: `${r.label} has no address ${cidr}${dev ? ` on ${dev}` : ''}` };
  if (!hit.dev.adminUp) return { passed: false, message: `${r.label} has ${cidr} on ${hit.dev.name}, but ${hit.dev.name} is down (ip link set ${hit.dev.name} up)` };
  return { passed: true, message: `${r.label} has ${cidr} on ${hit.dev.name}` };
}

/** Combine outcomes: all must pass; messages joined. */
export function all(...outs: CheckOutcome[]): CheckOutcome {
  const bad = outs.filter((o) => !o.passed);
  if (bad.length) return { passed: false, message: bad.map((o) => o.message).join('; ') };
  return { passed: true, message: outs.map((o) => o.message).join('; ') };
}

/** Run probes one after another and combine them. */
export async function allReach(ctx: CheckCtx, pairs: [string, string][]): Promise<CheckOutcome> {
  const outs: CheckOutcome[] = [];
  for (const [f, d] of pairs) outs.push(await reaches(ctx, f, d));
  return all(...outs);
}
