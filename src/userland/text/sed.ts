// sed as Debian 12 installs it (GNU sed 4.9): the script is compiled first
// (errors read `sed: -e expression #N, char M: ...`, exit 1), then input
// lines stream through the commands. POSIX BREs/EREs are translated to
// JavaScript regular expressions (`.` and `[^x]` match a newline in the
// pattern space, as in GNU). Branch loops run on a step budget, so no
// script can hang the host.

import type { Process } from '../../kernel/proc.ts';
import { register } from '../registry.ts';
import { hostOf, readLines } from '../coreutils/host.ts';
import { errMsg, isDir, statPath } from '../coreutils/util.ts';
import { getopt } from '../lib/getopt.ts';
import { RegexError, translateRegex } from '../lib/posix-regex.ts';
import { RegexBudgetError, safeRegExp } from '../lib/safe-regex.ts';

const USAGE = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

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

const VERSION = `sed (GNU sed) 4.9
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

/** Commands executed per run before sed gives up (a `b`/`t` loop that never ends). */
const STEP_BUDGET = 2_000_000;
/** Largest pattern/hold space. */
const SPACE_LIMIT = 16 * 1024 * 1024;

// ---------------------------------------------------------------- regular expressions

/** A compiled sed regex. */
interface Rx {
  re: RegExp;
  groups: number;
}


// ---------------------------------------------------------------- program

type Addr =
  | { kind: 'line'; n: number }
  | { kind: 'last' }
  | { kind: 're'; rx: Rx | null }
  | { kind: 'step'; first: number; step: number }
  | { kind: 'plus'; n: number }
  | { kind: 'mult'; n: number };

type Piece = { lit: string } | { ref: number } | { cas: 'L' | 'U' | 'l' | 'u' | 'E' };

interface Cmd {
  a1?: Addr;
  a2?: Addr;
  neg: boolean;
  name: string;
  /** Range state: GNU's RANGE_INACTIVE/ACTIVE/CLOSED. */
  state: 'inactive' | 'active' | 'closed';
  end: number;
  text?: string;
  label?: string;
  target?: number;
  int?: number;
  file?: string;
  rx?: Rx | null;
  repl?: Piece[];
  global?: boolean;
  print?: number;
  nth?: number;
  map?: Map<string, string>;
}

class ParseError extends Error {
  pos: number;
  constructor(msg: string, pos: number) {
    super(msg);
    this.pos = pos;
  }
}

const WS = (c: string): boolean => c === ' ' || c === '\t';

class Parser {
  s: string;
  pos = 0;
  ere: boolean;
  cmds: Cmd[] = [];
  blocks: number[] = [];
  wfiles = new Set<string>();

  constructor(s: string, ere: boolean) {
    this.s = s;
    this.ere = ere;
  }

  inchar(): string {
    if (this.pos >= this.s.length) return '';
    return this.s[this.pos++];
  }

  savchar(c: string): void {
    if (c !== '') this.pos--;
  }

  nonblank(): string {
    let c: string;
    do c = this.inchar();
    while (WS(c));
    return c;
  }

  fail(msg: string): never {
    throw new ParseError(msg, this.pos);
  }

  readInt(first: string): number {
    let n = first;
    let c: string;
    while ((c = this.inchar()) >= '0' && c <= '9') n += c;
    this.savchar(c);
    return Number(n);
  }

  endOfCmd(): void {
    const c = this.nonblank();
    if (c === '}' || c === '#') this.savchar(c);
    else if (c !== '' && c !== '\n' && c !== ';') this.fail('extra characters after command');
  }

  /** Text up to an unescaped `delim` (GNU match_slash); null when unterminated. */
  slash(delim: string, regex: boolean): string | null {
    let out = '';
    for (;;) {
      const c = this.inchar();
      if (c === '') return null;
      if (c === delim) return out;
      if (c === '\n' && regex) return null;
      if (c === '\\') {
        const n = this.inchar();
        if (n === '') return null;
        if (n === delim) out += delim;
        else if (n === 'n' && regex) out += '\\n';
        else if (n === '\n' && regex) return null;
        else out += '\\' + n;
        continue;
      }
      if (c === '[' && regex) {
        // A bracket expression may hold the delimiter.
        const save = this.pos;
        let j = this.pos;
        if (this.s[j] === '^') j++;
        if (this.s[j] === ']') j++;
        for (; j < this.s.length && this.s[j] !== ']' && this.s[j] !== '\n'; j++) {
          if (this.s[j] === '[' && ':.='.includes(this.s[j + 1] ?? '')) {
            const e = this.s.indexOf(this.s[j + 1] + ']', j + 2);
            if (e > 0) j = e + 1;
          }
        }
        if (j < this.s.length && this.s[j] === ']') {
          out += '[' + this.s.slice(save, j + 1);
          this.pos = j + 1;
          continue;
        }
        return null;
      }
      out += c;
    }
  }

  compileRx(pat: string, flags: string): Rx | null {
    if (pat === '') return null;
    try {
      const { src, groups } = translateRegex(pat, this.ere);
      return { re: safeRegExp(src, 'g' + flags, { longest: true }), groups };
    } catch (e) {
      if (e instanceof RegexError) this.fail(e.message);
      this.fail('Invalid regular expression');
    }
  }

  address(c: string, second: boolean): Addr | undefined {
    if (c === '/' || c === '\\') {
      const delim = c === '\\' ? this.inchar() : '/';
      const pat = this.slash(delim, true);
      if (pat === null) this.fail('unterminated address regex');
      let flags = '';
      for (;;) {
        const f = this.nonblank();
        if (f === 'I') flags += flags.includes('i') ? '' : 'i';
        else if (f === 'M') flags += flags.includes('m') ? '' : 'm';
        else {
          this.savchar(f);
          break;
        }
      }
      return { kind: 're', rx: this.compileRx(pat, flags) };
    }
    if (c >= '0' && c <= '9') {
      const n = this.readInt(c);
      const t = this.nonblank();
      if (t === '~' && !second) {
        const d = this.nonblank();
        const step = d >= '0' && d <= '9' ? this.readInt(d) : (this.savchar(d), 0);
        return { kind: 'step', first: n, step };
      }
      this.savchar(t);
      return { kind: 'line', n };
    }
    if ((c === '+' || c === '~') && second) {
      const d = this.nonblank();
      if (d >= '0' && d <= '9') {
        const n = this.readInt(d);
        return c === '+' ? { kind: 'plus', n } : { kind: 'mult', n };
      }
      this.savchar(d);
      return undefined;
    }
    if (c === '$') return { kind: 'last' };
    return undefined;
  }

  label(): string {
    let c = this.nonblank();
    let l = '';
    while (c !== '' && c !== '\n' && c !== ';' && !WS(c)) {
      l += c;
      c = this.inchar();
    }
    this.savchar(c);
    if (c !== '' && c !== '\n') this.endOfCmd();
    return l;
  }

  filename(): string {
    let c = this.nonblank();
    let f = '';
    while (c !== '' && c !== '\n') {
      f += c;
      c = this.inchar();
    }
    if (f === '') this.fail('missing filename in r/R/w/W commands');
    return f;
  }

  /** GNU read_text: a/i/c text, one-liner or `\`-continued lines. */
  text(): string {
    let c = this.nonblank();
    if (c === '') this.fail("expected \\ after `a', `c' or `i'");
    let raw = '';
    if (c === '\\') {
      c = this.inchar();
      if (c === '') return '';
      if (c !== '\n') raw += c === '\\' ? '\\' : c;
      if (c === '\\') {
        // `a\\t`: the escaped character starts the text.
        const n = this.inchar();
        if (n !== '') raw += n;
      }
    } else this.savchar(c);
    for (;;) {
      c = this.inchar();
      if (c === '' || c === '\n') break;
      if (c === '\\') {
        const n = this.inchar();
        if (n === '') break;
        raw += '\\' + n;
        continue;
      }
      raw += c;
    }
    return unescapeText(raw) + '\n';
  }

  parse(): Cmd[] {
    for (;;) {
      let c = this.inchar();
      while (c === ';' || WS(c) || c === '\n') c = this.inchar();
      if (c === '') break;
      if (c === '#') {
        while (c !== '' && c !== '\n') c = this.inchar();
        continue;
      }
      const cmd: Cmd = { neg: false, name: '', state: 'inactive', end: 0 };
      cmd.a1 = this.address(c, false);
      if (cmd.a1) {
        c = this.nonblank();
        if (c === ',') {
          cmd.a2 = this.address(this.nonblank(), true);
          if (!cmd.a2) this.fail("unexpected `,'");
          c = this.nonblank();
        }
      }
      if (c === '!') {
        cmd.neg = true;
        c = this.nonblank();
        if (c === '!') this.fail("multiple `!'s");
        while (WS(c)) c = this.nonblank();
      }
      if (c === '' || c === '\n' || c === ';') {
        if (cmd.a1 || cmd.neg) this.fail('missing command');
      }
      cmd.name = c;
      if (cmd.a1 && cmd.a1.kind === 'line' && cmd.a1.n === 0 && !(cmd.a2 && cmd.a2.kind === 're')) this.fail('invalid usage of line address 0');
      if (cmd.a1?.kind === 'line' && cmd.a1.n === 0) cmd.state = 'active';
      const noAddr = (): void => {
        if (cmd.a1) this.fail(`: doesn't want any addresses`);
      };
      const oneAddr = (): void => {
        if (cmd.a2) this.fail('command only uses one address');
      };
      switch (c) {
        case '{':
          this.blocks.push(this.cmds.length);
          this.cmds.push(cmd);
          continue;
        case '}': {
          if (!this.blocks.length) this.fail("unexpected `}'");
          if (cmd.a1) this.fail("} doesn't want any addresses");
          const open = this.blocks.pop()!;
          this.endOfCmd();
          this.cmds.push(cmd);
          this.cmds[open].target = this.cmds.length;
          continue;
        }
        case ':': {
          noAddr();
          let l = '';
          let d = this.nonblank();
          while (d !== '' && d !== '\n' && d !== ';') {
            l += d;
            d = this.inchar();
          }
          l = l.replace(/[ \t]+$/, '');
          if (l === '') this.fail('":" lacks a label');
          cmd.label = l;
          break;
        }
        case 'a':
        case 'i':
        case 'c':
          if (c === 'i' || c === 'a') void 0;
          cmd.text = this.text();
          break;
        case 'b':
        case 't':
        case 'T':
          cmd.label = this.label();
          break;
        case '=':
        case 'd':
        case 'D':
        case 'g':
        case 'G':
        case 'h':
        case 'H':
        case 'n':
        case 'N':
        case 'p':
        case 'P':
        case 'x':
        case 'z':
        case 'F':
          this.endOfCmd();
          break;
        case 'q':
        case 'Q':
        case 'l':
        case 'L': {
          if (c === 'q' || c === 'Q') oneAddr();
          const d = this.nonblank();
          if (d >= '0' && d <= '9') cmd.int = this.readInt(d);
          else this.savchar(d);
          this.endOfCmd();
          break;
        }
        case 'r':
        case 'R':
          cmd.file = this.filename();
          break;
        case 'w':
        case 'W':
          cmd.file = this.filename();
          this.wfiles.add(cmd.file);
          break;
        case 's':
          this.subst(cmd);
          break;
        case 'y':
          this.ycmd(cmd);
          break;
        default:
          this.fail(`unknown command: \`${c}'`);
      }
      this.cmds.push(cmd);
    }
    if (this.blocks.length) {
      this.pos = 0;
      this.fail("unmatched `{'");
    }
    // Resolve labels.
    const labels = new Map<string, number>();
    this.cmds.forEach((c, i) => {
      if (c.name === ':' && c.label !== undefined && !labels.has(c.label)) labels.set(c.label, i);
    });
    for (const c of this.cmds) {
      if ('btT'.includes(c.name) && c.label) {
        const t = labels.get(c.label);
        if (t === undefined) throw new LabelError(c.label);
        c.target = t;
      }
    }
    return this.cmds;
  }

  subst(cmd: Cmd): void {
    const delim = this.inchar();
    if (delim === '' || delim === '\n' || delim === '\\') this.fail("unterminated `s' command");
    const pat = this.slash(delim, true);
    if (pat === null) this.fail("unterminated `s' command");
    const rep = this.slash(delim, false);
    if (rep === null) this.fail("unterminated `s' command");
    let flags = '';
    let nth: number | undefined;
    let g = false;
    let pr = 0;
    for (;;) {
      const c = this.inchar();
      if (c === 'i' || c === 'I') flags += flags.includes('i') ? '' : 'i';
      else if (c === 'm' || c === 'M') flags += flags.includes('m') ? '' : 'm';
      else if (c === 'e') void 0;
      else if (c === 'p') {
        if (pr) this.fail("multiple `p' options to `s' command");
        pr = 1;
      } else if (c === 'g') {
        if (g) this.fail("multiple `g' options to `s' command");
        g = true;
      } else if (c >= '0' && c <= '9') {
        if (nth !== undefined) this.fail("multiple number options to `s' command");
        nth = this.readInt(c);
        if (nth === 0) this.fail("number option to `s' command may not be zero");
      } else if (c === 'w') {
        cmd.file = this.filename();
        this.wfiles.add(cmd.file);
        break;
      } else if (c === '}' || c === '#') {
        this.savchar(c);
        break;
      } else if (c === '' || c === '\n' || c === ';') break;
      else if (WS(c)) continue;
      else this.fail("unknown option to `s'");
    }
    cmd.rx = this.compileRx(pat, flags);
    cmd.repl = parseRepl(rep);
    const maxRef = Math.max(0, ...cmd.repl.map((x) => ('ref' in x ? x.ref : 0)));
    if (cmd.rx && maxRef > cmd.rx.groups) this.fail(`invalid reference \\${maxRef} on \`s' command's RHS`);
    cmd.global = g;
    cmd.nth = nth ?? 1;
    cmd.print = pr;
  }

  ycmd(cmd: Cmd): void {
    const delim = this.inchar();
    const a = this.slash(delim, false);
    const b = a === null ? null : this.slash(delim, false);
    if (a === null || b === null) this.fail("unterminated `y' command");
    const un = (s: string): string[] => {
      const out: string[] = [];
      for (let i = 0; i < s.length; i++) {
        if (s[i] === '\\' && i + 1 < s.length) {
          const n = s[++i];
          out.push(n === 'n' ? '\n' : n === 't' ? '\t' : n === '\\' ? '\\' : '\\' + n);
        } else out.push(s[i]);
      }
      return out;
    };
    const x = un(a);
    const y = un(b);
    if (x.length !== y.length || x.some((c) => c.length > 1) || y.some((c) => c.length > 1)) this.fail("strings for `y' command are different lengths");
    cmd.map = new Map(x.map((c, i) => [c, y[i]]));
    this.endOfCmd();
  }
}

