// The text of a file being edited (nano, vi): lines, a cursor, bounded
// undo. Pure data, no terminal: the editors' key handlers and tests use it.

import { safeRegExp } from '../lib/safe-regex.ts';

/** Undo states an editor keeps, and the characters they may hold in all. */
export const MAX_UNDO = 100;
export const MAX_UNDO_CHARS = 4 << 20;
/** Longest line or file an editor builds by typing (characters); more keys ring the bell. */
export const MAX_EDIT_CHARS = 1 << 20;

export class TextBuf {
  lines: string[];
  r = 0;
  c = 0;
  /** The column up/down try to keep. */
  want = 0;
  modified = false;
  private undo: { lines: string[]; r: number; c: number; size: number }[] = [];
  private undoChars = 0;

  constructor(text: string) {
    this.lines = text.split('\n');
  }

  get line(): string {
    return this.lines[this.r] ?? '';
  }

  size(): number {
    let n = 0;
    for (const l of this.lines) n += l.length + 1;
    return n;
  }

  /** Remember the state before a change (vi's u). */
  snapshot(): void {
    const size = this.size();
    this.undo.push({ lines: [...this.lines], r: this.r, c: this.c, size });
    this.undoChars += size;
    while (this.undo.length > MAX_UNDO || (this.undoChars > MAX_UNDO_CHARS && this.undo.length > 1)) this.undoChars -= this.undo.shift()!.size;
  }

  /** Go back to the last snapshot; false when there is none. */
  restore(): boolean {
    const u = this.undo.pop();
    if (!u) return false;
    this.undoChars -= u.size;
    this.lines = u.lines;
    this.r = u.r;
    this.c = u.c;
    this.modified = true;
    return true;
  }

  clampCol(max = this.line.length): void {
    this.c = Math.max(0, Math.min(this.c, max));
  }

  move(dr: number, keepLast = true): void {
    this.r = Math.max(0, Math.min(this.lines.length - 1, this.r + dr));
    this.c = Math.min(this.want, keepLast ? this.line.length : Math.max(0, this.line.length - 1));
  }

  left(): boolean {
    if (this.c > 0) {
      this.c--;
      this.want = this.c;
      return true;
    }
    return false;
  }

  right(max = this.line.length): boolean {
    if (this.c < max) {
      this.c++;
      this.want = this.c;
      return true;
    }
    return false;
  }

  insert(s: string): boolean {
    if (this.size() + s.length > MAX_EDIT_CHARS) return false;
    const l = this.line;
    this.lines[this.r] = l.slice(0, this.c) + s + l.slice(this.c);
    this.c += s.length;
    this.want = this.c;
    this.modified = true;
    return true;
  }

  newline(): boolean {
    if (this.size() + 1 > MAX_EDIT_CHARS) return false;
    const l = this.line;
    this.lines.splice(this.r, 1, l.slice(0, this.c), l.slice(this.c));
    this.r++;
    this.c = 0;
    this.want = 0;
    this.modified = true;
    return true;
  }

  /** Delete the character before the cursor, joining lines at the start of one. */
  backspace(): boolean {
    if (this.c > 0) {
      const l = this.line;
      this.lines[this.r] = l.slice(0, this.c - 1) + l.slice(this.c);
      this.c--;
    } else if (this.r > 0) {
      const prev = this.lines[this.r - 1]!;
      this.lines.splice(this.r - 1, 2, prev + this.line);
      this.r--;
      this.c = prev.length;
    } else return false;
    this.want = this.c;
    this.modified = true;
    return true;
  }

  /** Delete the character under the cursor, joining the next line at the end of one. */
  del(join = true): boolean {
    const l = this.line;
    if (this.c < l.length) this.lines[this.r] = l.slice(0, this.c) + l.slice(this.c + 1);
    else if (join && this.r < this.lines.length - 1) this.lines.splice(this.r, 2, l + this.lines[this.r + 1]);
    else return false;
    this.modified = true;
    return true;
  }

  /** Find `re` after (dir 1) or before (dir -1) the cursor, wrapping; the match position and whether it wrapped. */
  find(re: RegExp, dir: 1 | -1): { r: number; c: number; wrapped: boolean } | undefined {
    const n = this.lines.length;
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    const all = (i: number): number[] => {
      const out: number[] = [];
      g.lastIndex = 0;
      const line = this.lines[i]!;
      for (let m = g.exec(line); m; m = g.exec(line)) {
        out.push(m.index);
        if (m[0] === '') g.lastIndex++;
        if (out.length > 10_000) break;
      }
      return out;
    };
    for (let k = 0; k <= n; k++) {
      const i = (((this.r + dir * k) % n) + n) % n;
      const wrapped = dir === 1 ? this.r + k >= n : this.r - k < 0;
      const hits = all(i);
      const back = [...hits].reverse();
      let pick: number | undefined;
      if (k === 0) pick = dir === 1 ? hits.find((c) => c > this.c) : back.find((c) => c < this.c);
      else if (k === n) pick = dir === 1 ? hits.find((c) => c <= this.c) : back.find((c) => c >= this.c);
      else pick = dir === 1 ? hits[0] : back[0];
      if (pick !== undefined) return { r: i, c: pick, wrapped };
    }
    return undefined;
  }

  text(): string {
    return this.lines.join('\n');
  }
}

/** A vim/nano search string as a safe regular expression (vim's magic: . * ^ $ [] stay special). */
export function searchRegex(pat: string, literal: boolean): RegExp {
  if (literal) return safeRegExp(pat.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), '');
  return safeRegExp(pat.replace(/[+?{}()|/]/g, '\\$&').replace(/\\\\([+?{}()|])/g, '$1'), '');
}
