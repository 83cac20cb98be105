// Text filters lessons pipe into: grep, head, tail, wc, sort, uniq, cut, tr,
// tee, nl, seq. Filters reading stdin stream line by line, so
// `ping ... | grep ttl` prints as replies arrive and `head -1` ends a pipe early.

import type { Process } from '../../kernel/proc.ts';
import { refuseNotSimulated, register, specGetopt, type OptionSpec } from '../registry.ts';
import { hostOf, readLines, WriteError } from './host.ts';
import { byteLength, errMsg, parseOpts, readInput, splitLines, statPath, isDir, usageError } from './util.ts';
import { RegexError, translateRegex } from '../lib/posix-regex.ts';
import { getopt } from '../lib/getopt.ts';
import { RegexBudgetError, safeRegExp } from '../lib/safe-regex.ts';

/** grep's options (GNU grep 3.8): documented and parsed from this one table. */
const GREP_OPTIONS: OptionSpec[] = [
  { flag: '-E, --extended-regexp', desc: 'PATTERNS are extended regular expressions' },
  { flag: '-F, --fixed-strings', desc: 'PATTERNS are strings' },
  { flag: '-G, --basic-regexp', desc: 'PATTERNS are basic regular expressions (the default)' },
  { flag: '-P, --perl-regexp', desc: 'PATTERNS are Perl regular expressions (not in this build, as on Debian without PCRE)' },
  { flag: '-e, --regexp', arg: 'PATTERNS', desc: 'use PATTERNS for matching' },
  { flag: '-f, --file', arg: 'FILE', desc: 'take PATTERNS from FILE' },
  { flag: '-i, --ignore-case', desc: 'ignore case distinctions' },
  { flag: '-w, --word-regexp', desc: 'match only whole words' },
  { flag: '-x, --line-regexp', desc: 'match only whole lines' },
  { flag: '-v, --invert-match', desc: 'select non-matching lines' },
  { flag: '-c, --count', desc: 'print only a count of matching lines per FILE' },
  { flag: '-n, --line-number', desc: 'print line number with output lines' },
  { flag: '-o, --only-matching', desc: 'show only the matching parts' },
  { flag: '-q, --quiet, --silent', desc: 'quiet; exit status only' },
  { flag: '-s, --no-messages', desc: 'suppress error messages' },
  { flag: '-l, --files-with-matches', desc: 'print only names of FILEs with selected lines' },
  { flag: '-L, --files-without-match', desc: 'print only names of FILEs with no selected lines' },
  { flag: '-h, --no-filename', desc: 'suppress the file name prefix' },
  { flag: '-H, --with-filename', desc: 'print the file name for each match' },
  { flag: '-Z, --null', desc: 'print a zero byte after each file name' },
  { flag: '-m, --max-count', arg: 'NUM', desc: 'stop after NUM selected lines' },
  { flag: '-r, --recursive', desc: 'read all files under each directory' },
  { flag: '-R, --dereference-recursive', desc: 'likewise, following symlinks' },
  { flag: '-A, --after-context', arg: 'NUM', desc: 'print NUM lines of trailing context' },
  { flag: '-B, --before-context', arg: 'NUM', desc: 'print NUM lines of leading context' },
  { flag: '-C, --context', arg: 'NUM', desc: 'print NUM lines of output context' },
  { flag: '--color, --colour', arg: 'WHEN', argOptional: true, desc: 'use markers to highlight the matching strings (never on a pipe)' },
];
const GREP_GETOPT = specGetopt(GREP_OPTIONS);

register({
  name: 'grep',
  summary: 'print lines that match patterns',
  usage: 'grep [OPTION]... PATTERNS [FILE]...',
  options: GREP_OPTIONS,
  async run(p) {
    try {
      return await grepMain(p);
    } catch (e) {
      // A back-reference pattern that exceeded the bounded matcher's budget.
      if (!(e instanceof RegexBudgetError)) throw e;
      p.stderr.write(`${p.argv[0]}: memory exhausted\n`);
      return 2;
    }
  },
});

/** grep's settings, from its options. */
interface Grep {
  re: RegExp;
  files: string[];
  invert: boolean;
  count: boolean;
  quiet: boolean;
  /** -l or -L */
  listFiles: boolean;
  /** -L */
  listWithout: boolean;
  /** -Z: a zero byte instead of the character that follows a file name. */
  nul: boolean;
  number: boolean;
  only: boolean;
  /** -s */
  noMessages: boolean;
  maxCount: number;
  showName: boolean;
  after: number;
  before: number;
  context: boolean;
}

/** What grep has done so far over all its files. */
interface GrepRun {
  printedAny: boolean;
  matchedAny: boolean;
  errors: boolean;
}

/** Parsed options: a lookup, the options in order, the operands. */
interface GrepOpts {
  has: (k: string) => boolean;
  get: (k: string) => string | undefined;
  list: [string, string | undefined][];
  args: string[];
}