class LabelError extends Error {}

/** Escapes in a/i/c text: \t, \n ... are characters; other backslashes are dropped. */
function unescapeText(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\' || i + 1 >= raw.length) {
      out += c;
      continue;
    }
    const n = raw[++i];
    const esc = simpleEscape(raw, i);
    if (esc) {
      out += esc[0];
      i = esc[1];
    } else out += n;
  }
  return out;
}

/** \a \f \n \r \t \v \dNNN \oNNN \xHH \cX at raw[i] (the char after `\`): [text, last index]. */
function simpleEscape(raw: string, i: number): [string, number] | undefined {
  const n = raw[i];
  const map: Record<string, string> = { a: '\x07', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  if (n in map) return [map[n], i];
  let m: RegExpExecArray | null;
  if (n === 'd' && (m = /^\d{1,3}/.exec(raw.slice(i + 1)))) return [String.fromCharCode(Number(m[0]) & 255), i + m[0].length];
  if (n === 'o' && (m = /^[0-7]{1,3}/.exec(raw.slice(i + 1)))) return [String.fromCharCode(parseInt(m[0], 8) & 255), i + m[0].length];
  if (n === 'x' && (m = /^[0-9a-fA-F]{1,2}/.exec(raw.slice(i + 1)))) return [String.fromCharCode(parseInt(m[0], 16)), i + m[0].length];
  if (n === 'c' && i + 1 < raw.length) return [String.fromCharCode(raw[i + 1].toUpperCase().charCodeAt(0) ^ 0x40), i + 1];
  return undefined;
}

function parseRepl(s: string): Piece[] {
  const out: Piece[] = [];
  let lit = '';
  const flush = (): void => {
    if (lit) out.push({ lit });
    lit = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '&') {
      flush();
      out.push({ ref: 0 });
      continue;
    }
    if (c !== '\\' || i + 1 >= s.length) {
      lit += c;
      continue;
    }
    const n = s[++i];
    if (n >= '0' && n <= '9') {
      flush();
      out.push({ ref: Number(n) });
    } else if ('LUluE'.includes(n)) {
      flush();
      out.push({ cas: n as 'L' });
    } else if (n === '\n') lit += '\n';
    else {
      const esc = simpleEscape(s, i);
      if (esc) {
        lit += esc[0];
        i = esc[1];
      } else lit += n;
    }
  }
  flush();
  return out;
}

