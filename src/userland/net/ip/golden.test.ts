// Replays the fidelity goldens in scope for `ip` on a fresh simulated bare
// host (each line through `bash -c`, as the recorder ran it) and requires
// every `ip` step to match the real recording after the kit's own
// normalisation (MAC numbering, sorted neighbour dumps).

import { describe, expect, it } from 'vitest';
import '../../../shell/bash.ts';
import '../../index.ts';
import '../ping.ts';
import './index.ts';
import { golden, replay as replaySteps } from '../../../../test/golden.ts';

/** Run every step of a scenario on a fresh bare host; [golden, candidate] pairs (normalised). */
const replay = (name: string) => replaySteps(golden(name));

/** Steps that are a plain `ip` invocation (also through `ip netns exec NS ip ...`). */
function isIp(cmd: string): boolean {
  return /^ip /.test(cmd) && !/ exec \S+ (?!ip )/.test(cmd) && !/[|;&]/.test(cmd);
}

const SCENARIOS = [
  '01-bare-host',
  '02-netns-basics',
  '03-veth-pair',
  '04-ip-errors',
  '05-bridge-four-namespaces',
  '06-router-namespace',
  '07-ping-variants',
  '08-neighbour-table',
  '15-ip-route-details',
  '17-ip-link-properties',
  '18-netns-exec-multi',
  '20-ip-stats-flush',
  '23-json-output',
  '25-error-combos',
];

describe('ip against the real-kernel goldens', () => {
  for (const name of SCENARIOS) {
    it(`${name}: every ip step matches`, async () => {
      const pairs = await replay(name);
      const ipPairs = pairs.filter(([g]) => isIp(g.cmd));
      expect(ipPairs.length).toBeGreaterThan(3);
      for (const [g, c] of ipPairs) expect({ cmd: c.cmd, stdout: c.stdout, stderr: c.stderr, exit: c.exit }).toEqual({ cmd: g.cmd, stdout: g.stdout, stderr: g.stderr, exit: g.exit });
    }, 60_000);
  }
});
