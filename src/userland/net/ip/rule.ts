import { NOT_SIMULATED_STATUS, declareNotSimulated, notSimulatedMessage } from '../../registry.ts';
// `ip rule`: show / add / del IPv4 policy-routing rules, after ip/iprule.c.
// Rules live in the namespace's Fib; priorities default as the kernel's
// fib_default_rule_pref() picks them.

import type { Rule } from '../../../kernel/fib.ts';
import { RT_TABLE } from '../../../kernel/fib.ts';
import { fmtIp4 } from '../../../kernel/addr.ts';
import { KernelError } from '../../../kernel/errno.ts';
import { AF_INET6, Args, type Ip, matches, parseCInt } from './common.ts';
import { COLOR_INET, PRINT_ANY, PRINT_FP } from './print.ts';
import { getPrefix, tableName, tableNum } from './inet.ts';
import { USAGE_RULE } from './help.ts';

function printRule(ip: Ip, r: Rule): void {
  const o = ip.out;
  o.openObject();
  o.num(PRINT_ANY, 'priority', '%u:\t', r.priority);
  if (r.from) {
    o.string(PRINT_FP, null, 'from ', null);
    o.colorString(PRINT_ANY, COLOR_INET, 'src', '%s', fmtIp4(r.from.addr));
    if (r.from.len !== 32) o.num(PRINT_ANY, 'srclen', '/%u', r.from.len);
  } else o.string(PRINT_ANY, 'src', 'from %s', 'all');
  if (r.to) {
    o.string(PRINT_FP, null, ' to ', null);
    o.colorString(PRINT_ANY, COLOR_INET, 'dst', '%s', fmtIp4(r.to.addr));
    if (r.to.len !== 32) o.num(PRINT_ANY, 'dstlen', '/%u', r.to.len);
  }
  if (r.fwmark !== undefined) {
    o.string(PRINT_ANY, 'fwmark', ' fwmark %s', `0x${r.fwmark.toString(16)}`);
    if (r.fwmask !== undefined && r.fwmask !== 0xffffffff) o.string(PRINT_ANY, 'fwmask', '/%s', `0x${r.fwmask.toString(16)}`);
  }
  if (r.iif !== undefined) {
    o.string(PRINT_FP, null, ' iif ', null);
    o.string(PRINT_ANY, 'iif', '%s', r.iif);
  }
  if (r.oif !== undefined) {
    o.string(PRINT_FP, null, ' oif ', null);
    o.string(PRINT_ANY, 'oif', '%s', r.oif);
  }
  if (r.action === 'lookup') o.string(PRINT_ANY, 'table', ' lookup %s', tableName(r.table));
  else o.string(PRINT_ANY, 'action', ' %s', r.action);
  o.string(PRINT_FP, null, '\n', '');
  o.closeObject();
}

function list(ip: Ip, argv: string[]): number {
  if (ip.family === AF_INET6) {
    ip.out.newJson(!!ip.json, !!ip.pretty);
    ip.out.deleteJson();
    return 0;
  }
  const f = parseSelector(ip, argv, false);
  ip.out.newJson(!!ip.json, !!ip.pretty);
  for (const r of sorted(ip)) if (selects(f, r)) printRule(ip, r);
  ip.out.deleteJson();
  return 0;
}

/** A rule selector as `ip rule list|del` filters take it (iprule.c filter_nlmsg). */
interface Selector {
  priority?: number;
  table?: number;
  from?: { addr: number; len: number };
  to?: { addr: number; len: number };
  fwmark?: number;
  fwmask?: number;
  iif?: string;
  oif?: string;
  action?: Rule['action'];
}

function parseSelector(ip: Ip, argv: string[], _del: boolean): Selector {
  const f: Selector = {};
  const a = new Args(ip, argv);
  while (a.more) {
    const w = a.cur;
    if (matches(w, 'preference') || matches(w, 'order') || matches(w, 'priority')) {
      const v = a.next();
      const n = parseCInt(v, true);
      if (n === undefined) ip.invarg('preference value is invalid\n', v);
      f.priority = n;
    } else if (matches(w, 'table') || w === 'lookup') {
      const v = a.next();
      const t = tableNum(v);
      if (t === undefined) ip.invarg('table id value is invalid\n', v);
      f.table = t;
    } else if (w === 'from') {
      const p = getPrefix(ip, a.next(), ip.family);
      if (!p.special) f.from = { addr: p.v4, len: p.bitlen };
    } else if (w === 'to') {
      const p = getPrefix(ip, a.next(), ip.family);
      if (!p.special) f.to = { addr: p.v4, len: p.bitlen };
    } else if (w === 'dev' || w === 'iif') {
      f.iif = a.next();
    } else if (w === 'oif') {
      f.oif = a.next();
    } else if (w === 'fwmark') {
      const arg = a.next();
      const [v, m] = arg.split('/', 2);
      const n = parseCInt(v, true);
      if (n === undefined) ip.invarg('fwmark value is invalid\n', v);
      f.fwmark = n;
      if (arg.includes('/')) f.fwmask = parseCInt(m, true);
    } else if (matches(w, 'all')) {
      // every rule
    } else if (matches(w, 'help')) {
      ip.die(USAGE_RULE);
    } else {
      ip.die(`Error: argument "${w}" is wrong: Failed to parse rule type\n`);
    }
    a.shift();
  }
  return f;
}

