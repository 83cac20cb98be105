// Checks of the docker-network-types lab: each container's network namespace
// as the kernel holds it (none: only lo; host: the host's own namespace;
// container:X: X's namespace), and a real request through it.

import { StringOut, devNullIn } from '../src/kernel/proc.ts';
import type { NetNs } from '../src/kernel/netns.ts';
import { fmtIp4 } from '../src/kernel/addr.ts';
import { nfTable } from '../src/kernel/netfilter/netfilter.ts';
import { saveTable } from '../src/userland/net/iptables/format.ts';
import { bootSpawn } from '../src/userland/registry.ts';
import { engineOf, type Container } from '../src/docker/engine.ts';
import { fetchesPage } from '../src/labs/docker-checks.ts';
import type { CheckCtx } from '../src/labs/checks.ts';
import type { CheckOutcome } from '../src/labs/types.ts';

function running(ctx: CheckCtx, name: string): Container | CheckOutcome {
  const e = engineOf(ctx.world.host(ctx.host));
  if (!e) return { passed: false, message: 'dockerd is not running on this host' };
  const c = e.container(name);
  if (!c) return { passed: false, message: `there is no container named ${name} (docker ps -a)` };
  if (c.status !== 'running' || !c.netns) return { passed: false, message: `container ${name} is ${c.status}, not running` };
  return c;
}

/** The interfaces of a namespace other than lo, as `name addr` texts. */
function nonLo(ns: NetNs): string[] {
  return ns.devices().filter((d) => d.kind !== 'loopback').map((d) => `${d.name}${d.inet[0] ? ` ${fmtIp4(d.inet[0].local)}/${d.inet[0].prefixlen}` : ''}`);
}

/** Check: container `name` runs in a namespace of its own that holds nothing but lo. */
export function onlyLoopback(ctx: CheckCtx, name: string): CheckOutcome {
  const c = running(ctx, name);
  if (!('id' in c)) return c;
  const ns = c.netns!;
  if (ns === ctx.world.host(ctx.host).initNs) return { passed: false, message: `${name} uses the host's own network namespace: the goal is a container with no network at all, only its own lo` };
  const others = nonLo(ns);
  if (others.length) return { passed: false, message: `${name}'s network namespace has ${others.join(', ')} besides lo: the goal is a container with no network but lo` };
  const lo = ns.devices().find((d) => d.kind === 'loopback');
  if (!lo?.adminUp) return { passed: false, message: `${name}'s lo is down` };
  return { passed: true, message: `${name} has its own namespace with only lo (127.0.0.1)` };
}

/** Check: container `name` shares the host's network namespace and `client` gets its page at `url` with no DNAT rule for the port. */
export async function onHostNetwork(ctx: CheckCtx, name: string, client: string, url: string, port: number): Promise<CheckOutcome> {
  const c = running(ctx, name);
  if (!('id' in c)) return c;
  const host = ctx.world.host(ctx.host);
  if (c.netns !== host.initNs) {
    const pub = c.ports.length ? ` (it publishes ${c.ports.map((p) => `${p.hostPort}->${p.containerPort}`).join(', ')} through DNAT)` : '';
    return { passed: false, message: `${name} has a network namespace of its own${pub}: the goal is nginx on the host's own network, listening on the host's port ${port} itself` };
  }
  const nat = nfTable(host.initNs, 'nat');
  const dnat = nat ? saveTable(nat, false).split('\n').find((l) => l.includes('-j DNAT') && new RegExp(`--dport ${port}\\b`).test(l)) : undefined;
  if (dnat) return { passed: false, message: `the host's nat table still has a DNAT rule for port ${port} (${dnat}): the goal is ${name} answering on the host's network with no DNAT rule` };
  const page = await fetchesPage(ctx, client, url, '<title>Welcome to nginx!</title>', 'the nginx welcome page');
  if (!page.passed) return page;
  return { passed: true, message: `${name} runs in the host's network namespace; ${client} fetched ${url} with no DNAT rule on the way` };
}

/** Check: container `name` shares container `with`'s namespace and fetches http://localhost/ there, answered by `with`'s server. */
export async function sharesNamespace(ctx: CheckCtx, name: string, withName: string): Promise<CheckOutcome> {
  const s = running(ctx, name);
  if (!('id' in s)) return s;
  const a = running(ctx, withName);
  if (!('id' in a)) return a;
  if (s.netns !== a.netns) {
    const where = s.netns === ctx.world.host(ctx.host).initNs ? "the host's namespace" : `a namespace of its own (${nonLo(s.netns!).join(', ') || 'only lo'})`;
    return { passed: false, message: `${name} runs in ${where}, not in ${withName}'s: the goal is ${name} sharing ${withName}'s network namespace, so that localhost is ${withName}` };
  }
  const k = ctx.world.host(ctx.host);
  const out = new StringOut();
  const err = new StringOut();
  const r = bootSpawn(k, ['curl', '-sS', '-m', '5', 'http://localhost/'], { netns: s.netns!, stdin: devNullIn, stdout: out, stderr: err });
  const d = await ctx.world.run(r.done, { maxVirtualMs: 10_000 });
  if (!d.done) {
    r.proc.kill('SIGKILL');
    return { passed: false, message: `http://localhost/ from ${name}'s namespace did not finish` };
  }
  if (d.value !== 0 || !out.text.includes('<title>Welcome to nginx!</title>')) return { passed: false, message: `http://localhost/ from ${name}'s namespace did not answer with ${withName}'s nginx page${err.text.trim() ? ` (${err.text.trim()})` : ''}` };
  return { passed: true, message: `${name} shares ${withName}'s network namespace; http://localhost/ there is ${withName}'s nginx` };
}
