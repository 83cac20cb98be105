// The terminal: line discipline and line editor, pure logic (no DOM).
//
//   xterm onData ──> Terminal.input ──┬─ Ctrl-C with no reader: SIGINT to the foreground job, echo ^C
//                                     └─ keys ──> LineEditor (prompt, editing, history, Tab) ──> line
//   programs' output ──> Terminal.write (\n → \r\n) ──> onOutput
//
// Input is raw xterm data (escape sequences); output is ANSI text. A reader
// (an interactive shell at its prompt, or a program reading the terminal)
// gets whole lines; keys typed while nobody reads wait for the next reader.
// A full-screen program (less, nano, vi) puts the terminal in raw mode: it
// reads key by key (Ctrl-C included, as with ISIG off) and each key it reads
// is reported to onKey, so the session records and replays them.

import { TTY_RESIZE, type InStream, type OutStream, type Process, type TtyDevice } from '../kernel/proc.ts';
import type { Completion, FgOwner, ReadRequest, ReadResult, ShellTty } from './control.ts';

/** Split raw terminal input into keys (single characters or escape sequences). */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < data.length; ) {
    const c = data[i];
    if (c === '\x1b') {
      if (data.startsWith('\x1b[200~', i) || data.startsWith('\x1b[201~', i)) {
        keys.push(data.slice(i, i + 6));
        i += 6;
        continue;
      }
      const m = /^\x1b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?/s.exec(data.slice(i))!;
      keys.push(m[0]);
      i += m[0].length;
      continue;
    }
    const cp = data.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    keys.push(ch);
    i += ch.length;
  }
  return keys;
}