async function grepMain(p: Process): Promise<number> {
  const prog = p.argv[0];
  const o = grepOpts(p, prog);
  if (typeof o === 'number') return o;
  const patterns: string[] = [];
  for (const [k, v] of o.list) {
    if (k === '-e') patterns.push(v ?? '');
    else if (k === '-f') {
      // -f FILE: one pattern per line; an empty file has none (nothing matches).
      try {
        const text = await readInput(p, v ?? '');
        patterns.push(...splitLines(text));
      } catch (e) {
        p.stderr.write(`${prog}: ${v}: ${errMsg(e)}\n`);
        return 2;
      }
    }
  }
  const g = grepSettings(p, prog, o, patterns);
  if (typeof g === 'number') return g;
  const run: GrepRun = { printedAny: false, matchedAny: false, errors: false };
  for (const f of g.files) {
    const name = f === '-' ? '(standard input)' : f;
    const scan = new GrepScan(g, run, name);
    if (f === '-') {
      for await (const raw of readLines(p)) {
        const more = scan.handle(raw.replace(/\n$/, ''));
        if (scan.out) {
          p.stdout.write(scan.out);
          scan.out = '';
        }
        if (!more) break;
      }
    } else {
      if (isDir(statPath(p, f))) {
        p.stderr.write(`${prog}: ${f}: Is a directory\n`);
        continue;
      }
      let text: string;
      try {
        text = await readInput(p, f);
      } catch (e) {
        if (!g.noMessages) p.stderr.write(`${prog}: ${f}: ${errMsg(e)}\n`);
        run.errors = true;
        continue;
      }
      for (const line of splitLines(text)) if (!scan.handle(line)) break;
      p.stdout.write(scan.out);
    }
    if (g.quiet && run.matchedAny) return 0;
    if (g.count) p.stdout.write(`${g.showName ? `${name}${g.nul ? '\0' : ':'}` : ''}${scan.n}\n`);
    if (g.listFiles && !g.listWithout && scan.n > 0) p.stdout.write(`${name}${g.nul ? '\0' : '\n'}`);
    if (g.listWithout && scan.n === 0) p.stdout.write(`${name}${g.nul ? '\0' : '\n'}`);
  }
  if (run.errors && !(g.quiet && run.matchedAny)) return 2;
  return run.matchedAny ? 0 : 1;
}

/** Parse the options; a number is the exit status when grep stops here (reported). */
function grepOpts(p: Process, prog: string): GrepOpts | number {
  const g = getopt(p.argv.slice(1), GREP_GETOPT.optstring, GREP_GETOPT.longopts);
  if (g.error) {
    p.stderr.write(`${prog}: ${g.error}\nUsage: ${prog} [OPTION]... PATTERNS [FILE]...\nTry '${prog} --help' for more information.\n`);
    return 2;
  }
  const om = new Map(g.opts);
  const o: GrepOpts = { has: (k) => om.has(k), get: (k) => om.get(k), list: g.opts, args: g.args };
  // --color: highlighting goes only to a terminal (auto) or always; neither is drawn here.
  const color = o.get('--color');
  if (o.has('--color') && color !== 'never' && !(color !== 'always' && !p.stdout.isTTY)) return refuseNotSimulated(p, 'grep', '--color');
  return o;
}

/** Options and patterns (-e/-f, else the first operand) to grep's settings; a number is the exit status when grep stops here (reported). */
function grepSettings(p: Process, prog: string, o: GrepOpts, patterns: string[]): Grep | number {
  let files = o.args;
  if (!o.has('-e') && !o.has('-f')) {
    if (files.length === 0) {
      p.stderr.write(`Usage: ${prog} [OPTION]... PATTERNS [FILE]...\nTry '${prog} --help' for more information.\n`);
      return 2;
    }
    patterns = [files[0]];
    files = files.slice(1);
  }
  if (o.has('-P')) {
    p.stderr.write(`${prog}: Perl matching not supported in a --disable-perl-regexp build\n`);
    return 2;
  }
  const re = grepRegex(p, prog, patterns.flatMap((x) => x.split('\n')), o);
  if (typeof re === 'number') return re;
  const recursive = o.has('-r') || o.has('-R');
  if (recursive && files.length === 0) files = ['.'];
  if (files.length === 0) files = ['-'];
  if (recursive) files = expandDirs(p, files);
  const showName = !o.has('-h') && (o.has('-H') || files.length > 1 || recursive);
  const ctx = contextLengths(p, prog, o);
  if (typeof ctx === 'number') return ctx;
  return {
    re, files, showName, ...ctx,
    invert: o.has('-v'), count: o.has('-c'), quiet: o.has('-q'), listFiles: o.has('-l') || o.has('-L'), listWithout: o.has('-L'), nul: o.has('-Z'),
    number: o.has('-n'), only: o.has('-o'), noMessages: o.has('-s'), maxCount: o.has('-m') ? Number(o.get('-m')) : Infinity,
  };
}

/** One regular expression for all the patterns (-F, -E, -w, -x, -i); or an exit status (reported). */
function grepRegex(p: Process, prog: string, patterns: string[], o: GrepOpts): RegExp | number {
  const fixed = o.has('-F');
  let src: string;
  try {
    src = patterns.length === 0 ? '[^\\s\\S]' : patterns.map((x) => `(?:${fixed ? x.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&') : translateRegex(x, o.has('-E'), { grep: true }).src})`).join('|');
  } catch (e) {
    if (!(e instanceof RegexError)) throw e;
    p.stderr.write(`${prog}: ${e.message}\n`);
    return 2;
  }
  if (o.has('-w')) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
  if (o.has('-x')) src = `^(?:${src})$`;
  try {
    return safeRegExp(src, o.has('-i') ? 'gi' : 'g', { longest: true });
  } catch {
    p.stderr.write(`${prog}: Unmatched ( or \\(\n`);
    return 2;
  }
}

/** -r: directories replaced by the files under them. */
function expandDirs(p: Process, files: string[]): string[] {
  const vfs = hostOf(p).vfs;
  const out: string[] = [];
  const walk = (path: string, depth: number): void => {
    const n = statPath(p, path);
    if (isDir(n) && depth < 16) {
      let names: string[] = [];
      try {
        names = vfs.readdir(path, p.vfsCtx());
      } catch {
        return;
      }
      for (const c of names) walk(path === '.' && depth === 0 ? c : `${path.replace(/\/$/, '')}/${c}`, depth + 1);
    } else out.push(path);
  };
  for (const f of files) walk(f, 0);
  return out;
}

