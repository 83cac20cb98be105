// A non-interactive bash forgets a background job that has finished once a
// foreground child ends (bash's wait_for cleans up dead jobs): `wait -n`,
// `jobs` and `%N` no longer see it, `wait PID` still finds its status, and a
// command substitution or a builtin does not count. Replays
// fidelity/goldens/181-bash-finished-jobs.json (bash 5.2, recorded by the
// kit's record.sh) on a fresh simulated bare host; every step must match.
import { describe, expect, it } from 'vitest';
import './bash.ts';
import '../userland/index.ts';
import { golden, replay } from '../../test/golden.ts';
import { bareWorld } from '../world/world.ts';
import { Session } from '../session/session.ts';
import { plain } from '../../test/kit.ts';

describe('finished background jobs in a non-interactive bash', () => {
  it('181-bash-finished-jobs: forgotten after a foreground child, kept for wait PID', async () => {
    const pairs = await replay(golden('181-bash-finished-jobs'));
    expect(pairs.length).toBe(13);
    for (const [g, c] of pairs) expect(c).toEqual(g);
  }, 60_000);
});

describe('finished background jobs in an interactive bash (job control on)', () => {
  // Recorded: bash 5.2 -i under script(1), a pty: "[1]+  Done  sleep 0.1" is
  // printed as soon as the foreground `sleep 0.3` ends, before `wait -n` runs
  // (which then has no job: 127); a job reported before the prompt is gone
  // from the table (%1: no such job) but `wait $!` still returns its status.
  it('reports a finished job when a foreground child ends, and keeps its status for wait PID', async () => {
    const s = new Session({ makeWorld: () => bareWorld(7) });
    let out = '';
    s.onOutput((d) => (out += d));
    await s.start();
    await s.runLine('sleep 0.1 & sleep 0.3; wait -n; echo rc=$?');
    await s.runLine('false & sleep 0.2');
    await s.runLine('jobs; wait -n; echo rc=$?');
    await s.runLine('wait $!; echo rc=$?');
    await s.runLine('wait %1; echo rc=$?');
    const lines = plain(out).split('\n').filter((l) => !/^\[1\] \d+$/.test(l));
    expect(lines).toEqual([
      'root@host:~# sleep 0.1 & sleep 0.3; wait -n; echo rc=$?',
      '[1]+  Done                    sleep 0.1',
      'rc=127',
      'root@host:~# false & sleep 0.2',
      '[1]+  Exit 1                  false',
      'root@host:~# jobs; wait -n; echo rc=$?',
      'rc=127',
      'root@host:~# wait $!; echo rc=$?',
      'rc=1',
      'root@host:~# wait %1; echo rc=$?',
      'bash: wait: %1: no such job',
      'rc=127',
      'root@host:~# ',
    ]);
  }, 60_000);
});