/** Expand a replacement for one match. */
function expand(pieces: Piece[], m: RegExpExecArray): string {
  let out = '';
  let mode: '' | 'L' | 'U' = '';
  let one: '' | 'l' | 'u' = '';
  const add = (t: string): void => {
    if (!t) return;
    if (mode === 'L') t = t.toLowerCase();
    else if (mode === 'U') t = t.toUpperCase();
    if (one) {
      t = (one === 'u' ? t[0].toUpperCase() : t[0].toLowerCase()) + t.slice(1);
      one = '';
    }
    out += t;
  };
  for (const p of pieces) {
    if ('lit' in p) add(p.lit);
    else if ('ref' in p) add(m[p.ref] ?? '');
    else if (p.cas === 'E') {
      mode = '';
      one = '';
    } else if (p.cas === 'L' || p.cas === 'U') {
      mode = p.cas;
      one = '';
    } else one = p.cas;
  }
  return out;
}

/** `l` output of the pattern space (C locale: bytes, octal escapes, 70 columns). */
function listLine(s: string, width: number): string {
  const bytes = new TextEncoder().encode(s);
  let out = '';
  let cur = '';
  const esc: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 92: '\\\\' };
  for (const b of bytes) {
    const seq = esc[b] ?? (b >= 32 && b < 127 ? String.fromCharCode(b) : '\\' + b.toString(8).padStart(3, '0'));
    if (width > 1 && cur.length + seq.length > width - 1) {
      out += cur + '\\\n';
      cur = '';
    }
    cur += seq;
  }
  return out + cur + '$\n';
}

