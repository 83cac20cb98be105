import { describe, expect, it } from 'vitest';
import '../userland/net/ping.ts';
import { redBlue, run, cidr, addNetns } from '../../test/kit.ts';
import { World } from '../world/world.ts';
import { fmtIp4 } from './addr.ts';

describe('ICMP echo through veth', () => {
  it('red reaches blue; neighbour states are REACHABLE and DELAY', async () => {
    const { world, host, red, blue } = redBlue();
    const r = await run(world, host, red, ['ping', '-c', '2', '-W', '1', '192.168.15.2']);
    expect(r.exit).toBe(0);
    expect(r.stdout).toMatch(/^PING 192\.168\.15\.2 \(192\.168\.15\.2\) 56\(84\) bytes of data\.\n64 bytes from 192\.168\.15\.2: icmp_seq=1 ttl=64 time=\d\.\d{3} ms\n64 bytes from 192\.168\.15\.2: icmp_seq=2/);
    expect(r.stdout).toContain('2 packets transmitted, 2 received, 0% packet loss');
    const rn = red.neigh.entries[0];
    expect(red.neigh.stateAt(rn, world.clock.now)).toBe('REACHABLE');
    expect(blue.neigh.entries[0].state).toBe('DELAY');
    expect(fmtIp4(blue.neigh.entries[0].ip)).toBe('192.168.15.1');
  });

  it('an unused address times out with 100% loss and exit 1', async () => {
    const { world, host, red } = redBlue();
    const r = await run(world, host, red, ['ping', '-c', '1', '-W', '1', '192.168.15.3']);
    expect(r.exit).toBe(1);
    expect(r.stdout).toBe('PING 192.168.15.3 (192.168.15.3) 56(84) bytes of data.\n\n--- 192.168.15.3 ping statistics ---\n1 packets transmitted, 0 received, 100% packet loss, time 0ms\n\n');
  });

  it('no route gives connect: Network is unreachable, exit 2', async () => {
    const { world, host, red } = redBlue();
    const r = await run(world, host, red, ['ping', '-c', '1', '10.9.9.9']);
    expect(r.exit).toBe(2);
    expect(r.stderr).toBe('ping: connect: Network is unreachable\n');
  });

  it('a link left down on one side breaks reachability', async () => {
    const { world, host, red, blue } = redBlue();
    blue.setUp(blue.devByName('veth-blue')!, false);
    const r = await run(world, host, red, ['ping', '-c', '1', '-W', '1', '192.168.15.2']);
    expect(r.exit).toBe(1);
  });
});

describe('forwarding through a router namespace', () => {
  function threeNs(forward: boolean) {
    const world = new World({ seed: 3 });
    const host = world.addHost('host');
    const left = addNetns(host, 'left');
    const router = addNetns(host, 'router');
    const right = addNetns(host, 'right');
    const a = host.initNs.linkAdd({ name: 'eth0', kind: 'veth', peerName: 'r-eth0' });
    host.initNs.setNetns(a, left);
    host.initNs.setNetns(a.peer!, router);
    router.setName(a.peer!, 'eth0');
    const b = host.initNs.linkAdd({ name: 'r-eth1', kind: 'veth', peerName: 'x-eth0' });
    host.initNs.setNetns(b, router);
    router.setName(b, 'eth1');
    host.initNs.setNetns(b.peer!, right);
    right.setName(b.peer!, 'eth0');
    left.addrAdd(a, { ...cidr('10.1.1.10/24'), broadcast: 'auto' });
    router.addrAdd(a.peer!, { ...cidr('10.1.1.1/24'), broadcast: 'auto' });
    router.addrAdd(b, { ...cidr('10.2.2.1/24'), broadcast: 'auto' });
    right.addrAdd(b.peer!, { ...cidr('10.2.2.10/24'), broadcast: 'auto' });
    for (const [ns, d] of [[left, a], [router, a.peer!], [router, b], [right, b.peer!]] as const) ns.setUp(d, true);
    const gw = (ns: typeof left, ip: string) =>
      ns.routeAdd({ table: 254, type: 'unicast', dst: 0, dstLen: 0, tos: 0, metric: 0, protocol: 'boot', scope: 0, onlink: false, gateway: cidr(ip + '/32').local }, { create: true, excl: true, replace: false });
    gw(left, '10.1.1.1');
    gw(right, '10.2.2.1');
    if (forward) router.setIpForward(true);
    return { world, host, left, right };
  }

  it('reaches across with ip_forward=1 (ttl 63)', async () => {
    const { world, host, left } = threeNs(true);
    const r = await run(world, host, left, ['ping', '-c', '1', '-W', '1', '10.2.2.10']);
    expect(r.stdout).toContain('ttl=63');
    expect(r.exit).toBe(0);
  });

  it('is silently dropped with ip_forward=0', async () => {
    const { world, host, left } = threeNs(false);
    const r = await run(world, host, left, ['ping', '-c', '1', '-W', '1', '10.2.2.10']);
    expect(r.exit).toBe(1);
    expect(r.stdout).not.toContain('From');
  });

  it('gets Destination Net Unreachable from the router when it has no route', async () => {
    const { world, host, left } = threeNs(true);
    const r = await run(world, host, left, ['ping', '-c', '1', '-W', '1', '10.3.3.3']);
    expect(r.stdout).toContain('From 10.1.1.1 icmp_seq=1 Destination Net Unreachable');
    expect(r.stdout).toContain('+1 errors');
    expect(r.exit).toBe(1);
  });
});

