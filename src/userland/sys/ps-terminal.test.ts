// ps without options lists the processes of the caller's terminal only:
// the recorded scenario 130 (script(1) gives a command a terminal), and the
// practice terminal, whose login shell holds pts/0 while daemons hold none.

import { describe, expect, it } from 'vitest';
import { golden, replay } from '../../../test/golden.ts';
import { Session } from '../../session/session.ts';
import { bareWorld } from '../../world/world.ts';
import '../../shell/bash.ts';
import '../index.ts';

describe('ps and the controlling terminal', () => {
  it('scenario 130: every step as recorded', async () => {
    const pairs = await replay(golden('130-ps-terminal'));
    expect(pairs.length).toBe(6);
    for (const [g, c] of pairs) expect(c, g.cmd).toEqual(g);
  }, 60_000);

  it("in the practice terminal a bare ps shows the shell, its jobs and itself; ps -e shows every process", async () => {
    const s = new Session({ makeWorld: () => bareWorld(1) });
    let buf = '';
    s.onOutput((d) => (buf += d));
    await s.start();
    const run = async (line: string): Promise<string> => {
      buf = '';
      await s.runLine(line);
      return buf.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
    };
    await run('sleep 300 &');
    const bare = await run('ps');
    expect(bare).toMatch(/PID TTY {10}TIME CMD\n/);
    const rows = bare.split('\n').filter((l) => / pts\/0 /.test(l)).map((l) => l.trim().split(/\s+/)[3]);
    expect(rows).toEqual(['bash', 'sleep', 'ps']);
    expect(bare).not.toMatch(/ \? /);
    const all = await run('ps -e');
    expect(all).toMatch(/^\s+1 \? {8}00:00:00 init$/m);
    expect(all).toMatch(/pts\/0 {4}00:00:00 sleep$/m);
    s.dispose();
  }, 60_000);
});
