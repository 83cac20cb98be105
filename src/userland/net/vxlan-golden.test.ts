// VXLAN on the real packet path against this repository's real-kernel
// recordings: fidelity/goldens/128-vxlan-tunnel (a tunnel behind a router,
// ip -d link, tcpdump's VXLAN and OTV decoding, fdb learning, PMTU through
// the tunnel) and 129-vxlan-mtu (a 1500-byte tunnel on a 1500-byte path,
// a router dropping fragments with -f, the fix). Every step must match.

import { describe, expect, it } from 'vitest';
import '../../shell/bash.ts';
import '../index.ts';
import { golden, replay } from '../../../test/golden.ts';

describe('VXLAN against the real-kernel goldens', () => {
  for (const name of ['128-vxlan-tunnel', '129-vxlan-mtu']) {
    it(`${name}: every step matches`, async () => {
      const pairs = await replay(golden(name));
      expect(pairs.length).toBeGreaterThan(50);
      for (const [g, c] of pairs) expect(c).toEqual(g);
    }, 120_000);
  }
});