describe('hosts on a shared segment', () => {
  it('one host pings another across the wire, ARP resolving through the switch', async () => {
    const world = new World({ seed: 9 });
    const a = world.addHost('a');
    const b = world.addHost('b');
    world.addHost('c');
    world.attach('a', 'eth0', 'lan', { addr: '192.168.1.10/24' });
    world.attach('b', 'eth0', 'lan', { addr: '192.168.1.20/24' });
    world.attach('c', 'eth0', 'lan', { addr: '192.168.1.30/24' });
    const r = await run(world, a, a.initNs, ['ping', '-c', '1', '192.168.1.20']);
    expect(r.exit).toBe(0);
    expect(b.initNs.neigh.entries.map((e) => fmtIp4(e.ip))).toEqual(['192.168.1.10']);
    // c saw the broadcast ARP request but learned nothing (it was not the target).
    expect(world.host('c').initNs.neigh.entries).toEqual([]);
    expect(world.host('c').initNs.devByName('eth0')!.stats.rxPackets).toBe(1);
  });
});

describe('neighbour resolution failure', () => {
  it('a router answers Destination Host Unreachable when the next hop does not answer ARP; ping shows the pipe', async () => {
    const world = new World({ seed: 5 });
    const host = world.addHost('host');
    const l = addNetns(host, 'l');
    const r = addNetns(host, 'r');
    const a = host.initNs.linkAdd({ name: 'va', kind: 'veth', peerName: 'vb' });
    host.initNs.setNetns(a, l);
    host.initNs.setNetns(a.peer!, r);
    const c = host.initNs.linkAdd({ name: 'vc', kind: 'veth', peerName: 'vd' });
    host.initNs.setNetns(c, r);
    host.initNs.setUp(c.peer!, true);
    l.addrAdd(a, { ...cidr('10.1.0.2/24'), broadcast: 'auto' });
    r.addrAdd(a.peer!, { ...cidr('10.1.0.1/24'), broadcast: 'auto' });
    r.addrAdd(c, { ...cidr('10.2.0.1/24'), broadcast: 'auto' });
    l.setUp(a, true);
    r.setUp(a.peer!, true);
    r.setUp(c, true);
    l.routeAdd({ table: 254, type: 'unicast', dst: 0, dstLen: 0, tos: 0, metric: 0, protocol: 'boot', scope: 0, onlink: false, gateway: cidr('10.1.0.1/32').local }, { create: true, excl: true, replace: false });
    r.setIpForward(true);
    const res = await run(world, host, l, ['ping', '-c', '6', '10.2.0.9']);
    expect(res.stdout).toContain('From 10.1.0.1 icmp_seq=1 Destination Host Unreachable');
    expect(res.stdout).toContain('6 packets transmitted, 0 received, +6 errors, 100% packet loss');
    expect(res.stdout).toMatch(/\npipe \d\n$/);
  });

  it('a local sender whose neighbour fails gets no ICMP error (silent loss)', async () => {
    const world = new World({ seed: 6 });
    const host = world.addHost('host');
    const a = host.initNs.linkAdd({ name: 'va', kind: 'veth', peerName: 'vb' });
    host.initNs.addrAdd(a, { ...cidr('10.9.0.1/24'), broadcast: 'auto' });
    host.initNs.setUp(a, true);
    host.initNs.setUp(a.peer!, true);
    const res = await run(world, host, host.initNs, ['ping', '-c', '5', '10.9.0.9']);
    expect(res.stdout).not.toContain('Unreachable');
    expect(res.stdout).toContain('5 packets transmitted, 0 received, 100% packet loss');
  });
});
