// Replays the fidelity goldens in scope for `ip` on a fresh simulated bare
// host (each line through `bash -c`, as the recorder ran it) and requires
// every `ip` step to match the real recording after the kit's own
// normalisation (MAC numbering, sorted neighbour dumps).

import { describe, expect, it } from 'vitest';
import { bareWorld } from '../../../world/world.ts';
import { StringOut, devNullIn } from '../../../kernel/proc.ts';
import { resolveProgram, spawnProgram } from '../../../shell/exec.ts';
import '../../../shell/bash.ts';
import '../../index.ts';
import '../ping.ts';
import './index.ts';
import { golden, norm, type GoldenStep } from '../golden-kit.test-util.ts';

/** Run every step of a scenario; returns [golden, candidate] pairs (normalised). */
async function replay(name: string): Promise<[GoldenStep, GoldenStep][]> {
  const world = bareWorld(1);
  const k = world.host('host');
  const pairs: [GoldenStep, GoldenStep][] = [];
  for (const s of golden(name)) {
    const out = new StringOut();
    const err = new StringOut();
    const ref = resolveProgram(k, 'bash', undefined, '/tmp');
    const env = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' };
    const r = spawnProgram(k, 1, ['bash', '-c', s.cmd], { env, cwd: '/tmp', netns: k.initNs, stdin: devNullIn, stdout: out, stderr: err }, ref);
    const d = await world.run(r.done);
    const exit = d.done ? d.value : 124;
    pairs.push([await norm(s), await norm({ cmd: s.cmd, stdout: out.text, stderr: err.text, exit })]);
  }
  return pairs;
}

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