/** Width of text on the terminal (ASCII model; wide characters count as 1). */
function width(s: string): number {
  return [...s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')].length;
}

/** What the editor asks of its owner for one line. */
export interface EditRequest {
  prompt: string;
  history: string[];
  complete?: (line: string, cursor: number) => Completion | undefined;
}

/** The outcome of one key. */
export interface KeyResult {
  out: string;
  done?: ReadResult;
}

/** The line editor: a buffer, a cursor, history and completion; renders ANSI. */
export class LineEditor {
  buf = '';
  cursor = 0;
  cols: number;
  private readonly req: EditRequest;
  private histIndex: number;
  private draft = '';
  private lastWasTab = false;
  private readonly promptWidth: number;

  constructor(req: EditRequest, cols: number) {
    this.req = req;
    this.cols = Math.max(10, cols);
    this.histIndex = req.history.length;
    this.promptWidth = width(req.prompt);
  }

  /** The text that starts the edit (the prompt). */
  start(): string {
    return this.req.prompt;
  }

  /** Cursor motion from absolute position a to b (positions count from the prompt's start). */
  private move(a: number, b: number): string {
    if (a === b) return '';
    const cols = this.cols;
    const ra = Math.floor(a / cols);
    const rb = Math.floor(b / cols);
    let s = '';
    if (rb < ra) s += `\x1b[${ra - rb}A`;
    else if (rb > ra) s += `\x1b[${rb - ra}B`;
    const cb = b % cols;
    s += '\r';
    if (cb > 0) s += `\x1b[${cb}C`;
    return s;
  }

  /** Where the terminal cursor is after writing up to absolute position n. */
  private afterWrite(n: number): string {
    // At an exact multiple of the width the terminal waits to wrap: force it.
    return n > 0 && n % this.cols === 0 ? ' \r' : '';
  }

  /** Redraw from the start of the buffer, given where the cursor was. */
  private redraw(oldCursor: number): string {
    const p = this.promptWidth;
    const end = p + width(this.buf);
    let s = this.move(p + width(this.buf.slice(0, oldCursor)), p);
    s += this.buf + this.afterWrite(end) + '\x1b[J';
    s += this.move(end, p + width(this.buf.slice(0, this.cursor)));
    return s;
  }

  private set(buf: string, cursor: number): string {
    const old = this.cursor;
    this.buf = buf;
    this.cursor = Math.max(0, Math.min(cursor, buf.length));
    return this.redraw(old);
  }

  private insert(text: string): string {
    const atEnd = this.cursor === this.buf.length;
    this.buf = this.buf.slice(0, this.cursor) + text + this.buf.slice(this.cursor);
    this.cursor += text.length;
    if (atEnd) return text + this.afterWrite(this.promptWidth + width(this.buf));
    return this.redraw(this.cursor - text.length);
  }

  /** Render the whole prompt and buffer again (after Ctrl-L or a completion list). */
  repaint(): string {
    const p = this.promptWidth;
    const end = p + width(this.buf);
    return this.req.prompt + this.buf + this.afterWrite(end) + '\x1b[J' + this.move(end, p + width(this.buf.slice(0, this.cursor)));
  }

  /** Apply one key. */
  key(k: string): KeyResult {
    const wasTab = this.lastWasTab;
    this.lastWasTab = false;
    switch (k) {
      case '\r':
      case '\n': {
        const end = this.promptWidth + width(this.buf);
        const out = this.move(this.promptWidth + width(this.buf.slice(0, this.cursor)), end) + '\r\n';
        return { out, done: { kind: 'line', line: this.buf } };
      }
      case '\x03':
        return { out: '^C\r\n', done: { kind: 'intr' } };
      case '\x04':
        if (this.buf === '') return { out: '', done: { kind: 'eof' } };
        return { out: this.cursor < this.buf.length ? this.set(this.buf.slice(0, this.cursor) + this.buf.slice(this.cursor + 1), this.cursor) : '' };
      case '\x7f':
      case '\b':
        if (this.cursor === 0) return { out: '' };
        return { out: this.set(this.buf.slice(0, this.cursor - 1) + this.buf.slice(this.cursor), this.cursor - 1) };
      case '\x1b[3~':
        if (this.cursor >= this.buf.length) return { out: '' };
        return { out: this.set(this.buf.slice(0, this.cursor) + this.buf.slice(this.cursor + 1), this.cursor) };
      case '\x1b[D':
      case '\x02':
        return { out: this.cursor > 0 ? this.set(this.buf, this.cursor - 1) : '' };
      case '\x1b[C':
      case '\x06':
        return { out: this.cursor < this.buf.length ? this.set(this.buf, this.cursor + 1) : '' };
      case '\x1b[H':
      case '\x1bOH':
      case '\x1b[1~':
      case '\x01':
        return { out: this.set(this.buf, 0) };
      case '\x1b[F':
      case '\x1bOF':
      case '\x1b[4~':
      case '\x05':
        return { out: this.set(this.buf, this.buf.length) };
      case '\x15':
        return { out: this.set(this.buf.slice(this.cursor), 0) };
      case '\x0b':
        return { out: this.set(this.buf.slice(0, this.cursor), this.cursor) };
      case '\x17': {
        let i = this.cursor;
        while (i > 0 && this.buf[i - 1] === ' ') i--;
        while (i > 0 && this.buf[i - 1] !== ' ') i--;
        return { out: this.set(this.buf.slice(0, i) + this.buf.slice(this.cursor), i) };
      }
      case '\x1bb':
      case '\x1b[1;5D': {
        let i = this.cursor;
        while (i > 0 && !/[A-Za-z0-9]/.test(this.buf[i - 1])) i--;
        while (i > 0 && /[A-Za-z0-9]/.test(this.buf[i - 1])) i--;
        return { out: this.set(this.buf, i) };
      }
      case '\x1bf':
      case '\x1b[1;5C': {
        let i = this.cursor;
        while (i < this.buf.length && !/[A-Za-z0-9]/.test(this.buf[i])) i++;
        while (i < this.buf.length && /[A-Za-z0-9]/.test(this.buf[i])) i++;
        return { out: this.set(this.buf, i) };
      }
      case '\x0c':
        return { out: '\x1b[H\x1b[2J' + this.repaint() };
      case '\x1b[A':
      case '\x10': {
        const h = this.req.history;
        if (this.histIndex === 0 || h.length === 0) return { out: '' };
        if (this.histIndex === h.length) this.draft = this.buf;
        this.histIndex--;
        const line = h[this.histIndex];
        return { out: this.set(line, line.length) };
      }
      case '\x1b[B':
      case '\x0e': {
        const h = this.req.history;
        if (this.histIndex >= h.length) return { out: '' };
        this.histIndex++;
        const line = this.histIndex === h.length ? this.draft : h[this.histIndex];
        return { out: this.set(line, line.length) };
      }
      case '\t':
        this.lastWasTab = true;
        return { out: this.tab(wasTab) };
      case '\x1b[200~':
      case '\x1b[201~':
        return { out: '' };
    }
    if (k.startsWith('\x1b') || (k.length === 1 && k.charCodeAt(0) < 0x20)) return { out: '' };
    return { out: this.insert(k) };
  }

  private tab(second: boolean): string {
    const c = this.req.complete?.(this.buf, this.cursor);
    if (!c || c.candidates.length === 0) return '\x07';
    const word = this.buf.slice(c.start, this.cursor);
    const cands = c.candidates;
    if (cands.length === 1) {
      const only = cands[0];
      const suffix = c.suffix ? c.suffix(only) : ' ';
      return this.replaceWord(c.start, only + suffix);
    }
    let prefix = cands[0];
    for (const x of cands) {
      let i = 0;
      while (i < prefix.length && i < x.length && prefix[i] === x[i]) i++;
      prefix = prefix.slice(0, i);
    }
    if (prefix.length > word.length) return this.replaceWord(c.start, prefix);
    if (!second) return '\x07';
    // Second Tab: list the candidates under the line, then repaint.
    const shown = cands.map((x) => (x.endsWith('/') ? x.slice(x.slice(0, -1).lastIndexOf('/') + 1) : x.slice(x.lastIndexOf('/') + 1)));
    const end = this.promptWidth + width(this.buf);
    let out = this.move(this.promptWidth + width(this.buf.slice(0, this.cursor)), end) + '\r\n';
    out += layoutColumns(shown, this.cols).replace(/\n/g, '\r\n');
    return out + this.repaint();
  }

  private replaceWord(start: number, text: string): string {
    const buf = this.buf.slice(0, start) + text + this.buf.slice(this.cursor);
    return this.set(buf, start + text.length);
  }
}

/** Names in columns, row-major like bash's completion list. */
export function layoutColumns(names: string[], cols: number): string {
  const w = Math.max(...names.map((n) => n.length)) + 2;
  const per = Math.max(1, Math.floor(cols / w));
  const rows = Math.ceil(names.length / per);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < per; c++) {
      const n = names[c * rows + r];
      if (n === undefined) continue;
      line += n.padEnd(w);
    }
    out += line.trimEnd() + '\n';
  }
  return out;
}

