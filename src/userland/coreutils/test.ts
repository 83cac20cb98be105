// test(1) / [ — also the shell builtins. POSIX argument-count rules for up
// to four arguments, then a recursive-descent parser for -a, -o, ! and ( ).
// Exit status 0 true, 1 false, 2 error (message in bash or coreutils form).

import type { VNode } from '../../kernel/vfs.ts';
import { register } from '../registry.ts';
import { hostOf } from './host.ts';

/** File lookups test needs; undefined when the path does not exist. */
export interface TestFs {
  stat(path: string, follow: boolean): VNode | undefined;
  /** The shell's view for bash's builtin: `-v NAME`, `-t FD`, `-o OPTION` (coreutils has none: false). */
  isSet?(name: string): boolean;
  isTty?(fd: number): boolean;
  optionOn?(name: string): boolean;
}

/** Message style: bash builtin (`bash: test: ...`) or coreutils. */
export type TestStyle = 'bash' | 'coreutils';

class TestError extends Error {}

const UNARY = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-p', '-S', '-b', '-c', '-g', '-u', '-k', '-t', '-z', '-n', '-O', '-G', '-N', '-a', '-v', '-o']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/** Evaluate test's arguments (without the closing `]`). */
export function evalTest(args: string[], fs: TestFs, style: TestStyle): { status: number; error?: string } {
  try {
    return { status: run(args, fs, style) ? 0 : 1 };
  } catch (e) {
    if (e instanceof TestError) return { status: 2, error: e.message };
    throw e;
  }
}

function q(s: string, style: TestStyle): string {
  return style === 'bash' ? s : `'${s}'`;
}

function toInt(s: string, style: TestStyle): bigint {
  const t = s.trim();
  if (!/^[+-]?\d+$/.test(t)) throw new TestError(style === 'bash' ? `${s}: integer expression expected` : `invalid integer '${s}'`);
  return BigInt(t);
}

/** A unary test (`-f FILE`, `-n STR`…). */
export function testUnary(op: string, a: string, fs: TestFs): boolean {
  return unary(op, a, fs, 'bash');
}

/** A binary test on strings, integers or files. */
export function testBinary(a: string, op: string, b: string, fs: TestFs, style: TestStyle = 'bash'): boolean {
  return binary(a, op, b, style, fs);
}

function unary(op: string, a: string, fs: TestFs, style: TestStyle): boolean {
  switch (op) {
    case '-z':
      return a === '';
    case '-n':
      return a !== '';
    case '-t':
      return /^\d+$/.test(a.trim()) && !!fs.isTty?.(Number(a));
    case '-v':
      return !!fs.isSet?.(a);
    case '-o':
      return !!fs.optionOn?.(a);
  }
  const node = fs.stat(a, op !== '-L' && op !== '-h');
  void style;
  if (!node) return false;
  switch (op) {
    case '-e':
    case '-a':
      return true;
    case '-f':
      return node.kind === 'file' || node.kind === 'gen';
    case '-d':
      return node.kind === 'dir' || node.kind === 'gendir';
    case '-s':
      return node.kind === 'file' ? node.data.length > 0 : node.kind === 'dir' || node.kind === 'gendir';
    case '-r':
    case '-w':
      return true;
    case '-x':
      return node.kind === 'dir' || node.kind === 'gendir' || ((node.kind === 'file' || node.kind === 'gen') && (node.mode & 0o111) !== 0);
    case '-L':
    case '-h':
      return node.kind === 'symlink';
    case '-c':
      return node.kind === 'dev';
    default:
      return false;
  }
}

function binary(a: string, op: string, b: string, style: TestStyle, fs?: TestFs): boolean {
  switch (op) {
    case '-nt':
    case '-ot':
    case '-ef': {
      // Modification times on the virtual clock; -ef is the same file.
      const x = fs?.stat(a, true);
      const y = fs?.stat(b, true);
      if (op === '-ef') return !!x && x === y;
      const mt = (n: VNode): number => ('mtime' in n ? n.mtime : 0);
      if (op === '-nt') return !!x && (!y || mt(x) > mt(y));
      return !!y && (!x || mt(x) < mt(y));
    }
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-eq':
      return toInt(a, style) === toInt(b, style);
    case '-ne':
      return toInt(a, style) !== toInt(b, style);
    case '-lt':
      return toInt(a, style) < toInt(b, style);
    case '-le':
      return toInt(a, style) <= toInt(b, style);
    case '-gt':
      return toInt(a, style) > toInt(b, style);
    case '-ge':
      return toInt(a, style) >= toInt(b, style);
    default:
      return false;
  }
}

