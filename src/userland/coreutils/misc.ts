// Process and environment utilities: sleep, timeout, env, xargs, which,
// date, true, false, clear, help.

import type { Process } from '../../kernel/proc.ts';
import { KernelError } from '../../kernel/errno.ts';
import { allCommands, register } from '../registry.ts';
import { hostOf } from './host.ts';
import { parseOpts, usageError } from './util.ts';
import { SIGNUM } from '../../kernel/proc.ts';
import { killWithHook } from '../lib/kill-hook.ts';

/** Parse a duration like `1`, `0.5`, `2m`, `1h`; milliseconds or undefined. */
export function parseDuration(s: string): number | undefined {
  const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return undefined;
  const mult: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  return Number(m[1]) * mult[m[2]];
}

register({ name: 'true', summary: 'do nothing, successfully', usage: 'true', run: () => 0 });
register({ name: 'false', summary: 'do nothing, unsuccessfully', usage: 'false', run: () => 1 });

register({
  name: 'sleep',
  summary: 'delay for a specified amount of time (Ctrl-C interrupts)',
  usage: 'sleep NUMBER[SUFFIX]...',
  async run(p) {
    const args = p.argv.slice(1).filter((a) => a !== '--');
    if (args.length === 0) {
      usageError(p, 'missing operand');
      return 1;
    }
    let ms = 0;
    for (const a of args) {
      const d = parseDuration(a);
      if (d === undefined) {
        usageError(p, `invalid time interval '${a}'`);
        return 1;
      }
      ms += d;
    }
    const ok = await p.sleep(ms);
    if (ok) return 0;
    const sig = p.pendingSignal ?? 'SIGINT';
    return 128 + SIGNUM[sig];
  },
});

register({
  name: 'timeout',
  summary: 'run a command with a time limit',
  usage: 'timeout [-s SIGNAL] [-k DURATION] DURATION COMMAND [ARG]...',
  options: [
    { flag: '-s, --signal', arg: 'SIGNAL', desc: 'signal to send on time out (default TERM)' },
    { flag: '-k, --kill-after', arg: 'DURATION', desc: 'also send KILL this long after the first signal' },
  ],
  async run(p) {
    const o = parseOpts(p, '+s:k:v', [{ name: 'signal', arg: 'required', key: '-s' }, { name: 'kill-after', arg: 'required', key: '-k' }, { name: 'foreground', arg: 'none', key: '--foreground' }, { name: 'preserve-status', arg: 'none', key: '--preserve-status' }], false);
    if (!o) return 125;
    if (o.args.length < 2) {
      if (o.args.length === 1) usageError(p, `missing operand after '${o.args[0]}'`);
      else p.stderr.write(`Try '${p.argv[0]} --help' for more information.\n`);
      return 125;
    }
    const dur = parseDuration(o.args[0]);
    if (dur === undefined) {
      usageError(p, `invalid time interval '${o.args[0]}'`);
      return 125;
    }
    const killAfter = o.get('-k') !== undefined ? parseDuration(o.get('-k')!) : undefined;
    const sigName = (o.get('-s') ?? 'TERM').toUpperCase().replace(/^SIG/, '');
    const sigMap: Record<string, 'SIGTERM' | 'SIGINT' | 'SIGKILL' | 'SIGHUP'> = { TERM: 'SIGTERM', INT: 'SIGINT', KILL: 'SIGKILL', HUP: 'SIGHUP', '15': 'SIGTERM', '2': 'SIGINT', '9': 'SIGKILL', '1': 'SIGHUP' };
    const sig = sigMap[sigName];
    if (!sig) {
      p.stderr.write(`${p.argv[0]}: ${o.get('-s')}: invalid signal\nTry '${p.argv[0]} --help' for more information.\n`);
      return 125;
    }
    const host = hostOf(p);
    let timedOut = false;
    const kill = (s: typeof sig): void => {
      // Signal the child and its descendants (timeout runs it in its own group).
      const all = host.procs.list();
      const mine = new Set<number>([p.pid]);
      for (let round = 0; round < 32; round++) for (const q of all) if (mine.has(q.ppid)) mine.add(q.pid);
      const kids = all.filter((q) => q.pid !== p.pid && mine.has(q.pid));
      for (const q of kids.reverse()) {
        q.signal(s);
        if (s === 'SIGKILL') killWithHook(q);
      }
    };
    const t1 = host.clock.setTimer(dur, () => {
      timedOut = true;
      kill(sig);
      if (killAfter !== undefined) t2 = host.clock.setTimer(killAfter, () => kill('SIGKILL'));
    });
    let t2: ReturnType<typeof host.clock.setTimer> | undefined;
    let code: number;
    try {
      code = await p.exec(p, o.args.slice(1));
    } catch (e) {
      host.clock.cancel(t1);
      const msg = e instanceof KernelError ? e.message : 'No such file or directory';
      p.stderr.write(`${p.argv[0]}: failed to run command '${o.args[1]}': ${msg}\n`);
      return e instanceof KernelError && e.errno === 'ENOENT' ? 127 : 126;
    }
    host.clock.cancel(t1);
    host.clock.cancel(t2);
    if (timedOut && !o.has('--preserve-status')) return 124;
    return code;
  },
});

