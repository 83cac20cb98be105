// Behaviour of ping options the audit (docs/not-simulated.md) keeps as
// honoured: each test fails if the option stops doing what it says.
import { describe, expect, it } from 'vitest';
import { World } from '../../world/world.ts';
import { run } from '../../../test/kit.ts';
import '../index.ts';

function host(): { world: World; k: ReturnType<World['addHost']> } {
  const world = new World({ seed: 3 });
  return { world, k: world.addHost('host') };
}

describe('ping options kept as honoured', () => {
  it('ping -w 1 stops at the deadline on the virtual clock', async () => {
    const { world, k } = host();
    const r = await run(world, k, k.initNs, ['ping', '-w', '1', '-i', '0.2', '127.0.0.1']);
    expect(r.exit).toBe(0);
    const sent = Number(/(\d+) packets transmitted/.exec(r.stdout)![1]);
    expect(sent).toBeGreaterThanOrEqual(5);
    expect(sent).toBeLessThanOrEqual(6);
  });

  it('ping -4 pings over IPv4, ping -6 over IPv6 (::1)', async () => {
    const { world, k } = host();
    const v4 = await run(world, k, k.initNs, ['ping', '-4', '-c', '1', '127.0.0.1']);
    expect(v4.stdout).toMatch(/^PING 127\.0\.0\.1 \(127\.0\.0\.1\) 56\(84\) bytes of data\./);
    const v6 = await run(world, k, k.initNs, ['ping', '-6', '-c', '1', '::1']);
    expect(v6.stdout).toMatch(/^PING ::1\(::1\) 56 data bytes\n64 bytes from ::1: icmp_seq=1/);
  });

  it('ping -V prints the iputils version, ping -h the usage (exit 2)', async () => {
    const { world, k } = host();
    const v = await run(world, k, k.initNs, ['ping', '-V']);
    expect(v).toMatchObject({ exit: 0, stdout: expect.stringMatching(/^ping from iputils 20221126\n/) });
    const h = await run(world, k, k.initNs, ['ping', '-h']);
    expect(h.exit).toBe(2);
    expect(h.stdout).toMatch(/^Usage\n  ping \[options\] <destination>/);
  });

  it('bridge -n NS reads another namespace; bridge -V prints the version', async () => {
    const { world, k } = host();
    await run(world, k, k.initNs, ['ip', 'netns', 'add', 'x']);
    await run(world, k, k.initNs, ['ip', '-n', 'x', 'link', 'add', 'br0', 'type', 'bridge']);
    await run(world, k, k.initNs, ['ip', '-n', 'x', 'link', 'add', 'v0', 'master', 'br0', 'type', 'veth', 'peer', 'name', 'v1']);
    const r = await run(world, k, k.initNs, ['bridge', '-n', 'x', 'link', 'show']);
    expect(r.stdout).toMatch(/^\d+: v0@v1: .* master br0 state disabled priority 32 cost 2 \n$/);
    expect((await run(world, k, k.initNs, ['bridge', 'link', 'show'])).stdout).toBe('');
    expect((await run(world, k, k.initNs, ['bridge', '-V'])).stdout).toBe('bridge utility, 6.1.0\n');
  });
});
