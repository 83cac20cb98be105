// Starting the Docker Engine on a host, as systemd does at boot: containerd,
// then `dockerd -H fd:// --containerd=/run/containerd/containerd.sock`, which
// creates docker0 and its iptables chains before the first learner command.
// Docker labs call `startDockerd(kernel)` from their build step; the default
// bare host never runs it. Both daemons are started from init through the
// registry's `bootSpawn`, so nothing here depends on the shell.

import type { Kernel } from '../kernel/kernel.ts';
import { bootSpawn } from '../userland/registry.ts';
import '../userland/docker/dockerd.ts'; // the programs booted here (containerd, dockerd, shims, docker-proxy)
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
  engine.register();
  const io = { netns: k.initNs, env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' } };
  engine.containerd = bootSpawn(k, ['/usr/bin/containerd'], io).proc;
  k.vfs.mkdir('/run/containerd', {}, true);
  k.vfs.putFile('/run/containerd/containerd.sock', '');
  const argv = ['/usr/bin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock'];
  if (opts.userlandProxy === false) argv.push('--userland-proxy=false');
  bootSpawn(k, argv, io);
  return engine;
}
