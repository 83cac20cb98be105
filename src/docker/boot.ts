// Starting the Docker Engine on a host, as systemd does at boot: containerd,
// then `dockerd -H fd:// --containerd=/run/containerd/containerd.sock`, which
// creates docker0 and its iptables chains before the first learner command.
// Docker labs call `startDockerd(kernel)` from their build step; the default
// bare host never runs it.

import type { Kernel } from '../kernel/kernel.ts';
import { devNullIn, devNullOut } from '../kernel/proc.ts';
import { spawnWith } from '../shell/exec.ts';
import { Engine, engineOf } from './engine.ts';

/** Boot options. */
export interface DockerdOptions {
  /** `--userland-proxy` (default true). */
  userlandProxy?: boolean;
}

/**
 * Start containerd and dockerd on `k` (synchronous, so a lab's build step
 * can call it). dockerd's start-up — docker0 172.17.0.1/16 and the
 * iptables chains, written by running `iptables` — proceeds as its process
 * runs; `engine.ready` settles when it is done and the CLI waits for it.
 */
export function startDockerd(k: Kernel, opts: DockerdOptions = {}): Engine {
  const running = engineOf(k);
  if (running) return running;
  const engine = new Engine(k);
  const io = { env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', netns: k.initNs, stdin: devNullIn, stdout: devNullOut, stderr: devNullOut };
  const forever = (p: import('../kernel/proc.ts').Process): Promise<number> => p.wait(() => () => {}).then(() => 0);
  engine.containerd = spawnWith(k, 1, ['/usr/bin/containerd'], io, forever).proc;
  k.vfs.mkdir('/run/containerd', {}, true);
  k.vfs.putFile('/run/containerd/containerd.sock', '');
  const argv = ['/usr/bin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock'];
  if (opts.userlandProxy === false) argv.push('--userland-proxy=false');
  let ready!: () => void;
  engine.ready = new Promise<void>((r) => (ready = r));
  engine.daemon = spawnWith(k, 1, argv, io, async (p) => {
    engine.daemon = p;
    await engine.init({ userlandProxy: opts.userlandProxy });
    k.vfs.putFile('/run/docker.sock', '');
    ready();
    return forever(p);
  }).proc;
  engine.register();
  return engine;
}
