// nano in the terminal: a usable subset of GNU nano 7.2 as Debian 12 ships it.
// Screens recorded on Debian 12 (nano 7.2-1+deb12u1, 80x24 and 64x20, 140
// wide; src/userland/sys/goldens/tui/screens.txt): the title bar "  GNU nano
// 7.2" with the file name placed at 15 + (COLS - 27 - len) / 2 and
// "Modified" 10 from the right; messages centred in brackets on the row
// above the two help lines; help items column by column, each COLS /
// (items / 2) wide, the main menu showing ((COLS + 40) / 20) * 2 items.
//
// Keys: arrows, Home/End, ^A ^E, ^Y ^V / PgUp PgDn, Backspace, Delete ^D,
// Enter, Tab; ^O write out ("File Name to Write:"), ^X exit ("Save modified
// buffer?" Y/N/^C), ^W where is (wraps; "[ "x" not found ]"), ^K cut line
// (consecutive cuts add up), ^U paste, ^C location. The other commands of
// the help lines (^G ^R ^\ ^T ^J ^/, M-…) say they are not simulated.

import { register, refuseNotSimulated } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import { TextBuf, searchRegex } from './textbuf.ts';
import { absolutePath, BELL, CLEAR, cup, displayCol, displayLine, MAX_FILE_CHARS, readText, rev, Screen, SHOW_CURSOR, HIDE_CURSOR, terminalOf, TTY_RESIZE, writeText } from './tui.ts';

type Item = [key: string, label: string];

const MAIN: Item[] = [
  ['^G', 'Help'],
  ['^X', 'Exit'],
  ['^O', 'Write Out'],
  ['^R', 'Read File'],
  ['^W', 'Where Is'],
  ['^\\', 'Replace'],
  ['^K', 'Cut'],
  ['^U', 'Paste'],
  ['^T', 'Execute'],
  ['^J', 'Justify'],
  ['^C', 'Location'],
  ['^/', 'Go To Line'],
  ['M-U', 'Undo'],
  ['M-E', 'Redo'],
  ['M-A', 'Set Mark'],
  ['M-6', 'Copy'],
  ['M-]', 'To Bracket'],
  ['^Q', 'Where Was'],
];
const WRITE: Item[] = [
  ['^G', 'Help'],
  ['^C', 'Cancel'],
  ['M-D', 'DOS Format'],
  ['M-M', 'Mac Format'],
  ['M-A', 'Append'],
  ['M-P', 'Prepend'],
  ['M-B', 'Backup File'],
  ['^T', 'Browse'],
];
const SEARCH: Item[] = [
  ['^G', 'Help'],
  ['^C', 'Cancel'],
  ['M-C', 'Case Sens'],
  ['M-R', 'Reg.exp.'],
  ['M-B', 'Backwards'],
  ['^R', 'Replace'],
  ['^P', 'Older'],
  ['^N', 'Newer'],
  ['^T', 'Go To Line'],
];

/** Not simulated: what the help lines offer beyond the subset. */
const UNSUPPORTED: Record<string, string> = {
  '\x07': '^G Help',
  '\x12': '^R Read File',
  '\x1c': '^\\ Replace',
  '\x14': '^T Execute',
  '\x0a': '^J Justify',
  '\x1f': '^/ Go To Line',
  '\x11': '^Q Where Was',
  '\x1bu': 'M-U Undo',
  '\x1be': 'M-E Redo',
  '\x1ba': 'M-A Set Mark',
  '\x1b6': 'M-6 Copy',
  '\x1b]': 'M-] To Bracket',
};

/** Two help lines for `items` on a terminal `cols` wide. */
export function helpLines(items: Item[], cols: number, main: boolean): [string, string] {
  const n = main ? Math.min(items.length, Math.floor((cols + 40) / 20) * 2) : items.length;
  const per = Math.ceil(n / 2);
  const w = Math.floor(cols / per);
  const rows: [string, string] = ['', ''];
  for (let i = 0; i < n; i++) {
    const [key, label] = items[i]!;
    const text = label.slice(0, Math.max(0, w - key.length - 1));
    const col = Math.floor(i / 2);
    const room = col === per - 1 ? cols - col * w : w;
    rows[i % 2] += rev(key) + (' ' + text).padEnd(room - key.length).slice(0, Math.max(0, room - key.length));
  }
  return rows;
}

