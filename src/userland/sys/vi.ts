// vi / vim in the terminal: a vim-tiny-like subset. Messages recorded on
// Debian 12 with vim 9.0.1378 (`vim -u NONE -N`, 80x24;
// src/userland/sys/goldens/tui/screens.txt): `"g.txt" 3L, 17B` on opening,
// `"h.txt" [New]` for a new file, `"g.txt" 3L, 18B written`, `-- INSERT --`,
// `E492: Not an editor command: foo`, `E37: No write since last change (add
// ! to override)`, `E486: Pattern not found: zzz`, `search hit BOTTOM,
// continuing at TOP`, `--No lines in buffer--`, `Already at oldest change`,
// and for Ctrl-C `Type  :qa  and press <Enter> to exit Vim`.
//
// Normal mode: h j k l and arrows, 0 ^ $, gg G (with a count: 5G), w b,
// i a I A o O, x X, dd yy p P (counts: 3dd), u (bounded), J, /RE ?RE n N,
// ZZ ZQ, : commands w [FILE], q, q!, wq, x, wq!, w!, qa, qa!, NUMBER.
// Anything else rings the bell.

import { register, refuseNotSimulated } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import { TextBuf, searchRegex } from './textbuf.ts';
import { absolutePath, BELL, CLEAR, cup, displayCol, displayLine, MAX_FILE_CHARS, readText, Screen, SHOW_CURSOR, HIDE_CURSOR, terminalOf, TTY_RESIZE, writeText } from './tui.ts';

/** The vi editor on an open terminal. */
export class Vi {
  buf: TextBuf;
  name: string;
  private top = 0;
  private msg = '';
  private insert = false;
  private yank: { lines: string[] } | undefined;
  private lastSearch: { pat: string; dir: 1 | -1 } | undefined;
  private readonly screen: Screen;
  private readonly p: Process;
  /** The file was new when opened (for the `[New]` of the first write). */
  private isNew: boolean;

  constructor(p: Process, screen: Screen, name: string, text: string | undefined, msg: string) {
    this.p = p;
    this.screen = screen;
    this.name = name;
    this.isNew = text === undefined;
    // vim's buffer has no line for the final newline.
    const t = text ?? '';
    this.buf = new TextBuf(t.endsWith('\n') ? t.slice(0, -1) : t);
    this.msg = msg;
  }

  private get textRows(): number {
    return Math.max(1, this.screen.rows - 1);
  }

  draw(cmdline?: string): void {
    const { cols, rows } = this.screen;
    const b = this.buf;
    if (b.r < this.top) this.top = b.r;
    if (b.r >= this.top + this.textRows) this.top = b.r - this.textRows + 1;
    let out = HIDE_CURSOR + CLEAR;
    for (let i = 0; i < this.textRows; i++) {
      const li = this.top + i;
      const d = li < b.lines.length ? displayLine(b.lines[li]!) : '~';
      out += cup(i, 0) + (d.length > cols ? d.slice(0, cols - 1) + '>' : d);
    }
    const bottom = cmdline ?? (this.insert ? '-- INSERT --' : this.msg);
    out += cup(rows - 1, 0) + bottom.slice(0, cols - 1);
    if (cmdline !== undefined) out += cup(rows - 1, Math.min(cols - 1, cmdline.length));
    else {
      const cc = this.insert ? displayCol(b.line, b.c) : b.line.length ? displayCol(b.line, b.c) + (b.line[b.c] === '\t' ? displayLine(b.line.slice(0, b.c + 1)).length - displayCol(b.line, b.c) - 1 : 0) : 0;
      out += cup(b.r - this.top, Math.min(cols - 1, cc));
    }
    this.screen.write(out + SHOW_CURSOR);
  }

  private normalCol(): void {
    const b = this.buf;
    b.c = Math.max(0, Math.min(b.c, b.line.length - 1));
  }

