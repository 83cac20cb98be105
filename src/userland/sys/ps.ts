// ps and kill (procps-ng 4.0.2) over the host's process table. `ps`, `ps
// aux` and `ps -ef` print the three classic formats; a bare `ps` lists only
// the processes of the caller's terminal (scenario 130); the host's pid 1 (its
// init, which has no process object here) is listed as /sbin/init. kill
// delivers SIGHUP/SIGINT/SIGKILL/SIGTERM to simulated processes; other
// signals are checked and accepted.

import { register } from '../registry.ts';
import type { Process, Signal } from '../../kernel/proc.ts';
import { kernelOf } from '../lib/sys.ts';

/** One row of the process listing. */
interface PsRow {
  pid: number;
  ppid: number;
  comm: string;
  args: string;
  stat: string;
  start: number;
  /** Controlling terminal, or undefined (`?`). */
  tty: string | undefined;
}

function rows(p: Process): PsRow[] {
  const k = kernelOf(p);
  const out: PsRow[] = [];
  if (!k.procs.get(1)) out.push({ pid: 1, ppid: 0, comm: 'init', args: '/sbin/init', stat: 'S', start: 0, tty: undefined });
  for (const q of k.procs.list()) {
    if (q.state === 'Z') continue;
    out.push({ pid: q.pid, ppid: q.ppid, comm: q.comm, args: q.argv.join(' '), stat: q === p ? 'R' : 'S', start: q.startedAt, tty: q.tty });
  }
  return out;
}

/** HH:MM of a virtual time (ms since boot, the clock starting at midnight). */
function hhmm(ms: number): string {
  const m = Math.floor(ms / 60000) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function ps(p: Process): number {
  const args = p.argv.slice(1);
  const flags = args.join(' ');
  let format: 'default' | 'aux' | 'ef' = 'default';
  if (/^-?aux?$|^aux$|^-?ax$|^-?au$/.test(flags.replace(/\s+/g, ''))) format = 'aux';
  else if (/^-(ef|e -f|f -e|fe|Af|eF|ely)$/.test(flags) || (args.includes('-e') && args.includes('-f'))) format = 'ef';
  else if (args.length && !/^-?[eAaxf]+$/.test(args[0]) && !['-e', '-A'].includes(args[0])) {
    p.stderr.write(`error: unsupported option (BSD syntax)\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`);
    return 1;
  }
  const all = rows(p);
  // Without options ps selects the processes of the caller's terminal (with no
  // terminal: those without one), as procps does (same euid: everyone is root here).
  const list = format === 'default' && !args.length ? all.filter((r) => r.tty === p.tty) : all;
  const tty = (r: PsRow) => (r.tty ?? '?').padEnd(8);
  if (format === 'default') {
    let s = '    PID TTY          TIME CMD\n';
    for (const r of list) s += `${String(r.pid).padStart(7)} ${tty(r)} ${'00:00:00'.padStart(8)} ${r.comm}\n`;
    p.stdout.write(s);
  } else if (format === 'ef') {
    let s = 'UID          PID    PPID  C STIME TTY          TIME CMD\n';
    for (const r of list) s += `${'root'.padEnd(8)} ${String(r.pid).padStart(7)} ${String(r.ppid).padStart(7)} ${' 0'} ${hhmm(r.start).padStart(5)} ${tty(r)} ${'00:00:00'.padStart(8)} ${r.args}\n`;
    p.stdout.write(s);
  } else {
    let s = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n';
    for (const r of list) {
      const vsz = r.pid === 1 ? 4360 : 8116;
      const rss = r.pid === 1 ? 3156 : 4332;
      s += `${'root'.padEnd(8)} ${String(r.pid).padStart(7)} ${' 0.0'} ${' 0.0'} ${String(vsz).padStart(6)} ${String(rss).padStart(5)} ${tty(r)} ${r.stat.padEnd(4)} ${hhmm(r.start).padStart(5)} ${'0:00'.padStart(6)} ${r.args}\n`;
    }
    p.stdout.write(s);
  }
  return 0;
}

const SIGNALS = [
  'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT',
  'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'POLL', 'PWR', 'SYS',
];

const KILL_USAGE =
  '\nUsage:\n kill [options] <pid> [...]\n\nOptions:\n' +
  ' <pid> [...]            send signal to every <pid> listed\n' +
  ' -<signal>, -s, --signal <signal>\n' +
  '                        specify the <signal> to be sent\n' +
  ' -q, --queue <value>    integer value to be sent with the signal\n' +
  ' -l, --list=[<signal>]  list all signal names, or convert one to a name\n' +
  ' -L, --table            list all signal names in a nice table\n\n' +
  ' -h, --help     display this help and exit\n' +
  ' -V, --version  output version information and exit\n\n' +
  'For more details see kill(1).\n';

/** Signal number of a name (`TERM`, `SIGTERM`) or number text; undefined if unknown. */
function signum(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s) <= 64 ? Number(s) : undefined;
  const n = s.toUpperCase().replace(/^SIG/, '');
  const i = SIGNALS.indexOf(n);
  return i < 0 ? undefined : i + 1;
}

