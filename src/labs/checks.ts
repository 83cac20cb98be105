// Checks are named predicates over state that *exercise* it: `reaches`
// sends a real ICMP echo through the simulated stack and, when it fails,
// explains why from the packet's trace (where it was dropped and the rule
// or missing route that dropped it). Checks never read command history.

import { fmtIp4, inNet, parseIp4 } from '../kernel/addr.ts';
import { KernelError } from '../kernel/errno.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { NetNs } from '../kernel/netns.ts';
import { cloneFrame, traceStep, type EthFrame, type IcmpMessage, type Ipv4Packet, type Trace, type TraceStep } from '../kernel/packet.ts';
import { tm } from '../kernel/trace-texts.ts';
import type { NetDevice } from '../kernel/netdev.ts';
import type { Tap } from '../kernel/stack.ts';
import { icmpSocket } from '../kernel/socket/icmp.ts';
import { TcpSocket } from '../kernel/socket/tcp.ts';
import { nfTable } from '../kernel/netfilter/netfilter.ts';
import type { World } from '../world/world.ts';
import type { CheckOutcome } from './types.ts';
import { join, m, stepParam, type Msg } from './messages.ts';

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
      { src: 0, dst, ttl: 64, tos: 0, df: true, payload: { proto: 'icmp', type: 8, code: 0, id, seq: 1, dataLen: 56, sentAt: k.clock.now } },
      { trace },
    );
  } catch (e) {
    sock.close();
    k.clock.cancel(timer);
    if (e instanceof KernelError) {
      traceStep(trace, k.clock.now, ns.label, 'drop', tm('sock.noRoute', { ip: fmtIp4(dst), err: e.message }));
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
export function explainProbe(fromLabel: string, dst: string, p: EchoProbe): Msg {
  if (p.routeError) {
    return m('probe.cannotSendConnectNo', { from: fromLabel, dst, err: p.routeError });
  }
  if (p.icmpError) {
    const kinds: Record<string, Msg> = { '3/0': m('probe.networkUnreachable'), '3/1': m('probe.hostUnreachable'), '3/3': m('probe.portUnreachable'), '3/13': m('probe.adminProhibited'), '11/0': m('probe.ttlExceeded') };
    return m('probe.gotIcmpError', { from: fromLabel, src: p.icmpError.from, kind: kinds[`${p.icmpError.type}/${p.icmpError.code}`] ?? m('probe.icmpType', { type: p.icmpError.type, code: p.icmpError.code }) });
  }
  const steps = p.trace.steps;
  const arrived = steps.find((s) => s.id === 'icmp.echo');
  const drop = lastDrop(steps);
  if (arrived) {
    return drop && drop.at >= arrived.at ? m('probe.noReplyDropped', { where: arrived.where, from: fromLabel, what: stepParam(drop) }) : m('probe.noReplyNoWayBack', { where: arrived.where, from: fromLabel });
  }
  if (drop) return m('probe.echoRequestWasDropped', { from: fromLabel, dst, where: drop.where, what: stepParam(drop) });
  const left = steps.some((s) => s.stage === 'xmit');
  if (!left) return m('probe.echoRequestNeverLeft', { from: fromLabel });
  return m('probe.echoRequestLeftNothing', { from: fromLabel, dst });
}

/** A plain parameter of a traced step (an address, a device name). */
function param(s: TraceStep, name: string): string | undefined {
  const v = s.params?.[name];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** The netfilter rule or policy a traced step names (its table, chain and, for a rule, its number), from the step's parameters. */
export function nfRuleOf(s: TraceStep): { table: string; chain: string; n?: number } | undefined {
  if (s.id === 'nf.policyDrop' || s.id === 'nf.policyDropped') {
    const table = param(s, 'table');
    const chain = param(s, 'chain');
    return table !== undefined && chain !== undefined ? { table, chain } : undefined;
  }
  const r = s.params?.rule;
  if (typeof r !== 'object' || r.id !== 'nf.rule' || !r.params) return undefined;
  const { table, chain, n } = r.params;
  if (typeof table !== 'string' || typeof chain !== 'string') return undefined;
  return { table, chain, n: typeof n === 'number' ? n : undefined };
}

/** The step that dropped (or rejected) a packet in a netfilter table or chain: `table` and `chain` (a string, or a test of the chain's name) as given. */
export function nfDropIn(steps: readonly TraceStep[], where: { table?: string; chain?: string | ((name: string) => boolean); ns?: string }): TraceStep | undefined {
  return steps.find((s) => {
    if (s.stage !== 'drop' || (where.ns !== undefined && s.where !== where.ns)) return false;
    const r = nfRuleOf(s);
    if (!r || (where.table !== undefined && r.table !== where.table)) return false;
    if (where.chain === undefined) return true;
    return typeof where.chain === 'string' ? r.chain === where.chain : where.chain(r.chain);
  });
}

function lastDrop(steps: TraceStep[]): TraceStep | undefined {
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i].stage === 'drop') return steps[i];
  return undefined;
}

/** Check: `from` reaches `dst` by ICMP echo. */
export async function reaches(ctx: CheckCtx, from: string, dst: string): Promise<CheckOutcome> {
  const r = resolveNs(ctx, from);
  if (!r.ns) return { passed: false, msg: m('probe.namespaceDoesNotExist', { ns: from }) };
  const addr = parseIp4(dst);
  if (addr === undefined) return { passed: false, msg: m('probe.badAddress', { a: dst }) };
  const p = await probeEcho(ctx.world, r.ns, addr);
  if (p.ok) return { passed: true, msg: m('probe.reachesEchoReplyTtl', { label: r.label, dst, ttl: String(p.ttl) }) };
  return { passed: false, msg: natHint(ctx, p.trace, explainProbe(r.label, dst, p)) };
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
function natHint(ctx: CheckCtx, t: Trace, head: Msg, onTheWay = true): Msg {
  const steps = t.steps;
  const rewrites = steps.filter((s) => s.id === 'nat.src');
  for (const s of rewrites) {
    const to = /^(\d+\.\d+\.\d+\.\d+)/.exec(param(s, 'to') ?? '');
    const host = s.where.split('/')[0];
    const k = ctx.world.hosts.get(host);
    const a = to ? parseIp4(to[1]) : undefined;
    if (k && a !== undefined && !k.namespaces.some((ns) => ns.isLocalAddr(a))) return m('http.translatedSourceNotOwn', { head, host, a: to![1] });
  }
  const d = lastDrop(steps);
  const back = d?.id === 'icmp.noRouteBack' ? param(d, 'ip') : undefined;
  const a = back !== undefined ? parseIp4(back) : undefined;
  if (d && a !== undefined && PRIVATE.some(([n, l]) => inNet(a, n, l))) {
    const net = `${fmtIp4((a & 0xffffff00) >>> 0)}/24`;
    return m('http.noRouteUntranslated', { head, host: d.where.split('/')[0], net, src: back! });
  }
  if (onTheWay && rewrites.length && d) return m('http.onTheWay', { head, steps: join(rewrites.map((s) => m('path.stepAt', { where: s.where, what: stepParam(s) }))) });
  return head;
}

/** Check: a named namespace exists on a host. */
export function netnsExists(ctx: CheckCtx, spec: string): CheckOutcome {
  const r = resolveNs(ctx, spec);
  return r.ns ? { passed: true, msg: m('probe.namespaceExists', { ns: r.label }) } : { passed: false, msg: m('probe.noNamespaceAdd', { spec, name: spec.split(':').pop()! }) };
}

/** Check: an address is configured in a namespace (on any device, or on `dev`). */
export function hasAddr(ctx: CheckCtx, spec: string, cidr: string, dev?: string): CheckOutcome {
  const r = resolveNs(ctx, spec);
  if (!r.ns) return { passed: false, msg: m('probe.namespaceDoesNotExist', { ns: spec }) };
  const [a, l] = cidr.split('/');
  const ip = parseIp4(a);
  const hit = r.ns.allAddrs().find((x) => x.addr.local === ip && x.addr.prefixlen === Number(l) && (!dev || x.dev.name === dev));
  if (!hit) return { passed: false, msg: dev ? m('probe.noAddressOn', { label: r.label, cidr, dev }) : m('probe.noAddress', { label: r.label, cidr }) };
  if (!hit.dev.adminUp) {
    // The command that works from the lab's terminal: a named namespace's link is set from inside it.
    const up = r.ns === r.k.initNs ? `ip link set ${hit.dev.name} up` : `ip netns exec ${spec.split(':').pop()} ip link set ${hit.dev.name} up`;
    return { passed: false, msg: m('probe.down', { label: r.label, cidr, dev: hit.dev.name, cmd: up }) };
  }
  return { passed: true, msg: m('probe.hasAddr', { label: r.label, cidr, dev: hit.dev.name }) };
}

/** Combine outcomes: all must pass; messages joined. */
export function all(...outs: CheckOutcome[]): CheckOutcome {
  const bad = outs.filter((o) => !o.passed);
  if (bad.length) return { passed: false, msg: join(bad.map((o) => o.msg)) };
  return { passed: true, msg: join(outs.map((o) => o.msg)) };
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
    k.stack.ipOutputLocal(ns, { src: 0, dst, ttl: 64, tos: 0, id: 0, df: true, payload: { proto: 'tcp', sport, dport, seq: k.rng.u32(), ack: 0, flags: { syn: true }, window: 64240, data: '', options: [{ kind: 'mss', mss: 1460 }, { kind: 'sackOK' }, { kind: 'ts', val: k.clock.now >>> 0, ecr: 0 }, { kind: 'nop' }, { kind: 'wscale', shift: 10 }] } }, { trace });
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
  if (!r.ns) return { passed: false, msg: m('probe.namespaceDoesNotExist', { ns: from }) };
  const u = /^http:\/\/(\d+\.\d+\.\d+\.\d+)(?::(\d+))?(\/[^\s]*)?$/.exec(url);
  const dst = u ? parseIp4(u[1]) : undefined;
  if (!u || dst === undefined) return { passed: false, msg: m('http.badUrl', { url }) };
  const port = Number(u[2] ?? 80);
  const path = u[3] ?? '/';
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
        s.send(`GET ${path} HTTP/1.1\r\nHost: ${u[1]}${u[2] ? `:${port}` : ''}\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n`);
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
    if (!status) return { passed: false, msg: m('http.serverAnsweredSomethingThat', { url, label }) };
    const body = response.slice(response.indexOf('\r\n\r\n') + 4);
    if (!status[1].startsWith('2')) return { passed: false, msg: m('http.answeredNotPage', { url, label, status: status[0] }) };
    if (expect && !body.includes(expect)) return { passed: false, msg: m('http.answeredNotExpectedPage', { url, label, status: status[0].slice(9), expect }) };
    if (want) {
      const bad = servedBy(ctx, label, url, seen, want, ns);
      if (bad) return { passed: false, msg: bad };
    }
    const got = status[0].slice(9);
    return { passed: true, msg: expect ? m('http.fetchedContains', { label, url, status: got, expect }) : m('http.fetched', { label, url, status: got }) };
  }
  if (failure === 'route') return { passed: false, msg: m('http.cannotConnectNoRoute', { label, addr: `${u[1]}:${port}`, err: routeErr }) };
  const synAcked = seen.some((x) => x.pkt.payload.proto === 'tcp' && x.pkt.payload.flags.syn && x.pkt.payload.flags.ack);
  if (failure === 'timeout' && !synAcked) {
    // The traced SYN names what dropped it on the way (forwarding off, a DROP rule) and the NAT it met.
    const t = await tracedSyn(ctx.world, ns, dst, port);
    const drop = lastDrop(t.steps);
    const nat = t.steps.filter((s) => s.id.startsWith('nat.')).map((s) => m('path.stepAt', { where: s.where.split('/')[0]!, what: stepParam(s) }));
    const withNat = (head: Msg): Msg => (nat.length ? m('http.natOnTheWay', { head, nat: join(nat) }) : head);
    if (drop) return { passed: false, msg: withNat(m('http.failed', { url, label, reason: m('http.synWasDropped', { where: drop.where, what: stepParam(drop) }) })) };
    return { passed: false, msg: natHint(ctx, t, withNat(m('http.failed', { url, label, reason: await explainTcp(ctx, label, dst, port, seen, failure) })), false) };
  }
  return { passed: false, msg: m('http.failed', { url, label, reason: await explainTcp(ctx, label, dst, port, seen, failure) }) };
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
function servedBy(ctx: CheckCtx, label: string, url: string, seen: Seen[], want: ServedBy, client: NetNs): Msg | undefined {
  const srv = resolveNs(ctx, want.server);
  const [ip, port] = want.at.split(':');
  const a = parseIp4(ip!);
  const isSyn = (x: Seen): boolean => x.pkt.payload.proto === 'tcp' && !!x.pkt.payload.flags.syn && !x.pkt.payload.flags.ack;
  const synAck = seen.find((x) => x.dir === 'out' && x.pkt.payload.proto === 'tcp' && !!x.pkt.payload.flags.syn && !!x.pkt.payload.flags.ack);
  const answeredBy = synAck ? `${synAck.where} (${fmtIp4(synAck.pkt.src)}:${synAck.pkt.payload.proto === 'tcp' ? synAck.pkt.payload.sport : ''})` : m('path.anotherHost');
  const arrived = seen.find((x) => isSyn(x) && x.dir === 'in' && x.devRef.ns === srv.ns && x.pkt.dst === a && x.pkt.payload.proto === 'tcp' && x.pkt.payload.dport === Number(port));
  if (!srv.ns || !arrived) {
    return m('path.gotPageNotServer', { label, url, srv: want.server, at: want.at, who: answeredBy });
  }
  if (want.dnatBy) {
    const own = client.allAddrs().map((x) => x.addr.local);
    if (!own.includes(arrived.pkt.src)) {
      return m('path.gotPageServerSaw', { label, srv: want.server, url, src: fmtIp4(arrived.pkt.src), host: want.dnatBy });
    }
    const k = ctx.world.hosts.get(want.dnatBy);
    const rewritten = seen.some((x) => isSyn(x) && x.dir === 'in' && k && x.devRef.ns === k.initNs && x.pkt.dst !== a);
    if (!rewritten) return m('path.gotPageConnectionDid', { label, srv: want.server, url, host: want.dnatBy, at: want.at });
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
async function explainTcp(ctx: CheckCtx, label: string, dst: number, port: number, seen: Seen[], failure: string): Promise<Msg> {
  const isSyn = (x: Seen): boolean => x.pkt.payload.proto === 'tcp' && !!x.pkt.payload.flags.syn && !x.pkt.payload.flags.ack;
  const isSynAck = (x: Seen): boolean => x.pkt.payload.proto === 'tcp' && !!x.pkt.payload.flags.syn && !!x.pkt.payload.flags.ack;
  const isRst = (x: Seen): boolean => x.pkt.payload.proto === 'tcp' && !!x.pkt.payload.flags.rst;
  const rst = seen.find(isRst);
  if (failure === 'refused' || rst) {
    if (!rst) return m('http.connectionWasRefusedRst');
    const who = ownerOf(ctx.world, rst.pkt.src);
    const rp = rst.pkt.payload.proto === 'tcp' ? rst.pkt.payload.sport : port;
    if (rst.pkt.src === dst && rp === port) {
      const synIn = seen.filter(isSyn).find((x) => x.where === who?.label && x.dir === 'in');
      return synIn ? m('http.rstNoDnat', { dst: fmtIp4(dst), port, who: `${who?.label}`, dev: synIn.dev }) : m('http.rstNothingListens', { dst: fmtIp4(dst), port });
    }
    return m('http.synTranslatedRst', { addr: `${fmtIp4(rst.pkt.src)}:${rp}`, who: who?.label ?? m('http.unknownHost'), port: rp });
  }
  const syns = seen.filter(isSyn);
  const synAcks = seen.filter(isSynAck);
  if (!syns.length) return m('http.synNeverLeft', { label });
  const reached = syns.filter((x) => x.dir === 'in' && ownerOf(ctx.world, x.pkt.dst)?.label === x.where);
  const last = reached.find((x) => x.pkt.dst !== dst) ?? reached[0] ?? syns[syns.length - 1];
  const dstOwner = ownerOf(ctx.world, last.pkt.dst);
  const arrived = reached.length > 0;
  if (!synAcks.length) {
    if (arrived && dstOwner) {
      const back = noRoute(dstOwner.ns, last.pkt.src);
      if (back) {
        const priv = PRIVATE.some(([n, l]) => inNet(last.pkt.src, n, l)) && !dstOwner.ns.allAddrs().some((x) => inNet(x.addr.local, n24(last.pkt.src), 24));
        const p = { owner: dstOwner.label, addr: `${fmtIp4(last.pkt.dst)}:${last.pkt.payload.proto === 'tcp' ? last.pkt.payload.dport : port}`, src: fmtIp4(last.pkt.src), err: back };
        return priv ? m('http.synNoRouteBackPrivate', p) : m('http.synNoRouteBack', { ...p, gw: dstOwner.label });
      }
      return m('http.synReachedSynAck', { owner: dstOwner.label, addr: fmtIp4(last.pkt.dst), src: fmtIp4(last.pkt.src) });
    }
    return m(last.dir === 'in' ? 'http.synLastArriving' : 'http.synLastLeaving', { where: last.where, dev: last.dev, pkt: tcpDesc(last.pkt) });
  }
  const sa = synAcks[synAcks.length - 1];
  // Replay the last SYN-ACK that arrived somewhere, with a trace: its path names the drop.
  const lastIn = [...synAcks].reverse().find((x) => x.dir === 'in');
  if (lastIn) {
    const t = await replayTraced(ctx.world, lastIn);
    const drop = lastDrop(t.steps);
    if (drop) return m('http.synAckCameBack', { where: lastIn.where, dev: lastIn.dev, pkt: tcpDesc(lastIn.pkt), where2: drop.where, what: stepParam(drop) });
  }
  const translatedBack = synAcks.some((x) => x.pkt.src === dst);
  if (!translatedBack) return m(sa.dir === 'in' ? 'http.synAckLastArriving' : 'http.synAckLastLeaving', { where: sa.where, dev: sa.dev, pkt: tcpDesc(sa.pkt), label });
  return m('http.synAckLastSeen', { where: sa.where, dev: sa.dev, pkt: tcpDesc(sa.pkt), label });
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
  if (!rule) return { passed: false, msg: m('http.natTablePostroutingChain', { host: ctx.host, cidr }) };
  const r = resolveNs(ctx, from);
  if (!r.ns) return { passed: false, msg: m('probe.namespaceDoesNotExist', { ns: from }) };
  const d = parseIp4(dst)!;
  const own = r.ns.allAddrs().map((x) => x.addr.local);
  const seen: Seen[] = [];
  const obs = ctx.world.hosts.get(observer);
  const stop = obs ? tapWorld({ hosts: new Map([[observer, obs]]) } as World, (p) => p.dst === d && p.payload.proto === 'icmp' && p.payload.type === 8, seen) : () => {};
  const p = await probeEcho(ctx.world, r.ns, d);
  stop();
  const arrived = seen.find((x) => x.dir === 'in');
  const kind = rule.target.kind;
  if (!arrived) return { passed: false, msg: m('http.ruleNatPostroutingNo', { kind, cidr, label: r.label, dst, reason: explainProbe(r.label, dst, p) }) };
  if (own.includes(arrived.pkt.src)) return { passed: false, msg: m('http.ruleNatPostroutingEcho', { kind, label: r.label, dst, src: fmtIp4(arrived.pkt.src) }) };
  return { passed: true, msg: m('http.natPostroutingTranslatesEcho', { kind, cidr, label: r.label, dst, src: fmtIp4(arrived.pkt.src) }) };
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
      return { passed: false, msg: m('path.oneNamespaceTwoNames', { a: other, b: spec, ino: r.ns.inode, name: spec.split(':').pop()! }) };
    }
    seen.set(r.ns, spec);
  }
  return { passed: true, msg: m('path.separateNamespaces', { names: specs.join(', '), inos: [...seen.keys()].map((n) => n.inode).join(', ') }) };
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
  if (dev.kind !== 'veth') return { passed: false, msg: m('path.whichNotVethGoal', { label: r.label, cidr, dev: dev.name, peer: peerSpec }) };
  if (!peer.ns || dev.peer?.ns !== peer.ns) {
    return { passed: false, msg: m('path.vethOtherEndNot', { label: r.label, cidr, dev: dev.name, peer: peerSpec, a: spec, b: peerSpec }) };
  }
  return { passed: true, msg: m('path.whoseVethPeer', { label: r.label, cidr, dev: dev.name, pdev: dev.peer.name, peer: peerSpec }) };
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
  if (!r.ns) return { passed: false, msg: m('probe.namespaceDoesNotExist', { ns: from }) };
  const addr = parseIp4(dst);
  if (addr === undefined) return { passed: false, msg: m('probe.badAddress', { a: dst }) };
  const p = await probeEcho(ctx.world, r.ns, addr);
  // A lost probe is explained from its path (as `reaches` does), whatever else is missing.
  if (!p.ok) return { passed: false, msg: natHint(ctx, p.trace, explainProbe(r.label, dst, p)) };
  const at = resolveNs(ctx, want.at);
  if (!at.ns) return { passed: false, msg: m('probe.namespaceDoesNotExist', { ns: at.label }) };
  const steps = p.trace.steps;
  const answered = steps.find((s) => s.id === 'icmp.echo');
  const where = answered?.where ?? r.ns.label;
  if (where !== at.ns.label) {
    const local = where === r.ns.label;
    return {
      passed: false,
      msg: local ? m('path.replyFromOwnAddress', { from: r.label, dst, at: at.label }) : m('path.replyFromElsewhere', { from: r.label, dst, where, at: at.label }),
    };
  }
  for (const v of want.via ?? []) {
    const vr = resolveNs(ctx, v);
    const fwd = vr.ns && steps.some((s) => (s.id === 'route.forwardVia' || s.id === 'route.forwardDev') && s.where === vr.ns!.label);
    if (!fwd) return { passed: false, msg: m('path.reachesDidNotForward', { from: r.label, dst, via: v }) };
  }
  if (want.veth) {
    const direct = steps.some((s) => s.id === 'link.vethSent' && s.where === r.ns!.label && param(s, 'ns') === at.ns!.label);
    if (!direct) return { passed: false, msg: m('path.reachesNotOverVeth', { from: r.label, dst, at: at.label, a: from, b: at.label }) };
  }
  if (want.bridge) {
    const b = resolveNs(ctx, want.bridge.includes(':') ? want.bridge.split(':')[0] + ':' : ':');
    const name = want.bridge.split(':').pop()!;
    // Frames between ports are bridged; the bridge's own host sends (a route out of the bridge) and receives on the bridge device itself.
    const crossed = steps.some(
      (s) =>
        s.where === b.ns?.label &&
        ((s.stage === 'bridge' && param(s, 'br') === name) || ((s.id === 'route.outVia' || s.id === 'route.outDev') && param(s, 'dev') === name) || (s.id === 'link.arrived' && param(s, 'dev') === name)),
    );
    if (!crossed) return { passed: false, msg: m('path.reachesEchoRequestDid', { from: r.label, dst, at: at.label, br: name }) };
  }
  return { passed: true, msg: m('path.reachesEchoReplyTtl', { from: r.label, dst, at: at.label, ttl: String(p.ttl) }) };
}
