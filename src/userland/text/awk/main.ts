// awk on the command line: options (-F, -v, -f), program text, inputs and exit statuses.

import type { Process } from '../../../kernel/proc.ts';
import { hostOf, readLines } from '../../coreutils/host.ts';
import { errMsg } from '../../coreutils/util.ts';
import { RegexBudgetError } from '../../lib/safe-regex.ts';
import { AwkArray, strnum, toNum, toStrC, type V } from './values.ts';
import { AwkSyntaxError, escape } from './lexer.ts';
import { parseProgram, type Program, type Rule } from './parser.ts';
import { AwkRuntimeError, ExitSignal, Interp, NextFileSignal, NextSignal } from './interp.ts';

/** mawk's command line, parsed: options, then the operands after them. */
interface Options {
  fs?: string;
  /** -v assignments, in order. */
  assigns: [string, string][];
  /** -f program files. */
  progFiles: string[];
  /** The arguments after the options: the program text (without -f), then the input operands. */
  rest: string[];
}

/** Run mawk; returns the exit status. */
export async function awkMain(p: Process): Promise<number> {
  const prog0 = p.argv[0].slice(p.argv[0].lastIndexOf('/') + 1) || 'awk';
  const o = parseArgs(p, prog0, p.argv.slice(1));
  if (typeof o === 'number') return o;
  const text = programText(p, prog0, o);
  if (typeof text === 'number') return text;
  let program: Program;
  try {
    program = parseProgram(text.src);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    p.stderr.write(`${prog0}: line ${e.line}: ${e.message.replace(/\0/g, `${prog0}: `)}\n`);
    return 2;
  }
  return new AwkRun(p, prog0, program, o, text.operands).run();
}

/** Parse the options; a number is the exit status when mawk stops here (a bad option, -W version). */
function parseArgs(p: Process, prog0: string, args: string[]): Options | number {
  const o: Options = { assigns: [], progFiles: [], rest: [] };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const opt = a[1];
    // The option's value: the rest of this argument, or the next one.
    const v = 'Ffv'.includes(opt) || opt === 'W' ? (a.length > 2 ? a.slice(2) : args[++i]) : undefined;
    if (opt === 'W') {
      if ((v ?? '').startsWith('v')) return version(p);
      continue;
    }
    if (!'Ffv'.includes(opt)) {
      p.stderr.write(`${prog0}: not an option: ${a}\n`);
      return 2;
    }
    if (v === undefined) return usage(p, prog0, `option requires an argument -- ${opt}`);
    if (opt === 'F') o.fs = v;
    else if (opt === 'f') o.progFiles.push(v);
    else {
      const eq = v.indexOf('=');
      if (eq < 1) {
        p.stderr.write(`${prog0}: improper assignment: -v ${v}\n`);
        return 2;
      }
      o.assigns.push([v.slice(0, eq), v.slice(eq + 1)]);
    }
  }
  o.rest = args.slice(i);
  return o;
}

function version(p: Process): number {
  p.stdout.write('mawk 1.3.4 20200120\nCopyright 2008-2019,2020, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\nrandom-funcs:       srandom/random\nregex-funcs:        internal\ncompiled limits:\nsprintf buffer      8192\nmaximum-integer     2147483647\n');
  return 0;
}

/** The program text (the -f files, or the first operand) and the input operands; or an exit status (reported). */
function programText(p: Process, prog0: string, o: Options): { src: string; operands: string[] } | number {
  if (!o.progFiles.length) {
    const [src, ...operands] = o.rest;
    if (src !== undefined) return { src, operands };
    p.stderr.write(`usage: ${prog0} [-F value] [-v var=value] [--] 'program text' [file ...]\nusage: ${prog0} [-F value] [-v var=value] [-f program-file] [--] [file ...]\n`);
    return 2;
  }
  let src = '';
  for (const f of o.progFiles) {
    try {
      src += (f === '-' ? '' : hostOf(p).vfs.readFile(f, p.vfsCtx())) + '\n';
    } catch (e) {
      p.stderr.write(`${prog0}: cannot open ${f} (${errMsg(e)})\n`);
      return 2;
    }
  }
  return { src, operands: o.rest };
}

/** Backslash escapes in -v values, -F and operand assignments, as in string constants. */
function unesc(s: string): string {
  let o = '';
  for (let k = 0; k < s.length; k++) {
    if (s[k] === '\\') {
      const r = escape(s, k + 1);
      o += r[0];
      k = r[1] - 1;
    } else o += s[k];
  }
  return o;
}

/** One run of a parsed program: BEGIN, the input records, END. */
class AwkRun {
  private readonly p: Process;
  private readonly prog0: string;
  private readonly it: Interp;
  private readonly operands: string[];
  private readonly begins: Rule[];
  private readonly mains: Rule[];
  private readonly ends: Rule[];
  private exitCode = 0;
  /** Has `-` (stdin) been named as an operand? (FILENAME is then "-".) */
  private usedFile = false;

  constructor(p: Process, prog0: string, program: Program, o: Options, operands: string[]) {
    this.p = p;
    this.prog0 = prog0;
    this.operands = operands;
    this.begins = program.rules.filter((r) => r.kind === 'begin');
    this.ends = program.rules.filter((r) => r.kind === 'end');
    this.mains = program.rules.filter((r) => r.kind === 'main');
    const it = (this.it = new Interp(p, program));
    if (o.fs !== undefined) it.globals.set('FS', unesc(o.fs === 't' ? '\t' : o.fs));
    for (const [k, v] of o.assigns) it.globals.set(k, strnum(unesc(v)));
    const argv = new AwkArray();
    argv.set(0, prog0, '%.6g');
    operands.forEach((op, k) => argv.set(k + 1, strnum(op), '%.6g'));
    it.globals.set('ARGV', argv);
    it.globals.set('ARGC', operands.length + 1);
  }

