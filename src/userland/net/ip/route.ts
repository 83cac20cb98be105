// `ip route`: show / flush (with iproute2's filters), add / del / replace /
// change / append, and get — after ip/iproute.c.

import type { Nexthop, Route, RouteType } from '../../../kernel/fib.ts';
import { RT_TABLE } from '../../../kernel/fib.ts';
import { fmtIp4, inNet } from '../../../kernel/addr.ts';
import { KernelError } from '../../../kernel/errno.ts';
import { IFF, SCOPE, type NetDevice } from '../../../kernel/netdev.ts';
import { AF_INET, AF_INET6, AF_UNSPEC, Args, type Ip, matches, parseCInt } from './common.ts';
import { COLOR_IFNAME, COLOR_INET, COLOR_NONE, PRINT_ANY, PRINT_FP, PRINT_JSON } from './print.ts';
import { getAddr, getPrefix, type Prefix, protoName, protoNum, protoOf, scopeName, scopeNum, tableName, tableNum } from './inet.ts';
import { USAGE_ROUTE } from './help.ts';

const RTN: RouteType[] = ['unicast', 'local', 'broadcast', 'anycast', 'multicast', 'blackhole', 'unreachable', 'prohibit', 'throw', 'nat'];
const RTN_NUM: Record<string, number> = { unspec: 0, unicast: 1, local: 2, broadcast: 3, anycast: 4, multicast: 5, blackhole: 6, unreachable: 7, prohibit: 8, throw: 9, nat: 10, xresolve: 11 };

/** rtnl_rtntype_a2n(). */
function rtnType(s: string): RouteType | undefined {
  if (s === 'brd') return 'broadcast';
  if (s === 'xresolve' || s === 'unspec') return undefined;
  return (RTN as string[]).includes(s) ? (s as RouteType) : undefined;
}

/** Route filters (struct filter in iproute.c). */
interface RouteFilter {
  tb: number;
  cloned: boolean;
  protocol: number;
  protocolmask: number;
  scope: number;
  scopemask: number;
  typemask: number;
  tos: number;
  tosmask: number;
  rdst?: Prefix;
  mdst?: Prefix;
  rvia?: Prefix;
  rprefsrc?: Prefix;
  oif: number;
  oifmask: number;
  iifmask: number;
  metric: number;
  metricmask: number;
  flush: boolean;
}

function newFilter(): RouteFilter {
  return { tb: 0, cloned: false, protocol: 0, protocolmask: 0, scope: 0, scopemask: 0, typemask: 0, tos: 0, tosmask: 0, oif: 0, oifmask: 0, iifmask: 0, metric: 0, metricmask: 0, flush: false };
}

/** A route as an RTM_NEWROUTE message would carry it (dump or `get` answer). */
interface RouteMsg {
  type: RouteType;
  dst?: number;
  dstLen: number;
  src?: number;
  tos: number;
  gateway?: number;
  oif?: NetDevice;
  iif?: NetDevice;
  table: number;
  protocol: number;
  scope: number;
  prefsrc?: number;
  metric?: number;
  flags: number;
  cloned: boolean;
  cacheFlags: number;
  uid?: number;
  mark?: number;
  route?: Route;
  /** RTAX_MTU metric and its lock bit. */
  mtu?: number;
  mtuLock?: boolean;
  /** RTA_CACHEINFO expiry of a cached PMTU (seconds). */
  expires?: number;
}

const RTNH_F_DEAD = 1;
const RTNH_F_ONLINK = 4;
const RTNH_F_LINKDOWN = 16;
const RTCF_LOCAL = 0x80000000;
const RTCF_BROADCAST = 0x10000000;

function msgOf(ip: Ip, r: Route): RouteMsg {
  let flags = 0;
  if (r.onlink) flags |= RTNH_F_ONLINK;
  const link = r.dev && r.type === 'unicast' ? ip.ns.linkMsg(r.dev) : undefined;
  if (link && link.flags & IFF.UP && !link.carrier) flags |= RTNH_F_LINKDOWN | (ip.ns.confAll.ignore_routes_with_linkdown ? RTNH_F_DEAD : 0);
  return {
    type: r.type,
    dst: r.dstLen ? r.dst : undefined,
    dstLen: r.dstLen,
    tos: r.tos,
    gateway: r.gateway,
    oif: r.dev,
    table: r.table,
    protocol: protoOf(r.protocol),
    scope: r.scope,
    prefsrc: r.prefsrc,
    metric: r.metric ? r.metric : undefined,
    flags,
    cloned: false,
    cacheFlags: 0,
    route: r,
    mtu: r.mtu,
    mtuLock: r.mtuLock,
  };
}

