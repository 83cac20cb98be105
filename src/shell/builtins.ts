// Shell builtins: commands that must run inside the shell process (cd,
// export, exit...) or that bash provides itself (echo, printf, test).
// Each takes the shell, argv (argv[0] is the name) and the command's fds,
// and returns the exit status. Messages are bash's, byte for byte.

import type { Shell, Job } from './interp.ts';
import { ReadonlyVar } from './interp.ts';
import { printFunction } from './print-bash.ts';
import { ExitNow, LoopCtl, ReturnNow, ioIn, ioOut, isLoginShell, type Io } from './control.ts';
import { formatEcho } from '../userland/coreutils/echo.ts';
import { formatPrintf, writeParts } from '../userland/coreutils/printf.ts';
import { evalTest, type TestFs } from '../userland/coreutils/test.ts';
import { KernelError } from '../kernel/errno.ts';
import { WriteError } from '../userland/coreutils/host.ts';
import { splitPath, joinPath } from '../kernel/vfs.ts';
import { SIGNUM, type Signal } from '../kernel/proc.ts';
import { sendSignal, processTree, scriptCommand } from './exec.ts';
import { evalArith, ArithError } from './arith.ts';
import { declareNotSimulated, notSimulatedMessage, NOT_SIMULATED_STATUS } from '../userland/registry.ts';

/** A builtin command. */
export type Builtin = (sh: Shell, argv: string[], io: Io) => Promise<number> | number;

/** Reserved words (`type` reports them as keywords). */
export const KEYWORDS = ['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc'];

function err(sh: Shell, io: Io, msg: string): void {
  sh.diag(io, msg);
}

