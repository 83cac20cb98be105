// echo(1), also the shell's `echo` builtin: -n (no newline), -e (escapes),
// -E (no escapes); an argument is an option only if it consists entirely of
// those letters after the dash, as in bash and GNU coreutils.

import { register } from '../registry.ts';
import { unescape } from './printf.ts';

/** The text `echo ARGS...` prints. */
export function formatEcho(args: string[]): string {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  const text = args.slice(i).join(' ');
  if (!escapes) return text + (newline ? '\n' : '');
  const r = unescape(text, true);
  return r.text + (newline && !r.stop ? '\n' : '');
}

register({
  name: 'echo',
  summary: 'display a line of text',
  usage: 'echo [-neE] [STRING]...',
  options: [
    { flag: '-n', desc: 'do not output the trailing newline' },
    { flag: '-e', desc: 'enable interpretation of backslash escapes' },
    { flag: '-E', desc: 'disable interpretation of backslash escapes (default)' },
  ],
  run(p) {
    p.stdout.write(formatEcho(p.argv.slice(1)));
    return 0;
  },
});
