// sed as Debian 12 installs it (GNU sed 4.9): the script is compiled first
// (errors read `sed: -e expression #N, char M: ...`, exit 1), then input
// lines stream through the commands. POSIX BREs/EREs are translated to
// JavaScript regular expressions (`.` and `[^x]` match a newline in the
// pattern space, as in GNU). Branch loops run on a step budget, so no
// script can hang the host.

import { register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import { holdClock } from '../../world/driver.ts';

let sedModule: Promise<typeof import('./sed/main.ts')> | undefined;

/** Load the implementation once, on first use; the virtual clock waits for the load (it is not simulated time). */
async function load(): Promise<typeof import('./sed/main.ts')> {
  return (sedModule ??= holdClock(import('./sed/main.ts')));
}

async function runSed(p: Process): Promise<number> {
  return (await load()).runSed(p);
}

register({
  name: 'sed',
  summary: 'stream editor for filtering and transforming text',
  usage: 'sed [OPTION]... {script-only-if-no-other-script} [input-file]...',
  options: [
    { flag: '-n, --quiet', desc: 'suppress automatic printing of pattern space' },
    { flag: '-e, --expression', arg: 'script', desc: 'add the script to the commands to be executed' },
    { flag: '-f, --file', arg: 'script-file', desc: 'add the contents of script-file to the commands' },
    { flag: '-E, -r, --regexp-extended', desc: 'use extended regular expressions in the script' },
    { flag: '-i[SUFFIX], --in-place', desc: 'edit files in place (makes backup if SUFFIX supplied)' },
    { flag: '-s, --separate', desc: 'consider files as separate rather than as a single stream' },
  ],
  run: runSed,
});