  private async cmdline(lead: string): Promise<string | null> {
    let s = '';
    for (;;) {
      this.draw(lead + s);
      const k = await this.screen.keys.next();
      if (k === null) return null;
      if (k === TTY_RESIZE) continue;
      if (k === '\x1b' || k === '\x03') return null;
      if (k === '\r') return s;
      if (k === '\x7f') {
        if (s === '') return null;
        s = s.slice(0, -1);
      } else if (k.length === 1 && k >= ' ' && s.length < 4096) s += k;
      else if (k.startsWith('\x1b') && k.length === 2) return null;
    }
  }

  private write(file: string | undefined, force: boolean): boolean {
    const name = file || this.name;
    if (!name) {
      this.msg = 'E32: No file name';
      return false;
    }
    void force;
    const b = this.buf;
    const data = b.lines.length === 1 && b.lines[0] === '' ? '' : b.text() + '\n';
    const path = absolutePath(this.p, name);
    const existed = readText(this.p, path).data !== undefined;
    const err = writeText(this.p, path, data);
    if (err) {
      this.msg = `"${name}" E212: Can't open file for writing`;
      return false;
    }
    const nl = data === '' ? 0 : b.lines.length;
    this.msg = `"${name}" ${existed ? '' : '[New] '}${nl}L, ${data.length}B written`;
    if (!file || file === this.name || !this.name) {
      this.name = name;
      b.modified = false;
      this.isNew = false;
    }
    return true;
  }

  /** An Ex command; 'quit' when vi should exit. */
  private ex(cmd: string): 'quit' | undefined {
    const c = cmd.trim();
    if (c === '') return undefined;
    if (/^\d+$/.test(c)) {
      this.buf.r = Math.max(0, Math.min(this.buf.lines.length - 1, Number(c) - 1));
      this.buf.c = 0;
      return undefined;
    }
    const m = /^(w|write|q|quit|wq|x|xit|exit|qa|qall|wqa|xa)(!?)(?:\s+(\S+))?$/.exec(c);
    if (!m) {
      this.msg = `E492: Not an editor command: ${c}`;
      return undefined;
    }
    const [, verb, bang, file] = m;
    const b = this.buf;
    if (verb === 'w' || verb === 'write') {
      this.write(file, bang === '!');
      return undefined;
    }
    if (verb === 'q' || verb === 'quit' || verb === 'qa' || verb === 'qall') {
      if (b.modified && !bang) {
        this.msg = 'E37: No write since last change (add ! to override)';
        return undefined;
      }
      return 'quit';
    }
    // wq, x: x writes only when modified.
    if ((verb === 'x' || verb === 'xit' || verb === 'exit' || verb === 'xa') && !b.modified && !file) return 'quit';
    return this.write(file, bang === '!') ? 'quit' : undefined;
  }

  private search(pat: string, dir: 1 | -1): void {
    let re: RegExp;
    try {
      re = searchRegex(pat, false);
    } catch {
      this.msg = `E486: Pattern not found: ${pat}`;
      return;
    }
    const hit = this.buf.find(re, dir);
    if (!hit) {
      this.msg = `E486: Pattern not found: ${pat}`;
      return;
    }
    this.msg = hit.wrapped ? (dir === 1 ? 'search hit BOTTOM, continuing at TOP' : 'search hit TOP, continuing at BOTTOM') : (dir === 1 ? '/' : '?') + pat;
    this.buf.r = hit.r;
    this.buf.c = this.buf.want = hit.c;
  }

  private deleteLines(n: number): void {
    const b = this.buf;
    b.snapshot();
    const k = Math.min(n, b.lines.length - b.r);
    this.yank = { lines: b.lines.slice(b.r, b.r + k) };
    b.lines.splice(b.r, k);
    if (b.lines.length === 0) {
      b.lines.push('');
      this.msg = '--No lines in buffer--';
    } else if (k >= 3) this.msg = `${k} fewer lines`;
    b.r = Math.min(b.r, b.lines.length - 1);
    b.c = 0;
    b.modified = true;
    this.firstNonBlank();
  }

