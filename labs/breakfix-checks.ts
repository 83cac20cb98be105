// Checks shared by the break-fix labs. They exercise the state the way the
// goal names it: an echo that really crosses the router and is answered by
// the namespace that owns the address, a SYN that the firewall still drops,
// a chain policy that is still what the goal asks to keep.

import { parseIp4 } from '../src/kernel/addr.ts';
import { nfTable } from '../src/kernel/netfilter/netfilter.ts';
import { explainProbe, nfDropIn, probeEcho, resolveNs, tracedSyn, type CheckCtx } from '../src/labs/checks.ts';
import type { CheckOutcome } from '../src/labs/types.ts';
import { m, stepParam } from '../src/labs/messages.ts';

/**
 * Check: `from` reaches `dst` by ICMP echo, the request is answered by the
 * namespace `owner` (not an address the learner put somewhere nearer) and,
 * when `via` is given, it was forwarded by that namespace on the way.
 */
export async function reachesThrough(ctx: CheckCtx, from: string, dst: string, owner: string, via?: string): Promise<CheckOutcome> {
  const r = resolveNs(ctx, from);
  if (!r.ns) return { passed: false, msg: m('probe.namespaceDoesNotExist', { ns: from }) };
  const o = resolveNs(ctx, owner);
  const addr = parseIp4(dst)!;
  if (r.ns.isLocalAddr(addr)) return { passed: false, msg: m('breakfix.addressItselfNowGoal', { a: dst, label: r.label, owner: o.label }) };
  const p = await probeEcho(ctx.world, r.ns, addr);
  if (!p.ok) return { passed: false, msg: explainProbe(r.label, dst, p) };
  const answered = p.trace.steps.find((s) => s.id === 'icmp.echo');
  if (!o.ns || !answered || answered.where !== o.ns.label) {
    return { passed: false, msg: answered ? m('breakfix.replyNotFromOwnerAnswered', { label: r.label, dst, owner: o.label, where: answered.where }) : m('breakfix.replyNotFromOwner', { label: r.label, dst, owner: o.label }) };
  }
  if (via) {
    const v = resolveNs(ctx, via);
    const fwd = p.trace.steps.some((s) => s.where === v.ns?.label && (s.id === 'route.forwardVia' || s.id === 'route.forwardDev'));
    if (!fwd) return { passed: false, msg: m('breakfix.reachesEchoRequestWas', { label: r.label, dst, via: v.label }) };
  }
  return { passed: true, msg: m('breakfix.reachesEchoReplyTtl', { label: r.label, dst, owner: o.label, ttl: String(p.ttl) }) };
}

/** Check: a SYN from `from` to `dst`:`port` is still dropped by the filter table of `fw` (a rule the goal says to keep; `what` names the traffic). */
export async function synDroppedBy(ctx: CheckCtx, from: string, dst: string, port: number, fw: string, what: string): Promise<CheckOutcome> {
  const r = resolveNs(ctx, from);
  if (!r.ns) return { passed: false, msg: m('probe.namespaceDoesNotExist', { ns: from }) };
  const f = resolveNs(ctx, fw);
  const t = await tracedSyn(ctx.world, r.ns, parseIp4(dst)!, port);
  const drop = f.ns ? nfDropIn(t.steps, { ns: f.ns.label, table: 'filter' }) : undefined;
  if (drop) return { passed: true, msg: m('breakfix.stillBlockedSynDropped', { what, label: r.label, dst, port, fw: f.label, drop: stepParam(drop) }) };
  return { passed: false, msg: m('breakfix.noLongerBlockedSyn', { what, label: r.label, dst, port, fw: f.label }) };
}

/** Check: the policy of a built-in filter chain in `fw` is still `policy`. */
export function policyIs(ctx: CheckCtx, fw: string, chain: string, policy: string): CheckOutcome {
  const f = resolveNs(ctx, fw);
  const c = f.ns ? nfTable(f.ns, 'filter')?.chains.get(chain) : undefined;
  const got = c?.policy ?? 'ACCEPT';
  if (got === policy) return { passed: true, msg: m('breakfix.policyStill', { chain, fw: f.label, policy }) };
  return { passed: false, msg: m('breakfix.policyGoalKeepsFirewall', { chain, fw: f.label, got, policy }) };
}
