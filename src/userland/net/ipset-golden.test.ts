// ipset and `iptables -m set` against this repo's real-kernel recordings
// (fidelity/goldens/120-ipset.json, 121-ipset-iptables.json, 150-ipset-kube-proxy.json: Debian 12,
// ipset 7.17, iptables 1.8.9 nf_tables, kernel 6.18), replayed step by step
// on a fresh simulated bare host; every step must match.

import { describe, expect, it } from 'vitest';
import '../../shell/bash.ts';
import '../index.ts';
import { readFileSync } from 'node:fs';
import { replay, type GoldenStep } from '../../../test/golden.ts';

function repoGolden(name: string): GoldenStep[] {
  return (JSON.parse(readFileSync(new URL(`../../../fidelity/goldens/${name}.json`, import.meta.url), 'utf8')) as { steps: GoldenStep[] }).steps;
}

describe('ipset goldens', () => {
  for (const name of ['120-ipset', '121-ipset-iptables', '150-ipset-kube-proxy']) {
    it(name, async () => {
      const pairs = await replay(repoGolden(name));
      for (const [g, c] of pairs) expect(c).toEqual(g);
    });
  }
});