/** Unexpired next-hop exceptions (learned path MTUs) of every route, as RTM_F_CLONED dumps them. */
function exceptionMsgs(ip: Ip): RouteMsg[] {
  const now = ip.k.clock.now;
  const out: RouteMsg[] = [];
  for (const r of ip.ns.routeDump()) {
    if (!r.exceptions) continue;
    for (const [daddr, e] of [...r.exceptions].sort((x, y) => x[0] - y[0])) {
      if (e.expires <= now) continue;
      out.push({ type: 'unicast', dst: daddr, dstLen: 32, tos: 0, gateway: r.gateway, oif: r.dev, table: r.table, protocol: 0, scope: 0, flags: 0, cloned: true, cacheFlags: 0, mtu: e.mtu, expires: Math.floor((e.expires - now) / 1000) });
    }
  }
  return out;
}

function filterMsg(ip: Ip, m: RouteMsg, f: RouteFilter): boolean {
  if (f.cloned !== m.cloned) return false;
  if (f.tb > 0 && f.tb !== m.table) return false;
  if ((f.protocol ^ m.protocol) & f.protocolmask) return false;
  if ((f.scope ^ m.scope) & f.scopemask) return false;
  if (f.typemask && !(f.typemask & (1 << RTN_NUM[m.type]))) return false;
  if ((f.tos ^ m.tos) & f.tosmask) return false;
  const dst = m.dst ?? 0;
  if (f.rdst && f.rdst.special !== 'any') {
    if (f.rdst.bitlen > m.dstLen) return false;
    if (!inNet(dst, f.rdst.v4, f.rdst.bitlen)) return false;
  }
  if (f.mdst && f.mdst.special !== 'any') {
    if (f.mdst.bitlen >= 0 && f.mdst.bitlen < m.dstLen) return false;
    if (!inNet(dst, f.mdst.v4, m.dstLen)) return false;
  }
  if (f.rvia && (m.gateway === undefined || !inNet(m.gateway, f.rvia.v4, f.rvia.bitlen))) {
    if (f.rvia.bitlen > 0 || m.gateway === undefined) return false;
  }
  if (f.rprefsrc && (m.prefsrc === undefined || !inNet(m.prefsrc, f.rprefsrc.v4, f.rprefsrc.bitlen))) return false;
  if (f.oifmask && (m.oif?.ifindex ?? 0) !== f.oif) return false;
  if (f.metricmask && (m.metric ?? 0) !== f.metric) return false;
  void ip;
  return true;
}

