// Lab: find a container's network namespace and make `ip netns` see it.
//
//   host: docker0 172.17.0.1/16 ── vethXXXXXXX ══ eth0 172.17.0.2/16 (container web, nginx)
//
// Start: dockerd running, container `web` running.

import type { LabDef } from '../../src/labs/types.ts';
import { startDockerd } from '../../src/docker/boot.ts';
import { netnsIsContainer } from '../../src/labs/docker-checks.ts';

const lab: LabDef = {
  id: 'docker-netns',
  title: "Enter a container's namespace",
  lesson: 'docker-networking',
  goal:
    'A container named `web` is running. Docker does not register its namespaces under /var/run/netns, so `ip netns` does not list it. ' +
    'Make `ip netns` list `web`, so that `ip netns exec web ip addr` shows the container\'s address.',
  hints: [
    "A namespace lives as long as something holds it; here that is the container's main process. Which pid is it (`docker inspect`, the `.State.Pid` field)?",
    "Every process shows its network namespace as a file: /proc/PID/ns/net.",
    "`ip netns` only lists the files in /var/run/netns: make the process's namespace file appear there under the name `web` (a symbolic link, or a bind mount).",
    "`mkdir -p /var/run/netns`, then `ln -sf /proc/$(docker inspect -f '{{.State.Pid}}' web)/ns/net /var/run/netns/web`, and `ip netns exec web ip addr`.",
  ],
  solution: ['mkdir -p /var/run/netns', "ln -sf /proc/$(docker inspect -f '{{.State.Pid}}' web)/ns/net /var/run/netns/web", 'ip netns exec web ip addr'],
  build(b) {
    const e = startDockerd(b.world.host('host'));
    void e.ready.then(async () => {
      const c = e.create({ image: 'nginx', name: 'web', cmd: [], env: [], tty: false, openStdin: false, network: 'bridge', publish: [], publishAll: false, autoRemove: false });
      await e.start(c);
    });
  },
  checks: [{ id: 'netns-web', title: '`ip netns` lists web, the container\'s namespace', run: async (ctx) => netnsIsContainer(ctx, 'web') }],
  shortcuts: [
    {
      name: 'a new empty namespace named web',
      commands: ['ip netns add web'],
      expect: ['netns-web'],
    },
    {
      name: "the host's own namespace under the name web",
      commands: ['mkdir -p /var/run/netns', 'ln -sf /proc/1/ns/net /var/run/netns/web'],
      expect: ['netns-web'],
    },
  ],
};

export default lab;
