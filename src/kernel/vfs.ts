// In-memory virtual file system of one simulated host.
//
//   /            dir
//   ├── etc/     ordinary files (hosts, resolv.conf, ...)
//   ├── run/     tmpfs; /run/netns/NAME are nsfs bind mounts
//   ├── var/run  -> /run (symlink)
//   ├── proc/    generated from kernel state, per reading process
//   └── tmp/     empty tmpfs, the working directory of a fresh shell
//
// Generated nodes (files and directories) are computed on each access from
// the accessing process's context, so /proc/sys/net shows the reader's
// network namespace exactly as on Linux.

import { KernelError, fail } from './errno.ts';

/** Who is accessing the file system: what generated files are computed from. */
export interface VfsCtx {
  /** The accessing process's network namespace (opaque to the VFS). */
  netns?: unknown;
  /** The accessing process (opaque to the VFS). */
  proc?: unknown;
  /** Working directory for relative paths. */
  cwd?: string;
  /**
   * Nodes seen in place of the stored ones at these absolute paths (a
   * container's own /etc/hosts...); defaults to the accessing process's
   * `overlay` when it has one.
   */
  overlay?: Map<string, VNode>;
}

/** A directory whose entries are stored. */
export interface DirNode {
  kind: 'dir';
  children: Map<string, VNode>;
  mode: number;
  mtime: number;
}
/** A regular file whose content is stored. */
export interface FileNode {
  kind: 'file';
  data: string;
  mode: number;
  mtime: number;
}
/** A symbolic link. */
export interface SymlinkNode {
  kind: 'symlink';
  target: string;
  mtime: number;
  /**
   * A "magic" link (procfs /proc/PID/ns/net): following it yields this node
   * instead of resolving `target` as a path; `target` is what readlink shows.
   */
  magic?: () => VNode;
}
/** A file computed from kernel state (e.g. /proc/sys/net/ipv4/ip_forward). */
export interface GenFileNode {
  kind: 'gen';
  read(ctx: VfsCtx): string;
  /** Absent: the file is read-only (EACCES... or EIO as Linux says for /proc). */
  write?(ctx: VfsCtx, data: string): void;
  mode: number;
}
/** A directory computed from kernel state (e.g. /proc, /proc/sys/net/ipv4/conf). */
export interface GenDirNode {
  kind: 'gendir';
  list(ctx: VfsCtx): string[];
  lookup(ctx: VfsCtx, name: string): VNode | undefined;
  mode: number;
}
/** A namespace file (nsfs), as /proc/PID/ns/net or a bind mount of it. */
export interface NsNode {
  kind: 'nsfs';
  /** The namespace object this file pins. */
  ns: unknown;
  /** Display, e.g. `net:[4026532281]`. */
  label: string;
  mtime: number;
}
/** A character device (only /dev/null and friends). */
export interface DevNode {
  kind: 'dev';
  name: 'null' | 'zero' | 'tty';
  mode: number;
}

export type VNode = DirNode | FileNode | SymlinkNode | GenFileNode | GenDirNode | NsNode | DevNode;

const MAX_SYMLINKS = 40;

/** Normalise `path` against `cwd` into absolute components (no symlink resolution). */
export function splitPath(path: string, cwd = '/'): string[] {
  const abs = path.startsWith('/') ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const part of abs.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out;
}

/** Join components into an absolute path. */
export function joinPath(parts: string[]): string {
  return '/' + parts.join('/');
}

/** The file system of one host. All errors are KernelError with Linux errnos. */
export class Vfs {
  readonly root: DirNode;
  /** Virtual-clock source for mtimes (ms). */
  now: () => number;

  constructor(now: () => number = () => 0) {
    this.now = now;
    this.root = { kind: 'dir', children: new Map(), mode: 0o755, mtime: 0 };
  }

  /** Resolve a path to its node; `follow` false leaves a final symlink unresolved. */
  lookup(path: string, ctx: VfsCtx = {}, follow = true): VNode {
    return this.walk(splitPath(path, ctx.cwd), ctx, follow, 0).node;
  }

