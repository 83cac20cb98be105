// Checks shared by the DNS labs. They exercise state the way a program
// would: a process on the lab host calls the system resolver (NSS:
// /etc/nsswitch.conf, /etc/hosts, /etc/resolv.conf, DNS queries over the
// simulated UDP path), then an ICMP echo goes to the address it got.

import { fmtIp4, parseIp4 } from '../src/kernel/addr.ts';
import type { Ipv4Packet } from '../src/kernel/packet.ts';
import type { Tap } from '../src/kernel/stack.ts';
import { devNullIn, devNullOut, type Process } from '../src/kernel/proc.ts';
import type { Kernel } from '../src/kernel/kernel.ts';
import { explainProbe, probeEcho, type CheckCtx } from '../src/labs/checks.ts';
import type { CheckOutcome } from '../src/labs/types.ts';
import { GAI_TEXT, resolveHost } from '../src/userland/lib/resolve.ts';
import { dnsAddrInfo, resolvConfOf } from '../src/userland/dns/client.ts';
import '../src/userland/dns/index.ts';
import { m, type Msg } from '../src/labs/messages.ts';

/** Run `fn` as a short-lived process on host `k` (init namespace), driving the clock. */
async function asProcess<T>(ctx: CheckCtx, k: Kernel, fn: (p: Process) => Promise<T>): Promise<T | undefined> {
  const p = k.procs.spawn({ ppid: 1, argv: ['labcheck'], env: {}, cwd: '/', netns: k.initNs, stdin: devNullIn, stdout: devNullOut, stderr: devNullOut, exec: async () => 127 });
  try {
    const r = await ctx.world.run(fn(p), { maxVirtualMs: 60_000 });
    return r.done ? r.value : undefined;
  } finally {
    p.exit(0);
  }
}

/** The DNS query label a name starts with (length byte and text), to spot its queries on the wire. */
const firstLabel = (name: string): string => String.fromCharCode(name.split('.')[0]!.length) + name.split('.')[0];

/**
 * What getaddrinfo(name, AF_INET) returns on `host`: an address or the gai
 * error text, and whether the resolver sent a DNS query for it on the way.
 */
export async function lookup(ctx: CheckCtx, host: string, name: string): Promise<{ addr?: string; error?: string; askedDns: boolean }> {
  const k = ctx.world.host(host);
  const label = firstLabel(name);
  let askedDns = false;
  const tap: Tap = (_dev, frame, dir) => {
    if (dir !== 'out' || frame.type !== 'ipv4') return;
    const u = (frame.payload as Ipv4Packet).payload;
    if (u.proto === 'udp' && u.dport === 53 && u.data.includes(label)) askedDns = true;
  };
  k.stack.taps.add(tap);
  let r;
  try {
    r = await asProcess(ctx, k, (p) => resolveHost(p, name, 4));
  } finally {
    k.stack.taps.delete(tap);
  }
  if (r === undefined) return { error: 'the lookup did not finish', askedDns };
  if (typeof r === 'string') return { error: GAI_TEXT[r], askedDns };
  return { addr: r[0]?.addr, askedDns };
}

/** Check: on `host`, `name` resolves to `want` through the system resolver (with `filesOnly`, from /etc/hosts without asking DNS). */
export async function resolvesTo(ctx: CheckCtx, host: string, name: string, want: string, hint: Msg, filesOnly = false): Promise<CheckOutcome> {
  const r = await lookup(ctx, host, name);
  if (r.error) return { passed: false, msg: m('dns.lookingUpFails', { host, name, err: r.error, hint }) };
  if (r.addr !== want) return { passed: false, msg: m('dns.resolvesNotFirstMatching', { host, name, addr: String(r.addr), want }) };
  if (filesOnly && r.askedDns) {
    return { passed: false, msg: m('dns.resolvesThroughDnsQuery', { host, name, want }) };
  }
  return { passed: true, msg: m('dns.resolves', { host, name, want }) };
}

/** Check: on `host`, the name resolves and an ICMP echo to that address gets a reply (what `ping -c 1 NAME` does). */
export async function pingsByName(ctx: CheckCtx, host: string, name: string): Promise<CheckOutcome> {
  const r = await lookup(ctx, host, name);
  if (r.error || !r.addr) return { passed: false, msg: m('dns.pingFails', { name, err: r.error ?? m('dns.noAddress') }) };
  const probe = await probeEcho(ctx.world, ctx.world.host(host).initNs, parseIp4(r.addr)!);
  if (probe.ok) return { passed: true, msg: m('dns.pingGetsEchoReply', { name, addr: r.addr }) };
  return { passed: false, msg: m('dns.resolvesButLost', { name, addr: r.addr, reason: explainProbe(host, r.addr, probe) }) };
}

/**
 * Check: the DNS part of the resolver alone (no /etc/hosts) finds `name` →
 * `want` on `host` — and, with `server`, the answer reached `host` from that
 * server (a DNS server started on `host` itself does not count, unless it
 * only forwards the question to `server`).
 */
export async function dnsAnswers(ctx: CheckCtx, host: string, name: string, want: string, server?: string): Promise<CheckOutcome> {
  const k = ctx.world.host(host);
  const first = firstLabel(name);
  const srv = server ? parseIp4(server) : undefined;
  const asked: string[] = [];
  let fromServer = false;
  const tap: Tap = (_dev, frame, dir) => {
    if (frame.type !== 'ipv4') return;
    const pkt = frame.payload as Ipv4Packet;
    const u = pkt.payload;
    if (u.proto !== 'udp' || !u.data.includes(first)) return;
    if (dir === 'out' && u.dport === 53 && !asked.includes(fmtIp4(pkt.dst))) asked.push(fmtIp4(pkt.dst));
    if (dir === 'in' && u.sport === 53 && pkt.src === srv) fromServer = true;
  };
  k.stack.taps.add(tap);
  let r;
  try {
    r = await asProcess(ctx, k, async (p) => ({ rc: resolvConfOf(p), ans: await dnsAddrInfo(p, name, 4) }));
  } finally {
    k.stack.taps.delete(tap);
  }
  if (!r) return { passed: false, msg: m('dns.dnsLookupDidNot') };
  const servers = r.rc.defaultServer ? m('dns.noNameserverLine') : r.rc.nameservers.join(', ');
  if (typeof r.ans === 'string') {
    const why: Record<string, Msg> = {
      TRY_AGAIN: r.rc.search.length ? m('dns.noUsableAnswer', { servers }) : m('dns.noUsableAnswerNoSearch', { servers, name }),
      HOST_NOT_FOUND: r.rc.search.length ? m('dns.nxdomainSearch', { name, search: r.rc.search.join(' ') }) : m('dns.nxdomainNoSearch', { name }),
      NO_DATA: m('dns.noARecord'),
      NO_RECOVERY: m('dns.refused'),
    };
    return { passed: false, msg: m('dns.dnsQueryFails', { name, host, why: why[r.ans] ?? r.ans }) };
  }
  const got = r.ans.addrs.find((a) => a.family === 4)?.addr;
  if (got !== want) return { passed: false, msg: m('dns.dnsAnswersNot', { name, got: String(got), want }) };
  if (server && !fromServer) {
    return {
      passed: false,
      msg: m('dns.answerNotFromServer', { name, want, server, host, asked: asked.join(', ') || m('dns.nobody') }),
    };
  }
  return { passed: true, msg: server ? m('dns.serverAnswers', { server, name, want, canonical: r.ans.canonical }) : m('dns.dnsAnswers', { name, want, canonical: r.ans.canonical }) };
}
