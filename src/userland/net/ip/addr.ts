// `ip address`: show (also the engine of `ip link show`), add, del,
// change/replace, flush — after ip/ipaddress.c.

import type { NetDevice } from '../../../kernel/netdev.ts';
import { fmtIp4, netOf, inNet } from '../../../kernel/addr.ts';
import { KernelError } from '../../../kernel/errno.ts';
import { AF_INET, AF_INET6, AF_PACKET, AF_UNSPEC, Args, type Ip, matches } from './common.ts';
import { IFF, type LinkFilter, printLinkinfo, printStats64 } from './linkinfo.ts';
import { COLOR_INET, COLOR_INET6, PRINT_ANY, PRINT_FP, PRINT_JSON } from './print.ts';
import { USAGE_ADDRESS, USAGE_LINK } from './help.ts';
import { getPrefix, type Prefix, scopeName, scopeNum, getAddr } from './inet.ts';

/** Address flags (IFA_F_*). */
export const IFA = {
  SECONDARY: 0x01,
  NODAD: 0x02,
  OPTIMISTIC: 0x04,
  DADFAILED: 0x08,
  HOMEADDRESS: 0x10,
  DEPRECATED: 0x20,
  TENTATIVE: 0x40,
  PERMANENT: 0x80,
  MANAGETEMPADDR: 0x100,
  NOPREFIXROUTE: 0x200,
  MCAUTOJOIN: 0x400,
  STABLE_PRIVACY: 0x800,
} as const;

const FLAG_DATA: { name: string; mask: number; readonly: boolean; v6only: boolean }[] = [
  { name: 'secondary', mask: IFA.SECONDARY, readonly: true, v6only: false },
  { name: 'temporary', mask: IFA.SECONDARY, readonly: true, v6only: false },
  { name: 'nodad', mask: IFA.NODAD, readonly: false, v6only: true },
  { name: 'optimistic', mask: IFA.OPTIMISTIC, readonly: false, v6only: true },
  { name: 'dadfailed', mask: IFA.DADFAILED, readonly: true, v6only: true },
  { name: 'home', mask: IFA.HOMEADDRESS, readonly: false, v6only: true },
  { name: 'deprecated', mask: IFA.DEPRECATED, readonly: true, v6only: true },
  { name: 'tentative', mask: IFA.TENTATIVE, readonly: true, v6only: true },
  { name: 'permanent', mask: IFA.PERMANENT, readonly: true, v6only: true },
  { name: 'mngtmpaddr', mask: IFA.MANAGETEMPADDR, readonly: false, v6only: true },
  { name: 'noprefixroute', mask: IFA.NOPREFIXROUTE, readonly: false, v6only: false },
  { name: 'autojoin', mask: IFA.MCAUTOJOIN, readonly: false, v6only: false },
  { name: 'stable-privacy', mask: IFA.STABLE_PRIVACY, readonly: true, v6only: true },
];

const INFINITY_LIFE_TIME = 4294967295;

/** One RTM_NEWADDR message, as `ip` decodes it. */
export interface AddrMsg {
  family: number;
  /** The device as a handle for NetNs operations. */
  dev: NetDevice;
  ifindex: number;
  ifname: string;
  local: string;
  /** IFA_ADDRESS (the peer for point-to-point). */
  address: string;
  prefixlen: number;
  broadcast?: string;
  scope: number;
  flags: number;
  label?: string;
  valid: number;
  preferred: number;
  localNum?: number;
  addressNum?: number;
}

function lft(v: number): number {
  return v === Infinity ? INFINITY_LIFE_TIME : Math.floor(v);
}

