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
import { m } from '../src/labs/messages.ts';

function running(ctx: CheckCtx, name: string): Container | CheckOutcome {
  const e = engineOf(ctx.world.host(ctx.host));
  if (!e) return { passed: false, msg: m('docker.dockerdNotRunningThis') };
  const c = e.container(name);
  if (!c) return { passed: false, msg: m('docker.noContainerNamedDocker', { name }) };
  if (c.status !== 'running' || !c.netns) return { passed: false, msg: m('dtypes.containerNotRunning', { name, status: c.status }) };
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
  if (ns === ctx.world.host(ctx.host).initNs) return { passed: false, msg: m('dtypes.usesHostOwnNetwork', { name }) };
  const others = nonLo(ns);
  if (others.length) return { passed: false, msg: m('dtypes.devicesBesidesLo', { name, devs: others.join(', ') }) };
  const lo = ns.devices().find((d) => d.kind === 'loopback');
  if (!lo?.adminUp) return { passed: false, msg: m('dtypes.loDown', { name }) };
  return { passed: true, msg: m('dtypes.ownNamespaceOnlyLo', { name }) };
}

/** Check: container `name` shares the host's network namespace and `client` gets its page at `url` with no DNAT rule for the port. */
export async function onHostNetwork(ctx: CheckCtx, name: string, client: string, url: string, port: number): Promise<CheckOutcome> {
  const c = running(ctx, name);
  if (!('id' in c)) return c;
  const host = ctx.world.host(ctx.host);
  if (c.netns !== host.initNs) {
    const ports = c.ports.map((p) => `${p.hostPort}->${p.containerPort}`).join(', ');
    return { passed: false, msg: c.ports.length ? m('dtypes.ownNamespacePublishes', { name, ports, port }) : m('dtypes.ownNamespace', { name, port }) };
  }
  const nat = nfTable(host.initNs, 'nat');
  const dnat = nat ? saveTable(nat, false).split('\n').find((l) => l.includes('-j DNAT') && new RegExp(`--dport ${port}\\b`).test(l)) : undefined;
  if (dnat) return { passed: false, msg: m('dtypes.hostNatTableStill', { port, rule: dnat, name }) };
  const page = await fetchesPage(ctx, client, url, '<title>Welcome to nginx!</title>', m('docker.nginxWelcomePage'));
  if (!page.passed) return page;
  return { passed: true, msg: m('dtypes.runsHostNetworkNamespace', { name, client, url }) };
}

/** Check: container `name` shares container `with`'s namespace and fetches http://localhost/ there, answered by `with`'s server. */
export async function sharesNamespace(ctx: CheckCtx, name: string, withName: string): Promise<CheckOutcome> {
  const s = running(ctx, name);
  if (!('id' in s)) return s;
  const a = running(ctx, withName);
  if (!('id' in a)) return a;
  if (s.netns !== a.netns) {
    const where = s.netns === ctx.world.host(ctx.host).initNs ? m('dtypes.hostNamespace') : m('dtypes.namespaceOfItsOwn', { devs: nonLo(s.netns!).join(', ') || m('dtypes.onlyLo') });
    return { passed: false, msg: m('dtypes.runsNotGoalSharing', { name, where, with: withName }) };
  }
  const k = ctx.world.host(ctx.host);
  const out = new StringOut();
  const err = new StringOut();
  const r = bootSpawn(k, ['curl', '-sS', '-m', '5', 'http://localhost/'], { netns: s.netns!, stdin: devNullIn, stdout: out, stderr: err });
  const d = await ctx.world.run(r.done, { maxVirtualMs: 10_000 });
  if (!d.done) {
    r.proc.kill('SIGKILL');
    return { passed: false, msg: m('dtypes.httpLocalhostNamespaceDid', { name }) };
  }
  if (d.value !== 0 || !out.text.includes('<title>Welcome to nginx!</title>')) return { passed: false, msg: err.text.trim() ? m('dtypes.localhostNotNginxErr', { name, with: withName, err: err.text.trim() }) : m('dtypes.localhostNotNginx', { name, with: withName }) };
  return { passed: true, msg: m('dtypes.sharesNetworkNamespaceHttp', { name, with: withName }) };
}
