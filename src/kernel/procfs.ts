// /proc, generated from kernel state on every access. /proc/sys/net and
// /proc/net show the *reading process's* network namespace, as on Linux;
// /proc/PID/ns/net is the nsfs file `ip netns` and `nsenter` use.

import { fail } from './errno.ts';
import { fmtIp4, maskOf } from './addr.ts';
import { RT_TABLE } from './fib.ts';
import type { Kernel } from './kernel.ts';
import type { NetNs } from './netns.ts';
import type { Process } from './proc.ts';
import type { GenDirNode, VNode, VfsCtx } from './vfs.ts';

/** The functions of xt_recent that /proc/net/xt_recent shows (kernel/netfilter/recent.ts). */
type XtRecent = Pick<typeof import('./netfilter/recent.ts'), 'recentLoaded' | 'recentProcRead' | 'recentProcWrite' | 'recentTables'>;
/**
 * xt_recent, registered by kernel/netfilter/recent.ts as it loads: a list
 * exists only once a rule made it, so before that no namespace has
 * /proc/net/xt_recent (and the browser worker need not load the module).
 */
let recentMod: XtRecent | undefined;

/** Called by kernel/netfilter/recent.ts when it loads. */
export function registerXtRecent(r: XtRecent): void {
  recentMod = r;
}
const recentLoaded = (ns: NetNs): boolean => recentMod?.recentLoaded(ns) ?? false;

/** One sysctl: read and (optionally) write its value as /proc/sys text. */
export interface SysctlEntry {
  get(): string;
  set?(v: string): void;
}

/** Parse an integer as proc_dointvec does (surrounding white space allowed). */
function parseIntStrict(v: string): number {
  const t = v.trim();
  if (!/^-?\d+$/.test(t)) fail('EINVAL');
  return Number(t);
}

/**
 * Ranges of net.ipv4.* integers written through proc_dointvec_minmax /
 * proc_dou8vec_minmax (the kernel's extra1/extra2): a value outside is EINVAL.
 */
export const IPV4_SYSCTL_RANGES: Record<string, [number, number]> = {
  ip_default_ttl: [1, 255],
  icmp_echo_ignore_all: [0, 1],
  icmp_echo_ignore_broadcasts: [0, 1],
  icmp_ignore_bogus_error_responses: [0, 1],
  icmp_echo_enable_probe: [0, 1],
  tcp_syn_retries: [1, 127],
  fib_multipath_hash_policy: [0, 3],
  fib_multipath_use_neigh: [0, 1],
  ip_forward_update_priority: [0, 1],
};

/**
 * Sysctls the simulated kernel keeps (readable, with their defaults) but does
 * not model: writing another value than the current one is refused with
 * EOPNOTSUPP (the sysctl command prints "sysctl: KEY: not simulated"), so
 * nothing is accepted and then ignored. Keys under net.ipv4.conf.* are given
 * without the device part (`conf.*.log_martians`).
 */