/** Write to stdout, turning a refused write into bash's `write error` message. */
function out(sh: Shell, io: Io, name: string, text: string): number {
  try {
    ioOut(io, 1).write(text);
    return 0;
  } catch (e) {
    if (e instanceof WriteError || e instanceof KernelError) {
      err(sh, io, `${name}: write error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

function numArg(sh: Shell, io: Io, name: string, s: string | undefined, dflt: number): number | undefined {
  if (s === undefined) return dflt;
  if (!/^[+-]?\d+$/.test(s.trim())) {
    err(sh, io, `${name}: ${s}: numeric argument required`);
    return undefined;
  }
  return Number(s);
}

function quoteValue(v: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]*$/.test(v) && v !== '') return v;
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

const SIG_BY_NAME: Record<string, Signal> = { HUP: 'SIGHUP', INT: 'SIGINT', KILL: 'SIGKILL', TERM: 'SIGTERM', '1': 'SIGHUP', '2': 'SIGINT', '9': 'SIGKILL', '15': 'SIGTERM' };
const ALL_SIGNALS = ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGKILL', 'SIGUSR1', 'SIGSEGV', 'SIGUSR2', 'SIGPIPE', 'SIGALRM', 'SIGTERM', 'SIGSTKFLT', 'SIGCHLD', 'SIGCONT', 'SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGURG', 'SIGXCPU', 'SIGXFSZ', 'SIGVTALRM', 'SIGPROF', 'SIGWINCH', 'SIGIO', 'SIGPWR', 'SIGSYS'];

/** Parse a signal spec (`INT`, `SIGINT`, `2`); undefined if unknown. */
export function parseSignal(spec: string): Signal | undefined {
  const s = spec.toUpperCase().replace(/^SIG/, '');
  return SIG_BY_NAME[s];
}

function findJob(sh: Shell, spec: string): Job | undefined {
  const jobs = sh.jobs;
  if (spec === '%%' || spec === '%+' || spec === '%') return jobs[jobs.length - 1];
  if (spec === '%-') return jobs[jobs.length - 2];
  const n = Number(spec.slice(1));
  if (Number.isInteger(n)) return jobs.find((j) => j.id === n);
  return jobs.find((j) => j.cmd.startsWith(spec.slice(1)));
}

const WAIT_USAGE = 'wait: usage: wait [-fn] [-p var] [id ...]\n';

/**
 * `wait [-fn] [-p var] [id ...]`. Without -n: every job (status 0), or each
 * id in turn (the last one's status). With -n: the next of the jobs (or of
 * the ids) to finish, which leaves the job table (its status stays for
 * `wait PID`); 127 when there is none. -p names a variable for the pid whose
 * status is returned; -f changes nothing without job control.
 */
async function waitBuiltin(sh: Shell, argv: string[], io: Io): Promise<number> {
  if (sh.dialect === 'dash') return waitDash(sh, argv, io);
  let next = false;
  let pvar: string | undefined;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!/^-./.test(a)) break;
    for (let k = 1; k < a.length; k++) {
      const c = a[k];
      if (c === 'n') next = true;
      else if (c === 'f') continue;
      else if (c === 'p') {
        pvar = a.slice(k + 1) || argv[++i];
        if (pvar === undefined) {
          err(sh, io, 'wait: -p: option requires an argument');
          ioOut(io, 2).write(WAIT_USAGE);
          return 2;
        }
        break;
      } else {
        err(sh, io, `wait: -${c}: invalid option`);
        ioOut(io, 2).write(WAIT_USAGE);
        return 2;
      }
    }
  }
  const ids = argv.slice(i);
  const setPid = (pid: number | undefined): void => {
    if (pvar === undefined || sh.vars.get(pvar)?.readonly) return;
    if (pid === undefined) sh.vars.delete(pvar);
    else sh.setVar(pvar, String(pid));
  };
  setPid(undefined);
  const jobOf = (a: string): Job | undefined => (a.startsWith('%') ? findJob(sh, a) : sh.jobs.find((x) => x.procs.some((p) => String(p.pid) === a)));
  if (next) {
    const cands: Job[] = [];
    for (const a of ids) {
      const j = jobOf(a);
      if (j) cands.push(j);
      else err(sh, io, `wait: ${a}: no such job`);
    }
    if (!ids.length) cands.push(...sh.jobs);
    if (!cands.length) return 127;
    const j = await sh.waitAny(cands);
    if (!j) return 128 + 2;
    sh.jobs = sh.jobs.filter((x) => x !== j);
    sh.keepStatus(j);
    setPid(j.procs[j.procs.length - 1].pid);
    return j.status;
  }
  if (ids.length === 0) {
    for (const j of [...sh.jobs]) await sh.waitJob(j);
    sh.jobs = sh.jobs.filter((j) => !j.done);
    // Waiting for every job forgets the statuses kept for `wait PID` too.
    sh.reaped.clear();
    return 0;
  }
  let st = 0;
  for (const a of ids) {
    const j = jobOf(a);
    const saved = /^\d+$/.test(a) ? sh.reaped.get(Number(a)) : undefined;
    if (!j && saved !== undefined) {
      st = saved;
      setPid(Number(a));
      continue;
    }
    if (!j) {
      if (a.startsWith('%')) err(sh, io, `wait: ${a}: no such job`);
      else err(sh, io, `wait: pid ${a} is not a child of this shell`);
      setPid(undefined);
      st = 127;
      continue;
    }
    st = await sh.waitJob(j);
    setPid(j.procs[j.procs.length - 1].pid);
  }
  return st;
}

/** dash's `wait [id ...]`: no options; an unknown pid is 127 without a word, an unknown job an error. */
async function waitDash(sh: Shell, argv: string[], io: Io): Promise<number> {
  const first = argv[1] ?? '';
  if (/^-./.test(first) && first !== '--') {
    err(sh, io, `wait: Illegal option ${first.slice(0, 2)}`);
    return 2;
  }
  const ids = argv.slice(first === '--' ? 2 : 1);
  if (!ids.length) {
    for (const j of [...sh.jobs]) await sh.waitJob(j);
    sh.jobs = sh.jobs.filter((j) => !j.done);
    return 0;
  }
  let st = 0;
  for (const a of ids) {
    if (!a.startsWith('%') && !/^\d+$/.test(a)) {
      err(sh, io, `wait: Illegal number: ${a}`);
      return 2;
    }
    const j = a.startsWith('%') ? findJob(sh, a) : sh.jobs.find((x) => x.procs.some((p) => String(p.pid) === a));
    if (!j && a.startsWith('%')) {
      err(sh, io, `wait: No such job: ${a}`);
      return 2;
    }
    st = j ? await sh.waitJob(j) : 127;
  }
  return st;
}

async function cd(sh: Shell, argv: string[], io: Io): Promise<number> {
  const args = argv.slice(1).filter((a, i) => !(i === 0 && (a === '-L' || a === '-P' || a === '--')));
  if (args.length > 1) {
    err(sh, io, 'cd: too many arguments');
    return 1;
  }
  let target: string | undefined = args[0];
  let print = false;
  if (target === undefined) {
    target = sh.getVar('HOME');
    if (target === undefined) {
      err(sh, io, 'cd: HOME not set');
      return 1;
    }
  } else if (target === '-') {
    const old = sh.getVar('OLDPWD');
    if (!old) {
      err(sh, io, 'cd: OLDPWD not set');
      return 1;
    }
    target = old;
    print = true;
  }
  if (target === '') return 0;
  const cur = sh.getVar('PWD') ?? sh.proc.cwd;
  const logical = joinPath(splitPath(target, target.startsWith('/') ? '/' : cur));
  try {
    const node = sh.host.vfs.lookup(logical, { ...sh.proc.vfsCtx(), cwd: '/' });
    if (node.kind !== 'dir' && node.kind !== 'gendir') throw new KernelError('ENOTDIR');
  } catch (e) {
    const msg = e instanceof KernelError ? e.message : 'No such file or directory';
    if (sh.dialect === 'dash') err(sh, io, `cd: can't cd to ${target}`);
    else err(sh, io, `cd: ${target}: ${msg}`);
    return sh.dialect === 'dash' ? 2 : 1;
  }
  sh.setVar('OLDPWD', cur);
  sh.setVar('PWD', logical);
  sh.proc.cwd = logical;
  if (print) return out(sh, io, 'cd', logical + '\n');
  return 0;
}

/** Option letters and usage lines of the declaration builtins (bash 5.2). */
const EXPORTLIKE_OPTS: Record<string, { letters: string; usage: string }> = {
  export: { letters: 'fnp', usage: 'export [-fn] [name[=value] ...] or export -p' },
  readonly: { letters: 'aAfp', usage: 'readonly [-aAf] [name[=value] ...] or readonly -p' },
  declare: { letters: 'aAfFgiIlnrtuxp', usage: 'declare [-aAfFgiIlnrtux] [name[=value] ...] or declare -p [-aAfFilnrtux] [name ...]' },
  typeset: { letters: 'aAfFgiIlnrtuxp', usage: 'typeset [-aAfFgiIlnrtux] name[=value] ... or typeset -p [-aAfFilnrtux] [name ...]' },
  local: { letters: 'aAfFgiIlnrtuxp', usage: 'local [option] name[=value] ...' },
};

/**
 * Attribute letters the simulation honours, per builtin: `x` export, `r`
 * readonly, `p` print, `F` function names, and export's `n` (un-export).
 * The rest (arrays, integers, case folding, namerefs, traces, `-g`,
 * printing function bodies with `-f`) is refused as not simulated.
 */
const HONOURED: Record<string, string> = { export: 'np', readonly: 'p', declare: 'xrpfF', typeset: 'xrpfF', local: 'xrp' };

declareNotSimulated({ tool: 'declare', kind: 'option', item: '-a -A -g -i -I -l -n -t -u, and -f with attributes', why: 'variables are plain strings with the export (-x) and readonly (-r) attributes; -p, -f and -F print them' });
declareNotSimulated({ tool: 'typeset', kind: 'option', item: '-a -A -g -i -I -l -n -t -u, and -f with attributes', why: 'as declare' });
declareNotSimulated({ tool: 'local', kind: 'option', item: '-a -A -f -g -i -I -l -n -t -u', why: 'as declare' });
declareNotSimulated({ tool: 'readonly', kind: 'option', item: '-a -A -f', why: 'no arrays, and function bodies are not printed' });
declareNotSimulated({ tool: 'export', kind: 'option', item: '-f', why: 'functions are not passed to child processes' });

/** Every function's definition as `declare -f` and `set` print them. */
function functionDefs(sh: Shell, names = [...sh.funcs.keys()].sort()): string {
  return names.map((f) => `${printFunction(f, sh.funcs.get(f)!)}\n`).join('');
}

/** Variables with a value, then functions: what `set` and a bare `declare` print. */
function setListing(sh: Shell): string {
  const names = [...sh.vars.keys()].filter((k) => !sh.vars.get(k)!.unset).sort();
  return names.map((k) => `${k}=${quoteValue(sh.vars.get(k)!.value)}\n`).join('') + (sh.dialect === 'dash' ? '' : functionDefs(sh));
}

/** `type f` of a function: bash prints the definition, dash only names it. */
function functionType(sh: Shell, a: string): string {
  return sh.dialect === 'dash' ? `${a} is a shell function\n` : `${a} is a function\n${printFunction(a, sh.funcs.get(a)!)}\n`;
}

/** bash's double-quoted value as `declare -p` prints it. */
const dq = (v: string): string => `"${v.replace(/(["\\$`])/g, '\\$1')}"`;
/** dash's single-quoted value as `export -p` / `readonly -p` print it. */
const sq = (v: string): string => `'${v.replace(/'/g, `'"'"'`)}'`;

