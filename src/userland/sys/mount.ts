// mount and umount (util-linux 2.38.1), as far as network namespaces need
// them: `mount --bind /proc/PID/ns/net /run/netns/NAME` pins a namespace
// under a name `ip netns` lists, `umount` drops it again. Bind mounts of
// other files and `-t tmpfs` mounts replace the mount point in the VFS; the
// table of what was mounted lives here, per host.

import { register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { VNode } from '../../kernel/vfs.ts';
import { KernelError } from '../../kernel/errno.ts';
import { kernelOf } from '../lib/sys.ts';

/** One mount: where, what it shows, and what it covers. */
interface MountEntry {
  source: string;
  target: string;
  fstype: string;
  opts: string;
  covered: VNode;
}

const tables = new WeakMap<Kernel, MountEntry[]>();

function mountTable(k: Kernel): MountEntry[] {
  let t = tables.get(k);
  if (!t) {
    t = [];
    tables.set(k, t);
  }
  return t;
}

/** The mounts every bare host starts with (what `mount` lists first). */
const BASE_MOUNTS = [
  'proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)',
  'none on /run type tmpfs (rw,relatime,mode=755)',
  'none on /tmp type tmpfs (rw,relatime)',
];

/** Absolute form of a path for messages and the table. */
function absPath(p: Process, path: string): string {
  if (path.startsWith('/')) return path;
  return `${p.cwd.replace(/\/$/, '')}/${path}`;
}

const MOUNT_FAIL_HINT = '       dmesg(1) may have more information after failed mount system call.\n';

function lookupSource(p: Process, k: Kernel, path: string): VNode | undefined {
  if (/^\/proc\/1\/ns\/net$/.test(path) && !k.procs.get(1)) return k.nsNode(k.initNs);
  try {
    const n = k.vfs.lookup(path, p.vfsCtx());
    // An nsfs file is copied (a new reference to the same namespace).
    return n.kind === 'nsfs' ? { ...n } : n;
  } catch (e) {
    if (e instanceof KernelError) return undefined;
    throw e;
  }
}

function mount(p: Process): number {
  const k = kernelOf(p);
  const args = p.argv.slice(1);
  let bind = false;
  let fstype: string | undefined;
  let opts = '';
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--bind' || a === '-B' || a === '--rbind' || a === '-R') bind = true;
    else if (a === '-o' || a === '--options') {
      opts = args[++i] ?? '';
      if (opts.split(',').includes('bind')) bind = true;
    } else if (a === '-t' || a === '--types') fstype = args[++i];
    else if (/^--make-(r?)(shared|private|slave|unbindable)$/.test(a)) {
      // propagation flags: no effect on the single mount namespace
      operands.push('--propagation-only');
    } else if (a === '-V' || a === '--version') {
      p.stdout.write('mount from util-linux 2.38.1 (libmount 2.38.1: selinux, smack, btrfs, verity, namespaces, assert, debug)\n');
      return 0;
    } else if (a.startsWith('-')) {
      // -n, -v, -f ... accepted
    } else operands.push(a);
  }
  if (operands[0] === '--propagation-only') return 0;
  if (!operands.length) {
    const lines = [...BASE_MOUNTS, ...mountTable(k).map((m) => `${m.source} on ${m.target} type ${m.fstype} (${m.opts})`)];
    p.stdout.write(lines.map((l) => l + '\n').join(''));
    return 0;
  }
  if (operands.length < 2) {
    p.stderr.write(`mount: ${absPath(p, operands[0])}: can't find in /etc/fstab.\n`);
    return 1;
  }
  const [src, dst] = operands;
  const target = absPath(p, dst);
  const covered = k.vfs.tryLookup(target, p.vfsCtx());
  if (!covered) {
    p.stderr.write(`mount: ${target}: mount point does not exist.\n${MOUNT_FAIL_HINT}`);
    return 32;
  }
  let node: VNode;
  let type: string;
  let mopts: string;
  if (bind) {
    const n = lookupSource(p, k, absPath(p, src));
    if (!n) {
      p.stderr.write(`mount: ${target}: special device ${src} does not exist.\n${MOUNT_FAIL_HINT}`);
      return 32;
    }
    const isDir = n.kind === 'dir' || n.kind === 'gendir';
    const coveredDir = covered.kind === 'dir' || covered.kind === 'gendir';
    if (isDir !== coveredDir) {
      p.stderr.write(`mount: ${target}: mount point is ${coveredDir ? 'a directory' : 'not a directory'}.\n${MOUNT_FAIL_HINT}`);
      return 32;
    }
    node = n;
    type = n.kind === 'nsfs' ? 'nsfs' : 'none';
    mopts = 'rw';
  } else if (fstype === 'tmpfs' || fstype === 'proc') {
    if (covered.kind !== 'dir') {
      p.stderr.write(`mount: ${target}: mount point is not a directory.\n${MOUNT_FAIL_HINT}`);
      return 32;
    }
    node = { kind: 'dir', children: new Map(), mode: 0o755, mtime: k.clock.now };
    type = fstype;
    mopts = 'rw,relatime';
  } else {
    p.stderr.write(`mount: ${target}: special device ${src} does not exist.\n${MOUNT_FAIL_HINT}`);
    return 32;
  }
  k.vfs.mountOver(target, node, p.vfsCtx());
  mountTable(k).push({ source: type === 'nsfs' ? 'nsfs' : src, target, fstype: type, opts: mopts, covered });
  k.notifyTopology();
  return 0;
}

function umount(p: Process): number {
  const k = kernelOf(p);
  const operands = p.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!operands.length) {
    p.stderr.write("Usage:\n umount [-hV]\n umount -a [options]\n umount [options] <source> | <directory>\n\nUnmount filesystems.\n");
    return 1;
  }
  let rc = 0;
  for (const o of operands) {
    const target = absPath(p, o);
    const node = k.vfs.tryLookup(target, p.vfsCtx(), false);
    if (!node) {
      p.stderr.write(`umount: ${target}: no mount point specified.\n`);
      rc = 32;
      continue;
    }
    const t = mountTable(k);
    const idx = t.map((m) => m.target).lastIndexOf(target);
    if (idx >= 0) {
      const [m] = t.splice(idx, 1);
      k.vfs.mountOver(target, m.covered, p.vfsCtx());
    } else if (node.kind === 'nsfs') {
      // A namespace file `ip netns add` bind-mounted: the empty file it covered reappears.
      k.vfs.mountOver(target, { kind: 'file', data: '', mode: 0o444, mtime: k.clock.now }, p.vfsCtx());
    } else {
      p.stderr.write(`umount: ${target}: not mounted.\n`);
      rc = 32;
      continue;
    }
    k.gcNetns();
    k.notifyTopology();
  }
  return rc;
}

register({
  name: 'mount',
  summary: 'mount a file system (bind mounts of namespace files, tmpfs)',
  usage: 'mount [--bind SRC DST | -t tmpfs NAME DIR]',
  options: [
    { flag: '--bind, -B', desc: 'bind-mount SRC (e.g. /proc/PID/ns/net) over DST' },
    { flag: '-t, --types', arg: 'type', desc: 'file system type (tmpfs)' },
  ],
  run: mount,
});

register({
  name: 'umount',
  summary: 'unmount a file system',
  usage: 'umount DIR',
  run: umount,
});
