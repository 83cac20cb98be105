// /proc, generated from kernel state on every access. /proc/sys/net and
// /proc/net show the *reading process's* network namespace, as on Linux;
// /proc/PID/ns/net is the nsfs file `ip netns` and `nsenter` use.

import { fail } from './errno.ts';
import type { Kernel } from './kernel.ts';
import type { NetNs } from './netns.ts';
import type { Process } from './proc.ts';
import type { GenDirNode, VNode, VfsCtx } from './vfs.ts';

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
      m.set('net/ipv4/ip_forward', intEntry(() => Number(ns.ipv4.ip_forward), (n) => ns.setIpForward(n !== 0)));
      continue;
    }
    const numeric = /^-?\d+$/.test(ns.ipv4[key]);
    m.set(`net/ipv4/${key}`, {
      get: () => ns.ipv4[key],
      set: numeric
        ? (v) => {
            ns.ipv4[key] = String(parseIntStrict(v));
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
        m.set(path, intEntry(() => ns.confAll.forwarding, (n) => ns.setIpForward(n !== 0)));
      } else if (key === 'mc_forwarding') {
        m.set(path, { get: () => String(conf[key]) });
      } else {
        m.set(path, intEntry(() => conf[key], (n) => (conf[key] = n)));
      }
    }
  }
  for (const key of Object.keys(ns.other)) {
    const path = key.replace(/\./g, '/');
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

function pidDir(k: Kernel, p: Process): GenDirNode {
  const entries: Record<string, () => VNode> = {
    ns: () => ({
      kind: 'gendir',
      mode: 0o511,
      list: () => ['net'],
      lookup: (_c, n) => (n === 'net' ? k.nsNode(p.netns as NetNs) : undefined),
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
  const net: GenDirNode = {
    kind: 'gendir',
    mode: 0o555,
    list: () => ['dev'],
    lookup: (_c, n) => (n === 'dev' ? { kind: 'gen', mode: 0o444, read: (c) => procNetDev(nsOf(c)) } : undefined),
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