/** A synthetic input event (replay, runLine). */
export type TermEvent = { kind: 'line'; line: string } | { kind: 'eof' } | { kind: 'intr' } | { kind: 'key'; key: string };

/** The keys a raw-mode reader gets for a synthetic event. */
function eventKeys(ev: TermEvent): string[] {
  if (ev.kind === 'key') return [ev.key];
  if (ev.kind === 'line') return [...splitKeys(ev.line.replace(/\n/g, '\r')), '\r'];
  return [ev.kind === 'eof' ? '\x04' : '\x03'];
}

/** The terminal of a session: what processes see as their controlling tty. */
export class Terminal implements ShellTty, TtyDevice {
  cols: number;
  rows: number;
  private readonly emit: (s: string) => void;
  private pending: string[] = [];
  private events: TermEvent[] = [];
  private reader: { editor: LineEditor; record: boolean; program: boolean; completionLoading?: () => Promise<unknown> | undefined; resolve: (r: ReadResult) => void } | undefined;
  /** Set while a Tab waits for completion's code (ReadRequest.completionLoading). */
  private completionWait: Promise<void> | undefined;
  private fgStack: FgOwner[] = [];
  private idleWaiters: (() => void)[] = [];
  private pasting = false;
  /** The program that put the terminal in raw mode, and its pending readKey. */
  private rawOwner: Process | undefined;
  private rawReader: { owner: Process; resolve: (k: string | null) => void } | undefined;
  private resized = false;
  /** Called with each key a raw-mode program read (the session records it). */
  onKey: ((key: string) => void) | undefined;
  /** Called with each line (or `\x04` for end of file) submitted to a reader. */
  onSubmit: ((line: string) => void) | undefined;
  /** Called for each Ctrl-C. */
  onInterrupt: (() => void) | undefined;
  /** Signals the foreground job (set by the session: kills process trees). */
  signalForeground: ((owner: FgOwner) => void) | undefined;
  /** Standard input of processes on this terminal. */
  readonly inStream: InStream & { tty: Terminal; device: TtyDevice };
  /** Standard output/error of processes on this terminal. */
  readonly outStream: OutStream & { tty: Terminal; device: TtyDevice };

