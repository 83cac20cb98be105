// jq's command line: options, inputs, output formatting and exit statuses.

import type { Process } from '../../../kernel/proc.ts';
import { readAll, hostOf } from '../../coreutils/host.ts';
import { errMsg } from '../../coreutils/util.ts';
import { RegexBudgetError } from '../../lib/safe-regex.ts';
import { CompileError, HaltError, JqError, dump, parseJsonStream, sortDeep, type JVal } from './values.ts';
import { parse, undefinedCall, undefinedVars, unexpected, type Node } from './parser.ts';
import { evaluate, type Ctx, type Env } from './eval.ts';

export const USAGE = `Usage:\tjq [OPTIONS] FILTER [FILES...]
\tjq [OPTIONS] --args FILTER [ARGUMENTS...]
\tjq [OPTIONS] --jsonargs FILTER [JSON_VALUES...]

jq is a tool for processing JSON inputs, applying the given filter to
its JSON text inputs and producing the filter's results as JSON on
standard output.

The simplest filter is ., which copies jq's input to its output
unmodified (except for formatting, but note that IEEE754 is used
for number representation internally, with all that that implies).

For more advanced filters see the jq(1) manpage ("man jq")
and/or https://stedolan.github.io/jq

Example:

\t$ echo '{"foo": 0}' | jq .
\t{
\t\t"foo": 0
\t}

For a listing of options, use jq --help.
`;

/** jq's command line, parsed. */
interface Options {
  raw: boolean;
  join: boolean;
  compact: boolean;
  nullInput: boolean;
  slurp: boolean;
  exitStatus: boolean;
  tab: boolean;
  indent: number;
  sortKeys: boolean;
  rawInput: boolean;
  asciiOut: boolean;
  filter?: string;
  files: string[];
  /** --arg and --argjson bindings. */
  vars: Map<string, JVal>;
  /** What arguments after the filter are: files, or `$ARGS.positional` strings (--args) or JSON texts (--jsonargs). */
  argsMode: 'files' | 'args' | 'jsonargs';
  positional: JVal[];
}

/** Long options without a value: the setting each turns on. */
const LONG_FLAGS: Record<string, (o: Options) => void> = Object.setPrototypeOf({
  '--raw-output': (o: Options) => (o.raw = true),
  '--join-output': (o: Options) => (o.raw = o.join = true),
  '--compact-output': (o: Options) => (o.compact = true),
  '--null-input': (o: Options) => (o.nullInput = true),
  '--slurp': (o: Options) => (o.slurp = true),
  '--exit-status': (o: Options) => (o.exitStatus = true),
  '--tab': (o: Options) => (o.tab = true),
  '--sort-keys': (o: Options) => (o.sortKeys = true),
  '--raw-input': (o: Options) => (o.rawInput = true),
  '--ascii-output': (o: Options) => (o.asciiOut = true),
  '--monochrome-output': () => undefined,
  '--color-output': () => undefined,
}, null);

/** Short options: the long option each stands for. */
const SHORT_FLAGS: Record<string, string> = Object.setPrototypeOf({
  r: '--raw-output', j: '--join-output', c: '--compact-output', n: '--null-input', s: '--slurp', e: '--exit-status',
  S: '--sort-keys', R: '--raw-input', a: '--ascii-output', M: '--monochrome-output', C: '--color-output',
}, null);

const USAGE_HEAD = USAGE.split('\n').slice(0, 3).join('\n');

/** Parse the arguments; a number is the exit status when jq stops here (usage, --help, a bad option). */
function parseArgs(p: Process, args: string[]): Options | number {
  const o: Options = { raw: false, join: false, compact: false, nullInput: false, slurp: false, exitStatus: false, tab: false, indent: 2, sortKeys: false, rawInput: false, asciiOut: false, files: [], vars: new Map(), argsMode: 'files', positional: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!(a.startsWith('-') && a.length > 1)) {
      if (o.filter === undefined) o.filter = a;
      else if (o.argsMode === 'files') o.files.push(a);
      else if (o.argsMode === 'args') o.positional.push(a);
      else {
        const r = parseJsonStream(a);
        if (r.error || r.values.length !== 1) {
          p.stderr.write(`jq: Invalid JSON text passed to --jsonargs\n${USAGE_HEAD}\n`);
          return 2;
        }
        o.positional.push(r.values[0]!);
      }
      continue;
    }
    if (a === '--args' || a === '--jsonargs') {
      o.argsMode = a === '--args' ? 'args' : 'jsonargs';
      continue;
    }
    if (a === '--arg' || a === '--argjson') {
      const st = bindArg(p, o, a, args[i + 1], args[i + 2]);
      if (st !== undefined) return st;
      i += 2;
    } else if (a === '--indent') o.indent = Math.max(0, Math.min(7, Number(args[++i]) || 0));
    else {
      const st = a.startsWith('--') ? longOption(p, o, a) : shortOptions(p, o, a);
      if (st !== undefined) return st;
    }
  }
  return o;
}

