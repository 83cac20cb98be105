// Lab: Docker's other network types.
//
//   client 192.168.1.20/24 ──── lan ──── eth0 192.168.1.10/24  host (dockerd)
//                                                 docker0 172.17.0.1/16
//
// Start: dockerd running; `app` (nginx) on the default bridge; `iso`
// (busybox) on the default bridge too; `hostweb` (nginx) on the bridge with
// its port 80 published (a DNAT rule). None of iso or hostweb is what the
// goal asks for, and sidecar does not exist.

import type { LabDef } from '../../src/labs/types.ts';
import { startDockerd } from '../../src/docker/boot.ts';
import type { CreateOptions } from '../../src/docker/engine.ts';
import { onHostNetwork, onlyLoopback, sharesNamespace } from '../docker-types-checks.ts';

const opts = (name: string, image: string, cmd: string[], extra: Partial<CreateOptions> = {}): CreateOptions => ({
  image,
  name,
  cmd,
  env: [],
  tty: false,
  openStdin: false,
  network: 'bridge',
  publish: [],
  publishAll: false,
  autoRemove: false,
  ...extra,
});

const lab: LabDef = {
  id: 'docker-network-types',
  title: 'none, host and container: networks',
  lesson: 'docker-networking',
  goal:
    'This host (192.168.1.10) runs Docker; the host `client` (192.168.1.20) is on the same network. The container `app` (nginx) is running. ' +
    'Set up three containers: `iso`, a busybox container with no network at all except its own `lo`; `hostweb`, an nginx that answers client on the host\'s port 80 because it runs on the host\'s own network, with no DNAT rule involved; ' +
    'and `sidecar`, a busybox container that shares app\'s network namespace, so that `http://localhost/` from inside it is app\'s nginx. ' +
    'Someone already started `iso` and `hostweb`, but not the way this asks.',
  hints: [
    'Look at what exists: `docker ps`, `docker network ls`, and for each container where its network comes from: `docker inspect -f \'{{.HostConfig.NetworkMode}}\' iso`. Which of the networks listed has no interfaces at all?',
    'A container\'s network is chosen when it is created: to change it, remove the container (`docker rm -f`) and run it again with `--network`. Compare what `docker exec iso ip addr` shows before and after.',
    'For hostweb, think about who owns port 80 on the host: a published port is a DNAT rule in `iptables -t nat -S DOCKER`; the host network gives the container the host\'s own interfaces and ports. For sidecar, `--network` also accepts `container:NAME`.',
    '`docker rm -f iso hostweb`, then `docker run -d --name iso --network none busybox sleep 3600`, `docker run -d --name hostweb --network host nginx` and `docker run -d --name sidecar --network container:app busybox sleep 3600`; check with `docker exec sidecar wget -qO- http://localhost/`.',
  ],
  solution: [
    'docker ps',
    'docker rm -f iso hostweb',
    'docker run -d --name iso --network none busybox sleep 3600',
    'docker run -d --name hostweb --network host nginx',
    'docker run -d --name sidecar --network container:app busybox sleep 3600',
    'docker exec sidecar wget -qO- http://localhost/',
  ],
  build(b) {
    b.nic('host', 'eth0', 'lan', '192.168.1.10/24');
    b.nic('client', 'eth0', 'lan', '192.168.1.20/24');
    const e = startDockerd(b.world.host('host'));
    void e.ready.then(async () => {
      await e.start(e.create(opts('app', 'nginx', [])));
      await e.start(e.create(opts('iso', 'busybox', ['sleep', '3600'])));
      await e.start(e.create(opts('hostweb', 'nginx', [], { publish: [{ hostIp: '', hostPort: '80', containerPort: 80, proto: 'tcp' }] })));
    });
  },
  checks: [
    { id: 'iso', title: 'iso runs with no network but its own lo', run: async (ctx) => onlyLoopback(ctx, 'iso') },
    { id: 'hostweb', title: "hostweb's nginx answers client on http://192.168.1.10/ from the host's own network (no DNAT rule)", run: (ctx) => onHostNetwork(ctx, 'hostweb', 'client', 'http://192.168.1.10/', 80) },
    { id: 'sidecar', title: "sidecar shares app's network namespace: http://localhost/ there is app's nginx", run: (ctx) => sharesNamespace(ctx, 'sidecar', 'app') },
  ],
  shortcuts: [
    { name: 'iso with its eth0 taken down', commands: ['docker exec iso ip link set eth0 down'], expect: ['iso'] },
    { name: 'sidecar as a container of its own that fetches app by address', commands: ['docker run -d --name sidecar busybox sleep 3600'], expect: ['sidecar'] },
    { name: "sidecar on the host's network (localhost is then the host)", commands: ['docker rm -f hostweb', 'docker run -d --name hostweb --network host nginx', 'docker run -d --name sidecar --network host busybox sleep 3600'], expect: ['sidecar'] },
    { name: 'hostweb left publishing port 80', commands: [], expect: ['hostweb'] },
  ],
};

export default lab;
