// The device-operations seam: a link kind the kernel was not built with,
// defined and registered in this one file, is created by `ip link add`,
// carries a ping between two namespaces through the ordinary packet path,
// shows in `ip -d link`, and has its MTU rule and teardown honoured —
// without a line changed anywhere else.

import { describe, expect, it } from 'vitest';
import '../../userland/net/ping.ts';
import '../../userland/net/ip/index.ts';
import { run, addNetns, cidr } from '../../../test/kit.ts';
import { World } from '../../world/world.ts';
import { fail } from '../errno.ts';
import { IFF } from '../netdev.ts';
import { cloneFrame } from '../packet.ts';
import { tm } from '../trace-texts.ts';
import { LINK_LATENCY_MS } from '../stack.ts';
import { linkKinds, linkOps, registerLinkKind, statsLen } from './ops.ts';

/** `xpair`: a veth-like pair whose frames are counted in `crossed`, with an MTU ceiling of 4000. */
let crossed = 0;
registerLinkKind({
  kind: 'xpair',
  infoKind: true,
  flags: IFF.BROADCAST | IFF.MULTICAST,
  noQueue: true,
  setup(dev) {
    dev.minMtu = 68;
    dev.maxMtu = 65535;
  },
  newlink(ns, o, ctx) {
    const peerNs = o.peerNs ?? ns;
    const peer = ctx.make(peerNs, o.peerName ?? `${o.name}p`, ctx.randomMac(), o.mtu ?? 1500);
    const dev = ctx.make(ns, o.name, o.address ?? ctx.randomMac(), o.mtu ?? 1500);
    dev.peer = peer;
    peer.peer = dev;
    return dev;
  },
  xmit(stack, dev, frame, hops) {
    const peer = dev.peer;
    if (!peer?.adminUp) {
      dev.stats.txDropped++;
      return;
    }
    dev.stats.txPackets++;
    dev.stats.txBytes += statsLen(dev, frame);
    crossed++;
    stack.trace(frame.trace, dev.ns, 'xmit', tm('link.sent', { kind: 'xpair', dev: dev.name, peer: peer.name }));
    const copy = cloneFrame(frame);
    const far = peer.ns.kernel.stack;
    far.schedule(LINK_LATENCY_MS, () => far.netifReceive(peer, copy, hops + 1));
  },
  carrier: (dev) => dev.adminUp && !!dev.peer?.adminUp,
  changeMtu(_dev, mtu) {
    if (mtu > 4000) fail('EINVAL', 'xpair carries at most 4000 bytes');
  },
  fillInfo: () => ({ toy: 1 }),
});

function world(): { w: World; host: ReturnType<World['addHost']> } {
  const w = new World({ seed: 7 });
  return { w, host: w.addHost('host') };
}

describe('a link kind registered in one file', () => {
  it('is in the table next to the built-in kinds', () => {
    expect(linkKinds()).toEqual(expect.arrayContaining(['loopback', 'veth', 'bridge', 'dummy', 'ether', 'vxlan', 'xpair']));
    expect(linkOps('xpair')!.kind).toBe('xpair');
    expect(() => registerLinkKind({ ...linkOps('veth')! })).toThrow(/registered twice/);
  });

  it('is created by ip link add and carries a ping through the packet path', async () => {
    const { w, host } = world();
    const red = addNetns(host, 'red');
    const blue = addNetns(host, 'blue');
    const init = host.initNs;
    expect(await run(w, host, init, ['ip', 'link', 'add', 'x0', 'type', 'xpair'])).toEqual({ stdout: '', stderr: '', exit: 0 });
    const x0 = init.devByName('x0')!;
    const x0p = init.devByName('x0p')!;
    expect(x0.kind).toBe('xpair');
    expect(x0p.peer).toBe(x0);
    init.setNetns(x0, red);
    init.setNetns(x0p, blue);
    red.addrAdd(x0, { ...cidr('10.9.0.1/24'), broadcast: 'auto' });
    blue.addrAdd(x0p, { ...cidr('10.9.0.2/24'), broadcast: 'auto' });
    red.setUp(x0, true);
    blue.setUp(x0p, true);
    const before = crossed;
    const r = await run(w, host, red, ['ping', '-c', '1', '-W', '1', '10.9.0.2']);
    expect(r.exit).toBe(0);
    expect(r.stdout).toContain('1 packets transmitted, 1 received, 0% packet loss');
    // ARP request and reply, echo request and reply.
    expect(crossed - before).toBe(4);
    expect(x0.operState).toBe('UP');
  });

  it('shows its kind in ip -d link and keeps its own MTU rule', async () => {
    const { w, host } = world();
    const ns = host.initNs;
    await run(w, host, ns, ['ip', 'link', 'add', 'x1', 'type', 'xpair']);
    const d = await run(w, host, ns, ['ip', '-d', 'link', 'show', 'x1']);
    expect(d.stdout).toMatch(/^\d+: x1: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n {4}link\/ether [0-9a-f:]{17} brd ff:ff:ff:ff:ff:ff promiscuity 0 +allmulti 0 minmtu 68 maxmtu 65535 \n {4}xpair addrgenmode eui64 /);
    expect(ns.linkInfo(ns.devByName('x1')!)).toEqual({ kind: 'xpair', data: { toy: 1 } });
    const big = await run(w, host, ns, ['ip', 'link', 'set', 'x1', 'mtu', '5000']);
    expect(big).toEqual({ stdout: '', stderr: 'Error: xpair carries at most 4000 bytes.\n', exit: 2 });
    expect((await run(w, host, ns, ['ip', 'link', 'set', 'x1', 'mtu', '4000'])).exit).toBe(0);
    expect(ns.devByName('x1')!.mtu).toBe(4000);
    // Deleting one end takes its peer with it, as the kind links them.
    expect((await run(w, host, ns, ['ip', 'link', 'del', 'x1'])).exit).toBe(0);
    expect(ns.devByName('x1p')).toBeUndefined();
  });

  it('an unregistered kind is refused as before', async () => {
    const { w, host } = world();
    const r = await run(w, host, host.initNs, ['ip', 'link', 'add', 'y0', 'type', 'nosuchkind']);
    expect(r.stderr).toBe('Error: Unknown device type.\n');
    expect(r.exit).toBe(2);
  });
});