/** `--arg NAME VALUE` / `--argjson NAME JSON`; an exit status on error. */
function bindArg(p: Process, o: Options, a: string, name: string | undefined, val: string | undefined): number | undefined {
  if (name === undefined || val === undefined) {
    p.stderr.write(`jq: ${a} takes two parameters (e.g. ${a} varname ${a === '--arg' ? 'value' : 'text'})\n${USAGE_HEAD}\n`);
    return 2;
  }
  if (a === '--arg') {
    o.vars.set(name, val);
    return undefined;
  }
  const r = parseJsonStream(val);
  if (r.error || r.values.length !== 1) {
    p.stderr.write(`jq: Invalid JSON text passed to --argjson\n${USAGE_HEAD}\n`);
    return 2;
  }
  o.vars.set(name, r.values[0]);
  return undefined;
}

function longOption(p: Process, o: Options, a: string): number | undefined {
  if (a === '--help') {
    p.stdout.write(USAGE);
    return 0;
  }
  if (a === '--version') {
    p.stdout.write('jq-1.6\n');
    return 0;
  }
  const f = LONG_FLAGS[a];
  if (!f) {
    p.stderr.write(`jq: Unknown option: ${a}\n${USAGE}`);
    return 2;
  }
  f(o);
  return undefined;
}

/** A cluster of short options (`-rc`). */
function shortOptions(p: Process, o: Options, a: string): number | undefined {
  for (const c of a.slice(1)) {
    if (c === 'h') {
      p.stdout.write(USAGE);
      return 0;
    }
    const long = SHORT_FLAGS[c];
    if (long === undefined) {
      p.stderr.write(`jq: Unknown option: ${a}\n${USAGE}`);
      return 2;
    }
    LONG_FLAGS[long](o);
  }
  return undefined;
}

/** The filter's syntax tree, or the exit status of a compile error (reported). */
function compile(p: Process, filter: string, vars: ReadonlySet<string>): Node | number {
  let ast: Node;
  try {
    ast = parse(filter);
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    const tok = unexpected(filter);
    p.stderr.write(`jq: error: syntax error, unexpected ${tok} (Unix shell quoting issues?) at <top-level>, line 1:\n${filter}${tok === '$end' ? ' ' : ''}\njq: 1 compile error\n`);
    return 3;
  }
  const undef = [...undefinedVars(ast, new Set(vars))];
  const call = undefinedCall(ast, new Set());
  if (call) undef.push(call);
  if (undef.length) {
    // jq reports every undefined variable, then an undefined function.
    for (const u of undef) p.stderr.write(`jq: error: ${u.name} is not defined at <top-level>, line 1:\n${filter}${' '.repeat(u.at)}\n`);
    p.stderr.write(`jq: ${undef.length} compile error${undef.length > 1 ? 's' : ''}\n`);
    return 3;
  }
  return ast;
}

/** An input value and where it came from (`<stdin>:3`) for error messages. */
type Input = { v: JVal; where: string };

/** The files' texts (a file that cannot be read is reported: status 2). */
function readFiles(p: Process, files: string[], texts: { name: string; text: string }[]): number {
  let st = 0;
  for (const f of files) {
    try {
      texts.push({ name: f, text: hostOf(p).vfs.readFile(f, p.vfsCtx()) });
    } catch (e) {
      p.stderr.write(`jq: error: Could not open ${f}: ${errMsg(e)}\n`);
      st = 2;
    }
  }
  return st;
}

/** The input values of the texts (lines with -R), up to the first JSON parse error. */
function inputValues(o: Options, texts: { name: string; text: string }[]): { inputs: Input[]; parseError?: string } {
  const inputs: Input[] = [];
  for (const t of texts) {
    if (o.nullInput) break;
    if (o.rawInput) {
      const lines = t.text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      if (o.slurp) inputs.push({ v: t.text, where: t.name });
      else lines.forEach((l, i) => inputs.push({ v: l, where: `${t.name}:${i + 1}` }));
      continue;
    }
    const r = parseJsonStream(t.text);
    r.values.forEach((v, i) => inputs.push({ v, where: `${t.name}:${r.lines[i]}` }));
    if (r.error) return { inputs, parseError: r.error };
  }
  return { inputs };
}

