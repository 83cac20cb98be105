// Checks of the overlay labs: what crosses the router while a pod pings
// another pod (captured on the router's interfaces, as `tcpdump` there would
// show it), and that the router is still as the lab built it.

import { fmtIp4, parseIp4 } from '../src/kernel/addr.ts';
import type { NetNs } from '../src/kernel/netns.ts';
import type { EthFrame, Ipv4Packet } from '../src/kernel/packet.ts';
import type { Tap } from '../src/kernel/stack.ts';
import { nfTable } from '../src/kernel/netfilter/netfilter.ts';
import { saveTable } from '../src/userland/net/iptables/format.ts';
import { explainProbe, httpGet, probeEcho, resolveNs, type CheckCtx } from '../src/labs/checks.ts';
import type { CheckOutcome } from '../src/labs/types.ts';
import { reachesThrough } from './breakfix-checks.ts';
import { m } from '../src/labs/messages.ts';

/** One IPv4 packet seen arriving on the router, reduced to what the check reads. */
interface Seen {
  dev: string;
  outer: string;
  udpPort?: number;
  inner?: { src: number; dst: number; icmp: boolean };
  src: number;
  dst: number;
  icmp: boolean;
}

function summarize(dev: string, f: EthFrame): Seen | undefined {
  if (f.type !== 'ipv4') return undefined;
  const p = f.payload as Ipv4Packet;
  const l = p.payload;
  const s: Seen = { dev, src: p.src, dst: p.dst, icmp: l.proto === 'icmp', outer: `${l.proto.toUpperCase()} ${fmtIp4(p.src)} → ${fmtIp4(p.dst)}${l.proto === 'icmp' ? '' : `:${l.dport}`}` };
  if (l.proto === 'udp') {
    s.udpPort = l.dport;
    if (l.vxlan?.frame.type === 'ipv4') {
      const ip = l.vxlan.frame.payload as Ipv4Packet;
      s.inner = { src: ip.src, dst: ip.dst, icmp: ip.payload.proto === 'icmp' };
    }
  }
  return s;
}

/**
 * Check: pod `from` reaches pod `to` (answered by `to`, forwarded by the
 * router), and on the router the echo request travelled inside VXLAN on UDP
 * 4789 with the pods' own addresses inside — never as a bare pod packet.
 */
export async function tunnelledPing(ctx: CheckCtx, from: string, to: string, toIp: string, router: string): Promise<CheckOutcome> {
  const f = resolveNs(ctx, from);
  const r = resolveNs(ctx, router);
  if (!f.ns || !r.ns) return { passed: false, msg: m('probe.namespaceDoesNotExist', { ns: f.ns ? router : from }) };
  const rns: NetNs = r.ns;
  const seen: Seen[] = [];
  const tap: Tap = (d, frame, dir) => {
    if (d.ns !== rns || dir !== 'in') return;
    const s = summarize(d.name, frame);
    if (s) seen.push(s);
  };
  const fromIp = f.ns.devices().flatMap((d) => d.inet).find((a) => a.scope === 0 && (a.local >>> 24) === 10)?.local;
  const dst = parseIp4(toIp)!;
  r.k.stack.taps.add(tap);
  let p;
  try {
    p = await probeEcho(ctx.world, f.ns, dst);
  } finally {
    r.k.stack.taps.delete(tap);
  }
  if (!p.ok) {
    const noRoute = p.trace.steps.find((s) => s.id === 'route.noneNet' || s.id === 'route.noneType');
    if (noRoute && !p.routeError) return { passed: false, msg: m('overlay.reachedNodeWithoutRoute', { from, to: toIp, where: noRoute.where.split('/').pop()!, router }) };
    return { passed: false, msg: explainProbe(f.label, toIp, p) };
  }
  const reach = await reachesThrough(ctx, from, toIp, to, router);
  if (!reach.passed) return reach;
  const bare = seen.find((s) => s.icmp && s.dst === dst);
  if (bare) return { passed: false, msg: m('overlay.echoRequestCrossedPlain', { from, router, outer: bare.outer, dev: bare.dev }) };
  const tun = seen.find((s) => s.inner && s.inner.dst === dst && s.inner.icmp);
  if (!tun) {
    const other = seen[0];
    return { passed: false, msg: other ? m('overlay.noVxlanSaw', { from, to: toIp, router, outer: other.outer }) : m('overlay.noVxlan', { from, to: toIp, router }) };
  }
  if (tun.udpPort !== 4789) return { passed: false, msg: m('overlay.echoRequestCrossedInside', { from, router, port: String(tun.udpPort), outer: tun.outer }) };
  if (fromIp !== undefined && tun.inner!.src !== fromIp) return { passed: false, msg: m('overlay.insideTunnelEchoRequest', { src: fmtIp4(tun.inner!.src), from, own: fmtIp4(fromIp) }) };
  return { passed: true, msg: m('overlay.reachesRequestCarrying', { from, to: toIp, router, outer: tun.outer, src: fmtIp4(tun.inner!.src), dst: fmtIp4(tun.inner!.dst) }) };
}

