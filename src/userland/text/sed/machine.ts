// The sed machine: pattern and hold space, addresses and ranges, and the
// cycle that runs the compiled commands over each input line (GNU sed 4.9's
// execute.c, in small pieces).

import type { Process } from '../../../kernel/proc.ts';
import { hostOf } from '../../coreutils/host.ts';
import type { Addr, Cmd, Rx } from './parser.ts';
import { type Input, Quit, RuntimeError, SPACE_LIMIT, STEP_BUDGET, expand, listLine } from './exec.ts';
import type { SedOutput } from './output.ts';

/** A `w` file (or /dev/stdout, /dev/stderr) the script writes to. */
export interface WFile {
  write(s: string): void;
}

/** What a command did to the flow of the cycle. */
type Flow = { pc: number; autoprint?: false };

export class SedMachine {
  ps = '';
  /** The current line ended with a newline. */
  nl = true;
  hold = '';
  lineNo = 0;
  private tflag = false;
  private append: ({ text: string } | { file: string })[] = [];
  private steps = 0;
  private lastRx: Rx | null = null;
  private serial = 0;
  /** `D` left text in the pattern space: the next cycle starts without reading. */
  private restart = false;
  private readonly p: Process;
  private readonly cmds: Cmd[];
  private readonly input: Input;
  private readonly out: SedOutput;
  private readonly wOut: Map<string, WFile>;
  private readonly opts: { quiet: boolean; separate: boolean; lineLen: number };

  constructor(p: Process, cmds: Cmd[], input: Input, out: SedOutput, wOut: Map<string, WFile>, opts: { quiet: boolean; separate: boolean; lineLen: number }) {
    this.p = p;
    this.cmds = cmds;
    this.input = input;
    this.out = out;
    this.wOut = wOut;
    this.opts = opts;
  }

  /** Run every cycle until the input ends (throws Quit, RuntimeError). */
  async run(): Promise<void> {
    for (let guard = 0; guard < 1e9; guard++) {
      if (!this.restart) {
        if (!(await this.readLine())) break;
        this.tflag = false;
      }
      this.restart = false;
      const autoprint = await this.runCommands();
      if (autoprint && !this.opts.quiet) this.out.emitLine(this.ps, this.nl);
      this.dumpAppend();
      this.out.flushSoon();
    }
  }

  /** One cycle's pass over the commands; false when the pattern space is not printed at its end. */
  private async runCommands(): Promise<boolean> {
    let pc = 0;
    let autoprint = true;
    while (pc < this.cmds.length) {
      if (++this.steps > STEP_BUDGET) throw new RuntimeError('step budget exhausted (endless loop?)');
      const c = this.cmds[pc];
      if (!(await this.selected(c))) {
        pc = c.name === '{' ? c.target! : pc + 1;
        continue;
      }
      const flow = await this.exec(c, pc + 1);
      pc = flow.pc;
      if (flow.autoprint === false) autoprint = false;
      if (this.ps.length > SPACE_LIMIT || this.hold.length > SPACE_LIMIT) throw new RuntimeError('pattern space too large');
    }
    return autoprint;
  }

  /** Execute one selected command; `next` is the following command's index. */
  private async exec(c: Cmd, next: number): Promise<Flow> {
    const end = this.cmds.length;
    switch (c.name) {
      case 'b':
        return { pc: c.target ?? end };
      case 't':
        if (!this.tflag) return { pc: next };
        this.tflag = false;
        return { pc: c.target ?? end };
      case 'T':
        if (!this.tflag) return { pc: c.target ?? end };
        this.tflag = false;
        return { pc: next };
      case 'c':
        if (c.state !== 'active') this.out.emit(c.text!);
        return { pc: end, autoprint: false };
      case 'd':
        return { pc: end, autoprint: false };
      case 'D':
        return this.deleteFirstLine();
      case 'n':
      case 'N':
        await this.nextLine(c.name === 'N');
        return { pc: next };
      case 'q':
        throw new Quit(c.int ?? 0, !this.opts.quiet);
      case 'Q':
        throw new Quit(c.int ?? 0, false);
    }
    if (!this.editSpace(c)) this.output(c);
    return { pc: next };
  }

