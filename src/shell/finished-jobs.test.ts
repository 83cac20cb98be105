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

describe('finished background jobs in a non-interactive bash', () => {
  it('181-bash-finished-jobs: forgotten after a foreground child, kept for wait PID', async () => {
    const pairs = await replay(golden('181-bash-finished-jobs'));
    expect(pairs.length).toBe(13);
    for (const [g, c] of pairs) expect(c).toEqual(g);
  }, 60_000);
});