/** Context lines (-A/-B/-C): numbers as GNU grep 3.8 parses them; or an exit status (reported). */
function contextLengths(p: Process, prog: string, o: GrepOpts): { after: number; before: number; context: boolean } | number {
  const ctxLen = (k: string): number | undefined => {
    const v = o.get(k);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) return NaN;
    return Number(v);
  };
  const cVal = ctxLen('-C');
  const after = ctxLen('-A') ?? cVal ?? 0;
  const before = ctxLen('-B') ?? cVal ?? 0;
  for (const k of ['-A', '-B', '-C']) {
    if (Number.isNaN(ctxLen(k))) {
      p.stderr.write(`${prog}: ${o.get(k)}: invalid context length argument\n`);
      return 2;
    }
  }
  return { after, before, context: o.has('-A') || o.has('-B') || o.has('-C') };
}

/** The lines of one file through the pattern: selected lines, context, counts. */
class GrepScan {
  private readonly g: Grep;
  private readonly run: GrepRun;
  private readonly name: string;
  /** Selected lines so far. */
  n = 0;
  /** Output not yet written. */
  out = '';
  private lineNo = 0;
  // Context state: lines held for -B, lines still owed for -A, last line printed.
  private readonly held: [number, string][] = [];
  private owed = 0;
  private lastOut = 0;
  /** -m reached: only trailing context remains. */
  private done = false;

  constructor(g: Grep, run: GrepRun, name: string) {
    this.g = g;
    this.run = run;
    this.name = name;
  }

  /** One line; false when the rest of the file is not needed. */
  handle(line: string): boolean {
    const g = this.g;
    this.lineNo++;
    if (this.done) {
      // Trailing context after the last counted match (-m).
      if (this.owed > 0) {
        this.ctxLine(this.lineNo, line);
        this.owed--;
      }
      return this.owed > 0;
    }
    g.re.lastIndex = 0;
    const hit = g.re.test(line);
    if (hit === g.invert) {
      if (g.context && !g.quiet && !g.listFiles && !g.count) this.unselected(line);
      return true;
    }
    this.n++;
    this.run.matchedAny = true;
    if (g.quiet || g.listFiles) return false;
    if (g.count) return this.n < g.maxCount;
    if (g.context) this.leadingContext();
    this.selected(line);
    if (this.n >= g.maxCount && g.context && this.owed > 0) {
      this.done = true;
      return true;
    }
    return this.n < g.maxCount;
  }

  /** A line not selected: trailing context owed, or held as leading context. */
  private unselected(line: string): void {
    if (this.owed > 0) {
      this.ctxLine(this.lineNo, line);
      this.owed--;
    } else if (this.g.before > 0) {
      this.held.push([this.lineNo, line]);
      if (this.held.length > this.g.before) this.held.shift();
    }
  }

  /** Before a selected line: the group separator and the held lines; then owe -A lines. */
  private leadingContext(): void {
    const g = this.g;
    const first = this.held.length ? this.held[0][0] : this.lineNo;
    if (this.run.printedAny && (this.lastOut === 0 || first > this.lastOut + 1)) this.out += '--\n';
    this.run.printedAny = true;
    for (const [no, text] of this.held) if (!g.only) this.out += (g.showName ? `${this.name}${g.nul ? '\0' : '-'}` : '') + (g.number ? `${no}-` : '') + text + '\n';
    this.held.length = 0;
    this.lastOut = this.lineNo;
    this.owed = g.after;
  }

  /** A selected line: itself, or (-o) each non-empty match in it. */
  private selected(line: string): void {
    const g = this.g;
    const prefix = (g.showName ? `${this.name}${g.nul ? '\0' : ':'}` : '') + (g.number ? `${this.lineNo}:` : '');
    if (!g.only) {
      this.out += prefix + line + '\n';
      return;
    }
    if (g.invert) return;
    g.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((m = g.re.exec(line)) && guard++ < 10_000) {
      if (m[0] === '') {
        g.re.lastIndex++;
        continue;
      }
      this.out += prefix + m[0] + '\n';
    }
  }

  /** A context line (`-` after the name and number), with `--` between groups. */
  private ctxLine(no: number, text: string): void {
    const g = this.g;
    if (this.run.printedAny && this.lastOut > 0 && no > this.lastOut + 1) this.out += '--\n';
    else if (this.run.printedAny && this.lastOut === 0) this.out += '--\n';
    this.run.printedAny = true;
    this.lastOut = no;
    if (!g.only) this.out += (g.showName ? `${this.name}${g.nul ? '\0' : '-'}` : '') + (g.number ? `${no}-` : '') + text + '\n';
  }
}

/** Parse head/tail counts: `-n N`, `-N`, `+N`, with K/M suffixes. */
function parseCount(s: string): { n: number; sign: '' | '-' | '+' } | undefined {
  const m = /^([+-]?)(\d+)([bkKmMgG]?B?)?$/.exec(s.trim());
  if (!m) return undefined;
  const mult: Record<string, number> = { '': 1, b: 512, k: 1024, K: 1024, kB: 1000, m: 1048576, M: 1048576, MB: 1000000, g: 1073741824, G: 1073741824 };
  const f = mult[m[3] ?? ''] ?? 1;
  return { n: Number(m[2]) * f, sign: m[1] as '' | '-' | '+' };
}

/** Turn `-5` into `-n 5` (obsolete head/tail syntax). */
function obsoleteCount(p: Process): void {
  const a = p.argv[1];
  if (a && /^-\d+[cl]?$/.test(a)) {
    const unit = a.endsWith('c') ? '-c' : '-n';
    p.argv = [p.argv[0], unit, a.replace(/^-/, '').replace(/[cl]$/, ''), ...p.argv.slice(2)];
  } else if (a && /^\+\d+$/.test(a) && p.argv[0].endsWith('tail')) {
    p.argv = [p.argv[0], '-n', a, ...p.argv.slice(2)];
  }
}

