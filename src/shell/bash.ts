// The `bash` and `sh` programs: `bash -c CMD [ARG0 [ARGS]]`, `bash FILE`,
// commands on stdin, and an interactive shell when stdin is the terminal
// (which is how `ip netns exec red bash` enters a namespace: the nested shell
// runs in the calling process's namespace and `exit` or Ctrl-D returns).

import type { Process } from '../kernel/proc.ts';
import { hostOf, readAll } from '../userland/coreutils/host.ts';
import { Shell, type Dialect } from './interp.ts';
import { ExitNow, Interrupt, TopLevel, isLoginShell, procIo, type Completion, type FgOwner, type ShellTty } from './control.ts';
import { historyOf, promptText, ttyOf, type InteractiveOptions } from './login.ts';
import { ParseError, parse } from './parser.ts';
import { signalTrees } from './exec.ts';
import { complete } from './complete.ts';
import { KernelError } from '../kernel/errno.ts';

/** The prompt of an interactive shell: `root@host:~# `. */
export function promptOf(sh: Shell): string {
  return promptText(sh.host.hostname, sh.getVar('HOME') ?? '/root', sh.getVar('PWD') ?? sh.proc.cwd);
}

/** Tab completion at a login shell's first prompt, read before this module was in (login.ts): the shell it is about to become. */
export function completeFresh(p: Process, line: string, cursor: number): Completion | undefined {
  const tty = ttyOf(p);
  const sh = new Shell({ host: hostOf(p), proc: p, dialect: 'bash', interactive: true, arg0: p.argv[0], tty });
  return complete(sh, line, cursor);
}

/** Run the read-eval-print loop of an interactive shell until `exit`. */
export async function interactiveLoop(sh: Shell, tty: ShellTty, opts: InteractiveOptions = {}): Promise<number> {
  const io = procIo(sh.proc);
  for (let turn = 0; ; turn++) {
    sh.proc.pendingSignal = undefined;
    const note = sh.reportJobs();
    if (note) tty.write(note);
    const r = turn === 0 && opts.first ? opts.first : await tty.readLine({ prompt: promptOf(sh), history: sh.history, complete: (line, cur) => complete(sh, line, cur), record: true });
    // checkwinsize (on by default): LINES and COLUMNS follow the window, not exported.
    const size = tty as { rows?: number; cols: number };
    if (size.rows) {
      sh.setVar('LINES', String(size.rows));
      sh.setVar('COLUMNS', String(size.cols));
    }
    if (r.kind === 'eof') {
      if (opts.ignoreEof) {
        tty.write('Use "exit" to leave the shell.\n');
        continue;
      }
      tty.write(isLoginShell(sh.proc) ? 'logout\n' : 'exit\n');
      return sh.status;
    }
    if (r.kind === 'intr') {
      sh.status = 130;
      continue;
    }
    let text = r.line;
    // Continuation lines while the command is incomplete (open quote, trailing |, here-doc...).
    let cancelled = false;
    for (let more = 0; more < 1000; more++) {
      try {
        parse(text, { heredocEofOk: false });
        break;
      } catch (e) {
        if (!(e instanceof ParseError) || !e.incomplete) break;
      }
      const c = await tty.readLine({ prompt: '> ', history: sh.history, record: true });
      if (c.kind === 'intr') {
        cancelled = true;
        break;
      }
      if (c.kind === 'eof') {
        break;
      }
      text += '\n' + c.line;
    }
    if (cancelled) {
      sh.status = 130;
      continue;
    }
    if (text.trim() !== '' && !text.startsWith(' ') && sh.history[sh.history.length - 1] !== text) sh.history.push(text);
    if (text.trim() === '') continue;
    const owner: FgOwner = {
      procs: new Set(),
      interrupt: () => sh.markInterrupted(),
    };
    const restore = tty.foreground(owner);
    sh.setForeground(owner);
    let interrupted = false;
    try {
      sh.intr = false;
      await sh.runText(expandAliases(sh, text), io);
    } catch (e) {
      if (e instanceof ExitNow) {
        restore();
        sh.setForeground(undefined);
        return e.code;
      }
      if (e instanceof Interrupt) {
        interrupted = true;
        sh.status = 130;
      } else if (e instanceof KernelError) {
        tty.write(`bash: ${e.message}\n`);
        sh.status = 1;
      } else if (e instanceof Error) {
        tty.write(`bash: internal error: ${e.message.split('\n')[0]}\n`);
        sh.status = 1;
      } else if (e && typeof e === 'object' && 'code' in e) {
        sh.status = Number((e as { code: number }).code) || 0;
      } else {
        sh.status = 1;
      }
    } finally {
      sh.setForeground(undefined);
      restore();
      sh.intr = false;
    }
    if (interrupted) {
      // Whatever still runs of the interrupted job gets the signal too.
      signalTrees(sh.host, [...owner.procs], 'SIGINT');
      tty.write('\n');
    }
  }
}

