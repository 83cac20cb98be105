// Lab checks over the Docker engine's state and the kernel it programmed:
// each names what it found, so a failure tells the learner where to look.

import { parseIp4 } from '../kernel/addr.ts';
import { probeEcho, explainProbe, type CheckCtx } from './checks.ts';
import type { CheckOutcome } from './types.ts';
import { StringOut, devNullIn, devNullOut } from '../kernel/proc.ts';
import { resolveHost, type ResolvedAddr, type ResolveError } from '../userland/lib/resolve.ts';
import '../userland/dns/index.ts'; // the DNS part of getaddrinfo (the stub resolver over UDP)
import { bootSpawn } from '../userland/registry.ts';
import { engineOf, type Container } from '../docker/engine.ts';
import { nfTable } from '../kernel/netfilter/netfilter.ts';
import { saveTable } from '../userland/net/iptables/format.ts';
import { m, type Msg } from './messages.ts';

function running(ctx: CheckCtx, name: string): Container | CheckOutcome {
  const e = engineOf(ctx.world.host(ctx.host));
  if (!e) return { passed: false, msg: m('docker.dockerdNotRunningThis') };
  const c = e.container(name);
  if (!c) return { passed: false, msg: m('docker.noContainerNamedDocker', { name }) };
  if (c.status !== 'running') return { passed: false, msg: m('docker.containerNotRunningDocker', { name, status: c.status }) };
  return c;
}

/** A running container of `image` publishes `hostPort` to `containerPort` with the DNAT rule in the nat table. */
export function publishes(ctx: CheckCtx, image: string, hostPort: number, containerPort: number): CheckOutcome {
  const e = engineOf(ctx.world.host(ctx.host));
  if (!e) return { passed: false, msg: m('docker.dockerdNotRunningThis') };
  const c = e.containers.find((x) => x.status === 'running' && x.image.tags.some((t) => t.split(':')[0] === image) && x.ports.some((b) => b.hostPort === hostPort && b.containerPort === containerPort));
  if (!c) return { passed: false, msg: m('docker.noRunningContainerPublishes', { image, hp: hostPort, cp: containerPort }) };
  const b = c.ports.find((x) => x.hostPort === hostPort)!;
  const dnat = `--dport ${hostPort} -j DNAT --to-destination ${b.containerIp}:${containerPort}`;
  const nat = nfTable(ctx.world.host(ctx.host).initNs, 'nat');
  if (!nat || !saveTable(nat, false).split('\n').some((l) => l.startsWith('-A DOCKER ') && l.endsWith(dnat))) return { passed: false, msg: m('docker.natTableNoDnat', { port: hostPort }) };
  return { passed: true, msg: m('docker.receivesTcpHostNat', { name: c.name, ip: b.containerIp, port: hostPort, rule: dnat }) };
}

/** `ip netns` lists `name` and it is the namespace of container `name`, holding its address. */
export function netnsIsContainer(ctx: CheckCtx, name: string): CheckOutcome {
  const c = running(ctx, name);
  if (!('id' in c)) return c;
  const k = ctx.world.host(ctx.host);
  let node;
  try {
    node = k.vfs.tryLookup(`/run/netns/${name}`, { proc: c.proc, netns: c.netns });
  } catch {
    node = undefined;
  }
  if (!node) return { passed: false, msg: m('docker.ipNetnsDoesNot', { name, pid: c.pid }) };
  if (node.kind !== 'nsfs' || node.ns !== c.netns) return { passed: false, msg: m('docker.varRunNetnsNot', { name, pid: c.pid }) };
  const ip = [...c.endpoints.values()].find((x) => x.ip)?.ip;
  return { passed: true, msg: m('docker.ipNetnsListsIp', { name, ip: String(ip) }) };
}

/**
 * Resolve `name` the way a program in container `c` does: a process in the
 * container (a child of its shim, so it sees the container's /etc files and
 * lives in its namespace) calls getaddrinfo — /etc/hosts, then a UDP query
 * to the nameserver of its resolv.conf, 127.0.0.11, which the container's
 * nat rules send to the embedded DNS.
 */