export const NOT_SIMULATED_SYSCTLS: Record<string, string> = {
  'net.ipv4.cipso_cache_bucket_size': 'CIPSO labelling is not modelled',
  'net.ipv4.cipso_cache_enable': 'CIPSO labelling is not modelled',
  'net.ipv4.cipso_rbm_optfmt': 'CIPSO labelling is not modelled',
  'net.ipv4.cipso_rbm_strictvalid': 'CIPSO labelling is not modelled',
  'net.ipv4.fib_multipath_use_neigh': 'multipath selection ignores neighbour state',
  'net.ipv4.fwmark_reflect': 'not modelled',
  'net.ipv4.icmp_echo_enable_probe': 'PROBE (RFC 8335) is not modelled',
  'net.ipv4.icmp_errors_use_inbound_ifaddr': 'not modelled',
  'net.ipv4.icmp_ignore_bogus_error_responses': 'not modelled',
  'net.ipv4.icmp_msgs_burst': 'ICMP rate limiting is not modelled',
  'net.ipv4.icmp_msgs_per_sec': 'ICMP rate limiting is not modelled',
  'net.ipv4.icmp_ratelimit': 'ICMP rate limiting is not modelled',
  'net.ipv4.icmp_ratemask': 'ICMP rate limiting is not modelled',
  'net.ipv4.igmp_link_local_mcast_reports': 'IGMP is not modelled',
  'net.ipv4.igmp_max_memberships': 'IGMP is not modelled',
  'net.ipv4.igmp_max_msf': 'IGMP is not modelled',
  'net.ipv4.igmp_qrv': 'IGMP is not modelled',
  'net.ipv4.ip_autobind_reuse': 'not modelled',
  'net.ipv4.ip_dynaddr': 'not modelled',
  'net.ipv4.ip_early_demux': 'not modelled (no visible effect on Linux either, but not honoured here)',
  'net.ipv4.ip_unprivileged_port_start': 'every program runs as root',
  'net.ipv4.ping_group_range': 'every program runs as root',
  'net.ipv4.raw_l3mdev_accept': 'VRF is not modelled',
  'net.ipv4.tcp_fin_timeout': 'TCP timers are not modelled',
  'net.ipv4.tcp_keepalive_intvl': 'TCP keepalive is not modelled',
  'net.ipv4.tcp_keepalive_probes': 'TCP keepalive is not modelled',
  'net.ipv4.tcp_keepalive_time': 'TCP keepalive is not modelled',
  'net.ipv4.tcp_synack_retries': 'not modelled',
  'net.ipv4.tcp_syncookies': 'SYN cookies are not modelled',
  'net.ipv4.tcp_window_scaling': 'TCP options are fixed',
  'net.ipv4.udp_early_demux': 'not modelled',
  'conf.accept_local': 'not modelled',
  'conf.accept_source_route': 'IP options are not modelled',
  'conf.arp_accept': 'not modelled',
  'conf.arp_evict_nocarrier': 'not modelled',
  'conf.arp_filter': 'not modelled',
  'conf.arp_notify': 'gratuitous ARP is not modelled',
  'conf.bc_forwarding': 'not modelled',
  'conf.bootp_relay': 'not modelled',
  'conf.disable_policy': 'IPsec is not modelled',
  'conf.disable_xfrm': 'IPsec is not modelled',
  'conf.drop_gratuitous_arp': 'not modelled',
  'conf.drop_unicast_in_l2_multicast': 'not modelled',
  'conf.force_igmp_version': 'IGMP is not modelled',
  'conf.igmpv2_unsolicited_report_interval': 'IGMP is not modelled',
  'conf.igmpv3_unsolicited_report_interval': 'IGMP is not modelled',
  'conf.log_martians': 'the kernel log is not modelled',
  'conf.medium_id': 'not modelled',
  'conf.promote_secondaries': 'secondaries are always deleted with their primary',
  'conf.proxy_arp_pvlan': 'not modelled',
  'conf.route_localnet': 'not modelled',
  'conf.secure_redirects': 'ICMP redirects are not modelled',
  'conf.send_redirects': 'ICMP redirects are not modelled',
  'conf.shared_media': 'ICMP redirects are not modelled',
  'conf.src_valid_mark': 'not modelled',
  'conf.tag': 'not modelled',
  'conf.accept_redirects': 'ICMP redirects are not modelled',
};

/** The NOT_SIMULATED_SYSCTLS key of a dotted sysctl name, if it is one. */
export function notSimulatedSysctl(dotted: string): string | undefined {
  if (dotted in NOT_SIMULATED_SYSCTLS) return dotted;
  const m = /^net\.ipv4\.conf\.[^.]+\.([a-z0-9_]+)$/.exec(dotted);
  return m && `conf.${m[1]}` in NOT_SIMULATED_SYSCTLS ? `conf.${m[1]}` : undefined;
}

const NS_CONF = new Set(Object.keys(NOT_SIMULATED_SYSCTLS).filter((k) => k.startsWith('conf.')).map((k) => k.slice(5)));
const NS_TOP = new Set(Object.keys(NOT_SIMULATED_SYSCTLS).filter((k) => k.startsWith('net.ipv4.')).map((k) => k.slice(9)));

/** True if the sysctl at `path` (under /proc/sys) is kept but not modelled. */
function isNotSimulatedPath(path: string): boolean {
  if (!path.startsWith('net/ipv4/')) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return path.startsWith('net/ipv4/conf/') ? NS_CONF.has(last) : NS_TOP.has(last);
}

function intEntry(get: () => number, set?: (n: number) => void): SysctlEntry {
  return { get: () => String(get()), set: set ? (v) => set(parseIntStrict(v)) : undefined };
}

