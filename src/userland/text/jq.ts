// jq: a small jq 1.6 (Debian 12) — paths, pipes, comma, iteration,
// construction, comparisons, arithmetic, `select`/`map`/`length`/`keys` and
// the common builtins. Output as jq 1.6 prints it: 2-space indent, insertion
// key order, shortest round-trip numbers with jq's exponent rule; errors as
// `jq: error (at <stdin>:N): ...` with exit 5, compile errors exit 3.

import { register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import { holdClock } from '../../world/driver.ts';

let jqModule: Promise<typeof import('./jq/main.ts')> | undefined;

/** Load the interpreter once; the virtual clock waits for the load (it is not simulated time). */
async function jqMain(p: Process): Promise<number> {
  const m = await (jqModule ??= holdClock(import('./jq/main.ts')));
  return m.jqMain(p);
}

register({
  name: 'jq',
  summary: 'command-line JSON processor',
  usage: 'jq [OPTIONS] FILTER [FILES...]',
  options: [
    { flag: '-r, --raw-output', desc: 'output strings without quotes' },
    { flag: '-c, --compact-output', desc: 'one value per line' },
    { flag: '-n, --null-input', desc: 'use null as the single input' },
    { flag: '-s, --slurp', desc: 'read all inputs into an array' },
    { flag: '-e, --exit-status', desc: 'exit status from the last output (1 for false/null, 4 for none)' },
    { flag: '-S, --sort-keys', desc: 'sort object keys' },
    { flag: '--arg', arg: 'NAME VALUE', desc: 'bind $NAME to a string' },
    { flag: '--argjson', arg: 'NAME JSON', desc: 'bind $NAME to a JSON value' },
    { flag: '--args', desc: 'remaining arguments are strings in $ARGS.positional, not files' },
    { flag: '--jsonargs', desc: 'remaining arguments are JSON texts in $ARGS.positional, not files' },
  ],
  // The interpreter (lexer, parser, evaluator, builtins) loads on first use.
  run: jqMain,
});