/** The address dump of a namespace: every IPv4 address, then every IPv6 one. */
export function addrDump(ip: Ip, family = AF_UNSPEC): AddrMsg[] {
  const out: AddrMsg[] = [];
  const links = ip.ns.linkDump();
  if (family === AF_UNSPEC || family === AF_INET) {
    for (const { dev, ifindex, ifname } of links) {
      for (const a of ip.ns.addrDump(dev)) {
        let flags = 0;
        if (a.secondary) flags |= IFA.SECONDARY;
        if (a.validLft === Infinity) flags |= IFA.PERMANENT;
        if (a.noprefixroute) flags |= IFA.NOPREFIXROUTE;
        out.push({
          family: AF_INET,
          dev,
          ifindex,
          ifname,
          local: fmtIp4(a.local),
          address: fmtIp4(a.address),
          prefixlen: a.prefixlen,
          broadcast: a.broadcast !== undefined ? fmtIp4(a.broadcast) : undefined,
          scope: a.scope,
          flags,
          label: a.label,
          valid: lft(a.validLft),
          preferred: lft(a.preferredLft),
          localNum: a.local,
          addressNum: a.address,
        });
      }
    }
  }
  if (family === AF_UNSPEC || family === AF_INET6) {
    for (const { dev, ifindex, ifname } of links) {
      for (const a of ip.ns.addr6Dump(dev)) {
        let flags = 0;
        if (a.flags.includes('permanent') || a.addr.startsWith('fe80:') || a.addr === '::1') flags |= IFA.PERMANENT;
        if (a.flags.includes('tentative')) flags |= IFA.TENTATIVE;
        out.push({ family: AF_INET6, dev, ifindex, ifname, local: a.addr, address: a.addr, prefixlen: a.prefixlen, scope: a.scope, flags, valid: INFINITY_LIFE_TIME, preferred: INFINITY_LIFE_TIME });
      }
    }
  }
  return out;
}

/** Address-level filters of `ip addr show/flush`. */
export interface AddrFilter extends LinkFilter {
  scope: number;
  scopemask: number;
  flags: number;
  flagmask: number;
  pfx?: Prefix;
  flush: boolean;
}

export function newFilter(family: number): AddrFilter {
  return { ifindex: 0, up: false, master: 0, family, scope: 0, scopemask: 0, flags: 0, flagmask: 0, flush: false };
}

/** fnmatch(3) for labels: `*`, `?` and `[...]`. */
function fnmatch(pat: string, s: string): boolean {
  const re = pat.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(s);
}

function addrPasses(a: AddrMsg, f: AddrFilter): boolean {
  if (f.ifindex && a.ifindex !== f.ifindex) return false;
  if ((f.scope ^ a.scope) & f.scopemask) return false;
  if ((f.flags ^ a.flags) & f.flagmask) return false;
  if (f.family && f.family !== a.family) return false;
  if (f.label && !fnmatch(f.label, a.label ?? a.ifname)) return false;
  if (f.pfx && f.pfx.special !== 'any') {
    if (f.pfx.family !== a.family) return false;
    if (a.family === AF_INET && !inNet(a.localNum!, f.pfx.v4, f.pfx.bitlen)) return false;
    if (a.family === AF_INET6 && a.local !== f.pfx.v6) return false;
  }
  return true;
}

