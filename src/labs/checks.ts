// Checks are named predicates over state that *exercise* it: `reaches`
// sends a real ICMP echo through the simulated stack and, when it fails,
// explains why from the packet's trace (where it was dropped and the rule
// or missing route that dropped it). Checks never read command history.

import { fmtIp4, inNet, parseIp4 } from '../kernel/addr.ts';
import { KernelError } from '../kernel/errno.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { NetNs } from '../kernel/netns.ts';
import { cloneFrame, traceStep, type EthFrame, type IcmpMessage, type Ipv4Packet, type Trace, type TraceStep } from '../kernel/packet.ts';
import type { NetDevice } from '../kernel/netdev.ts';
import type { Tap } from '../kernel/stack.ts';
import { icmpSocket } from '../kernel/socket/icmp.ts';
import { TcpSocket } from '../kernel/socket/tcp.ts';
import { nfTable } from '../kernel/netfilter/netfilter.ts';
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
  const sock = icmpSocket(ns, id, {
    onReply: (pkt: Ipv4Packet) => settle({ ok: true, ttl: pkt.ttl }),
    onError: (pkt: Ipv4Packet, icmp: IcmpMessage) => settle({ ok: false, icmpError: { from: fmtIp4(pkt.src), type: icmp.type, code: icmp.code } }),
  });
  const timer = k.clock.setTimer(timeoutMs, () => settle({ ok: false }));
  const at = k.clock.now;
  try {
    sock.sendmsg(
      { src: 0, dst, ttl: 64, tos: 0, id: k.stack.nextIpId(ns), df: true, payload: { proto: 'icmp', type: 8, code: 0, id, seq: 1, dataLen: 56, sentAt: k.clock.now } },
      { trace },
    );
  } catch (e) {
    sock.close();
    k.clock.cancel(timer);
    if (e instanceof KernelError) {
      traceStep(trace, k.clock.now, ns.label, 'drop', `no route to ${fmtIp4(dst)}: connect: ${e.message}`);
      noteProbe(k, ns, dst, at, false, trace);
      return { ok: false, routeError: e.message, trace };
    }
    throw e;
  }
  const r = await world.run(done, { maxVirtualMs: timeoutMs + 1000 });
  sock.close();
  k.clock.cancel(timer);
  const v = r.done ? r.value : { ok: false };
  noteProbe(k, ns, dst, at, v.ok, trace);
  return { ...v, trace };
}

/** Announce a probe as a traced packet (what the packet-path view shows after Check; a failed one stays shown over later passing ones). */
function noteProbe(k: Kernel, ns: NetNs, dst: number, at: number, ok: boolean, trace: Trace): void {
  k.announceTrace({ command: `check: echo request from ${ns.label} to ${fmtIp4(dst)}${ok ? '' : ' (failed)'}`, at, trace, probe: { ok } });
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
  return { passed: false, message: explainProbe(r.label, dst, p) + natHint(ctx, p.trace) };
}

const PRIVATE: [number, number][] = [
  [0x0a000000, 8],
  [0xac100000, 12],
  [0xc0a80000, 16],
];

/**
 * NAT in a failed probe's path: a reply that could not be routed back to a
 * private source (nobody translated it), or a source translated to an
 * address the translating host does not own (replies never come back).
 */
