// readlink and realpath (GNU coreutils 9.1): print a link's target, or the
// canonical path with every symbolic link resolved.

import { register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import { splitPath, joinPath } from '../../kernel/vfs.ts';
import { hostOf } from './host.ts';
import { errMsg, parseOpts, usageError } from './util.ts';

/** Canonicalise like `readlink -f`: every component but the last must exist. */
function canonical(p: Process, path: string, mustExist: boolean): string | undefined {
  const vfs = hostOf(p).vfs;
  const ctx = p.vfsCtx();
  try {
    return vfs.realpath(path, ctx);
  } catch {
    if (mustExist) return undefined;
    const parts = splitPath(path, p.cwd);
    const last = parts.pop();
    try {
      const dir = vfs.realpath(joinPath(parts), ctx);
      return last === undefined ? dir : `${dir === '/' ? '' : dir}/${last}`;
    } catch {
      return undefined;
    }
  }
}

register({
  name: 'readlink',
  summary: 'print resolved symbolic links or canonical file names',
  usage: 'readlink [-f|-e|-m] [-n] FILE...',
  options: [
    { flag: '-f', desc: 'canonicalize: every component but the last must exist' },
    { flag: '-e', desc: 'canonicalize: every component must exist' },
    { flag: '-n', desc: 'do not output the trailing newline' },
  ],
  run(p) {
    const o = parseOpts(p, 'femnqsvz');
    if (!o) return 1;
    if (!o.args.length) {
      usageError(p, 'missing operand');
      return 1;
    }
    const nl = o.has('-n') && o.args.length === 1 ? '' : '\n';
    let status = 0;
    for (const f of o.args) {
      if (o.has('-f') || o.has('-e') || o.has('-m')) {
        const c = canonical(p, f, o.has('-e'));
        if (c === undefined) status = 1;
        else p.stdout.write(c + nl);
        continue;
      }
      const n = (() => {
        try {
          return hostOf(p).vfs.lookup(f, p.vfsCtx(), false);
        } catch {
          return undefined;
        }
      })();
      if (n && n.kind === 'symlink') p.stdout.write(n.target + nl);
      else status = 1;
    }
    return status;
  },
});

register({
  name: 'realpath',
  summary: 'print the resolved absolute file name',
  usage: 'realpath [-e|-m] FILE...',
  run(p) {
    const o = parseOpts(p, 'emqsLPz');
    if (!o) return 1;
    if (!o.args.length) {
      usageError(p, 'missing operand');
      return 1;
    }
    let status = 0;
    for (const f of o.args) {
      try {
        p.stdout.write(hostOf(p).vfs.realpath(f, p.vfsCtx()) + '\n');
      } catch (e) {
        const c = o.has('-e') ? undefined : canonical(p, f, false);
        if (c !== undefined && !o.has('-e')) {
          p.stdout.write(c + '\n');
          continue;
        }
        p.stderr.write(`realpath: ${f}: ${errMsg(e)}\n`);
        status = 1;
      }
    }
    return status;
  },
});
