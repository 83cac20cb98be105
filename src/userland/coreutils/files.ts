// File utilities: cat, tac, ls, mkdir, touch, rm, rmdir, cp, mv, ln, stat,
// basename, dirname, pwd. Messages are GNU coreutils' (LANG=C quoting).

import type { Process } from '../../kernel/proc.ts';
import type { VNode, DirNode } from '../../kernel/vfs.ts';
import { splitPath, joinPath } from '../../kernel/vfs.ts';
import { KernelError } from '../../kernel/errno.ts';
import { register } from '../registry.ts';
import { hostOf } from './host.ts';
import { byteLength, errMsg, isDir, parseOpts, readInput, splitLines, statPath, usageError } from './util.ts';

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

register({
  name: 'cat',
  summary: 'concatenate files and print on the standard output',
  usage: 'cat [OPTION]... [FILE]...',
  options: [
    { flag: '-n, --number', desc: 'number all output lines' },
    { flag: '-E, --show-ends', desc: 'display $ at end of each line' },
    { flag: '-A, --show-all', desc: 'show ends and tabs' },
  ],
  async run(p) {
    const o = parseOpts(p, 'nEATbsvet', [
      { name: 'number', arg: 'none', key: '-n' },
      { name: 'show-ends', arg: 'none', key: '-E' },
      { name: 'show-all', arg: 'none', key: '-A' },
    ]);
    if (!o) return 1;
    const number = o.has('-n');
    const ends = o.has('-E') || o.has('-A') || o.has('-e');
    const tabs = o.has('-T') || o.has('-A') || o.has('-t');
    const nonprint = o.has('-v') || o.has('-A') || o.has('-e') || o.has('-t');
    const plain = !number && !ends && !tabs && !nonprint;
    const files = o.args.length ? o.args : ['-'];
    let st = 0;
    let lineNo = 0;
    const emit = (text: string): void => {
      if (plain) {
        p.stdout.write(text);
        return;
      }
      let outText = '';
      const parts = text.split('\n');
      for (let i = 0; i < parts.length; i++) {
        const last = i === parts.length - 1;
        if (last && parts[i] === '') break;
        let l = parts[i];
        if (tabs) l = l.replace(/\t/g, '^I');
        // -v: control characters as ^X, DEL as ^? (tabs stay unless -T)
        if (nonprint) l = l.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, (ch) => (ch === '\x7f' ? '^?' : `^${String.fromCharCode(ch.charCodeAt(0) + 64)}`));
        if (number) l = `${String(++lineNo).padStart(6)}\t${l}`;
        outText += l + (last ? '' : (ends ? '$' : '') + '\n');
      }
      p.stdout.write(outText);
    };
    for (const f of files) {
      if (f === '-') {
        for (;;) {
          const c = await p.stdin.read();
          if (c === null) break;
          emit(c);
        }
        continue;
      }
      try {
        emit(await readInput(p, f));
      } catch (e) {
        p.stderr.write(`${p.argv[0]}: ${f}: ${errMsg(e)}\n`);
        st = 1;
      }
    }
    return st;
  },
});

