// Test fixtures in the domain's words: build namespaces and links through
// the kernel API and run a registered program as a process, driving the
// virtual clock until it exits.

import { World } from '../src/world/world.ts';
import type { Kernel } from '../src/kernel/kernel.ts';
import type { NetNs } from '../src/kernel/netns.ts';
import { StringOut, devNullIn } from '../src/kernel/proc.ts';
import { lookupCommand } from '../src/userland/registry.ts';
import { parseIp4 } from '../src/kernel/addr.ts';

/** Output of one program run. */
export interface RunResult {
  stdout: string;
  stderr: string;
  exit: number;
}

/** Run `argv` as a process in `ns` of host `k` to completion (fast virtual time). */
export async function run(world: World, k: Kernel, ns: NetNs, argv: string[]): Promise<RunResult> {
  const spec = lookupCommand(argv[0]);
  if (!spec) throw new Error(`no command ${argv[0]}`);
  const stdout = new StringOut();
  const stderr = new StringOut();
  const p = k.procs.spawn({
    ppid: 1,
    argv,
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' },
    cwd: '/tmp',
    netns: ns,
    stdin: devNullIn,
    stdout,
    stderr,
    exec: async (parent, av, o) => {
      const r = await runIn(k, (o?.netns as NetNs) ?? (parent.netns as NetNs), av);
      (o?.stdout ?? parent.stdout).write(r.stdout);
      (o?.stderr ?? parent.stderr).write(r.stderr);
      return r.exit;
    },
  });
  const r = await world.run(Promise.resolve(spec.run(p)));
  const exit = r.done ? r.value : 124;
  p.exit(exit);
  return { stdout: stdout.text, stderr: stderr.text, exit };

  async function runIn(kk: Kernel, n: NetNs, av: string[]): Promise<RunResult> {
    return run(world, kk, n, av);
  }
}

/** Create a named namespace as `ip netns add` would (an nsfs file under /run/netns). */
export function addNetns(k: Kernel, name: string): NetNs {
  const ns = k.newNetns();
  k.vfs.mkdir('/run/netns', {}, true);
  k.vfs.create(`/run/netns/${name}`, k.nsNode(ns));
  return ns;
}

/** Address helper: `10.0.0.1/24` → {local, prefixlen}. */
export function cidr(s: string): { local: number; prefixlen: number } {
  const [a, l] = s.split('/');
  return { local: parseIp4(a)!, prefixlen: Number(l) };
}

/**
 * HOST with RED and BLUE namespaces joined by veth-red/veth-blue,
 * 192.168.15.1/24 and 192.168.15.2/24, all up (the course's first lab).
 */
export function redBlue(seed = 1): { world: World; host: Kernel; red: NetNs; blue: NetNs } {
  const world = new World({ seed });
  const host = world.addHost('host');
  const red = addNetns(host, 'red');
  const blue = addNetns(host, 'blue');
  const vr = host.initNs.linkAdd({ name: 'veth-red', kind: 'veth', peerName: 'veth-blue' });
  host.initNs.setNetns(vr, red);
  host.initNs.setNetns(vr.peer!, blue);
  red.addrAdd(vr, { ...cidr('192.168.15.1/24'), broadcast: 'auto' });
  blue.addrAdd(vr.peer!, { ...cidr('192.168.15.2/24'), broadcast: 'auto' });
  red.setUp(vr, true);
  blue.setUp(vr.peer!, true);
  red.setUp(red.lo, true);
  blue.setUp(blue.lo, true);
  return { world, host, red, blue };
}

/** A terminal's output as text: escape sequences (colour, cursor, mode) and carriage returns removed. */
export function plain(s: string): string {
  return s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
}
