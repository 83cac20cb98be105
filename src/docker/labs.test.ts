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
    expect(r[0].message).toBe('app resolves db to 172.18.0.2 on network appnet (UDP query to 127.0.0.11) and reaches it');
    expect(r[0].passed).toBe(true);
    // The name went over the real path: one query answered by app's embedded DNS.
    expect(engineOf(w.host('host'))!.container('app')!.dns!.served).toBeGreaterThan(0);
  });

  it('docker-user-network: failures say where the lookup or the echo went wrong', async () => {
    // Both on the default bridge: no embedded DNS answers 127.0.0.11.
    const w1 = await ready('docker-user-network');
    for (const line of ['docker run -d --name db busybox sleep 3600', 'docker run -d --name app busybox sleep 3600']) expect((await run(w1, 'host', line.split(' '))).code).toBe(0);
    const r1 = await runChecks('docker-user-network', w1);
    expect(r1[0].passed).toBe(false);
    expect(r1[0].message).toBe('app asked 10.0.0.53 (the nameserver of its resolv.conf) for db over UDP and got no answer: app is only on the default bridge, which has no embedded DNS (docker network create NET; docker network connect NET app)');
    // app on appnet, db elsewhere: the embedded DNS answers, but not with db.
    const w2 = await ready('docker-user-network');
    for (const line of ['docker network create appnet', 'docker run -d --name db busybox sleep 3600', 'docker run -d --name app --network appnet busybox sleep 3600']) expect((await run(w2, 'host', line.split(' '))).code).toBe(0);
    const r2 = await runChecks('docker-user-network', w2);
    expect(r2[0].message).toBe("the embedded DNS does not know db (no answer: it forwarded the query to the host's nameservers): app and db share no user-defined network (docker network connect appnet db)");
    // Same network, but the learner drops ICMP in db: resolved, then the echo is lost.
    const w3 = await ready('docker-user-network');
    for (const line of ['docker network create appnet', 'docker run -d --name db --network appnet busybox sleep 3600', 'docker run -d --name app --network appnet busybox sleep 3600']) expect((await run(w3, 'host', line.split(' '))).code).toBe(0);
    // busybox has no iptables: the rule goes into db's namespace from the host
    const dbPid = String(engineOf(w3.host('host'))!.container('db')!.pid);
    expect((await run(w3, 'host', ['nsenter', '-t', dbPid, '-n', 'iptables', '-A', 'INPUT', '-p', 'icmp', '-j', 'DROP'])).code).toBe(0);
    const r3 = await runChecks('docker-user-network', w3);
    expect(r3[0].passed).toBe(false);
    expect(r3[0].message).toMatch(/^app resolved db to 172\.18\.0\.2 over DNS, but the echo request was lost: /);
  });
});
