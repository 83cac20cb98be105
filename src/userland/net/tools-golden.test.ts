// Replays the fidelity goldens on a fresh simulated bare host (each line
// through `bash -c`, as the recorder ran it) and requires every step that
// uses one of the tools of this directory (bridge, brctl, arp, route,
// ifconfig, netstat, sysctl) or of userland/sys (hostname, nsenter, mount...)
// to match the real recording after the kit's own normalisation.
// PACKETLAB_GOLDEN_DEBUG=1 prints every mismatching step of the scenarios.

import { describe, expect, it } from 'vitest';
import '../../shell/bash.ts';
import '../index.ts';
import './ping.ts';
import { readFileSync } from 'node:fs';
import { golden, replay as replaySteps, type GoldenStep } from '../../../test/golden.ts';

/** Steps of one of this directory's own recordings (goldens/NAME.json, made with the kit's record.sh). */
function localGolden(name: string): GoldenStep[] {
  const rel = name.startsWith('sys-') ? `../sys/goldens/${name}.json` : `./goldens/${name}.json`;
  return (JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { steps: GoldenStep[] }).steps;
}

/** Run every step of a scenario on a fresh bare host; [golden, candidate] pairs (normalised). */
const replay = (name: string, steps: GoldenStep[] = golden(name)) => replaySteps(steps);

const MINE = /(^|[|;&(]\s*|exec \S+ |nsenter [^|;&]*? )(bridge|brctl|arp|route|ifconfig|netstat|sysctl|hostname|nsenter|mount|umount|unshare|ps)( |$)/;

const SCENARIOS = [
  '01-bare-host',
  '03-veth-pair',
  '05-bridge-four-namespaces',
  '06-router-namespace',
  '08-neighbour-table',
  '09-sysctl-proc',
  '11-nat-masquerade',
  '14-etc-hosts',
  '16-net-tools',
  '18-netns-exec-multi',
  '19-conntrack-nat',
  '22-bridge-fdb-brctl',
  '24-lesson-end-to-end',
  '25-error-combos',
  '26-http-curl-nc',
];

describe('bridge, brctl, net-tools, sysctl and sys tools against the real-kernel goldens', () => {
  for (const name of SCENARIOS) {
    it(`${name}: every step of these tools matches`, async () => {
      const pairs = await replay(name);
      if (process.env.PACKETLAB_GOLDEN_DEBUG) {
        const bad = pairs.filter(([g, c]) => JSON.stringify(g) !== JSON.stringify(c));
        console.log(`${name}: ${pairs.length - bad.length}/${pairs.length}\n` + bad.map(([g, c]) => `--- ${g.cmd}\n  want ${JSON.stringify(g)}\n  got  ${JSON.stringify(c)}`).join('\n'));
      }
      const mine = pairs.filter(([g]) => MINE.test(g.cmd));
      expect(mine.length).toBeGreaterThan(0);
      for (const [g, c] of mine) expect(c).toEqual(g);
    }, 60_000);
  }
});

/** This directory's own recordings (real kernel, same recorder): every step must match. */
/**
 * Steps whose remaining difference is another component's: the shell's grep
 * has no -A yet, and `ip netns` does not list (and complain about) plain
 * files left in /run/netns after umount.
 */
const FOREIGN = /grep -A|^ip netns$/;
const LOCAL = ['sys-tools', 'tools-ethtool', 'tools-netstat', 'tools-arp', 'tools-route', 'tools-ifconfig', 'tools-sysctl', 'tools-bridge'];

describe('the tools against their own real-kernel recordings', () => {
  for (const name of LOCAL) {
    it(`${name}: every step matches`, async () => {
      const pairs = await replay(name, localGolden(name));
      const bad = pairs.filter(([g, c]) => JSON.stringify(g) !== JSON.stringify(c));
      if (process.env.PACKETLAB_GOLDEN_DEBUG) {
        console.log(`${name}: ${pairs.length - bad.length}/${pairs.length}\n` + bad.map(([g, c]) => `--- ${g.cmd}\n  want ${JSON.stringify(g)}\n  got  ${JSON.stringify(c)}`).join('\n'));
      }
      for (const [g, c] of pairs) if (!FOREIGN.test(g.cmd)) expect(c).toEqual(g);
    }, 60_000);
  }
});
