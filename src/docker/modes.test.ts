// Network modes other than bridge (moby docker-v29.7.2 behaviour):
// --network none (only lo), --network host (the host's namespace: a server
// binds on the host, a second one on the same port fails as the program
// says), --network container:NAME (one namespace shared: localhost reaches
// the other container), plus `docker network ls`, `docker network inspect`
// Status.IPAM (API 1.52+, api/types/network/status.go) and `docker version`.

import { describe, expect, it } from 'vitest';
import type { World } from '../world/world.ts';
import { dockerWorld, run } from './testkit.ts';

const WELCOME = '<title>Welcome to nginx!</title>';

async function ok(world: World, argv: string[]): Promise<string> {
  const r = await run(world, 'docker', argv);
  expect(r.stderr, argv.join(' ')).toBe('');
  expect(r.code, argv.join(' ')).toBe(0);
  return r.stdout;
}

describe('--network none, host, container:', () => {
  it('none: only lo, no route', async () => {
    const { world } = await dockerWorld();
    await ok(world, ['docker', 'run', '-d', '--network', 'none', '--name', 'iso', 'busybox', 'sleep', '3600']);
    const links = await ok(world, ['docker', 'exec', 'iso', 'ip', 'link']);
    expect(links.split('\n').filter((l) => /^\d+:/.test(l)).map((l) => l.split(':')[1].trim())).toEqual(['lo']);
    expect(await ok(world, ['docker', 'exec', 'iso', 'ip', 'route'])).toBe('');
    const r = await run(world, 'docker', ['docker', 'exec', 'iso', 'ping', '-c', '1', '192.168.1.20']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Network is unreachable');
  });

  it('host: the container\'s processes are in the host\'s namespace and its server binds on the host', async () => {
    const { world } = await dockerWorld();
    await ok(world, ['docker', 'run', '-d', '--network', 'host', '--name', 'web', 'nginx']);
    await ok(world, ['docker', 'run', '-d', '--network', 'host', '--name', 'bb', 'busybox', 'sleep', '3600']);
    expect(await ok(world, ['docker', 'exec', 'bb', 'ip', 'addr', 'show', 'eth0'])).toContain('inet 192.168.1.10/24');
    expect(await ok(world, ['docker', 'exec', 'bb', 'wget', '-qO-', 'http://127.0.0.1/'])).toContain(WELCOME);
    expect((await run(world, 'docker', ['ss', '-tlnp'])).stdout).toMatch(/0\.0\.0\.0:80 .*nginx/);
    expect((await run(world, 'client', ['curl', '-s', 'http://192.168.1.10/'])).stdout).toContain(WELCOME);
    // no veth, no DNAT: nothing of the bridge machinery
    expect((await run(world, 'docker', ['iptables', '-t', 'nat', '-S', 'DOCKER'])).stdout).toBe('-N DOCKER\n');
  });

  it('host: a second nginx on port 80 fails to bind, as nginx says, and exits', async () => {
    const { world } = await dockerWorld();
    await ok(world, ['docker', 'run', '-d', '--network', 'host', '--name', 'web1', 'nginx']);
    await ok(world, ['docker', 'run', '-d', '--network', 'host', '--name', 'web2', 'nginx']);
    await run(world, 'docker', ['sleep', '10']);
    const logs = await run(world, 'docker', ['docker', 'logs', 'web2']);
    expect(logs.stderr).toContain('bind() to 0.0.0.0:80 failed (98: Address already in use)');
    const ps = await ok(world, ['docker', 'ps', '-a', '--format', '{{.Names}} {{.Status}}']);
    expect(ps).toMatch(/^web2 Exited \(1\)/m);
    expect(ps).toMatch(/^web1 Up/m);
  });

  it('host: published ports are discarded with Docker\'s warning', async () => {
    const { world } = await dockerWorld();
    const r = await run(world, 'docker', ['docker', 'run', '-d', '--network', 'host', '-p', '8080:80', '--name', 'web', 'nginx']);
    expect(r.stderr).toBe('WARNING: Published ports are discarded when using host network mode\n');
    expect(r.code).toBe(0);
  });

  it('container:NAME shares the namespace: same interfaces, localhost reaches the other container\'s server', async () => {
    const { world } = await dockerWorld();
    await ok(world, ['docker', 'run', '-d', '--name', 'web', 'nginx']);
    await ok(world, ['docker', 'run', '-d', '--network', 'container:web', '--name', 'side', 'busybox', 'sleep', '3600']);
    const ip = (await ok(world, ['docker', 'inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', 'web'])).trim();
    expect(ip).toBe('172.17.0.2');
    expect(await ok(world, ['docker', 'exec', 'side', 'ip', 'addr', 'show', 'eth0'])).toContain(`inet ${ip}/16`);
    expect(await ok(world, ['docker', 'exec', 'side', 'wget', '-qO-', 'http://localhost/'])).toContain(WELCOME);
    // one veth on the host for the two containers
    const veths = (await run(world, 'docker', ['ip', '-br', 'link'])).stdout.split('\n').filter((l) => l.startsWith('veth'));
    expect(veths.length).toBe(1);
  });

  it('container:NAME of a stopped or missing container fails as Docker says', async () => {
    const { world } = await dockerWorld();
    const r = await run(world, 'docker', ['docker', 'run', '-d', '--network', 'container:nope', 'busybox', 'sleep', '1']);
    expect(r.stderr).toBe("docker: Error response from daemon: No such container: nope\n\nRun 'docker run --help' for more information\n");
    expect(r.code).toBe(125);
  });

  it('docker network ls lists bridge, host and none with 12-hex ids', async () => {
    const { world } = await dockerWorld();
    const out = await ok(world, ['docker', 'network', 'ls']);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('NETWORK ID     NAME      DRIVER    SCOPE');
    expect(lines.slice(1).map((l) => l.replace(/^[0-9a-f]{12}   /, 'ID   '))).toEqual(['ID   bridge    bridge    local', 'ID   host      host      local', 'ID   none      null      local']);
  });
});

describe('network inspect Status.IPAM and docker version', () => {
  it('Status.IPAM counts network, broadcast, gateway and endpoints (defaultipam allocationStatus)', async () => {
    const { world } = await dockerWorld();
    await ok(world, ['docker', 'run', '-d', '--name', 'a', 'busybox', 'sleep', '3600']);
    const j = JSON.parse(await ok(world, ['docker', 'network', 'inspect', 'bridge']))[0];
    expect(Object.keys(j).slice(-2)).toEqual(['Containers', 'Status']);
    expect(j.Status).toEqual({ IPAM: { Subnets: { '172.17.0.0/16': { IPsInUse: 4, DynamicIPsAvailable: 65532 } } } });
    const h = JSON.parse(await ok(world, ['docker', 'network', 'inspect', 'host']))[0];
    expect(h.Status).toEqual({ IPAM: {} });
  });

  it('docker version: client and server components of 29.7.2', async () => {
    const { world } = await dockerWorld();
    const v = await ok(world, ['docker', 'version']);
    expect(v.split('\n').slice(0, 3)).toEqual(['Client: Docker Engine - Community', ' Version:           29.7.2', ' API version:       1.55']);
    expect(v).toContain('\nServer: Docker Engine - Community\n Engine:\n  Version:          29.7.2\n  API version:      1.55 (minimum version 1.40)\n');
    expect(v).toContain('\n containerd:\n  Version:          v2.3.3\n');
    expect(v).toContain('\n runc:\n  Version:          1.4.3\n');
    expect(v.endsWith('\n docker-init:\n  Version:          0.19.0\n  GitCommit:        de40ad0\n')).toBe(true);
  });
});

describe('dockerd flags', () => {
  it('a dockerd flag that is not modelled is refused; --userland-proxy=false is honoured', async () => {
    const { World } = await import('../world/world.ts');
    const world = new World({ seed: 1 });
    world.addHost('docker', { hostname: 'docker' });
    const r = await run(world, 'docker', ['dockerd', '--icc=false']);
    expect(r.stderr).toBe('dockerd: --icc is not simulated\n');
    expect(r.code).toBe(1);
  });
});
