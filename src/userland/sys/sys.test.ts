import { describe, expect, it } from 'vitest';
import { World } from '../../world/world.ts';
import { addNetns, cidr, run } from '../../../test/kit.ts';
import { step } from '../net/golden-kit.test-util.ts';
import './index.ts';
import '../net/sysctl.ts';
import '../net/nettools.ts';

function host() {
  const world = new World({ seed: 3 });
  const k = world.addHost('host');
  return { world, k, ns: k.initNs };
}

describe('hostname', () => {
  it('shows, sets (not /etc/hostname) and lists addresses with -I', async () => {
    const { world, k, ns } = host();
    expect(await run(world, k, ns, ['hostname'])).toEqual({ stdout: step('01-bare-host', 'hostname').stdout, stderr: '', exit: 0 });
    expect((await run(world, k, ns, ['hostname', '-I'])).stdout).toBe('\n');
    const d = ns.linkAdd({ name: 'eth0', kind: 'veth', peerName: 'eth0p' });
    ns.addrAdd(d, cidr('192.168.50.1/24'));
    ns.setUp(d, true);
    expect((await run(world, k, ns, ['hostname', '-I'])).stdout).toBe('192.168.50.1 \n');
    expect((await run(world, k, ns, ['hostname', 'newname'])).exit).toBe(0);
    expect(k.hostname).toBe('newname');
    expect(k.vfs.readFile('/etc/hostname')).toBe('host\n');
    const f = await run(world, k, ns, ['hostname', '-f']);
    expect(f).toEqual({ stdout: '', stderr: 'hostname: Temporary failure in name resolution\n', exit: 1 });
    const bad = await run(world, k, ns, ['hostname', 'a', 'b']);
    expect(bad.exit).toBe(255);
    expect(bad.stderr.startsWith('Usage: hostname [-b] {hostname|-F file}')).toBe(true);
  });
});

describe('nsenter / mount / umount / unshare', () => {
  it('mount --bind of a namespace file makes it visible by name; umount drops it', async () => {
    const { world, k, ns } = host();
    const red = addNetns(k, 'red');
    red.setIpForward(true);
    // Touch the mount point first, as the real idiom does.
    k.vfs.putFile('/run/netns/blue', '');
    const bad = await run(world, k, ns, ['mount', '--bind', '/proc/1/ns/net', '/run/netns/red2']);
    expect(bad).toEqual({ stdout: '', stderr: 'mount: /run/netns/red2: mount point does not exist.\n       dmesg(1) may have more information after failed mount system call.\n', exit: 32 });
    expect((await run(world, k, ns, ['mount', '--bind', '/run/netns/red', '/run/netns/blue'])).exit).toBe(0);
    expect(k.netnsNames().sort()).toEqual(['blue', 'red']);
    expect(k.openNetns('blue')).toBe(red);
    expect((await run(world, k, ns, ['mount'])).stdout).toContain('nsfs on /run/netns/blue type nsfs (rw)\n');
    expect((await run(world, k, ns, ['umount', '/run/netns/blue'])).exit).toBe(0);
    expect(k.netnsNames()).toEqual(['red']);
    expect(await run(world, k, ns, ['umount', '/run/netns/blue'])).toEqual({ stdout: '', stderr: 'umount: /run/netns/blue: not mounted.\n', exit: 32 });
    expect(await run(world, k, ns, ['umount', '/nosuch'])).toEqual({ stdout: '', stderr: 'umount: /nosuch: no mount point specified.\n', exit: 32 });
  });

  it('nsenter runs a program in the namespace of a file or of a pid', async () => {
    const { world, k, ns } = host();
    const red = addNetns(k, 'red');
    red.setIpForward(true);
    const r = await run(world, k, ns, ['nsenter', '--net=/run/netns/red', 'sysctl', '-n', 'net.ipv4.ip_forward']);
    expect(r).toEqual({ stdout: '1\n', stderr: '', exit: 0 });
    const init = await run(world, k, red, ['nsenter', '-t', '1', '-n', 'sysctl', '-n', 'net.ipv4.ip_forward']);
    expect(init.stdout).toBe('0\n');
    expect(await run(world, k, ns, ['nsenter', '--net=/run/netns/nosuch', 'true'])).toEqual({ stdout: '', stderr: 'nsenter: cannot open /run/netns/nosuch: No such file or directory\n', exit: 1 });
    expect(await run(world, k, ns, ['nsenter', '-t', '99999', '-n', 'true'])).toEqual({ stdout: '', stderr: 'nsenter: cannot open /proc/99999/ns/net: No such file or directory\n', exit: 1 });
  });

  it('unshare --net runs in a fresh namespace with only a down loopback', async () => {
    const { world, k, ns } = host();
    const before = k.namespaces.length;
    const r = await run(world, k, ns, ['unshare', '--net', 'ifconfig', '-a']);
    expect(r.stdout.startsWith('lo: flags=8<LOOPBACK>  mtu 65536\n')).toBe(true);
    expect(k.namespaces.length).toBe(before);
  });
});

describe('ps / kill', () => {
  it('lists init and itself; kill reports missing pids', async () => {
    const { world, k, ns } = host();
    const r = await run(world, k, ns, ['ps', '-ef']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('UID          PID    PPID  C STIME TTY          TIME CMD');
    expect(lines[1]).toBe('root           1       0  0 00:00 ?        00:00:00 /sbin/init');
    expect(lines.some((l) => l.endsWith(' ps -ef'))).toBe(true);
    const plain = await run(world, k, ns, ['ps']);
    expect(plain.stdout.split('\n')[0]).toBe('    PID TTY          TIME CMD');
    expect(await run(world, k, ns, ['kill', '99999'])).toEqual({ stdout: '', stderr: 'kill: (99999): No such process\n', exit: 1 });
    expect(await run(world, k, ns, ['kill', 'abc'])).toEqual({ stdout: '', stderr: "kill: failed to parse argument: 'abc'\n", exit: 1 });
    expect((await run(world, k, ns, ['kill', '-l'])).stdout.split('\n')[0]).toBe('HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT');
  });

  it('kill delivers SIGTERM to a running process', async () => {
    const { world, k, ns } = host();
    const victim = k.procs.spawn({ ppid: 1, argv: ['sleep', '100'], env: {}, cwd: '/', netns: ns, stdin: { read: async () => null, isTTY: false }, stdout: { write() {}, isTTY: false }, stderr: { write() {}, isTTY: false }, exec: async () => 0 });
    const r = await run(world, k, ns, ['kill', String(victim.pid)]);
    expect(r.exit).toBe(0);
    expect(victim.pendingSignal).toBe('SIGTERM');
  });
});
