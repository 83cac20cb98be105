// The shell as the worker's entry holds it: the `bash` and `sh` commands
// (their specs), and the session's login shell up to its first line. The
// interpreter (parser, expansions, builtins, completion: src/shell/bash.ts
// and what it imports) is a chunk of its own, awaited with the clock held
// (holdClock) wherever a shell first has to run something, so a terminal
// shows its prompt before that chunk is in and a run prints the same
// whether it was loaded already or not.
//
// Until the chunk is in, the login shell's first prompt is read here: the
// same prompt, history and line editor as the interactive loop's, which then
// takes that line as its first (InteractiveOptions.first). The browser
// worker fetches the chunk as soon as the prompt is on screen (backend.ts
// prefetch); a Tab typed before it is in waits for it, with the keys after
// it, as keys wait for a busy shell.

import type { Process } from '../kernel/proc.ts';
import { holdClock } from '../world/driver.ts';
import { hostOf } from '../userland/coreutils/host.ts';
import { register } from '../userland/registry.ts';
import type { ReadResult, ShellTty } from './control.ts';
import type { Dialect } from './interp.ts';

type ShellModule = typeof import('./bash.ts');
let shellModule: Promise<ShellModule> | undefined;
let loaded: ShellModule | undefined;

/** The interpreter's chunk (once). Callers that run shell code hold the clock while they wait for it. */
export function loadShell(): Promise<ShellModule> {
  return (shellModule ??= import('./bash.ts').then((m) => (loaded = m)));
}

/** The terminal a process's stdin is connected to, if it is one. */
export function ttyOf(p: Process): ShellTty | undefined {
  const s = p.stdin as { isTTY: boolean; tty?: ShellTty };
  return s.isTTY && s.tty ? s.tty : undefined;
}

/**
 * Per-terminal, per-host shared history: nested shells on one host see the
 * outer shell's history, as with ~/.bash_history; a shell on another host
 * (through ssh) has that host's own.
 */
const histories = new WeakMap<ShellTty, WeakMap<object, string[]>>();
export function historyOf(tty: ShellTty, host: object): string[] {
  let byHost = histories.get(tty);
  if (!byHost) {
    byHost = new WeakMap();
    histories.set(tty, byHost);
  }
  let h = byHost.get(host);
  if (!h) {
    h = [];
    byHost.set(host, h);
  }
  return h;
}

/** The prompt of an interactive shell: `root@host:~# ` (HOME shown as `~`). */
export function promptText(hostname: string, home: string, cwd: string): string {
  const shown = cwd === home ? '~' : home !== '/' && cwd.startsWith(home + '/') ? '~' + cwd.slice(home.length) : cwd;
  return `root@${hostname}:${shown}# `;
}

/** Options for an interactive shell loop. */
export interface InteractiveOptions {
  /** Ctrl-D at the prompt is ignored (the session's login shell). */
  ignoreEof?: boolean;
  /** The first line, read at the first prompt before the interpreter was in (loginShell). */
  first?: ReadResult;
}

/** A shell's main, once the interpreter is in. */
async function runShell(p: Process, dialect: Dialect, opts: InteractiveOptions = {}): Promise<number> {
  const m = loaded ?? (await holdClock(loadShell()));
  return m.shellMain(p, dialect, opts);
}

/**
 * The session's login shell (`-bash` on the terminal): its first prompt
 * at once, then the interactive loop with the line read there.
 */
export async function loginShell(p: Process, opts: InteractiveOptions = {}): Promise<number> {
  const tty = ttyOf(p);
  if (!tty || loaded) return runShell(p, 'bash', opts);
  const host = hostOf(p);
  const first = await tty.readLine({
    prompt: promptText(host.hostname, p.env.HOME ?? '/root', p.cwd),
    history: historyOf(tty, host),
    complete: (line, cursor) => loaded?.completeFresh(p, line, cursor),
    completionLoading: () => (loaded ? undefined : holdClock(loadShell())),
    record: true,
  });
  return runShell(p, 'bash', { ...opts, first });
}

register({
  name: 'bash',
  summary: 'GNU Bourne-Again SHell (the command interpreter)',
  usage: 'bash [-c COMMAND [ARG0 [ARG...]]] [FILE [ARG...]]',
  options: [
    { flag: '-c', arg: 'COMMAND', desc: 'run COMMAND and exit' },
    { flag: '-x', desc: 'print commands as they run' },
    { flag: '-e', desc: 'exit at the first failing command' },
  ],
  run: (p) => runShell(p, 'bash'),
});

register({
  name: 'sh',
  summary: 'POSIX shell (Debian dash) — runs commands like bash',
  usage: 'sh [-c COMMAND [ARG0 [ARG...]]] [FILE [ARG...]]',
  options: [{ flag: '-c', arg: 'COMMAND', desc: 'run COMMAND and exit' }],
  run: (p) => runShell(p, 'dash'),
});