/** print_addrinfo(). */
export function printAddrinfo(ip: Ip, a: AddrMsg, f: AddrFilter): void {
  const o = ip.out;
  if (!addrPasses(a, f)) return;
  const color = a.family === AF_INET ? COLOR_INET : COLOR_INET6;
  if (!ip.brief) {
    if (ip.oneline || f.flush) {
      if (o.isJson) {
        o.num(PRINT_JSON, 'index', null, a.ifindex);
        o.string(PRINT_JSON, 'dev', null, a.ifname);
      } else o.fp(`${a.ifindex}: ${a.ifname}`);
    }
    o.string(PRINT_ANY, 'family', '    %s ', a.family === AF_INET ? 'inet' : 'inet6');
  }
  o.colorString(PRINT_ANY, color, 'local', '%s', a.local);
  if (a.address !== a.local) {
    o.string(PRINT_FP, null, ' %s ', 'peer');
    o.colorString(PRINT_ANY, color, 'address', '%s', a.address);
  }
  o.num(PRINT_ANY, 'prefixlen', '/%d ', a.prefixlen);
  if (ip.brief) return;
  if (a.broadcast) {
    o.string(PRINT_FP, null, '%s ', 'brd');
    o.colorString(PRINT_ANY, color, 'broadcast', '%s ', a.broadcast);
  }
  o.string(PRINT_ANY, 'scope', 'scope %s ', scopeName(a.scope));
  let flags = a.flags;
  for (const fd of FLAG_DATA) {
    if (fd.mask === IFA.PERMANENT) {
      if (!(flags & fd.mask)) o.bool(PRINT_ANY, 'dynamic', 'dynamic ', true);
    } else if (flags & fd.mask) {
      if (fd.mask === IFA.SECONDARY && a.family === AF_INET6) o.bool(PRINT_ANY, 'temporary', 'temporary ', true);
      else {
        o.string(PRINT_FP, null, '%s ', fd.name);
        o.bool(PRINT_JSON, fd.name, null, true);
      }
    }
    flags &= ~fd.mask;
  }
  if (flags) {
    if (o.isJson) o.string(PRINT_JSON, 'ifa_flags', null, flags.toString(16).padStart(2, '0'));
    else o.fp(`flags ${flags.toString(16).padStart(2, '0')} `);
  }
  if (a.label !== undefined) o.string(PRINT_ANY, 'label', '%s', a.label);
  o.nl();
  o.string(PRINT_FP, null, '       valid_lft ', null);
  if (a.valid === INFINITY_LIFE_TIME) {
    o.num(PRINT_JSON, 'valid_life_time', null, INFINITY_LIFE_TIME);
    o.string(PRINT_FP, null, '%s', 'forever');
  } else o.num(PRINT_ANY, 'valid_life_time', '%usec', a.valid);
  o.string(PRINT_FP, null, ' preferred_lft ', null);
  if (a.preferred === INFINITY_LIFE_TIME) {
    o.num(PRINT_JSON, 'preferred_life_time', null, INFINITY_LIFE_TIME);
    o.string(PRINT_FP, null, '%s', 'forever');
  } else o.num(PRINT_ANY, 'preferred_life_time', '%usec', a.preferred);
  o.string(PRINT_FP, null, '%s', '\n');
}

/** get_filter(): flag words usable as filters (`primary`, `secondary`, `-dynamic` ...). */
function getFilter(f: AddrFilter, arg: string): boolean {
  let inv = false;
  if (arg.startsWith('-')) {
    inv = true;
    arg = arg.slice(1);
  }
  if (arg === 'dynamic') {
    inv = !inv;
    arg = 'permanent';
  } else if (arg === 'primary') {
    inv = !inv;
    arg = 'secondary';
  }
  const fd = FLAG_DATA.find((x) => x.name === arg);
  if (!fd) return false;
  if (inv) f.flags &= ~fd.mask;
  else f.flags |= fd.mask;
  f.flagmask |= fd.mask;
  return true;
}

/**
 * ipaddr_list_flush_or_save(): `ip addr show|flush` and, with doLink,
 * `ip link show`. Returns the C return value (0, -1).
 */
