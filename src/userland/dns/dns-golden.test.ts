// Replays the DNS fidelity goldens (recorded against a real dnsmasq in a
// network namespace) on a fresh simulated bare host, each line through
// `bash -c` as the recorder ran it, and requires every step to match after
// the kit's normalisation. PACKETLAB_GOLDEN_DEBUG=1 prints the mismatches.

import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { bareWorld } from '../../world/world.ts';
import { StringOut, devNullIn } from '../../kernel/proc.ts';
import { resolveProgram, spawnProgram } from '../../shell/exec.ts';
import '../../shell/bash.ts';
import '../index.ts';
import '../net/ping.ts';
import '../net/iptables/iptables.ts';
import { golden, norm, type GoldenStep } from '../net/golden-kit.test-util.ts';

/** Goldens of the kit, or of this repository's own scenarios (fidelity/goldens). */
function steps(name: string): GoldenStep[] {
  const own = new URL(`../../../fidelity/goldens/${name}.json`, import.meta.url);
  if (existsSync(own)) return (JSON.parse(readFileSync(own, 'utf8')) as { steps: GoldenStep[] }).steps;
  return golden(name);
}

async function replay(name: string): Promise<[GoldenStep, GoldenStep][]> {
  const world = bareWorld(1);
  const k = world.host('host');
  const pairs: [GoldenStep, GoldenStep][] = [];
  for (const s of steps(name)) {
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
