// What running a sed script needs: replacement expansion, `l` output, the input reader and the signals that end a run.

import type { Process } from '../../../kernel/proc.ts';
import { hostOf, readLines } from '../../coreutils/host.ts';
import { errMsg, isDir, statPath } from '../../coreutils/util.ts';
import type { Piece } from './parser.ts';

/** Commands executed per run before sed gives up (a `b`/`t` loop that never ends). */
export const STEP_BUDGET = 2_000_000;
/** Largest pattern/hold space. */
export const SPACE_LIMIT = 16 * 1024 * 1024;

// ---------------------------------------------------------------- regular expressions

/** Expand a replacement for one match. */
export function expand(pieces: Piece[], m: RegExpExecArray): string {
  let out = '';
  let mode: '' | 'L' | 'U' = '';
  let one: '' | 'l' | 'u' = '';
  const add = (t: string): void => {
    if (!t) return;
    if (mode === 'L') t = t.toLowerCase();
    else if (mode === 'U') t = t.toUpperCase();
    if (one) {
      t = (one === 'u' ? t[0].toUpperCase() : t[0].toLowerCase()) + t.slice(1);
      one = '';
    }
    out += t;
  };
  for (const p of pieces) {
    if ('lit' in p) add(p.lit);
    else if ('ref' in p) add(m[p.ref] ?? '');
    else if (p.cas === 'E') {
      mode = '';
      one = '';
    } else if (p.cas === 'L' || p.cas === 'U') {
      mode = p.cas;
      one = '';
    } else one = p.cas;
  }
  return out;
}

/** `l` output of the pattern space (C locale: bytes, octal escapes, 70 columns). */
export function listLine(s: string, width: number): string {
  const bytes = new TextEncoder().encode(s);
  let out = '';
  let cur = '';
  const esc: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 92: '\\\\' };
  for (const b of bytes) {
    const seq = esc[b] ?? (b >= 32 && b < 127 ? String.fromCharCode(b) : '\\' + b.toString(8).padStart(3, '0'));
    if (width > 1 && cur.length + seq.length > width - 1) {
      out += cur + '\\\n';
      cur = '';
    }
    cur += seq;
  }
  return out + cur + '$\n';
}

// ---------------------------------------------------------------- input

export interface Line {
  text: string;
  nl: boolean;
}

export class Input {
  private p: Process;
  private files: string[];
  private idx = -1;
  private lines: Line[] = [];
  private li = 0;
  private stdin?: AsyncGenerator<string>;
  private peeked?: Line | null;
  private stdinDone = false;
  separate: boolean;
  name = '-';
  status = 0;
  /** Called when a new file starts (for -i and -s). */
  onFile?: (name: string) => void;
  onFileEnd?: (name: string) => void;

  constructor(p: Process, files: string[], separate: boolean) {
    this.p = p;
    this.files = files;
    this.separate = separate;
  }

  private open = false;
  /** Bumped whenever a file starts (line numbers restart with -s/-i). */
  serial = 0;

  private openNext(): boolean {
    for (;;) {
      if (this.open) this.onFileEnd?.(this.name);
      this.open = false;
      this.idx++;
      this.lines = [];
      this.li = 0;
      this.stdin = undefined;
      if (this.idx >= this.files.length) return false;
      const f = this.files[this.idx];
      this.name = f;
      if (f === '-') {
        this.stdin = readLines(this.p);
        this.stdinDone = false;
        this.open = true;
        this.serial++;
        this.onFile?.(f);
        return true;
      }
      const node = statPath(this.p, f);
      if (isDir(node)) {
        this.p.stderr.write(`sed: couldn't edit ${f}: not a regular file\n`);
        this.status = 4;
        continue;
      }
      let text: string;
      try {
        text = hostOf(this.p).vfs.readFile(f, this.p.vfsCtx());
      } catch (e) {
        this.p.stderr.write(`sed: can't read ${f}: ${errMsg(e)}\n`);
        this.status = 2;
        continue;
      }
      const parts = text.split('\n');
      const last = parts.pop()!;
      this.lines = parts.map((t) => ({ text: t, nl: true }));
      if (last !== '') this.lines.push({ text: last, nl: false });
      this.open = true;
      this.serial++;
      this.onFile?.(f);
      return true;
    }
  }

  /** Next line of the current file, without moving to the next file. */
  private async fromCurrent(): Promise<Line | null> {
    if (this.peeked !== undefined) {
      const l = this.peeked;
      this.peeked = undefined;
      return l;
    }
    if (this.stdin) {
      if (this.stdinDone) return null;
      const r = await this.stdin.next();
      if (r.done) {
        this.stdinDone = true;
        return null;
      }
      const t = r.value;
      return t.endsWith('\n') ? { text: t.slice(0, -1), nl: true } : { text: t, nl: false };
    }
    if (this.idx < 0 || this.li >= this.lines.length) return null;
    return this.lines[this.li++];
  }

  started = false;

  async next(): Promise<Line | null> {
    if (!this.started) {
      this.started = true;
      if (!this.openNext()) return null;
    }
    for (let guard = 0; guard < 100000; guard++) {
      const l = await this.fromCurrent();
      if (l) return l;
      if (!this.openNext()) return null;
    }
    return null;
  }

  /** Is the line just read the last one (of this file with -s/-i)? */
  async isLast(): Promise<boolean> {
    if (this.peeked === undefined) this.peeked = await this.fromCurrent();
    if (this.peeked) return false;
    this.peeked = undefined;
    if (this.separate) return true;
    // Look into the following files (opening them, as GNU reads ahead).
    for (let guard = 0; guard < 100000; guard++) {
      if (!this.openNext()) return true;
      const l = await this.fromCurrent();
      if (l) {
        this.peeked = l;
        return false;
      }
    }
    return true;
  }

}

// ---------------------------------------------------------------- execution

export class Quit {
  code: number;
  print: boolean;
  constructor(code: number, print: boolean) {
    this.code = code;
    this.print = print;
  }
}

export class RuntimeError extends Error {}