function selects(f: Selector, x: Rule): boolean {
  return (
    (f.priority === undefined || x.priority === f.priority) &&
    (f.table === undefined || (x.action === 'lookup' && x.table === f.table)) &&
    (!f.from || (!!x.from && x.from.addr === f.from.addr && x.from.len === f.from.len)) &&
    (!f.to || (!!x.to && x.to.addr === f.to.addr && x.to.len === f.to.len)) &&
    (f.fwmark === undefined || x.fwmark === f.fwmark) &&
    (f.fwmask === undefined || (x.fwmask ?? 0xffffffff) === f.fwmask) &&
    (f.iif === undefined || x.iif === f.iif) &&
    (f.oif === undefined || x.oif === f.oif)
  );
}

function sorted(ip: Ip): Rule[] {
  return ip.ns.ruleDump().map((r, i) => [r, i] as const).sort((a, b) => a[0].priority - b[0].priority || a[1] - b[1]).map(([r]) => r);
}

function modify(ip: Ip, add: boolean, argv: string[]): number {
  if (add && argv.length === 0) {
    ip.err('"ip rule add" requires arguments.\n');
    return -1;
  }
  const r: Partial<Rule> = {};
  let tableSet = false;
  let action: Rule['action'] | undefined;
  const a = new Args(ip, argv);
  while (a.more) {
    const w = a.cur;
    if (w === 'not') ip.die(notSimulatedMessage('ip', 'rule not'), NOT_SIMULATED_STATUS);
    else if (w === 'from') {
      const p = getPrefix(ip, a.next(), ip.family);
      if (!p.special) r.from = { addr: p.v4, len: p.bitlen };
    } else if (w === 'to') {
      const p = getPrefix(ip, a.next(), ip.family);
      if (!p.special) r.to = { addr: p.v4, len: p.bitlen };
    } else if (matches(w, 'preference') || matches(w, 'order') || matches(w, 'priority')) {
      const v = a.next();
      const n = parseCInt(v, true);
      if (n === undefined) ip.invarg('preference value is invalid\n', v);
      r.priority = n;
    } else if (w === 'fwmark') {
      const arg = a.next();
      const [v, m] = arg.split('/', 2);
      const n = parseCInt(v, true);
      if (n === undefined) ip.invarg('fwmark value is invalid\n', v);
      r.fwmark = n;
      if (arg.includes('/')) {
        const mask = parseCInt(m, true);
        if (mask === undefined) ip.invarg('fwmask value is invalid\n', m);
        r.fwmask = mask;
      }
    } else if (matches(w, 'table') || w === 'lookup') {
      const v = a.next();
      const t = tableNum(v);
      if (t === undefined) ip.invarg('invalid table ID\n', v);
      r.table = t;
      tableSet = true;
    } else if (w === 'dev' || w === 'iif') {
      r.iif = a.next();
    } else if (w === 'oif') {
      r.oif = a.next();
    } else if (w === 'blackhole' || w === 'unreachable' || w === 'prohibit') {
      action = w;
    } else if (matches(w, 'help')) {
      ip.die(USAGE_RULE);
    } else if (w === 'type') {
      const v = a.next();
      if (v === 'blackhole' || v === 'unreachable' || v === 'prohibit') action = v;
    } else {
      return ip.die(`Error: argument "${w}" is wrong: Failed to parse rule type\n`);
    }
    a.shift();
  }
  if (!add) {
    const victim = sorted(ip).find(
      (x) =>
        (r.priority === undefined || x.priority === r.priority) &&
        (!r.from || (x.from && x.from.addr === r.from.addr && x.from.len === r.from.len)) &&
        (!r.to || (x.to && x.to.addr === r.to.addr && x.to.len === r.to.len)) &&
        (r.fwmark === undefined || (x.fwmark === r.fwmark && (x.fwmask ?? 0xffffffff) === (r.fwmask ?? 0xffffffff))) &&
        (r.iif === undefined || x.iif === r.iif) &&
        (r.oif === undefined || x.oif === r.oif) &&
        (!tableSet || x.table === r.table) &&
        (!action || x.action === action),
    );
    if (!victim) return ip.rtnlError(new KernelError('ENOENT'));
    ip.ns.ruleRemove(victim);
    return 0;
  }
  let prio = r.priority;
  if (prio === undefined) {
    const s = sorted(ip);
    prio = s.length > 1 && s[1].priority ? s[1].priority - 1 : 0;
  }
  const rule: Rule = {
    priority: prio,
    table: action ? 0 : (r.table ?? RT_TABLE.main),
    from: r.from,
    to: r.to,
    fwmark: r.fwmark,
    fwmask: r.fwmask,
    iif: r.iif,
    oif: r.oif,
    action: action ?? 'lookup',
  };
  try {
    // fib_nl_newrule with NLM_F_EXCL: EEXIST when an identical rule already exists.
    ip.ns.ruleAdd(rule);
  } catch (e) {
    return ip.rtnlError(e);
  }
  return 0;
}

/** do_iprule(). */
export function doIprule(ip: Ip, argv: string[]): number {
  if (argv.length < 1) return list(ip, []);
  const w = argv[0];
  const rest = argv.slice(1);
  if (matches(w, 'list') || matches(w, 'show') || matches(w, 'lst')) return list(ip, rest);
  if (matches(w, 'add')) return modify(ip, true, rest);
  if (matches(w, 'delete')) return modify(ip, false, rest);
  if (matches(w, 'flush')) {
    // iprule.c flush_rule deletes every rule that carries FRA_PRIORITY, i.e.
    // all but priority 0 (the local rule): main and default go too.
    for (const r of ip.ns.ruleDump()) if (r.priority !== 0) ip.ns.ruleRemove(r);
    return 0;
  }
  if (matches(w, 'help')) ip.die(USAGE_RULE);
  return ip.die(`Command "${w}" is unknown, try "ip rule help".\n`);
}

declareNotSimulated({ tool: 'ip', kind: 'attribute', item: 'rule add not …', why: 'inverted rule selectors are not modelled' });
