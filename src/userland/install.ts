// Program files: every registered program gets an executable at the path
// Debian installs it to (programPath: /usr/bin or /usr/sbin), so `ls`,
// `ls -l`, `test -x`, `stat` and tab completion see the commands that run.
// The file is a short placeholder starting with the ELF magic; the shell
// runs such a file as the registered program of the same name.

import type { Vfs } from '../kernel/vfs.ts';
import { programPath } from './paths.ts';
import { allCommands } from './registry.ts';

/** What an installed program file holds (ELF magic, then a note). */
export const PROGRAM_STUB = '\x7fELF\x02\x01\x01\x00packetlab builtin program\n';

/** The placeholder of a program installed under another name than its registered one (e.g. /usr/lib/cni/bridge runs `cni-bridge`). */
export function programStub(registered: string): string {
  return `\x7fELF\x02\x01\x01\x00packetlab builtin program ${registered}\n`;
}

const done = new WeakSet<object>();

/**
 * Write a mode-0755 placeholder for every registered program of `kernel`
 * (once per host; an existing file at the path is left alone).
 */
export function installPrograms(kernel: { vfs: Vfs }): void {
  if (done.has(kernel)) return;
  done.add(kernel);
  const v = kernel.vfs;
  for (const c of allCommands()) {
    // CNI plugins (registered as cni-TYPE) live where Debian's containernetworking-plugins puts them.
    const cni = /^cni-(.+)$/.exec(c.name);
    if (cni && cni[1] !== 'flannel') {
      try {
        v.mkdir('/usr/lib/cni', {}, true);
        if (!v.tryLookup(`/usr/lib/cni/${cni[1]}`, {}, false)) v.putFile(`/usr/lib/cni/${cni[1]}`, programStub(c.name), 0o755);
      } catch {
        // no /usr/lib on this host layout
      }
      continue;
    }
    if (!/^[A-Za-z0-9_.+-]+$/.test(c.name)) continue;
    const path = programPath(c.name);
    if (v.tryLookup(path, {}, false)) continue;
    try {
      v.putFile(path, PROGRAM_STUB, 0o755);
    } catch {
      // a directory missing from an unusual host layout: nothing to install
    }
  }
}