/** print_route(). */
function printRoute(ip: Ip, m: RouteMsg, f: RouteFilter): void {
  const o = ip.out;
  o.openObject();
  if (m.type !== 'unicast' || ip.details > 0) {
    if (!f.typemask || f.typemask & (1 << RTN_NUM[m.type])) o.string(PRINT_ANY, 'type', '%s ', m.type);
  }
  let dst: string;
  let color = COLOR_NONE;
  if (m.dst !== undefined) {
    color = COLOR_INET;
    dst = m.dstLen !== 32 ? `${fmtIp4(m.dst)}/${m.dstLen}` : fmtIp4(m.dst);
  } else if (m.dstLen) dst = `0/${m.dstLen} `;
  else dst = 'default';
  o.colorString(PRINT_ANY, color, 'dst', '%s ', dst);
  if (m.src !== undefined) o.colorString(PRINT_ANY, COLOR_INET, 'from', 'from %s ', fmtIp4(m.src));
  if (m.tos && f.tosmask !== -1) o.string(PRINT_ANY, 'tos', 'tos %s ', `0x${m.tos.toString(16).padStart(2, '0')}`);
  if (m.gateway !== undefined && (!f.rvia || f.rvia.bitlen !== 32)) {
    if (o.isJson) o.string(PRINT_JSON, 'gateway', null, fmtIp4(m.gateway));
    else {
      o.fp('via ');
      o.colorString(PRINT_FP, COLOR_INET, null, '%s ', fmtIp4(m.gateway));
    }
  }
  if (m.oif && f.oifmask !== -1) ifidx(ip, m.oif, 'dev');
  const customRules = ip.ns.ruleDump().length !== 3;
  const table = m.cloned && m.table === RT_TABLE.local && !customRules ? RT_TABLE.main : m.table;
  if (table && (table !== RT_TABLE.main || ip.details > 0) && !f.tb) o.string(PRINT_ANY, 'table', 'table %s ', tableName(table));
  if (!m.cloned) {
    if ((m.protocol !== 3 || ip.details > 0) && f.protocolmask !== -1) o.string(PRINT_ANY, 'protocol', 'proto %s ', protoName(m.protocol));
    if ((m.scope !== SCOPE.universe || ip.details > 0) && f.scopemask !== -1) o.string(PRINT_ANY, 'scope', 'scope %s ', scopeName(m.scope));
  }
  if (m.prefsrc !== undefined && (!f.rprefsrc || f.rprefsrc.bitlen !== 32)) {
    if (o.isJson) o.string(PRINT_JSON, 'prefsrc', null, fmtIp4(m.prefsrc));
    else {
      o.fp('src ');
      o.colorString(PRINT_FP, COLOR_INET, null, '%s ', fmtIp4(m.prefsrc));
    }
  }
  if (m.metric !== undefined && f.metricmask !== -1) o.num(PRINT_ANY, 'metric', 'metric %u ', m.metric);
  o.openArray(PRINT_JSON, o.isJson ? 'flags' : '');
  if (m.flags & RTNH_F_DEAD) o.string(PRINT_ANY, null, '%s ', 'dead');
  if (m.flags & RTNH_F_ONLINK) o.string(PRINT_ANY, null, '%s ', 'onlink');
  if (m.flags & RTNH_F_LINKDOWN) o.string(PRINT_ANY, null, '%s ', 'linkdown');
  o.closeArray(PRINT_JSON, null);
  if (m.mark) o.num(PRINT_ANY, 'mark', 'mark %u ', m.mark);
  if (m.uid !== undefined) o.num(PRINT_ANY, 'uid', 'uid %u ', m.uid);
  if (m.cloned) {
    let flags = m.cacheFlags;
    if (o.isJson) {
      o.openArray(PRINT_JSON, 'cache');
      if (flags & RTCF_LOCAL) o.string(PRINT_JSON, null, '', 'local');
      if (flags & RTCF_BROADCAST) o.string(PRINT_JSON, null, '', 'brd');
      o.closeArray(PRINT_JSON, null);
    } else {
      o.fp(`${o.SL}    cache `);
      if (flags) {
        o.fp('<');
        if (flags & RTCF_LOCAL) {
          flags &= ~RTCF_LOCAL;
          o.fp(`local${flags ? ',' : '> '}`);
        }
        if (flags & RTCF_BROADCAST) {
          flags &= ~RTCF_BROADCAST;
          o.fp(`brd${flags ? ',' : '> '}`);
        }
      }
    }
  }
  if (m.cloned && m.expires !== undefined) o.num(PRINT_ANY, 'expires', 'expires %dsec ', m.expires);
  if (m.mtu !== undefined) {
    // print_rta_metrics
    o.openArray(PRINT_JSON, 'metrics');
    o.openObject();
    o.fp('mtu ');
    if (m.mtuLock) o.fp('lock ');
    o.num(PRINT_ANY, 'mtu', '%u ', m.mtu);
    o.closeObject();
    o.closeArray(PRINT_JSON, null);
  }
  if (m.iif && f.iifmask !== -1) ifidx(ip, m.iif, 'iif');
  if (m.route?.nexthops && !m.cloned) printMultipath(ip, m.route.nexthops);
  o.string(PRINT_FP, null, '\n', null);
  o.closeObject();
}

function ifidx(ip: Ip, d: NetDevice, prefix: string): void {
  const o = ip.out;
  if (o.isJson) o.string(PRINT_JSON, prefix, null, d.name);
  else {
    o.fp(`${prefix} `);
    o.colorString(PRINT_FP, COLOR_IFNAME, null, '%s ', d.name);
  }
}

/** The routes a dump of `table` returns (0 = every table). */
function dump(ip: Ip, tb: number): readonly Readonly<Route>[] {
  return ip.ns.routeDump(tb || undefined);
}

