// One simulated host: a kernel with its namespaces, packet stack, processes
// and file system. A fresh Kernel is exactly the fidelity kit's "bare host".

import type { Clock } from './clock.ts';
import type { Rng } from './rng.ts';
import type { Trace } from './packet.ts';
import { Vfs, type NsNode } from './vfs.ts';
import { ProcessTable } from './proc.ts';
import './dev/index.ts';
import { NetNs } from './netns.ts';
import { Stack } from './stack.ts';
import { mountProcfs } from './procfs.ts';
import { installSockets } from './socket/install.ts';

/** Options of a new host. */
export interface HostOptions {
  hostname: string;
  /** Extra /etc/hosts lines appended after the bare host's. */
  extraHosts?: string;
  /** Replace /etc/resolv.conf content. */
  resolvConf?: string;
}

/** The bare host's /etc/hosts (fidelity README). */
export function bareEtcHosts(hostname: string): string {
  return `127.0.0.1\tlocalhost\n127.0.1.1\t${hostname}\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n`;
}

const NSSWITCH =
  'passwd:         files\ngroup:          files\nshadow:         files\nhosts:          files dns\nnetworks:       files\nprotocols:      files\nservices:       files\n';

/** First nsfs inode numbers as Linux allocates them (init_net is 4026531840). */
const INIT_NET_INODE = 4026531840;
const FIRST_NET_INODE = 4026532281;

/** A traced packet as its program announces it: the command, when it started, and the path steps (filled in as it travels). */
export interface TracedPacket {
  command: string;
  at: number;
  trace: Trace;
  /** Set by a lab check's probe: whether it got its reply. */
  probe?: { ok: boolean };
}

/** A simulated host's kernel. */
export class Kernel {
  readonly clock: Clock;
  readonly rng: Rng;
  readonly vfs: Vfs;
  readonly procs: ProcessTable;
  readonly stack: Stack;
  hostname: string;
  readonly initNs: NetNs;
  /** Every live network namespace (init first). */
  readonly namespaces: NetNs[] = [];
  private nextInode = FIRST_NET_INODE;
  private topoListeners = new Set<() => void>();
  /**
   * Observers of traced packets (a tracepoint): a program that traces a
   * packet (ping's first echo, curl's SYN, a lab check's probe) announces it
   * here, and whoever listens (the world's PathRecorder for the packet-path
   * view, a check waiting for its own) keeps what it needs. The kernel keeps
   * nothing.
   */
  readonly traceObservers = new Set<(t: TracedPacket) => void>();
  /** Version counter bumped on every topology change (views poll it). */
  topoVersion = 0;

  constructor(opts: HostOptions, clock: Clock, rng: Rng) {
    this.clock = clock;
    this.rng = rng;
    this.hostname = opts.hostname;
    this.vfs = new Vfs(() => clock.now);
    this.procs = new ProcessTable(clock);
    this.stack = new Stack(this);
    installSockets(this);
    this.initNs = new NetNs(this, INIT_NET_INODE);
    this.namespaces.push(this.initNs);
    this.initNs.setUp(this.initNs.lo, true);
    // pid 1 is the host's init; the first shell gets a later pid.
    this.procs.reservePid();
    this.bootFiles(opts);
  }

