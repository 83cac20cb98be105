// `ip neigh`: show / flush the neighbour (ARP) table with NUD-state filters,
// add / replace / change / del entries — after ip/ipneigh.c. Entries come
// from the kernel's RTM_GETNEIGH dump (NetNs.neighDump, the NUD state as of
// now) and change through neighAdd / neighDel.

import type { NeighInfo, NudState } from '../../../kernel/neigh.ts';
import { fmtIp4, inNet } from '../../../kernel/addr.ts';
import { AF_INET, AF_INET6, AF_UNSPEC, Args, type Ip, matches, parseCInt } from './common.ts';
import { COLOR_IFNAME, COLOR_INET, COLOR_MAC, PRINT_ANY, PRINT_FP, PRINT_JSON } from './print.ts';
import { getAddr, getPrefix, type Prefix } from './inet.ts';
import { USAGE_NEIGH } from './help.ts';

const NUD: Record<Exclude<NudState, 'NONE'>, number> = {
  INCOMPLETE: 0x01,
  REACHABLE: 0x02,
  STALE: 0x04,
  DELAY: 0x08,
  PROBE: 0x10,
  FAILED: 0x20,
  NOARP: 0x40,
  PERMANENT: 0x80,
};
const NUD_ORDER = ['INCOMPLETE', 'REACHABLE', 'STALE', 'DELAY', 'PROBE', 'FAILED', 'NOARP', 'PERMANENT'] as const;

function nudBits(s: NudState): number {
  return s === 'NONE' ? 0 : NUD[s];
}

/** nud_state_a2n(): a state word or a single-bit number. */
function nudA2n(arg: string): number | undefined {
  if (matches(arg, 'permanent')) return NUD.PERMANENT;
  if (matches(arg, 'reachable')) return NUD.REACHABLE;
  const exact: Record<string, number> = { noarp: NUD.NOARP, none: 0, stale: NUD.STALE, incomplete: NUD.INCOMPLETE, delay: NUD.DELAY, probe: NUD.PROBE };
  if (Object.hasOwn(exact, arg)) return exact[arg];
  if (matches(arg, 'failed')) return NUD.FAILED;
  const n = parseCInt(arg, true);
  if (n === undefined || n >= 0x100 || n & (n - 1)) return undefined;
  return n;
}

function stateOf(bits: number): NudState {
  for (const s of NUD_ORDER) if (bits === NUD[s]) return s;
  return 'NONE';
}

interface NeighFilter {
  family: number;
  index: number;
  state: number;
  pfx?: Prefix;
  proxy: boolean;
  flush: boolean;
}

function passes(e: NeighInfo, f: NeighFilter): boolean {
  if (f.family && f.family !== AF_INET) return false;
  if (f.index && f.index !== e.dev.ifindex) return false;
  const st = nudBits(e.state);
  if (!(f.state & st) && !e.proxy && (st || !(f.state & 0x100))) return false;
  if (f.pfx && f.pfx.special !== 'any' && !inNet(e.ip, f.pfx.v4, f.pfx.bitlen)) return false;
  return true;
}

function printNeigh(ip: Ip, e: NeighInfo, f: NeighFilter): void {
  const o = ip.out;
  o.openObject();
  if (ip.brief) {
    o.colorString(PRINT_ANY, COLOR_INET, 'dst', '%-39s ', fmtIp4(e.ip));
    if (!f.index) o.colorString(PRINT_ANY, COLOR_IFNAME, 'dev', '%-16s ', e.dev.name);
    if (e.mac) o.colorString(PRINT_ANY, COLOR_MAC, 'lladdr', '%s ', e.mac);
    o.string(PRINT_FP, null, '\n', null);
    o.closeObject();
    return;
  }
  o.colorString(PRINT_ANY, COLOR_INET, 'dst', '%s ', fmtIp4(e.ip));
  if (!f.index) {
    o.fp('dev ');
    o.colorString(PRINT_ANY, COLOR_IFNAME, 'dev', '%s ', e.dev.name);
  }
  if (e.mac) {
    o.fp('lladdr ');
    o.colorString(PRINT_ANY, COLOR_MAC, 'lladdr', '%s ', e.mac);
  }
  if (e.router) o.null(PRINT_ANY, 'router', '%s ', 'router');
  if (e.proxy) o.null(PRINT_ANY, 'proxy', '%s ', 'proxy');
  const st = nudBits(e.state);
  if (st) {
    o.openArray(PRINT_JSON, o.isJson ? 'state' : '');
    for (const s of NUD_ORDER) if (st & NUD[s]) o.string(PRINT_ANY, null, '%s ', s);
    o.closeArray(PRINT_JSON, null);
  }
  o.string(PRINT_FP, null, '\n', '');
  o.closeObject();
}