/** Check: the router still has only its connected routes, its original rules (`-A …` lines of the filter table; none elsewhere), and its original addresses. */
export function routerUntouched(ctx: CheckCtx, router: string, addrs: string[], filterRules: string[] = []): CheckOutcome {
  const r = resolveNs(ctx, router);
  if (!r.ns) return { passed: false, msg: m('probe.namespaceDoesNotExist', { ns: router }) };
  const extra = r.ns.fib.table(254).filter((rt) => rt.protocol !== 'kernel');
  if (extra.length) return { passed: false, msg: m('overlay.routerNewRoute', { router, dst: `${fmtIp4(extra[0]!.dst)}/${extra[0]!.dstLen}` }) };
  for (const t of ['filter', 'nat', 'mangle', 'raw'] as const) {
    const tab = nfTable(r.ns, t);
    const rules = tab ? saveTable(tab, false).split('\n').filter((l) => l.startsWith('-A ')) : [];
    const want = t === 'filter' ? filterRules : [];
    if (rules.length !== want.length || rules.some((l, i) => l !== want[i])) return { passed: false, msg: m('overlay.tableNotWasIptables', { router, t }) };
  }
  const have = r.ns.devices().flatMap((d) => d.inet.map((a) => `${fmtIp4(a.local)}/${a.prefixlen}`)).filter((a) => !a.startsWith('127.'));
  if (have.length !== addrs.length || addrs.some((a) => !have.includes(a))) return { passed: false, msg: m('overlay.routerAddressesChanged', { router, have: have.join(', ') }) };
  return { passed: true, msg: filterRules.length ? m('overlay.routerUntouchedOwnRules', { router }) : m('overlay.routerUntouched', { router }) };
}

/**
 * Check: `from` fetches a small page and then a large one from `base` over
 * real TCP; the large one must arrive whole (it ends with `marker`). A
 * failure of only the large one is the signature of an MTU problem.
 */
export async function largeTransfer(ctx: CheckCtx, from: string, base: string, marker: string): Promise<CheckOutcome> {
  const small = await httpGet(ctx, from, `${base}/index.html`);
  if (!small.passed) return small;
  const big = await httpGet(ctx, from, `${base}/big.html`, marker);
  if (big.passed) return { passed: true, msg: m('overlay.fetchedWhole', { from, url: `${base}/big.html`, marker }) };
  return { passed: false, msg: m('overlay.largePageLost', { from, small: `${base}/index.html`, big: `${base}/big.html` }) };
}

/**
 * Check: on node `node`, the device that carries traffic to `podIp` is a
 * VXLAN device whose MTU leaves room for the 50 bytes of encapsulation on
 * its underlay, and the local pods' interfaces (`pods`: namespace:device)
 * are no larger than the tunnel.
 */
export function overlayMtus(ctx: CheckCtx, node: string, podIp: string, pods: string[]): CheckOutcome {
  const n = resolveNs(ctx, node);
  if (!n.ns) return { passed: false, msg: m('probe.namespaceDoesNotExist', { ns: node }) };
  let tun;
  try {
    tun = n.k.stack.routeOutput(n.ns, parseIp4(podIp)!).dev;
  } catch {
    return { passed: false, msg: m('overlay.noRoute', { node, ip: podIp }) };
  }
  if (tun.kind !== 'vxlan' || !tun.vxlan) return { passed: false, msg: m('overlay.sendsTrafficOutNot', { node, ip: podIp, dev: tun.name }) };
  let under;
  try {
    under = tun.vxlan.remote !== undefined ? n.k.stack.routeOutput(n.ns, tun.vxlan.remote).dev : tun.vxlan.dev;
  } catch {
    under = tun.vxlan.dev;
  }
  const room = (under?.mtu ?? 1500) - 50;
  if (tun.mtu > room) return { passed: false, msg: m('overlay.tunnelMtuTooLarge', { node, dev: tun.name, mtu: tun.mtu, under: under?.name ?? 'link', umtu: under?.mtu ?? 1500, room }) };
  for (const spec of pods) {
    const [nsName, dev] = spec.split(':');
    const p = resolveNs(ctx, nsName!);
    const d = p.ns?.devByName(dev!);
    if (d && d.mtu > tun.mtu) return { passed: false, msg: m('overlay.mtuLargerThanTunnel', { ns: nsName!, dev: dev!, mtu: d.mtu, tmtu: tun.mtu }) };
  }
  return { passed: true, msg: m('overlay.mtuUnderlayPodsInterfaces', { node, dev: tun.name, mtu: tun.mtu, umtu: under?.mtu ?? 1500, room }) };
}