  private firstNonBlank(): void {
    const b = this.buf;
    const m = /^\s*/.exec(b.line)![0].length;
    b.c = b.want = Math.min(m, Math.max(0, b.line.length - 1));
  }

  private wordMove(dir: 1 | -1): void {
    const b = this.buf;
    const cls = (ch: string | undefined) => (ch === undefined || /\s/.test(ch) ? 0 : /\w/.test(ch) ? 1 : 2);
    let { r, c } = b;
    const at = () => b.lines[r]![c];
    const step = (): boolean => {
      if (dir === 1) {
        if (c < b.lines[r]!.length - 1) c++;
        else if (r < b.lines.length - 1) {
          r++;
          c = 0;
          return true;
        } else return false;
      } else if (c > 0) c--;
      else if (r > 0) {
        r--;
        c = Math.max(0, b.lines[r]!.length - 1);
        return true;
      } else return false;
      return true;
    };
    if (dir === 1) {
      const start = cls(at());
      let moved = true;
      while (moved && cls(at()) === start && start !== 0) {
        const r0 = r;
        moved = step();
        if (r !== r0) break;
      }
      while (moved && cls(at()) === 0 && b.lines[r]!.length > 0) moved = step();
    } else {
      step();
      while (cls(at()) === 0 && (r > 0 || c > 0)) step();
      const k = cls(at());
      while (c > 0 && cls(b.lines[r]![c - 1]) === k) c--;
    }
    b.r = r;
    b.c = b.want = c;
  }

  private async insertMode(): Promise<boolean> {
    const b = this.buf;
    this.insert = true;
    this.draw();
    for (;;) {
      const k = await this.screen.keys.next();
      if (k === null) return false;
      if (k === TTY_RESIZE) {
        this.draw();
        continue;
      }
      if (k === '\x1b' || k === '\x03') break;
      if (k.startsWith('\x1b') && k.length === 2) {
        // Esc typed with the next key: leave insert mode, then that key.
        this.screen.keys.unread([k[1]!]);
        break;
      }
      let ok = true;
      switch (k) {
        case '\r':
          ok = b.newline();
          break;
        case '\x7f':
          ok = b.backspace();
          break;
        case '\x1b[3~':
          ok = b.del();
          break;
        case '\x1b[D':
          ok = b.left();
          break;
        case '\x1b[C':
          ok = b.right();
          break;
        case '\x1b[A':
          b.move(-1);
          break;
        case '\x1b[B':
          b.move(1);
          break;
        case '\x1b[H':
          b.c = b.want = 0;
          break;
        case '\x1b[F':
          b.c = b.want = b.line.length;
          break;
        default:
          if (k === '\t' || (k.length === 1 && k >= ' ') || (k.length === 2 && k.codePointAt(0)! > 0xffff)) ok = b.insert(k);
          else ok = false;
      }
      if (!ok) this.screen.write(BELL);
      this.draw();
    }
    this.insert = false;
    this.msg = '';
    b.left();
    this.normalCol();
    return true;
  }