  /** `D`: delete up to the first newline and start the next cycle without reading (or like `d` when there is none). */
  private deleteFirstLine(): Flow {
    const k = this.ps.indexOf('\n');
    if (k >= 0) {
      this.ps = this.ps.slice(k + 1);
      this.restart = true;
    }
    return { pc: this.cmds.length, autoprint: false };
  }

  /** `n` (print, then replace) and `N` (append) the next line; at the last line sed quits. */
  private async nextLine(append: boolean): Promise<void> {
    if (await this.input.isLast()) throw new Quit(0, !this.opts.quiet);
    const prev = this.ps;
    if (!append && !this.opts.quiet) this.out.emitLine(this.ps, this.nl);
    this.dumpAppend();
    await this.readLine();
    if (append) this.ps = prev + '\n' + this.ps;
  }

  /** Commands that change the pattern or hold space (g G h H x z s y); false for any other. */
  private editSpace(c: Cmd): boolean {
    switch (c.name) {
      case 'g':
        this.ps = this.hold;
        return true;
      case 'G':
        this.ps += '\n' + this.hold;
        return true;
      case 'h':
        this.hold = this.ps;
        return true;
      case 'H':
        this.hold += '\n' + this.ps;
        return true;
      case 'x':
        [this.ps, this.hold] = [this.hold, this.ps];
        return true;
      case 'z':
        this.ps = '';
        return true;
      case 's':
        if (this.subst(c)) {
          this.tflag = true;
          if (c.print) this.out.emitLine(this.ps, this.nl);
          if (c.file) this.wOut.get(c.file)?.write(this.ps + (this.nl ? '\n' : ''));
        }
        return true;
      case 'y': {
        let o = '';
        for (const ch of this.ps) o += c.map!.get(ch) ?? ch;
        this.ps = o;
        return true;
      }
    }
    return false;
  }

  /** Commands that write (= a i l L F p P r w W); `{ } : R` do nothing. */
  private output(c: Cmd): void {
    const firstLine = (): string => {
      const k = this.ps.indexOf('\n');
      return k >= 0 ? this.ps.slice(0, k) : this.ps;
    };
    switch (c.name) {
      case '=':
        return this.out.emit(`${this.lineNo}\n`);
      case 'a':
        return void this.append.push({ text: c.text! });
      case 'i':
        return this.out.emit(c.text!);
      case 'F':
        return this.out.emit(`${this.input.name}\n`);
      case 'l':
      case 'L':
        return this.out.emit(listLine(this.ps, c.int ?? this.opts.lineLen));
      case 'p':
        return this.out.emitLine(this.ps, this.nl);
      case 'P':
        return this.out.emitLine(firstLine(), true);
      case 'r':
        return void this.append.push({ file: c.file! });
      case 'w':
        return this.wOut.get(c.file!)?.write(this.ps + (this.nl ? '\n' : ''));
      case 'W':
        return this.wOut.get(c.file!)?.write(firstLine() + '\n');
    }
  }

  /** End of a cycle: the text of `a` and the files of `r`, in order (unreadable files are skipped). */
  dumpAppend(): void {
    const vfs = hostOf(this.p).vfs;
    for (const a of this.append) {
      if ('text' in a) this.out.emit(a.text);
      else {
        try {
          const t = vfs.readFile(a.file, this.p.vfsCtx());
          if (t) {
            this.out.emit(t);
            if (!t.endsWith('\n')) this.out.missing = true;
          }
        } catch {
          // unreadable r files are ignored
        }
      }
    }
    this.append = [];
  }

  private useRx(rx: Rx | null | undefined): Rx {
    const x = rx ?? this.lastRx;
    if (!x) throw new RuntimeError('no previous regular expression');
    this.lastRx = x;
    return x;
  }