register({
  name: 'env',
  summary: 'run a program in a modified environment (or print it)',
  usage: 'env [-i] [-u NAME] [NAME=VALUE]... [COMMAND [ARG]...]',
  options: [
    { flag: '-i, --ignore-environment', desc: 'start with an empty environment' },
    { flag: '-u, --unset', arg: 'NAME', desc: 'remove variable from the environment' },
  ],
  async run(p) {
    const o = parseOpts(p, '+iu:0', [{ name: 'ignore-environment', arg: 'none', key: '-i' }, { name: 'unset', arg: 'required', key: '-u' }], false);
    if (!o) return 125;
    let env: Record<string, string> = o.has('-i') ? {} : { ...p.env };
    for (const [k, v] of o.list) if (k === '-u' && v !== undefined) delete env[v];
    let i = 0;
    const args = o.args;
    if (args[0] === '-') {
      env = {};
      i++;
    }
    for (; i < args.length && /^[^=]+=/.test(args[i]); i++) {
      const eq = args[i].indexOf('=');
      env[args[i].slice(0, eq)] = args[i].slice(eq + 1);
    }
    if (i >= args.length) {
      p.stdout.write(Object.entries(env).map(([k, v]) => `${k}=${v}\n`).join(''));
      return 0;
    }
    try {
      return await p.exec(p, args.slice(i), { env });
    } catch (e) {
      const msg = e instanceof KernelError ? e.message : 'No such file or directory';
      p.stderr.write(`${p.argv[0]}: '${args[i]}': ${msg}\n`);
      return e instanceof KernelError && e.errno !== 'ENOENT' ? 126 : 127;
    }
  },
});

/** Bytes of arguments per command line (findutils' default command buffer, 128 KiB). */
const XARGS_ARG_MAX = 131072 - 2048;