  constructor(emit: (s: string) => void, cols = 80, rows = 24) {
    this.emit = emit;
    this.cols = cols;
    this.rows = rows;
    const self = this;
    this.inStream = {
      isTTY: true,
      tty: this,
      device: this,
      async read(): Promise<string | null> {
        const r = await self.readLine({ prompt: '', history: [], record: true, program: true });
        if (r.kind === 'line') return r.line + '\n';
        return null;
      },
    };
    this.outStream = {
      isTTY: true,
      tty: this,
      device: this,
      write: (s: string) => this.write(s),
    };
  }

  /** Output to the screen, translating newlines as the tty's ONLCR does. */
  write(s: string): void {
    if (s) this.emit(s.replace(/\r?\n/g, '\r\n'));
  }

  /** True when someone waits for a line and no typed input is queued. */
  get idle(): boolean {
    return (this.reader !== undefined || this.rawReader !== undefined) && this.pending.length === 0 && this.events.length === 0;
  }

  /** True when a raw-mode program waits for a key. */
  get rawReading(): boolean {
    return this.rawReader !== undefined;
  }

  /** The program holding the terminal in raw mode, if any. */
  get rawProcess(): Process | undefined {
    this.reapRaw();
    return this.rawOwner;
  }

  /** True while a program holds the terminal in raw mode. */
  get raw(): boolean {
    this.reapRaw();
    return this.rawOwner !== undefined;
  }

  rawMode(owner: Process): () => void {
    this.reapRaw();
    this.rawOwner = owner;
    return () => {
      if (this.rawOwner !== owner) return;
      this.rawOwner = undefined;
      this.rawReader = undefined;
      this.resized = false;
      this.pump();
    };
  }

  /** A raw-mode owner that died without restoring (SIGKILL): give the line discipline back. */
  private reapRaw(): void {
    if (!this.rawOwner || this.rawOwner.state !== 'Z') return;
    this.rawOwner = undefined;
    this.rawReader = undefined;
    this.resized = false;
    // Leave the alternate screen and show the cursor, so the prompt is seen.
    this.emit('\x1b[?1049l\x1b[?25h');
  }

  isForeground(p: Process): boolean {
    const top = this.fgStack[this.fgStack.length - 1];
    if (!top) return false;
    let q: Process | undefined = p;
    for (let n = 0; q && n < 256; n++) {
      if (top.procs.has(q)) return true;
      q = q.ppid > 0 ? q.kernel.procs.get(q.ppid) : undefined;
    }
    return false;
  }

  readKey(owner: Process): Promise<string | null> {
    return new Promise((resolve) => {
      if (owner.interrupted || owner.state === 'Z' || this.rawOwner !== owner) {
        resolve(null);
        return;
      }
      const rd = {
        owner,
        resolve: (k: string | null) => {
          off();
          resolve(k);
        },
      };
      const off = owner.onSignal(() => {
        if (this.rawReader === rd) this.rawReader = undefined;
        off();
        resolve(null);
        this.checkIdle();
      });
      this.rawReader = rd;
      this.pump();
      this.checkIdle();
    });
  }

