// sed on the command line: options, in-place editing, and the cycle that runs the commands over each line.

import type { Process } from '../../../kernel/proc.ts';
import { hostOf } from '../../coreutils/host.ts';
import { errMsg } from '../../coreutils/util.ts';
import { RegexBudgetError } from '../../lib/safe-regex.ts';
import { Input, Quit, RuntimeError } from './exec.ts';
import { SedMachine, type WFile } from './machine.ts';
import { compileScript, parseSedArgs } from './options.ts';
import { SedOutput } from './output.ts';

export const USAGE = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
      --debug
                 annotate program execution
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  --follow-symlinks
                 follow symlinks when processing in place
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -l N, --line-length=N
                 specify the desired line-wrap length for the \`l' command
  --posix
                 disable all GNU extensions.
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
                 (for portability use POSIX -E).
  -s, --separate
                 consider files as separate rather than as a single,
                 continuous long stream.
      --sandbox
                 operate in sandbox mode (disable e/r/w commands).
  -u, --unbuffered
                 load minimal amounts of data from the input files and flush
                 the output buffers more often
  -z, --null-data
                 separate lines by NUL characters
      --help     display this help and exit
      --version  output version information and exit

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
`;

export const VERSION = `sed (GNU sed) 4.9
Packaged by Debian
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by Jay Fenlason, Tom Lord, Ken Pizzini,
Paolo Bonzini, Jim Meyering, and Assaf Gordon.

This sed program was built without SELinux support.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
E-mail bug reports to: <bug-sed@gnu.org>.
`;

/** Take `-i[SUFFIX]` out of argv (its suffix is optional and attached): [argv, in-place?, suffix]. */
export function extractInPlace(argv: string[]): [string[], boolean, string] {
  const out: string[] = [];
  let inPlace = false;
  let suffix = '';
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--') {
      out.push(...argv.slice(k));
      break;
    }
    if (!a.startsWith('-') || a.startsWith('--') || a === '-') {
      out.push(a);
      continue;
    }
    let j = 1;
    for (; j < a.length; j++) {
      const c = a[j];
      if ('efl'.includes(c)) {
        if (j === a.length - 1 && k + 1 < argv.length) {
          out.push(a, argv[++k]);
          j = -1;
        }
        break;
      }
      if (c === 'i') {
        inPlace = true;
        suffix = a.slice(j + 1);
        if (j > 1) out.push(a.slice(0, j));
        j = -2;
        break;
      }
    }
    if (j >= 0) out.push(a);
  }
  return [out, inPlace, suffix];
}

export async function runSed(p: Process): Promise<number> {
  const [argv, shortInPlace, shortSuffix] = extractInPlace(p.argv.slice(1));
  const o = parseSedArgs(p, argv, shortInPlace, shortSuffix, USAGE, VERSION);
  if (typeof o === 'number') return o;
  const script = o.pieces.map((x) => x.text).join('\n');
  if (/^#n(\n|$)/.test(script) && o.pieces[0].text.startsWith('#n')) o.quiet = true;
  const compiled = compileScript(p, script, o.pieces, o.ere);
  if (typeof compiled === 'number') return compiled;
  if (o.inPlace && !o.files.length) {
    p.stderr.write('sed: no input files\n');
    return 1;
  }
  const out = new SedOutput(p, o.inPlace);
  const wOut = openWFiles(p, compiled.parser.wfiles, o.inPlace, out);
  if (typeof wOut === 'number') return wOut;
  const input = new Input(p, o.files.length ? o.files : ['-'], o.separate);
  if (o.inPlace) editInPlace(p, input, out, o.suffix);
  const m = new SedMachine(p, compiled.cmds, input, out, wOut, o);
  try {
    await m.run();
  } catch (e) {
    if (e instanceof Quit) {
      if (e.print) out.emitLine(m.ps, m.nl);
      m.dumpAppend();
      if (o.inPlace) input.onFileEnd?.(input.name);
      out.flush();
      return e.code;
    }
    if (e instanceof RuntimeError || e instanceof RegexBudgetError) {
      out.flush();
      p.stderr.write(`sed: ${e.message}\n`);
      return 4;
    }
    throw e;
  }
  out.flush();
  return input.status;
}

/** The w files, truncated when the script is compiled (exit 4 when one cannot be opened). */
function openWFiles(p: Process, names: Iterable<string>, inPlace: boolean, out: SedOutput): Map<string, WFile> | number {
  const vfs = hostOf(p).vfs;
  const ctx = p.vfsCtx();
  const wOut = new Map<string, WFile>();
  for (const f of names) {
    if (f === '/dev/stdout') wOut.set(f, { write: (s) => (inPlace ? p.stdout.write(s) : out.emit(s)) });
    else if (f === '/dev/stderr') wOut.set(f, { write: (s) => p.stderr.write(s) });
    else {
      try {
        vfs.writeFile(f, '', ctx);
      } catch (e) {
        p.stderr.write(`sed: couldn't open file ${f}: ${errMsg(e)}\n`);
        return 4;
      }
      wOut.set(f, { write: (s) => vfs.writeFile(f, s, ctx, true) });
    }
  }
  return wOut;
}

/** -i: each file's output replaces the file when it ends (after a backup named by SUFFIX, `*` standing for the name). */
function editInPlace(p: Process, input: Input, out: SedOutput, suffix: string): void {
  const vfs = hostOf(p).vfs;
  const ctx = p.vfsCtx();
  input.onFile = () => out.reset();
  input.onFileEnd = (name) => {
    if (name === '-') return;
    try {
      if (suffix) {
        const base = name.slice(name.lastIndexOf('/') + 1);
        const dir = name.slice(0, name.lastIndexOf('/') + 1);
        const bak = suffix.includes('*') ? (suffix.includes('/') ? '' : dir) + suffix.replace(/\*/g, base) : name + suffix;
        vfs.writeFile(bak, vfs.readFile(name, ctx), ctx);
      }
      vfs.writeFile(name, out.buf, ctx);
    } catch (e) {
      p.stderr.write(`sed: couldn't open temporary file ${name}: ${errMsg(e)}\n`);
      input.status = 4;
    }
    out.reset();
  };
}
