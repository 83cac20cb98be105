// sed on the command line: options, in-place editing, and the cycle that runs the commands over each line.

import type { Process } from '../../../kernel/proc.ts';
import { hostOf } from '../../coreutils/host.ts';
import { errMsg } from '../../coreutils/util.ts';
import { getopt } from '../../lib/getopt.ts';
import { RegexBudgetError } from '../../lib/safe-regex.ts';
import { LabelError, ParseError, Parser, type Addr, type Cmd, type Rx } from './parser.ts';
import { Input, Quit, RuntimeError, SPACE_LIMIT, STEP_BUDGET, expand, listLine } from './exec.ts';

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
  const r = getopt(
    argv,
    'nrsEe:f:l:uzb',
    [
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
    ],
    true,
  );
  if (r.error) {
    p.stderr.write(`sed: ${r.error}\n${USAGE}`);
    return 1;
  }
  const has = (k: string): boolean => r.opts.some(([o]) => o === k);
  if (has('--help')) {
    p.stdout.write(USAGE);
    return 0;
  }
  if (has('--version')) {
    p.stdout.write(VERSION);
    return 0;
  }
  let quiet = has('-n');
  const ere = has('-E') || has('-r');
  const inPlace = has('-i') || shortInPlace;
  const suffix = r.opts.filter(([k]) => k === '-i').map(([, v]) => v ?? '').pop() ?? shortSuffix;
  const separate = has('-s') || inPlace;
  const lineLen = Number(r.opts.filter(([k]) => k === '-l').map(([, v]) => v).pop() ?? 70);
  // Script pieces: [source label, text].
  const pieces: { label: (line: number, ch: number) => string; text: string }[] = [];
  let exprNo = 0;
  for (const [k, v] of r.opts) {
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
  let files = r.args;
  if (!pieces.length) {
    if (!files.length) {
      p.stderr.write(USAGE);
      return 1;
    }
    pieces.push({ label: (_l, ch) => `-e expression #1, char ${ch}`, text: files[0] });
    files = files.slice(1);
  }
  const script = pieces.map((x) => x.text).join('\n');
  if (/^#n(\n|$)/.test(script) && pieces[0].text.startsWith('#n')) quiet = true;
  const parser = new Parser(script, ere);
  let cmds: Cmd[];
  try {
    cmds = parser.parse();
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
  if (inPlace && !files.length) {
    p.stderr.write('sed: no input files\n');
    return 1;
  }
  if (!files.length) files = ['-'];
  const vfs = hostOf(p).vfs;
  const ctx = p.vfsCtx();

  // Output: stdout, or the file being edited in place.
  let buf = '';
  let missing = false;
  const flushOut = (): void => {
    if (buf && !inPlace) p.stdout.write(buf);
    if (!inPlace) buf = '';
  };
  const emit = (s: string): void => {
    if (missing) {
      buf += '\n';
      missing = false;
    }
    buf += s;
  };
  const emitLine = (s: string, nl: boolean): void => {
    emit(s);
    if (nl) buf += '\n';
    else missing = true;
  };
  // w files: truncated when the script is compiled.
  const wOut = new Map<string, { write(s: string): void }>();
  for (const f of parser.wfiles) {
    if (f === '/dev/stdout') wOut.set(f, { write: (s) => (inPlace ? p.stdout.write(s) : emit(s)) });
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
  const input = new Input(p, files, separate);
  if (inPlace) {
    input.onFile = () => {
      buf = '';
      missing = false;
    };
    input.onFileEnd = (name) => {
      if (name === '-') return;
      try {
        if (suffix) {
          const base = name.slice(name.lastIndexOf('/') + 1);
          const dir = name.slice(0, name.lastIndexOf('/') + 1);
          const bak = suffix.includes('*') ? (suffix.includes('/') ? '' : dir) + suffix.replace(/\*/g, base) : name + suffix;
          vfs.writeFile(bak, vfs.readFile(name, ctx), ctx);
        }
        vfs.writeFile(name, buf, ctx);
      } catch (e) {
        p.stderr.write(`sed: couldn't open temporary file ${name}: ${errMsg(e)}\n`);
        input.status = 4;
      }
      buf = '';
      missing = false;
    };
  }

  let ps = '';
  let nl = true;
  let hold = '';
  let lineNo = 0;
  let tflag = false;
  let append: ({ text: string } | { file: string })[] = [];
  let steps = 0;
  let lastRx: Rx | null = null;
  let exit = 0;
  let serial = 0;

  const dumpAppend = (): void => {
    for (const a of append) {
      if ('text' in a) emit(a.text);
      else {
        try {
          const t = vfs.readFile(a.file, ctx);
          if (t) {
            emit(t);
            if (!t.endsWith('\n')) missing = true;
          }
        } catch {
          // unreadable r files are ignored
        }
      }
    }
    append = [];
  };
  const useRx = (rx: Rx | null | undefined): Rx => {
    const x = rx ?? lastRx;
    if (!x) throw new RuntimeError('no previous regular expression');
    lastRx = x;
    return x;
  };
  const readLine = async (): Promise<boolean> => {
    const l = await input.next();
    if (!l) return false;
    ps = l.text;
    nl = l.nl;
    if (separate && input.serial !== serial) {
      // A new file: line numbers and ranges restart (-s, -i).
      if (serial !== 0) {
        lineNo = 0;
        for (const c of cmds) c.state = c.a1?.kind === 'line' && c.a1.n === 0 ? 'active' : 'inactive';
      }
      serial = input.serial;
    }
    lineNo++;
    return true;
  };
  const isLast = async (): Promise<boolean> => input.isLast();
  const matchAddr = async (a: Addr): Promise<boolean> => {
    switch (a.kind) {
      case 'line':
        return lineNo === a.n;
      case 'last':
        return isLast();
      case 're': {
        const x = useRx(a.rx);
        x.re.lastIndex = 0;
        return x.re.test(ps);
      }
      case 'step':
        return a.step <= 0 ? lineNo === a.first : lineNo >= a.first && (lineNo - a.first) % a.step === 0;
      default:
        return false;
    }
  };
  const selected = async (c: Cmd): Promise<boolean> => {
    if (!c.a1) return true;
    if (!c.a2) return (await matchAddr(c.a1)) !== c.neg;
    let hit: boolean;
    if (c.state === 'active') {
      const a2 = c.a2;
      if (a2.kind === 'line' || a2.kind === 'plus' || a2.kind === 'mult') {
        const end = c.end;
        if (lineNo >= end) c.state = 'closed';
        hit = lineNo <= end;
        if (!hit) {
          // Past the end (e.g. line numbers restarted): re-test the start.
          c.state = 'inactive';
          return selected(c);
        }
      } else {
        if (await matchAddr(a2)) c.state = 'closed';
        hit = true;
      }
    } else {
      if (!(await matchAddr(c.a1))) hit = false;
      else {
        hit = true;
        const a2 = c.a2;
        if (a2.kind === 'line') {
          if (a2.n > lineNo) {
            c.end = a2.n;
            c.state = 'active';
          } else c.state = 'closed';
        } else if (a2.kind === 'plus') {
          if (a2.n > 0) {
            c.end = lineNo + a2.n;
            c.state = 'active';
          } else c.state = 'closed';
        } else if (a2.kind === 'mult') {
          if (a2.n > 0 && lineNo % a2.n !== 0) {
            c.end = Math.ceil(lineNo / a2.n) * a2.n;
            c.state = 'active';
          } else c.state = 'closed';
        } else c.state = 'active';
      }
    }
    return hit !== c.neg;
  };

  const subst = (c: Cmd): boolean => {
    const x = useRx(c.rx);
    const re = x.re;
    let out = '';
    let pos = 0;
    let count = 0;
    let prevEnd = -1;
    let did = false;
    for (let guard = 0; pos <= ps.length && guard < 10_000_000; guard++) {
      re.lastIndex = pos;
      const m = re.exec(ps);
      if (!m) break;
      const st = m.index;
      const en = st + m[0].length;
      if (st === en && st === prevEnd) {
        if (st >= ps.length) break;
        out += ps.slice(pos, st + 1);
        pos = st + 1;
        continue;
      }
      out += ps.slice(pos, st);
      count++;
      prevEnd = en;
      if (count >= c.nth!) {
        out += expand(c.repl!, m);
        did = true;
      } else out += m[0];
      if (did && !c.global) {
        pos = en;
        break;
      }
      if (st === en) {
        if (st < ps.length) out += ps[st];
        pos = st + 1;
      } else pos = en;
    }
    if (!did) return false;
    if (pos < ps.length) out += ps.slice(pos);
    ps = out;
    return true;
  };

  const flushSoon = (): void => {
    if (buf.length > 8192) flushOut();
  };

  let restart = false;
  try {
    cycle: for (let guard = 0; guard < 1e9; guard++) {
      if (!restart) {
        if (!(await readLine())) break;
        tflag = false;
      }
      restart = false;
      let pc = 0;
      let autoprint = true;
      while (pc < cmds.length) {
        if (++steps > STEP_BUDGET) throw new RuntimeError('step budget exhausted (endless loop?)');
        const c = cmds[pc];
        if (!(await selected(c))) {
          pc = c.name === '{' ? c.target! : pc + 1;
          continue;
        }
        pc++;
        switch (c.name) {
          case '{':
          case '}':
          case ':':
            break;
          case '=':
            emit(`${lineNo}\n`);
            break;
          case 'a':
            append.push({ text: c.text! });
            break;
          case 'i':
            emit(c.text!);
            break;
          case 'c':
            if (c.state !== 'active') emit(c.text!);
            autoprint = false;
            pc = cmds.length;
            break;
          case 'b':
            pc = c.target ?? cmds.length;
            break;
          case 't':
            if (tflag) {
              tflag = false;
              pc = c.target ?? cmds.length;
            }
            break;
          case 'T':
            if (!tflag) pc = c.target ?? cmds.length;
            else tflag = false;
            break;
          case 'd':
            autoprint = false;
            pc = cmds.length;
            break;
          case 'D': {
            const k = ps.indexOf('\n');
            autoprint = false;
            pc = cmds.length;
            if (k >= 0) {
              ps = ps.slice(k + 1);
              restart = true;
            }
            break;
          }
          case 'g':
            ps = hold;
            break;
          case 'G':
            ps += '\n' + hold;
            break;
          case 'h':
            hold = ps;
            break;
          case 'H':
            hold += '\n' + ps;
            break;
          case 'x':
            [ps, hold] = [hold, ps];
            break;
          case 'z':
            ps = '';
            break;
          case 'F':
            emit(`${input.name}\n`);
            break;
          case 'l':
          case 'L':
            emit(listLine(ps, c.int ?? lineLen));
            break;
          case 'n':
            if (await isLast()) throw new Quit(0, !quiet);
            if (!quiet) emitLine(ps, nl);
            dumpAppend();
            await readLine();
            break;
          case 'N':
            if (await isLast()) throw new Quit(0, !quiet);
            {
              const prev = ps;
              dumpAppend();
              await readLine();
              ps = prev + '\n' + ps;
            }
            break;
          case 'p':
            emitLine(ps, nl);
            break;
          case 'P': {
            const k = ps.indexOf('\n');
            emitLine(k >= 0 ? ps.slice(0, k) : ps, true);
            break;
          }
          case 'q':
            throw new Quit(c.int ?? 0, !quiet);
          case 'Q':
            throw new Quit(c.int ?? 0, false);
          case 'r':
            append.push({ file: c.file! });
            break;
          case 'R':
            break;
          case 'w':
            wOut.get(c.file!)?.write(ps + (nl ? '\n' : ''));
            break;
          case 'W': {
            const k = ps.indexOf('\n');
            wOut.get(c.file!)?.write((k >= 0 ? ps.slice(0, k) : ps) + '\n');
            break;
          }
          case 's':
            if (subst(c)) {
              tflag = true;
              if (c.print) emitLine(ps, nl);
              if (c.file) wOut.get(c.file)?.write(ps + (nl ? '\n' : ''));
            }
            break;
          case 'y': {
            let o = '';
            for (const ch of ps) o += c.map!.get(ch) ?? ch;
            ps = o;
            break;
          }
        }
        if (ps.length > SPACE_LIMIT || hold.length > SPACE_LIMIT) throw new RuntimeError('pattern space too large');
      }
      if (autoprint && !quiet) emitLine(ps, nl);
      dumpAppend();
      flushSoon();
      if (restart) continue cycle;
    }
  } catch (e) {
    if (e instanceof Quit) {
      if (e.print) emitLine(ps, nl);
      dumpAppend();
      exit = e.code;
      if (inPlace) input.onFileEnd?.(input.name);
      flushOut();
      return exit;
    }
    if (e instanceof RuntimeError || e instanceof RegexBudgetError) {
      flushOut();
      p.stderr.write(`sed: ${e.message}\n`);
      return 4;
    }
    throw e;
  }
  flushOut();
  return input.status || exit;
}