/** One output value as jq prints it with these options. */
function render(o: Options, out: JVal): string {
  let s = o.raw && typeof out === 'string' ? out : dump(o.sortKeys ? sortDeep(out) : out, o.tab ? 1 : o.compact ? 0 : o.indent);
  if (o.tab) s = s.replace(/^ +/gm, (m) => '\t'.repeat(m.length));
  if (o.asciiOut) s = s.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  return o.join ? s : s + '\n';
}

/** What a failed run of the filter on one input means: an exit status now, or 5 after reporting and going on. */
function runError(p: Process, filter: string, item: Input, e: unknown): { exit: number } | { st: number } {
  if (e instanceof HaltError) {
    if (e.value !== undefined) p.stderr.write(typeof e.value === 'string' ? e.value : dump(e.value, 0) + '\n');
    return { exit: e.code };
  }
  if (e instanceof CompileError) {
    p.stderr.write(`jq: error: ${e.message} at <top-level>, line 1:\n${filter}\njq: 1 compile error\n`);
    return { exit: 3 };
  }
  if (e instanceof RangeError) {
    // Recursion without end: jq grows its stack until memory runs out, then aborts.
    p.stderr.write('jq: error: cannot allocate memory\n');
    return { exit: 134 };
  }
  const err = e instanceof RegexBudgetError ? new JqError(e.message) : e;
  if (!(err instanceof JqError)) throw err;
  const msg = typeof err.value === 'string' ? err.value : `${dump(err.value, 0)} (not a string)`;
  p.stderr.write(`jq: error (at ${item.where}): ${msg}\n`);
  return { st: 5 };
}

/** Run jq; returns the exit status. */
export async function jqMain(p: Process): Promise<number> {
  const o = parseArgs(p, p.argv.slice(1));
  if (typeof o === 'number') return o;
  if (o.filter === undefined) {
    p.stderr.write(USAGE);
    return 2;
  }
  const ast = compile(p, o.filter, new Set([...o.vars.keys(), 'ENV', 'ARGS', '__loc__']));
  if (typeof ast === 'number') return ast;
  const texts: { name: string; text: string }[] = [];
  let readSt = 0;
  if (o.files.length === 0) texts.push({ name: '<stdin>', text: o.nullInput ? '' : await readAll(p) });
  else readSt = readFiles(p, o.files, texts);
  const { inputs, parseError } = inputValues(o, texts);
  const r = runFilter(p, o, o.filter, ast, inputs);
  if ('exit' in r) return r.exit;
  if (parseError) {
    p.stderr.write(`parse error: ${parseError}\n`);
    return 4;
  }
  const st = r.st || readSt;
  if (st) return st;
  if (o.exitStatus) {
    if (!r.any) return 4;
    return r.last === null || r.last === false ? 1 : 0;
  }
  return 0;
}

/** Run the filter on each input (`input`/`inputs` take from those after it), writing what it yields. */
function runFilter(p: Process, o: Options, filter: string, ast: Node, inputs: Input[]): { exit: number } | { st: number; any: boolean; last?: JVal } {
  let stream: Input[] = inputs;
  if (o.nullInput) stream = [{ v: null, where: '<unknown>' }];
  else if (o.slurp && !o.rawInput) stream = [{ v: inputs.map((x) => x.v), where: '<unknown>' }];
  const args: JVal = new Map<string, JVal>([['positional', o.positional], ['named', new Map(o.vars)]]);
  const env: Env = { vars: new Map([...o.vars, ['ENV', new Map(Object.entries(p.env))], ['ARGS', args], ['__loc__', new Map<string, JVal>([['file', '<top-level>'], ['line', 1]])]]), funcs: new Map(), closures: new Map() };
  let last: JVal | undefined;
  let any = false;
  let st = 0;
  let queue = o.nullInput ? inputs.slice() : [];
  const ctx: Ctx = { steps: 0, env: { ...p.env }, debug: (s) => p.stderr.write(s + '\n'), nextInput: () => queue.shift()?.v };
  let i = 0;
  for (const item of stream) {
    if (!o.nullInput) queue = stream.slice(++i);
    try {
      for (const out of evaluate(ast, item.v, env, ctx)) {
        any = true;
        last = out;
        p.stdout.write(render(o, out));
      }
    } catch (e) {
      const r = runError(p, filter, item, e);
      if ('exit' in r) return r;
      st = r.st;
    }
    if (!o.nullInput && queue.length < stream.length - i) break;
  }
  return { st, any, last };
}