// ---------------------------------------------------------------- input

interface Line {
  text: string;
  nl: boolean;
}

class Input {
  private p: Process;
  private files: string[];
  private idx = -1;
  private lines: Line[] = [];
  private li = 0;
  private stdin?: AsyncGenerator<string>;
  private peeked?: Line | null;
  private stdinDone = false;
  separate: boolean;
  name = '-';
  status = 0;
  /** Called when a new file starts (for -i and -s). */
  onFile?: (name: string) => void;
  onFileEnd?: (name: string) => void;

  constructor(p: Process, files: string[], separate: boolean) {
    this.p = p;
    this.files = files;
    this.separate = separate;
  }

  private open = false;
  /** Bumped whenever a file starts (line numbers restart with -s/-i). */
  serial = 0;

  private openNext(): boolean {
    for (;;) {
      if (this.open) this.onFileEnd?.(this.name);
      this.open = false;
      this.idx++;
      this.lines = [];
      this.li = 0;
      this.stdin = undefined;
      if (this.idx >= this.files.length) return false;
      const f = this.files[this.idx];
      this.name = f;
      if (f === '-') {
        this.stdin = readLines(this.p);
        this.stdinDone = false;
        this.open = true;
        this.serial++;
        this.onFile?.(f);
        return true;
      }
      const node = statPath(this.p, f);
      if (isDir(node)) {
        this.p.stderr.write(`sed: couldn't edit ${f}: not a regular file\n`);
        this.status = 4;
        continue;
      }
      let text: string;
      try {
        text = hostOf(this.p).vfs.readFile(f, this.p.vfsCtx());
      } catch (e) {
        this.p.stderr.write(`sed: can't read ${f}: ${errMsg(e)}\n`);
        this.status = 2;
        continue;
      }
      const parts = text.split('\n');
      const last = parts.pop()!;
      this.lines = parts.map((t) => ({ text: t, nl: true }));
      if (last !== '') this.lines.push({ text: last, nl: false });
      this.open = true;
      this.serial++;
      this.onFile?.(f);
      return true;
    }
  }

