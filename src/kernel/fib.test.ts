// Policy routing and ECMP in the FIB and the packet path.
import { describe, expect, it } from 'vitest';
import { World } from '../world/world.ts';
import { run } from '../../test/kit.ts';
import '../userland/index.ts';
import { flowHashL3, selectNexthop, type Nexthop } from './fib.ts';
import { parseIp4 } from './addr.ts';

const ip = (s: string): number => parseIp4(s)!;

async function twoLinks(seed = 1) {
  const world = new World({ seed });
  const host = world.addHost('host');
  const ns = host.initNs;
  const sh = async (line: string) => run(world, host, ns, line.split(' '));
  for (const l of [
    'ip link add e1 type veth peer name e1p',
    'ip link add e2 type veth peer name e2p',
    'ip link set e1p up',
    'ip link set e2p up',
    'ip addr add 10.1.0.1/24 dev e1',
    'ip addr add 10.2.0.1/24 dev e2',
    'ip link set e1 up',
    'ip link set e2 up',
  ])
    await sh(l);
  return { world, host, ns, sh };
}

describe('ECMP', () => {
  it('hash-threshold selection follows the weights and skips dead next hops', () => {
    const dev = {} as Nexthop['dev'];
    const nhs: Nexthop[] = [
      { gateway: 1, dev, weight: 1, onlink: false, dead: false },
      { gateway: 2, dev, weight: 3, onlink: false, dead: false },
    ];
    const counts = [0, 0];
    for (let i = 0; i < 4000; i++) counts[selectNexthop(nhs, flowHashL3(7, ip('10.0.0.1'), i * 7919)!)!.gateway! - 1]++;
    // 1:3 split, within a few per cent.
    expect(counts[0] / 4000).toBeGreaterThan(0.2);
    expect(counts[0] / 4000).toBeLessThan(0.3);
    nhs[1].dead = true;
    expect(selectNexthop(nhs, 0x7fffffff)!.gateway).toBe(1);
    nhs[0].dead = true;
    expect(selectNexthop(nhs, 5)).toBeUndefined();
  });

  it('the flow hash is stable for a flow, keyed by the seed', () => {
    const a = flowHashL3(1, ip('10.0.0.1'), ip('198.51.100.7'));
    expect(flowHashL3(1, ip('10.0.0.1'), ip('198.51.100.7'))).toBe(a);
    expect(a).toBeLessThan(2 ** 31);
    const other = [2, 3, 4, 5, 6].map((s) => flowHashL3(s, ip('10.0.0.1'), ip('198.51.100.7')));
    expect(new Set([a, ...other]).size).toBe(6);
  });

  it('ip route get spreads destinations over both next hops, the same way for the same seed', async () => {
    const pick = async (seed: number) => {
      const { sh } = await twoLinks(seed);
      await sh('ip route add 198.51.100.0/24 nexthop via 10.1.0.2 nexthop via 10.2.0.2');
      const devs: string[] = [];
      for (let i = 1; i <= 40; i++) devs.push(/dev (\S+)/.exec((await sh(`ip route get 198.51.100.${i}`)).stdout)![1]);
      return devs;
    };
    const a = await pick(11);
    expect(new Set(a)).toEqual(new Set(['e1', 'e2']));
    expect(await pick(11)).toEqual(a);
    expect(await pick(12)).not.toEqual(a);
  });

  it('forwarded packets take the hashed next hop; a dead next hop is skipped', async () => {
    const { sh } = await twoLinks(5);
    await sh('ip route add 198.51.100.0/24 nexthop via 10.1.0.2 weight 1 nexthop via 10.2.0.2 weight 1');
    await sh('ip link set e2 down');
    for (let i = 1; i <= 10; i++) expect((await sh(`ip route get 198.51.100.${i}`)).stdout).toMatch(/via 10\.1\.0\.2 dev e1/);
    expect((await sh('ip route')).stdout).toContain('\tnexthop via 10.2.0.2 dev e2 weight 1 dead linkdown \n');
    await sh('ip link set e1 down');
    expect((await sh('ip route')).stdout).not.toContain('198.51.100.0/24');
  });
});

describe('policy routing', () => {
  it('a mangle MARK in OUTPUT re-routes through the fwmark rule (packet counted on the other link)', async () => {
    const { sh, ns } = await twoLinks(2);
    await sh('ip route add default via 10.1.0.2');
    await sh('ip route add default via 10.2.0.2 table 100');
    await sh('ip rule add fwmark 0x7 table 100');
    const before = ns.devByName('e2')!.stats.txPackets;
    await sh('iptables -t mangle -A OUTPUT -d 203.0.113.9 -j MARK --set-mark 7');
    await sh('ping -c 1 -W 1 203.0.113.9');
    // The echo request left through e2 (ARP for 10.2.0.2 first, then nothing answers: at least one frame).
    expect(ns.devByName('e2')!.stats.txPackets).toBeGreaterThan(before);
    expect((await sh('ip route get 203.0.113.9 mark 7')).stdout).toBe('203.0.113.9 via 10.2.0.2 dev e2 table 100 src 10.2.0.1 mark 7 uid 0 \n    cache \n');
  });

  it('ip rule flush leaves only the local rule: nothing but local addresses is reachable', async () => {
    const { sh } = await twoLinks(3);
    await sh('ip rule flush');
    expect((await sh('ip rule')).stdout).toBe('0:\tfrom all lookup local\n');
    expect((await sh('ip route get 10.1.0.2')).stderr).toBe('RTNETLINK answers: Network is unreachable\n');
    expect((await sh('ip route get 10.1.0.1')).exit).toBe(0);
    expect((await sh('ip rule add from all lookup main pref 32766')).exit).toBe(0);
    expect((await sh('ip rule add from all lookup main pref 32766')).stderr).toBe('RTNETLINK answers: File exists\n');
    expect((await sh('ip route get 10.1.0.2')).stdout).toMatch(/^10\.1\.0\.2 dev e1 src 10\.1\.0\.1/);
  });

  it('an iif lo rule selects locally generated traffic (flowi4_iif is the loopback)', async () => {
    const { sh } = await twoLinks(4);
    await sh('ip route add default via 10.2.0.2 table 30');
    await sh('ip rule add iif lo table 30 pref 100');
    expect((await sh('ip route get 203.0.113.1')).stdout).toBe('203.0.113.1 via 10.2.0.2 dev e2 table 30 src 10.2.0.1 uid 0 \n    cache \n');
  });
});