/** One variable as `declare -p` (bash) or `export -p`/`readonly -p` (dash) prints it. */
function declLine(sh: Shell, name: string, builtin: string): string {
  const v = sh.vars.get(name)!;
  if (sh.dialect === 'dash') return `${builtin} ${name}${v.unset ? '' : `=${sq(v.value)}`}\n`;
  const flags = `${v.readonly ? 'r' : ''}${v.exported ? 'x' : ''}` || '-';
  return `declare -${flags} ${name}${v.unset ? '' : `=${dq(v.value)}`}\n`;
}

function exportLike(sh: Shell, argv: string[], io: Io): number {
  const name = argv[0];
  let args = argv.slice(1);
  const spec = EXPORTLIKE_OPTS[name]!;
  const on = new Set<string>();
  const off = new Set<string>();
  while (args[0] && /^[-+][a-zA-Z]+$/.test(args[0])) {
    const bad = [...args[0].slice(1)].find((c) => !spec.letters.includes(c));
    if (bad) {
      err(sh, io, `${name}: ${args[0][0]}${bad}: invalid option`);
      ioOut(io, 2).write(`${name}: usage: ${spec.usage}\n`);
      return 2;
    }
    for (const c of args[0].slice(1)) (args[0][0] === '-' ? on : off).add(c);
    args = args.slice(1);
  }
  if (args[0] === '--') args = args.slice(1);
  const refused = [...on, ...off].find((c) => !HONOURED[name]!.includes(c));
  if (refused) {
    ioOut(io, 2).write(notSimulatedMessage(name, `-${refused}`));
    return NOT_SIMULATED_STATUS;
  }
  if (name === 'local' && !sh.inFunction) {
    err(sh, io, 'local: can only be used in a function');
    return 1;
  }
  if (name === 'export' || name === 'readonly') on.add(name === 'export' ? (on.has('n') ? '' : 'x') : 'r');
  if (name === 'export' && on.has('n')) off.add('x');

  // declare -F: function names only; -f: their definitions (with no other attribute to set).
  if (on.has('f') && !on.has('F')) {
    const attr = [...on, ...off].find((c) => c !== 'f' && c !== 'p');
    if (attr) {
      ioOut(io, 2).write(notSimulatedMessage(name, `-f -${attr}`));
      return NOT_SIMULATED_STATUS;
    }
    if (args.length === 0) return out(sh, io, name, functionDefs(sh));
    return out(sh, io, name, functionDefs(sh, args.filter((a) => sh.funcs.has(a)))) || (args.every((a) => sh.funcs.has(a)) ? 0 : 1);
  }
  if (on.has('F')) {
    if (args.length === 0) return out(sh, io, name, [...sh.funcs.keys()].sort().map((f) => `declare -f ${f}\n`).join(''));
    let text = '';
    for (const a of args) if (sh.funcs.has(a)) text += `${a}\n`;
    return out(sh, io, name, text) || (args.every((a) => sh.funcs.has(a)) ? 0 : 1);
  }
  // No names (or -p alone): list. export and readonly list their own; declare lists every variable.
  if (args.length === 0) {
    const keep = (v: { exported: boolean; readonly?: boolean }): boolean => (on.has('x') ? v.exported : true) && (on.has('r') ? !!v.readonly : true);
    // A bare `declare` prints what `set` prints.
    if (name !== 'export' && name !== 'readonly' && on.size === 0 && off.size === 0) return out(sh, io, name, setListing(sh));
    const names = [...sh.vars.keys()].filter((k) => keep(sh.vars.get(k)!)).sort();
    return out(sh, io, name, names.map((k) => declLine(sh, k, name)).join(''));
  }
  if (on.has('p')) {
    let text = '';
    let st = 0;
    for (const a of args) {
      if (sh.vars.has(a)) text += declLine(sh, a, name);
      else {
        ioOut(io, 1).write(text);
        text = '';
        err(sh, io, `${name}: ${a}: not found`);
        st = 1;
      }
    }
    return out(sh, io, name, text) || st;
  }
  let st = 0;
  for (const a of args) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?=)?([\s\S]*)$/.exec(a);
    if (!m) {
      err(sh, io, `${name}: \`${a}': not a valid identifier`);
      st = 1;
      continue;
    }
    const [, k, eq, val] = m as unknown as [string, string, string | undefined, string];
    if (name === 'local') {
      try {
        sh.makeLocal(k);
      } catch (e) {
        if (!(e instanceof ReadonlyVar)) throw e;
        err(sh, io, `local: ${k}: readonly variable`);
        st = 1;
        continue;
      }
    }
    const cur = sh.vars.get(k);
    if (cur?.readonly && (eq || off.has('r'))) {
      // export reports like an assignment; declare and typeset name themselves.
      err(sh, io, name === 'export' || name === 'readonly' ? `${k}: readonly variable` : `${name}: ${k}: readonly variable`);
      // The value stays; the export attribute still changes (`export z=9` on a readonly z exports it).
      if (on.has('x')) cur.exported = true;
      if (off.has('x')) cur.exported = false;
      st = 1;
      continue;
    }
    const v = cur ?? { value: '', exported: false, unset: true };
    if (eq) {
      v.value = eq === '+=' ? (cur && !cur.unset ? cur.value : '') + val : val;
      v.unset = false;
    }
    if (on.has('x')) v.exported = true;
    if (off.has('x')) v.exported = false;
    if (on.has('r')) v.readonly = true;
    sh.vars.set(k, v);
  }
  return st;
}

