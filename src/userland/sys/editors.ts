// nano, vi and vim in the browser terminal: the file opens in an editor
// pane over the terminal (Monaco: edit, search with Ctrl-F, Save, Close),
// and Save writes it back as a `printf … > FILE` command line, so the edit
// is a recorded command like any other (replayed after a reload, undone by
// Undo, seen by the checks). The pane is asked for with a private OSC
// sequence (ESC ] 7770 ; edit ; PATH BEL) that the page's terminal handles;
// a full-screen text editor inside the terminal is not simulated.

import { register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';

/** The OSC number the page's terminal listens to for "open PATH in the editor pane". */
export const EDIT_OSC = 7770;

function absolute(p: Process, file: string): string {
  const joined = file.startsWith('/') ? file : `${p.cwd.replace(/\/$/, '')}/${file}`;
  const out: string[] = [];
  for (const part of joined.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

function editorMain(p: Process): number {
  const tool = p.argv[0]!.slice(p.argv[0]!.lastIndexOf('/') + 1);
  const args = p.argv.slice(1);
  const opt = args.find((a) => a.startsWith('-') || a.startsWith('+'));
  if (opt) {
    p.stderr.write(`${tool}: ${opt}: not simulated\n`);
    return 1;
  }
  if (args.length !== 1) {
    p.stderr.write(`${tool}: give one file to edit (${tool} FILE): an unnamed buffer or several files are not simulated\n`);
    return 1;
  }
  if (!p.stdout.isTTY) {
    p.stderr.write(`${tool}: the editor opens only in the browser terminal (standard output is not a terminal)\n`);
    return 1;
  }
  const path = absolute(p, args[0]!);
  p.stdout.write(`\x1b]${EDIT_OSC};edit;${encodeURIComponent(path)}\x07`);
  p.stdout.write(`${tool}: ${path} is open in the editor pane; Save writes it back (a printf line in this terminal).\n`);
  return 0;
}

for (const name of ['nano', 'vi', 'vim']) {
  register({
    name,
    summary: 'edit a file: opens it in the editor pane over the terminal (search with Ctrl-F); Save writes it back as a recorded command',
    usage: `${name} FILE`,
    options: [{ flag: '-*, +LINE', desc: `${name}'s options`, notSimulated: `give only the file: ${name} FILE` }],
    run: editorMain,
  });
}
