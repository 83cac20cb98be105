// awk as Debian 12 installs it (/usr/bin/awk -> mawk 1.3.4 20200120): a
// tree-walking interpreter for the language lessons use. Numbers print as
// mawk does (integers within 32 bits as %d, else OFMT/CONVFMT), arrays
// iterate in mawk's hash-table order (FNV-1a, 64 buckets, move-to-front
// lists), regular expressions are POSIX EREs without intervals, errors read
// `awk: line N: syntax error at or near X` (exit 2). Loops are bounded by a
// step budget, so no program can hang the host.

import { register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import { holdClock } from '../../world/driver.ts';

let awkModule: Promise<typeof import('./awk/main.ts')> | undefined;

/** Load the implementation once, on first use; the virtual clock waits for the load (it is not simulated time). */
async function load(): Promise<typeof import('./awk/main.ts')> {
  return (awkModule ??= holdClock(import('./awk/main.ts')));
}

async function awkMain(p: Process): Promise<number> {
  return (await load()).awkMain(p);
}

for (const name of ['awk', 'mawk']) {
  register({
    name,
    summary: 'pattern scanning and text processing language (mawk)',
    usage: `${name} [-F value] [-v var=value] [--] 'program text' [file ...]`,
    options: [
      { flag: '-F', arg: 'FS', desc: 'field separator (a character or an extended regular expression)' },
      { flag: '-v', arg: 'var=value', desc: 'assign a variable before the program starts' },
      { flag: '-f', arg: 'FILE', desc: 'read the program from FILE' },
    ],
    hidden: name === 'mawk',
    run: awkMain,
  });
}