/** Signals bash knows by name and number (Linux x86-64), for `trap`'s messages. */
const TRAP_SIGNALS = ['HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS'];

declareNotSimulated({ tool: 'trap', kind: 'option', item: '-l, DEBUG, RETURN and signal traps (INT, TERM, HUP…)', why: 'EXIT and ERR traps run; signals keep their default action' });

/** A trap condition as bash names it in listings (`EXIT`, `ERR`, `SIGINT`), or undefined when it is not one. */
function trapCondition(spec: string): string | undefined {
  const u = spec.toUpperCase();
  if (u === 'EXIT' || spec === '0') return 'EXIT';
  if (u === 'ERR' || u === 'DEBUG' || u === 'RETURN') return u;
  const name = u.startsWith('SIG') ? u.slice(3) : u;
  if (TRAP_SIGNALS.includes(name)) return `SIG${name}`;
  if (/^\d+$/.test(spec) && Number(spec) >= 1 && Number(spec) <= TRAP_SIGNALS.length) return `SIG${TRAP_SIGNALS[Number(spec) - 1]}`;
  return undefined;
}

/**
 * bash's `trap`: EXIT and ERR actions are kept and run (Shell.finish, the
 * ERR check after a failed command); listing, `-p` and resetting with `-`
 * work; signal, DEBUG and RETURN traps are refused as not simulated.
 */
