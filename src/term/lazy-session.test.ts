// A session as the browser worker runs it: userland/index.ts is the lazy
// registry (as the worker's build resolves it, scripts/lazy-commands.mjs),
// so each command group loads on first use. The same lines give the same
// screen and the same virtual time on a cold start (chunks imported midway,
// the clock held) and once every chunk is in.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../userland/index.ts', async () => await import('../userland/lazy.ts'));

const { Session } = await import('../session/session.ts');
const { bareWorld } = await import('../world/world.ts');
const { lookupCommand } = await import('../userland/registry.ts');
const { chunkRequested } = await import('../userland/lazy.ts');

const LINES = [
  'ping -c 2 -i 0.5 127.0.0.1 | tail -n 2',
  'ip netns add red; ip link add v0 type veth peer name v1 netns red; ip -br link',
  'iptables -t nat -A POSTROUTING -o v0 -j MASQUERADE; iptables -t nat -S POSTROUTING',
  'echo "nameserver 127.0.0.1" > /etc/resolv.conf; getent hosts localhost; getent hosts nowhere.example; echo $?',
  'sleep 1 & tcpdump -c 1 -i lo -n 2>&1 & ping -c 1 127.0.0.1 > /dev/null; wait',
  'man nft | head -n 3; type kubectl; ls /usr/bin/docker',
];

async function run(): Promise<{ screen: string; now: number }> {
  const s = new Session({ makeWorld: () => bareWorld(3) });
  let screen = '';
  s.onOutput((d) => (screen += d));
  await s.start();
  for (const l of LINES) await s.runLine(l);
  const now = s.world.clock.now;
  s.dispose();
  return { screen, now };
}

describe('lazy command chunks', () => {
  it('registers every command as a stub first, and a cold run equals a warm one', async () => {
    expect(chunkRequested('k8s')).toBe(false);
    // A stub at first; its summary comes with the details (after the prompt; `help` and `man` wait for them).
    expect(lookupCommand('kubectl')?.summary).toBe('');
    expect(chunkRequested('netfilter')).toBe(false);
    const cold = await run();
    expect(lookupCommand('kubectl')?.summary).toMatch(/^control the Kubernetes cluster/);
    expect(chunkRequested('netfilter')).toBe(true);
    expect(chunkRequested('dns')).toBe(true);
    expect(chunkRequested('k8s')).toBe(false);
    const warm = await run();
    expect(warm.screen).toBe(cold.screen);
    expect(warm.now).toBe(cold.now);
    expect(cold.screen).toContain('MASQUERADE');
    expect(cold.screen.replace(/\r/g, '')).toContain('::1             localhost ip6-localhost ip6-loopback\n2\n');
  });
});