register({
  name: 'head',
  summary: 'output the first part of files',
  usage: 'head [-n N] [-c N] [FILE]...',
  options: [
    { flag: '-n, --lines', arg: 'N', desc: 'print the first N lines (default 10); -N: all but the last N' },
    { flag: '-c, --bytes', arg: 'N', desc: 'print the first N bytes' },
  ],
  async run(p) {
    obsoleteCount(p);
    const o = parseOpts(p, 'n:c:qv', [{ name: 'lines', arg: 'required', key: '-n' }, { name: 'bytes', arg: 'required', key: '-c' }]);
    if (!o) return 1;
    const bytes = o.has('-c');
    const spec = bytes ? o.get('-c')! : (o.get('-n') ?? '10');
    const c = parseCount(spec);
    if (!c || c.sign === '+') {
      if (!c || c.sign === '+') {
        p.stderr.write(`${p.argv[0]}: invalid number of ${bytes ? 'bytes' : 'lines'}: '${spec}'\n`);
        return 1;
      }
    }
    const files = o.args.length ? o.args : ['-'];
    let st = 0;
    const headers = files.length > 1 && !o.has('-q');
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      if (headers) p.stdout.write(`${i > 0 ? '\n' : ''}==> ${f === '-' ? 'standard input' : f} <==\n`);
      if (f === '-' && !bytes && c.sign === '') {
        let n = 0;
        if (c.n === 0) continue;
        for await (const line of readLines(p)) {
          p.stdout.write(line);
          if (++n >= c.n) break;
        }
        continue;
      }
      if (f === '-' && bytes && c.sign === '') {
        // Stop reading once N bytes are out (a writer streaming forever then gets SIGPIPE).
        let left = c.n;
        while (left > 0) {
          const chunk = await p.stdin.read();
          if (chunk === null) break;
          const part = chunk.length > left ? chunk.slice(0, left) : chunk;
          p.stdout.write(part);
          left -= part.length;
        }
        continue;
      }
      let text: string;
      try {
        text = await readInput(p, f);
      } catch (e) {
        p.stderr.write(`${p.argv[0]}: cannot open '${f}' for reading: ${errMsg(e)}\n`);
        st = 1;
        continue;
      }
      if (bytes) p.stdout.write(c.sign === '-' ? text.slice(0, Math.max(0, text.length - c.n)) : text.slice(0, c.n));
      else {
        const lines = text.split(/(?<=\n)/);
        p.stdout.write((c.sign === '-' ? lines.slice(0, Math.max(0, lines.length - c.n)) : lines.slice(0, c.n)).join(''));
      }
    }
    return st;
  },
});

register({
  name: 'tail',
  summary: 'output the last part of files',
  usage: 'tail [-n N|+N] [-c N] [-f] [FILE]...',
  options: [
    { flag: '-n, --lines', arg: 'N', desc: 'output the last N lines; +N starts at line N' },
    { flag: '-c, --bytes', arg: 'N', desc: 'output the last N bytes' },
    { flag: '-f, --follow', desc: 'output appended data as the file grows (Ctrl-C stops)' },
  ],
  async run(p) {
    obsoleteCount(p);
    const o = parseOpts(p, 'n:c:fFqvs:', [{ name: 'lines', arg: 'required', key: '-n' }, { name: 'bytes', arg: 'required', key: '-c' }, { name: 'follow', arg: 'optional', key: '-f' }]);
    if (!o) return 1;
    const bytes = o.has('-c');
    const spec = bytes ? o.get('-c')! : (o.get('-n') ?? '10');
    const c = parseCount(spec);
    if (!c) {
      p.stderr.write(`${p.argv[0]}: invalid number of ${bytes ? 'bytes' : 'lines'}: '${spec}'\n`);
      return 1;
    }
    const files = o.args.length ? o.args : ['-'];
    let st = 0;
    const headers = files.length > 1 && !o.has('-q');
    const cut = (text: string): string => {
      if (bytes) return c.sign === '+' ? text.slice(Math.max(0, c.n - 1)) : c.n === 0 ? '' : text.slice(-c.n);
      const lines = text.split(/(?<=\n)/).filter((l) => l !== '');
      return (c.sign === '+' ? lines.slice(Math.max(0, c.n - 1)) : c.n === 0 ? [] : lines.slice(-c.n)).join('');
    };
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      if (headers) p.stdout.write(`${i > 0 ? '\n' : ''}==> ${f === '-' ? 'standard input' : f} <==\n`);
      if (f === '-') {
        // Standard input streams: keep only what the end can still need.
        p.stdout.write(await tailStream(p, bytes, c, cut));
        continue;
      }
      let text: string;
      try {
        text = await readInput(p, f);
      } catch (e) {
        p.stderr.write(`${p.argv[0]}: cannot open '${f}' for reading: ${errMsg(e)}\n`);
        st = 1;
        continue;
      }
      p.stdout.write(cut(text));
      if (o.has('-f') && f !== '-' && files.length === 1) {
        // Follow: poll the file once a second until a signal.
        let seen = text.length;
        for (let guard = 0; guard < 10_000_000; guard++) {
          if (!(await p.sleep(1000))) return 128 + 2;
          let now: string;
          try {
            now = await readInput(p, f);
          } catch {
            continue;
          }
          if (now.length > seen) p.stdout.write(now.slice(seen));
          seen = now.length;
        }
      }
    }
    return st;
  },
});

/**
 * tail of standard input as it streams: `+N` forms write as they go; the
 * last N lines or characters are kept in a buffer trimmed as it grows, so
 * memory stays bounded whatever the input's size.
 */