const DELIVERABLE: Record<number, Signal> = { 1: 'SIGHUP', 2: 'SIGINT', 9: 'SIGKILL', 15: 'SIGTERM' };

function kill(p: Process): number {
  const k = kernelOf(p);
  const args = p.argv.slice(1);
  let sig = 15;
  const pids: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-l' || a === '--list') {
      const v = args[i + 1];
      if (v !== undefined) {
        const n = signum(v);
        p.stdout.write(n === undefined ? '' : /^\d+$/.test(v) ? `${SIGNALS[n - 1]}\n` : `${n}\n`);
        return n === undefined ? 1 : 0;
      }
      p.stdout.write(`${SIGNALS.slice(0, 16).join(' ')}\n${SIGNALS.slice(16).join(' ')}\n`);
      return 0;
    }
    if (a === '-s' || a === '--signal' || a === '-n') {
      const v = args[++i];
      const n = v === undefined ? undefined : signum(v);
      if (n === undefined) {
        p.stderr.write(`kill: unknown signal: ${v ?? ''}\n`);
        return 1;
      }
      sig = n;
      continue;
    }
    if (a === '-h' || a === '--help') {
      p.stdout.write(KILL_USAGE);
      return 0;
    }
    if (a === '-V' || a === '--version') {
      p.stdout.write('kill from procps-ng 4.0.2\n');
      return 0;
    }
    if (a === '--') {
      pids.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a.length > 1 && !pids.length && !/^-\d+$/.test(a) || (/^-\d+$/.test(a) && !pids.length)) {
      const n = signum(a.slice(1));
      if (n === undefined) {
        p.stderr.write(`kill: unknown signal: ${a.slice(1)}\n`);
        return 1;
      }
      sig = n;
      continue;
    }
    pids.push(a);
  }
  if (!pids.length) {
    p.stderr.write(KILL_USAGE);
    return 1;
  }
  let rc = 0;
  for (const s of pids) {
    if (!/^-?\d+$/.test(s)) {
      p.stderr.write(`kill: failed to parse argument: '${s}'\n`);
      rc = 1;
      continue;
    }
    const pid = Number(s);
    if (pid === 1 && !k.procs.get(1)) continue;
    const q = k.procs.get(pid);
    if (!q || q.state === 'Z') {
      p.stderr.write(`kill: (${pid}): No such process\n`);
      rc = 1;
      continue;
    }
    const d = DELIVERABLE[sig];
    if (d) q.signal(d);
  }
  return rc;
}

register({
  name: 'ps',
  summary: 'report a snapshot of the current processes',
  usage: 'ps | ps aux | ps -ef',
  options: [
    { flag: 'aux', desc: 'every process, BSD user-oriented format' },
    { flag: '-ef', desc: 'every process, full format' },
  ],
  run: ps,
});

register({
  name: 'kill',
  summary: 'send a signal to a process',
  usage: 'kill [-s SIGNAL | -SIGNAL] PID... | kill -l [SIGNAL]',
  options: [
    { flag: '-s, --signal', arg: 'signal', desc: 'the signal to send (default TERM)' },
    { flag: '-l, --list', desc: 'list signal names' },
  ],
  run: kill,
});