  /** Read the next line into the pattern space; with -s/-i a new file restarts line numbers and ranges. */
  private async readLine(): Promise<boolean> {
    const l = await this.input.next();
    if (!l) return false;
    this.ps = l.text;
    this.nl = l.nl;
    if (this.opts.separate && this.input.serial !== this.serial) {
      if (this.serial !== 0) {
        this.lineNo = 0;
        for (const c of this.cmds) c.state = c.a1?.kind === 'line' && c.a1.n === 0 ? 'active' : 'inactive';
      }
      this.serial = this.input.serial;
    }
    this.lineNo++;
    return true;
  }

  private async matchAddr(a: Addr): Promise<boolean> {
    switch (a.kind) {
      case 'line':
        return this.lineNo === a.n;
      case 'last':
        return this.input.isLast();
      case 're': {
        const x = this.useRx(a.rx);
        x.re.lastIndex = 0;
        return x.re.test(this.ps);
      }
      case 'step':
        return a.step <= 0 ? this.lineNo === a.first : this.lineNo >= a.first && (this.lineNo - a.first) % a.step === 0;
      default:
        return false;
    }
  }

  /** Does the command apply to this line (its address or range, and `!`)? */
  private async selected(c: Cmd): Promise<boolean> {
    if (!c.a1) return true;
    if (!c.a2) return (await this.matchAddr(c.a1)) !== c.neg;
    let hit: boolean;
    if (c.state === 'active') {
      const a2 = c.a2;
      if (a2.kind === 'line' || a2.kind === 'plus' || a2.kind === 'mult') {
        const end = c.end;
        if (this.lineNo >= end) c.state = 'closed';
        hit = this.lineNo <= end;
        if (!hit) {
          // Past the end (e.g. line numbers restarted): re-test the start.
          c.state = 'inactive';
          return this.selected(c);
        }
      } else {
        if (await this.matchAddr(a2)) c.state = 'closed';
        hit = true;
      }
    } else {
      hit = await this.matchAddr(c.a1);
      if (hit) this.openRange(c, c.a2);
    }
    return hit !== c.neg;
  }

  /** The range's first line matched: where it ends (a line number, +N, ~N) or that it ends on a match of a2. */
  private openRange(c: Cmd, a2: Addr): void {
    const lineNo = this.lineNo;
    if (a2.kind === 'line') {
      if (a2.n > lineNo) {
        c.end = a2.n;
        c.state = 'active';
      } else c.state = 'closed';
    } else if (a2.kind === 'plus') {
      if (a2.n > 0) {
        c.end = lineNo + a2.n;
        c.state = 'active';
      } else c.state = 'closed';
    } else if (a2.kind === 'mult') {
      if (a2.n > 0 && lineNo % a2.n !== 0) {
        c.end = Math.ceil(lineNo / a2.n) * a2.n;
        c.state = 'active';
      } else c.state = 'closed';
    } else c.state = 'active';
  }

  /** `s`: replace the nth (or every, with g) match; empty matches right after a match are skipped as GNU does. */
  private subst(c: Cmd): boolean {
    const ps = this.ps;
    const re = this.useRx(c.rx).re;
    let out = '';
    let pos = 0;
    let count = 0;
    let prevEnd = -1;
    let did = false;
    for (let guard = 0; pos <= ps.length && guard < 10_000_000; guard++) {
      re.lastIndex = pos;
      const m = re.exec(ps);
      if (!m) break;
      const st = m.index;
      const en = st + m[0].length;
      if (st === en && st === prevEnd) {
        if (st >= ps.length) break;
        out += ps.slice(pos, st + 1);
        pos = st + 1;
        continue;
      }
      out += ps.slice(pos, st);
      count++;
      prevEnd = en;
      if (count >= c.nth!) {
        out += expand(c.repl!, m);
        did = true;
      } else out += m[0];
      if (did && !c.global) {
        pos = en;
        break;
      }
      if (st === en) {
        if (st < ps.length) out += ps[st];
        pos = st + 1;
      } else pos = en;
    }
    if (!did) return false;
    if (pos < ps.length) out += ps.slice(pos);
    this.ps = out;
    return true;
  }
}