async function tailStream(p: Process, bytes: boolean, c: { sign?: string; n: number }, cut: (text: string) => string): Promise<string> {
  if (c.sign === '+') {
    let skip = Math.max(0, c.n - 1);
    for (;;) {
      const d = await p.stdin.read();
      if (d === null) return '';
      if (bytes) {
        const take = d.slice(Math.min(skip, d.length));
        skip = Math.max(0, skip - d.length);
        if (take) p.stdout.write(take);
      } else {
        let i = 0;
        while (skip > 0 && i < d.length) {
          const nl = d.indexOf('\n', i);
          if (nl < 0) {
            i = d.length;
            break;
          }
          i = nl + 1;
          skip--;
        }
        if (skip === 0 && i < d.length) p.stdout.write(d.slice(i));
      }
    }
  }
  let buf = '';
  const keep = (): void => {
    if (bytes) {
      if (buf.length > 2 * c.n + 65536) buf = buf.slice(-c.n);
      return;
    }
    if (buf.length < 65536) return;
    // Cut before the (n+1)-th newline from the end, keeping a partial last line.
    let nl = buf.length;
    for (let k = 0; k <= c.n && nl > 0; k++) nl = buf.lastIndexOf('\n', nl - 1);
    if (nl > 0) buf = buf.slice(nl + 1);
  };
  for (;;) {
    const d = await p.stdin.read();
    if (d === null) break;
    buf += d;
    keep();
  }
  return cut(buf);
}

/** wc's counts (`want`: -l -w -m -c) over standard input, chunk by chunk; a word may span chunks. */
async function countStream(p: Process, want: string[]): Promise<number[]> {
  const needWords = want.includes('-w');
  const needChars = want.includes('-m');
  let lines = 0;
  let words = 0;
  let chars = 0;
  let bytes = 0;
  let inWord = false;
  for (;;) {
    const c = await p.stdin.read();
    if (c === null) break;
    if (!c) continue;
    for (let i = c.indexOf('\n'); i >= 0; i = c.indexOf('\n', i + 1)) lines++;
    if (needWords) {
      words += (c.match(/\S+/g) ?? []).length;
      if (inWord && /^\S/.test(c)) words--;
      inWord = /\S$/.test(c);
    }
    if (needChars) chars += [...c].length;
    bytes += byteLength(c);
  }
  return want.map((k) => (k === '-l' ? lines : k === '-w' ? words : k === '-m' ? chars : bytes));
}

register({
  name: 'wc',
  summary: 'print newline, word, and byte counts',
  usage: 'wc [-lwcm] [FILE]...',
  options: [
    { flag: '-l, --lines', desc: 'print the newline counts' },
    { flag: '-w, --words', desc: 'print the word counts' },
    { flag: '-c, --bytes', desc: 'print the byte counts' },
    { flag: '-m, --chars', desc: 'print the character counts' },
  ],
  async run(p) {
    const o = parseOpts(p, 'lwcmL', [
      { name: 'lines', arg: 'none', key: '-l' },
      { name: 'words', arg: 'none', key: '-w' },
      { name: 'bytes', arg: 'none', key: '-c' },
      { name: 'chars', arg: 'none', key: '-m' },
    ]);
    if (!o) return 1;
    let want = ['-l', '-w', '-m', '-c'].filter((k) => o.has(k));
    if (want.length === 0) want = ['-l', '-w', '-c'];
    const files = o.args.length ? o.args : ['-'];
    const rows: { counts: number[]; name: string }[] = [];
    const total = want.map(() => 0);
    let st = 0;
    let anyStdin = false;
    for (const f of files) {
      if (f === '-') {
        // Standard input is counted as it streams (constant memory, no size cap).
        anyStdin = true;
        const counts = await countStream(p, want);
        counts.forEach((v, i) => (total[i] += v));
        rows.push({ counts, name: o.args.length === 0 ? '' : f });
        continue;
      }
      let text: string;
      try {
        const node = statPath(p, f);
        if (isDir(node)) {
          p.stderr.write(`${p.argv[0]}: ${f}: Is a directory\n`);
          rows.push({ counts: want.map(() => 0), name: f });
          st = 1;
          continue;
        }
        text = await readInput(p, f);
      } catch (e) {
        p.stderr.write(`${p.argv[0]}: ${f}: ${errMsg(e)}\n`);
        st = 1;
        continue;
      }
      if (f === '-') anyStdin = true;
      const counts = want.map((k) =>
        k === '-l' ? (text.match(/\n/g) ?? []).length : k === '-w' ? (text.match(/\S+/g) ?? []).length : k === '-m' ? [...text].length : byteLength(text),
      );
      counts.forEach((v, i) => (total[i] += v));
      rows.push({ counts, name: f === '-' && o.args.length === 0 ? '' : f });
    }
    if (files.length > 1) rows.push({ counts: total, name: 'total' });
    let width: number;
    if (want.length === 1 && rows.length === 1) width = 1;
    else if (anyStdin) width = 7;
    else width = Math.max(1, String(total[want.indexOf('-c')] ?? Math.max(...total)).length, ...rows.flatMap((r) => r.counts.map((c) => String(c).length)));
    p.stdout.write(rows.map((r) => r.counts.map((c) => String(c).padStart(width)).join(' ') + (r.name ? ` ${r.name}` : '') + '\n').join(''));
    return st;
  },
});