  /** Next line of the current file, without moving to the next file. */
  private async fromCurrent(): Promise<Line | null> {
    if (this.peeked !== undefined) {
      const l = this.peeked;
      this.peeked = undefined;
      return l;
    }
    if (this.stdin) {
      if (this.stdinDone) return null;
      const r = await this.stdin.next();
      if (r.done) {
        this.stdinDone = true;
        return null;
      }
      const t = r.value;
      return t.endsWith('\n') ? { text: t.slice(0, -1), nl: true } : { text: t, nl: false };
    }
    if (this.idx < 0 || this.li >= this.lines.length) return null;
    return this.lines[this.li++];
  }

  started = false;

  async next(): Promise<Line | null> {
    if (!this.started) {
      this.started = true;
      if (!this.openNext()) return null;
    }
    for (let guard = 0; guard < 100000; guard++) {
      const l = await this.fromCurrent();
      if (l) return l;
      if (!this.openNext()) return null;
    }
    return null;
  }

  /** Is the line just read the last one (of this file with -s/-i)? */
  async isLast(): Promise<boolean> {
    if (this.peeked === undefined) this.peeked = await this.fromCurrent();
    if (this.peeked) return false;
    this.peeked = undefined;
    if (this.separate) return true;
    // Look into the following files (opening them, as GNU reads ahead).
    for (let guard = 0; guard < 100000; guard++) {
      if (!this.openNext()) return true;
      const l = await this.fromCurrent();
      if (l) {
        this.peeked = l;
        return false;
      }
    }
    return true;
  }

}

// ---------------------------------------------------------------- execution

class Quit {
  code: number;
  print: boolean;
  constructor(code: number, print: boolean) {
    this.code = code;
    this.print = print;
  }
}

/** Take `-i[SUFFIX]` out of argv (its suffix is optional and attached): [argv, in-place?, suffix]. */
function extractInPlace(argv: string[]): [string[], boolean, string] {
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

async function runSed(p: Process): Promise<number> {
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

class RuntimeError extends Error {}

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