function trapBuiltin(sh: Shell, argv: string[], io: Io): number {
  let args = argv.slice(1);
  const list = (names: string[]): string => names.filter((n) => sh.traps.has(n)).map((n) => `trap -- '${sh.traps.get(n)!.replace(/'/g, `'\\''`)}' ${n}\n`).join('');
  if (args[0] === '-l') {
    ioOut(io, 2).write(notSimulatedMessage('trap', '-l'));
    return NOT_SIMULATED_STATUS;
  }
  if (args.length === 0) return out(sh, io, 'trap', list(['EXIT', 'ERR']));
  if (args[0] === '-p') {
    const specs = args.slice(1);
    if (!specs.length) return out(sh, io, 'trap', list(['EXIT', 'ERR']));
    let st = 0;
    const names: string[] = [];
    for (const a of specs) {
      const c = trapCondition(a);
      if (c) names.push(c);
      else {
        err(sh, io, `trap: ${a}: invalid signal specification`);
        st = 1;
      }
    }
    return out(sh, io, 'trap', list(names)) || st;
  }
  if (args[0] === '--') args = args.slice(1);
  // One argument, or a first argument that is a signal number, resets (`trap INT`, `trap 0 1`).
  let action: string | undefined = args[0];
  if (args.length === 1 || /^\d+$/.test(args[0]!)) action = '-';
  else args = args.slice(1);
  let st = 0;
  for (const a of args) {
    const c = trapCondition(a);
    if (!c) {
      err(sh, io, `trap: ${a}: invalid signal specification`);
      st = 1;
      continue;
    }
    if (c !== 'EXIT' && c !== 'ERR') {
      ioOut(io, 2).write(notSimulatedMessage('trap', c));
      st = NOT_SIMULATED_STATUS;
      continue;
    }
    if (action === '-') sh.traps.delete(c);
    else sh.traps.set(c, action!);
  }
  return st;
}

/** POSIX special builtins, which dash's `type` names as such. */
const DASH_SPECIAL = new Set(['.', ':', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'times', 'trap', 'unset']);

function typeOf(sh: Shell, name: string): { kind: 'alias' | 'keyword' | 'function' | 'builtin' | 'file'; path?: string } | undefined {
  if (KEYWORDS.includes(name)) return { kind: 'keyword' };
  if (sh.funcs.has(name)) return { kind: 'function' };
  if (BUILTINS[name] && !(sh.dialect === 'dash' && bashOnlyBuiltin(name))) return { kind: 'builtin' };
  const path = sh.programFor(name);
  if (path) return { kind: 'file', path };
  return undefined;
}

declareNotSimulated({ tool: 'read', kind: 'option', item: '-s -e -a -t -n -N -d -i -u', why: 'read takes one line from standard input, with -r and -p' });

async function readBuiltin(sh: Shell, argv: string[], io: Io): Promise<number> {
  let raw = false;
  let prompt = '';
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-r') raw = true;
    else if (a === '-p') prompt = argv[++i] ?? '';
    else if (/^-[seatndiuN]/.test(a)) {
      // Timeouts, counts, delimiters, arrays, silent and readline input are not modelled.
      ioOut(io, 2).write(notSimulatedMessage('read', a.slice(0, 2)));
      return NOT_SIMULATED_STATUS;
    } else names.push(a);
  }
  if (prompt && ioIn(io).isTTY) ioOut(io, 2).write(prompt);
  let line = await sh.readLine(ioIn(io));
  const eof = line === null;
  line = line ?? '';
  if (!raw) {
    // Backslash-newline continues; a backslash quotes the next character.
    line = line.replace(/\\(.)/g, '$1').replace(/\\$/, '');
  }
  try {
    if (names.length === 0) names.push('REPLY');
    if (names.length === 1 && names[0] === 'REPLY') sh.setVar('REPLY', line);
    else {
      const ifs = sh.getVar('IFS') ?? ' \t\n';
      const ws = [...ifs].filter((c) => /\s/.test(c)).join('');
      let rest = line.replace(new RegExp(`^[${escapeClass(ws)}]+`), '');
      for (let i = 0; i < names.length; i++) {
        if (i === names.length - 1) {
          sh.setVar(names[i], rest.replace(new RegExp(`[${escapeClass(ws)}]+$`), ''));
          break;
        }
        const m = new RegExp(`^([^${escapeClass(ifs)}]*)[${escapeClass(ifs)}]?[${escapeClass(ws)}]*`).exec(rest);
        const word = m ? m[1] : rest;
        sh.setVar(names[i], word);
        rest = m ? rest.slice(m[0].length) : '';
      }
    }
  } catch (e) {
    if (!(e instanceof ReadonlyVar)) throw e;
    err(sh, io, e.message);
    return 1;
  }
  return eof ? 1 : 0;
}

function escapeClass(s: string): string {
  return s.replace(/[\\\]^-]/g, '\\$&').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}

/** Signal names by number as bash 5.2 lists them on Linux (1-31, 34-64). */
const SIGNAL_NAMES: string[] = (() => {
  const a: string[] = [];
  ALL_SIGNALS.forEach((n, i) => (a[i + 1] = n));
  a[34] = 'SIGRTMIN';
  for (let i = 1; i <= 15; i++) a[34 + i] = `SIGRTMIN+${i}`;
  for (let i = 14; i >= 1; i--) a[64 - i] = `SIGRTMAX-${i}`;
  a[64] = 'SIGRTMAX';
  return a;
})();

/** bash's decode_signal: a number or a name (any case, SIG optional); undefined when invalid. */
function decodeSignal(spec: string): number | undefined {
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    return n === 0 || SIGNAL_NAMES[n] ? n : undefined;
  }
  const up = spec.toUpperCase();
  for (let n = 1; n < SIGNAL_NAMES.length; n++) {
    const name = SIGNAL_NAMES[n];
    if (name && (up === name || up === name.slice(3))) return n;
  }
  return undefined;
}

/** The kernel signal a number delivers (signals the simulator does not model terminate as SIGTERM does). */
function deliverable(n: number): Signal {
  const byNum: Record<number, Signal> = { 1: 'SIGHUP', 2: 'SIGINT', 9: 'SIGKILL', 13: 'SIGPIPE', 15: 'SIGTERM' };
  return byNum[n] ?? 'SIGTERM';
}

const KILL_USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]';

/** bash's kill builtin (kill.def of bash 5.2). */
async function killBuiltin(sh: Shell, argv: string[], io: Io): Promise<number> {
  // Non-interactive bash names the line: `bash: line 1: kill: ...`.
  const kerr = (msg: string): void => {
    if (sh.dialect === 'bash' && !sh.interactive && sh.source === '-c') ioOut(io, 2).write(`${sh.arg0 === 'sh' ? 'sh' : 'bash'}: line ${sh.getVar('LINENO') || 1}: ${msg}\n`);
    else err(sh, io, msg);
  };
  const usage = (): number => {
    ioOut(io, 2).write(KILL_USAGE + '\n');
    return 2;
  };
  let list = argv.slice(1);
  let listing = false;
  let sig: number | undefined = 15;
  let sigspec = 'TERM';
  let saw = false;
  while (list.length) {
    const w = list[0];
    if (w === '-l' || w === '-L') {
      listing = true;
      list = list.slice(1);
    } else if (w === '-s' || w === '-n') {
      if (list.length < 2) {
        kerr(`kill: ${w}: option requires an argument`);
        return 1;
      }
      sigspec = list[1];
      sig = decodeSignal(sigspec);
      saw = true;
      list = list.slice(2);
    } else if (/^-s[A-Za-z]/.test(w)) {
      sigspec = w.slice(2);
      sig = decodeSignal(sigspec);
      saw = true;
      list = list.slice(1);
    } else if (w === '--') {
      list = list.slice(1);
      break;
    } else if (w === '-?') return usage();
    else if (w.startsWith('-') && w.length > 1 && !saw) {
      sigspec = w.slice(1);
      sig = decodeSignal(sigspec);
      saw = true;
      list = list.slice(1);
    } else break;
  }
  if (listing) {
    if (!list.length) {
      let text = '';
      let col = 0;
      SIGNAL_NAMES.forEach((name, n) => {
        if (!name) return;
        text += `${String(n).padStart(2)}) ${name}`;
        col++;
        text += col % 5 === 0 ? '\n' : '\t';
      });
      if (col % 5 !== 0) text += '\n';
      return out(sh, io, 'kill', text);
    }
    let st = 0;
    let text = '';
    for (const a of list) {
      if (/^-?\d+$/.test(a)) {
        let n = Number(a);
        if (n > 128) n -= 128;
        if (n === 0) text += 'EXIT\n';
        else if (n < 0 || !SIGNAL_NAMES[n]) {
          kerr(`kill: ${a}: invalid signal specification`);
          st = 1;
        } else text += SIGNAL_NAMES[n].slice(3) + '\n';
      } else {
        const n = decodeSignal(a);
        if (n === undefined) {
          kerr(`kill: ${a}: invalid signal specification`);
          st = 1;
        } else text += `${n}\n`;
      }
    }
    return out(sh, io, 'kill', text) || st;
  }
  if (!list.length) return usage();
  if (sig === undefined) {
    kerr(`kill: ${sigspec}: invalid signal specification`);
    return 1;
  }
  let any = false;
  for (const a of list) {
    if (/^-?\d+$/.test(a)) {
      const pid = Math.abs(Number(a));
      const p = pid === 0 ? undefined : sh.host.procs.get(pid);
      if (pid !== 0 && (!p || p.state === 'Z')) {
        kerr(`kill: (${a}) - No such process`);
        continue;
      }
      if (p && sig !== 0) sendSignal(p, deliverable(sig));
      any = true;
      continue;
    }
    if (a !== '' && !a.startsWith('%')) {
      kerr(`kill: ${a}: arguments must be process or job IDs`);
      continue;
    }
    if (a === '') {
      kerr(`kill: \`': not a pid or valid job spec`);
      continue;
    }
    const j = findJob(sh, a);
    if (!j) {
      kerr(`kill: ${a}: no such job`);
      continue;
    }
    if (sig !== 0) for (const p of processTree(sh.host, j.procs).reverse()) sendSignal(p, deliverable(sig));
    any = true;
  }
  // Let the signalled processes run their handlers before the next command.
  for (let i = 0; i < 8; i++) await Promise.resolve();
  return any ? 0 : 1;
}