/** The title bar (reverse video, the whole width). */
export function titleBar(name: string, modified: boolean, cols: number): string {
  const line = Array.from({ length: cols }, () => ' ');
  const put = (at: number, s: string) => {
    for (let i = 0; i < s.length && at + i < cols; i++) if (at + i >= 0) line[at + i] = s[i]!;
  };
  const shown = name || 'New Buffer';
  if (15 + shown.length + 12 <= cols) put(2, 'GNU nano 7.2');
  put(Math.max(0, 15 + Math.floor((cols - 27 - shown.length) / 2)), shown);
  if (modified) put(cols - 10, 'Modified');
  return rev(line.join(''));
}

function centred(msg: string, cols: number): string {
  const s = `[ ${msg} ]`;
  return ' '.repeat(Math.max(0, Math.floor((cols - s.length) / 2))) + rev(s);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The nano editor on an open terminal (tests drive this directly). */
/** nano's function-key bindings (nano(1), "Function keys"): xterm's sequences → the control key they stand for. */
const FUNCTION_KEYS: Record<string, string> = {
  '\x1bOQ': '\x18', // F2: Exit
  '\x1bOR': '\x0f', // F3: Write Out
  '\x1b[17~': '\x17', // F6: Where Is
  '\x1b[20~': '\x0b', // F9: Cut
  '\x1b[21~': '\x15', // F10: Paste
};

export class Nano {
  buf: TextBuf;
  name: string;
  private top = 0;
  private msg: string | undefined;
  private msgKeys = 0;
  private cut: string[] = [];
  private lastWasCut = false;
  private lastSearch = '';
  private readonly screen: Screen;
  private readonly p: Process;

  constructor(p: Process, screen: Screen, name: string, text: string | undefined, msg: string) {
    this.p = p;
    this.screen = screen;
    this.name = name;
    this.buf = new TextBuf(text ?? '');
    this.msg = msg;
  }

  private get editRows(): number {
    return Math.max(1, this.screen.rows - 4);
  }

  private say(m: string): void {
    this.msg = m;
    this.msgKeys = 0;
  }

  draw(bottom?: string, help?: [string, string]): void {
    const { cols, rows } = this.screen;
    const b = this.buf;
    if (b.r < this.top) this.top = b.r;
    if (b.r >= this.top + this.editRows) this.top = b.r - this.editRows + 1;
    let out = HIDE_CURSOR + CLEAR + cup(0, 0) + titleBar(this.name, b.modified, cols);
    const curCol = displayCol(b.line, b.c);
    // A line longer than the screen scrolls by screenfuls when the cursor goes beyond it.
    const shift = curCol >= cols - 1 ? Math.floor(curCol / (cols - 8)) * (cols - 8) : 0;
    for (let i = 0; i < this.editRows; i++) {
      const li = this.top + i;
      if (li >= b.lines.length) break;
      let d = displayLine(b.lines[li]!);
      if (li === b.r && shift) d = '<' + d.slice(shift + 1);
      if (d.length > cols) d = d.slice(0, cols - 1) + '>';
      out += cup(1 + i, 0) + d;
    }
    if (bottom !== undefined) out += cup(rows - 3, 0) + bottom;
    else if (this.msg) out += cup(rows - 3, 0) + centred(this.msg, cols);
    const [h1, h2] = help ?? helpLines(MAIN, cols, true);
    out += cup(rows - 2, 0) + h1 + cup(rows - 1, 0) + h2;
    if (bottom === undefined) out += cup(1 + b.r - this.top, curCol - shift) + SHOW_CURSOR;
    this.screen.write(out);
  }

  /** A prompt on the status row with its own help lines; the answer, or null for ^C. */
  private async prompt(label: string, init: string, items: Item[]): Promise<string | null> {
    let s = init;
    const help = helpLines(items, this.screen.cols, false);
    for (;;) {
      const text = rev((label + s).padEnd(this.screen.cols));
      this.draw(text, help);
      this.screen.write(cup(this.screen.rows - 3, Math.min(this.screen.cols - 1, label.length + s.length)) + SHOW_CURSOR);
      const k = await this.screen.keys.next();
      if (k === null) return null;
      if (k === TTY_RESIZE) continue;
      if (k === '\x03') return null;
      if (k === '\r') return s;
      if (k === '\x7f') s = s.slice(0, -1);
      else if (k.length === 1 && k >= ' ' && s.length < 4096) s += k;
      else this.screen.write(BELL);
    }
  }

  /** Save to `name` (the ^O prompt's answer); false when writing failed. */
  private write(name: string): boolean {
    const b = this.buf;
    let data = b.text();
    if (data !== '' && !data.endsWith('\n')) data += '\n';
    const path = absolutePath(this.p, name);
    this.say('Writing...');
    const err = writeText(this.p, path, data);
    if (err) {
      this.say(`Error writing ${name}: ${err}`);
      return false;
    }
    this.name = name;
    b.modified = false;
    this.say(`Wrote ${plural(data.split('\n').length - 1, 'line', 'lines')}`);
    return true;
  }

  private async writeOut(): Promise<boolean> {
    const name = await this.prompt('File Name to Write: ', this.name, WRITE);
    if (name === null || name === '') {
      this.say('Cancelled');
      return false;
    }
    return this.write(name);
  }

  private async whereIs(): Promise<void> {
    const label = this.lastSearch ? `Search [${this.lastSearch.length > 20 ? this.lastSearch.slice(0, 20) + '...' : this.lastSearch}]: ` : 'Search: ';
    const ans = await this.prompt(label, '', SEARCH);
    if (ans === null || (ans === '' && !this.lastSearch)) {
      this.say('Cancelled');
      return;
    }
    const pat = ans || this.lastSearch;
    this.lastSearch = pat;
    const b = this.buf;
    const hit = b.find(searchRegex(pat, true), 1);
    if (!hit) {
      this.say(`"${pat.length > 40 ? pat.slice(0, 40) + '...' : pat}" not found`);
      return;
    }
    if (hit.r === b.r && hit.c === b.c) this.say('This is the only occurrence');
    else if (hit.wrapped) this.say('Search Wrapped');
    b.r = hit.r;
    b.c = hit.c;
    b.want = hit.c;
  }

  private location(): void {
    const b = this.buf;
    const total = b.lines.length;
    let chars = 0;
    for (let i = 0; i < b.r; i++) chars += b.lines[i]!.length + 1;
    chars += b.c;
    const size = Math.max(0, b.size() - 1);
    const pct = (a: number, z: number) => (z ? Math.floor((100 * a) / z) : 0);
    const col = displayCol(b.line, b.c) + 1;
    const width = displayLine(b.line).length + 1;
    this.say(`line ${b.r + 1}/${total} (${pct(b.r + 1, total)}%), col ${col}/${width} (${pct(col, width)}%), char ${chars}/${size} (${pct(chars, size)}%)`);
  }

  /** Run until ^X; the exit status. */
  async run(): Promise<number> {
    const b = this.buf;
    this.draw();
    for (;;) {
      const raw = await this.screen.keys.next();
      if (raw === null) return 1;
      if (raw === TTY_RESIZE) {
        this.draw();
        continue;
      }
      // nano's function keys do what their control keys do (F6 is the way to
      // Where Is in a browser, which keeps Ctrl-W to close the tab).
      const k = FUNCTION_KEYS[raw] ?? raw;
      if (this.msg && ++this.msgKeys > 20) this.msg = undefined;
      const wasCut = this.lastWasCut;
      this.lastWasCut = false;
      switch (k) {
        case '\x18': {
          if (!b.modified) return 0;
          const a = await this.yesNo();
          if (a === 'n') return 0;
          if (a === 'y' && (await this.writeOut())) return 0;
          if (a === null) this.say('Cancelled');
          break;
        }
        case '\x0f':
          await this.writeOut();
          break;
        case '\x17':
          await this.whereIs();
          break;
        case '\x0b': {
          if (b.r === b.lines.length - 1 && b.line === '') {
            if (!wasCut) this.cut = [];
            if (!wasCut) this.say('Nothing was cut');
            break;
          }
          if (!wasCut) this.cut = [];
          this.cut.push(b.line);
          b.lines.splice(b.r, 1);
          if (b.lines.length === 0) b.lines.push('');
          b.r = Math.min(b.r, b.lines.length - 1);
          b.c = 0;
          b.modified = true;
          this.lastWasCut = true;
          break;
        }
        case '\x15':
          if (!this.cut.length) this.say('Cutbuffer is empty');
          else if (b.size() + this.cut.join('\n').length > MAX_FILE_CHARS) this.screen.write(BELL);
          else {
            b.lines.splice(b.r, 0, ...this.cut);
            b.r += this.cut.length;
            b.c = 0;
            b.modified = true;
          }
          break;
        case '\x03':
          this.location();
          break;
        case '\x1b[A':
        case '\x10':
          b.move(-1);
          break;
        case '\x1b[B':
        case '\x0e':
          b.move(1);
          break;
        case '\x1b[D':
        case '\x02':
          if (!b.left() && b.r > 0) {
            b.r--;
            b.c = b.want = b.line.length;
          }
          break;
        case '\x1b[C':
        case '\x06':
          if (!b.right() && b.r < b.lines.length - 1) {
            b.r++;
            b.c = b.want = 0;
          }
          break;
        case '\x1b[H':
        case '\x01':
          b.c = b.want = 0;
          break;
        case '\x1b[F':
        case '\x05':
          b.c = b.want = b.line.length;
          break;
        case '\x1b[5~':
        case '\x19':
          b.move(-this.editRows);
          this.top = Math.max(0, this.top - this.editRows);
          break;
        case '\x1b[6~':
        case '\x16':
          b.move(this.editRows);
          this.top = Math.min(Math.max(0, b.lines.length - 1), this.top + this.editRows);
          break;
        case '\x7f':
          b.backspace();
          break;
        case '\x1b[3~':
        case '\x04':
          b.del();
          break;
        case '\r':
          if (!b.newline()) this.screen.write(BELL);
          break;
        default:
          if (UNSUPPORTED[k]) this.say(`${UNSUPPORTED[k]} is not simulated`);
          else if (k === '\t' || (k.length === 1 && k >= ' ' && k !== '\x7f') || (k.length === 2 && k.codePointAt(0)! > 0xffff)) {
            if (!b.insert(k)) this.screen.write(BELL);
            // nano keeps an empty line after the text (the file's final newline).
            else if (b.r === b.lines.length - 1) b.lines.push('');
          } else if (k.startsWith('\x1b') && k.length === 2) this.say(`M-${k[1]!.toUpperCase()} is not simulated`);
          else this.screen.write(BELL);
      }
      this.draw();
    }
  }

  private async yesNo(): Promise<'y' | 'n' | null> {
    const cols = this.screen.cols;
    const help: [string, string] = [` ${rev('Y')} Yes`.padEnd(cols), ` ${rev('N')} No           ${rev('^C')} Cancel`];
    for (;;) {
      this.draw(rev('Save modified buffer? '.padEnd(cols)), help);
      this.screen.write(cup(this.screen.rows - 3, 22) + SHOW_CURSOR);
      const k = await this.screen.keys.next();
      if (k === null || k === '\x03') return null;
      if (k === 'y' || k === 'Y') return 'y';
      if (k === 'n' || k === 'N') return 'n';
    }
  }
}

async function nanoMain(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  const opt = args.find((a) => a.length > 1 && (a.startsWith('-') || a.startsWith('+')));
  if (opt) return refuseNotSimulated(p, 'nano', opt);
  if (args.length > 1) return refuseNotSimulated(p, 'nano', 'several files');
  const tty = (await terminalOf(p));
  if (!tty) {
    p.stderr.write(p.stdout.isTTY ? 'nano: the terminal belongs to the foreground job (job control is not simulated)\n' : 'nano: standard output is not a terminal (the editor needs one)\n');
    return 1;
  }
  const name = args[0] ?? '';
  let text: string | undefined;
  let msg = name ? 'New File' : 'Welcome to nano.  For basic help, type Ctrl+G.';
  if (name) {
    const r = readText(p, absolutePath(p, name));
    if (r.dir) msg = `"${name}" is a directory`;
    else if (r.error) msg = `Error reading ${name}: ${r.error}`;
    else if (r.data !== undefined) {
      if (r.data.length > MAX_FILE_CHARS) {
        p.stderr.write(`nano: ${name}: files over ${MAX_FILE_CHARS} characters are not simulated\n`);
        return 1;
      }
      text = r.data;
      const n = r.data === '' ? 0 : r.data.split('\n').length - (r.data.endsWith('\n') ? 1 : 0);
      msg = `Read ${plural(n, 'line', 'lines')}`;
    }
  }
  const screen = new Screen(p, tty);
  try {
    return await new Nano(p, screen, name, text, msg).run();
  } finally {
    screen.end();
  }
}

register({
  name: 'nano',
  summary: 'edit a text file in the terminal (GNU nano: ^O write out, ^X exit, ^W where is, ^K cut, ^U paste)',
  usage: 'nano [FILE]',
  options: [{ flag: '-*, +LINE', desc: 'nano’s options', notSimulated: 'give only the file: nano FILE' }],
  run: nanoMain,
});