  /** Lay out the bare host's files (/etc, /run, /tmp, /proc ...). */
  bootFiles(opts: HostOptions): void {
    const v = this.vfs;
    for (const d of ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/share', '/dev', '/root', '/home', '/tmp', '/run', '/var', '/var/lib', '/var/log', '/mnt', '/opt', '/srv', '/etc/netns']) v.mkdir(d, {}, true);
    // Debian 12 is merged-/usr: /bin and /sbin are symlinks.
    v.symlink('usr/bin', '/bin');
    v.symlink('usr/sbin', '/sbin');
    v.symlink('/run', '/var/run');
    v.putFile('/etc/hostname', `${this.hostname}\n`);
    v.putFile('/etc/hosts', bareEtcHosts(this.hostname) + (opts.extraHosts ?? ''));
    v.putFile('/etc/resolv.conf', opts.resolvConf ?? 'nameserver 10.0.0.53\nsearch example.internal\n');
    v.putFile('/etc/nsswitch.conf', NSSWITCH);
    v.putFile('/etc/os-release', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n');
    v.putFile('/etc/debian_version', '12.9\n');
    v.putFile('/etc/protocols', 'ip\t0\tIP\nicmp\t1\tICMP\ntcp\t6\tTCP\nudp\t17\tUDP\n');
    v.putFile('/etc/services', 'ssh\t\t22/tcp\ndomain\t\t53/tcp\ndomain\t\t53/udp\nhttp\t\t80/tcp\nhttps\t\t443/tcp\n');
    v.putFile('/root/.bashrc', '# ~/.bashrc\n');
    // Boot-time kernel settings (procps, systemd-sysctl): /etc/sysctl.conf, /etc/sysctl.d with Debian's
    // 99-sysctl.conf link to it, and /usr/lib/sysctl.d. Debian's two files there set kernel.pid_max
    // and fs.protected_*, which this host does not model, so that directory starts empty.
    v.mkdir('/etc/sysctl.d', {}, true);
    v.mkdir('/usr/lib/sysctl.d', {}, true);
    v.putFile('/etc/sysctl.conf', '# Kernel parameters applied at boot, one "key = value" per line (see sysctl.conf(5)).\n');
    v.symlink('../sysctl.conf', '/etc/sysctl.d/99-sysctl.conf');
    for (const name of ['null', 'zero', 'tty'] as const) v.create(`/dev/${name}`, { kind: 'dev', name, mode: 0o666 });
    mountProcfs(this);
  }

  /** Create an anonymous network namespace (unshare/clone). */
  newNetns(): NetNs {
    const ns = new NetNs(this, this.nextInode++);
    this.namespaces.push(ns);
    this.notifyTopology();
    return ns;
  }

  /** An nsfs node pinning `ns` (what /proc/PID/ns/net is and bind mounts copy). */
  nsNode(ns: NetNs): NsNode {
    return { kind: 'nsfs', ns, label: `net:[${ns.inode}]`, mtime: this.clock.now };
  }

  /** Names under /run/netns that are namespace files, in directory order. */
  netnsNames(): string[] {
    const dir = this.vfs.tryLookup('/run/netns');
    if (!dir || dir.kind !== 'dir') return [];
    return [...dir.children.entries()].filter(([, n]) => n.kind === 'nsfs').map(([k]) => k);
  }

  /** The namespace a /run/netns/NAME file pins, if any. */
  openNetns(name: string): NetNs | undefined {
    const n = this.vfs.tryLookup(`/run/netns/${name}`);
    return n && n.kind === 'nsfs' && (n.ns as NetNs).alive ? (n.ns as NetNs) : undefined;
  }

  /** Names (under /run/netns) of a namespace. */
  netnsNamesOf(ns: NetNs): string[] {
    const dir = this.vfs.tryLookup('/run/netns');
    if (!dir || dir.kind !== 'dir') return [];
    return [...dir.children.entries()].filter(([, n]) => n.kind === 'nsfs' && n.ns === ns).map(([k]) => k);
  }

  /** Interface names of a namespace (Tab completion). */
  interfaceNames(ns: unknown): string[] {
    return (ns as NetNs).devices().map((d) => d.name);
  }

  /** First free name for a pattern like `veth%d` in `ns`. */
  nextName(ns: NetNs, pattern: string): string {
    for (let i = 0; i < 100000; i++) {
      const n = pattern.replace('%d', String(i));
      if (!ns.devByName(n)) return n;
    }
    return pattern;
  }

  /** Drop a destroyed namespace from the list. */
  forgetNetns(ns: NetNs): void {
    const i = this.namespaces.indexOf(ns);
    if (i > 0) this.namespaces.splice(i, 1);
  }

  /** Destroy namespaces nothing refers to any more (no nsfs mount, no process). */
  gcNetns(): void {
    const pinned = new Set<NetNs>([this.initNs]);
    const walk = (node: import('./vfs.ts').VNode, depth: number): void => {
      if (depth > 12) return;
      if (node.kind === 'nsfs') pinned.add(node.ns as NetNs);
      else if (node.kind === 'dir') for (const c of node.children.values()) walk(c, depth + 1);
    };
    for (const [name, c] of this.vfs.root.children) if (name !== 'proc') walk(c, 0);
    for (const p of this.procs.list()) pinned.add(p.netns as NetNs);
    for (const ns of [...this.namespaces]) if (!pinned.has(ns)) ns.destroy();
  }

  /** Subscribe to topology changes (links, addresses, namespaces). */
  /** Announce a traced packet to the observers. */
  announceTrace(t: TracedPacket): void {
    for (const o of this.traceObservers) o(t);
  }

  onTopology(fn: () => void): () => void {
    this.topoListeners.add(fn);
    return () => this.topoListeners.delete(fn);
  }

  /** Called by the kernel whenever links, addresses or namespaces change. */
  notifyTopology(): void {
    this.topoVersion++;
    this.stack?.stpSync();
    for (const f of this.topoListeners) f();
  }
}
