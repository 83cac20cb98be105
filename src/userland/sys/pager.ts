// less and more: page through files or standard input on the terminal.
// When standard output is not a terminal both copy their input, as the real
// ones do. Messages recorded on Debian 12 (less 590, util-linux more 2.38.1;
// src/userland/sys/goldens/tui/screens.txt): `less nofile` prints "nofile:
// No such file or directory" (exit 1 on a terminal, 0 when copying), `less
// DIR` "DIR is a directory", no file and stdin a terminal: 'Missing filename
// ("less --help" for help)' (exit 0); `more nofile` "more: cannot open
// nofile: No such file or directory" (exit 0), `more DIR` "\n*** DIR:
// directory ***\n\n", no file: "more: bad usage" (exit 1). less's prompt
// is the file name at first, then ":", "(END)" at the end; more's is
// "--More--(NN%)" with the share of bytes shown.
//
// less keys: q Q :q quit; space f ^F ^V PgDn page down; b ^B PgUp page up;
// Enter j e ^N ^E down arrow one line down; k y ^P ^Y up arrow one line up;
// d ^D / u ^U half a page; g < Home top; G > End bottom; /RE ?RE search
// forward/backward, n N repeat. Other keys ring the bell.

import { register, refuseNotSimulated } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import { safeRegExp } from '../lib/safe-regex.ts';
import { absolutePath, BELL, CLEAR, cup, displayLine, MAX_FILE_CHARS, MAX_PAGER_LINES, readText, rev, Screen, terminalOf, TTY_RESIZE } from './tui.ts';

/** Read stdin, bounded: a pager shows at most MAX_FILE_CHARS (`yes | less` shows the start). */
async function readInput(p: Process): Promise<string> {
  let s = '';
  for (;;) {
    const c = await p.stdin.read();
    if (c === null || p.interrupted) return s;
    s += c;
    if (s.length >= MAX_FILE_CHARS) return s.slice(0, MAX_FILE_CHARS);
  }
}

function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.slice(0, MAX_PAGER_LINES);
}

/** Screen rows of one line wrapped at `cols` (less wraps long lines). */
function wrapRows(line: string, cols: number): string[] {
  const d = displayLine(line);
  if (d.length <= cols) return [d];
  const out: string[] = [];
  for (let i = 0; i < d.length; i += cols) out.push(d.slice(i, i + cols));
  return out;
}

export interface PagerOptions {
  /** The first prompt (less shows the file name; stdin: ":"). */
  first?: string;
  /** A fixed prompt maker (man's " Manual page ip(8) line 1 (press h for help or q to quit)"). */
  prompt?: (top: number, total: number, atEnd: boolean) => string;
}