function natHint(ctx: CheckCtx, t: Trace): string {
  const steps = t.steps;
  const rewrites = steps.filter((s) => s.stage === 'netfilter' && / nat: source /.test(s.what));
  for (const s of rewrites) {
    const m = / → (\d+\.\d+\.\d+\.\d+)/.exec(s.what);
    const host = s.where.split('/')[0];
    const k = ctx.world.hosts.get(host);
    const a = m ? parseIp4(m[1]) : undefined;
    if (k && a !== undefined && !k.namespaces.some((ns) => ns.isLocalAddr(a))) return ` (${host} translated the source to ${m![1]}, which is not one of its addresses: replies go to ${m![1]} and never come back to ${host} to be translated back)`;
  }
  const d = lastDrop(steps);
  const m = d && /cannot route the echo reply to (\d+\.\d+\.\d+\.\d+)/.exec(d.what);
  const a = m ? parseIp4(m[1]) : undefined;
  if (d && a !== undefined && PRIVATE.some(([n, l]) => inNet(a, n, l))) {
    const net = `${fmtIp4((a & 0xffffff00) >>> 0)}/24`;
    return ` — ${d.where.split('/')[0]} has no route to ${net}: the request arrived with the private source ${m![1]} because nothing translated it on the way out (a MASQUERADE or SNAT rule for ${net} in the nat POSTROUTING chain of the host in between)`;
  }
  if (rewrites.length && d) return ` (on the way: ${rewrites.map((s) => `${s.where}: ${s.what}`).join('; ')})`;
  return '';
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
  if (!hit.dev.adminUp) {
    // The command that works from the lab's terminal: a named namespace's link is set from inside it.
    const up = r.ns === r.k.initNs ? `ip link set ${hit.dev.name} up` : `ip netns exec ${spec.split(':').pop()} ip link set ${hit.dev.name} up`;
    return { passed: false, message: `${r.label} has ${cidr} on ${hit.dev.name}, but ${hit.dev.name} is down (${up})` };
  }
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

// ── HTTP over a real TCP connection, NAT-aware explanations ─────────────────

/** One frame of a connection seen by a tap somewhere in the world. */
interface Seen {
  at: number;
  where: string;
  dev: string;
  dir: 'in' | 'out';
  pkt: Ipv4Packet;
  /** The device and frame, to replay the packet with a trace. */
  devRef: NetDevice;
  frame: EthFrame;
}

/** Tap every host of the world for IPv4 packets `want` selects; returns a stop function. */
function tapWorld(world: World, want: (p: Ipv4Packet) => boolean, seen: Seen[]): () => void {
  const offs: (() => void)[] = [];
  for (const [name, k] of world.hosts) {
    const tap: Tap = (dev, frame, dir) => {
      if (frame.type !== 'ipv4' || seen.length > 500) return;
      const p = frame.payload as Ipv4Packet;
      if (want(p)) seen.push({ at: k.clock.now, where: dev.ns === k.initNs ? name : `${name}/${dev.ns.label.split('/').pop()}`, dev: dev.name, dir, pkt: p, devRef: dev, frame: cloneFrame(frame) });
    };
    k.stack.taps.add(tap);
    offs.push(() => k.stack.taps.delete(tap));
  }
  return () => offs.forEach((f) => f());
}

/** Resolve when `cond` holds (checked whenever the socket's wait queue wakes) or after `ms` of virtual time. */
async function untilSock(world: World, s: TcpSocket, ms: number, cond: () => boolean): Promise<void> {
  if (cond()) return;
  const k = s.ns.kernel;
  let done!: () => void;
  const p = new Promise<void>((r) => (done = r));
  const timer = k.clock.setTimer(ms, done);
  const off = s.wq.add(() => {
    if (cond()) done();
  });
  await world.run(p, { maxVirtualMs: ms + 1000 });
  k.clock.cancel(timer);
  off();
}

function tcpDesc(p: Ipv4Packet): string {
  const l = p.payload;
  if (l.proto !== 'tcp') return `${fmtIp4(p.src)} → ${fmtIp4(p.dst)}`;
  const f = l.flags;
  const kind = f.syn && f.ack ? 'SYN-ACK' : f.syn ? 'SYN' : f.rst ? 'RST' : f.fin ? 'FIN' : 'segment';
  return `${kind} ${fmtIp4(p.src)}:${l.sport} → ${fmtIp4(p.dst)}:${l.dport}`;
}

/** Does namespace `ns` have a route to `dst`? undefined when it has, else the error text. */
function noRoute(ns: NetNs, dst: number): string | undefined {
  try {
    ns.kernel.stack.routeOutput(ns, dst);
    return undefined;
  } catch (e) {
    if (e instanceof KernelError) return e.message;
    throw e;
  }
}

/** The namespace (of any host) owning address `a`, with a label. */
function ownerOf(world: World, a: number): { ns: NetNs; label: string } | undefined {
  for (const [name, k] of world.hosts) {
    for (const ns of k.namespaces) {
      if (ns.allAddrs().some((x) => x.addr.local === a)) return { ns, label: ns === k.initNs ? name : `${name}/${ns.label.split('/').pop()}` };
    }
  }
  return undefined;
}

/** Deliver a copy of a frame seen by a tap again, on the same device, carrying a trace. */
async function replayTraced(world: World, x: Seen): Promise<Trace> {
  const trace: Trace = { steps: [], max: 600 };
  const f = cloneFrame(x.frame);
  f.trace = trace;
  const stack = x.devRef.ns.kernel.stack;
  stack.schedule(0, () => stack.netifReceive(x.devRef, f, 0));
  await world.run(new Promise<void>((r) => x.devRef.ns.kernel.clock.setTimer(500, r)), { maxVirtualMs: 1500 });
  return trace;
}

/** Send one traced SYN (no socket behind it) and return its trace: the forward path with routing and netfilter decisions. */
export async function tracedSyn(world: World, ns: NetNs, dst: number, dport: number): Promise<Trace> {
  const k = ns.kernel;
  const trace: Trace = { steps: [], max: 600 };
  const sport = 40000 + (k.rng.u32() % 20000);
  try {
    k.stack.ipOutputLocal(ns, { src: 0, dst, ttl: 64, tos: 0, id: 0, df: true, payload: { proto: 'tcp', sport, dport, seq: k.rng.u32(), ack: 0, flags: { syn: true }, window: 64240, data: '', mss: 1460 } }, { trace });
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
  }
  await world.run(new Promise<void>((r) => k.clock.setTimer(1500, r)), { maxVirtualMs: 2500 });
  return trace;
}

/**
 * Check: an HTTP GET of `url` from `from` over a real TCP connection returns
 * a 2xx page (containing `expect`, when given). A failure is explained from
 * the packets' path: where the SYN went, which rule dropped it, a missing
 * DNAT (RST from the host's own port), a closed port, a missing route back.
 */
export async function httpGet(ctx: CheckCtx, from: string, url: string, expect?: string, want?: ServedBy): Promise<CheckOutcome> {
  const r = resolveNs(ctx, from);
  if (!r.ns) return { passed: false, message: `namespace ${from} does not exist` };
  const m = /^http:\/\/(\d+\.\d+\.\d+\.\d+)(?::(\d+))?(\/[^\s]*)?$/.exec(url);
  const dst = m ? parseIp4(m[1]) : undefined;
  if (!m || dst === undefined) return { passed: false, message: `bad URL ${url}` };
  const port = Number(m[2] ?? 80);
  const path = m[3] ?? '/';
  const ns = r.ns;
  const s = new TcpSocket(ns);
  const seen: Seen[] = [];
  let lport = 0;
  const stop = tapWorld(ctx.world, (p) => p.payload.proto === 'tcp' && lport !== 0 && (p.payload.sport === lport || p.payload.dport === lport), seen);
  let response = '';
  let failure: 'route' | 'refused' | 'timeout' | 'reset' | 'noresponse' | undefined;
  let routeErr = '';
  try {
    try {
      await s.connect(undefined, dst, port);
      lport = s.lport;
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      failure = 'route';
      routeErr = e.message;
    }
    if (!failure) {
      await untilSock(ctx.world, s, 7000, () => s.state === 'ESTABLISHED' || s.state === 'CLOSED' || !!s.error);
      if (s.state !== 'ESTABLISHED') {
        failure = s.error === 'ECONNREFUSED' || (s.state === 'CLOSED' && !s.error) ? 'refused' : 'timeout';
        if (s.error && s.error !== 'ECONNREFUSED' && s.error !== 'ETIMEDOUT') routeErr = s.error;
      } else {
        s.send(`GET ${path} HTTP/1.1\r\nHost: ${m[1]}${m[2] ? `:${port}` : ''}\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n`);
        await untilSock(ctx.world, s, 5000, () => {
          response += s.rcvBuf;
          s.rcvBuf = '';
          return s.eof || s.state === 'CLOSED' || !!s.error || /\r\n\r\n/.test(response) && contentComplete(response);
        });
        response += s.rcvBuf;
        if (!response) failure = s.error === 'ECONNRESET' ? 'reset' : 'noresponse';
      }
    }
  } finally {
    stop();
    if (s.state !== 'CLOSED') s.abort();
  }
  const label = r.label;
  if (!failure) {
    const status = /^HTTP\/1\.[01] (\d{3})[^\r\n]*/.exec(response);
    if (!status) return { passed: false, message: `${url} from ${label}: the server answered something that is not HTTP` };
    const body = response.slice(response.indexOf('\r\n\r\n') + 4);
    if (!status[1].startsWith('2')) return { passed: false, message: `${url} from ${label} answered "${status[0]}", not a page` };
    if (expect && !body.includes(expect)) return { passed: false, message: `${url} from ${label} answered ${status[0].slice(9)}, but not with the expected page (it does not contain "${expect}")` };
    if (want) {
      const bad = servedBy(ctx, label, url, seen, want, ns);
      if (bad) return { passed: false, message: bad };
    }
    return { passed: true, message: `${label} fetched ${url}: ${status[0].slice(9)}${expect ? ` (the page contains "${expect}")` : ''}` };
  }
  if (failure === 'route') return { passed: false, message: `${label} cannot connect to ${m[1]}:${port}: ${routeErr} — ${label} has no route there (a default route via its gateway?)` };
  const synAcked = seen.some((x) => x.pkt.payload.proto === 'tcp' && x.pkt.payload.flags.syn && x.pkt.payload.flags.ack);
  if (failure === 'timeout' && !synAcked) {
    // The traced SYN names what dropped it on the way (forwarding off, a DROP rule) and the NAT it met.
    const t = await tracedSyn(ctx.world, ns, dst, port);
    const drop = lastDrop(t.steps);
    const nat = t.steps.filter((s) => s.stage === 'netfilter' && / nat: /.test(s.what)).map((s) => `${s.where.split('/')[0]}: ${s.what}`);
    const natText = nat.length ? ` (NAT on the way: ${nat.join('; ')})` : '';
    if (drop) return { passed: false, message: `${url} from ${label} failed: the SYN was dropped in ${drop.where}: ${drop.what}${natText}` };
    return { passed: false, message: `${url} from ${label} failed: ${await explainTcp(ctx, label, dst, port, seen, failure)}${natText}${natHint(ctx, t).replace(/^ \(on the way.*$/, '')}` };
  }
  return { passed: false, message: `${url} from ${label} failed: ${await explainTcp(ctx, label, dst, port, seen, failure)}` };
}

/** Who must have served an HTTP page, and who must have translated the connection on its way. */
export interface ServedBy {
  /** Namespace (spec) whose server must accept the connection. */
  server: string;
  /** Address and port the server listens on there (`192.168.15.2:80`). */
  at: string;
  /** Host that must translate the destination (DNAT): the server sees the client's own source address. */
  dnatBy?: string;
}

/** Why the connection a page came over does not show the mechanism (undefined when it does). */
function servedBy(ctx: CheckCtx, label: string, url: string, seen: Seen[], want: ServedBy, client: NetNs): string | undefined {
  const srv = resolveNs(ctx, want.server);
  const [ip, port] = want.at.split(':');
  const a = parseIp4(ip!);
  const isSyn = (x: Seen): boolean => x.pkt.payload.proto === 'tcp' && !!x.pkt.payload.flags.syn && !x.pkt.payload.flags.ack;
  const synAck = seen.find((x) => x.dir === 'out' && x.pkt.payload.proto === 'tcp' && !!x.pkt.payload.flags.syn && !!x.pkt.payload.flags.ack);
  const answeredBy = synAck ? `${synAck.where} (${fmtIp4(synAck.pkt.src)}:${synAck.pkt.payload.proto === 'tcp' ? synAck.pkt.payload.sport : ''})` : 'another host';
  const arrived = seen.find((x) => isSyn(x) && x.dir === 'in' && x.devRef.ns === srv.ns && x.pkt.dst === a && x.pkt.payload.proto === 'tcp' && x.pkt.payload.dport === Number(port));
  if (!srv.ns || !arrived) {
    return `${label} got a page from ${url}, but not from ${want.server}'s server at ${want.at}: the connection was answered by ${answeredBy}. The goal asks for the page to be served by ${want.server}'s server`;
  }
  if (want.dnatBy) {
    const own = client.allAddrs().map((x) => x.addr.local);
    if (!own.includes(arrived.pkt.src)) {
      return `${label} got ${want.server}'s page from ${url}, but ${want.server}'s server saw the connection come from ${fmtIp4(arrived.pkt.src)}, not from ${label}: something relayed it (a proxy) instead of ${want.dnatBy} translating its destination. The goal asks for a DNAT rule on ${want.dnatBy}`;
    }
    const k = ctx.world.hosts.get(want.dnatBy);
    const rewritten = seen.some((x) => isSyn(x) && x.dir === 'in' && k && x.devRef.ns === k.initNs && x.pkt.dst !== a);
    if (!rewritten) return `${label} got ${want.server}'s page from ${url}, but the connection did not go through ${want.dnatBy} addressed to ${want.dnatBy}: the goal asks for ${want.dnatBy} to translate its own address and port to ${want.at} (DNAT)`;
  }
  return undefined;
}

/** True when a response's Content-Length body has fully arrived (or there is none). */
function contentComplete(resp: string): boolean {
  const i = resp.indexOf('\r\n\r\n');
  const len = /\r\ncontent-length:\s*(\d+)/i.exec(resp.slice(0, i));
  if (!len) return false;
  return new TextEncoder().encode(resp.slice(i + 4)).length >= Number(len[1]);
}

const n24 = (a: number): number => (a & 0xffffff00) >>> 0;

/** Explain a failed connection from the taps' view of the SYN and its answers. */
async function explainTcp(ctx: CheckCtx, label: string, dst: number, port: number, seen: Seen[], failure: string): Promise<string> {
  const isSyn = (x: Seen): boolean => x.pkt.payload.proto === 'tcp' && !!x.pkt.payload.flags.syn && !x.pkt.payload.flags.ack;
  const isSynAck = (x: Seen): boolean => x.pkt.payload.proto === 'tcp' && !!x.pkt.payload.flags.syn && !!x.pkt.payload.flags.ack;
  const isRst = (x: Seen): boolean => x.pkt.payload.proto === 'tcp' && !!x.pkt.payload.flags.rst;
  const rst = seen.find(isRst);
  if (failure === 'refused' || rst) {
    if (!rst) return `the connection was refused (RST)`;
    const who = ownerOf(ctx.world, rst.pkt.src);
    const rp = rst.pkt.payload.proto === 'tcp' ? rst.pkt.payload.sport : port;
    if (rst.pkt.src === dst && rp === port) {
      const synIn = seen.filter(isSyn).find((x) => x.where === who?.label && x.dir === 'in');
      const dnatHint = synIn ? ` The SYN arrived at ${who?.label} on ${synIn.dev} still addressed to ${fmtIp4(dst)}:${port}: no DNAT rule in the nat table's PREROUTING chain rewrote it, and nothing listens on port ${port} there.` : '';
      return `${fmtIp4(dst)} answered the SYN with a RST: nothing listens on ${fmtIp4(dst)}:${port}.${dnatHint}`;
    }
    return `the SYN was translated to ${fmtIp4(rst.pkt.src)}:${rp} (${who?.label ?? 'unknown host'}), which answered with a RST: nothing listens on port ${rp} there.`;
  }
  const syns = seen.filter(isSyn);
  const synAcks = seen.filter(isSynAck);
  if (!syns.length) return `the SYN never left ${label}`;
  const reached = syns.filter((x) => x.dir === 'in' && ownerOf(ctx.world, x.pkt.dst)?.label === x.where);
  const last = reached.find((x) => x.pkt.dst !== dst) ?? reached[0] ?? syns[syns.length - 1];
  const dstOwner = ownerOf(ctx.world, last.pkt.dst);
  const arrived = reached.length > 0;
  if (!synAcks.length) {
    if (arrived && dstOwner) {
      const back = noRoute(dstOwner.ns, last.pkt.src);
      if (back) {
        const priv = PRIVATE.some(([n, l]) => inNet(last.pkt.src, n, l)) && !dstOwner.ns.allAddrs().some((x) => inNet(x.addr.local, n24(last.pkt.src), 24));
        const why = priv ? `: the SYN still carries the private source ${fmtIp4(last.pkt.src)} — nothing translated it on the way out (a MASQUERADE or SNAT rule in nat POSTROUTING of the host in between)` : ` (a default route via ${dstOwner.label}'s gateway?)`;
        return `the SYN reached ${dstOwner.label} (${fmtIp4(last.pkt.dst)}:${last.pkt.payload.proto === 'tcp' ? last.pkt.payload.dport : port}) from ${fmtIp4(last.pkt.src)}, but no SYN-ACK came back: ${dstOwner.label} has no route to ${fmtIp4(last.pkt.src)} (${back})${why}`;
      }
      return `the SYN reached ${dstOwner.label} (${fmtIp4(last.pkt.dst)}) from ${fmtIp4(last.pkt.src)}, but its SYN-ACK never left: nobody answers ARP for ${fmtIp4(last.pkt.src)} on its network?`;
    }
    return `the SYN was last seen ${last.dir === 'in' ? 'arriving at' : 'leaving'} ${last.where} on ${last.dev} (${tcpDesc(last.pkt)}) and got no answer`;
  }
  const sa = synAcks[synAcks.length - 1];
  // Replay the last SYN-ACK that arrived somewhere, with a trace: its path names the drop.
  const lastIn = [...synAcks].reverse().find((x) => x.dir === 'in');
  if (lastIn) {
    const t = await replayTraced(ctx.world, lastIn);
    const drop = lastDrop(t.steps);
    if (drop) return `the SYN-ACK came back to ${lastIn.where} on ${lastIn.dev} (${tcpDesc(lastIn.pkt)}) and was dropped in ${drop.where}: ${drop.what}`;
  }
  const translatedBack = synAcks.some((x) => x.pkt.src === dst);
  if (!translatedBack) return `the SYN-ACK was last seen ${sa.dir === 'in' ? 'arriving at' : 'leaving'} ${sa.where} on ${sa.dev} (${tcpDesc(sa.pkt)}) and never reached ${label} translated back`;
  return `the SYN-ACK was last seen at ${sa.where} on ${sa.dev} (${tcpDesc(sa.pkt)}) and never reached ${label}`;
}

/**
 * Check: the nat table's POSTROUTING chain of the default host holds a
 * MASQUERADE or SNAT rule covering `cidr`, and a packet from `from` to `dst`
 * really arrives at `observer` with its source translated.
 */
export async function snatTranslates(ctx: CheckCtx, from: string, cidr: string, dst: string, observer: string): Promise<CheckOutcome> {
  const k = ctx.world.host(ctx.host);
  const nat = nfTable(k.initNs, 'nat');
  const [a, l] = cidr.split('/');
  const net = parseIp4(a)!;
  const len = Number(l);
  const rules = nat?.chains.get('POSTROUTING')?.rules ?? [];
  const rule = rules.find((r) => (r.target.kind === 'MASQUERADE' || r.target.kind === 'SNAT') && !r.srcInv && (r.srcLen === 0 || (r.srcLen <= len && inNet(net, r.src, r.srcLen))));
  if (!rule) return { passed: false, message: `the nat table's POSTROUTING chain on ${ctx.host} has no MASQUERADE or SNAT rule for ${cidr} (iptables -t nat -A POSTROUTING -s ${cidr} -j MASQUERADE)` };
  const r = resolveNs(ctx, from);
  if (!r.ns) return { passed: false, message: `namespace ${from} does not exist` };
  const d = parseIp4(dst)!;
  const own = r.ns.allAddrs().map((x) => x.addr.local);
  const seen: Seen[] = [];
  const obs = ctx.world.hosts.get(observer);
  const stop = obs ? tapWorld({ hosts: new Map([[observer, obs]]) } as World, (p) => p.dst === d && p.payload.proto === 'icmp' && p.payload.type === 8, seen) : () => {};
  const p = await probeEcho(ctx.world, r.ns, d);
  stop();
  const arrived = seen.find((x) => x.dir === 'in');
  const kind = rule.target.kind;
  if (!arrived) return { passed: false, message: `a ${kind} rule for ${cidr} is in nat POSTROUTING, but no packet from ${r.label} reached ${dst} to show it at work: ${explainProbe(r.label, dst, p)}` };
  if (own.includes(arrived.pkt.src)) return { passed: false, message: `a ${kind} rule is in nat POSTROUTING, but ${r.label}'s echo request reached ${dst} with its own source ${fmtIp4(arrived.pkt.src)}: the rule did not match it (check its -s / -o)` };
  return { passed: true, message: `nat POSTROUTING ${kind} translates ${cidr}: ${r.label}'s echo request reached ${dst} from ${fmtIp4(arrived.pkt.src)}` };
}

// ── Checks of the mechanism, not just the outcome ───────────────────────────
// A reply proves little on its own: an address on the sender's own `lo`
// answers locally, one namespace can be bind-mounted under two names, a
// direct cable can replace a router or a bridge. These checks read the
// probe's trace to see where it was answered and what carried it.

/** Check: the names in `specs` that exist are distinct namespaces (different nsfs inodes); combine with netnsExists. */
export function distinctNs(ctx: CheckCtx, specs: string[]): CheckOutcome {
  const seen = new Map<NetNs, string>();
  for (const spec of specs) {
    const r = resolveNs(ctx, spec);
    if (!r.ns) continue; // netnsExists says so
    const other = seen.get(r.ns);
    if (other !== undefined) {
      return { passed: false, message: `${other} and ${spec} are one namespace under two names (both are nsfs inode ${r.ns.inode}): the goal asks for two separate namespaces (ip netns add ${spec.split(':').pop()})` };
    }
    seen.set(r.ns, spec);
  }
  return { passed: true, message: `${specs.join(', ')} are separate namespaces (nsfs inodes ${[...seen.keys()].map((n) => n.inode).join(', ')})` };
}

/** Check: `cidr` is on a veth in `spec` whose peer end is in `peerSpec` (one veth pair joins them). */
export function addrOnVethTo(ctx: CheckCtx, spec: string, cidr: string, peerSpec: string): CheckOutcome {
  const base = hasAddr(ctx, spec, cidr);
  if (!base.passed) return base;
  const r = resolveNs(ctx, spec);
  const peer = resolveNs(ctx, peerSpec);
  const [a, l] = cidr.split('/');
  const hit = r.ns!.allAddrs().find((x) => x.addr.local === parseIp4(a) && x.addr.prefixlen === Number(l))!;
  const dev = hit.dev;
  if (dev.kind !== 'veth') return { passed: false, message: `${r.label} has ${cidr} on ${dev.name}, which is not a veth: the goal asks for the address on the end of a veth pair whose other end is in ${peerSpec}` };
  if (!peer.ns || dev.peer?.ns !== peer.ns) {
    return { passed: false, message: `${r.label} has ${cidr} on veth ${dev.name}, but its other end is not in ${peerSpec}: the goal asks for one veth pair joining ${spec} and ${peerSpec}` };
  }
  return { passed: true, message: `${r.label} has ${cidr} on ${dev.name}, whose veth peer ${dev.peer.name} is in ${peerSpec}` };
}

/** What the probe must show besides a reply. */
export interface PathWant {
  /** The namespace (spec) that must answer the echo request. */
  at: string;
  /** Namespaces (specs) that must forward the request on its way (routers). */
  via?: string[];
  /** The request must go from `from` straight into `at` over a veth pair. */
  veth?: boolean;
  /** The request must cross this bridge (`host:bridge` or a bridge of the default host). */
  bridge?: string;
}

/**
 * Check: `from` reaches `dst`, and the trace of the echo shows the mechanism
 * the goal names: answered in `want.at` (not by an address of the sender's
 * own), forwarded by `want.via`, carried by a veth pair or a bridge.
 */
export async function reachesOver(ctx: CheckCtx, from: string, dst: string, want: PathWant): Promise<CheckOutcome> {
  const r = resolveNs(ctx, from);
  if (!r.ns) return { passed: false, message: `namespace ${from} does not exist` };
  const addr = parseIp4(dst);
  if (addr === undefined) return { passed: false, message: `bad address ${dst}` };
  const p = await probeEcho(ctx.world, r.ns, addr);
  // A lost probe is explained from its path (as `reaches` does), whatever else is missing.
  if (!p.ok) return { passed: false, message: explainProbe(r.label, dst, p) + natHint(ctx, p.trace) };
  const at = resolveNs(ctx, want.at);
  if (!at.ns) return { passed: false, message: `namespace ${at.label} does not exist` };
  const steps = p.trace.steps;
  const answered = steps.find((s) => s.stage === 'icmp' && s.what.startsWith('echo request'));
  const where = answered?.where ?? r.ns.label;
  if (where !== at.ns.label) {
    const local = where === r.ns.label;
    return {
      passed: false,
      message: local
        ? `${r.label} gets a reply from ${dst}, but ${dst} is one of ${r.label}'s own addresses: the echo request never left ${r.label}. The goal asks for ${dst} to be ${at.label}'s address, reached over the network`
        : `${r.label} gets a reply from ${dst}, but ${where} answered it, not ${at.label}: the goal asks for ${dst} to be ${at.label}'s address`,
    };
  }
  for (const v of want.via ?? []) {
    const vr = resolveNs(ctx, v);
    const fwd = vr.ns && steps.some((s) => s.stage === 'routing' && s.where === vr.ns!.label && s.what.startsWith('forward '));
    if (!fwd) return { passed: false, message: `${r.label} reaches ${dst}, but ${v} did not forward the echo request: the goal asks for ${v} to route between the networks` };
  }
  if (want.veth) {
    const direct = steps.some((s) => s.stage === 'xmit' && s.where === r.ns!.label && s.what.endsWith(` in ${at.ns!.label}`) && s.what.includes('→ veth peer'));
    if (!direct) return { passed: false, message: `${r.label} reaches ${dst} in ${at.label}, but not over a veth pair joining them: the goal asks for one veth pair between ${from} and ${at.label}` };
  }
  if (want.bridge) {
    const b = resolveNs(ctx, want.bridge.includes(':') ? want.bridge.split(':')[0] + ':' : ':');
    const name = want.bridge.split(':').pop()!;
    // Frames between ports are bridged; the bridge's own host sends and receives on the bridge device itself.
    const crossed = steps.some((s) => s.where === b.ns?.label && ((s.stage === 'bridge' && s.what.startsWith(`${name}: `)) || (s.stage === 'routing' && s.what.includes(` dev ${name} `)) || (s.stage === 'rcv' && s.what.endsWith(` arrived on ${name}`))));
    if (!crossed) return { passed: false, message: `${r.label} reaches ${dst} in ${at.label}, but the echo request did not cross bridge ${name}: the goal asks for the namespaces to be joined by the bridge` };
  }
  return { passed: true, message: `${r.label} reaches ${dst} in ${at.label} (echo reply, ttl ${p.ttl})` };
}
