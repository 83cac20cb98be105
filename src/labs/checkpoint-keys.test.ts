// Grading replays what the learner did, editor keystrokes included: a script
// written in nano and then run passes the lab; the same command lines
// without the keys do not (nano never wrote the file).

import { describe, expect, it } from 'vitest';
import { gradeText, CHECKPOINT_FORMAT } from './checkpoint.ts';
import { getLab } from './index.ts';

describe('checkpoints with editor keys', () => {
  it('replays the keys typed into nano between the command lines', async () => {
    const solution = getLab('namespaces-veth')!.solution as string[];
    const keys = [...solution.join('\r')].concat(['\r', '\x0f', '\r', '\x18']);
    const entries = [
      { line: 'nano setup.sh', at: 1000 },
      { keys, at: 2000, dt: keys.map((_, i) => i * 10), cols: 80, rows: 24 },
      { line: 'bash setup.sh', at: 90_000 },
    ];
    const base = { format: CHECKPOINT_FORMAT, lab: 'namespaces-veth', learner: 'ada', seed: 1, commands: ['nano setup.sh', 'bash setup.sh'] };
    const row = await gradeText(JSON.stringify({ ...base, entries }));
    expect(row.error).toBe('');
    expect(row.passed).toBe(true);
    const without = await gradeText(JSON.stringify(base));
    expect(without.passed).toBe(false);
  }, 60_000);
});
