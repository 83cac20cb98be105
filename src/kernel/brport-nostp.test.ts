// A bridge that never runs STP needs no spanning-tree code: the browser
// worker loads src/kernel/stp.ts only with the programs that can turn STP on
// (src/userland/lib/kmod.ts), so setting port attributes (the CNI bridge
// plugin's hairpin mode, `bridge link set … cost`) and bridge timers must
// work without it. This file deliberately imports neither stp.ts nor kmod.ts.
import { describe, expect, it } from 'vitest';
import { World } from '../world/world.ts';

describe('bridge ports without the spanning-tree module', () => {
  it('port flags, cost and priority, and bridge timers, apply without loading stp.ts', () => {
    const world = new World({ seed: 7 });
    const ns = world.addHost('host').initNs;
    const eth = ns.linkAdd({ name: 'v0', kind: 'veth', peerName: 'v0p' });
    const br = ns.linkAdd({ name: 'br0', kind: 'bridge' });
    ns.linkChange(eth, { master: br.ifindex });
    ns.linkChange(eth, { brport: { hairpin: true, cost: 7, priority: 5 } });
    const pt = ns.brportInfo(eth)!;
    expect([pt.cost, pt.priority, pt.hairpin, pt.state]).toEqual([7, 5, true, 'disabled']);
    expect(ns.bridgeInfo(br)?.stpEnabled).toBe(false);
    // Turning STP on is what needs the module (ip and brctl load it first).
    expect(() => ns.linkChange(br, { bridge: { stpState: 1 } })).toThrow(/spanning tree \(kernel\/stp\.ts\) is not loaded/);
  });
});
