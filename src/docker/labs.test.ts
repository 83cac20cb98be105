// The Docker labs: the untouched start fails, the reference solution passes
// (commands run as programs; the shell-dependent step of docker-netns is
// done through the file system the way `ln -s` does it).

import { describe, expect, it } from 'vitest';
import { makeLabWorld, runChecks } from '../labs/index.ts';
import { run } from './testkit.ts';
import { engineOf } from './engine.ts';

async function ready(id: string) {
  const world = makeLabWorld(id, 1);
  await world.run(engineOf(world.host('host'))!.ready);
  await world.run(new Promise((r) => world.clock.setTimer(10, () => r(0))));
  return world;
}

describe('docker labs', () => {
  it('docker-port-publish', async () => {
    const w0 = await ready('docker-port-publish');
    expect((await runChecks('docker-port-publish', w0)).every((c) => c.passed)).toBe(false);
    const w = await ready('docker-port-publish');
    expect((await run(w, 'host', ['docker', 'run', '-d', '--name', 'web', '-p', '8080:80', 'nginx'])).code).toBe(0);
    const r = await runChecks('docker-port-publish', w);
    expect(r.map((c) => c.message)).toEqual([expect.stringContaining('receives 8080/tcp'), 'client fetched http://192.168.1.10:8080/ over TCP and got the nginx welcome page']);
    expect(r.every((c) => c.passed)).toBe(true);
  });

  it('docker-netns', async () => {
    const w0 = await ready('docker-netns');
    const fail = await runChecks('docker-netns', w0);
    expect(fail[0].passed).toBe(false);
    expect(fail[0].message).toContain('ip netns does not list web');
    const w = await ready('docker-netns');
    const pid = (await run(w, 'host', ['docker', 'inspect', '-f', '{{.State.Pid}}', 'web'])).stdout.trim();
    const k = w.host('host');
    k.vfs.mkdir('/run/netns', {}, true);
    k.vfs.symlink(`/proc/${pid}/ns/net`, '/run/netns/web');
    const r = await runChecks('docker-netns', w);
    expect(r[0].message).toBe('ip netns lists web; ip netns exec web ip addr shows 172.17.0.2');
    expect(r[0].passed).toBe(true);
  });

  it('docker-user-network', async () => {
    const w0 = await ready('docker-user-network');
    expect((await runChecks('docker-user-network', w0))[0].passed).toBe(false);
    const w = await ready('docker-user-network');
    for (const line of ['docker network create appnet', 'docker run -d --name db --network appnet busybox sleep 3600', 'docker run -d --name app --network appnet busybox sleep 3600']) {
      expect((await run(w, 'host', line.split(' '))).code).toBe(0);
    }
    const r = await runChecks('docker-user-network', w);
    expect(r[0].message).toBe('app resolves db to 172.18.0.2 on network appnet and reaches it');
    expect(r[0].passed).toBe(true);
  });
});