  /** Run until :q and friends; the exit status. */
  async run(): Promise<number> {
    const b = this.buf;
    let count = '';
    let pending = '';
    this.draw();
    for (;;) {
      let k = await this.screen.keys.next();
      if (k === null) return 1;
      if (k === TTY_RESIZE) {
        this.draw();
        continue;
      }
      if (k.startsWith('\x1b') && k.length === 2) {
        this.screen.keys.unread([k[1]!]);
        k = '\x1b';
      }
      if (/^[1-9]$/.test(k) || (k === '0' && count !== '')) {
        if (count.length < 6) count += k;
        continue;
      }
      const n = Math.max(1, Number(count || '1'));
      const hadCount = count !== '';
      count = '';
      const two = pending + k;
      pending = '';
      let bell = false;
      switch (two) {
        case 'd':
        case 'y':
        case 'g':
        case 'Z':
          pending = two;
          continue;
        case 'dd':
          this.deleteLines(n);
          break;
        case 'yy': {
          this.yank = { lines: b.lines.slice(b.r, b.r + n) };
          if (this.yank.lines.length >= 3) this.msg = `${this.yank.lines.length} lines yanked`;
          break;
        }
        case 'gg':
          b.r = hadCount ? Math.min(b.lines.length, n) - 1 : 0;
          this.firstNonBlank();
          break;
        case 'ZZ':
          if (this.ex('x') === 'quit') return 0;
          break;
        case 'ZQ':
          return 0;
        case 'G':
          b.r = hadCount ? Math.min(b.lines.length, n) - 1 : b.lines.length - 1;
          this.firstNonBlank();
          break;
        case 'h':
        case '\x1b[D':
        case '\x7f':
          for (let i = 0; i < n; i++) bell = !b.left() || bell;
          break;
        case 'l':
        case ' ':
        case '\x1b[C':
          for (let i = 0; i < n; i++) bell = !b.right(Math.max(0, b.line.length - 1)) || bell;
          break;
        case 'j':
        case '\x1b[B':
        case '\x0e':
          if (b.r + 1 >= b.lines.length) bell = true;
          else b.move(n, false);
          break;
        case 'k':
        case '\x1b[A':
        case '\x10':
          if (b.r === 0) bell = true;
          else b.move(-n, false);
          break;
        case '\r':
        case '+':
          if (b.r + 1 >= b.lines.length) bell = true;
          else {
            b.r = Math.min(b.lines.length - 1, b.r + n);
            this.firstNonBlank();
          }
          break;
        case '-':
          if (b.r === 0) bell = true;
          else {
            b.r = Math.max(0, b.r - n);
            this.firstNonBlank();
          }
          break;
        case '0':
        case '\x1b[H':
          b.c = b.want = 0;
          break;
        case '^':
          this.firstNonBlank();
          break;
        case '$':
        case '\x1b[F':
          b.c = Math.max(0, b.line.length - 1);
          b.want = Number.MAX_SAFE_INTEGER;
          break;
        case 'w':
          for (let i = 0; i < n; i++) this.wordMove(1);
          break;
        case 'b':
          for (let i = 0; i < n; i++) this.wordMove(-1);
          break;
        case 'x':
        case '\x1b[3~':
          if (!b.line.length) bell = true;
          else {
            b.snapshot();
            const take = b.line.slice(b.c, b.c + n);
            b.lines[b.r] = b.line.slice(0, b.c) + b.line.slice(b.c + n);
            void take;
            b.modified = true;
            this.normalCol();
          }
          break;
        case 'X':
          if (b.c === 0) bell = true;
          else {
            b.snapshot();
            const from = Math.max(0, b.c - n);
            b.lines[b.r] = b.line.slice(0, from) + b.line.slice(b.c);
            b.c = from;
            b.modified = true;
          }
          break;
        case 'J':
          if (b.r + 1 >= b.lines.length) bell = true;
          else {
            b.snapshot();
            const next = b.lines[b.r + 1]!.replace(/^\s+/, '');
            const cur = b.line.replace(/\s+$/, '');
            b.lines.splice(b.r, 2, cur + (next && cur ? ' ' : '') + next);
            b.c = cur.length;
            b.modified = true;
          }
          break;
        case 'p':
        case 'P':
          if (!this.yank) bell = true;
          else {
            b.snapshot();
            const add: string[] = [];
            for (let i = 0; i < n && add.length < 100_000; i++) add.push(...this.yank.lines);
            if (b.size() + add.join('\n').length > MAX_FILE_CHARS) bell = true;
            else {
              const at = two === 'p' ? b.r + 1 : b.r;
              b.lines.splice(at, 0, ...add);
              b.r = at;
              b.modified = true;
              if (add.length >= 3) this.msg = `${add.length} more lines`;
              this.firstNonBlank();
            }
          }
          break;
        case 'u':
          if (!b.restore()) this.msg = 'Already at oldest change';
          else {
            this.normalCol();
            this.msg = '';
          }
          break;
        case 'i':
        case 'a':
        case 'I':
        case 'A':
        case 'o':
        case 'O':
          b.snapshot();
          if (two === 'a' && b.line.length) b.c++;
          if (two === 'A') b.c = b.line.length;
          if (two === 'I') this.firstNonBlank();
          if (two === 'o' || two === 'O') {
            b.lines.splice(two === 'o' ? b.r + 1 : b.r, 0, '');
            if (two === 'o') b.r++;
            b.c = 0;
            b.modified = true;
          }
          if (!(await this.insertMode())) return 1;
          break;
        case ':': {
          const c = await this.cmdline(':');
          if (c === null) {
            this.msg = '';
            break;
          }
          if (this.ex(c) === 'quit') return 0;
          this.normalCol();
          break;
        }
        case '/':
        case '?': {
          const dir = two === '/' ? 1 : -1;
          const c = await this.cmdline(two);
          if (c === null) {
            this.msg = '';
            break;
          }
          const pat = c || this.lastSearch?.pat;
          if (!pat) {
            this.msg = 'E35: No previous regular expression';
            break;
          }
          this.lastSearch = { pat, dir };
          this.search(pat, dir);
          break;
        }
        case 'n':
        case 'N':
          if (!this.lastSearch) this.msg = 'E35: No previous regular expression';
          else this.search(this.lastSearch.pat, (two === 'n' ? this.lastSearch.dir : -this.lastSearch.dir) as 1 | -1);
          break;
        case '\x03':
          this.msg = 'Type  :qa  and press <Enter> to exit Vim';
          break;
        case '\x0c':
          break;
        default:
          bell = true;
      }
      if (bell) this.screen.write(BELL);
      this.draw();
    }
  }
}

