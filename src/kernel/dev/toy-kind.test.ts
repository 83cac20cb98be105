// The device-operations seam: a link kind the kernel was not built with,
// defined and registered in this one file with little more than the
// operations DeviceOps requires (ops.ts), is created by `ip link add`,
// carries a ping between two namespaces through the ordinary packet path,
// shows in `ip -d link`, and has its MTU bound and teardown honoured —
// without a line changed anywhere else.

import { describe, expect, it } from 'vitest';
import '../../userland/net/ping.ts';
import '../../userland/net/ip/index.ts';
import { run, addNetns, cidr } from '../../../test/kit.ts';
import { World } from '../../world/world.ts';
import { IFF, type NetDevice } from '../netdev.ts';
import { cloneFrame } from '../packet.ts';
import { tm } from '../trace-texts.ts';
import { LINK_LATENCY_MS } from '../stack.ts';
import { linkKinds, linkOps, registerLinkKind } from './ops.ts';

/**
 * `xhub`: every xhub device of a host is a port of one hub; a frame sent on
 * one arrives on each other port that is up. Frames delivered are counted in
 * `carried`; the MTU is at most 4000.
 */
const ports = new Set<NetDevice>();
let carried = 0;
registerLinkKind({
  kind: 'xhub',
  infoKind: true,
  flags: IFF.BROADCAST | IFF.MULTICAST,
  noQueue: true,
  setup: (dev) => void (dev.maxMtu = 4000),
  newlink(ns, o, ctx) {
    const dev = ctx.make(ns, o.name, o.address ?? ctx.randomMac(), o.mtu ?? 1500);
    ports.add(dev);
    return dev;
  },
  xmit(stack, dev, frame, hops) {
    for (const port of ports) {
      if (port === dev || !port.adminUp || port.ns.kernel !== dev.ns.kernel) continue;
      carried++;
      stack.trace(frame.trace, dev.ns, 'xmit', tm('link.sent', { kind: 'xhub', dev: dev.name, peer: port.name }));
      const copy = cloneFrame(frame);
      stack.schedule(LINK_LATENCY_MS, () => stack.netifReceive(port, copy, hops + 1));
    }
  },
  carrier: (dev) => dev.adminUp,
  uninit: (dev) => void ports.delete(dev),
  fillInfo: () => ({ toy: 1 }),
});

function world(): { w: World; host: ReturnType<World['addHost']> } {
  const w = new World({ seed: 7 });
  return { w, host: w.addHost('host') };
}

describe('a link kind registered in one file', () => {
  it('is in the table next to the built-in kinds', () => {
    expect(linkKinds()).toEqual(expect.arrayContaining(['loopback', 'veth', 'bridge', 'dummy', 'ether', 'vxlan', 'xhub']));
    expect(linkOps('xhub')!.kind).toBe('xhub');
    expect(() => registerLinkKind({ ...linkOps('veth')! })).toThrow(/registered twice/);
  });

  it('is created by ip link add and carries a ping through the packet path', async () => {
    const { w, host } = world();
    const red = addNetns(host, 'red');
    const blue = addNetns(host, 'blue');
    const init = host.initNs;
    expect(await run(w, host, init, ['ip', 'link', 'add', 'x0', 'type', 'xhub'])).toEqual({ stdout: '', stderr: '', exit: 0 });
    expect((await run(w, host, init, ['ip', 'link', 'add', 'x1', 'type', 'xhub'])).exit).toBe(0);
    const x0 = init.devByName('x0')!;
    const x1 = init.devByName('x1')!;
    expect(x0.kind).toBe('xhub');
    init.setNetns(x0, red);
    init.setNetns(x1, blue);
    red.addrAdd(x0, { ...cidr('10.9.0.1/24'), broadcast: 'auto' });
    blue.addrAdd(x1, { ...cidr('10.9.0.2/24'), broadcast: 'auto' });
    red.setUp(x0, true);
    blue.setUp(x1, true);
    const before = carried;
    const r = await run(w, host, red, ['ping', '-c', '1', '-W', '1', '10.9.0.2']);
    expect(r.exit).toBe(0);
    expect(r.stdout).toContain('1 packets transmitted, 1 received, 0% packet loss');
    // ARP request and reply, echo request and reply.
    expect(carried - before).toBe(4);
    expect(x0.operState).toBe('UP');
  });

  it('shows its kind in ip -d link, keeps its MTU bound, and is torn down through its own operation', async () => {
    const { w, host } = world();
    const ns = host.initNs;
    await run(w, host, ns, ['ip', 'link', 'add', 'x2', 'type', 'xhub']);
    const d = await run(w, host, ns, ['ip', '-d', 'link', 'show', 'x2']);
    expect(d.stdout).toMatch(/^\d+: x2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n {4}link\/ether [0-9a-f:]{17} brd ff:ff:ff:ff:ff:ff promiscuity 0 +allmulti 0 minmtu 68 maxmtu 4000 \n {4}xhub addrgenmode eui64 /);
    const x2 = ns.devByName('x2')!;
    expect(ns.linkInfo(x2)).toEqual({ kind: 'xhub', data: { toy: 1 } });
    const big = await run(w, host, ns, ['ip', 'link', 'set', 'x2', 'mtu', '5000']);
    expect(big).toEqual({ stdout: '', stderr: 'Error: mtu greater than device maximum.\n', exit: 2 });
    expect((await run(w, host, ns, ['ip', 'link', 'set', 'x2', 'mtu', '4000'])).exit).toBe(0);
    expect(x2.mtu).toBe(4000);
    // Deleting the device calls the kind's uninit: it leaves the hub.
    expect(ports.has(x2)).toBe(true);
    expect((await run(w, host, ns, ['ip', 'link', 'del', 'x2'])).exit).toBe(0);
    expect(ns.devByName('x2')).toBeUndefined();
    expect(ports.has(x2)).toBe(false);
  });

  it('an unregistered kind is refused as before', async () => {
    const { w, host } = world();
    const r = await run(w, host, host.initNs, ['ip', 'link', 'add', 'y0', 'type', 'nosuchkind']);
    expect(r.stderr).toBe('Error: Unknown device type.\n');
    expect(r.exit).toBe(2);
  });
});