export function addrListOrFlush(ip: Ip, argv: string[], action: 'list' | 'flush', doLink: boolean): number {
  const f = newFilter(ip.family);
  const args = new Args(ip, argv);
  const o = ip.out;
  if (action === 'flush') {
    if (!args.more) {
      ip.err('Flush requires arguments.\n');
      return -1;
    }
    if (f.family === AF_PACKET) {
      ip.err('Cannot flush link addresses.\n');
      return -1;
    }
  }
  let filterDev: string | undefined;
  while (args.more) {
    const w = args.cur;
    if (w === 'to') {
      const v = args.next();
      f.pfx = getPrefix(ip, v, f.family);
      if (f.family === AF_UNSPEC) f.family = f.pfx.family;
    } else if (w === 'scope') {
      const v = args.next();
      f.scopemask = -1;
      const s = scopeNum(v);
      if (s === undefined) {
        if (v !== 'all') ip.invarg('invalid "scope"\n', v);
        f.scope = 255;
        f.scopemask = 0;
      } else f.scope = s;
    } else if (w === 'up') {
      f.up = true;
    } else if (getFilter(f, w)) {
      // a flag filter
    } else if (w === 'label') {
      f.label = args.next();
    } else if (w === 'group') {
      const v = args.next();
      if (v !== 'default' && v !== '0') ip.invarg('Invalid "group" value\n', v);
    } else if (w === 'master') {
      const v = args.next();
      const i = ip.ifindex(v);
      if (!i) ip.invarg('Device does not exist\n', v);
      f.master = i;
    } else if (w === 'vrf') {
      const v = args.next();
      ip.invarg('Not a valid VRF name\n', v);
    } else if (w === 'nomaster') {
      f.master = -1;
    } else if (w === 'type') {
      const v = args.next();
      if (v.endsWith('_slave')) f.slaveKind = v.slice(0, -6);
      else f.kind = v;
    } else {
      let d = w;
      if (w === 'dev') d = args.next();
      else if (matches(w, 'help')) return usageOf(ip, doLink);
      if (filterDev !== undefined) ip.duparg2('dev', d);
      filterDev = d;
    }
    args.shift();
  }
  if (filterDev !== undefined) {
    f.ifindex = ip.ifindex(filterDev);
    if (f.ifindex <= 0) {
      ip.err(`Device "${filterDev}" does not exist.\n`);
      return -1;
    }
  }
  if (action === 'flush') return addrFlush(ip, f);

  o.newJson(!!ip.json, !!ip.pretty);
  let links = ip.ns.linkDump().filter((d) => !f.ifindex || d.ifindex === f.ifindex);
  let addrs: AddrMsg[] = [];
  if (f.family !== AF_PACKET) {
    addrs = addrDump(ip);
    // ipaddr_filter(): drop links without a matching address.
    links = links.filter((d) => {
      const mine = addrs.filter((a) => a.ifindex === d.ifindex);
      if (mine.length === 0) return f.family === AF_UNSPEC || f.family === AF_PACKET;
      return mine.some((a) => {
        if (f.family && f.family !== a.family) return false;
        if ((f.scope ^ a.scope) & f.scopemask) return false;
        if ((f.flags ^ a.flags) & f.flagmask) return false;
        if (f.label && !fnmatch(f.label, a.label ?? a.ifname)) return false;
        if (f.pfx && f.pfx.special !== 'any' && !addrPasses({ ...a }, { ...f, ifindex: 0, scopemask: 0, flagmask: 0, label: undefined })) return false;
        return true;
      });
    });
  }
  for (const d of links) {
    o.openObject();
    let res = 0;
    const noLink = f.family !== AF_PACKET && !!ip.oneline;
    if (ip.brief || !noLink) res = printLinkinfo(ip, d, f, doLink);
    if (res >= 0 && f.family !== AF_PACKET) {
      o.openArray(PRINT_JSON, 'addr_info');
      for (const a of addrs) {
        if (a.ifindex !== d.ifindex || (f.family && f.family !== a.family)) continue;
        if (f.up && !(d.flags & IFF.UP)) continue;
        if (!addrPasses(a, f)) continue;
        o.openObject();
        printAddrinfo(ip, a, f);
        o.closeObject();
      }
      o.closeArray(PRINT_JSON, null);
      if (ip.brief) o.string(PRINT_FP, null, '%s', '\n');
    }
    if (res > 0 && !doLink && ip.stats) {
      printStats64(ip, d);
      o.nl();
    }
    o.closeObject();
  }
  o.deleteJson();
  return 0;
}

function addrFlush(ip: Ip, f: AddrFilter): number {
  f.flush = true;
  let round = 0;
  for (;;) {
    const victims = addrDump(ip, f.family).filter((a) => addrPasses(a, f));
    if (victims.length === 0) {
      if (ip.stats) ip.out.fp(round === 0 ? 'Nothing to flush.\n' : `*** Flush is complete after ${round} round${round > 1 ? 's' : ''} ***\n`);
      return 0;
    }
    round++;
    for (const a of victims) {
      // RTM_DELADDR of each; one may be gone already (a secondary deleted with its primary).
      if (a.family === AF_INET) {
        ip.ns.addrFlush(a.dev, (x) => x.local === a.localNum && x.prefixlen === a.prefixlen && x.address === a.addressNum);
      } else if (a.family === AF_INET6) {
        if (ip.ns.addr6Dump(a.dev).some((x) => x.addr === a.local)) ip.ns.addr6Del(a.dev, a.local);
      }
    }
    if (ip.stats) ip.out.fp(`\n*** Round ${round}, deleting ${victims.length} addresses ***\n`);
    if (!(f.flags & IFA.SECONDARY) && f.flagmask & IFA.SECONDARY) return 0;
    if (round > 10) return 0;
  }
}