/**
 * Every sysctl visible to a process in `ns`, keyed by path under /proc/sys
 * (e.g. `net/ipv4/ip_forward`), in sorted order.
 */
export function sysctlTable(k: Kernel, ns: NetNs): Map<string, SysctlEntry> {
  const m = new Map<string, SysctlEntry>();
  m.set('kernel/hostname', {
    get: () => k.hostname,
    set: (v) => {
      k.hostname = v.replace(/\n$/, '');
    },
  });
  m.set('kernel/ostype', { get: () => 'Linux' });
  m.set('kernel/osrelease', { get: () => '6.18.0-packetlab' });
  for (const key of Object.keys(ns.ipv4)) {
    if (key === 'ip_forward') {
      m.set('net/ipv4/ip_forward', intEntry(() => Number(ns.ipv4.ip_forward), (n) => ns.setIpForward(n)));
      continue;
    }
    const numeric = /^-?\d+$/.test(ns.ipv4[key]);
    const range = IPV4_SYSCTL_RANGES[key];
    m.set(`net/ipv4/${key}`, {
      get: () => ns.ipv4[key],
      set: numeric
        ? (v) => {
            const n = parseIntStrict(v);
            if (range && (n < range[0] || n > range[1])) fail('EINVAL');
            ns.ipv4[key] = String(n);
          }
        : key === 'ip_local_port_range'
        ? (v) => {
            // ipv4_local_port_range(): two ports, low <= high, within 1..65535.
            const parts = v.trim().split(/\s+/);
            if (parts.length !== 2) fail('EINVAL');
            const [lo, hi] = parts.map(parseIntStrict);
            if (lo > hi || lo < 1 || hi > 65535) fail('EINVAL');
            ns.ipv4[key] = `${lo}\t${hi}`;
          }
        : (v) => {
            ns.ipv4[key] = v.trim().replace(/\s+/g, '\t');
          },
    });
  }
  const confDirs: [string, Record<string, number>][] = [
    ['all', ns.confAll],
    ['default', ns.confDefault],
    ...ns.devices().map((d) => [d.name, d.conf] as [string, Record<string, number>]),
  ];
  for (const [dir, conf] of confDirs) {
    for (const key of Object.keys(conf)) {
      const path = `net/ipv4/conf/${dir}/${key}`;
      if (key === 'forwarding' && dir === 'all') {
        m.set(path, intEntry(() => ns.confAll.forwarding, (n) => ns.setIpForward(n)));
      } else if (key === 'mc_forwarding') {
        m.set(path, { get: () => String(conf[key]) });
      } else {
        m.set(path, intEntry(() => conf[key], (n) => (conf[key] = n)));
      }
    }
  }
  for (const d of ns.devices()) {
    m.set(`net/ipv6/conf/${d.name}/disable_ipv6`, intEntry(() => (d.ipv6Disabled ? 1 : 0), (n) => ns.setDisableIpv6(d, n)));
  }
  for (const key of Object.keys(ns.other)) {
    const path = key.replace(/\./g, '/');
    if (key === 'net.ipv6.conf.all.disable_ipv6') {
      m.set(path, intEntry(() => Number(ns.other[key]), (n) => ns.setDisableIpv6('all', n)));
      continue;
    }
    m.set(path, {
      get: () => ns.other[key],
      set: (v) => {
        ns.other[key] = String(parseIntStrict(v));
      },
    });
  }
  return new Map([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A generated directory over the sysctl table, at `prefix` (e.g. `net/ipv4`). */
function sysDir(k: Kernel, prefix: string): GenDirNode {
  const nsOf = (ctx: VfsCtx): NetNs => (ctx.netns as NetNs | undefined) ?? k.initNs;
  const children = (ctx: VfsCtx): Map<string, 'file' | 'dir'> => {
    const out = new Map<string, 'file' | 'dir'>();
    const pre = prefix ? prefix + '/' : '';
    for (const key of sysctlTable(k, nsOf(ctx)).keys()) {
      if (!key.startsWith(pre)) continue;
      const rest = key.slice(pre.length).split('/');
      out.set(rest[0], rest.length === 1 ? 'file' : 'dir');
    }
    return out;
  };
  return {
    kind: 'gendir',
    mode: 0o555,
    list: (ctx) => [...children(ctx).keys()],
    lookup: (ctx, name) => {
      const kind = children(ctx).get(name);
      if (!kind) return undefined;
      const path = prefix ? `${prefix}/${name}` : name;
      if (kind === 'dir') return sysDir(k, path);
      return {
        kind: 'gen',
        mode: 0o644,
        read: (c) => {
          const e = sysctlTable(k, nsOf(c)).get(path);
          if (!e) fail('ENOENT');
          return e.get() + '\n';
        },
        write: (c, data) => {
          const e = sysctlTable(k, nsOf(c)).get(path);
          if (!e) fail('ENOENT');
          if (!e.set) fail('EACCES');
          // Kept but not modelled: a change is refused (the same value is a no-op).
          if (isNotSimulatedPath(path)) {
            if (data.trim().replace(/\s+/g, '\t') === e.get()) return;
            fail('EOPNOTSUPP');
          }
          e.set(data);
        },
      };
    },
  };
}

/** /proc/net/dev in the kernel's format. */
function procNetDev(ns: NetNs): string {
  let s = 'Inter-|   Receive                                                |  Transmit\n';
  s += ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';
  for (const d of ns.devices()) {
    const t = d.stats;
    s +=
      `${d.name.padStart(6)}: ${String(t.rxBytes).padStart(7)} ${String(t.rxPackets).padStart(7)} ${String(t.rxErrors).padStart(4)} ${String(t.rxDropped).padStart(4)}    0     0          0 ${String(t.multicast).padStart(9)} ` +
      `${String(t.txBytes).padStart(8)} ${String(t.txPackets).padStart(7)} ${String(t.txErrors).padStart(4)} ${String(t.txDropped).padStart(4)}    0     0 ${String(t.txCarrier).padStart(7)}          0\n`;
  }
  return s;
}

/** An IPv4 address as /proc/net/route prints it: %08X of the network-order word. */
function hexLe(a: number): string {
  const le = ((a & 0xff) << 24) | (((a >>> 8) & 0xff) << 16) | (((a >>> 16) & 0xff) << 8) | (a >>> 24);
  return (le >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

/**
 * /proc/net/route (fib_route_seq_show): the main table, each line padded to
 * 127 columns. A namespace whose main table was never created (no device
 * ever up, no route ever added) prints nothing at all, not even the header.
 */
function procNetRoute(ns: NetNs): string {
  const main = ns.fib.table(RT_TABLE.main);
  if (!main.length && !ns.devices().some((d) => d.everUp)) return '';
  const pad = (l: string): string => l.padEnd(127) + '\n';
  let s = pad('Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT');
  for (const r of main) {
    if (r.type === 'broadcast' || r.type === 'multicast' || r.type === 'local') continue;
    const mask = maskOf(r.dstLen);
    let flags = r.type === 'unreachable' || r.type === 'prohibit' ? 0x200 : 0;
    if (r.gateway !== undefined) flags |= 0x2;
    if (r.dstLen === 32) flags |= 0x4;
    flags |= 0x1;
    const dev = r.dev ? r.dev.name : '*';
    s += pad(`${dev}\t${hexLe(r.dst)}\t${hexLe(r.gateway ?? 0)}\t${flags.toString(16).toUpperCase().padStart(4, '0')}\t0\t0\t${r.metric}\t${hexLe(mask)}\t0\t0\t0`);
  }
  return s;
}

/** /proc/net/arp (arp_seq_show): IPv4 neighbours, NOARP entries skipped. */
function procNetArp(ns: NetNs): string {
  let s = 'IP address       HW type     Flags       HW address            Mask     Device\n';
  for (const e of ns.neigh.entries) {
    const st = ns.neigh.stateAt(e, ns.now);
    if (st === 'NOARP' || e.proxy) continue;
    const valid = st === 'PERMANENT' || st === 'REACHABLE' || st === 'STALE' || st === 'DELAY' || st === 'PROBE';
    const flags = (valid ? 0x2 : 0) | (st === 'PERMANENT' ? 0x4 : 0);
    const hw = valid && e.mac ? e.mac : '00:00:00:00:00:00';
    s += `${fmtIp4(e.ip).padEnd(16)} 0x${'1'.padEnd(10)}0x${flags.toString(16).padEnd(10)}${hw.padEnd(17)}     ${'*'.padEnd(8)} ${e.dev.name}\n`;
  }
  return s;
}

function pidDir(k: Kernel, p: Process): GenDirNode {
  const entries: Record<string, () => VNode> = {
    ns: () => ({
      kind: 'gendir',
      mode: 0o511,
      list: () => ['net'],
      // A magic link: `ls -l` shows `net -> net:[INODE]`, opening it gives the nsfs file.
      lookup: (_c, n) =>
        n === 'net' ? { kind: 'symlink', target: `net:[${(p.netns as NetNs).inode}]`, mtime: p.startedAt, magic: () => k.nsNode(p.netns as NetNs) } : undefined,
    }),
    cmdline: () => ({ kind: 'gen', mode: 0o444, read: () => p.argv.join('\0') + '\0' }),
    comm: () => ({ kind: 'gen', mode: 0o644, read: () => p.comm + '\n' }),
    status: () => ({ kind: 'gen', mode: 0o444, read: () => `Name:\t${p.comm}\nState:\t${p.state === 'Z' ? 'Z (zombie)' : 'S (sleeping)'}\nPid:\t${p.pid}\nPPid:\t${p.ppid}\n` }),
    environ: () => ({ kind: 'gen', mode: 0o400, read: () => Object.entries(p.env).map(([a, b]) => `${a}=${b}\0`).join('') }),
    cwd: () => ({ kind: 'symlink', target: p.cwd, mtime: 0 }),
  };
  return {
    kind: 'gendir',
    mode: 0o555,
    list: () => Object.keys(entries),
    lookup: (_c, n) => entries[n]?.(),
  };
}

/** Mount /proc on a kernel's file system. */
export function mountProcfs(k: Kernel): void {
  const nsOf = (ctx: VfsCtx): NetNs => (ctx.netns as NetNs | undefined) ?? k.initNs;
  const netFiles: Record<string, (ns: NetNs) => string> = { arp: procNetArp, dev: procNetDev, route: procNetRoute };
  // /proc/net/xt_recent/NAME: the lists of -m recent (read, and written with /, +ADDR, -ADDR).
  const xtRecent: GenDirNode = {
    kind: 'gendir',
    mode: 0o555,
    list: (c) => [...recentMod!.recentTables(nsOf(c)).keys()].sort(),
    lookup: (c, n) =>
      recentMod!.recentTables(nsOf(c)).has(n)
        ? {
            kind: 'gen',
            mode: 0o644,
            read: (cc) => {
              const t = recentMod!.recentTables(nsOf(cc)).get(n);
              if (!t) fail('ENOENT');
              return recentMod!.recentProcRead(t!);
            },
            write: (cc, data) => {
              const t = recentMod!.recentTables(nsOf(cc)).get(n);
              if (!t) fail('ENOENT');
              if (!recentMod!.recentProcWrite(t!, data, k.clock.now)) fail('EINVAL');
            },
          }
        : undefined,
  };
  const net: GenDirNode = {
    kind: 'gendir',
    mode: 0o555,
    list: (c) => [...Object.keys(netFiles), ...(recentLoaded(nsOf(c)) ? ['xt_recent'] : [])],
    lookup: (c, n) => (n === 'xt_recent' && recentLoaded(nsOf(c)) ? xtRecent : netFiles[n] ? { kind: 'gen', mode: 0o444, read: (cc) => netFiles[n](nsOf(cc)) } : undefined),
  };
  const root: GenDirNode = {
    kind: 'gendir',
    mode: 0o555,
    list: () => [...k.procs.list().map((p) => String(p.pid)), 'net', 'self', 'sys', 'uptime', 'version'],
    lookup: (ctx, name) => {
      if (name === 'sys') return sysDir(k, '');
      if (name === 'net') return net;
      if (name === 'self') {
        const p = ctx.proc as Process | undefined;
        return { kind: 'symlink', target: `/proc/${p ? p.pid : 1}`, mtime: 0 };
      }
      if (name === 'uptime') return { kind: 'gen', mode: 0o444, read: () => `${(k.clock.now / 1000).toFixed(2)} ${(k.clock.now / 1000).toFixed(2)}\n` };
      if (name === 'version') return { kind: 'gen', mode: 0o444, read: () => 'Linux version 6.18.0-packetlab (packetlab) #1 SMP PREEMPT_DYNAMIC\n' };
      if (/^\d+$/.test(name)) {
        const p = k.procs.get(Number(name));
        return p ? pidDir(k, p) : undefined;
      }
      return undefined;
    },
  };
  k.vfs.root.children.set('proc', root);
}
