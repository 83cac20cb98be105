// Start-state helpers of the break-fix labs: firewall rules written the way
// an administrator wrote them (each line is an iptables command line run in
// the namespace, through the real iptables front end), so `iptables -S`
// shows them exactly as a learner would have typed them.

import { devNullIn, devNullOut } from '../src/kernel/proc.ts';
import type { Builder } from '../src/labs/build.ts';
import { runIptables, splitRestoreLine } from '../src/userland/net/iptables/iptables.ts';

/** Run `iptables ARGS` lines in namespace `nsSpec` (`host:ns`, `ns` or `` for the default host's own). */
export function iptablesRules(b: Builder, nsSpec: string, lines: string[]): void {
  const ns = b.ns(nsSpec);
  const k = ns.kernel;
  const p = k.procs.spawn({ ppid: 1, argv: ['iptables'], env: {}, cwd: '/', netns: ns, stdin: devNullIn, stdout: devNullOut, stderr: devNullOut, exec: async () => 0 });
  try {
    for (const line of lines) {
      const o = runIptables(p, splitRestoreLine(line));
      if (o.status !== 0) throw new Error(`lab builder: iptables ${line}: ${o.stderr.trim()}`);
    }
  } finally {
    p.exit(0);
  }
}
