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
export async function resolvesTo(ctx: CheckCtx, host: string, name: string, want: string, hint: string, filesOnly = false): Promise<CheckOutcome> {
  const r = await lookup(ctx, host, name);
  if (r.error) return { passed: false, message: `on ${host}, looking up "${name}" fails: ${r.error} — ${hint}` };
  if (r.addr !== want) return { passed: false, message: `on ${host}, "${name}" resolves to ${r.addr}, not ${want} — the first matching /etc/hosts line wins, and /etc/hosts is read before DNS` };
  if (filesOnly && r.askedDns) {
    return { passed: false, message: `on ${host}, "${name}" resolves to ${want}, but through a DNS query, not from /etc/hosts: the goal asks for a line in /etc/hosts (and hosts: files before dns in /etc/nsswitch.conf)` };
  }
  return { passed: true, message: `on ${host}, "${name}" resolves to ${want}` };
}

/** Check: on `host`, the name resolves and an ICMP echo to that address gets a reply (what `ping -c 1 NAME` does). */
export async function pingsByName(ctx: CheckCtx, host: string, name: string): Promise<CheckOutcome> {
  const r = await lookup(ctx, host, name);
  if (r.error || !r.addr) return { passed: false, message: `ping: ${name}: ${r.error ?? 'no address'}` };
  const probe = await probeEcho(ctx.world, ctx.world.host(host).initNs, parseIp4(r.addr)!);
  if (probe.ok) return { passed: true, message: `ping ${name} (${r.addr}) gets an echo reply` };
  return { passed: false, message: `"${name}" resolves to ${r.addr}, but ${explainProbe(host, r.addr, probe)}` };
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
  if (!r) return { passed: false, message: 'the DNS lookup did not finish' };
  const servers = r.rc.defaultServer ? 'no nameserver line (so 127.0.0.1, where nothing listens)' : r.rc.nameservers.join(', ');
  if (typeof r.ans === 'string') {
    const why: Record<string, string> = {
      TRY_AGAIN: `no usable answer from ${servers} (the server is unreachable, or refused because it only answers for its own zones${r.rc.search.length ? '' : ` — there is no search line, so only the bare name "${name}" was asked`})`,
      HOST_NOT_FOUND: `the DNS server says no such name (NXDOMAIN) for every name tried: ${name}${r.rc.search.length ? ` with search ${r.rc.search.join(' ')}` : ' (no search domain, so only the bare name was asked)'}`,
      NO_DATA: 'the DNS server has the name but no A record',
      NO_RECOVERY: 'the DNS server refused the query',
    };
    return { passed: false, message: `a DNS query for "${name}" from ${host} fails: ${why[r.ans] ?? r.ans}` };
  }
  const got = r.ans.addrs.find((a) => a.family === 4)?.addr;
  if (got !== want) return { passed: false, message: `DNS answers "${name}" with ${got}, not ${want}` };
  if (server && !fromServer) {
    return {
      passed: false,
      message: `DNS answers "${name}" with ${want}, but the answer did not come from ${server}: ${host} asked ${asked.join(', ') || 'nobody over the network'}, and no answer from ${server} reached ${host}. The goal asks for ${host}'s resolver to use the central server ${server} (a DNS server on ${host} itself does not count)`,
    };
  }
  return { passed: true, message: server ? `${server} answers "${name}" with ${want} (as ${r.ans.canonical})` : `DNS answers "${name}" with ${want} (as ${r.ans.canonical})` };
}