/** The builtin table (no prototype: `constructor` or `__proto__` typed as a command is no builtin). */
export const BUILTINS: Record<string, Builtin> = Object.setPrototypeOf({
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  cd,
  pwd(sh, argv, io) {
    const physical = argv.includes('-P');
    let p = sh.getVar('PWD') ?? sh.proc.cwd;
    if (physical) {
      try {
        p = sh.host.vfs.realpath(p);
      } catch {
        // keep the logical path
      }
    }
    return out(sh, io, 'pwd', p + '\n');
  },
  echo(sh, argv, io) {
    return out(sh, io, 'echo', formatEcho(argv.slice(1)));
  },
  async printf(sh, argv, io) {
    let args = argv.slice(1);
    let varName: string | undefined;
    if (args[0] === '-v') {
      varName = args[1];
      args = args.slice(2);
    }
    if (args[0] === '--') args = args.slice(1);
    if (args.length === 0) {
      err(sh, io, 'printf: usage: printf [-v var] format [arguments]');
      return 2;
    }
    const r = formatPrintf(args[0], args.slice(1), 'bash');
    let st = r.status;
    if (varName) sh.setVar(varName, r.out);
    else if (r.parts.length === 1) st = out(sh, io, 'printf', r.out) || st;
    else {
      // A huge field width: written in pieces, as stdio streams it.
      let failed = 0;
      await writeParts(r.parts, (s) => {
        if (!failed) failed = out(sh, io, 'printf', s);
      });
      st = failed || st;
    }
    for (const e of r.errors) err(sh, io, `printf: ${e}`);
    return st;
  },
  test(sh, argv, io) {
    const r = evalTest(argv.slice(1), statFs(sh, io), 'bash');
    if (r.error) err(sh, io, `test: ${r.error}`);
    return r.status;
  },
  '[': (sh, argv, io) => {
    if (argv[argv.length - 1] !== ']') {
      err(sh, io, "[: missing `]'");
      return 2;
    }
    const r = evalTest(argv.slice(1, -1), statFs(sh, io), 'bash');
    if (r.error) err(sh, io, `[: ${r.error}`);
    return r.status;
  },
  export: exportLike,
  declare: exportLike,
  typeset: exportLike,
  readonly: exportLike,
  local: exportLike,
  unset(sh, argv, io) {
    let fn = false;
    let st = 0;
    for (const a of argv.slice(1)) {
      if (/^-[a-zA-Z]+$/.test(a) && a !== '-f' && a !== '-v' && a !== '-n') {
        const bad = [...a.slice(1)].find((c) => !'fvn'.includes(c)) ?? a[1];
        err(sh, io, `unset: -${bad}: invalid option`);
        ioOut(io, 2).write('unset: usage: unset [-f] [-v] [-n] [name ...]\n');
        return 2;
      }
    }
    for (const a of argv.slice(1)) {
      if (a === '-f') fn = true;
      else if (a === '-v') fn = false;
      else if (fn) sh.funcs.delete(a);
      else if (sh.vars.get(a)?.readonly) {
        if (sh.dialect === 'dash') {
          // A special builtin's error ends a non-interactive dash.
          err(sh, io, `unset: ${a}: is read only`);
          if (!sh.interactive) throw new ExitNow(2);
          return 2;
        }
        err(sh, io, `unset: ${a}: cannot unset: readonly variable`);
        st = 1;
      } else sh.vars.delete(a);
    }
    return st;
  },
  exit(sh, argv, io) {
    // bash says `logout` when a login shell exits, `exit` otherwise.
    if (sh.interactive) ioOut(io, 2).write(isLoginShell(sh.proc) ? 'logout\n' : 'exit\n');
    if (argv.length > 2) {
      err(sh, io, 'exit: too many arguments');
      return 1;
    }
    const a = argv[1];
    if (a !== undefined && !/^\s*[+-]?\d+\s*$/.test(a)) {
      err(sh, io, `exit: ${a}: numeric argument required`);
      throw new ExitNow(2);
    }
    throw new ExitNow(a === undefined ? sh.status : ((Number(a) % 256) + 256) % 256);
  },
  return(sh, argv, io) {
    if (argv.length > 2) {
      err(sh, io, 'return: too many arguments');
      if (!sh.interactive) throw new ExitNow(1);
      return 1;
    }
    const n = numArg(sh, io, 'return', argv[1], sh.status);
    if (!sh.canReturn) {
      err(sh, io, "return: can only `return' from a function or sourced script");
      return 2;
    }
    throw new ReturnNow(n === undefined ? 2 : ((n % 256) + 256) % 256);
  },
  break(sh, argv, io) {
    if (!sh.inLoop) {
      err(sh, io, "break: only meaningful in a `for', `while', or `until' loop");
      return 0;
    }
    const n = numArg(sh, io, 'break', argv[1], 1);
    throw new LoopCtl('break', Math.max(1, n ?? 1));
  },
  continue(sh, argv, io) {
    if (!sh.inLoop) {
      err(sh, io, "continue: only meaningful in a `for', `while', or `until' loop");
      return 0;
    }
    const n = numArg(sh, io, 'continue', argv[1], 1);
    throw new LoopCtl('continue', Math.max(1, n ?? 1));
  },
  shift(sh, argv, io) {
    const n = numArg(sh, io, 'shift', argv[1], 1);
    if (n === undefined) return 1;
    if (n > sh.positional.length || n < 0) return 1;
    sh.positional = sh.positional.slice(n);
    return 0;
  },
  set(sh, argv, io) {
    const args = argv.slice(1);
    if (args.length === 0) {
      return out(sh, io, 'set', setListing(sh));
    }
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--') {
        sh.positional = args.slice(i + 1);
        return 0;
      }
      if (a === '-o' || a === '+o') {
        const name = args[++i];
        const on = a === '-o';
        if (name === 'pipefail') sh.opts.pipefail = on;
        else if (name === 'errexit') sh.opts.errexit = on;
        else if (name === 'nounset') sh.opts.nounset = on;
        else if (name === 'xtrace') sh.opts.xtrace = on;
        else if (name === 'noglob') sh.opts.noglob = on;
        else if (name === undefined) {
          const o = sh.opts;
          const rows: [string, boolean][] = [['errexit', o.errexit], ['noglob', o.noglob], ['nounset', o.nounset], ['pipefail', o.pipefail], ['xtrace', o.xtrace]];
          return out(sh, io, 'set', rows.map(([n, v]) => `${n.padEnd(15)}\t${v ? 'on' : 'off'}\n`).join(''));
        }
        continue;
      }
      if (/^[-+][a-zA-Z]+$/.test(a)) {
        const on = a[0] === '-';
        for (const c of a.slice(1)) {
          if (c === 'e') sh.opts.errexit = on;
          else if (c === 'u') sh.opts.nounset = on;
          else if (c === 'x') sh.opts.xtrace = on;
          else if (c === 'f') sh.opts.noglob = on;
          else if (c !== 'h' && c !== 'B' && c !== 'm' && c !== 'v') {
            err(sh, io, `set: ${a[0]}${c}: invalid option`);
            return 2;
          }
        }
        continue;
      }
      sh.positional = args.slice(i);
      return 0;
    }
    return 0;
  },
  type(sh, argv, io) {
    let st = 0;
    let text = '';
    let flag = '';
    for (const a of argv.slice(1)) {
      if (/^-[tpPaf]+$/.test(a)) {
        flag = a;
        continue;
      }
      const t = typeOf(sh, a);
      if (!t) {
        // dash says it on standard output, with 127.
        if (sh.dialect === 'dash') {
          text += `${a}: not found\n`;
          st = 127;
          continue;
        }
        if (!flag.includes('t') && !flag.includes('p')) err(sh, io, `type: ${a}: not found`);
        st = 1;
        continue;
      }
      if (flag.includes('t')) text += `${t.kind}\n`;
      else if (flag.includes('p') || flag.includes('P')) {
        if (t.kind === 'file') text += `${t.path}\n`;
        else if (flag.includes('P')) {
          const p = sh.programFor(a);
          if (p) text += `${p}\n`;
          else st = 1;
        }
      } else if (t.kind === 'keyword') text += `${a} is a shell keyword\n`;
      else if (t.kind === 'function') text += functionType(sh, a);
      else if (t.kind === 'builtin') text += `${a} is a ${sh.dialect === 'dash' && DASH_SPECIAL.has(a) ? 'special ' : ''}shell builtin\n`;
      else text += `${a} is ${t.path}\n`;
    }
    return out(sh, io, 'type', text) || st;
  },
  command(sh, argv, io) {
    const args = argv.slice(1);
    if (args[0] === '-v' || args[0] === '-V') {
      let st = 0;
      let text = '';
      for (const a of args.slice(1)) {
        const t = typeOf(sh, a);
        if (!t) {
          if (args[0] === '-V') err(sh, io, `command: ${a}: not found`);
          st = 1;
          continue;
        }
        if (args[0] === '-v') text += `${t.kind === 'file' ? t.path : a}\n`;
        else text += t.kind === 'file' ? `${a} is ${t.path}\n` : t.kind === 'builtin' ? `${a} is a shell builtin\n` : t.kind === 'keyword' ? `${a} is a shell keyword\n` : functionType(sh, a);
      }
      return out(sh, io, 'command', text) || st;
    }
    if (args.length === 0) return 0;
    const b = BUILTINS[args[0]];
    if (b) return b(sh, args, io);
    return runExternal(sh, args, io);
  },
  builtin(sh, argv, io) {
    const b = BUILTINS[argv[1] ?? ''];
    if (!b) {
      if (argv[1] === undefined) return 0;
      err(sh, io, `builtin: ${argv[1]}: not a shell builtin`);
      return 1;
    }
    return b(sh, argv.slice(1), io);
  },
  hash: () => 0,
  trap: trapBuiltin,
  umask(sh, argv, io) {
    if (argv.length > 1) return 0;
    return out(sh, io, 'umask', '0022\n');
  },
  alias(sh, argv, io) {
    const aliases = aliasesOf(sh);
    if (argv.length === 1) {
      return out(sh, io, 'alias', [...aliases].sort().map(([k, v]) => `alias ${k}='${v}'\n`).join(''));
    }
    let st = 0;
    for (const a of argv.slice(1)) {
      const eq = a.indexOf('=');
      if (eq > 0) aliases.set(a.slice(0, eq), a.slice(eq + 1));
      else if (aliases.has(a)) out(sh, io, 'alias', `alias ${a}='${aliases.get(a)}'\n`);
      else {
        err(sh, io, `alias: ${a}: not found`);
        st = 1;
      }
    }
    return st;
  },
  unalias(sh, argv, io) {
    const aliases = aliasesOf(sh);
    let st = 0;
    for (const a of argv.slice(1)) {
      if (a === '-a') aliases.clear();
      else if (!aliases.delete(a)) {
        err(sh, io, `unalias: ${a}: not found`);
        st = 1;
      }
    }
    return st;
  },
  let(sh, argv, io) {
    let v = 0n;
    for (const a of argv.slice(1)) {
      try {
        v = evalArith(a, { get: (n) => sh.getVar(n), set: (n, val) => sh.setVar(n, val) });
      } catch (e) {
        if (e instanceof ReadonlyVar) {
          err(sh, io, e.message);
          return 1;
        }
        if (e instanceof ArithError) {
          err(sh, io, `let: ${a}: ${e.message}`);
          return 1;
        }
        throw e;
      }
    }
    return v === 0n ? 1 : 0;
  },
  eval(sh, argv, io) {
    const text = argv.slice(1).join(' ');
    if (text.trim() === '') return 0;
    return sh.runText(text, io);
  },
  async source(sh, argv, io) {
    const file = argv[1];
    if (file === undefined) {
      err(sh, io, `${argv[0]}: filename argument required`);
      ioOut(io, 2).write(`${argv[0]}: usage: ${argv[0]} filename [arguments]\n`);
      return 2;
    }
    let text: string;
    try {
      text = sh.host.vfs.readFile(file, sh.proc.vfsCtx());
    } catch (e) {
      err(sh, io, `${file}: ${e instanceof KernelError ? e.message : 'No such file or directory'}`);
      return 1;
    }
    const saved = sh.positional;
    if (argv.length > 2) sh.positional = argv.slice(2);
    sh.sourceDepth++;
    try {
      return await sh.runText(text, io);
    } catch (e) {
      if (e instanceof ReturnNow) return e.code;
      throw e;
    } finally {
      sh.sourceDepth--;
      if (argv.length > 2) sh.positional = saved;
    }
  },
  history(sh, argv, io) {
    if (argv[1] === '-c') {
      sh.history.length = 0;
      return 0;
    }
    const h = sh.history;
    const n = argv[1] !== undefined && /^\d+$/.test(argv[1]) ? Number(argv[1]) : h.length;
    const start = Math.max(0, h.length - n);
    let text = '';
    for (let i = start; i < h.length; i++) text += `${String(i + 1).padStart(5)}  ${h[i]}\n`;
    return out(sh, io, 'history', text);
  },
  read: readBuiltin,
  kill: killBuiltin,
  wait: waitBuiltin,
  jobs(sh, _argv, io) {
    let text = '';
    for (const j of sh.jobs) {
      const state = j.done ? (j.status === 0 ? 'Done' : `Exit ${j.status}`) : 'Running';
      text += `[${j.id}]${sh.jobMark(j)}  ${state.padEnd(24)}${j.cmd}${j.done ? '' : ' &'}\n`;
      if (j.done) j.reported = true;
    }
    sh.jobs = sh.jobs.filter((j) => !j.reported);
    return out(sh, io, 'jobs', text);
  },
  async fg(sh, argv, io) {
    if (!sh.interactive) {
      err(sh, io, 'fg: no job control');
      return 1;
    }
    const spec = argv[1] ?? '%%';
    const j = findJob(sh, spec.startsWith('%') ? spec : `%${spec}`);
    if (!j) {
      err(sh, io, argv[1] ? `fg: ${argv[1]}: no such job` : 'fg: current: no such job');
      return 1;
    }
    out(sh, io, 'fg', j.cmd + '\n');
    const st = await sh.waitJob(j);
    j.reported = true;
    sh.jobs = sh.jobs.filter((x) => x !== j);
    return st;
  },
  bg(sh, argv, io) {
    if (!sh.interactive) {
      err(sh, io, 'bg: no job control');
      return 1;
    }
    const j = findJob(sh, argv[1] ?? '%%');
    if (!j) {
      err(sh, io, 'bg: current: no such job');
      return 1;
    }
    err(sh, io, `bg: job ${j.id} already in background`);
    return 0;
  },
  disown(sh) {
    sh.jobs = [];
    return 0;
  },
  async exec(sh, argv, io) {
    if (argv.length === 1) return 0;
    const st = await runExternal(sh, argv.slice(1), io);
    throw new ExitNow(st);
  },
} satisfies Record<string, Builtin>, null);