register({
  name: 'sort',
  summary: 'sort lines of text files',
  usage: 'sort [-nruf] [-k KEY] [-t SEP] [FILE]...',
  options: [
    { flag: '-n', desc: 'compare according to string numerical value' },
    { flag: '-r', desc: 'reverse the result of comparisons' },
    { flag: '-u', desc: 'output only the first of an equal run' },
    { flag: '-k', arg: 'KEYDEF', desc: 'sort via a key (field numbers start at 1)' },
    { flag: '-t', arg: 'SEP', desc: 'use SEP as the field separator' },
    { flag: '-f', desc: 'fold lower case to upper case characters' },
  ],
  async run(p) {
    const o = parseOpts(p, 'nrufk:t:hVbs', [{ name: 'numeric-sort', arg: 'none', key: '-n' }, { name: 'reverse', arg: 'none', key: '-r' }, { name: 'unique', arg: 'none', key: '-u' }, { name: 'key', arg: 'required', key: '-k' }, { name: 'field-separator', arg: 'required', key: '-t' }]);
    if (!o) return 2;
    const lines: string[] = [];
    for (const f of o.args.length ? o.args : ['-']) {
      try {
        lines.push(...splitLines(await readInput(p, f)));
      } catch (e) {
        p.stderr.write(`${p.argv[0]}: cannot read: ${f}: ${errMsg(e)}\n`);
        return 2;
      }
    }
    const sep = o.get('-t');
    const keyDef = o.get('-k');
    let k1 = 0;
    let k2 = Infinity;
    let keyNumeric = false;
    let keyReverse = false;
    if (keyDef !== undefined) {
      const m = /^(\d+)(?:\.\d+)?([a-zA-Z]*)(?:,(\d+)(?:\.\d+)?([a-zA-Z]*))?$/.exec(keyDef);
      if (!m || Number(m[1]) === 0) {
        p.stderr.write(`${p.argv[0]}: invalid number at field start: invalid count at start of '${keyDef}'\n`);
        return 2;
      }
      k1 = Number(m[1]) - 1;
      k2 = m[3] ? Number(m[3]) - 1 : Infinity;
      keyNumeric = (m[2] + (m[4] ?? '')).includes('n');
      keyReverse = (m[2] + (m[4] ?? '')).includes('r');
    }
    const key = (l: string): string => {
      if (keyDef === undefined) return l;
      if (sep !== undefined) return l.split(sep).slice(k1, k2 + 1).join(sep);
      // Fields include their leading blanks.
      const fields = l.match(/\s*\S+/g) ?? [];
      return fields.slice(k1, k2 + 1).join('').replace(/^\s+/, '');
    };
    const numeric = o.has('-n') || keyNumeric || o.has('-h');
    const fold = o.has('-f');
    const num = (s: string): number => {
      const m = /^\s*([+-]?\d*\.?\d+)([KMGT]?)/.exec(s);
      if (!m) return 0;
      const mult: Record<string, number> = { '': 1, K: 1e3, M: 1e6, G: 1e9, T: 1e12 };
      return Number(m[1]) * (o.has('-h') ? (mult[m[2]] ?? 1) : 1);
    };
    const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    const compare = (a: string, b: string): number => {
      const ka = key(a);
      const kb = key(b);
      let r = numeric ? num(ka) - num(kb) : fold ? cmpStr(ka.toUpperCase(), kb.toUpperCase()) : cmpStr(ka, kb);
      if (r === 0 && !o.has('-u') && !o.has('-s')) r = cmpStr(a, b);
      return (o.has('-r') || keyReverse) ? -r : r;
    };
    const sorted = lines.map((l, i) => ({ l, i })).sort((x, y) => compare(x.l, y.l) || x.i - y.i).map((x) => x.l);
    let outLines = sorted;
    if (o.has('-u')) {
      outLines = [];
      for (const l of sorted) {
        const prev = outLines[outLines.length - 1];
        if (prev === undefined || (numeric ? num(key(prev)) !== num(key(l)) : key(prev) !== key(l))) outLines.push(l);
      }
    }
    p.stdout.write(outLines.map((l) => l + '\n').join(''));
    return 0;
  },
});

register({
  name: 'uniq',
  summary: 'report or omit repeated lines',
  usage: 'uniq [-c] [-d] [-u] [-i] [INPUT]',
  options: [
    { flag: '-c, --count', desc: 'prefix lines by the number of occurrences' },
    { flag: '-d', desc: 'only print duplicate lines' },
    { flag: '-u', desc: 'only print unique lines' },
    { flag: '-i', desc: 'ignore differences in case' },
  ],
  async run(p) {
    const o = parseOpts(p, 'cdui', [{ name: 'count', arg: 'none', key: '-c' }]);
    if (!o) return 1;
    let text: string;
    const f = o.args[0] ?? '-';
    try {
      text = await readInput(p, f);
    } catch (e) {
      p.stderr.write(`${p.argv[0]}: ${f}: ${errMsg(e)}\n`);
      return 1;
    }
    const eq = (a: string, b: string): boolean => (o.has('-i') ? a.toLowerCase() === b.toLowerCase() : a === b);
    let out = '';
    const lines = splitLines(text);
    for (let i = 0; i < lines.length; ) {
      let j = i + 1;
      while (j < lines.length && eq(lines[j], lines[i])) j++;
      const n = j - i;
      if ((!o.has('-d') || n > 1) && (!o.has('-u') || n === 1)) out += (o.has('-c') ? `${String(n).padStart(7)} ` : '') + lines[i] + '\n';
      i = j;
    }
    p.stdout.write(out);
    return 0;
  },
});

/** Parse a cut LIST like `1,3-5,7-`; undefined when invalid. */
function parseList(s: string): ((n: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of s.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '') || m[1] === '0' || m[3] === '0') return undefined;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    ranges.push([a, b]);
  }
  return (n) => ranges.some(([a, b]) => n >= a && n <= b);
}