async function lookupInContainer(ctx: CheckCtx, c: Container, name: string): Promise<ResolvedAddr[] | ResolveError | 'stalled'> {
  const k = ctx.world.host(ctx.host);
  const parent = c.shim ?? c.proc!;
  const p = k.procs.spawn({ ppid: parent.pid, argv: ['getent', 'ahostsv4', name], env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', netns: c.netns, stdin: devNullIn, stdout: devNullOut, stderr: devNullOut, exec: parent.exec });
  p.overlay = c.overlay;
  try {
    const d = await ctx.world.run(resolveHost(p, name, 4), { maxVirtualMs: 30_000 });
    return d.done ? d.value : 'stalled';
  } finally {
    p.exit(0);
  }
}

/** `from` and `to` share a user-defined network and `from` resolves `to` through the embedded DNS and reaches it. */
export async function reachesByName(ctx: CheckCtx, from: string, to: string): Promise<CheckOutcome> {
  const a = running(ctx, from);
  if (!('id' in a)) return a;
  const b = running(ctx, to);
  if (!('id' in b)) return b;
  const userNets = [...a.endpoints.values()].filter((ep) => ep.network.name !== 'bridge' && ep.network.driver === 'bridge');
  const shared = userNets.find((ep) => b.endpoints.has(ep.network.name));
  const servedBefore = a.dns?.served ?? 0;
  const r = await lookupInContainer(ctx, a, to);
  const reachedDns = (a.dns?.served ?? 0) > servedBefore;
  if (typeof r === 'string') {
    const ns = /^nameserver\s+(\S+)/m.exec(a.etc.resolvConf)?.[1] ?? '127.0.0.1';
    if (!userNets.length) {
      return { passed: false, msg: m('docker.defaultBridgeNoDns', { from, ns, to, answer: r === 'EAI_NONAME' ? m('docker.nxdomain') : m('docker.noAnswer') }) };
    }
    if (!reachedDns) {
      return { passed: false, msg: m('docker.askedOverUdpGot', { from, ns, to }) };
    }
    const why = r === 'EAI_NONAME' ? 'NXDOMAIN' : m('docker.noAnswerForwarded');
    if (!shared) {
      return { passed: false, msg: m('docker.embeddedDnsDoesNot', { to, why, from, net: userNets[0].network.name }) };
    }
    return { passed: false, msg: m('docker.embeddedDnsDoesNot2', { to, why }) };
  }
  const ip = r[0].addr;
  if (!shared) return { passed: false, msg: m('docker.resolvesNotThroughUser', { from, to, ip }) };
  if (!reachedDns) {
    return { passed: false, msg: m('path.resolvesFileEtcHosts', { from, to, ip, net: shared.network.name }) };
  }
  const p = await probeEcho(ctx.world, a.netns!, parseIp4(ip)!);
  if (!p.ok) return { passed: false, msg: m('docker.resolvedOverDnsEcho', { from, to, ip, reason: explainProbe(from, ip, p) }) };
  return { passed: true, msg: m('docker.resolvesNetworkUdpQuery', { from, to, ip, net: shared.network.name }) };
}

/**
 * Fetch `url` from host `from` by running curl there (a real TCP connection
 * through both hosts' stacks and netfilter), and expect `expect` in the body.
 */
export async function fetchesPage(ctx: CheckCtx, from: string, url: string, expect: string, what: Msg): Promise<CheckOutcome> {
  const k = ctx.world.host(from);
  const out = new StringOut();
  const err = new StringOut();
  const r = bootSpawn(k, ['curl', '-sS', '-m', '5', url], { netns: k.initNs, stdin: devNullIn, stdout: out, stderr: err });
  const d = await ctx.world.run(r.done, { maxVirtualMs: 10_000 });
  if (!d.done) {
    r.proc.kill('SIGKILL');
    return { passed: false, msg: m('docker.curlDidNotFinish', { url, from }) };
  }
  if (d.value !== 0) return { passed: false, msg: m('docker.curlFailed', { url, from, err: err.text.trim() || m('docker.exitStatus', { code: d.value }) }) };
  if (!out.text.includes(expect)) return { passed: false, msg: m('docker.answeredNot', { url, from, what }) };
  return { passed: true, msg: m('docker.fetchedOverTcpGot', { from, url, what }) };
}
