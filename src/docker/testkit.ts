// Test helpers: a world with a Docker host, and running programs on it
// headless (argv, no shell) with the virtual clock driven until they finish.
// The program runner behind `bootSpawn` is the shell layer's, installed for
// every test file by test/setup.ts, as a session installs it.

import '../userland/index.ts';
import { StringOut, devNullIn } from '../kernel/proc.ts';
import { World } from '../world/world.ts';
import { bootSpawn } from '../userland/registry.ts';
import { startDockerd } from './boot.ts';
import type { Engine } from './engine.ts';

/** Output of one program run. */
export interface Ran {
  stdout: string;
  stderr: string;
  code: number;
}

/** Run `argv` on `host` to completion. */
export async function run(world: World, host: string, argv: string[]): Promise<Ran> {
  const k = world.host(host);
  const out = new StringOut();
  const err = new StringOut();
  const r = bootSpawn(k, argv, { env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' }, netns: k.initNs, stdin: devNullIn, stdout: out, stderr: err });
  const d = await world.run(r.done, { maxVirtualMs: 120_000 });
  return { stdout: out.text, stderr: err.text, code: d.done ? d.value : -1 };
}

/** A world with a Docker host `docker` (192.168.1.10/24) and a `client` (192.168.1.20/24) on segment lan. */
export async function dockerWorld(opts: { seed?: number; forwarding?: boolean; userlandProxy?: boolean } = {}): Promise<{ world: World; engine: Engine }> {
  const world = new World({ seed: opts.seed ?? 1 });
  world.addHost('docker', { hostname: 'docker' });
  world.attach('docker', 'eth0', 'lan', { addr: '192.168.1.10/24' });
  world.addHost('client');
  world.attach('client', 'eth0', 'lan', { addr: '192.168.1.20/24' });
  if (opts.forwarding) world.host('docker').initNs.setIpForward(true);
  const engine = startDockerd(world.host('docker'), { userlandProxy: opts.userlandProxy });
  await world.run(engine.ready);
  return { world, engine };
}