function run(args: string[], fs: TestFs, style: TestStyle): boolean {
  const n = args.length;
  if (n === 0) return false;
  if (n === 1) return args[0] !== '';
  if (n === 2) {
    if (args[0] === '!') return !run(args.slice(1), fs, style);
    if (UNARY.has(args[0])) return unary(args[0], args[1], fs, style);
    throw new TestError(`${q(args[0], style)}: unary operator expected`);
  }
  if (n === 3) {
    if (BINARY.has(args[1])) return binary(args[0], args[1], args[2], style, fs);
    if (args[1] === '-a') return args[0] !== '' && args[2] !== '';
    if (args[1] === '-o') return args[0] !== '' || args[2] !== '';
    if (args[0] === '!') return !run(args.slice(1), fs, style);
    if (args[0] === '(' && args[2] === ')') return args[1] !== '';
    throw new TestError(`${q(args[1], style)}: binary operator expected`);
  }
  if (n === 4) {
    if (args[0] === '!') return !run(args.slice(1), fs, style);
    if (args[0] === '(' && args[3] === ')') return run(args.slice(1, 3), fs, style);
  }
  // General grammar: expr := and ('-o' and)*; and := not ('-a' not)*; not := '!' not | primary
  let i = 0;
  const expr = (): boolean => {
    let v = and();
    while (args[i] === '-o') {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  const and = (): boolean => {
    let v = not();
    while (args[i] === '-a') {
      i++;
      const r = not();
      v = v && r;
    }
    return v;
  };
  const not = (): boolean => {
    if (args[i] === '!') {
      i++;
      return !not();
    }
    return primary();
  };
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) throw new TestError(style === 'bash' ? 'argument expected' : "missing argument after '" + args[i - 1] + "'");
    if (a === '(') {
      i++;
      const v = expr();
      if (args[i] !== ')') throw new TestError(style === 'bash' ? "`)' expected" : "')' expected");
      i++;
      return v;
    }
    if (BINARY.has(args[i + 1] ?? '') && args[i + 2] !== undefined) {
      i += 3;
      return binary(a, args[i - 2], args[i - 1], style, fs);
    }
    if (UNARY.has(a) && args[i + 1] !== undefined) {
      i += 2;
      return unary(a, args[i - 1], fs, style);
    }
    i++;
    return a !== '';
  };
  const v = expr();
  if (i < args.length) throw new TestError(style === 'bash' ? 'too many arguments' : `extra argument '${args[i]}'`);
  return v;
}

/** A TestFs over a process's view of the VFS. */
export function testFsOf(p: import('../../kernel/proc.ts').Process): TestFs {
  const vfs = hostOf(p).vfs;
  return {
    stat(path, follow) {
      try {
        return vfs.lookup(path, p.vfsCtx(), follow);
      } catch {
        return undefined;
      }
    },
  };
}

for (const name of ['test', '[']) {
  register({
    name,
    summary: name === 'test' ? 'check file types and compare values' : 'check file types and compare values (closing ] required)',
    usage: name === 'test' ? 'test EXPRESSION' : '[ EXPRESSION ]',
    hidden: name === '[',
    run(p) {
      let args = p.argv.slice(1);
      const prog = p.argv[0];
      if (name === '[') {
        if (args[args.length - 1] !== ']') {
          p.stderr.write(`${prog}: missing ']'\n`);
          return 2;
        }
        args = args.slice(0, -1);
      }
      const r = evalTest(args, testFsOf(p), 'coreutils');
      if (r.error) p.stderr.write(`${prog}: ${r.error}\n`);
      return r.status;
    },
  });
}
