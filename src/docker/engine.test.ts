import { describe, expect, it } from 'vitest';
import { dockerWorld, run } from './testkit.ts';

describe('docker engine: lifecycle', () => {
  it('dockerd creates docker0 172.17.0.1/16 and the host stays otherwise unchanged', async () => {
    const { world } = await dockerWorld();
    const k = world.host('docker');
    const br = k.initNs.devByName('docker0');
    expect(br?.kind).toBe('bridge');
    expect(k.initNs.allAddrs().map((a) => a.addr.local)).toContain(0xac110001);
  });

  it('run -d: a namespace, a vethXXXXXXX on docker0, eth0 172.17.0.2/16, a default route, a process', async () => {
    const { world, engine } = await dockerWorld();
    const r = await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', 'nginx']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    const c = engine.container('web')!;
    expect(c.status).toBe('running');
    const k = world.host('docker');
    const hv = k.initNs.devices().find((d) => /^veth[0-9a-f]{7}$/.test(d.name));
    expect(hv?.master?.name).toBe('docker0');
    const eth0 = c.netns!.devByName('eth0')!;
    expect(c.netns!.allAddrs().find((a) => a.dev === eth0)?.addr.local).toBe(0xac110002);
    expect(k.procs.get(c.pid)?.netns).toBe(c.netns);
    expect(k.vfs.tryLookup(`/proc/${c.pid}/ns/net`)).toBeTruthy();
    const ps = await run(world, 'docker', ['docker', 'ps']);
    expect(ps.stdout.split('\n')[0]).toBe('CONTAINER ID   IMAGE     COMMAND                  CREATED                  STATUS                  PORTS     NAMES');
    expect(ps.stdout).toContain('"/docker-entrypoint.…"');
    expect(ps.stdout).toContain('80/tcp    web');
  });

  it('inspect -f forms people use', async () => {
    const { world, engine } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', 'nginx']);
    const c = engine.container('web')!;
    expect((await run(world, 'docker', ['docker', 'inspect', '-f', '{{.State.Pid}}', 'web'])).stdout).toBe(`${c.pid}\n`);
    expect((await run(world, 'docker', ['docker', 'inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', 'web'])).stdout).toBe('172.17.0.2\n');
    const old = await run(world, 'docker', ['docker', 'inspect', '-f', '{{.NetworkSettings.IPAddress}}', 'web']);
    expect(old.code).toBe(1);
    expect(old.stderr).toBe('template parsing error: template: :1:2: executing "" at <.NetworkSettings.IPAddress>: map has no entry for key "IPAddress"\n');
    const j = await run(world, 'docker', ['docker', 'inspect', '-f', '{{json .State}}', 'web']);
    expect(JSON.parse(j.stdout).Pid).toBe(c.pid);
  });

  it('stop, start, rm, --rm', async () => {
    const { world, engine } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', 'nginx']);
    expect((await run(world, 'docker', ['docker', 'stop', 'web'])).stdout).toBe('web\n');
    expect(engine.container('web')!.status).toBe('exited');
    expect(world.host('docker').initNs.devices().some((d) => d.name.startsWith('veth'))).toBe(false);
    expect((await run(world, 'docker', ['docker', 'start', 'web'])).stdout).toBe('web\n');
    expect(engine.container('web')!.status).toBe('running');
    const busy = await run(world, 'docker', ['docker', 'rm', 'web']);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toBe('Error response from daemon: cannot remove container "web": container is running: stop the container before removing or force remove\n');
    expect((await run(world, 'docker', ['docker', 'rm', '-f', 'web'])).code).toBe(0);
    expect(engine.container('web')).toBeUndefined();
    const hello = await run(world, 'docker', ['docker', 'run', '--rm', 'hello-world']);
    expect(hello.stdout).toContain('Hello from Docker!');
    expect(engine.containers.length).toBe(0);
  });

  it('bad input: unknown image, name conflict, port already allocated, no such container', async () => {
    const { world, engine } = await dockerWorld();
    const unk = await run(world, 'docker', ['docker', 'run', 'nosuchimage']);
    expect(unk.code).toBe(125);
    expect(unk.stderr).toMatch(/^Unable to find image 'nosuchimage:latest' locally\ndocker: Error response from daemon: .*\n\nRun 'docker run --help' for more information\n$/);
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', '-p', '8080:80', 'nginx']);
    const dup = await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', 'nginx']);
    expect(dup.code).toBe(125);
    expect(dup.stderr).toBe(
      `docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${engine.container('web')!.id}". You have to remove (or rename) that container to be able to reuse that name.\n\nRun 'docker run --help' for more information\n`,
    );
    const port = await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web2', '-p', '8080:80', 'nginx']);
    expect(port.code).toBe(125);
    expect(port.stderr).toMatch(/^docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n/);
    expect(engine.container('web2')!.status).toBe('created');
    const nope = await run(world, 'docker', ['docker', 'stop', 'nope']);
    expect(nope).toEqual({ stdout: '', stderr: 'Error response from daemon: No such container: nope\n', code: 1 });
  });

  it('port and ps show both address families', async () => {
    const { world } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', '-p', '8080:80', 'nginx']);
    expect((await run(world, 'docker', ['docker', 'port', 'web'])).stdout).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
    expect((await run(world, 'docker', ['docker', 'ps'])).stdout).toContain('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
  });

  it('user-defined networks: br-<id>, 172.18.0.0/16, connect, names', async () => {
    const { world, engine } = await dockerWorld();
    const cr = await run(world, 'docker', ['docker', 'network', 'create', 'appnet']);
    expect(cr.code).toBe(0);
    const n = engine.network('appnet')!;
    expect(n.subnet).toBe('172.18.0.0/16');
    expect(world.host('docker').initNs.devByName(`br-${n.id.slice(0, 12)}`)?.kind).toBe('bridge');
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'db', '--network', 'appnet', 'busybox', 'sleep', '3600']);
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'app', 'busybox', 'sleep', '3600']);
    expect((await run(world, 'docker', ['docker', 'network', 'connect', 'appnet', 'app'])).code).toBe(0);
    const app = engine.container('app')!;
    expect(app.netns!.devByName('eth1')).toBeTruthy();
    expect(engine.resolveName(app, 'db')).toEqual(['172.18.0.2']);
    const ls = await run(world, 'docker', ['docker', 'network', 'ls']);
    expect(ls.stdout.split('\n')[0]).toBe('NETWORK ID     NAME      DRIVER    SCOPE');
    expect(ls.stdout).toMatch(/appnet    bridge    local/);
    const dupNet = await run(world, 'docker', ['docker', 'network', 'create', 'appnet']);
    expect(dupNet).toEqual({ stdout: '', stderr: 'Error response from daemon: network with name appnet already exists\n', code: 1 });
  });

  it('--network none and host, container:NAME shares the namespace', async () => {
    const { world, engine } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'iso', '--network', 'none', 'busybox', 'sleep', '60']);
    expect(engine.container('iso')!.netns!.devices().map((d) => d.name)).toEqual(['lo']);
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'h', '--network', 'host', 'busybox', 'sleep', '60']);
    expect(engine.container('h')!.netns).toBe(world.host('docker').initNs);
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'pause', 'busybox', 'sleep', '60']);
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'side', '--network', 'container:pause', 'busybox', 'sleep', '60']);
    expect(engine.container('side')!.netns).toBe(engine.container('pause')!.netns);
  });
});