/** Print usage and exit 255 (`ip addr help`, or `ip link show help`). */
export function usageOf(ip: Ip, doLink: boolean): never {
  return ip.die(doLink ? USAGE_LINK : USAGE_ADDRESS);
}

/** ipaddr_modify(): add / del / change / replace. */
function addrModify(ip: Ip, cmd: 'add' | 'del' | 'change' | 'replace', argv: string[]): number {
  const args = new Args(ip, argv);
  let family = ip.family;
  let d: string | undefined;
  let label: string | undefined;
  let lcl: Prefix | undefined;
  let lclArg = '';
  let peer: Prefix | undefined;
  let brdLen = 0;
  let brd: number | undefined;
  let scope: number | undefined;
  let flags = 0;
  let metric: number | undefined;
  let validLft: number | undefined;
  let prefLft: number | undefined;
  while (args.more) {
    const w = args.cur;
    if (w === 'peer' || w === 'remote') {
      const v = args.next();
      if (peer) ip.duparg('peer', v);
      peer = getPrefix(ip, v, family);
      if (family === AF_UNSPEC) family = peer.family;
    } else if (matches(w, 'broadcast') || w === 'brd') {
      const v = args.next();
      if (brdLen) ip.duparg('broadcast', v);
      if (v === '+') brdLen = -1;
      else if (v === '-') brdLen = -2;
      else {
        const a = getAddr(ip, v, family);
        if (family === AF_UNSPEC) family = a.family;
        brd = a.v4;
        brdLen = 4;
      }
    } else if (w === 'anycast') {
      const v = args.next();
      getAddr(ip, v, family);
    } else if (w === 'scope') {
      const v = args.next();
      const s = scopeNum(v);
      if (s === undefined) ip.invarg('invalid scope value.', v);
      scope = s;
    } else if (w === 'dev') {
      d = args.next();
    } else if (w === 'label') {
      label = args.next();
    } else if (matches(w, 'metric') || matches(w, 'priority') || matches(w, 'preference')) {
      const v = args.next();
      if (!/^\d+$/.test(v)) ip.invarg('"metric" value is invalid\n', v);
      metric = Number(v);
    } else if (matches(w, 'valid_lft')) {
      if (validLft !== undefined) ip.duparg('valid_lft', w);
      const v = args.next();
      validLft = v === 'forever' ? Infinity : /^\d+$/.test(v) ? Number(v) : ip.invarg('valid_lft value', v);
    } else if (matches(w, 'preferred_lft')) {
      if (prefLft !== undefined) ip.duparg('preferred_lft', w);
      const v = args.next();
      prefLft = v === 'forever' ? Infinity : /^\d+$/.test(v) ? Number(v) : ip.invarg('preferred_lft value', v);
    } else if (FLAG_DATA.some((x) => x.name === w)) {
      const fd = FLAG_DATA.find((x) => x.name === w)!;
      if (fd.readonly) ip.err(`Warning: ${fd.name} option is not mutable from userspace\n`);
      else if (fd.v6only && family !== AF_INET6) ip.err(`Warning: ${fd.name} option can be set only for IPv6 addresses\n`);
      else flags |= fd.mask;
    } else {
      let v = w;
      if (w === 'local') v = args.next();
      if (matches(v, 'help')) usageOf(ip, false);
      if (lcl) ip.duparg2('local', v);
      lclArg = v;
      lcl = getPrefix(ip, v, family);
      if (family === AF_UNSPEC) family = lcl.family;
    }
    args.shift();
  }
  void metric;
  if (d === undefined) {
    ip.err('Not enough information: "dev" argument is required.\n');
    return -1;
  }
  let wildcard = false;
  if (!peer && lcl) {
    if (cmd === 'del' && lcl.family === AF_INET && !lcl.specified) {
      ip.err(
        `Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length (${lclArg}/${lcl.bytelen * 8}) to avoid this warning.\n         This special behaviour is likely to disappear in further releases,\n         fix your scripts!\n`,
      );
      wildcard = true;
    }
  }
  const prefixlen = peer ? peer.bitlen : lcl ? lcl.bitlen : 0;
  if (brdLen < 0 && cmd !== 'del') {
    if (family !== AF_INET) {
      ip.err('Broadcast can be set only for IPv4 addresses\n');
      return -1;
    }
    const base = peer ?? lcl;
    if (base && base.bitlen <= 30) {
      let b = base.v4;
      for (let i = 31; i >= base.bitlen; i--) {
        if (brdLen === -1) b |= 1 << (31 - i);
        else b &= ~(1 << (31 - i));
      }
      brd = b >>> 0;
    }
  }
  if (scope === undefined && cmd !== 'del') scope = lcl && lcl.family === AF_INET && lcl.v4 >>> 24 === 127 ? 254 : 0;
  const dev = ip.dev(d);
  if (!dev) return ip.nodev(d);
  if (validLft !== undefined || prefLft !== undefined) {
    const v = validLft ?? Infinity;
    const p = prefLft ?? Infinity;
    if (!v) {
      ip.err('valid_lft is zero\n');
      return -1;
    }
    if (v < p) {
      ip.err('preferred_lft is greater than valid_lft\n');
      return -1;
    }
  }
  if (family === AF_INET6 || (lcl && lcl.family === AF_INET6)) {
    return addr6Modify(ip, cmd, dev, lcl, prefixlen);
  }
  try {
    if (cmd === 'del') {
      if (!lcl && family === AF_UNSPEC) {
        // RTM_DELADDR with ifa_family AF_UNSPEC: no handler for that family.
        return ip.rtnlError(new KernelError('EOPNOTSUPP'));
      }
      if (!lcl) {
        // No address: the kernel deletes the first address of the device.
        const first = ip.ns.addrDump(dev)[0];
        if (!first) return ip.rtnlError(new KernelError('EADDRNOTAVAIL', 'ipv4: Address not found'));
        ip.ns.addrDel(dev, first.local, first.prefixlen);
      } else ip.ns.addrDel(dev, lcl.v4, wildcard ? undefined : prefixlen);
    } else {
      if (!lcl) {
        ip.err('Not enough information: "local" argument is required.\n');
        return -1;
      }
      // NLM_F_REPLACE changes an address the device has in place.
      if ((cmd === 'change' || cmd === 'replace') && ip.ns.addrChange(dev, lcl.v4, prefixlen, { label, broadcast: brd, scope, validLft, preferredLft: prefLft })) return 0;
      if (cmd === 'change') return ip.rtnlError(new KernelError('ENOENT'));
      ip.ns.addrAdd(dev, {
        local: lcl.v4,
        prefixlen,
        peer: peer ? peer.v4 : undefined,
        broadcast: brd,
        scope,
        label,
        noprefixroute: !!(flags & IFA.NOPREFIXROUTE),
        validLft,
        preferredLft: prefLft,
      });
    }
  } catch (e) {
    return ip.rtnlError(e);
  }
  return 0;
}