register({
  name: 'xargs',
  summary: 'build and execute command lines from standard input',
  usage: 'xargs [-n MAX-ARGS] [-I REPLACE] [COMMAND [INITIAL-ARGS]...]',
  options: [
    { flag: '-n, --max-args', arg: 'N', desc: 'use at most N arguments per command line' },
    { flag: '-I', arg: 'R', desc: 'replace R in INITIAL-ARGS with each input line' },
    { flag: '-0', desc: 'items are separated by NUL' },
  ],
  async run(p) {
    const o = parseOpts(p, '+n:I:0rtd:', [{ name: 'max-args', arg: 'required', key: '-n' }, { name: 'no-run-if-empty', arg: 'none', key: '-r' }], false);
    if (!o) return 1;
    const cmd = o.args.length ? o.args : ['echo'];
    const repl = o.get('-I');
    const maxArgs = repl !== undefined ? 1 : o.has('-n') ? Math.max(1, Number(o.get('-n'))) : Infinity;
    // Input is read and run as it arrives: a command line holds at most
    // XARGS_ARG_MAX bytes of arguments (findutils' default command buffer).
    const base = cmd.reduce((n, a) => n + a.length + 1, 0);
    let batch: string[] = [];
    let size = base;
    let ran = false;
    let st = 0;
    const run = async (items: string[]): Promise<number | undefined> => {
      ran = true;
      const argv = repl !== undefined ? cmd.map((a) => a.split(repl).join(items[0])) : [...cmd, ...items];
      if (o.has('-t')) p.stderr.write(argv.join(' ') + '\n');
      try {
        const c = await p.exec(p, argv, { stdin: { read: async () => null, isTTY: false } });
        if (c === 255) {
          p.stderr.write(`${p.argv[0]}: ${argv[0]}: exited with status 255; aborting\n`);
          return 124;
        }
        if (c > 128) return 125;
        if (c !== 0) st = 123;
      } catch (e) {
        const msg = e instanceof KernelError ? e.message : 'No such file or directory';
        p.stderr.write(`${p.argv[0]}: ${argv[0]}: ${msg}\n`);
        return e instanceof KernelError && e.errno !== 'ENOENT' ? 126 : 127;
      }
      if (p.interrupted) return 130;
      return undefined;
    };
    const add = async (item: string): Promise<number | undefined> => {
      if (batch.length && (batch.length >= maxArgs || size + item.length + 1 > XARGS_ARG_MAX)) {
        const r = await run(batch);
        batch = [];
        size = base;
        if (r !== undefined) return r;
      }
      batch.push(item);
      size += item.length + 1;
      return undefined;
    };
    const tokens = (text: string): string[] => {
      if (repl !== undefined) return text.split('\n').filter((l) => l.trim() !== '').map((l) => l.replace(/^\s+/, ''));
      if (o.has('-0')) return text.split('\0').filter((x) => x !== '');
      if (o.has('-d')) return text.split(o.get('-d')!.replace('\\n', '\n')).filter((x) => x !== '');
      return (text.match(/"[^"]*"|'[^']*'|(?:\\.|[^\s])+/g) ?? []).map((w) => w.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1').replace(/\\(.)/g, '$1'));
    };
    const sepOf = repl !== undefined ? '\n' : o.has('-0') ? '\0' : o.has('-d') ? o.get('-d')!.replace('\\n', '\n') : undefined;
    let buf = '';
    for (;;) {
      const chunk = await p.stdin.read();
      if (chunk !== null) buf += chunk;
      let cut: number;
      if (chunk === null) cut = buf.length;
      else if (sepOf !== undefined) cut = buf.lastIndexOf(sepOf) + 1;
      else {
        // cut after the last blank outside quotes
        cut = 0;
        let q = '';
        for (let i = 0; i < buf.length; i++) {
          const c = buf[i];
          if (q) {
            if (c === q) q = '';
          } else if (c === '"' || c === "'") q = c;
          else if (c === '\\') i++;
          else if (c === ' ' || c === '\t' || c === '\n') cut = i + 1;
        }
      }
      if (cut > 0) {
        const text = buf.slice(0, cut);
        buf = buf.slice(cut);
        for (const item of tokens(text)) {
          const r = await add(item);
          if (r !== undefined) return r;
        }
      }
      if (buf.length > XARGS_ARG_MAX) {
        p.stderr.write(`${p.argv[0]}: argument line too long\n`);
        return 1;
      }
      if (p.interrupted) return 130;
      if (chunk === null) break;
    }
    if (batch.length || (!ran && !o.has('-r') && repl === undefined)) {
      const r = await run(batch);
      if (r !== undefined) return r;
    }
    return st;
  },
});

register({
  name: 'which',
  summary: 'locate a command',
  usage: 'which [-a] COMMAND...',
  run(p) {
    const args = p.argv.slice(1).filter((a) => a !== '-a');
    if (args.length === 0) return 1;
    let st = 0;
    const path = p.env.PATH ?? '';
    for (const name of args) {
      const found = whichOne(p, name, path);
      if (found) p.stdout.write(found + '\n');
      else st = 1;
    }
    return st;
  },
});

const SBIN_HINT = new Set(['ip', 'iptables', 'iptables-save', 'iptables-restore', 'ip6tables', 'sysctl', 'bridge', 'brctl', 'ifconfig', 'route', 'arp', 'conntrack', 'tc', 'nft', 'dnsmasq', 'chroot', 'ethtool', 'modprobe', 'ipvsadm', 'arping']);

function whichOne(p: Process, name: string, path: string): string | undefined {
  const cmds = new Set(allCommands().map((c) => c.name));
  if (name.includes('/')) return undefined;
  const vfs = hostOf(p).vfs;
  for (const dir of path.split(':')) {
    const d = dir.replace(/\/+$/, '');
    if (cmds.has(name)) {
      const home = SBIN_HINT.has(name) ? ['/usr/sbin', '/sbin'] : ['/usr/bin', '/bin'];
      if (home.includes(d)) return `${d}/${name}`;
    }
    const n = vfs.tryLookup(`${d}/${name}`, p.vfsCtx());
    if (n && n.kind === 'file' && n.mode & 0o111) return `${d}/${name}`;
  }
  return undefined;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** strftime for the simulated clock (UTC). */
export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return fmt.replace(/%([a-zA-Z%])/g, (_m, c: string) => {
    switch (c) {
      case 'Y':
        return String(d.getUTCFullYear());
      case 'y':
        return p2(d.getUTCFullYear() % 100);
      case 'm':
        return p2(d.getUTCMonth() + 1);
      case 'd':
        return p2(d.getUTCDate());
      case 'e':
        return String(d.getUTCDate()).padStart(2);
      case 'H':
        return p2(d.getUTCHours());
      case 'M':
        return p2(d.getUTCMinutes());
      case 'S':
        return p2(d.getUTCSeconds());
      case 'N':
        return String((ms % 1000) * 1_000_000).padStart(9, '0');
      case 's':
        return String(Math.floor(ms / 1000));
      case 'a':
        return DAYS[d.getUTCDay()];
      case 'A':
        return DAYS_LONG[d.getUTCDay()];
      case 'b':
      case 'h':
        return MONTHS[d.getUTCMonth()];
      case 'B':
        return MONTHS_LONG[d.getUTCMonth()];
      case 'Z':
        return 'UTC';
      case 'z':
        return '+0000';
      case 'F':
        return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case 'T':
        return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      case 'D':
        return `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(d.getUTCFullYear() % 100)}`;
      case 'j': {
        const start = Date.UTC(d.getUTCFullYear(), 0, 1);
        return String(Math.floor((ms - start) / 86_400_000) + 1).padStart(3, '0');
      }
      case 'u':
        return String(d.getUTCDay() || 7);
      case 'w':
        return String(d.getUTCDay());
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case '%':
        return '%';
      default:
        return `%${c}`;
    }
  });
}

register({
  name: 'date',
  summary: 'print the system date and time (the simulation clock, UTC)',
  usage: 'date [-u] [+FORMAT]',
  run(p) {
    const host = hostOf(p);
    const now = host.clock.epochMs + Math.floor(host.clock.now);
    const fmtArg = p.argv.slice(1).find((a) => a.startsWith('+'));
    const bad = p.argv.slice(1).find((a) => !a.startsWith('+') && a !== '-u' && a !== '--utc' && a !== '-R');
    if (bad) {
      p.stderr.write(`${p.argv[0]}: invalid date '${bad}'\n`);
      return 1;
    }
    if (p.argv.includes('-R')) p.stdout.write(strftime('%a, %d %b %Y %H:%M:%S +0000', now) + '\n');
    else p.stdout.write(strftime(fmtArg ? fmtArg.slice(1) : '%a %b %e %H:%M:%S %Z %Y', now) + '\n');
    return 0;
  },
});

register({
  name: 'clear',
  summary: 'clear the terminal screen',
  usage: 'clear',
  run(p) {
    p.stdout.write('\x1b[H\x1b[2J\x1b[3J');
    return 0;
  },
});

register({
  name: 'help',
  summary: 'list the commands this simulated host understands',
  usage: 'help [COMMAND]',
  run(p) {
    const name = p.argv[1];
    if (name) {
      const spec = allCommands().find((c) => c.name === name);
      if (!spec) {
        p.stderr.write(`help: no help topics match '${name}'.\n`);
        return 1;
      }
      let text = `${spec.name} - ${spec.summary}\n`;
      if (spec.usage) text += `\nUsage: ${spec.usage}\n`;
      if (spec.subcommands?.length) text += `\nObjects: ${spec.subcommands.join(', ')}\n`;
      if (spec.options?.length) {
        text += '\nOptions:\n';
        for (const o of spec.options) text += `  ${(o.flag + (o.arg ? ' ' + o.arg : '')).padEnd(24)} ${o.desc}\n`;
      }
      p.stdout.write(text);
      return 0;
    }
    const cmds = allCommands().filter((c) => !c.hidden);
    const w = Math.max(...cmds.map((c) => c.name.length));
    let text = 'Commands available on this simulated host (try `help COMMAND`):\n\n';
    for (const c of cmds) text += `  ${c.name.padEnd(w)}  ${c.summary}\n`;
    text += '\nShell builtins: cd, pwd, export, unset, exit, echo, printf, test, type, history, source, read, jobs, fg, kill, wait.\n';
    p.stdout.write(text);
    return 0;
  },
});