register({
  name: 'tac',
  summary: 'concatenate and print files in reverse',
  usage: 'tac [FILE]...',
  async run(p) {
    const o = parseOpts(p, '');
    if (!o) return 1;
    let st = 0;
    for (const f of o.args.length ? o.args : ['-']) {
      try {
        const lines = splitLines(await readInput(p, f));
        p.stdout.write(lines.reverse().map((l) => l + '\n').join(''));
      } catch (e) {
        p.stderr.write(`${p.argv[0]}: failed to open '${f}' for reading: ${errMsg(e)}\n`);
        st = 1;
      }
    }
    return st;
  },
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function modeString(n: VNode): string {
  const type = n.kind === 'dir' || n.kind === 'gendir' ? 'd' : n.kind === 'symlink' ? 'l' : n.kind === 'dev' ? 'c' : '-';
  const mode = n.kind === 'symlink' ? 0o777 : n.kind === 'nsfs' ? 0o444 : n.mode;
  let s = type;
  for (let i = 2; i >= 0; i--) {
    const bits = (mode >> (i * 3)) & 7;
    s += (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (bits & 1 ? 'x' : '-');
  }
  if (mode & 0o1000) s = s.slice(0, 9) + (s[9] === 'x' ? 't' : 'T');
  return s;
}

function sizeOf(p: Process, n: VNode, path: string): number {
  switch (n.kind) {
    case 'dir':
    case 'gendir':
      return n.kind === 'gendir' ? 0 : 4096;
    case 'file':
      return byteLength(n.data);
    case 'symlink':
      return byteLength(n.target);
    case 'gen':
      void path;
      return 0;
    default:
      return 0;
  }
}

function mtimeOf(n: VNode): number {
  return 'mtime' in n ? n.mtime : 0;
}

function fmtDate(epochMs: number): string {
  const d = new Date(epochMs);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

function nlinks(n: VNode): number {
  if (n.kind === 'dir') return 2 + [...n.children.values()].filter((c) => c.kind === 'dir').length;
  if (n.kind === 'gendir') return 2;
  return 1;
}

/** Lay names out in columns as GNU ls does for a terminal (vertical order). */
function columns(names: string[], width: number): string {
  if (names.length === 0) return '';
  const max = names.reduce((m, n) => Math.max(m, n.length), 0);
  for (let cols = Math.min(names.length, Math.max(1, Math.floor(width / 3))); cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) {
      let w = 0;
      for (let r = 0; r < rows; r++) {
        const n = names[c * rows + r];
        if (n !== undefined) w = Math.max(w, n.length);
      }
      widths.push(w);
    }
    const realCols = widths.filter((w, c) => names[c * rows] !== undefined).length;
    const total = widths.slice(0, realCols).reduce((a, w) => a + w + 2, 0) - 2;
    if (total <= width || cols === 1) {
      let out = '';
      for (let r = 0; r < rows; r++) {
        let line = '';
        for (let c = 0; c < realCols; c++) {
          const n = names[c * rows + r];
          if (n === undefined) continue;
          const nextExists = c + 1 < realCols && names[(c + 1) * rows + r] !== undefined;
          line += nextExists ? n.padEnd(widths[c] + 2) : n;
        }
        out += line + '\n';
      }
      return out;
    }
  }
  void max;
  return names.join('\n') + '\n';
}

register({
  name: 'ls',
  summary: 'list directory contents',
  usage: 'ls [OPTION]... [FILE]...',
  options: [
    { flag: '-l', desc: 'use a long listing format' },
    { flag: '-a, --all', desc: 'do not ignore entries starting with .' },
    { flag: '-A', desc: 'like -a without . and ..' },
    { flag: '-d', desc: 'list directories themselves, not their contents' },
    { flag: '-1', desc: 'one file per line' },
  ],
  run(p) {
    const o = parseOpts(p, 'laAd1hFRirtSCx', [{ name: 'all', arg: 'none', key: '-a' }, { name: 'color', arg: 'optional', key: '--color' }]);
    if (!o) return 2;
    const long = o.has('-l');
    const all = o.has('-a');
    const almost = o.has('-A');
    const dirSelf = o.has('-d');
    const one = o.has('-1') || !p.stdout.isTTY;
    const classify = o.has('-F');
    const rev = o.has('-r');
    const host = hostOf(p);
    const ctx = p.vfsCtx();
    const width = Number(p.env.COLUMNS) || 80;
    let st = 0;
    const targets = o.args.length ? o.args : ['.'];
    const files: { name: string; node: VNode; path: string }[] = [];
    const dirs: { name: string; node: VNode; path: string }[] = [];
    for (const t of targets) {
      let node: VNode;
      try {
        node = host.vfs.lookup(t, ctx, !long || t.endsWith('/'));
        if (node.kind === 'symlink' && !long) node = host.vfs.lookup(t, ctx, true);
      } catch (e) {
        p.stderr.write(`${p.argv[0]}: cannot access '${t}': ${errMsg(e)}\n`);
        st = 2;
        continue;
      }
      if (node.kind === 'symlink' && long && !dirSelf) {
        const target = statPath(p, t, true);
        if (target && isDir(target) && !long) node = target;
      }
      if (isDir(node) && !dirSelf) dirs.push({ name: t, node, path: t });
      else files.push({ name: t, node, path: t });
    }
    const decorate = (name: string, n: VNode): string => {
      if (!classify) return name;
      if (isDir(n)) return name + '/';
      if (n.kind === 'symlink') return name + '@';
      if ((n.kind === 'file' || n.kind === 'gen') && n.mode & 0o111) return name + '*';
      return name;
    };
    const longLines = (entries: { name: string; node: VNode; path: string }[]): string => {
      const rows = entries.map((e) => {
        let name = decorate(e.name, e.node);
        if (e.node.kind === 'symlink') name += ` -> ${e.node.target}`;
        return {
          mode: modeString(e.node),
          links: String(nlinks(e.node)),
          size: String(sizeOf(p, e.node, e.path)),
          date: fmtDate(host.clock.epochMs + mtimeOf(e.node)),
          name,
        };
      });
      const lw = Math.max(0, ...rows.map((r) => r.links.length));
      const sw = Math.max(0, ...rows.map((r) => r.size.length));
      return rows.map((r) => `${r.mode} ${r.links.padStart(lw)} root root ${r.size.padStart(sw)} ${r.date} ${r.name}\n`).join('');
    };
    const list = (entries: { name: string; node: VNode; path: string }[]): string => {
      if (rev) entries.reverse();
      if (long) return longLines(entries);
      const names = entries.map((e) => decorate(e.name, e.node));
      return one ? names.map((n) => n + '\n').join('') : columns(names, width);
    };
    let text = '';
    files.sort((a, b) => cmp(a.name, b.name));
    dirs.sort((a, b) => cmp(a.name, b.name));
    if (files.length) text += list(files);
    const recursive = o.has('-R');
    const showHeaders = files.length > 0 || dirs.length > 1 || st !== 0 || recursive;
    let printed = files.length > 0;
    // -R: each directory's listing is followed by its subdirectories' (depth first), as GNU ls does.
    const listDir = (d: { name: string; node: VNode; path: string }, depth: number): void => {
      if (showHeaders) text += `${printed ? '\n' : ''}${d.name}:\n`;
      printed = true;
      let names: string[];
      try {
        names = host.vfs.readdir(d.path, ctx);
      } catch (e) {
        p.stderr.write(`${p.argv[0]}: cannot open directory '${d.name}': ${errMsg(e)}\n`);
        st = 2;
        return;
      }
      if (!all) names = names.filter((n) => !n.startsWith('.'));
      if (all && !almost) names = ['.', '..', ...names];
      names.sort(cmp);
      const entries: { name: string; node: VNode; path: string }[] = [];
      for (const n of names) {
        const path = `${d.path.replace(/\/$/, '')}/${n}`;
        const node = n === '.' ? d.node : n === '..' ? (statPath(p, `${d.path}/..`) ?? d.node) : statPath(p, path, false);
        if (node) entries.push({ name: n, node, path });
      }
      if (long) {
        let blocks = 0;
        for (const e of entries) {
          const sz = sizeOf(p, e.node, e.path);
          if (e.node.kind === 'dir') blocks += 4;
          else if (e.node.kind === 'file') blocks += Math.ceil(sz / 4096) * 4;
        }
        text += `total ${blocks}\n`;
      }
      text += list(entries);
      if (recursive && depth < 64)
        for (const e of entries) {
          if (e.name === '.' || e.name === '..' || e.node.kind === 'symlink' || !isDir(e.node)) continue;
          const name = d.name.endsWith('/') ? d.name + e.name : `${d.name}/${e.name}`;
          listDir({ name, node: e.node, path: e.path }, depth + 1);
        }
    };
    dirs.forEach((d) => listDir(d, 0));
    p.stdout.write(text);
    return st;
  },
});

register({
  name: 'mkdir',
  summary: 'make directories',
  usage: 'mkdir [-p] DIRECTORY...',
  options: [{ flag: '-p, --parents', desc: 'no error if existing, make parent directories as needed' }],
  run(p) {
    const o = parseOpts(p, 'pvm:', [{ name: 'parents', arg: 'none', key: '-p' }]);
    if (!o) return 1;
    if (!o.args.length) {
      usageError(p, 'missing operand');
      return 1;
    }
    const vfs = hostOf(p).vfs;
    let st = 0;
    for (const d of o.args) {
      try {
        if (o.has('-p')) {
          const n = statPath(p, d);
          if (n && !isDir(n)) throw new KernelError('EEXIST');
          vfs.mkdir(d, p.vfsCtx(), true);
        } else vfs.mkdir(d, p.vfsCtx());
      } catch (e) {
        p.stderr.write(`${p.argv[0]}: cannot create directory '${d}': ${errMsg(e)}\n`);
        st = 1;
      }
    }
    return st;
  },
});

register({
  name: 'touch',
  summary: 'change file timestamps (create empty files)',
  usage: 'touch FILE...',
  run(p) {
    const o = parseOpts(p, 'acmd:t:r:');
    if (!o) return 1;
    if (!o.args.length) {
      usageError(p, 'missing file operand');
      return 1;
    }
    const host = hostOf(p);
    let st = 0;
    for (const f of o.args) {
      try {
        const n = host.vfs.tryLookup(f, p.vfsCtx());
        if (!n) host.vfs.writeFile(f, '', p.vfsCtx());
        else if ('mtime' in n) n.mtime = host.clock.now;
      } catch (e) {
        p.stderr.write(`${p.argv[0]}: cannot touch '${f}': ${errMsg(e)}\n`);
        st = 1;
      }
    }
    return st;
  },
});

register({
  name: 'rm',
  summary: 'remove files or directories',
  usage: 'rm [-rf] FILE...',
  options: [
    { flag: '-r, -R, --recursive', desc: 'remove directories and their contents recursively' },
    { flag: '-f, --force', desc: 'ignore nonexistent files, never prompt' },
  ],
  run(p) {
    const o = parseOpts(p, 'rRfidv', [{ name: 'recursive', arg: 'none', key: '-r' }, { name: 'force', arg: 'none', key: '-f' }]);
    if (!o) return 1;
    const force = o.has('-f');
    const rec = o.has('-r') || o.has('-R');
    if (!o.args.length) {
      if (force) return 0;
      usageError(p, 'missing operand');
      return 1;
    }
    const vfs = hostOf(p).vfs;
    let st = 0;
    for (const f of o.args) {
      const n = statPath(p, f, false);
      if (!n) {
        if (!force) {
          p.stderr.write(`${p.argv[0]}: cannot remove '${f}': No such file or directory\n`);
          st = 1;
        }
        continue;
      }
      const base = splitPath(f).pop();
      if (base === '.' || base === '..' || f.endsWith('/.') || f.endsWith('/..') || f === '.' || f === '..') {
        p.stderr.write(`${p.argv[0]}: refusing to remove '.' or '..' directory: skipping '${f}'\n`);
        st = 1;
        continue;
      }
      try {
        if (n.kind === 'dir') {
          if (!rec) {
            p.stderr.write(`${p.argv[0]}: cannot remove '${f}': Is a directory\n`);
            st = 1;
            continue;
          }
          vfs.rmdir(f, p.vfsCtx(), true);
        } else vfs.unlink(f, p.vfsCtx());
      } catch (e) {
        p.stderr.write(`${p.argv[0]}: cannot remove '${f}': ${errMsg(e)}\n`);
        st = 1;
      }
    }
    return st;
  },
});

register({
  name: 'rmdir',
  summary: 'remove empty directories',
  usage: 'rmdir DIRECTORY...',
  run(p) {
    const o = parseOpts(p, 'pv');
    if (!o) return 1;
    if (!o.args.length) {
      usageError(p, 'missing operand');
      return 1;
    }
    const vfs = hostOf(p).vfs;
    let st = 0;
    for (const d of o.args) {
      try {
        const n = vfs.lookup(d, p.vfsCtx(), false);
        if (d === '..' || d === '.' || /\/\.\.?$/.test(d)) throw new KernelError(d.endsWith('..') ? 'ENOTEMPTY' : 'EINVAL');
        if (n.kind !== 'dir') throw new KernelError('ENOTDIR');
        vfs.rmdir(d, p.vfsCtx());
      } catch (e) {
        p.stderr.write(`${p.argv[0]}: failed to remove '${d}': ${errMsg(e)}\n`);
        st = 1;
      }
    }
    return st;
  },
});

function cloneNode(n: VNode, now: number): VNode {
  if (n.kind === 'dir') {
    const d: DirNode = { kind: 'dir', children: new Map(), mode: n.mode, mtime: now };
    for (const [k, c] of n.children) d.children.set(k, cloneNode(c, now));
    return d;
  }
  if (n.kind === 'file') return { ...n, mtime: now };
  if (n.kind === 'symlink') return { ...n, mtime: now };
  return n;
}

function copyOrMove(p: Process, move: boolean): number {
  const o = parseOpts(p, move ? 'fivnT' : 'rRafpivdnT', [{ name: 'recursive', arg: 'none', key: '-r' }]);
  if (!o) return 1;
  const prog = p.argv[0];
  if (o.args.length === 0) {
    usageError(p, 'missing file operand');
    return 1;
  }
  if (o.args.length === 1) {
    usageError(p, `missing destination file operand after '${o.args[0]}'`);
    return 1;
  }
  const host = hostOf(p);
  const vfs = host.vfs;
  const ctx = p.vfsCtx();
  const dest = o.args[o.args.length - 1];
  const srcs = o.args.slice(0, -1);
  const destNode = statPath(p, dest);
  if (srcs.length > 1 && !isDir(destNode)) {
    p.stderr.write(`${prog}: target '${dest}' is not a directory\n`);
    return 1;
  }
  const rec = o.has('-r') || o.has('-R') || o.has('-a');
  let st = 0;
  for (const s of srcs) {
    const n = statPath(p, s, move ? false : true);
    if (!n) {
      p.stderr.write(`${prog}: cannot stat '${s}': No such file or directory\n`);
      st = 1;
      continue;
    }
    const base = splitPath(s, p.cwd).pop() ?? s;
    const target = isDir(destNode) ? `${dest.replace(/\/$/, '')}/${base}` : dest;
    try {
      if (move) {
        vfs.rename(s, target, ctx);
        continue;
      }
      if (isDir(n)) {
        if (!rec) {
          p.stderr.write(`${prog}: -r not specified; omitting directory '${s}'\n`);
          st = 1;
          continue;
        }
        const parts = splitPath(target, p.cwd);
        const name = parts.pop()!;
        const parent = vfs.lookup(joinPath(parts), ctx);
        if (parent.kind !== 'dir') throw new KernelError('ENOTDIR');
        parent.children.set(name, cloneNode(n, host.clock.now));
        continue;
      }
      vfs.writeFile(target, vfs.readFile(s, ctx), ctx);
    } catch (e) {
      p.stderr.write(`${prog}: cannot ${move ? 'move' : 'create regular file'} '${move ? s : target}'${move ? ` to '${target}'` : ''}: ${errMsg(e)}\n`);
      st = 1;
    }
  }
  return st;
}

register({ name: 'cp', summary: 'copy files and directories', usage: 'cp [-r] SOURCE... DEST', options: [{ flag: '-r, -R', desc: 'copy directories recursively' }], run: (p) => copyOrMove(p, false) });
register({ name: 'mv', summary: 'move (rename) files', usage: 'mv SOURCE... DEST', run: (p) => copyOrMove(p, true) });

register({
  name: 'ln',
  summary: 'make links between files',
  usage: 'ln [-s] [-f] TARGET LINK_NAME',
  options: [
    { flag: '-s, --symbolic', desc: 'make symbolic links instead of hard links' },
    { flag: '-f, --force', desc: 'remove existing destination files' },
  ],
  run(p) {
    const o = parseOpts(p, 'sfnvT', [{ name: 'symbolic', arg: 'none', key: '-s' }, { name: 'force', arg: 'none', key: '-f' }]);
    if (!o) return 1;
    if (!o.args.length) {
      usageError(p, 'missing file operand');
      return 1;
    }
    const vfs = hostOf(p).vfs;
    const ctx = p.vfsCtx();
    const target = o.args[0];
    let link = o.args[1] ?? splitPath(target).pop() ?? target;
    if (isDir(statPath(p, link)) && !o.has('-n')) link = `${link.replace(/\/$/, '')}/${splitPath(target).pop()}`;
    try {
      if (statPath(p, link, false)) {
        if (!o.has('-f')) {
          p.stderr.write(`${p.argv[0]}: failed to create ${o.has('-s') ? 'symbolic ' : 'hard '}link '${link}': File exists\n`);
          return 1;
        }
        vfs.unlink(link, ctx);
      }
      if (o.has('-s')) vfs.symlink(target, link, ctx);
      else {
        const n = vfs.lookup(target, ctx);
        if (isDir(n)) {
          p.stderr.write(`${p.argv[0]}: ${target}: hard link not allowed for directory\n`);
          return 1;
        }
        vfs.create(link, n, ctx);
      }
    } catch (e) {
      if (!o.has('-s') && !statPath(p, target)) {
        p.stderr.write(`${p.argv[0]}: failed to access '${target}': No such file or directory\n`);
        return 1;
      }
      p.stderr.write(`${p.argv[0]}: failed to create ${o.has('-s') ? 'symbolic ' : 'hard '}link '${link}': ${errMsg(e)}\n`);
      return 1;
    }
    return 0;
  },
});

register({
  name: 'stat',
  summary: 'display file status',
  usage: 'stat FILE...',
  run(p) {
    const o = parseOpts(p, 'Lc:', [{ name: 'format', arg: 'required', key: '-c' }]);
    if (!o) return 1;
    if (!o.args.length) {
      usageError(p, 'missing operand');
      return 1;
    }
    const host = hostOf(p);
    let st = 0;
    for (const f of o.args) {
      const n = statPath(p, f, o.has('-L'));
      if (!n) {
        p.stderr.write(`${p.argv[0]}: cannot statx '${f}': No such file or directory\n`);
        st = 1;
        continue;
      }
      const size = sizeOf(p, n, f);
      const type = isDir(n) ? 'directory' : n.kind === 'symlink' ? 'symbolic link' : n.kind === 'dev' ? 'character special file' : size === 0 ? 'regular empty file' : 'regular file';
      const mode = modeString(n);
      const octal = (n.kind === 'symlink' ? 0o777 : n.kind === 'nsfs' ? 0o444 : n.mode).toString(8).padStart(4, '0');
      const fmt = o.get('-c');
      if (fmt !== undefined) {
        const line = fmt.replace(/%([nsaAFU GuglgYyh%])/g, (_m, c: string) =>
          c === 'n' ? f : c === 's' ? String(size) : c === 'a' ? octal.replace(/^0/, '') : c === 'A' ? mode : c === 'F' ? type : c === 'U' || c === 'G' ? 'root' : c === 'u' || c === 'g' ? '0' : c === '%' ? '%' : '?',
        );
        p.stdout.write(line + '\n');
        continue;
      }
      const t = new Date(host.clock.epochMs + mtimeOf(n)).toISOString().replace('T', ' ').replace('Z', '000000 +0000');
      const name = n.kind === 'symlink' ? `${f} -> ${n.target}` : f;
      p.stdout.write(
        `  File: ${name}\n  Size: ${String(size).padEnd(15)}\tBlocks: ${String(n.kind === 'file' ? Math.ceil(size / 4096) * 8 : isDir(n) ? 8 : 0).padEnd(10)} IO Block: 4096   ${type}\n` +
          `Access: (${octal}/${mode})  Uid: (    0/    root)   Gid: (    0/    root)\nModify: ${t}\n`,
      );
    }
    return st;
  },
});

register({
  name: 'basename',
  summary: 'strip directory and suffix from filenames',
  usage: 'basename NAME [SUFFIX]',
  run(p) {
    const o = parseOpts(p, 'as:z');
    if (!o) return 1;
    if (!o.args.length) {
      usageError(p, 'missing operand');
      return 1;
    }
    const multi = o.has('-a') || o.has('-s');
    const suffix = o.get('-s') ?? (multi ? undefined : o.args[1]);
    if (!multi && o.args.length > 2) {
      usageError(p, `extra operand '${o.args[2]}'`);
      return 1;
    }
    const names = multi ? o.args : [o.args[0]];
    for (const n of names) {
      let b = n.replace(/\/+$/, '');
      b = b === '' && n.startsWith('/') ? '/' : b.slice(b.lastIndexOf('/') + 1);
      if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
      p.stdout.write(b + '\n');
    }
    return 0;
  },
});

register({
  name: 'dirname',
  summary: 'strip last component from file name',
  usage: 'dirname NAME...',
  run(p) {
    const o = parseOpts(p, 'z');
    if (!o) return 1;
    if (!o.args.length) {
      usageError(p, 'missing operand');
      return 1;
    }
    for (const n of o.args) {
      const s = n.replace(/\/+$/, '');
      let d: string;
      if (s === '') d = n.startsWith('/') ? '/' : '.';
      else {
        const i = s.lastIndexOf('/');
        d = i < 0 ? '.' : s.slice(0, i).replace(/\/+$/, '') || '/';
      }
      p.stdout.write(d + '\n');
    }
    return 0;
  },
});

register({
  name: 'pwd',
  summary: 'print name of current/working directory',
  usage: 'pwd [-LP]',
  run(p) {
    // coreutils pwd defaults to -P (physical) unless -L is given.
    const pwd = p.env.PWD;
    if (pwd && p.argv.includes('-L') && statPath(p, pwd) && hostOf(p).vfs.realpath(pwd) === hostOf(p).vfs.realpath(p.cwd)) {
      p.stdout.write(pwd + '\n');
    } else {
      let real = p.cwd;
      try {
        real = hostOf(p).vfs.realpath(p.cwd);
      } catch {
        // keep cwd
      }
      p.stdout.write(real + '\n');
    }
    return 0;
  },
});