  /** Resolves when the terminal is idle. */
  whenIdle(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  /** Resolves when a reader is active. */
  whenReading(): Promise<void> {
    if (this.reader) return Promise.resolve();
    return new Promise((r) => this.readWaiters.push(r));
  }

  private readWaiters: (() => void)[] = [];

  private checkIdle(): void {
    if ((this.reader || this.rawReader) && this.readWaiters.length) {
      const w = this.readWaiters;
      this.readWaiters = [];
      for (const f of w) f();
    }
    if (!this.idle) return;
    const w = this.idleWaiters;
    this.idleWaiters = [];
    for (const f of w) f();
  }

  /** True when a line reader is active. */
  get reading(): boolean {
    return this.reader !== undefined;
  }

  foreground(owner: FgOwner): () => void {
    this.fgStack.push(owner);
    return () => {
      const i = this.fgStack.lastIndexOf(owner);
      if (i >= 0) this.fgStack.splice(i, 1);
    };
  }

  readLine(req: ReadRequest & { program?: boolean }): Promise<ReadResult> {
    this.reapRaw();
    return new Promise((resolve) => {
      const editor = new LineEditor(req, this.cols);
      this.reader = { editor, record: req.record ?? false, program: req.program ?? false, completionLoading: req.completionLoading, resolve };
      this.emit(editor.start());
      this.pump();
      this.checkIdle();
    });
  }

  /** Raw input from the terminal emulator. */
  input(data: string): void {
    for (const k of splitKeys(data)) {
      if (k === '\x1b[200~') {
        this.pasting = true;
        continue;
      }
      if (k === '\x1b[201~') {
        this.pasting = false;
        continue;
      }
      if (k === '\x03' && !this.reader && !this.raw) {
        this.interruptForeground();
        continue;
      }
      // Pasted newlines submit line by line; a pasted Tab is a literal space.
      this.pending.push(this.pasting && k === '\t' ? ' ' : k);
    }
    this.pump();
  }

  /** Queue a synthetic event (replay or a programmatic line). */
  post(ev: TermEvent): void {
    if (ev.kind === 'intr' && !this.reader) {
      this.interruptForeground();
      return;
    }
    this.events.push(ev);
    this.pump();
  }

  private interruptForeground(): void {
    this.onInterrupt?.();
    this.emit('^C');
    const owner = this.fgStack[this.fgStack.length - 1];
    if (owner) {
      this.signalForeground?.(owner);
      owner.interrupt();
    }
  }

  private finish(r: ReadResult): void {
    const rd = this.reader!;
    this.reader = undefined;
    if (rd.record) {
      if (r.kind === 'line') this.onSubmit?.(r.line);
      else if (r.kind === 'eof') this.onSubmit?.('\x04');
    }
    if (r.kind === 'intr') this.onInterrupt?.();
    if (r.kind === 'intr' && rd.program) {
      // Ctrl-C while a program (or the shell's `read`) reads the terminal is
      // SIGINT to the foreground job, as the line discipline sends it: the
      // read ends and the whole command line is interrupted.
      const owner = this.fgStack[this.fgStack.length - 1];
      if (owner) {
        this.signalForeground?.(owner);
        owner.interrupt();
      }
    }
    rd.resolve(r);
  }

  /** The next key for a raw-mode reader: synthetic events first, then typed keys. */
  private nextRawKey(): string | undefined {
    const ev = this.events.shift();
    if (ev) {
      const [k, ...rest] = eventKeys(ev);
      this.events.unshift(...rest.map((key) => ({ kind: 'key' as const, key })));
      return k;
    }
    return this.pending.shift();
  }

  private pump(): void {
    this.reapRaw();
    for (let guard = 0; guard < 1_000_000; guard++) {
      const rr = this.rawReader;
      if (rr) {
        if (this.resized) {
          this.resized = false;
          this.rawReader = undefined;
          rr.resolve(TTY_RESIZE);
          continue;
        }
        const k = this.nextRawKey();
        if (k === undefined) break;
        this.rawReader = undefined;
        this.onKey?.(k);
        rr.resolve(k);
        continue;
      }
      if (!this.reader) break;
      if (this.events[0]?.kind === 'key') {
        // A recorded raw key with no raw reader (a replay out of step): type it.
        this.pending.unshift((this.events.shift() as { key: string }).key);
      }
      const ev = this.events.shift();
      if (ev && ev.kind !== 'key') {
        const ed = this.reader.editor;
        if (ev.kind === 'line') {
          this.emit(ev.line.replace(/\n/g, '\r\n') + '\r\n');
          void ed;
          this.finish({ kind: 'line', line: ev.line });
        } else if (ev.kind === 'eof') this.finish({ kind: 'eof' });
        else {
          this.emit('^C\r\n');
          this.finish({ kind: 'intr' });
        }
        continue;
      }
      if (this.completionWait) break;
      if (this.pending[0] === '\t') {
        const loading = this.reader.completionLoading?.();
        if (loading) {
          // The Tab and the keys after it wait for completion's code.
          const w = (this.completionWait = loading.then(
            () => undefined,
            () => undefined,
          ));
          void w.then(() => {
            if (this.completionWait === w) this.completionWait = undefined;
            this.pump();
          });
          break;
        }
      }
      const k = this.pending.shift();
      if (k === undefined) break;
      const r = this.reader.editor.key(k);
      // For a program's read the shell ends the ^C line when it reports the interrupted job.
      if (r.out) this.emit(r.done?.kind === 'intr' && this.reader.program ? r.out.replace(/\r\n$/, '') : r.out);
      if (r.done) this.finish(r.done);
    }
    this.checkIdle();
  }

  /** Resize: the editor wraps at the new width from now on. */
  resize(cols: number, rows: number): void {
    const changed = this.rows !== rows || this.cols !== Math.max(10, cols);
    this.cols = Math.max(10, cols);
    this.rows = rows;
    if (this.reader) this.reader.editor.cols = this.cols;
    if (changed && this.raw) {
      this.resized = true;
      this.pump();
    }
  }
}