/** do_show_or_flush(). */
function showOrFlush(ip: Ip, argv: string[], flush: boolean): number {
  const f: NeighFilter = { family: ip.family, index: 0, state: 0, proxy: false, flush };
  if (flush) {
    if (!argv.length) {
      ip.err('Flush requires arguments.\n');
      return -1;
    }
    f.state = ~(NUD.PERMANENT | NUD.NOARP);
  } else f.state = 0xff & ~NUD.NOARP;
  let stateGiven = false;
  let filterDev: string | undefined;
  const a = new Args(ip, argv);
  while (a.more) {
    const w = a.cur;
    if (w === 'dev') {
      const v = a.next();
      if (filterDev !== undefined) ip.duparg('dev', v);
      filterDev = v;
    } else if (w === 'master') {
      const v = a.next();
      if (!ip.ifindex(v)) ip.invarg('Device does not exist\n', v);
    } else if (w === 'vrf') {
      ip.invarg('Not a valid VRF name\n', a.next());
    } else if (w === 'nomaster' || w === 'unused') {
      // no effect on the simulated table
    } else if (w === 'nud') {
      const v = a.next();
      if (!stateGiven) {
        stateGiven = true;
        f.state = 0;
      }
      let st = nudA2n(v);
      if (st === undefined) {
        if (v !== 'all') ip.invarg('nud state is bad', v);
        st = ~0;
        if (flush) st &= ~NUD.NOARP;
      }
      if (st === 0) st = 0x100;
      f.state |= st;
    } else if (w === 'proxy') {
      f.proxy = true;
    } else if (matches(w, 'protocol')) {
      a.next();
    } else {
      let v = w;
      if (v === 'to') v = a.next();
      if (matches(v, 'help')) ip.die(USAGE_NEIGH);
      f.pfx = getPrefix(ip, v, f.family);
      if (f.family === AF_UNSPEC) f.family = f.pfx.family;
    }
    a.shift();
  }
  if (filterDev !== undefined) {
    f.index = ip.ifindex(filterDev);
    if (!f.index) return ip.nodev(filterDev);
  }
  if (flush) {
    let round = 0;
    while (round < 10) {
      const victims = ip.ns.neighDump().filter((e) => passes(e, f));
      if (!victims.length) {
        if (ip.stats) ip.out.fp(round === 0 ? 'Nothing to flush.\n' : `*** Flush is complete after ${round} round${round > 1 ? 's' : ''} ***\n`);
        return 0;
      }
      round++;
      for (const e of victims) ip.ns.neighDel(e.ip, e.dev);
      if (ip.stats) ip.out.fp(`\n*** Round ${round}, deleting ${victims.length} entries ***\n`);
      f.state &= ~NUD.FAILED;
    }
    ip.out.fp('*** Flush not complete bailing out after 10 rounds\n');
    return 1;
  }
  ip.out.newJson(!!ip.json, !!ip.pretty);
  if (f.family !== AF_INET6) for (const e of ip.ns.neighDump()) if (passes(e, f)) printNeigh(ip, e, f);
  ip.out.deleteJson();
  return 0;
}

/** ipneigh_modify(): add / change / replace / del. */
function modify(ip: Ip, cmd: 'add' | 'change' | 'replace' | 'del', argv: string[]): number {
  let state = NUD.PERMANENT;
  let dev: string | undefined;
  let dst: Prefix | undefined;
  let lla: string | undefined;
  let router = false;
  let proxy = false;
  const a = new Args(ip, argv);
  while (a.more) {
    const w = a.cur;
    if (matches(w, 'lladdr')) {
      const v = a.next();
      if (lla !== undefined) ip.duparg('lladdr', v);
      lla = v;
    } else if (w === 'nud') {
      const v = a.next();
      const s = nudA2n(v);
      if (s === undefined) ip.invarg('nud state is bad', v);
      state = s;
    } else if (matches(w, 'proxy')) {
      const v = a.next();
      if (matches(v, 'help')) ip.die(USAGE_NEIGH);
      if (dst) ip.duparg('address', v);
      dst = getAddr(ip, v, ip.family);
      proxy = true;
    } else if (w === 'router') router = true;
    else if (w === 'use' || w === 'managed' || matches(w, 'extern_learn')) {
      // flags without effect here
    } else if (w === 'dev') {
      dev = a.next();
    } else if (matches(w, 'protocol')) {
      a.next();
    } else {
      let v = w;
      if (v === 'to') v = a.next();
      if (matches(v, 'help')) v = a.next();
      if (dst) ip.duparg2('to', v);
      dst = getAddr(ip, v, ip.family);
    }
    a.shift();
  }
  if (!dev || !dst || dst.family === AF_UNSPEC) ip.die('Device and destination are required arguments.\n');
  let mac: string | undefined;
  if (lla !== undefined && lla !== 'null') {
    const bytes: number[] = [];
    for (const part of lla.split(':')) {
      const m = /^(?:0[xX])?([0-9a-fA-F]+)/.exec(part);
      const n = m ? parseInt(m[1].slice(-8), 16) : NaN;
      if (!m || n > 255) {
        ip.err(`"${part}" is invalid lladdr.\n`);
        return -1;
      }
      bytes.push(n);
    }
    mac = bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
  }
  const d = ip.dev(dev);
  if (!d) return ip.nodev(dev);
  if (dst.family === AF_INET6) ip.die('RTNETLINK answers: Operation not supported\n', 2);
  try {
    if (cmd === 'del') ip.ns.neighDel(dst.v4, d);
    else ip.ns.neighAdd({ ip: dst.v4, dev: d, mac, state: stateOf(state), router, proxy }, { create: cmd !== 'change', excl: cmd === 'add' });
  } catch (e) {
    ip.rtnlError(e);
    return -2;
  }
  return 0;
}

/** do_ipneigh(). */
export function doIpneigh(ip: Ip, argv: string[]): number {
  if (argv.length < 1) return showOrFlush(ip, [], false);
  const w = argv[0];
  const rest = argv.slice(1);
  if (matches(w, 'add')) return modify(ip, 'add', rest);
  if (matches(w, 'change') || w === 'chg') return modify(ip, 'change', rest);
  if (matches(w, 'replace')) return modify(ip, 'replace', rest);
  if (matches(w, 'delete')) return modify(ip, 'del', rest);
  if (matches(w, 'show') || matches(w, 'lst') || matches(w, 'list')) return showOrFlush(ip, rest, false);
  if (matches(w, 'flush')) return showOrFlush(ip, rest, true);
  if (matches(w, 'help')) ip.die(USAGE_NEIGH);
  return ip.die(`Command "${w}" is unknown, try "ip neigh help".\n`);
}
