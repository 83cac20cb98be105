// Docker's networking exercised through the real packet path: the rules
// dockerd wrote with iptables translate TCP connections (DNAT on the way in,
// MASQUERADE on the way out), docker-proxy relays what the rules do not
// catch (the host's own 127.0.0.1, hairpin from a container), nginx serves
// its welcome page inside the container's namespace, and the embedded DNS
// answers container names over UDP on 127.0.0.11.

import { describe, expect, it } from 'vitest';
import { dockerWorld, run } from './testkit.ts';

const WELCOME = '<title>Welcome to nginx!</title>';

describe('published ports carry real TCP', () => {
  it('from another host: client curls 192.168.1.10:8080 and nginx answers (DNAT in PREROUTING)', async () => {
    const { world } = await dockerWorld();
    expect((await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', '-p', '8080:80', 'nginx'])).code).toBe(0);
    const r = await run(world, 'client', ['curl', '-s', 'http://192.168.1.10:8080/']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(WELCOME);
    // the DNAT rule counted the connection in the kernel's table
    const nat = await run(world, 'docker', ['iptables', '-t', 'nat', '-L', 'DOCKER', '-n', '-v']);
    expect(nat.stdout).toMatch(/^\s+1\s+\d+ DNAT\s+6\s+--\s+!docker0 \*\s+0\.0\.0\.0\/0\s+0\.0\.0\.0\/0\s+tcp dpt:8080 to:172\.17\.0\.2:80$/m);
    // the connection reached the container with the client's own address: DNAT only, no SNAT on the way in
    const ct = await run(world, 'docker', ['conntrack', '-L']);
    expect(ct.stdout).toMatch(/src=192\.168\.1\.20 dst=192\.168\.1\.10 sport=\d+ dport=8080 .*src=172\.17\.0\.2 dst=192\.168\.1\.20 sport=80 /);
  });

  it('from the Docker host itself: its own address (DNAT in OUTPUT) and 127.0.0.1 (docker-proxy)', async () => {
    const { world } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', '-p', '8080:80', 'nginx']);
    expect((await run(world, 'docker', ['curl', '-s', 'http://192.168.1.10:8080/'])).stdout).toContain(WELCOME);
    expect((await run(world, 'docker', ['curl', '-s', 'http://127.0.0.1:8080/'])).stdout).toContain(WELCOME);
    const ss = await run(world, 'docker', ['ss', '-tlnp']);
    expect(ss.stdout).toMatch(/LISTEN .*0\.0\.0\.0:8080 .*docker-proxy/);
  });

  it('hairpin: a container reaches a published port through the host (docker-proxy on the gateway address)', async () => {
    const { world } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', '-p', '8080:80', 'nginx']);
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'cli', 'busybox', 'sleep', '3600']);
    const r = await run(world, 'docker', ['docker', 'exec', 'cli', 'wget', '-qO-', 'http://172.17.0.1:8080/']);
    expect(r.stdout).toContain(WELCOME);
  });

  it('outbound: a container reaches another host, MASQUERADEd to the host address', async () => {
    const { world } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'cli', 'busybox', 'sleep', '3600']);
    const server = run(world, 'client', ['python3', '-m', 'http.server', '8000']);
    void server;
    // busybox's wget: 0 only for a 200 answer
    const r = await run(world, 'docker', ['docker', 'exec', 'cli', 'wget', '-q', '-O', '/dev/null', 'http://192.168.1.20:8000/']);
    expect(r.code).toBe(0);
    const ct = await run(world, 'docker', ['conntrack', '-L']);
    expect(ct.stdout).toMatch(/src=172\.17\.0\.2 dst=192\.168\.1\.20 .* src=192\.168\.1\.20 dst=192\.168\.1\.10 /);
  });

  it('pyweb serves its /app through python3 -m http.server', async () => {
    const { world } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'py', '-p', '8000:8000', 'pyweb']);
    const r = await run(world, 'client', ['curl', '-s', '-i', 'http://192.168.1.10:8000/']);
    expect(r.stdout).toContain('Server: SimpleHTTP/0.6 Python/3.11.2');
  });
});

describe('user-defined networks', () => {
  it('embedded DNS on 127.0.0.11 answers container names over UDP; /etc files are the container\'s own', async () => {
    const { world } = await dockerWorld();
    expect((await run(world, 'docker', ['docker', 'network', 'create', 'appnet'])).code).toBe(0);
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'db', '--network', 'appnet', 'busybox', 'sleep', '3600']);
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'app', '--network', 'appnet', 'busybox', 'sleep', '3600']);
    const resolv = await run(world, 'docker', ['docker', 'exec', 'app', 'cat', '/etc/resolv.conf']);
    expect(resolv.stdout).toContain('nameserver 127.0.0.11\n');
    expect((await run(world, 'docker', ['cat', '/etc/resolv.conf'])).stdout).not.toContain('127.0.0.11');
    const hn = await run(world, 'docker', ['docker', 'exec', 'app', 'cat', '/etc/hostname']);
    expect(hn.stdout).toMatch(/^[0-9a-f]{12}\n$/);
    const ping = await run(world, 'docker', ['docker', 'exec', 'app', 'ping', '-c', '1', 'db']);
    expect(ping.stdout).toMatch(/^PING db \(172\.18\.0\.2\): 56 data bytes\n64 bytes from 172\.18\.0\.2: seq=0 ttl=64 time=\d+\.\d{3} ms\n/);
    expect(ping.stdout).toContain('1 packets transmitted, 1 packets received, 0% packet loss\nround-trip min/avg/max = ');
    // busybox has no iptables or ss: look from the host, inside the container's namespace
    const pid = (await run(world, 'docker', ['docker', 'inspect', '-f', '{{.State.Pid}}', 'app'])).stdout.trim();
    const nat = await run(world, 'docker', ['nsenter', '-t', pid, '-n', 'iptables', '-t', 'nat', '-S']);
    expect(nat.stdout).toMatch(/-A DOCKER_OUTPUT -d 127\.0\.0\.11\/32 -p udp -m udp --dport 53 -j DNAT --to-destination 127\.0\.0\.11:\d+/);
    const ss = await run(world, 'docker', ['nsenter', '-t', pid, '-n', 'ss', '-uln']);
    expect(ss.stdout).toMatch(/127\.0\.0\.11:\d+/);
  });

  it('network connect adds an interface and the default bridge has no name resolution', async () => {
    const { world } = await dockerWorld();
    await run(world, 'docker', ['docker', 'network', 'create', 'appnet']);
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'db', '--network', 'appnet', 'busybox', 'sleep', '3600']);
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'app', 'busybox', 'sleep', '3600']);
    const before = await run(world, 'docker', ['docker', 'exec', 'app', 'ping', '-c', '1', 'db']);
    expect(before.code).not.toBe(0);
    expect((await run(world, 'docker', ['docker', 'network', 'connect', 'appnet', 'app'])).code).toBe(0);
    const addr = await run(world, 'docker', ['docker', 'exec', 'app', 'ip', 'addr', 'show', 'eth1']);
    expect(addr.stdout).toContain('inet 172.18.0.3/16');
    const after = await run(world, 'docker', ['docker', 'exec', 'app', 'ping', '-c', '1', 'db']);
    expect(after.stdout).toContain('1 packets received');
  });
});