register({
  name: 'cut',
  summary: 'remove sections from each line of files',
  usage: 'cut -d DELIM -f LIST | -c LIST [FILE]...',
  options: [
    { flag: '-d, --delimiter', arg: 'DELIM', desc: 'use DELIM instead of TAB for field delimiter' },
    { flag: '-f, --fields', arg: 'LIST', desc: 'select only these fields' },
    { flag: '-c, --characters', arg: 'LIST', desc: 'select only these characters' },
    { flag: '-s, --only-delimited', desc: 'do not print lines not containing delimiters' },
  ],
  async run(p) {
    const o = parseOpts(p, 'd:f:c:b:s', [{ name: 'delimiter', arg: 'required', key: '-d' }, { name: 'fields', arg: 'required', key: '-f' }, { name: 'characters', arg: 'required', key: '-c' }, { name: 'bytes', arg: 'required', key: '-b' }, { name: 'only-delimited', arg: 'none', key: '-s' }]);
    if (!o) return 1;
    const spec = o.get('-f') ?? o.get('-c') ?? o.get('-b');
    if (spec === undefined) {
      usageError(p, 'you must specify a list of bytes, characters, or fields');
      return 1;
    }
    const sel = parseList(spec);
    if (!sel) {
      usageError(p, o.has('-f') ? `invalid field value '${spec}'` : `invalid byte/character position '${spec}'`);
      return 1;
    }
    const delim = o.get('-d') ?? '\t';
    if (delim.length !== 1) {
      usageError(p, 'the delimiter must be a single character');
      return 1;
    }
    const fields = o.has('-f');
    const cutLine = (l: string): string | undefined => {
      if (fields) {
        if (!l.includes(delim)) return o.has('-s') ? undefined : l;
        return l.split(delim).filter((_, i) => sel(i + 1)).join(delim);
      }
      return [...l].filter((_, i) => sel(i + 1)).join('');
    };
    let st = 0;
    for (const f of o.args.length ? o.args : ['-']) {
      if (f === '-') {
        for await (const raw of readLines(p)) {
          const r = cutLine(raw.replace(/\n$/, ''));
          if (r !== undefined) p.stdout.write(r + '\n');
        }
        continue;
      }
      try {
        const out = splitLines(await readInput(p, f)).map(cutLine).filter((x) => x !== undefined).map((x) => x + '\n').join('');
        p.stdout.write(out);
      } catch (e) {
        p.stderr.write(`${p.argv[0]}: ${f}: ${errMsg(e)}\n`);
        st = 1;
      }
    }
    return st;
  },
});

/** A `[:name:]` that is no character class. */
class TrClassError extends Error {}

