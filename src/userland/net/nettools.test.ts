import { describe, expect, it } from 'vitest';
import { World } from '../../world/world.ts';
import { addNetns, cidr, run } from '../../../test/kit.ts';
import { parseIp4 } from '../../kernel/addr.ts';
import { RT_TABLE } from '../../kernel/fib.ts';
import { SCOPE } from '../../kernel/netdev.ts';
import { norm, step } from './golden-kit.test-util.ts';
import './nettools.ts';
import './ping.ts';

const S16 = '16-net-tools';

async function expectStep(scenario: string, cmd: string, got: { stdout: string; stderr: string; exit: number }, n = 0) {
  expect(await norm({ cmd, ...got })).toEqual(await norm(step(scenario, cmd, n)));
}

/** Scenario 16's namespace `nt` joined to the host by eth0/peer0, default route via 10.8.0.1. */
function ntSetup() {
  const world = new World({ seed: 16 });
  const host = world.addHost('host');
  const nt = addNetns(host, 'nt');
  return { world, host, nt };
}

function ntWire(host: ReturnType<typeof ntSetup>['host'], nt: ReturnType<typeof ntSetup>['nt']) {
  const h = host.initNs;
  const eth0 = h.linkAdd({ name: 'eth0', kind: 'veth', peerName: 'peer0' });
  h.setNetns(eth0, nt);
  nt.setUp(nt.lo, true);
  nt.addrAdd(eth0, cidr('10.8.0.2/24'));
  nt.setUp(eth0, true);
  const peer0 = h.devByName('peer0')!;
  h.addrAdd(peer0, cidr('10.8.0.1/24'));
  h.setUp(peer0, true);
  nt.routeAdd(
    { table: RT_TABLE.main, type: 'unicast', dst: 0, dstLen: 0, tos: 0, metric: 0, protocol: 'boot', scope: SCOPE.universe, gateway: parseIp4('10.8.0.1'), onlink: false },
    { create: true, excl: true, replace: false },
  );
  return { eth0, peer0 };
}

describe('net-tools in a fresh namespace (scenario 16)', () => {
  it('ifconfig -a / ifconfig lo show a down loopback; route -n exits 1 with no table', async () => {
    const { world, host, nt } = ntSetup();
    await expectStep(S16, 'ip netns exec nt ifconfig -a', await run(world, host, nt, ['ifconfig', '-a']));
    await expectStep(S16, 'ip netns exec nt ifconfig lo', await run(world, host, nt, ['ifconfig', 'lo']));
    await expectStep(S16, 'ip netns exec nt route -n', await run(world, host, nt, ['route', '-n']));
  });

  it('after wiring: ifconfig, route, netstat -rn, arp views match', async () => {
    const { world, host, nt } = ntSetup();
    ntWire(host, nt);
    const ping = await run(world, host, nt, ['ping', '-c', '1', '-W', '2', '10.8.0.1']);
    expect(ping.exit).toBe(0);
    const eth0 = await run(world, host, nt, ['ifconfig', 'eth0']);
    const filtered = eth0.stdout.split('\n').filter((l) => /flags|inet |ether/.test(l)).join('\n') + '\n';
    await expectStep(S16, "ip netns exec nt ifconfig eth0 | grep -E 'flags|inet |ether'", { ...eth0, stdout: filtered });
    await expectStep(S16, 'ip netns exec nt ifconfig lo', await run(world, host, nt, ['ifconfig', 'lo']), 1);
    await expectStep(S16, 'ip netns exec nt route -n', await run(world, host, nt, ['route', '-n']), 1);
    await expectStep(S16, 'ip netns exec nt route', await run(world, host, nt, ['route']));
    await expectStep(S16, 'ip netns exec nt netstat -rn', await run(world, host, nt, ['netstat', '-rn']));
    await expectStep(S16, 'ip netns exec nt arp -n', await run(world, host, nt, ['arp', '-n']));
    await expectStep(S16, 'ip netns exec nt arp -a', await run(world, host, nt, ['arp', '-a']));
    const h = host.initNs;
    await expectStep(S16, 'route -n', await run(world, host, h, ['route', '-n']));
    await expectStep(S16, 'netstat -rn', await run(world, host, h, ['netstat', '-rn']));
    const peer = await run(world, host, h, ['ifconfig', 'peer0']);
    await expectStep(S16, 'ifconfig peer0 | head -2', { ...peer, stdout: peer.stdout.split('\n').slice(0, 2).join('\n') + '\n' });
    await expectStep(S16, 'ifconfig nosuch', await run(world, host, h, ['ifconfig', 'nosuch']));
  });

  it('route add/del -net with netmask and gw; ifconfig sets address and brings down', async () => {
    const { world, host, nt } = ntSetup();
    ntWire(host, nt);
    for (const cmd of ['route add -net 10.9.0.0 netmask 255.255.255.0 gw 10.8.0.1']) {
      await expectStep(S16, `ip netns exec nt ${cmd}`, await run(world, host, nt, cmd.split(' ')));
    }
    await expectStep(S16, 'ip netns exec nt route -n', await run(world, host, nt, ['route', '-n']), 2);
    const r = nt.fib.table(RT_TABLE.main).find((x) => x.dst === parseIp4('10.9.0.0'));
    expect(r?.dstLen).toBe(24);
    await expectStep(S16, 'ip netns exec nt route del -net 10.9.0.0 netmask 255.255.255.0', await run(world, host, nt, 'route del -net 10.9.0.0 netmask 255.255.255.0'.split(' ')));
    expect(nt.fib.table(RT_TABLE.main).some((x) => x.dst === parseIp4('10.9.0.0'))).toBe(false);
    await expectStep(S16, 'ip netns exec nt ifconfig eth0 10.8.0.3 netmask 255.255.255.0', await run(world, host, nt, 'ifconfig eth0 10.8.0.3 netmask 255.255.255.0'.split(' ')));
    const eth0 = nt.devByName('eth0')!;
    expect(eth0.inet.map((a) => [a.local, a.prefixlen, a.broadcast])).toEqual([[parseIp4('10.8.0.3'), 24, parseIp4('10.8.0.255')]]);
    await expectStep(S16, 'ip netns exec nt ifconfig eth0 down', await run(world, host, nt, ['ifconfig', 'eth0', 'down']));
    expect(eth0.adminUp).toBe(false);
    const ni = await run(world, host, nt, ['netstat', '-i']);
    await expectStep(S16, 'ip netns exec nt netstat -i 2>&1 | head -2', { stdout: ni.stdout.split('\n').slice(0, 2).join('\n') + '\n', stderr: '', exit: 0 });
  });
});