/** iproute_list_flush_or_save(). */
function listOrFlush(ip: Ip, argv: string[], flush: boolean): number {
  const f = newFilter();
  f.tb = RT_TABLE.main;
  let dumpFamily = ip.family;
  if (flush && argv.length === 0) {
    ip.err('"ip route flush" requires arguments.\n');
    return -1;
  }
  let od: string | undefined;
  let id: string | undefined;
  const a = new Args(ip, argv);
  while (a.more) {
    const w = a.cur;
    if (matches(w, 'table')) {
      const v = a.next();
      const t = tableNum(v);
      if (t === undefined) {
        if (v === 'all') f.tb = 0;
        else if (v === 'cache') f.cloned = true;
        else if (v === 'help') ip.die(USAGE_ROUTE);
        else ip.invarg('table id value is invalid\n', v);
      } else f.tb = t;
    } else if (matches(w, 'vrf')) {
      ip.invarg('Invalid VRF\n', a.next());
    } else if (matches(w, 'cached') || matches(w, 'cloned')) {
      f.cloned = true;
    } else if (w === 'tos' || matches(w, 'dsfield')) {
      const v = a.next();
      const t = parseCInt(v, true);
      if (t === undefined || t > 255) ip.invarg('TOS value is invalid\n', v);
      f.tos = t;
      f.tosmask = -1;
    } else if (matches(w, 'protocol')) {
      const v = a.next();
      f.protocolmask = -1;
      const pn = protoNum(v);
      if (pn === undefined) {
        if (v !== 'all') ip.invarg('invalid "protocol"\n', v);
        f.protocol = 0;
        f.protocolmask = 0;
      } else f.protocol = pn;
    } else if (matches(w, 'scope')) {
      const v = a.next();
      f.scopemask = -1;
      const s = scopeNum(v);
      if (s === undefined) {
        if (v !== 'all') ip.invarg('invalid "scope"\n', v);
        f.scope = 255;
        f.scopemask = 0;
      } else f.scope = s;
    } else if (matches(w, 'type')) {
      const v = a.next();
      const t = rtnType(v);
      if (!t) ip.invarg('node type value is invalid\n', v);
      f.typemask = 1 << RTN_NUM[t];
    } else if (w === 'dev' || w === 'oif') {
      od = a.next();
    } else if (w === 'iif') {
      id = a.next();
    } else if (w === 'mark') {
      const v = a.next();
      if (parseCInt(v, true) === undefined) ip.invarg('invalid mark value', v);
    } else if (matches(w, 'metric') || matches(w, 'priority') || w === 'preference') {
      const v = a.next();
      const n = parseCInt(v, true);
      if (n === undefined) ip.invarg('"metric" value is invalid\n', v);
      f.metric = n;
      f.metricmask = -1;
    } else if (w === 'via') {
      f.rvia = getPrefix(ip, a.next(), dumpFamily);
    } else if (w === 'src') {
      f.rprefsrc = getPrefix(ip, a.next(), dumpFamily);
    } else if (matches(w, 'from')) {
      let v = a.next();
      if (matches(v, 'root') || matches(v, 'match') || matches(v, 'exact')) v = a.next();
      getPrefix(ip, v, dumpFamily);
    } else {
      let v = w;
      if (matches(v, 'to')) v = a.next();
      if (matches(v, 'root')) f.rdst = getPrefix(ip, a.next(), dumpFamily);
      else if (matches(v, 'match')) f.mdst = getPrefix(ip, a.next(), dumpFamily);
      else {
        if (matches(v, 'exact')) v = a.next();
        f.mdst = getPrefix(ip, v, dumpFamily);
        f.rdst = f.mdst;
      }
    }
    a.shift();
  }
  if (dumpFamily === AF_UNSPEC && f.tb) dumpFamily = AF_INET;
  if (id) {
    if (!ip.ifindex(id)) return ip.nodev(id);
    f.iifmask = -1;
  }
  if (od) {
    const i = ip.ifindex(od);
    if (!i) return ip.nodev(od);
    f.oif = i;
    f.oifmask = -1;
  }
  if (dumpFamily === AF_INET6) {
    if (flush) return 0;
    ip.out.newJson(!!ip.json, !!ip.pretty);
    ip.out.deleteJson();
    return 0;
  }
  if (flush) {
    f.flush = true;
    if (f.cloned) {
      // Flushing the cache drops every learned path MTU (fnhe).
      ip.ns.routeFlushCache();
      if (ip.stats) ip.out.fp('*** IPv4 routing cache is flushed.\n');
      return 0;
    }
    let round = 0;
    for (;;) {
      const victims = dump(ip, f.tb).filter((r) => filterMsg(ip, msgOf(ip, r), f));
      if (!victims.length) {
        if (ip.stats) ip.out.fp(round === 0 ? 'Nothing to flush.\n' : `*** Flush is complete after ${round} round${round > 1 ? 's' : ''} ***\n`);
        return 0;
      }
      round++;
      for (const r of victims) ip.ns.routeRemove(r);
      if (ip.stats) ip.out.fp(`\n*** Round ${round}, deleting ${victims.length} entries ***\n`);
      if (round > 10) return 0;
    }
  }
  ip.out.newJson(!!ip.json, !!ip.pretty);
  if (!f.cloned) for (const r of dump(ip, f.tb)) {
    const m = msgOf(ip, r);
    if (filterMsg(ip, m, f)) printRoute(ip, m, f);
  }
  else for (const m of exceptionMsgs(ip)) if (filterMsg(ip, m, f)) printRoute(ip, m, f);
  ip.out.deleteJson();
  return 0;
}