/** Expand a tr SET (ranges, classes, escapes) into characters. */
function trSet(s: string): string[] {
  const out: string[] = [];
  const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v' };
  const chars: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '[' && s[i + 1] === ':') {
      const end = s.indexOf(':]', i + 2);
      if (end > 0) {
        const cls = s.slice(i + 2, end);
        const all = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
        const test: Record<string, RegExp> = { lower: /[a-z]/, upper: /[A-Z]/, digit: /[0-9]/, alpha: /[A-Za-z]/, alnum: /[A-Za-z0-9]/, space: /\s/, blank: /[ \t]/, punct: /[!-/:-@[-`{-~]/, xdigit: /[0-9A-Fa-f]/ };
        if (!Object.hasOwn(test, cls)) throw new TrClassError(cls);
        const re = test[cls];
        if (re) chars.push(...all.filter((c) => re.test(c)).map((c) => `\uE000${c}`));
        i = end + 1;
        continue;
      }
    }
    if (s[i] === '\\' && i + 1 < s.length) {
      const n = s[i + 1];
      if (/[0-7]/.test(n)) {
        const m = /^[0-7]{1,3}/.exec(s.slice(i + 1))!;
        chars.push(String.fromCharCode(parseInt(m[0], 8)));
        i += m[0].length;
        continue;
      }
      chars.push(esc[n] ?? n);
      i++;
      continue;
    }
    chars.push(s[i]);
  }
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i].startsWith('\uE000') ? chars[i].slice(1) : chars[i];
    if (!chars[i].startsWith('\uE000') && chars[i + 1] === '-' && chars[i + 2] !== undefined) {
      const a = c.charCodeAt(0);
      const b = chars[i + 2].replace(/^\uE000/, '').charCodeAt(0);
      for (let x = a; x <= b; x++) out.push(String.fromCharCode(x));
      i += 2;
      continue;
    }
    out.push(c);
  }
  return out;
}

register({
  name: 'tr',
  summary: 'translate or delete characters',
  usage: 'tr [-d] [-s] [-c] SET1 [SET2]',
  options: [
    { flag: '-d, --delete', desc: 'delete characters in SET1' },
    { flag: '-s, --squeeze-repeats', desc: 'replace each sequence of a repeated character with one' },
    { flag: '-c, --complement', desc: 'use the complement of SET1' },
  ],
  async run(p) {
    const o = parseOpts(p, 'dscC', [{ name: 'delete', arg: 'none', key: '-d' }, { name: 'squeeze-repeats', arg: 'none', key: '-s' }]);
    if (!o) return 1;
    const del = o.has('-d');
    const squeeze = o.has('-s');
    const comp = o.has('-c') || o.has('-C');
    if (o.args.length === 0) {
      usageError(p, 'missing operand');
      return 1;
    }
    if (o.args.length === 1 && !del && !squeeze) {
      p.stderr.write(`${p.argv[0]}: missing operand after '${o.args[0]}'\nTwo strings must be given when translating.\nTry '${p.argv[0]} --help' for more information.\n`);
      return 1;
    }
    let set1: string[];
    let set2: string[];
    try {
      set1 = trSet(o.args[0]);
      set2 = o.args[1] !== undefined ? trSet(o.args[1]) : [];
    } catch (e) {
      if (!(e instanceof TrClassError)) throw e;
      p.stderr.write(`${p.argv[0]}: invalid character class '${e.message}'\n`);
      return 1;
    }
    const in1 = (c: string): boolean => set1.includes(c) !== comp;
    const map = new Map<string, string>();
    if (!del && set2.length && !comp) set1.forEach((c, i) => map.set(c, set2[Math.min(i, set2.length - 1)]));
    const squeezeSet = new Set(del || !set2.length ? (squeeze && !del ? set1 : set2) : set2);
    for await (const chunk of readChunks(p)) {
      let out = '';
      let last = '';
      for (const ch of chunk) {
        let c = ch;
        if (del && in1(c)) continue;
        if (!del && set2.length) {
          if (comp) {
            if (in1(c)) c = set2[set2.length - 1];
          } else c = map.get(c) ?? c;
        }
        if (squeeze && c === last && (squeezeSet.has(c) || (comp && !del && !set2.length && in1(c)))) continue;
        out += c;
        last = c;
      }
      p.stdout.write(out);
    }
    return 0;
  },
});

async function* readChunks(p: Process): AsyncGenerator<string> {
  for (;;) {
    const c = await p.stdin.read();
    if (c === null) return;
    yield c;
  }
}

register({
  name: 'tee',
  summary: 'read from standard input and write to standard output and files',
  usage: 'tee [-a] [FILE]...',
  options: [{ flag: '-a, --append', desc: 'append to the given FILEs, do not overwrite' }],
  async run(p) {
    const o = parseOpts(p, 'ai', [{ name: 'append', arg: 'none', key: '-a' }]);
    if (!o) return 1;
    const vfs = hostOf(p).vfs;
    const ctx = p.vfsCtx();
    let st = 0;
    const files: string[] = [];
    for (const f of o.args) {
      try {
        const n = vfs.tryLookup(f, ctx);
        if (isDir(n)) throw Object.assign(new Error(), { errno: 'EISDIR' });
        if (!o.has('-a') && (!n || n.kind === 'file')) vfs.writeFile(f, '', ctx);
        else if (!n) vfs.writeFile(f, '', ctx);
        files.push(f);
      } catch (e) {
        p.stderr.write(`${p.argv[0]}: ${f}: ${(e as { errno?: string }).errno === 'EISDIR' ? 'Is a directory' : errMsg(e)}\n`);
        st = 1;
      }
    }
    for await (const chunk of readChunks(p)) {
      p.stdout.write(chunk);
      for (const f of files) {
        try {
          vfs.writeFile(f, chunk, ctx, true);
        } catch (e) {
          if (e instanceof WriteError || (e as Error).name) {
            p.stderr.write(`${p.argv[0]}: ${f}: ${errMsg(e)}\n`);
            st = 1;
          }
        }
      }
    }
    return st;
  },
});

register({
  name: 'nl',
  summary: 'number lines of files',
  usage: 'nl [FILE]...',
  async run(p) {
    const o = parseOpts(p, 'b:w:s:');
    if (!o) return 1;
    const all = o.get('-b') === 'a';
    const width = Number(o.get('-w') ?? 6);
    const sep = o.get('-s') ?? '\t';
    let n = 0;
    let st = 0;
    for (const f of o.args.length ? o.args : ['-']) {
      let text: string;
      try {
        text = await readInput(p, f);
      } catch (e) {
        p.stderr.write(`${p.argv[0]}: ${f}: ${errMsg(e)}\n`);
        st = 1;
        continue;
      }
      let out = '';
      for (const l of splitLines(text)) {
        if (l === '' && !all) out += ' '.repeat(width + sep.length) + '\n';
        else out += `${String(++n).padStart(width)}${sep}${l}\n`;
      }
      p.stdout.write(out);
    }
    return st;
  },
});

/** Numbers seq prints per chunk, and the virtual time a chunk costs. */
const SEQ_CHUNK = 1024;
const SEQ_CHUNK_MS = 10;

register({
  name: 'seq',
  summary: 'print a sequence of numbers',
  usage: 'seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST',
  async run(p) {
    // Negative numbers are operands, not options.
    const argv = p.argv.slice(1);
    let sep = '\n';
    let wide = false;
    const nums: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '-s') sep = argv[++i] ?? '\n';
      else if (a.startsWith('-s') && a.length > 2) sep = a.slice(2);
      else if (a === '-w') wide = true;
      else nums.push(a);
    }
    if (nums.length === 0) {
      usageError(p, 'missing operand');
      return 1;
    }
    if (nums.length > 3) {
      usageError(p, `extra operand '${nums[3]}'`);
      return 1;
    }
    for (const n of nums) {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(n)) {
        usageError(p, `invalid floating point argument: '${n}'`);
        return 1;
      }
    }
    const [first, inc, last] = nums.length === 1 ? ['1', '1', nums[0]] : nums.length === 2 ? [nums[0], '1', nums[1]] : nums;
    const dec = Math.max(...[first, inc].map((s) => (s.includes('.') ? s.split('.')[1].length : 0)));
    const a = Number(first);
    const d = Number(inc);
    const b = Number(last);
    if (d === 0) {
      usageError(p, `invalid Zero increment value: '${inc}'`);
      return 1;
    }
    // Streams in chunks: a chunk costs SEQ_CHUNK_MS of virtual time and waits
    // while a pipe is full, so `seq 1 1e308 | ...` is bounded and interruptible.
    const count = Math.floor((b - a) / d + 1e-9) + 1;
    const lastV = a + Math.max(0, count - 1) * d;
    const w = wide ? Math.max(a.toFixed(dec).length, lastV.toFixed(dec).length) : 0;
    const fmt = (v: number): string => {
      const s = v.toFixed(dec);
      if (!wide) return s;
      return s.startsWith('-') ? '-' + s.slice(1).padStart(w - 1, '0') : s.padStart(w, '0');
    };
    let head = true;
    for (let i = 0; i < count; ) {
      const vals: string[] = [];
      for (const end = Math.min(count, i + SEQ_CHUNK); i < end; i++) vals.push(fmt(a + i * d));
      p.stdout.write((head ? '' : sep) + vals.join(sep) + (i >= count ? '\n' : ''));
      head = false;
      if (i >= count) break;
      if (!(await p.writable()) || !(await p.sleep(SEQ_CHUNK_MS))) return 130;
    }
    return 0;
  },
});