  async run(): Promise<number> {
    let exiting = false;
    try {
      for (const r of this.begins) this.it.execBlock(r.body!);
    } catch (x) {
      if (x instanceof NextSignal || x instanceof NextFileSignal) {
        this.p.stderr.write(`${this.prog0}: line 1: improper use of next\n`);
        return 2;
      }
      exiting = x instanceof ExitSignal;
      const st = this.stopped(x);
      if (st !== undefined) return st;
    }
    if (!exiting && (this.mains.length || this.ends.length)) {
      try {
        // Input: file operands (var=value assignments between them) or stdin.
        let any = false;
        for (const s of this.operands) {
          const input = this.input(s);
          if (input === undefined) continue;
          any = true;
          if (input === false || !(await this.runFile(s, input))) break;
        }
        if (!any && this.exitCode === 0) await this.runFile('-', readLines(this.p));
      } catch (x) {
        const st = this.stopped(x);
        if (st !== undefined) return st;
      }
    }
    return this.end();
  }

  /** The END rules; the exit status. */
  private end(): number {
    if (this.exitCode !== 2 || this.ends.length)
      try {
        for (const r of this.ends) this.it.execBlock(r.body!);
      } catch (x) {
        const st = x instanceof NextSignal ? undefined : this.stopped(x);
        if (st !== undefined) return st;
      }
    this.it.flush();
    return this.exitCode;
  }

  /**
   * An operand's lines; undefined for an assignment (made now) or an empty
   * operand; false when the file cannot be read (reported, status 2).
   */
  private input(s: string): AsyncIterable<string> | string[] | false | undefined {
    const eq = /^[A-Za-z_][A-Za-z0-9_]*=/.exec(s);
    if (eq) {
      this.it.globals.set(s.slice(0, eq[0].length - 1), strnum(unesc(s.slice(eq[0].length))));
      return undefined;
    }
    if (s === '') return undefined;
    if (s === '-' || s === '/dev/stdin') {
      this.usedFile = true;
      return readLines(this.p);
    }
    let text: string;
    try {
      text = hostOf(this.p).vfs.readFile(s, this.p.vfsCtx());
    } catch (e) {
      this.it.flush();
      this.p.stderr.write(`${this.prog0}: cannot open ${s} (${errMsg(e)})\n`);
      this.exitCode = 2;
      return false;
    }
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return lines;
  }

  /** After a throw out of the program: `exit` records its code (undefined: go on); a run-time error is reported (its status). */
  private stopped(x: unknown): number | undefined {
    if (x instanceof ExitSignal) {
      if (x.code >= 0) this.exitCode = x.code;
      return undefined;
    }
    if (x instanceof RegexBudgetError) x = new AwkRuntimeError(x.message);
    if (!(x instanceof AwkRuntimeError)) throw x;
    const it = this.it;
    it.flush();
    const nr = toStrC(it.globals.get('NR') as V, '%.6g');
    const fnr = toStrC(it.globals.get('FNR') as V, '%.6g');
    this.p.stderr.write(`${this.prog0}: run time error: ${x.message}\n\tFILENAME="${toStrC(it.globals.get('FILENAME') as V, '%.6g')}" FNR=${fnr} NR=${nr}\n`);
    return 2;
  }

  /** Each line of one input through the main rules; false when a signal stops the run. */
  private async runFile(name: string, lines: AsyncIterable<string> | Iterable<string>): Promise<boolean> {
    const it = this.it;
    it.globals.set('FILENAME', name === '-' ? (this.usedFile ? '-' : '') : name);
    it.globals.set('FNR', 0);
    for await (const raw of lines) {
      if (this.p.pendingSignal) return false;
      const line = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
      it.globals.set('NR', toNum(it.globals.get('NR') as V) + 1);
      it.globals.set('FNR', toNum(it.globals.get('FNR') as V) + 1);
      it.setRecord(line);
      try {
        this.record();
      } catch (x) {
        if (x instanceof NextSignal) continue;
        if (x instanceof NextFileSignal) break;
        throw x;
      }
      if (it.out.length > 0 && !this.p.stdout.isTTY) {
        // mawk block-buffers a pipe; flush at a line boundary now and then so pipelines stream.
        if (it.out.length > 4096) it.flush();
      } else it.flush();
    }
    return true;
  }

  /** The main rules on the current record: each whose pattern (or range) selects it runs. */
  private record(): void {
    const it = this.it;
    for (let ri = 0; ri < this.mains.length; ri++) {
      const r = this.mains[ri];
      if (!this.selects(r, ri)) continue;
      if (r.body) it.execBlock(r.body);
      else it.write(it.record + it.str(it.scalar('ORS')));
    }
  }

  /** Does rule `ri`'s pattern select the record? A range `p1, p2` stays on from a p1 record through the next p2 record. */
  private selects(r: Rule, ri: number): boolean {
    const it = this.it;
    if (!r.range) return !r.pattern || it.truth(it.eval(r.pattern));
    if (it.rangeActive[ri]) {
      if (it.truth(it.eval(r.range))) it.rangeActive[ri] = false;
      return true;
    }
    const hit = it.truth(it.eval(r.pattern!));
    if (hit) it.rangeActive[ri] = !it.truth(it.eval(r.range));
    return hit;
  }
}

export function usage(p: Process, prog: string, msg: string): number {
  p.stderr.write(`${prog}: ${msg}\n`);
  return 2;
}
