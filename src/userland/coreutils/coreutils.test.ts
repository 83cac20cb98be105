import { describe, expect, it } from 'vitest';
import { HAVE_KIT, golden, replay } from '../../../test/golden.ts';

// Expected texts are the real ones: fidelity/scenarios/146-coreutils-basics.sh
// recorded on Debian 12 (GNU coreutils 9.1, grep 3.8) by the fidelity kit's recorder.
describe('core utilities', () => {
  it.skipIf(!HAVE_KIT)('print what GNU coreutils and grep print (recorded golden 146)', async () => {
    const pairs = await replay(golden('146-coreutils-basics'));
    expect(pairs.length).toBe(17);
    for (const [want, got] of pairs) expect(got, want.cmd).toEqual(want);
  }, 60_000);
});

describe('wc on a stream', () => {
  it('counts standard input as it arrives, without a size cap, with words spanning chunks', async () => {
    const { runScript } = await import('../../session/session.ts');
    const { bareWorld } = await import('../../world/world.ts');
    const steps = await runScript(bareWorld(1), ["printf '%99999999d' 1 | wc -c", "printf 'a b\\nc' | wc", "{ printf ab; printf cd; } | wc -w"]);
    expect(steps.map((s) => s.stdout)).toEqual(['99999999\n', '      1       3       5\n', '1\n']);
  }, 60_000);
});

describe('tail on a stream', () => {
  it('keeps only what the end needs, so any size of input gives the right end', async () => {
    const { runScript } = await import('../../session/session.ts');
    const { bareWorld } = await import('../../world/world.ts');
    const steps = await runScript(bareWorld(1), ["printf '%99999999d' 1 | tail -c 3", 'seq 1 200000 | tail -n 3', 'seq 1 10 | tail -n +8', 'seq 1 5 | tail -c +7', "printf 'a\\nb\\nc' | tail -n 2"]);
    expect(steps.map((s) => s.stdout)).toEqual(['  1', '199998\n199999\n200000\n', '8\n9\n10\n', '4\n5\n', 'b\nc']);
  }, 60_000);
});
