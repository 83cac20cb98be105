import { describe, expect, it } from 'vitest';
import { World } from '../../world/world.ts';
import { addNetns, run } from '../../../test/kit.ts';
import { golden, norm } from './golden-kit.test-util.ts';
import './sysctl.ts';

describe('sysctl (scenario 09)', () => {
  it('replays every plain sysctl step of 09-sysctl-proc in order', async () => {
    const world = new World({ seed: 9 });
    const host = world.addHost('host');
    const ns = host.initNs;
    let checked = 0;
    for (const g of golden('09-sysctl-proc')) {
      if (g.cmd === 'echo 0 > /proc/sys/net/ipv4/ip_forward') {
        host.vfs.writeFile('/proc/sys/net/ipv4/ip_forward', '0\n', { netns: ns });
        continue;
      }
      if (g.cmd === 'sysctl -a 2>/dev/null | grep ip_forward') {
        const r = await run(world, host, ns, ['sysctl', '-a']);
        const lines = r.stdout.split('\n').filter((l) => l.includes('ip_forward'));
        expect(lines.join('\n') + '\n').toBe(g.stdout);
        checked++;
        continue;
      }
      if (!g.cmd.startsWith('sysctl ')) continue;
      const r = await run(world, host, ns, g.cmd.split(' '));
      expect(await norm({ cmd: g.cmd, ...r })).toEqual(await norm(g));
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('reads the namespace of the process: a new netns starts with forwarding off', async () => {
    const world = new World({ seed: 9 });
    const host = world.addHost('host');
    host.initNs.setIpForward(true);
    const fwd = addNetns(host, 'fwd');
    const r = await run(world, host, fwd, ['sysctl', 'net.ipv4.ip_forward']);
    expect(r).toEqual({ stdout: 'net.ipv4.ip_forward = 0\n', stderr: '', exit: 0 });
    expect((await run(world, host, host.initNs, ['sysctl', '-n', 'net.ipv4.ip_forward'])).stdout).toBe('1\n');
  });

  it('-p FILE applies settings, reports unknown keys and exits 1', async () => {
    const world = new World({ seed: 9 });
    const host = world.addHost('host');
    host.vfs.putFile('/tmp/s.conf', 'net.ipv4.ip_forward = 1\n# comment\n; c2\n\nnet.ipv4.ip_default_ttl=70\nnosuch.key = 3\n-net.nosuch2 = 1\n');
    const r = await run(world, host, host.initNs, ['sysctl', '-p', '/tmp/s.conf']);
    expect(r.stdout).toBe('net.ipv4.ip_forward = 1\nnet.ipv4.ip_default_ttl = 70\n');
    expect(r.stderr).toBe('sysctl: cannot stat /proc/sys/nosuch/key: No such file or directory\nsysctl: cannot stat /proc/sys/net/nosuch2: No such file or directory\n');
    expect(r.exit).toBe(1);
    expect(host.initNs.ipv4.ip_default_ttl).toBe('70');
    const missing = await run(world, host, host.initNs, ['sysctl', '-p', '/tmp/nosuch.conf']);
    expect(missing).toEqual({ stdout: '', stderr: 'sysctl: cannot open "/tmp/nosuch.conf": No such file or directory\n', exit: 1 });
  });

  it('usage, unknown empty key, directory listing', async () => {
    const world = new World({ seed: 9 });
    const host = world.addHost('host');
    const none = await run(world, host, host.initNs, ['sysctl']);
    expect(none.exit).toBe(1);
    expect(none.stderr.startsWith('\nUsage:\n sysctl [options] [variable[=value] ...]\n')).toBe(true);
    expect(await run(world, host, host.initNs, ['sysctl', ''])).toEqual({ stdout: '', stderr: 'sysctl: "" is an unknown key\n', exit: 255 });
    const conf = await run(world, host, host.initNs, ['sysctl', 'net.ipv4.conf.lo']);
    expect(conf.stdout).toContain('net.ipv4.conf.lo.forwarding = 0\n');
    expect(conf.stdout.split('\n').every((l) => l === '' || l.startsWith('net.ipv4.conf.lo.'))).toBe(true);
  });
});

describe('sysctl --system and -p (scenario 131, recorded in a private mount namespace)', () => {
  it('reads /etc/sysctl.d, /usr/lib/sysctl.d and /etc/sysctl.conf in procps order, every step as recorded', async () => {
    const { golden, replay } = await import('../../../test/golden.ts');
    await import('../../shell/bash.ts');
    await import('../index.ts');
    const pairs = await replay(golden('131-sysctl-system'));
    expect(pairs.length).toBe(17);
    for (const [g, c] of pairs) expect(c, g.cmd).toEqual(g);
  }, 60_000);
});
