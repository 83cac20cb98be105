// A check message that suggests a command gives one that works from the
// lab's terminal: a link inside a named namespace is set up from inside it.

import { describe, expect, it } from 'vitest';
import '../userland/index.ts';
import { Session } from '../session/session.ts';
import { bareWorld } from '../world/world.ts';
import { hasAddr } from './checks.ts';
import { english } from './messages.ts';

async function session(lines: string[]) {
  const world = bareWorld(1);
  const s = new Session({ makeWorld: () => world, host: 'host' });
  await s.start();
  for (const l of lines) await s.runLine(l);
  return { world, s };
}

describe('suggested commands work where the learner is', () => {
  it('a down link in namespace red: ip netns exec red ip link set … up, which then passes', async () => {
    const { world, s } = await session(['ip netns add red', 'ip link add veth-r type veth peer name veth-h', 'ip link set veth-r netns red', 'ip -n red addr add 10.9.0.1/24 dev veth-r']);
    const ctx = { world, host: 'host' };
    const r = hasAddr(ctx, 'red', '10.9.0.1/24');
    expect(r.passed).toBe(false);
    const cmd = /\((ip netns exec red ip link set veth-r up)\)$/.exec(english(r.msg))?.[1];
    expect(cmd, english(r.msg)).toBeDefined();
    await s.runLine(cmd!);
    expect(hasAddr(ctx, 'red', '10.9.0.1/24').passed).toBe(true);
    s.dispose();
  });

  it('a down link in the host namespace: plain ip link set … up', async () => {
    const { world, s } = await session(['ip link add d0 type dummy', 'ip addr add 10.8.0.1/24 dev d0']);
    const r = hasAddr({ world, host: 'host' }, 'host:', '10.8.0.1/24');
    expect(english(r.msg)).toMatch(/\(ip link set d0 up\)$/);
    s.dispose();
  });
});