function addr6Modify(ip: Ip, cmd: string, dev: NetDevice, lcl: Prefix | undefined, prefixlen: number): number {
  if (!lcl || !lcl.v6) return -1;
  try {
    if (cmd === 'del') ip.ns.addr6Del(dev, lcl.v6);
    else ip.ns.addr6Add(dev, { addr: lcl.v6, prefixlen, scope: lcl.v6.startsWith('fe80:') ? 253 : 0, flags: ['permanent'] }, { excl: cmd === 'add' });
  } catch (e) {
    return ip.rtnlError(e);
  }
  return 0;
}

/** do_ipaddr(). */
export function doIpaddr(ip: Ip, argv: string[]): number {
  if (argv.length < 1) return addrListOrFlush(ip, [], 'list', false);
  const w = argv[0];
  const rest = argv.slice(1);
  if (matches(w, 'add')) return addrModify(ip, 'add', rest);
  if (matches(w, 'change') || w === 'chg') return addrModify(ip, 'change', rest);
  if (matches(w, 'replace')) return addrModify(ip, 'replace', rest);
  if (matches(w, 'delete')) return addrModify(ip, 'del', rest);
  if (matches(w, 'list') || matches(w, 'show') || matches(w, 'lst')) return addrListOrFlush(ip, rest, 'list', false);
  if (matches(w, 'flush')) return addrListOrFlush(ip, rest, 'flush', false);
  if (matches(w, 'help')) usageOf(ip, false);
  return ip.die(`Command "${w}" is unknown, try "ip address help".\n`);
}

/** Re-exported for the netmask helper users. */
export { netOf };
