// awk on the command line: options (-F, -v, -f), program text, inputs and exit statuses.

import type { Process } from '../../../kernel/proc.ts';
import { hostOf, readLines } from '../../coreutils/host.ts';
import { errMsg } from '../../coreutils/util.ts';
import { RegexBudgetError } from '../../lib/safe-regex.ts';
import { AwkArray, strnum, toNum, toStrC, type V } from './values.ts';
import { AwkSyntaxError, escape } from './lexer.ts';
import { parseProgram, type Program } from './parser.ts';
import { AwkRuntimeError, ExitSignal, Interp, NextFileSignal, NextSignal } from './interp.ts';

/** Run mawk; returns the exit status. */
export async function awkMain(p: Process): Promise<number> {
  const prog0 = p.argv[0].slice(p.argv[0].lastIndexOf('/') + 1) || 'awk';
  const args = p.argv.slice(1);
  const assigns: [string, string][] = [];
  let fs: string | undefined;
  let src: string | undefined;
  const progFiles: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const opt = a[1];
    const val = (): string | undefined => (a.length > 2 ? a.slice(2) : args[++i]);
    if (opt === 'F') {
      const v = val();
      if (v === undefined) return usage(p, prog0, `option requires an argument -- F`);
      fs = v;
    } else if (opt === 'v') {
      const v = val();
      if (v === undefined) return usage(p, prog0, `option requires an argument -- v`);
      const eq = v.indexOf('=');
      if (eq < 1) {
        p.stderr.write(`${prog0}: improper assignment: -v ${v}\n`);
        return 2;
      }
      assigns.push([v.slice(0, eq), v.slice(eq + 1)]);
    } else if (opt === 'f') {
      const v = val();
      if (v === undefined) return usage(p, prog0, `option requires an argument -- f`);
      progFiles.push(v);
    } else if (opt === 'W') {
      const v = val() ?? '';
      if (v.startsWith('v')) {
        p.stdout.write('mawk 1.3.4 20200120\nCopyright 2008-2019,2020, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\nrandom-funcs:       srandom/random\nregex-funcs:        internal\ncompiled limits:\nsprintf buffer      8192\nmaximum-integer     2147483647\n');
        return 0;
      }
    } else {
      p.stderr.write(`${prog0}: not an option: ${a}\n`);
      return 2;
    }
  }
  if (progFiles.length) {
    src = '';
    for (const f of progFiles) {
      try {
        src += (f === '-' ? '' : hostOf(p).vfs.readFile(f, p.vfsCtx())) + '\n';
      } catch (e) {
        p.stderr.write(`${prog0}: cannot open ${f} (${errMsg(e)})\n`);
        return 2;
      }
    }
  } else {
    src = args[i++];
    if (src === undefined) {
      p.stderr.write(`usage: ${prog0} [-F value] [-v var=value] [--] 'program text' [file ...]\nusage: ${prog0} [-F value] [-v var=value] [-f program-file] [--] [file ...]\n`);
      return 2;
    }
  }
  const operands = args.slice(i);
  let program: Program;
  try {
    program = parseProgram(src);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    p.stderr.write(`${prog0}: line ${e.line}: ${e.message.replace(/\0/g, `${prog0}: `)}\n`);
    return 2;
  }
  const it = new Interp(p, program);
  const unesc = (s: string): string => {
    let o = '';
    for (let k = 0; k < s.length; k++) {
      if (s[k] === '\\') {
        const r = escape(s, k + 1);
        o += r[0];
        k = r[1] - 1;
      } else o += s[k];
    }
    return o;
  };
  if (fs !== undefined) it.globals.set('FS', unesc(fs === 't' ? '\t' : fs));
  for (const [k, v] of assigns) it.globals.set(k, strnum(unesc(v)));
  const argv = new AwkArray();
  argv.set(0, prog0, '%.6g');
  operands.forEach((o, k) => argv.set(k + 1, strnum(o), '%.6g'));
  it.globals.set('ARGV', argv);
  it.globals.set('ARGC', operands.length + 1);
  let exitCode = 0;
  const runtime = (e: AwkRuntimeError): number => {
    it.flush();
    const nr = toStrC(it.globals.get('NR') as V, '%.6g');
    const fnr = toStrC(it.globals.get('FNR') as V, '%.6g');
    p.stderr.write(`${prog0}: run time error: ${e.message}\n\tFILENAME="${toStrC(it.globals.get('FILENAME') as V, '%.6g')}" FNR=${fnr} NR=${nr}\n`);
    return 2;
  };
  const begins = program.rules.filter((r) => r.kind === 'begin');
  const ends = program.rules.filter((r) => r.kind === 'end');
  const mains = program.rules.filter((r) => r.kind === 'main');
  let exiting = false;
  try {
    for (const r of begins) it.execBlock(r.body!);
  } catch (x) {
    if (x instanceof ExitSignal) {
      exiting = true;
      if (x.code >= 0) exitCode = x.code;
    } else if (x instanceof AwkRuntimeError) return runtime(x);
      else if (x instanceof RegexBudgetError) return runtime(new AwkRuntimeError(x.message));
    else if (x instanceof NextSignal || x instanceof NextFileSignal) {
      p.stderr.write(`${prog0}: line 1: improper use of next\n`);
      return 2;
    } else throw x;
  }
  if (!exiting && (mains.length || ends.length)) {
    // Input: file operands (var=value assignments between them) or stdin.
    const sources: string[] = [];
    for (let k = 0; k < operands.length; k++) sources.push(operands[k]);
    let usedFile = false;
    const runFile = async (name: string, lines: AsyncIterable<string> | Iterable<string>): Promise<boolean> => {
      it.globals.set('FILENAME', name === '-' ? (usedFile ? '-' : '') : name);
      it.globals.set('FNR', 0);
      for await (const raw of lines) {
        if (p.pendingSignal) return false;
        const line = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
        it.globals.set('NR', toNum(it.globals.get('NR') as V) + 1);
        it.globals.set('FNR', toNum(it.globals.get('FNR') as V) + 1);
        it.setRecord(line);
        try {
          for (let ri = 0; ri < mains.length; ri++) {
            const r = mains[ri];
            let hit: boolean;
            if (r.range) {
              if (!it.rangeActive[ri]) {
                hit = it.truth(it.eval(r.pattern!));
                if (hit) it.rangeActive[ri] = !it.truth(it.eval(r.range));
              } else {
                hit = true;
                if (it.truth(it.eval(r.range))) it.rangeActive[ri] = false;
              }
            } else hit = !r.pattern || it.truth(it.eval(r.pattern));
            if (!hit) continue;
            if (r.body) it.execBlock(r.body);
            else it.write(it.record + it.str(it.scalar('ORS')));
          }
        } catch (x) {
          if (x instanceof NextSignal) continue;
          if (x instanceof NextFileSignal) break;
          throw x;
        }
        if (it.out.length > 0 && !p.stdout.isTTY) {
          // mawk block-buffers a pipe; flush at a line boundary now and then so pipelines stream.
          if (it.out.length > 4096) it.flush();
        } else it.flush();
      }
      return true;
    };
    try {
      let any = false;
      for (const s of sources) {
        const eq = /^[A-Za-z_][A-Za-z0-9_]*=/.exec(s);
        if (eq) {
          it.globals.set(s.slice(0, eq[0].length - 1), strnum(unesc(s.slice(eq[0].length))));
          continue;
        }
        if (s === '') continue;
        any = true;
        if (s === '-' || s === '/dev/stdin') {
          usedFile = true;
          if (!(await runFile(s, readLines(p)))) break;
          continue;
        }
        let text: string;
        try {
          text = hostOf(p).vfs.readFile(s, p.vfsCtx());
        } catch (e) {
          it.flush();
          p.stderr.write(`${prog0}: cannot open ${s} (${errMsg(e)})\n`);
          exitCode = 2;
          break;
        }
        const lines = text.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        if (!(await runFile(s, lines))) break;
      }
      if (!any && exitCode === 0) await runFile('-', readLines(p));
    } catch (x) {
      if (x instanceof ExitSignal) {
        if (x.code >= 0) exitCode = x.code;
      } else if (x instanceof AwkRuntimeError) return runtime(x);
      else if (x instanceof RegexBudgetError) return runtime(new AwkRuntimeError(x.message));
      else throw x;
    }
  }
  if (exitCode !== 2 || ends.length)
    try {
      for (const r of ends) it.execBlock(r.body!);
    } catch (x) {
      if (x instanceof ExitSignal) {
        if (x.code >= 0) exitCode = x.code;
      } else if (x instanceof AwkRuntimeError) return runtime(x);
      else if (x instanceof RegexBudgetError) return runtime(new AwkRuntimeError(x.message));
      else if (!(x instanceof NextSignal)) throw x;
    }
  it.flush();
  return exitCode;
}

export function usage(p: Process, prog: string, msg: string): number {
  p.stderr.write(`${prog}: ${msg}\n`);
  return 2;
}
