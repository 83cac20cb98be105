// Replays the DNS fidelity goldens (recorded against a real dnsmasq in a
// network namespace) on a fresh simulated bare host, each line through
// `bash -c` as the recorder ran it, and requires every step to match after
// the kit's normalisation. PACKETLAB_GOLDEN_DEBUG=1 prints the mismatches.

import { describe, expect, it } from 'vitest';
import '../../shell/bash.ts';
import '../index.ts';
import '../net/ping.ts';
import '../net/iptables/iptables.ts';
import { golden, replay as replaySteps } from '../../../test/golden.ts';

/** Goldens of this repository's own scenarios (fidelity/goldens) or of the kit. */
const steps = golden;

const replay = (name: string) => replaySteps(steps(name));

const SCENARIOS: [string, number][] = [
  ['14-etc-hosts', 1],
  ['27-dns-dig-nslookup', 1],
  ['28-dns-resolver-search', 1],
  ['29-dns-nsswitch-order', 1],
];

describe('dig, nslookup, host, getent and the resolver against the real goldens', () => {
  for (const [name, minRatio] of SCENARIOS) {
    it(`${name}: DNS steps match`, async () => {
      const pairs = await replay(name);
      const bad = pairs.filter(([g, c]) => JSON.stringify(g) !== JSON.stringify(c));
      if (process.env.PACKETLAB_GOLDEN_DEBUG) {
        console.log(`${name}: ${pairs.length - bad.length}/${pairs.length}\n` + bad.map(([g, c]) => `--- ${g.cmd}\n  want ${JSON.stringify(g)}\n  got  ${JSON.stringify(c)}`).join('\n'));
      }
      expect((pairs.length - bad.length) / pairs.length).toBeGreaterThanOrEqual(minRatio);
    }, 120_000);
  }
});
