// Lab: a user-defined bridge network with name resolution.
//
//   host: br-<id> 172.18.0.1/16 ── app 172.18.0.x, db 172.18.0.y (embedded DNS 127.0.0.11)
//
// Start: dockerd running; images busybox, alpine present.

import type { LabDef } from '../../src/labs/types.ts';
import { startDockerd } from '../../src/docker/boot.ts';
import { reachesByName } from '../../src/labs/docker-checks.ts';

const lab: LabDef = {
  id: 'docker-user-network',
  title: 'Containers that find each other by name',
  lesson: 'docker-networking',
  goal: 'Run two containers, `app` and `db`, attached to one user-defined network, so that `app` reaches `db` by name.',
  hints: [
    "On the default bridge containers know each other only by address: there is no name service there.",
    "Name resolution between containers comes with a network you create yourself (Docker's embedded DNS server). `docker network --help` lists what you can do with networks.",
    "Both containers must be attached to that network, either when they are started or afterwards (`docker network connect`).",
    "`docker network create appnet`, `docker run -d --name db --network appnet busybox sleep 3600`, `docker run -d --name app --network appnet busybox sleep 3600`, then `docker exec app ping -c 1 db`.",
  ],
  solution: ['docker network create appnet', 'docker run -d --name db --network appnet busybox sleep 3600', 'docker run -d --name app --network appnet busybox sleep 3600'],
  build(b) {
    startDockerd(b.world.host('host'));
  },
  checks: [{ id: 'app-reaches-db', title: 'app reaches db by name on a user-defined network', run: (ctx) => reachesByName(ctx, 'app', 'db') }],
  shortcuts: [
    {
      name: "db's address written into app's /etc/hosts on the default bridge",
      commands: ['docker run -d --name db busybox sleep 3600', 'docker run -d --name app busybox sleep 3600', "docker exec app sh -c 'echo 172.17.0.2 db >> /etc/hosts'"],
      expect: ['app-reaches-db'],
    },
    {
      name: "a shared network, but db's name from app's /etc/hosts",
      commands: ['docker network create appnet', 'docker run -d --name db --network appnet busybox sleep 3600', 'docker run -d --name app --network appnet busybox sleep 3600', "docker exec app sh -c 'echo 172.18.0.2 db >> /etc/hosts'"],
      expect: ['app-reaches-db'],
    },
  ],
};

export default lab;