describe('arp (scenario 08)', () => {
  it('shows, sets, deletes entries with the real messages', async () => {
    const world = new World({ seed: 8 });
    const host = world.addHost('host');
    const h = host.initNs;
    const nb = addNetns(host, 'nb');
    const vh = h.linkAdd({ name: 'veth-h', kind: 'veth', peerName: 'veth-n' });
    h.setNetns(vh.peer!, nb);
    h.addrAdd(vh, cidr('10.10.0.1/24'));
    h.setUp(vh, true);
    nb.addrAdd(vh.peer!, cidr('10.10.0.2/24'));
    nb.setUp(vh.peer!, true);
    const S = '08-neighbour-table';
    await expectStep(S, 'arp -n', await run(world, host, h, ['arp', '-n']));
    expect((await run(world, host, h, ['ping', '-c', '1', '-W', '2', '10.10.0.2'])).exit).toBe(0);
    await expectStep(S, 'arp -n', await run(world, host, h, ['arp', '-n']), 1);
    await expectStep(S, 'arp -a', await run(world, host, h, ['arp', '-a']));
    await expectStep(S, 'arp -s 10.10.0.78 02:42:0a:0a:00:4f', await run(world, host, h, 'arp -s 10.10.0.78 02:42:0a:0a:00:4f'.split(' ')));
    const perm = h.neigh.entries.find((e) => e.ip === parseIp4('10.10.0.78'));
    expect(perm?.state).toBe('PERMANENT');
    await expectStep(S, 'arp -d 10.10.0.99', await run(world, host, h, ['arp', '-d', '10.10.0.99']));
    const del = await run(world, host, h, ['arp', '-d', '10.10.0.78']);
    expect(del.exit).toBe(0);
    expect(h.neigh.entries.some((e) => e.ip === parseIp4('10.10.0.78'))).toBe(false);
    const none = await run(world, host, h, ['arp', '-n', '10.10.0.77']);
    expect(none.stdout).toBe('10.10.0.77 (10.10.0.77) -- no entry\n');
  });
});
