// ping -s at the IPv4 size limits, against fidelity/goldens/182-ping-size-limits.json
// (iputils 20221126 on Linux 6.18, loopback): past 65535 bytes of datagram
// the send fails with an error-queue entry ("local error", the MTU capped at
// IP_MAX_MTU); past 65535 bytes of ICMP message it fails before that, with
// nothing queued, so nothing is printed and no error counted. And this
// ping refuses `-M probe`.
import { describe, expect, it } from 'vitest';
import { golden, replay } from '../../../test/golden.ts';

describe('ping -s at the size limits', () => {
  it('182-ping-size-limits: every step as recorded', async () => {
    const pairs = await replay(golden('182-ping-size-limits'));
    expect(pairs.length).toBe(13);
    for (const [g, c] of pairs) expect(c).toEqual(g);
  }, 60_000);
});