/** Replace a leading alias (interactive shells only; a simple word-level form). */
function expandAliases(sh: Shell, text: string): string {
  const aliases = (sh as unknown as { history: string[] }).history ? aliasMap(sh) : undefined;
  if (!aliases || aliases.size === 0) return text;
  return text.replace(/(^|[;&|]\s*|\n)([A-Za-z0-9_.-]+)(?=\s|$)/g, (m, pre: string, word: string) => {
    const a = aliases.get(word);
    return a === undefined ? m : pre + a;
  });
}

import { aliasesOf } from './builtins.ts';
function aliasMap(sh: Shell): Map<string, string> {
  return aliasesOf(sh);
}

/** Main of `bash`/`sh`. */
export async function shellMain(p: Process, dialect: Dialect, opts: InteractiveOptions = {}): Promise<number> {
  const host = hostOf(p);
  const args = p.argv.slice(1);
  let command: string | undefined;
  let forceInteractive = false;
  const flags: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-c') {
      command = args[++i];
      if (command === undefined) {
        p.stderr.write(`${p.argv[0]}: -c: option requires an argument\n`);
        return 2;
      }
      continue;
    }
    if (a === '-i') {
      forceInteractive = true;
      continue;
    }
    if (a === '--norc' || a === '--noprofile' || a === '-l' || a === '--login' || a === '-s') continue;
    if (a === '--') {
      i++;
      break;
    }
    if (/^-[exuvf]+$/.test(a) || /^\+[exuvf]+$/.test(a)) {
      flags.push(a);
      continue;
    }
    if (a === '--version') {
      p.stdout.write('GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)\n');
      return 0;
    }
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(a)) {
      command = args[++i];
      continue;
    }
    break;
  }
  const rest = args.slice(i);
  const name = dialect === 'dash' ? 'sh' : 'bash';
  const applyFlags = (sh: Shell): void => {
    for (const f of flags) {
      const on = f[0] === '-';
      for (const c of f.slice(1)) {
        if (c === 'e') sh.opts.errexit = on;
        if (c === 'x') sh.opts.xtrace = on;
        if (c === 'u') sh.opts.nounset = on;
        if (c === 'f') sh.opts.noglob = on;
      }
    }
  };
  const run = async (sh: Shell, text: string, execLast: boolean): Promise<number> => {
    applyFlags(sh);
    let code: number;
    try {
      code = await sh.runText(text, procIo(p), execLast);
    } catch (e) {
      if (e instanceof ExitNow) code = e.code;
      else if (e instanceof Interrupt) code = 130;
      else if (e instanceof TopLevel) code = e.code;
      else throw e;
    }
    return sh.finish(code);
  };
  if (command !== undefined) {
    const sh = new Shell({ host, proc: p, dialect, arg0: rest[0] ?? name, args: rest.slice(1), source: '-c' });
    sh.oneshot = true;
    return run(sh, command, true);
  }
  if (rest.length > 0) {
    const file = rest[0];
    let text: string;
    try {
      text = host.vfs.readFile(file, p.vfsCtx());
    } catch (e) {
      const msg = e instanceof KernelError ? e.message : 'No such file or directory';
      p.stderr.write(dialect === 'dash' ? `${name}: 0: cannot open ${file}: No such file\n` : `${name}: ${file}: ${msg}\n`);
      return 127;
    }
    const sh = new Shell({ host, proc: p, dialect, arg0: file, args: rest.slice(1), source: file });
    return run(sh, text, false);
  }
  const tty = ttyOf(p);
  if (tty || forceInteractive) {
    if (tty) {
      const sh = new Shell({ host, proc: p, dialect, interactive: true, arg0: p.argv[0], tty, history: historyOf(tty, host) });
      applyFlags(sh);
      let code: number;
      try {
        code = await interactiveLoop(sh, tty, opts);
      } catch (e) {
        if (e instanceof ExitNow) code = e.code;
        else throw e;
      }
      return sh.finish(code);
    }
  }
  // Commands from stdin.
  const text = await readAll(p);
  const sh = new Shell({ host, proc: p, dialect, arg0: name, source: name === 'sh' ? 'sh' : '-c' });
  return run(sh, text, false);
}

void signalTrees;
