// Lab: publish a container's port on the Docker host.
//
//   client 192.168.1.20/24 ──── lan ──── eth0 192.168.1.10/24  host (dockerd)
//                                                 docker0 172.17.0.1/16
//                                                   └── nginx container 172.17.0.x:80
//
// Start: dockerd running (Docker Engine 29.7.2), image nginx present locally.

import type { LabDef } from '../../src/labs/types.ts';
import { startDockerd } from '../../src/docker/boot.ts';
import { fetchesPage, publishes } from '../../src/labs/docker-checks.ts';
import { m } from '../../src/labs/messages.ts';

const lab: LabDef = {
  id: 'docker-port-publish',
  title: 'Publish a container port',
  lesson: 'docker-networking',
  goal:
    'This host (192.168.1.10) runs Docker; the host `client` (192.168.1.20) is on the same network. ' +
    'Make `http://192.168.1.10:8080/` answer with the nginx welcome page served from a container running the local image `nginx`.',
  hints: [
    "A container on the default bridge has a private address (172.17.0.x) that client cannot reach; client can reach only the host's 192.168.1.10.",
    "Docker can publish a container's port on a port of the host when the container is created: the host's port 8080 must lead to nginx's port 80. Which `docker run` option does that (`docker run --help`)?",
    "After it runs, read what dockerd did in the kernel: the DNAT rule in the nat table's `DOCKER` chain (`iptables -t nat -S DOCKER`) and the docker-proxy process (`ps -e`).",
    "`docker run -d --name web -p 8080:80 nginx`, then `docker port web`.",
  ],
  solution: ['docker run -d --name web -p 8080:80 nginx', 'docker port web'],
  build(b) {
    b.nic('host', 'eth0', 'lan', '192.168.1.10/24');
    b.nic('client', 'eth0', 'lan', '192.168.1.20/24');
    startDockerd(b.world.host('host'));
  },
  checks: [
    { id: 'published', title: 'host port 8080 leads to port 80 of an nginx container', run: async (ctx) => publishes(ctx, 'nginx', 8080, 80) },
    {
      id: 'client-fetches',
      title: 'client fetches http://192.168.1.10:8080/ and gets the nginx welcome page',
      run: (ctx) => fetchesPage(ctx, 'client', 'http://192.168.1.10:8080/', '<title>Welcome to nginx!</title>', m('docker.nginxWelcomePage')),
    },
  ],
  shortcuts: [
    {
      name: "a web server on the host's port 8080 with a copy of nginx's page",
      commands: ['mkdir -p /srv/copy', "printf '<title>Welcome to nginx!</title>' > /srv/copy/index.html", 'python3 -m http.server 8080 --directory /srv/copy &', 'sleep 2'],
      expect: ['published'],
    },
  ],
};

export default lab;