/**
 * parse_nexthops(): every word after the first `nexthop` belongs to the
 * next hops (`nexthop [via ADDR] [dev NAME] [weight N] [onlink] ...`).
 */
function parseNexthops(ip: Ip, a: Args, family: number): Nexthop[] {
  const out: Nexthop[] = [];
  while (a.more) {
    if (a.cur !== 'nexthop') ip.die(`Error: "nexthop" or end of line is expected instead of "${a.cur}"\n`);
    if (a.left <= 1) ip.die('Error: unexpected end of line after "nexthop"\n');
    a.shift();
    let gateway: number | undefined;
    let dev: NetDevice | undefined;
    let weight = 1;
    let onlink = false;
    while (a.more && a.cur !== 'nexthop') {
      const w = a.cur;
      if (w === 'via') {
        let v = a.next();
        if (v === 'inet' || v === 'inet6') v = a.next();
        gateway = getAddr(ip, v, family).v4;
      } else if (w === 'dev') {
        const name = a.next();
        dev = ip.dev(name);
        if (!dev) {
          ip.err(`Cannot find device "${name}"\n`);
          ip.die('Error: cannot parse nexthop\n');
        }
      } else if (w === 'weight') {
        const v = a.next();
        const n = parseCInt(v, true);
        if (n === undefined || n === 0 || n > 256) ip.invarg('"weight" is invalid\n', v);
        weight = n;
      } else if (w === 'onlink') {
        onlink = true;
      } else break;
      a.shift();
    }
    out.push({ gateway, dev: dev!, weight, onlink, dead: false });
  }
  return out;
}

/** print_rta_multipath(). */
function printMultipath(ip: Ip, nhs: Nexthop[]): void {
  const o = ip.out;
  o.openArray(PRINT_JSON, 'nexthops');
  for (const nh of nhs) {
    if (!o.isJson) o.fp(`${o.SL}\tnexthop `);
    o.openObject();
    if (nh.gateway !== undefined) {
      if (o.isJson) o.string(PRINT_JSON, 'gateway', null, fmtIp4(nh.gateway));
      else {
        o.fp('via ');
        o.colorString(PRINT_FP, COLOR_INET, null, '%s ', fmtIp4(nh.gateway));
      }
    }
    ifidx(ip, nh.dev, 'dev');
    o.num(PRINT_ANY, 'weight', 'weight %d ', nh.weight);
    o.openArray(PRINT_JSON, o.isJson ? 'flags' : '');
    if (nh.dead) o.string(PRINT_ANY, null, '%s ', 'dead');
    if (nh.onlink) o.string(PRINT_ANY, null, '%s ', 'onlink');
    if (!ip.ns.linkMsg(nh.dev).carrier) o.string(PRINT_ANY, null, '%s ', 'linkdown');
    o.closeArray(PRINT_JSON, null);
    o.closeObject();
  }
  o.closeArray(PRINT_JSON, null);
}

