// `python3 FILE` reads the file system: replays fidelity/goldens/95-python-file.json
// (recorded on Debian 12, Python 3.11, by the kit's record.sh) on a fresh
// simulated bare host; every step must match.
import { describe, expect, it } from 'vitest';
import '../../shell/bash.ts';
import '../index.ts';
import { golden, replay } from '../../../test/golden.ts';

describe('python3 FILE against the real recording', () => {
  it('95-python-file: a missing file, a directory, an empty and a comment-only script', async () => {
    const pairs = await replay(golden('95-python-file'));
    expect(pairs.length).toBe(5);
    for (const [g, c] of pairs) expect(c).toEqual(g);
  }, 60_000);
});
