// Replays the CNI fidelity goldens — invocations of Debian 12's
// containernetworking-plugins 1.1.1 (/usr/lib/cni) recorded on a real kernel
// in fresh namespaces (fidelity/scenarios/75-79b-cni-*.sh) — on a fresh
// simulated bare host and requires every step to match after the kit's
// normalisation: results without a trailing newline, error objects of
// code/msg/details, Go's JSON errors, VERSION, CHECK, lease files and lock,
// the veth left behind after an IPAM failure, ipMasq's CNI-<hash> chain with
// masquerade really applied (conntrack), portmap's CNI-HOSTPORT-* chains with
// DNAT really forwarding (nc), ptp, layer-2 bridges, hairpin and promiscuous
// mode. PACKETLAB_GOLDEN_DEBUG=1 prints the mismatches.

import { describe, expect, it } from 'vitest';
import './index.ts';
import { golden, norm, type GoldenStep } from '../../../../test/golden.ts';
import { bareWorld } from '../../../world/world.ts';
import { runScript } from '../../../session/session.ts';

/** Run the steps as `npm run transcript` does (a fresh bare host with its installed programs) and pair them, normalised. */
async function replay(steps: GoldenStep[]): Promise<[GoldenStep, GoldenStep][]> {
  const got = await runScript(bareWorld(1), steps.map((s) => s.cmd));
  return Promise.all(steps.map(async (s, i) => [await norm(s), await norm(got[i])] as [GoldenStep, GoldenStep]));
}

const SCENARIOS = ['75-cni-version', '75a-cni-bad-config', '75b-cni-json-errors', '76-cni-bridge-add-del', '76a-cni-exhausted', '77-cni-ipmasq', '77a-cni-check', '78-cni-portmap', '78a-cni-loopback', '79-cni-ptp', '79a-cni-host-local', '79b-cni-bridge-l2', '79c-cni-more'];

describe('CNI plugins against the real Debian binaries', () => {
  for (const name of SCENARIOS) {
    it(`${name}: every step matches`, async () => {
      const pairs = await replay(golden(name));
      const bad = pairs.filter(([g, c]) => JSON.stringify(g) !== JSON.stringify(c));
      if (process.env.PACKETLAB_GOLDEN_DEBUG) console.log(bad.map(([g, c]) => `--- ${g.cmd}\n  want ${JSON.stringify(g)}\n  got  ${JSON.stringify(c)}`).join('\n'));
      expect(bad.map(([g]) => g.cmd)).toEqual([]);
    }, 120_000);
  }
});

describe('plugins the simulation does not model', () => {
  it('answer VERSION and refuse ADD with a not-simulated error object and status 1', async () => {
    const pairs = await replay([
      { cmd: 'CNI_COMMAND=VERSION /usr/lib/cni/macvlan', stdout: '', stderr: '', exit: 0 },
      { cmd: 'echo \'{"cniVersion":"1.0.0","name":"m","type":"macvlan"}\' | CNI_COMMAND=ADD CNI_CONTAINERID=c CNI_NETNS=/x CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/macvlan; echo " rc=$?"', stdout: '', stderr: '', exit: 0 },
    ]);
    expect(pairs[0][1].stdout).toBe('{"cniVersion":"1.0.0","supportedVersions":["0.1.0","0.2.0","0.3.0","0.3.1","0.4.0","1.0.0"]}\n');
    expect(pairs[1][1].stdout).toBe('{\n    "code": 999,\n    "msg": "the macvlan plugin is not simulated",\n    "details": "packetlab models the bridge, host-local, loopback, portmap and ptp plugins"\n} rc=1\n');
  });

  it('refuse options of the modelled plugins that are not simulated, and IPv6 ranges, with code 2', async () => {
    const E = 'CNI_CONTAINERID=c CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni';
    const pairs = await replay([
      { cmd: 'ip netns add a', stdout: '', stderr: '', exit: 0 },
      { cmd: `echo '{"cniVersion":"1.0.0","name":"v","type":"bridge","vlan":100}' | CNI_COMMAND=ADD ${E} /usr/lib/cni/bridge; echo " rc=$?"`, stdout: '', stderr: '', exit: 0 },
      { cmd: `echo '{"cniVersion":"1.0.0","name":"v","type":"x","ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"fd00::/64"}}' | CNI_COMMAND=ADD ${E} /usr/lib/cni/host-local; echo " rc=$?"`, stdout: '', stderr: '', exit: 0 },
      { cmd: `echo '{"cniVersion":"1.0.0","name":"v","type":"portmap","masqAll":true,"prevResult":{"cniVersion":"1.0.0","ips":[{"address":"10.1.0.2/24"}]}}' | CNI_COMMAND=ADD ${E} /usr/lib/cni/portmap; echo " rc=$?"`, stdout: '', stderr: '', exit: 0 },
      { cmd: 'ip -br link', stdout: '', stderr: '', exit: 0 },
    ]);
    expect(pairs[1][1].stdout).toBe('{\n    "code": 2,\n    "msg": "the bridge plugin\'s \\"vlan\\" option is not simulated"\n} rc=1\n');
    expect(pairs[2][1].stdout).toContain('"msg": "host-local: the IPv6 range fd00::/64 is not simulated"');
    expect(pairs[3][1].stdout).toContain('"msg": "the portmap plugin\'s \\"masqAll\\" option is not simulated"');
    // Nothing was created before the refusal.
    expect(pairs[4][1].stdout).not.toContain('cni0');
  });
});
