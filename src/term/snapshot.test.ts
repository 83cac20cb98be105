// The worker's plain-data views: topology from kernel state, the last traced path.
import { describe, expect, it } from 'vitest';
import '../userland/index.ts';
import { Session } from '../session/session.ts';
import { bareWorld } from '../world/world.ts';
import { lastPathOf, topologyOf } from './snapshot.ts';

async function run(lines: string[]) {
  const world = bareWorld(1);
  const s = new Session({ makeWorld: () => world });
  await s.start();
  for (const l of lines) await s.runLine(l);
  s.dispose();
  return world;
}

describe('topology snapshot', () => {
  it('lists namespaces, interfaces with state and addresses, veth pairs and bridge ports', async () => {
    const w = await run([
      'ip netns add red',
      'ip link add veth-red type veth peer name veth-host netns red',
      'ip addr add 10.1.1.1/24 dev veth-red',
      'ip link set veth-red up',
      'ip link add br0 type bridge',
      'ip link add d0 type dummy',
      'ip link set d0 master br0',
    ]);
    const t = topologyOf(w);
    expect(t.namespaces.map((n) => n.id)).toEqual(['host', 'host/red']);
    const host = t.namespaces[0]!;
    expect(host.init).toBe(true);
    const vr = host.ifaces.find((i) => i.name === 'veth-red')!;
    expect(vr).toMatchObject({ kind: 'veth', up: true, state: 'DOWN', addrs: ['10.1.1.1/24'] });
    expect(t.links).toContainEqual({ a: 'host|veth-red', b: 'host/red|veth-host', kind: 'veth', up: false });
    expect(t.links).toContainEqual({ a: 'host|d0', b: 'host|br0', kind: 'port', up: false });
    expect(host.ifaces.find((i) => i.name === 'd0')!.master).toBe('host|br0');
    // Plain data: survives structured cloning unchanged.
    expect(structuredClone(t)).toEqual(t);
  });
});

describe('last traced path', () => {
  it('is ping’s first echo, with the drop and its reason', async () => {
    const w = await run(['ip link add v0 type veth peer name v1', 'ip addr add 10.0.0.1/24 dev v0', 'ip link set v0 up', 'ping -c 1 -W 1 10.0.0.2']);
    const p = lastPathOf(w)!;
    expect(p.command).toBe('ping -c 1 -W 1 10.0.0.2');
    expect(p.steps.map((s) => s.stage)).toEqual(['routing', 'neigh', 'arp', 'drop']);
    expect(p.steps.at(-1)!.what).toBe('v0: veth peer is down, frame dropped');
  });

  it('is curl’s SYN, and a connect() failure before sending says why', async () => {
    const w = await run(['ip addr add 10.0.0.1/24 dev lo', 'curl -s -m 2 http://10.0.0.1:8080/']);
    const p = lastPathOf(w)!;
    expect(p.command).toBe('curl -s -m 2 http://10.0.0.1:8080/');
    expect(p.steps.some((s) => s.stage === 'rcv' && s.what.includes('[SYN]'))).toBe(true);
    expect(p.steps.at(-1)).toMatchObject({ stage: 'drop', what: 'connect to 10.0.0.1 port 8080 failed: Connection refused' });
    const w2 = await run(['nc -z -w 1 192.0.2.1 80']);
    expect(lastPathOf(w2)!.steps).toEqual([expect.objectContaining({ stage: 'drop', what: 'connect to 192.0.2.1 port 80 failed: Network is unreachable' })]);
  });
});