  /** Resolve a path; undefined when it does not exist (other errors still throw). */
  tryLookup(path: string, ctx: VfsCtx = {}, follow = true): VNode | undefined {
    try {
      // soft: a missing entry is undefined without building an exception (PATH searches do many)
      return this.walk(splitPath(path, ctx.cwd), ctx, follow, 0, true)?.node;
    } catch (e) {
      if (e instanceof KernelError && (e.errno === 'ENOENT' || e.errno === 'ENOTDIR')) return undefined;
      throw e;
    }
  }

  /** Canonical absolute path of an existing node (symlinks resolved), like realpath(3). */
  realpath(path: string, ctx: VfsCtx = {}): string {
    return joinPath(this.walk(splitPath(path, ctx.cwd), ctx, true, 0).parts);
  }

  private walk(parts: string[], ctx: VfsCtx, follow: boolean, depth: number): { node: VNode; parts: string[] };
  private walk(parts: string[], ctx: VfsCtx, follow: boolean, depth: number, soft: true): { node: VNode; parts: string[] } | undefined;
  private walk(parts: string[], ctx: VfsCtx, follow: boolean, depth: number, soft = false): { node: VNode; parts: string[] } | undefined {
    let node: VNode = this.root;
    const done: string[] = [];
    const overlay = ctx.overlay ?? (ctx.proc as { overlay?: Map<string, VNode> } | undefined)?.overlay;
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i];
      if (node.kind !== 'dir' && node.kind !== 'gendir') {
        if (soft) return undefined;
        fail('ENOTDIR');
      }
      const over = overlay?.size ? overlay.get(joinPath([...done, name])) : undefined;
      const child: VNode | undefined = over ?? (node.kind === 'dir' ? node.children.get(name) : node.lookup(ctx, name));
      if (!child) {
        if (soft) return undefined;
        fail('ENOENT');
      }
      const last = i === parts.length - 1;
      if (child.kind === 'symlink' && (!last || follow)) {
        if (child.magic) {
          node = child.magic();
          done.push(name);
          continue;
        }
        if (depth >= MAX_SYMLINKS) fail('ELOOP');
        const target = splitPath(child.target, joinPath(done));
        return soft ? this.walk([...target, ...parts.slice(i + 1)], ctx, follow, depth + 1, true) : this.walk([...target, ...parts.slice(i + 1)], ctx, follow, depth + 1);
      }
      node = child;
      done.push(name);
    }
    return { node, parts: done };
  }

  /** The parent directory node of `path` and the final name. */
  private parentOf(path: string, ctx: VfsCtx): { dir: DirNode; name: string } {
    const parts = splitPath(path, ctx.cwd);
    const name = parts.pop();
    if (name === undefined) fail('EEXIST');
    const dir = this.walk(parts, ctx, true, 0).node;
    if (dir.kind === 'gendir') fail('EACCES');
    if (dir.kind !== 'dir') fail('ENOTDIR');
    return { dir, name };
  }

  /** Read a file's whole content. */
  readFile(path: string, ctx: VfsCtx = {}): string {
    const node = this.lookup(path, ctx);
    switch (node.kind) {
      case 'file':
        return node.data;
      case 'gen':
        return node.read(ctx);
      case 'dev':
        return '';
      case 'nsfs':
        return fail('EINVAL');
      default:
        return fail('EISDIR');
    }
  }

  /** Write (or append to) a file, creating a regular file when absent. */
  writeFile(path: string, data: string, ctx: VfsCtx = {}, append = false): void {
    const existing = this.tryLookup(path, ctx);
    if (existing) {
      switch (existing.kind) {
        case 'file':
          existing.data = append ? existing.data + data : data;
          existing.mtime = this.now();
          return;
        case 'gen':
          if (!existing.write) fail('EACCES');
          existing.write(ctx, data);
          return;
        case 'dev':
          return;
        case 'nsfs':
          return fail('EINVAL');
        default:
          return fail('EISDIR');
      }
    }
    const { dir, name } = this.parentOf(path, ctx);
    dir.children.set(name, { kind: 'file', data, mode: 0o644, mtime: this.now() });
    dir.mtime = this.now();
  }

  /** Create a directory; `parents` behaves like `mkdir -p`. */
  mkdir(path: string, ctx: VfsCtx = {}, parents = false, mode = 0o755): void {
    if (parents) {
      const parts = splitPath(path, ctx.cwd);
      for (let i = 1; i <= parts.length; i++) {
        const p = joinPath(parts.slice(0, i));
        const n = this.tryLookup(p, ctx);
        if (!n) this.mkdir(p, ctx, false, mode);
        else if (n.kind !== 'dir' && n.kind !== 'gendir') fail('ENOTDIR');
      }
      return;
    }
    const { dir, name } = this.parentOf(path, ctx);
    if (dir.children.has(name)) fail('EEXIST');
    dir.children.set(name, { kind: 'dir', children: new Map(), mode, mtime: this.now() });
    dir.mtime = this.now();
  }

  /** Place a node at `path` (the parent must exist); replaces nothing. */
  create(path: string, node: VNode, ctx: VfsCtx = {}): void {
    const { dir, name } = this.parentOf(path, ctx);
    if (dir.children.has(name)) fail('EEXIST');
    dir.children.set(name, node);
  }

  /** Replace whatever is at `path` with `node` (a mount over it). The path must exist. */
  mountOver(path: string, node: VNode, ctx: VfsCtx = {}): void {
    const { dir, name } = this.parentOf(path, ctx);
    if (!dir.children.has(name)) fail('ENOENT');
    dir.children.set(name, node);
  }

  /** Remove a non-directory entry (unlink(2)). */
  unlink(path: string, ctx: VfsCtx = {}): void {
    const { dir, name } = this.parentOf(path, ctx);
    const n = dir.children.get(name);
    if (!n) fail('ENOENT');
    if (n.kind === 'dir') fail('EISDIR');
    dir.children.delete(name);
    dir.mtime = this.now();
  }

  /** Remove an empty directory (rmdir(2)); `recursive` removes a whole tree. */
  rmdir(path: string, ctx: VfsCtx = {}, recursive = false): void {
    const { dir, name } = this.parentOf(path, ctx);
    const n = dir.children.get(name);
    if (!n) fail('ENOENT');
    if (n.kind !== 'dir') fail('ENOTDIR');
    if (!recursive && n.children.size > 0) fail('ENOTEMPTY');
    dir.children.delete(name);
    dir.mtime = this.now();
  }

  /** Names in a directory, sorted as `ls` sorts in the C locale. */
  readdir(path: string, ctx: VfsCtx = {}): string[] {
    const node = this.lookup(path, ctx);
    if (node.kind === 'dir') return [...node.children.keys()].sort();
    if (node.kind === 'gendir') return node.list(ctx).slice().sort();
    return fail('ENOTDIR');
  }

  /** Create a symbolic link at `path` pointing to `target`. */
  symlink(target: string, path: string, ctx: VfsCtx = {}): void {
    this.create(path, { kind: 'symlink', target, mtime: this.now() }, ctx);
  }

  /** Rename/move an entry (rename(2)). */
  rename(from: string, to: string, ctx: VfsCtx = {}): void {
    const src = this.parentOf(from, ctx);
    const node = src.dir.children.get(src.name);
    if (!node) fail('ENOENT');
    let dst = this.parentOf(to, ctx);
    const existing = dst.dir.children.get(dst.name);
    if (existing && existing.kind === 'dir') {
      dst = { dir: existing, name: src.name };
    }
    src.dir.children.delete(src.name);
    dst.dir.children.set(dst.name, node);
  }

  /** Ensure a generated file exists at `path`, creating parent dirs. */
  putGen(path: string, node: Omit<GenFileNode, 'kind'> | GenDirNode): void {
    const parts = splitPath(path);
    const name = parts.pop()!;
    this.mkdir(joinPath(parts), {}, true);
    const { dir } = this.parentOf(path, {});
    dir.children.set(name, 'kind' in node ? node : { kind: 'gen', ...node });
  }

  /** Ensure a stored file exists with `data` (used to lay out a fresh host). */
  putFile(path: string, data: string, mode = 0o644): void {
    const parts = splitPath(path);
    const name = parts.pop()!;
    this.mkdir(joinPath(parts), {}, true);
    const { dir } = this.parentOf(path, {});
    dir.children.set(name, { kind: 'file', data, mode, mtime: this.now() });
  }
}