/**
 * bash builtins the simulation does not model, by what they are for. They
 * exist (`type` names them as bash does) and refuse to run: a learner must
 * not read "command not found" for a builtin every bash has.
 */
const UNMODELLED_BUILTINS: Record<string, string> = {
  getopts: 'option parsing in scripts',
  shopt: 'shell options beyond set -e -u -x -f',
  pushd: 'the directory stack',
  popd: 'the directory stack',
  dirs: 'the directory stack',
  mapfile: 'arrays',
  readarray: 'arrays',
  bind: 'key bindings',
  complete: 'programmable completion',
  compgen: 'programmable completion',
  compopt: 'programmable completion',
  caller: 'the call stack',
  enable: 'enabling and disabling builtins',
  fc: 'editing and re-running history',
  logout: 'leaving a login shell (exit does)',
  suspend: 'job control of the shell itself',
  times: 'CPU times',
  ulimit: 'resource limits',
};
/** Of those, the ones dash has too (the rest are "not found" in sh). */
const DASH_HAS = new Set(['getopts', 'times', 'ulimit']);
for (const [name, what] of Object.entries(UNMODELLED_BUILTINS)) {
  BUILTINS[name] = (sh, _argv, io) => sh.refuse(io, name);
  declareNotSimulated({ tool: 'bash', kind: 'subcommand', item: `builtin ${name}`, why: `not modelled: ${what}` });
}
declareNotSimulated({ tool: 'bash', kind: 'subcommand', item: 'arrays: NAME=(…), NAME+=(…), ${NAME[i]}, ${NAME[@]}, ${#NAME[@]}', why: 'variables are plain strings; the assignment and the expansions are refused (declare -a and -A too)' });