/** less's interactive loop over `text` on the terminal. Returns when the learner quits. */
export async function pageText(p: Process, screen: Screen, text: string, opts: PagerOptions = {}): Promise<void> {
  const lines = linesOf(text);
  let top = 0;
  let msg: string | undefined = opts.first;
  let pattern: RegExp | undefined;
  let patternSrc = '';
  const page = () => screen.rows - 1;
  const maxTop = () => Math.max(0, lines.length - page());
  const draw = (): void => {
    const rows: string[] = [];
    for (let i = top; i < lines.length && rows.length < page(); i++) rows.push(...wrapRows(lines[i]!, screen.cols));
    let out = CLEAR;
    for (let r = 0; r < page(); r++) out += cup(r, 0) + (r < rows.length ? rows[r] : top + r >= lines.length ? '~' : '');
    const atEnd = top >= maxTop();
    const prompt = msg ?? (opts.prompt ? rev(opts.prompt(top, lines.length, atEnd)) : atEnd ? rev('(END)') : ':');
    out += cup(page(), 0) + prompt;
    screen.write(out);
  };
  const search = (from: number, dir: 1 | -1): boolean => {
    if (!pattern) return false;
    for (let i = from; i >= 0 && i < lines.length; i += dir) {
      pattern.lastIndex = 0;
      if (pattern.test(lines[i]!)) {
        top = Math.min(i, Math.max(0, lines.length - 1));
        return true;
      }
    }
    return false;
  };
  draw();
  for (;;) {
    const k = await screen.keys.next();
    if (k === null) return;
    msg = undefined;
    if (k === TTY_RESIZE) {
      draw();
      continue;
    }
    switch (k) {
      case 'q':
      case 'Q':
        return;
      case ':': {
        const cmd = await readPrompt(screen, ':');
        if (cmd === 'q' || cmd === 'Q') return;
        if (cmd !== null && cmd !== '') msg = BELL + ':';
        break;
      }
      case ' ':
      case 'f':
      case '\x06':
      case '\x16':
      case '\x1b[6~':
        if (top >= maxTop()) screen.write(BELL);
        top = Math.min(maxTop(), top + page());
        break;
      case 'b':
      case '\x02':
      case '\x1b[5~':
      case '\x1bv':
        top = Math.max(0, top - page());
        break;
      case '\r':
      case 'j':
      case 'e':
      case '\x0e':
      case '\x05':
      case '\x1b[B':
        top = Math.min(maxTop(), top + 1);
        break;
      case 'k':
      case 'y':
      case '\x10':
      case '\x19':
      case '\x1b[A':
        top = Math.max(0, top - 1);
        break;
      case 'd':
      case '\x04':
        top = Math.min(maxTop(), top + Math.floor(page() / 2));
        break;
      case 'u':
      case '\x15':
        top = Math.max(0, top - Math.floor(page() / 2));
        break;
      case 'g':
      case '<':
      case '\x1b[H':
        top = 0;
        break;
      case 'G':
      case '>':
      case '\x1b[F':
        top = maxTop();
        break;
      case '/':
      case '?': {
        const src = await readPrompt(screen, k);
        if (src === null) break;
        if (src !== '') {
          try {
            pattern = safeRegExp(src, '');
            patternSrc = src;
          } catch {
            msg = rev('Invalid pattern  (press RETURN)');
            break;
          }
        }
        if (!patternSrc) {
          msg = rev('No previous regular expression  (press RETURN)');
          break;
        }
        if (!search(k === '/' ? top + 1 : top - 1, k === '/' ? 1 : -1)) msg = rev('Pattern not found  (press RETURN)');
        break;
      }
      case 'n':
      case 'N':
        if (!pattern) msg = rev('No previous regular expression  (press RETURN)');
        else if (!search(k === 'n' ? top + 1 : top - 1, k === 'n' ? 1 : -1)) msg = rev('Pattern not found  (press RETURN)');
        break;
      default:
        screen.write(BELL);
    }
    draw();
  }
}

/** Read a line on the prompt row (less's / ? : prompts). Esc or Ctrl-C cancels (null). */
async function readPrompt(screen: Screen, lead: string): Promise<string | null> {
  let buf = '';
  const show = () => screen.write(cup(screen.rows - 1, 0) + '\x1b[K' + lead + buf);
  show();
  for (;;) {
    const k = await screen.keys.next();
    if (k === null || k === '\x03' || k === '\x1b') return null;
    if (k === TTY_RESIZE) continue;
    if (k === '\r') return buf;
    if (k === '\x7f') {
      if (buf === '') return null;
      buf = buf.slice(0, -1);
    } else if (k.length === 1 && k >= ' ' && buf.length < 256) buf += k;
    show();
  }
}

function isOpt(a: string): boolean {
  return a.length > 1 && (a.startsWith('-') || a.startsWith('+'));
}

async function lessMain(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  const opt = args.find((a) => isOpt(a) && a !== '--');
  if (opt) return refuseNotSimulated(p, 'less', opt);
  const files = args.filter((a) => a !== '--');
  const tty = p.stdout.isTTY ? (await terminalOf(p)) : undefined;
  if (!tty) {
    // Not a terminal: copy, as less does (its status stays 0 then).
    if (!files.length) {
      if (p.stdin.isTTY && p.stdout.isTTY) {
        p.stderr.write('less: the terminal is taken by the foreground job (job control is not simulated)\n');
        return 1;
      }
      p.stdout.write(await readInput(p));
      return 0;
    }
    for (const f of files) {
      const r = readText(p, absolutePath(p, f));
      if (r.data !== undefined) p.stdout.write(r.data);
      else p.stderr.write(r.dir ? `${f} is a directory\n` : `${f}: ${r.missing ? 'No such file or directory' : r.error}\n`);
    }
    return 0;
  }
  let text: string;
  let first: string;
  if (!files.length) {
    if (p.stdin.isTTY) {
      p.stderr.write('Missing filename ("less --help" for help)\n');
      return 0;
    }
    text = await readInput(p);
    first = ':';
  } else {
    if (files.length > 1) return refuseNotSimulated(p, 'less', 'several files (:n, :p)');
    const f = files[0]!;
    const r = readText(p, absolutePath(p, f));
    if (r.data === undefined) {
      p.stderr.write(r.dir ? `${f} is a directory\n` : `${f}: ${r.missing ? 'No such file or directory' : r.error}\n`);
      return 1;
    }
    text = r.data.slice(0, MAX_FILE_CHARS);
    first = rev(f);
  }
  const screen = new Screen(p, tty);
  try {
    await pageText(p, screen, text, { first });
  } finally {
    screen.end();
  }
  return 0;
}

