// Checks shared by the break-fix labs. They exercise the state the way the
// goal names it: an echo that really crosses the router and is answered by
// the namespace that owns the address, a SYN that the firewall still drops,
// a chain policy that is still what the goal asks to keep.

import { parseIp4 } from '../src/kernel/addr.ts';
import { nfTable } from '../src/kernel/netfilter/netfilter.ts';
import { explainProbe, probeEcho, resolveNs, tracedSyn, type CheckCtx } from '../src/labs/checks.ts';
import type { CheckOutcome } from '../src/labs/types.ts';

/**
 * Check: `from` reaches `dst` by ICMP echo, the request is answered by the
 * namespace `owner` (not an address the learner put somewhere nearer) and,
 * when `via` is given, it was forwarded by that namespace on the way.
 */
export async function reachesThrough(ctx: CheckCtx, from: string, dst: string, owner: string, via?: string): Promise<CheckOutcome> {
  const r = resolveNs(ctx, from);
  if (!r.ns) return { passed: false, message: `namespace ${from} does not exist` };
  const o = resolveNs(ctx, owner);
  const addr = parseIp4(dst)!;
  if (r.ns.isLocalAddr(addr)) return { passed: false, message: `${dst} is an address of ${r.label} itself now: the goal is to reach ${o.label}'s ${dst} across the network, not a local copy of it` };
  const p = await probeEcho(ctx.world, r.ns, addr);
  if (!p.ok) return { passed: false, message: explainProbe(r.label, dst, p) };
  const answered = p.trace.steps.find((s) => s.stage === 'icmp' && s.what.startsWith('echo request'));
  if (!o.ns || !answered || answered.where !== o.ns.label) {
    return { passed: false, message: `${r.label} gets a reply for ${dst}, but not from ${o.label}${answered ? ` (${answered.where} answered)` : ''}: the goal is to reach ${o.label} itself` };
  }
  if (via) {
    const v = resolveNs(ctx, via);
    const fwd = p.trace.steps.some((s) => s.where === v.ns?.label && s.stage === 'routing' && s.what.startsWith('forward '));
    if (!fwd) return { passed: false, message: `${r.label} reaches ${dst}, but the echo request was not forwarded by ${v.label}: the goal is the path through ${v.label}` };
  }
  return { passed: true, message: `${r.label} reaches ${dst} (echo reply from ${o.label}, ttl ${p.ttl})` };
}

/** Check: a SYN from `from` to `dst`:`port` is still dropped by the filter table of `fw` (a rule the goal says to keep; `what` names the traffic). */
export async function synDroppedBy(ctx: CheckCtx, from: string, dst: string, port: number, fw: string, what: string): Promise<CheckOutcome> {
  const r = resolveNs(ctx, from);
  if (!r.ns) return { passed: false, message: `namespace ${from} does not exist` };
  const f = resolveNs(ctx, fw);
  const t = await tracedSyn(ctx.world, r.ns, parseIp4(dst)!, port);
  const drop = t.steps.find((s) => s.stage === 'drop' && s.where === f.ns?.label && /filter/.test(s.what));
  if (drop) return { passed: true, message: `${what} is still blocked: a SYN from ${r.label} to ${dst}:${port} is dropped in ${f.label} (${drop.what})` };
  return { passed: false, message: `${what} is no longer blocked: a SYN from ${r.label} to ${dst}:${port} passes ${f.label}'s filter table — the goal keeps that rule; fix only the one that is wrong` };
}

/** Check: the policy of a built-in filter chain in `fw` is still `policy`. */
export function policyIs(ctx: CheckCtx, fw: string, chain: string, policy: string): CheckOutcome {
  const f = resolveNs(ctx, fw);
  const c = f.ns ? nfTable(f.ns, 'filter')?.chains.get(chain) : undefined;
  const got = c?.policy ?? 'ACCEPT';
  if (got === policy) return { passed: true, message: `the ${chain} policy in ${f.label} is still ${policy}` };
  return { passed: false, message: `the ${chain} policy in ${f.label} is ${got}: the goal keeps the firewall's default (${policy}) and lets only the missing traffic through` };
}
