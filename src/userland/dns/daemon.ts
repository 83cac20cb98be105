// A background server process: what a daemon leaves behind after it forks
// (dnsmasq), or what a lab starts at boot. It owns the server's sockets,
// shows in the process table, and stops on SIGTERM/SIGINT/SIGKILL.

import type { Process } from '../../kernel/proc.ts';
import { devNullIn, devNullOut } from '../../kernel/proc.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { SIGNUM } from '../../kernel/proc.ts';

/** Spawn a process that stays alive until signalled; `stop` runs when it dies. */
export function spawnDaemon(k: Kernel, netns: unknown, argv: string[], parent: Process | undefined, stop: () => void): Process {
  const d = k.procs.spawn({
    ppid: 1,
    argv,
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    cwd: '/',
    netns,
    stdin: devNullIn,
    stdout: devNullOut,
    stderr: devNullOut,
    exec: parent ? parent.exec : async () => 127,
  });
  d.state = 'S';
  d.onSignal((sig) => {
    stop();
    d.exit(128 + SIGNUM[sig]);
  });
  return d;
}