/** more: pages forward on the normal screen; exits at the end of the input. */
async function moreMain(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  const opt = args.find((a) => isOpt(a) && a !== '--');
  if (opt) return refuseNotSimulated(p, 'more', opt);
  const files = args.filter((a) => a !== '--');
  const inputs: { name?: string; text: string }[] = [];
  if (!files.length) {
    if (p.stdin.isTTY) {
      p.stderr.write("more: bad usage\nTry 'more --help' for more information.\n");
      return 1;
    }
    inputs.push({ text: await readInput(p) });
  }
  for (const f of files) {
    const r = readText(p, absolutePath(p, f));
    if (r.dir) p.stdout.write(`\n*** ${f}: directory ***\n\n`);
    else if (r.data === undefined) p.stderr.write(`more: cannot open ${f}: ${r.missing ? 'No such file or directory' : r.error}\n`);
    else inputs.push({ name: f, text: r.data.slice(0, MAX_FILE_CHARS) });
  }
  if (inputs.length > 1) return refuseNotSimulated(p, 'more', 'several files');
  const tty = p.stdout.isTTY ? (await terminalOf(p)) : undefined;
  const input = inputs[0];
  if (!input) return 0;
  if (!tty) {
    p.stdout.write(input.text);
    return 0;
  }
  const lines = linesOf(input.text);
  const total = input.text.length;
  const page = () => Math.max(1, tty.rows - 1);
  if (lines.length <= page()) {
    p.stdout.write(input.text);
    return 0;
  }
  const screen = new Screen(p, tty, false);
  try {
    let shown = 0;
    let bytes = 0;
    const show = (n: number) => {
      let out = '';
      for (let i = 0; i < n && shown < lines.length; i++, shown++) {
        out += displayLine(lines[shown]!) + '\r\n';
        bytes += lines[shown]!.length + 1;
      }
      screen.write(out);
    };
    const prompt = () => screen.write(rev(input.name !== undefined ? `--More--(${Math.floor((bytes * 100) / Math.max(1, total))}%)` : '--More--'));
    show(page());
    for (;;) {
      if (shown >= lines.length) return 0;
      prompt();
      let k: string | null;
      do k = await screen.keys.next();
      while (k === TTY_RESIZE);
      screen.write('\r\x1b[K');
      if (k === null || k === 'q' || k === 'Q' || k === '\x03') return 0;
      if (k === ' ' || k === 'f' || k === 'z') show(page());
      else if (k === '\r' || k === 'j') show(1);
      else if (k === 'd' || k === '\x04') show(Math.floor(page() / 2));
      else screen.write(BELL);
    }
  } finally {
    screen.end();
  }
}

register({
  name: 'less',
  summary: 'page through a file or standard input on the terminal (space, b, j, k, arrows, /search, n, g, G, q); copies when not on a terminal',
  usage: 'less [FILE]',
  options: [{ flag: '-*, +CMD', desc: 'less’s options', notSimulated: 'give only the file: less FILE' }],
  run: lessMain,
});

register({
  name: 'more',
  summary: 'page forward through a file or standard input (space, Enter, q); copies when not on a terminal',
  usage: 'more [FILE]',
  options: [{ flag: '-*, +NUM', desc: 'more’s options', notSimulated: 'give only the file: more FILE' }],
  run: moreMain,
});
