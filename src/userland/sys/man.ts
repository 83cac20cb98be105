// man: the manual page of a simulated command, generated from its spec
// (src/userland/registry.ts: summary, usage, options, subcommands), so it
// always says what the simulation does. Not the real pages' text: the
// header says so. man-db's messages for a missing page and no argument were
// recorded on Debian 12 (man-db 2.11.2): "No manual entry for X" (exit 16),
// "What manual page do you want?\nFor example, try 'man man'." (exit 1).

import { allCommands, lookupCommand, refuseNotSimulated, register, type CommandSpec } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import { pageText } from './pager.ts';
import { Screen, terminalOf } from './tui.ts';

/** Indent a paragraph by `n` spaces, wrapped at `width` columns. */
function wrap(text: string, n: number, width = 78): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && n + line.length + 1 + word.length > width) {
      out.push(' '.repeat(n) + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(' '.repeat(n) + line);
  return out.join('\n');
}

/** The page of `spec`, as man prints it to a pipe. */
export function manPage(spec: CommandSpec): string {
  const title = `${spec.name.toUpperCase()}(packetlab)`;
  const mid = 'packetlab simulated commands';
  const pad = Math.max(1, 78 - title.length * 2 - mid.length);
  const out: string[] = [`${title}${' '.repeat(Math.floor(pad / 2))}${mid}${' '.repeat(Math.ceil(pad / 2))}${title}`, ''];
  out.push('NAME', wrap(`${spec.name} - ${spec.summary}`, 7), '');
  out.push('SYNOPSIS', ...(spec.usage ?? spec.name).split('\n').map((l) => `       ${l}`), '');
  const opts = spec.options ?? [];
  if (opts.length) {
    out.push('OPTIONS');
    for (const o of opts) {
      out.push(`       ${o.flag}${o.arg ? ` ${o.arg}` : ''}`);
      out.push(wrap(o.notSimulated !== undefined ? `${o.desc} Not simulated: ${o.notSimulated}` : o.desc, 14));
      out.push('');
    }
  }
  if (spec.subcommands?.length) out.push('COMMANDS', wrap(spec.subcommands.join(', '), 7), '');
  out.push('SEE ALSO', wrap('help(1); the command reference of the course (/reference/) lists every simulated command and what is not simulated.', 7), '');
  return out.join('\n') + '\n';
}

async function manMain(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  const opt = args.find((a) => a.startsWith('-'));
  if (opt) return refuseNotSimulated(p, 'man', opt);
  if (!args.length) {
    p.stderr.write("What manual page do you want?\nFor example, try 'man man'.\n");
    return 1;
  }
  let status = 0;
  const tty = p.stdout.isTTY ? await terminalOf(p) : undefined;
  for (const name of args) {
    const spec = lookupCommand(name);
    if (!spec || spec.hidden || name.includes('/')) {
      p.stderr.write(`No manual entry for ${name}\n`);
      status = 16;
      continue;
    }
    if (!tty) {
      p.stdout.write(manPage(spec));
      continue;
    }
    // On a terminal man pages through less, with man-db's prompt.
    const screen = new Screen(p, tty);
    try {
      const title = ` Manual page ${spec.name}(1)`;
      await pageText(p, screen, manPage(spec), {
        prompt: (top, total, atEnd) => `${title} line ${top + 1}${atEnd ? `/${total} (END)` : ''} (press h for help or q to quit)`,
      });
    } finally {
      screen.end();
    }
    if (p.interrupted) break;
  }
  return status;
}

register({
  name: 'man',
  summary: 'show the manual page of a command (generated from the simulated command itself)',
  usage: 'man COMMAND...',
  options: [{ flag: '-k, -f, -a, -P, …', desc: 'man’s options', notSimulated: 'give only command names: man ip' }],
  complete: () => allCommands().filter((c) => !c.hidden).map((c) => c.name),
  run: manMain,
});