/** iproute_modify(): add / change / replace / prepend / append / del. */
function modify(ip: Ip, cmd: 'add' | 'change' | 'replace' | 'prepend' | 'append' | 'test' | 'del', argv: string[]): number {
  const del = cmd === 'del';
  let family = ip.family;
  let table: number = RT_TABLE.main;
  let tableOk = false;
  let scope: number = del ? SCOPE.nowhere : SCOPE.universe;
  let scopeOk = false;
  let protocol = del ? 0 : 3;
  let protoSet = false;
  let type: RouteType = 'unicast';
  let typeOk = false;
  let dst: Prefix | undefined;
  let gw: Prefix | undefined;
  let prefsrc: number | undefined;
  let metric: number | undefined;
  let tos = 0;
  let d: string | undefined;
  let onlink = false;
  let mtu: number | undefined;
  let mtuLock = false;
  let nexthops: Nexthop[] | undefined;
  const a = new Args(ip, argv);
  while (a.more) {
    const w = a.cur;
    if (w === 'src') {
      const x = getAddr(ip, a.next(), family);
      if (family === AF_UNSPEC) family = x.family;
      prefsrc = x.v4;
    } else if (w === 'via') {
      if (gw) ip.invarg('use nexthop syntax to specify multiple via\n', w);
      let v = a.next();
      if (v === 'inet' || v === 'inet6') v = a.next();
      gw = getAddr(ip, v, family);
      if (family === AF_UNSPEC) family = gw.family;
    } else if (w === 'from') {
      const x = getPrefix(ip, a.next(), family);
      if (family === AF_UNSPEC) family = x.family;
    } else if (w === 'tos' || matches(w, 'dsfield')) {
      const v = a.next();
      const t = parseCInt(v, true);
      if (t === undefined || t > 255) ip.invarg('"tos" value is invalid\n', v);
      tos = t;
    } else if (w === 'expires') {
      const v = a.next();
      if (parseCInt(v, true) === undefined) ip.invarg('"expires" value is invalid\n', v);
    } else if (matches(w, 'metric') || matches(w, 'priority') || w === 'preference') {
      const v = a.next();
      const n = parseCInt(v, true);
      if (n === undefined) ip.invarg('"metric" value is invalid\n', v);
      metric = n;
    } else if (w === 'scope') {
      const v = a.next();
      const s = scopeNum(v);
      if (s === undefined) ip.invarg('invalid "scope" value\n', v);
      scope = s;
      scopeOk = true;
    } else if (w === 'mtu' || w === 'advmss' || w === 'hoplimit' || w === 'window' || w === 'rtt' || w === 'initcwnd' || w === 'initrwnd' || w === 'ssthresh' || w === 'reordering' || w === 'cwnd' || w === 'rto_min') {
      let v = a.next();
      const lock = v === 'lock';
      if (lock) v = a.next();
      const n = parseCInt(v, true);
      if (n === undefined) ip.invarg(`"${w}" value is invalid\n`, v);
      if (w === 'mtu') {
        mtu = n;
        mtuLock = lock;
      }
    } else if (w === 'onlink') {
      onlink = true;
    } else if (matches(w, 'protocol')) {
      const v = a.next();
      const pn = protoNum(v);
      if (pn === undefined) ip.invarg('"protocol" value is invalid\n', v);
      protocol = pn;
      protoSet = true;
    } else if (matches(w, 'table')) {
      const v = a.next();
      const t = tableNum(v);
      if (t === undefined) ip.invarg('"table" value is invalid\n', v);
      table = t;
      tableOk = true;
    } else if (matches(w, 'vrf')) {
      ip.invarg('Invalid VRF\n', a.next());
    } else if (w === 'dev' || w === 'oif') {
      d = a.next();
    } else if (w === 'nexthop') {
      nexthops = parseNexthops(ip, a, family);
      break;
    } else {
      let v = w;
      if (v === 'to') v = a.next();
      if ((v[0] < '0' || v[0] > '9') && (rtnType(v) || /^\d+$/.test(v))) {
        const t = rtnType(v);
        if (t) {
          v = a.next();
          type = t;
          typeOk = true;
        }
      }
      if (matches(v, 'help')) ip.die(USAGE_ROUTE);
      if (dst) ip.duparg2('to', v);
      dst = getPrefix(ip, v, family);
      if (family === AF_UNSPEC) family = dst.family;
    }
    a.shift();
  }
  if (!dst) ip.die(USAGE_ROUTE);
  let dev: NetDevice | undefined;
  if (d) {
    dev = ip.dev(d);
    if (!dev) return ip.nodev(d);
  }
  if (family === AF_UNSPEC) family = AF_INET;
  if (!tableOk && (type === 'local' || type === 'broadcast' || type === 'nat' || type === 'anycast')) table = RT_TABLE.local;
  if (!scopeOk) {
    if (family === AF_INET6) scope = SCOPE.universe;
    else if (type === 'local' || type === 'nat') scope = SCOPE.host;
    else if (type === 'broadcast' || type === 'multicast' || type === 'anycast') scope = SCOPE.link;
    else if (type === 'unicast') {
      if (del) scope = SCOPE.nowhere;
      else if (!gw && !nexthops) scope = SCOPE.link;
    }
  }
  if (family === AF_INET6) {
    ip.err('RTNETLINK answers: Operation not supported\n');
    return -2;
  }
  void typeOk;
  try {
    if (del) {
      ip.ns.routeDel({
        dst: dst.v4,
        dstLen: dst.bitlen,
        table,
        tos: tos || undefined,
        metric,
        gateway: gw?.v4,
        dev,
        protocol: protoSet ? protoName(protocol) : undefined,
        type: typeOk ? type : undefined,
        scope: scopeOk ? scope : undefined,
      });
    } else {
      if (dst.v4 !== (dst.bitlen ? (dst.v4 & (0xffffffff << (32 - dst.bitlen))) >>> 0 : 0)) throw new KernelError('EINVAL', 'Invalid prefix for given prefix length');
      const r: Route = {
        table,
        type,
        dst: dst.v4,
        dstLen: dst.bitlen,
        tos,
        metric: metric ?? 0,
        protocol: protoName(protocol),
        scope,
        prefsrc,
        gateway: gw?.v4,
        dev,
        onlink,
        mtu,
        mtuLock: mtu !== undefined && mtuLock ? true : undefined,
        nexthops,
      };
      if (prefsrc !== undefined && !ip.ns.isLocalAddr(prefsrc)) throw new KernelError('EINVAL', 'Invalid prefsrc address');
      if ((type === 'unicast' || type === 'local' || type === 'broadcast') && !dev && gw === undefined && !nexthops) throw new KernelError('ENODEV');
      const flags = {
        add: { create: true, excl: true, replace: false },
        change: { create: false, excl: false, replace: true },
        replace: { create: true, excl: false, replace: true },
        prepend: { create: true, excl: false, replace: false },
        append: { create: true, excl: false, replace: false, append: true },
        test: { create: false, excl: true, replace: false },
      }[cmd];
      ip.ns.routeAdd(r, flags);
    }
  } catch (e) {
    return ip.rtnlError(e);
  }
  ip.k.notifyTopology();
  return 0;
}

