// sed's command line: options, the script pieces (-e, -f or the first
// argument) and compiling them, with GNU's messages and exit codes.

import type { Process } from '../../../kernel/proc.ts';
import { hostOf } from '../../coreutils/host.ts';
import { errMsg } from '../../coreutils/util.ts';
import { getopt, type LongOpt } from '../../lib/getopt.ts';
import { LabelError, ParseError, Parser, type Cmd } from './parser.ts';

/** One piece of the script and how an error in it is located (`-e expression #N, char C` / `file F line L`). */
export interface ScriptPiece {
  label: (line: number, ch: number) => string;
  text: string;
}

export interface SedOptions {
  quiet: boolean;
  ere: boolean;
  inPlace: boolean;
  suffix: string;
  separate: boolean;
  lineLen: number;
  pieces: ScriptPiece[];
  files: string[];
}

const LONG_OPTIONS: LongOpt[] = [
  { name: 'quiet', arg: 'none', key: '-n' },
  { name: 'silent', arg: 'none', key: '-n' },
  { name: 'regexp-extended', arg: 'none', key: '-E' },
  { name: 'expression', arg: 'required', key: '-e' },
  { name: 'file', arg: 'required', key: '-f' },
  { name: 'in-place', arg: 'optional', key: '-i' },
  { name: 'line-length', arg: 'required', key: '-l' },
  { name: 'separate', arg: 'none', key: '-s' },
  { name: 'unbuffered', arg: 'none', key: '-u' },
  { name: 'null-data', arg: 'none', key: '-z' },
  { name: 'posix', arg: 'none', key: '--posix' },
  { name: 'debug', arg: 'none', key: '--debug' },
  { name: 'sandbox', arg: 'none', key: '--sandbox' },
  { name: 'follow-symlinks', arg: 'none', key: '--follow-symlinks' },
  { name: 'help', arg: 'none', key: '--help' },
  { name: 'version', arg: 'none', key: '--version' },
];

/** Parse argv (after -i was taken out): the options, or the exit status when sed stops here (--help, errors). */
export function parseSedArgs(p: Process, argv: string[], shortInPlace: boolean, shortSuffix: string, usage: string, version: string): SedOptions | number {
  const r = getopt(argv, 'nrsEe:f:l:uzb', LONG_OPTIONS, true);
  if (r.error) {
    p.stderr.write(`sed: ${r.error}\n${usage}`);
    return 1;
  }
  const has = (k: string): boolean => r.opts.some(([o]) => o === k);
  if (has('--help')) {
    p.stdout.write(usage);
    return 0;
  }
  if (has('--version')) {
    p.stdout.write(version);
    return 0;
  }
  const inPlace = has('-i') || shortInPlace;
  const pieces = scriptPieces(p, r.opts);
  if (typeof pieces === 'number') return pieces;
  let files = r.args;
  if (!pieces.length) {
    if (!files.length) {
      p.stderr.write(usage);
      return 1;
    }
    pieces.push({ label: (_l, ch) => `-e expression #1, char ${ch}`, text: files[0] });
    files = files.slice(1);
  }
  return {
    quiet: has('-n'),
    ere: has('-E') || has('-r'),
    inPlace,
    suffix: r.opts.filter(([k]) => k === '-i').map(([, v]) => v ?? '').pop() ?? shortSuffix,
    separate: has('-s') || inPlace,
    lineLen: Number(r.opts.filter(([k]) => k === '-l').map(([, v]) => v).pop() ?? 70),
    pieces,
    files,
  };
}

/** The -e and -f pieces in order (exit 4 when a -f file cannot be read). */
function scriptPieces(p: Process, opts: [string, string | undefined][]): ScriptPiece[] | number {
  const pieces: ScriptPiece[] = [];
  let exprNo = 0;
  for (const [k, v] of opts) {
    if (k === '-e') {
      const n = ++exprNo;
      pieces.push({ label: (_l, ch) => `-e expression #${n}, char ${ch}`, text: v ?? '' });
    } else if (k === '-f') {
      const f = v ?? '';
      let text: string;
      try {
        text = f === '-' ? '' : hostOf(p).vfs.readFile(f, p.vfsCtx());
      } catch (e) {
        p.stderr.write(`sed: couldn't open file ${f}: ${errMsg(e)}\n`);
        return 4;
      }
      if (text.endsWith('\n')) text = text.slice(0, -1);
      pieces.push({ label: (line) => `file ${f} line ${line}`, text });
    }
  }
  return pieces;
}

/** Compile the script: the commands and the parser (for its w files), or the exit status after GNU's message. */
export function compileScript(p: Process, script: string, pieces: ScriptPiece[], ere: boolean): { cmds: Cmd[]; parser: Parser } | number {
  const parser = new Parser(script, ere);
  try {
    return { cmds: parser.parse(), parser };
  } catch (e) {
    if (e instanceof LabelError) {
      p.stderr.write(`sed: can't find label for jump to \`${e.message}'\n`);
      return 4;
    }
    if (!(e instanceof ParseError)) throw e;
    let at = e.pos;
    let k = 0;
    while (k < pieces.length - 1 && at > pieces[k].text.length) {
      at -= pieces[k].text.length + 1;
      k++;
    }
    const line = pieces[k].text.slice(0, at).split('\n').length;
    p.stderr.write(`sed: ${pieces[k].label(line, at)}: ${e.message}\n`);
    return 1;
  }
}
