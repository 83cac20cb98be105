// jq's command line: options, inputs, output formatting and exit statuses.

import type { Process } from '../../../kernel/proc.ts';
import { readAll, hostOf } from '../../coreutils/host.ts';
import { errMsg } from '../../coreutils/util.ts';
import { RegexBudgetError } from '../../lib/safe-regex.ts';
import { CompileError, HaltError, JqError, dump, parseJsonStream, sortDeep, type JVal } from './values.ts';
import { parse, undefinedCall, unexpected, type Node } from './parser.ts';
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

/** Run jq; returns the exit status. */
export async function jqMain(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  let raw = false;
  let join = false;
  let compact = false;
  let nullInput = false;
  let slurp = false;
  let exitStatus = false;
  let tab = false;
  let indent = 2;
  let sortKeys = false;
  let rawInput = false;
  let asciiOut = false;
  let filter: string | undefined;
  const files: string[] = [];
  const vars = new Map<string, JVal>();
  const named = new Map<string, JVal>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-') && a.length > 1 && filter === undefined ? true : a.startsWith('-') && a.length > 1) {
      if (a === '--arg' || a === '--argjson') {
        const name = args[i + 1];
        const val = args[i + 2];
        if (name === undefined || val === undefined) {
          p.stderr.write(`jq: ${a} takes two parameters (e.g. ${a} varname ${a === '--arg' ? 'value' : 'text'})\n${USAGE.split('\n').slice(0, 3).join('\n')}\n`);
          return 2;
        }
        if (a === '--arg') vars.set(name, val);
        else {
          const r = parseJsonStream(val);
          if (r.error || r.values.length !== 1) {
            p.stderr.write(`jq: Invalid JSON text passed to --argjson\n${USAGE.split('\n').slice(0, 3).join('\n')}\n`);
            return 2;
          }
          vars.set(name, r.values[0]);
        }
        named.set(name, vars.get(name)!);
        i += 2;
        continue;
      }
      if (a === '--indent') {
        indent = Math.max(0, Math.min(7, Number(args[++i]) || 0));
        continue;
      }
      if (a.startsWith('--')) {
        const long: Record<string, () => void> = {
          '--raw-output': () => (raw = true),
          '--join-output': () => (raw = join = true),
          '--compact-output': () => (compact = true),
          '--null-input': () => (nullInput = true),
          '--slurp': () => (slurp = true),
          '--exit-status': () => (exitStatus = true),
          '--tab': () => (tab = true),
          '--sort-keys': () => (sortKeys = true),
          '--raw-input': () => (rawInput = true),
          '--ascii-output': () => (asciiOut = true),
          '--monochrome-output': () => undefined,
          '--color-output': () => undefined,
        };
        if (a === '--help') {
          p.stdout.write(USAGE);
          return 0;
        }
        if (a === '--version') {
          p.stdout.write('jq-1.6\n');
          return 0;
        }
        const f = long[a];
        if (!f) {
          p.stderr.write(`jq: Unknown option: ${a}\n${USAGE}`);
          return 2;
        }
        f();
        continue;
      }
      for (const c of a.slice(1)) {
        switch (c) {
          case 'r':
            raw = true;
            break;
          case 'j':
            raw = join = true;
            break;
          case 'c':
            compact = true;
            break;
          case 'n':
            nullInput = true;
            break;
          case 's':
            slurp = true;
            break;
          case 'e':
            exitStatus = true;
            break;
          case 'S':
            sortKeys = true;
            break;
          case 'R':
            rawInput = true;
            break;
          case 'a':
            asciiOut = true;
            break;
          case 'M':
          case 'C':
            break;
          case 'h':
            p.stdout.write(USAGE);
            return 0;
          default:
            p.stderr.write(`jq: Unknown option: ${a}\n${USAGE}`);
            return 2;
        }
      }
      continue;
    }
    if (filter === undefined) filter = a;
    else files.push(a);
  }
  if (filter === undefined) {
    p.stderr.write(USAGE);
    return 2;
  }
  let ast: Node;
  try {
    ast = parse(filter);
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    const tok = unexpected(filter);
    p.stderr.write(`jq: error: syntax error, unexpected ${tok} (Unix shell quoting issues?) at <top-level>, line 1:\n${filter}${tok === '$end' ? ' ' : ''}\njq: 1 compile error\n`);
    return 3;
  }
  const undef = undefinedCall(ast, new Set());
  if (undef) {
    p.stderr.write(`jq: error: ${undef} is not defined at <top-level>, line 1:\n${filter}\njq: 1 compile error\n`);
    return 3;
  }
  // Gather the input texts.
  const texts: { name: string; text: string }[] = [];
  let st = 0;
  if (files.length === 0) texts.push({ name: '<stdin>', text: nullInput ? '' : await readAll(p) });
  else
    for (const f of files) {
      try {
        texts.push({ name: f, text: hostOf(p).vfs.readFile(f, p.vfsCtx()) });
      } catch (e) {
        p.stderr.write(`jq: error: Could not open ${f}: ${errMsg(e)}\n`);
        st = 2;
      }
    }
  const inputs: { v: JVal; where: string }[] = [];
  let parseError: string | undefined;
  for (const t of texts) {
    if (nullInput) break;
    if (rawInput) {
      const lines = t.text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      if (slurp) inputs.push({ v: t.text, where: t.name });
      else lines.forEach((l, i) => inputs.push({ v: l, where: `${t.name}:${i + 1}` }));
      continue;
    }
    const r = parseJsonStream(t.text);
    r.values.forEach((v, i) => inputs.push({ v, where: `${t.name}:${r.lines[i]}` }));
    if (r.error) {
      parseError = r.error;
      break;
    }
  }
  let stream: { v: JVal; where: string }[] = inputs;
  if (nullInput) stream = [{ v: null, where: '<unknown>' }];
  else if (slurp && !rawInput) stream = [{ v: inputs.map((x) => x.v), where: '<unknown>' }];
  const env: Env = { vars: new Map([...vars, ['ENV', new Map(Object.entries(p.env))], ['__prog_args', null]]), funcs: new Map(), closures: new Map() };
  env.vars.set('named', new Map([['positional', []], ['named', new Map(named)]] as [string, JVal][]));
  env.vars.delete('named');
  let last: JVal | undefined;
  let any = false;
  const ind = compact ? 0 : indent;
  let queue = nullInput ? inputs.slice() : [];
  const ctx: Ctx = {
    steps: 0,
    env: { ...p.env },
    debug: (s) => p.stderr.write(s + '\n'),
    nextInput: () => {
      const x = queue.shift();
      return x?.v;
    },
  };
  let i = 0;
  for (const item of stream) {
    if (!nullInput) queue = stream.slice(++i);
    try {
      for (const out of evaluate(ast, item.v, env, ctx)) {
        any = true;
        last = out;
        let s = raw && typeof out === 'string' ? out : dump(sortKeys ? sortDeep(out) : out, tab ? 1 : ind);
        if (tab) s = s.replace(/^ +/gm, (m) => '\t'.repeat(m.length));
        if (asciiOut) s = s.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
        p.stdout.write(join ? s : s + '\n');
      }
    } catch (e) {
      if (e instanceof HaltError) {
        if (e.value !== undefined) p.stderr.write(typeof e.value === 'string' ? e.value : dump(e.value, 0) + '\n');
        return e.code;
      }
      if (e instanceof CompileError) {
        p.stderr.write(`jq: error: ${e.message} at <top-level>, line 1:\n${filter}\njq: 1 compile error\n`);
        return 3;
      }
      if (e instanceof RangeError) {
        // Recursion without end: jq grows its stack until memory runs out, then aborts.
        p.stderr.write('jq: error: cannot allocate memory\n');
        return 134;
      }
      const err = e instanceof RegexBudgetError ? new JqError(e.message) : e;
      if (!(err instanceof JqError)) throw err;
      const msg = typeof err.value === 'string' ? err.value : `${dump(err.value, 0)} (not a string)`;
      p.stderr.write(`jq: error (at ${item.where}): ${msg}\n`);
      st = 5;
    }
    if (!nullInput && queue.length < stream.length - i) break;
  }
  if (parseError) {
    p.stderr.write(`parse error: ${parseError}\n`);
    return 4;
  }
  if (st) return st;
  if (exitStatus) {
    if (!any) return 4;
    return last === null || last === false ? 1 : 0;
  }
  return 0;
}