async function viMain(p: Process): Promise<number> {
  const tool = p.argv[0]!.slice(p.argv[0]!.lastIndexOf('/') + 1);
  const args = p.argv.slice(1);
  const opt = args.find((a) => a.length > 1 && (a.startsWith('-') || a.startsWith('+')));
  if (opt) return refuseNotSimulated(p, tool, opt);
  if (args.length > 1) return refuseNotSimulated(p, tool, 'several files');
  const tty = (await terminalOf(p));
  if (!tty) {
    p.stderr.write(p.stdout.isTTY ? `${tool}: the terminal belongs to the foreground job (job control is not simulated)\n` : `Vim: Warning: Output is not to a terminal\n${tool}: the simulated editor needs a terminal\n`);
    return 1;
  }
  const name = args[0] ?? '';
  let text: string | undefined;
  let msg = '';
  if (name) {
    const r = readText(p, absolutePath(p, name));
    if (r.dir) msg = `"${name}" is a directory`;
    else if (r.error) msg = `"${name}" [Permission Denied]`;
    else if (r.data === undefined) msg = `"${name}" [New]`;
    else {
      if (r.data.length > MAX_FILE_CHARS) {
        p.stderr.write(`${tool}: ${name}: files over ${MAX_FILE_CHARS} characters are not simulated\n`);
        return 1;
      }
      text = r.data;
      const lines = r.data === '' ? 0 : r.data.split('\n').length - (r.data.endsWith('\n') ? 1 : 0);
      msg = `"${name}" ${r.data !== '' && !r.data.endsWith('\n') ? '[noeol] ' : ''}${lines}L, ${r.data.length}B`;
    }
  }
  const screen = new Screen(p, tty);
  try {
    return await new Vi(p, screen, name, text, msg).run();
  } finally {
    screen.end();
  }
}

for (const name of ['vi', 'vim']) {
  register({
    name,
    summary: 'edit a text file in the terminal (a vim-tiny-like subset: i a o, x dd yy p, h j k l, /search, :w :q :wq :q!)',
    usage: `${name} [FILE]`,
    options: [{ flag: '-*, +LINE', desc: `${name}'s options`, notSimulated: `give only the file: ${name} FILE` }],
    run: viMain,
  });
}
