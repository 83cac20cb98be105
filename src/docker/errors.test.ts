// Bad input: the docker CLI's messages and exit statuses, as docker/cli
// v29.7.2 prints them for the daemon's (moby docker-v29.7.2) errors:
// cli/command/container/run.go toStatusError/withHelp (125, "docker: ...
// Run 'docker run --help'"), cli/cobra.go FlagErrorFunc (125 for every
// command), daemon/delete.go, daemon/exec.go, daemon/errors.go,
// libnetwork portallocator and endpoint.go, daemon/containerd/image_pull.go.
// And --network-alias / network connect --alias through the embedded DNS.

import { describe, expect, it } from 'vitest';
import { dockerWorld, run } from './testkit.ts';

const HELP = (cmd: string): string => `\n\nRun 'docker ${cmd} --help' for more information\n`;

describe('docker bad input', () => {
  it('unknown image: pull attempted, then the registry error (125)', async () => {
    const { world, engine } = await dockerWorld();
    const r = await run(world, 'docker', ['docker', 'run', 'nosuch']);
    expect(r.stderr).toBe("Unable to find image 'nosuch:latest' locally\ndocker: Error response from daemon: pull access denied for nosuch, repository does not exist or may require 'docker login'" + HELP('run'));
    expect(r.code).toBe(125);
    expect(r.stdout).toBe('');
    expect(engine.containers).toHaveLength(0);
    const pull = await run(world, 'docker', ['docker', 'pull', 'nosuch']);
    expect(pull.stdout).toBe('Using default tag: latest\n');
    expect(pull.stderr).toBe("Error response from daemon: pull access denied for nosuch, repository does not exist or may require 'docker login'\n");
    expect(pull.code).toBe(1);
  });

  it('port already allocated: the second container fails at start and stays Created', async () => {
    const { world, engine } = await dockerWorld();
    expect((await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', '-p', '8080:80', 'nginx'])).code).toBe(0);
    const r = await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web2', '-p', '8080:80', 'nginx']);
    expect(r.code).toBe(125);
    expect(r.stdout).toBe('');
    const ep = /endpoint web2 \(([0-9a-f]{64})\)/.exec(r.stderr)?.[1];
    expect(ep).toBeDefined();
    expect(r.stderr).toBe(`docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web2 (${ep}): Bind for 0.0.0.0:8080 failed: port is already allocated` + HELP('run'));
    expect(engine.container('web2')?.status).toBe('created');
  });

  it('container name conflict (125)', async () => {
    const { world, engine } = await dockerWorld();
    expect((await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', 'nginx'])).code).toBe(0);
    const id = engine.container('web')!.id;
    const r = await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', 'nginx']);
    expect(r.stderr).toBe(`docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.` + HELP('run'));
    expect(r.code).toBe(125);
  });

  it('docker rm of a running container names it as given (1)', async () => {
    const { world } = await dockerWorld();
    expect((await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', 'nginx'])).code).toBe(0);
    const r = await run(world, 'docker', ['docker', 'rm', 'web']);
    expect(r.stderr).toBe('Error response from daemon: cannot remove container "web": container is running: stop the container before removing or force remove\n');
    expect(r.code).toBe(1);
    const missing = await run(world, 'docker', ['docker', 'rm', 'nosuch']);
    expect(missing.stderr).toBe('Error response from daemon: No such container: nosuch\n');
    expect(missing.code).toBe(1);
  });

  it('unknown network: found missing at start, the container stays Created (125)', async () => {
    const { world, engine } = await dockerWorld();
    const r = await run(world, 'docker', ['docker', 'run', '-d', '--name', 'x', '--network', 'nosuch', 'busybox', 'sleep', '60']);
    expect(r.stderr).toBe('docker: Error response from daemon: failed to set up container networking: network nosuch not found' + HELP('run'));
    expect(r.code).toBe(125);
    expect(engine.container('x')?.status).toBe('created');
    const c = await run(world, 'docker', ['docker', 'network', 'connect', 'nosuch', 'x']);
    expect(c.stderr).toBe('Error response from daemon: network nosuch not found\n');
    expect(c.code).toBe(1);
  });

  it('docker exec on a stopped container (1)', async () => {
    const { world, engine } = await dockerWorld();
    expect((await run(world, 'docker', ['docker', 'run', '--name', 'once', 'busybox', 'true'])).code).toBe(0);
    const id = engine.container('once')!.id;
    const r = await run(world, 'docker', ['docker', 'exec', 'once', 'ls']);
    expect(r.stderr).toBe(`Error response from daemon: container ${id} is not running\n`);
    expect(r.code).toBe(1);
  });

  it('unknown flags: usage and exit 125 for every command', async () => {
    const { world } = await dockerWorld();
    const r = await run(world, 'docker', ['docker', 'run', '--foo', 'busybox']);
    expect(r.stderr).toBe("unknown flag: --foo\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n");
    expect(r.code).toBe(125);
    const ps = await run(world, 'docker', ['docker', 'ps', '--foo']);
    expect(ps.stderr).toBe("unknown flag: --foo\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n");
    expect(ps.code).toBe(125);
    const short = await run(world, 'docker', ['docker', 'run', '-z', 'busybox']);
    expect(short.stderr).toMatch(/^unknown shorthand flag: 'z' in -z\n/);
    expect(short.code).toBe(125);
  });
});

describe('network aliases', () => {
  it('--network-alias and network connect --alias resolve through the embedded DNS', async () => {
    const { world, engine } = await dockerWorld();
    expect((await run(world, 'docker', ['docker', 'network', 'create', 'appnet'])).code).toBe(0);
    expect((await run(world, 'docker', ['docker', 'network', 'create', 'other'])).code).toBe(0);
    expect((await run(world, 'docker', ['docker', 'run', '-d', '--name', 'db', '--network', 'appnet', '--network-alias', 'database', '--network-alias', 'pg', 'busybox', 'sleep', '3600'])).code).toBe(0);
    expect((await run(world, 'docker', ['docker', 'run', '-d', '--name', 'app', '--network', 'appnet', 'busybox', 'sleep', '3600'])).code).toBe(0);
    const db = engine.container('db')!;
    const ip = db.endpoints.get('appnet')!.ip!;
    for (const name of ['database', 'pg', 'db']) {
      const r = await run(world, 'docker', ['docker', 'exec', 'app', 'nslookup', name]);
      expect(r.stdout, name).toContain(`Address: ${ip}`);
    }
    const aliases = await run(world, 'docker', ['docker', 'inspect', '-f', '{{json .NetworkSettings.Networks.appnet.Aliases}}', 'db']);
    expect(aliases.stdout).toBe('["db","database","pg"]\n');
    // network connect --alias: a name on that network only.
    expect((await run(world, 'docker', ['docker', 'run', '-d', '--name', 'cache', '--network', 'other', 'busybox', 'sleep', '3600'])).code).toBe(0);
    expect((await run(world, 'docker', ['docker', 'network', 'connect', '--alias', 'kv', 'appnet', 'cache'])).code).toBe(0);
    const kvIp = engine.container('cache')!.endpoints.get('appnet')!.ip!;
    const kv = await run(world, 'docker', ['docker', 'exec', 'app', 'nslookup', 'kv']);
    expect(kv.stdout).toContain(`Address: ${kvIp}`);
    const ping = await run(world, 'docker', ['docker', 'exec', 'app', 'ping', '-c', '1', 'kv']);
    expect(ping.stdout).toContain('1 packets transmitted, 1 packets received');
    // The default bridge has no network-scoped aliases.
    const bad = await run(world, 'docker', ['docker', 'run', '-d', '--network-alias', 'x', 'busybox', 'sleep', '60']);
    expect(bad.stderr).toBe('docker: Error response from daemon: invalid config for network bridge: invalid endpoint settings:\nnetwork-scoped aliases are only supported for user-defined networks' + HELP('run'));
    expect(bad.code).toBe(125);
  });
});