/** iproute_get(). */
function get(ip: Ip, argv: string[]): number {
  let family = ip.family;
  let dst: Prefix | undefined;
  let from: Prefix | undefined;
  let idev: string | undefined;
  let odev: string | undefined;
  let mark = 0;
  const a = new Args(ip, argv);
  while (a.more) {
    const w = a.cur;
    if (w === 'tos' || matches(w, 'dsfield')) {
      a.next();
    } else if (matches(w, 'from')) {
      const v = a.next();
      if (matches(v, 'help')) ip.die(USAGE_ROUTE);
      from = getPrefix(ip, v, family);
      if (family === AF_UNSPEC) family = from.family;
    } else if (w === 'iif') {
      idev = a.next();
    } else if (w === 'mark') {
      const v = a.next();
      const n = parseCInt(v, true);
      if (n === undefined) ip.invarg('invalid mark value', v);
      mark = n;
    } else if (w === 'oif' || w === 'dev') {
      odev = a.next();
    } else if (matches(w, 'notify') || matches(w, 'connected') || matches(w, 'fibmatch')) {
      // flags without visible effect here
    } else if (w === 'vrf') {
      ip.invarg('Invalid VRF\n', a.next());
    } else if (w === 'uid') {
      const v = a.next();
      if (parseCInt(v, true) === undefined) ip.invarg('invalid UID\n', v);
    } else if (w === 'ipproto' || w === 'sport' || w === 'dport') {
      a.next();
    } else {
      let v = w;
      if (v === 'to') v = a.next();
      if (matches(v, 'help')) ip.die(USAGE_ROUTE);
      dst = getPrefix(ip, v, family);
      if (family === AF_UNSPEC) family = dst.family;
      if (dst.family === AF_INET && dst.bitlen !== 32) {
        ip.err(`Warning: /${dst.bitlen} as prefix is invalid, only /32 (or none) is supported.\n`);
      }
    }
    a.shift();
  }
  if (!dst) {
    ip.err('need at least a destination address\n');
    return -1;
  }
  let iif: NetDevice | undefined;
  let oif: NetDevice | undefined;
  if (idev) {
    iif = ip.dev(idev);
    if (!iif) return ip.nodev(idev);
  }
  if (odev) {
    oif = ip.dev(odev);
    if (!oif) return ip.nodev(odev);
  }
  if (family === AF_INET6) {
    ip.err('RTNETLINK answers: Network is unreachable\n');
    return -2;
  }
  const daddr = dst.v4;
  const saddr = from?.v4;
  let m: RouteMsg;
  try {
    if (iif) {
      const res = ip.ns.routeGetInput(daddr, saddr ?? 0, iif, mark);
      if (res.kind === 'error') throw new KernelError(res.errno);
      if (res.kind === 'forward') {
        const o = res.out;
        m = { type: 'unicast', dst: daddr, dstLen: 32, src: saddr, tos: 0, gateway: o.gateway, oif: o.dev, iif, table: o.table, protocol: 0, scope: 0, flags: 0, cloned: true, cacheFlags: 0 };
      } else {
        const local = res.kind === 'local';
        m = { type: local ? 'local' : 'broadcast', dst: daddr, dstLen: 32, src: saddr, tos: 0, oif: ip.ns.lo, iif, table: local ? RT_TABLE.local : RT_TABLE.local, protocol: 0, scope: 0, flags: 0, cloned: true, cacheFlags: local ? RTCF_LOCAL : RTCF_LOCAL | RTCF_BROADCAST };
      }
    } else {
      const o = ip.ns.routeGetOutput(daddr, { saddr, oif, mark });
      const pm = o.pmtu ? { mtu: o.pmtu.mtu, mtuLock: o.pmtu.locked, ...(o.pmtu.expires !== undefined ? { expires: o.pmtu.expires } : {}) } : {};
      const cacheFlags = o.type === 'local' ? RTCF_LOCAL : o.type === 'broadcast' ? RTCF_BROADCAST | RTCF_LOCAL : 0;
      m = {
        type: o.type === 'local' ? 'local' : o.type === 'broadcast' ? 'broadcast' : o.type === 'multicast' ? 'multicast' : 'unicast',
        dst: daddr,
        dstLen: 32,
        src: saddr,
        tos: 0,
        gateway: o.gateway,
        oif: o.dev,
        table: o.table,
        protocol: 0,
        scope: 0,
        prefsrc: saddr === o.src ? undefined : o.src,
        flags: 0,
        cloned: true,
        cacheFlags,
        uid: 0,
        ...pm,
        mark,
      };
    }
  } catch (e) {
    return ip.rtnlError(e);
  }
  ip.out.newJson(!!ip.json, !!ip.pretty);
  printRoute(ip, m, newFilter());
  ip.out.deleteJson();
  return 0;
}

/** do_iproute(). */
export function doIproute(ip: Ip, argv: string[]): number {
  if (argv.length < 1) return listOrFlush(ip, [], false);
  const w = argv[0];
  const rest = argv.slice(1);
  if (matches(w, 'add')) return modify(ip, 'add', rest);
  if (matches(w, 'change') || w === 'chg') return modify(ip, 'change', rest);
  if (matches(w, 'replace')) return modify(ip, 'replace', rest);
  if (matches(w, 'prepend')) return modify(ip, 'prepend', rest);
  if (matches(w, 'append')) return modify(ip, 'append', rest);
  if (matches(w, 'test')) return modify(ip, 'test', rest);
  if (matches(w, 'delete')) return modify(ip, 'del', rest);
  if (matches(w, 'list') || matches(w, 'show') || matches(w, 'lst')) return listOrFlush(ip, rest, false);
  if (matches(w, 'get')) return get(ip, rest);
  if (matches(w, 'flush')) return listOrFlush(ip, rest, true);
  if (matches(w, 'help')) ip.die(USAGE_ROUTE);
  return ip.die(`Command "${w}" is unknown, try "ip route help".\n`);
}

export { AF_INET6 };