declareNotSimulated({ tool: 'bash', kind: 'subcommand', item: 'coproc [NAME] COMMAND', why: 'coprocesses are parsed (and printed back in functions) but not started' });
declareNotSimulated({ tool: 'bash', kind: 'subcommand', item: 'select NAME in …; do …; done', why: 'the menu loop is parsed (and printed back in functions) but not run' });

/** Builtins a dash script does not have (bash's own). */
export function bashOnlyBuiltin(name: string): boolean {
  return name in UNMODELLED_BUILTINS && !DASH_HAS.has(name);
}
BUILTINS['.'] = BUILTINS.source;

/** Stat helper for test/[ builtins. */
/** test's view of the file system, variables, terminals and options, for the builtins `test`, `[` and `[[`. */
export function statFs(sh: Shell, io?: Io): TestFs {
  return {
    stat(path: string, follow: boolean) {
      try {
        return sh.host.vfs.lookup(path, sh.proc.vfsCtx(), follow);
      } catch {
        return undefined;
      }
    },
    isSet: (name) => {
      const v = sh.vars.get(name);
      return (!!v && !v.unset) || sh.getVar(name) !== undefined;
    },
    isTty: (fd) => {
      const f = io?.fds.get(fd);
      return !!f && f.isTTY === true;
    },
    optionOn: (name) => (sh.opts as unknown as Record<string, boolean | undefined>)[name] === true,
  };
}

const aliasTable = new WeakMap<object, Map<string, string>>();
/** Aliases of a shell (shared by its subshells' copies through `history`). */
export function aliasesOf(sh: Shell): Map<string, string> {
  let m = aliasTable.get(sh.history);
  if (!m) {
    m = new Map();
    aliasTable.set(sh.history, m);
  }
  return m;
}

/** Run a program (not a function or builtin), as `command` and `exec` do. */
async function runExternal(sh: Shell, argv: string[], io: Io): Promise<number> {
  const ref = sh.locate(argv[0], io);
  if (typeof ref === 'number') return ref;
  const script = ref.kind === 'cmd' ? undefined : scriptCommand(sh.host, ref.path, sh.proc.cwd, argv);
  const spec = ref.kind === 'cmd' ? ref.spec : script!.spec;
  if (!spec) return 127;
  const args = ref.kind === 'cmd' ? argv : script!.args;
  const st = await sh.proc.exec(sh.proc, args, {
    env: sh.childEnv([], ref.path),
    stdin: ioIn(io),
    stdout: ioOut(io, 1),
    stderr: ioOut(io, 2),
    cwd: sh.proc.cwd,
  });
  return st;
}

void SIGNUM;
