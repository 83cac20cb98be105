// How `timeout` kills: a SIGKILL goes through the shell, which reaps the
// process as bash's job control would (shell/exec.ts installs the hook once).
// Kept apart from the coreutils so the shell, which the prompt needs, does
// not pull `env`, `timeout` and the rest of coreutils/misc.ts into the
// browser worker's entry.

import type { Process } from '../../kernel/proc.ts';

let killHook: ((p: Process) => void) | undefined;

/** Install the SIGKILL reaper used by `timeout` (the shell calls this once). */
export function setKillHook(f: (p: Process) => void): void {
  killHook = f;
}

/** Kill `p` with SIGKILL through the installed hook (nothing when none is installed). */
export function killWithHook(p: Process): void {
  killHook?.(p);
}
