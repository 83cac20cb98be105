// What full-screen programs (less, more, nano, vi) share: the terminal in raw
// mode (src/kernel/proc.ts TtyDevice), keys normalised to one spelling, and
// ANSI output for xterm.js (alternate screen, cursor positioning, reverse
// video). Programs redraw the whole screen after each key: simple, and the
// screen then never depends on what was drawn before (a replay draws the same).

import { TTY_RESIZE, ttyDevice, type Process, type TtyDevice } from '../../kernel/proc.ts';
import { KernelError } from '../../kernel/errno.ts';
import { hostOf } from '../coreutils/host.ts';

export { TTY_RESIZE };

export const ESC = '\x1b';
/** Enter / leave the alternate screen (xterm's smcup/rmcup with TERM=xterm-256color). */
export const ALT_ON = '\x1b[?1049h';
export const ALT_OFF = '\x1b[?1049l';
export const CLEAR = '\x1b[H\x1b[2J';
export const HIDE_CURSOR = '\x1b[?25l';
export const SHOW_CURSOR = '\x1b[?25h';
export const BELL = '\x07';

/** Move the cursor to row r, column c (both from 0). */
export function cup(r: number, c: number): string {
  return `\x1b[${r + 1};${c + 1}H`;
}

/** Text in reverse video. */
export function rev(s: string): string {
  return `\x1b[7m${s}\x1b[0m`;
}

/** Largest file the editors and pagers load (characters). */
export const MAX_FILE_CHARS = 1 << 20;
/** Most lines a pager keeps of its input. */
export const MAX_PAGER_LINES = 100_000;

const ALIASES: Record<string, string> = {
  '\x1bOA': '\x1b[A',
  '\x1bOB': '\x1b[B',
  '\x1bOC': '\x1b[C',
  '\x1bOD': '\x1b[D',
  '\x1bOH': '\x1b[H',
  '\x1bOF': '\x1b[F',
  '\x1b[1~': '\x1b[H',
  '\x1b[7~': '\x1b[H',
  '\x1b[4~': '\x1b[F',
  '\x1b[8~': '\x1b[F',
  '\n': '\r',
  '\b': '\x7f',
};

/**
 * Keys of a raw-mode terminal, one at a time. An ESC typed together with the
 * next key (xterm sends Alt-x as ESC x) is kept as that pair; editors that
 * do not know the pair take it as ESC then x.
 */
export class Keys {
  private queue: string[] = [];
  private readonly p: Process;
  readonly tty: TtyDevice;
  constructor(p: Process, tty: TtyDevice) {
    this.p = p;
    this.tty = tty;
  }

  /** The next key (normalised), TTY_RESIZE, or null when the program must end (a signal). */
  async next(): Promise<string | null> {
    const q = this.queue.shift();
    if (q !== undefined) return q;
    const k = await this.tty.readKey(this.p);
    if (k === null || k === TTY_RESIZE) return k;
    return ALIASES[k] ?? k;
  }

  /** Split an unknown ESC pair into ESC and the key after it. */
  unread(keys: string[]): void {
    this.queue.unshift(...keys);
  }
}

/** A full-screen session on the process's terminal: raw mode and the alternate screen until `end()`. */
export class Screen {
  readonly keys: Keys;
  private restore: () => void;
  private readonly p: Process;
  readonly tty: TtyDevice;
  constructor(p: Process, tty: TtyDevice, alt = true) {
    this.p = p;
    this.tty = tty;
    this.keys = new Keys(p, tty);
    this.restore = tty.rawMode(p);
    if (alt) p.stdout.write(ALT_ON);
    this.alt = alt;
  }
  private alt: boolean;
  get rows(): number {
    return Math.max(3, this.tty.rows);
  }
  get cols(): number {
    return Math.max(10, this.tty.cols);
  }
  write(s: string): void {
    this.p.stdout.write(s);
  }
  end(): void {
    if (this.alt) this.p.stdout.write(ALT_OFF);
    this.restore();
  }
}

/** The terminal a full-screen program may take (undefined: not a terminal, or a background job). */
export async function terminalOf(p: Process): Promise<TtyDevice | undefined> {
  // The shell makes a new process part of its foreground job right after spawning it.
  await Promise.resolve();
  const tty = ttyDevice(p);
  if (!tty || !tty.isForeground(p)) return undefined;
  return tty;
}

/** Absolute form of a path given relative to the process's directory. */
export function absolutePath(p: Process, file: string): string {
  const joined = file.startsWith('/') ? file : `${p.cwd.replace(/\/$/, '')}/${file}`;
  const out: string[] = [];
  for (const part of joined.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** A file's text: `{ data }`, `{ missing: true }` for no such file, or `{ error }` (strerror), `{ dir: true }` for a directory. */
export function readText(p: Process, path: string): { data?: string; missing?: boolean; dir?: boolean; error?: string } {
  const vfs = hostOf(p).vfs;
  const ctx = p.vfsCtx();
  let node;
  try {
    node = vfs.tryLookup(path, ctx);
  } catch (e) {
    return { error: e instanceof KernelError ? e.message : String(e) };
  }
  if (!node) return { missing: true };
  if (node.kind === 'dir') return { dir: true };
  try {
    return { data: vfs.readFile(path, ctx) };
  } catch (e) {
    if (e instanceof KernelError && /No such file/.test(e.message)) return { missing: true };
    return { error: e instanceof KernelError ? e.message : String(e) };
  }
}

/** Write a file; returns the strerror text on failure. */
export function writeText(p: Process, path: string, data: string): string | undefined {
  try {
    hostOf(p).vfs.writeFile(path, data, p.vfsCtx());
    return undefined;
  } catch (e) {
    return e instanceof KernelError ? e.message : String(e);
  }
}

/** Expand tabs (8 columns) and show control characters as ^X, as less and nano display them. */
export function displayLine(s: string): string {
  if (!/[\x00-\x1f\x7f]/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
    else if (ch < ' ' || ch === '\x7f') out += '^' + String.fromCharCode(ch === '\x7f' ? 63 : ch.charCodeAt(0) + 64);
    else out += ch;
  }
  return out;
}

/** Display column of index `i` of `s` (tabs and ^X counted). */
export function displayCol(s: string, i: number): number {
  if (!/[\x00-\x1f\x7f]/.test(s)) return Math.min(i, s.length);
  return displayLine(s.slice(0, i)).length;
}
