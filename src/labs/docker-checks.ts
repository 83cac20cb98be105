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

function running(ctx: CheckCtx, name: string): Container | CheckOutcome {
  const e = engineOf(ctx.world.host(ctx.host));
  if (!e) return { passed: false, message: 'dockerd is not running on this host' };
  const c = e.container(name);
  if (!c) return { passed: false, message: `there is no container named ${name} (docker ps -a)` };
  if (c.status !== 'running') return { passed: false, message: `container ${name} is ${c.status}, not running (docker start ${name})` };
  return c;
}

/** A running container of `image` publishes `hostPort` to `containerPort` with the DNAT rule in the nat table. */
export function publishes(ctx: CheckCtx, image: string, hostPort: number, containerPort: number): CheckOutcome {
  const e = engineOf(ctx.world.host(ctx.host));
  if (!e) return { passed: false, message: 'dockerd is not running on this host' };
  const c = e.containers.find((x) => x.status === 'running' && x.image.tags.some((t) => t.split(':')[0] === image) && x.ports.some((b) => b.hostPort === hostPort && b.containerPort === containerPort));
  if (!c) return { passed: false, message: `no running ${image} container publishes host port ${hostPort} to its port ${containerPort} (docker run -d -p ${hostPort}:${containerPort} ${image})` };
  const b = c.ports.find((x) => x.hostPort === hostPort)!;
  const dnat = `--dport ${hostPort} -j DNAT --to-destination ${b.containerIp}:${containerPort}`;
  const nat = nfTable(ctx.world.host(ctx.host).initNs, 'nat');
  if (!nat || !saveTable(nat, false).split('\n').some((l) => l.startsWith('-A DOCKER ') && l.endsWith(dnat))) return { passed: false, message: `the nat table has no DNAT rule for port ${hostPort}` };
  return { passed: true, message: `${c.name} (${b.containerIp}) receives ${hostPort}/tcp of the host: nat DOCKER ... ${dnat}` };
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
  if (!node) return { passed: false, message: `ip netns does not list ${name}: make /var/run/netns/${name} point at /proc/${c.pid}/ns/net` };
  if (node.kind !== 'nsfs' || node.ns !== c.netns) return { passed: false, message: `/var/run/netns/${name} is not container ${name}'s namespace (its process is pid ${c.pid})` };
  const ip = [...c.endpoints.values()].find((x) => x.ip)?.ip;
  return { passed: true, message: `ip netns lists ${name}; ip netns exec ${name} ip addr shows ${ip}` };
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
      return { passed: false, message: `${from} asked ${ns} (the nameserver of its resolv.conf) for ${to} over UDP and got ${r === 'EAI_NONAME' ? 'NXDOMAIN' : 'no answer'}: ${from} is only on the default bridge, which has no embedded DNS (docker network create NET; docker network connect NET ${from})` };
    }
    if (!reachedDns) {
      return { passed: false, message: `${from} asked ${ns} for ${to} over UDP and got no answer: the query never reached the embedded DNS (look at the DOCKER_OUTPUT rules in the namespace of the container: nsenter -t $(docker inspect -f '{{.State.Pid}}' ${from}) -n iptables -t nat -S)` };
    }
    const why = r === 'EAI_NONAME' ? 'NXDOMAIN' : 'no answer: it forwarded the query to the host\'s nameservers';
    if (!shared) {
      return { passed: false, message: `the embedded DNS does not know ${to} (${why}): ${from} and ${to} share no user-defined network (docker network connect ${userNets[0].network.name} ${to})` };
    }
    return { passed: false, message: `the embedded DNS does not know ${to} (${why})` };
  }
  const ip = r[0].addr;
  if (!shared) return { passed: false, message: `${from} resolves ${to} to ${ip}, but not through a user-defined network they share` };
  if (!reachedDns) {
    return { passed: false, message: `${from} resolves ${to} to ${ip} from a file (its /etc/hosts), not through the embedded DNS of network ${shared.network.name}: the goal asks for ${from} to find ${to} by name on the network they share` };
  }
  const p = await probeEcho(ctx.world, a.netns!, parseIp4(ip)!);
  if (!p.ok) return { passed: false, message: `${from} resolved ${to} to ${ip} over DNS, but the echo request was lost: ${explainProbe(from, ip, p)}` };
  return { passed: true, message: `${from} resolves ${to} to ${ip} on network ${shared.network.name} (UDP query to 127.0.0.11) and reaches it` };
}

/**
 * Fetch `url` from host `from` by running curl there (a real TCP connection
 * through both hosts' stacks and netfilter), and expect `expect` in the body.
 */
export async function fetchesPage(ctx: CheckCtx, from: string, url: string, expect: string, what: string): Promise<CheckOutcome> {
  const k = ctx.world.host(from);
  const out = new StringOut();
  const err = new StringOut();
  const r = bootSpawn(k, ['curl', '-sS', '-m', '5', url], { netns: k.initNs, stdin: devNullIn, stdout: out, stderr: err });
  const d = await ctx.world.run(r.done, { maxVirtualMs: 10_000 });
  if (!d.done) {
    r.proc.kill('SIGKILL');
    return { passed: false, message: `curl ${url} from ${from} did not finish` };
  }
  if (d.value !== 0) return { passed: false, message: `curl ${url} from ${from} failed: ${err.text.trim() || `exit status ${d.value}`}` };
  if (!out.text.includes(expect)) return { passed: false, message: `${url} answered from ${from}, but not with ${what}` };
  return { passed: true, message: `${from} fetched ${url} over TCP and got ${what}` };
}
