// The packet path follows the network options: the rules of
// iptablesdoc.test.ts are not decoration. ICC off really drops
// container-to-container traffic through br_netfilter, --internal networks
// have no way out, routed networks are reachable by container address,
// nat-unprotected ones on any port, and the daemon without userland proxy
// reaches published ports by DNAT alone (no docker-proxy process).
// Option errors carry moby docker-v29.7.2's texts
// (daemon/libnetwork/drivers/bridge/bridge_linux.go parseErr, newGwMode).

import { describe, expect, it } from 'vitest';
import type { World } from '../world/world.ts';
import { dockerWorld, run } from './testkit.ts';

const WELCOME = '<title>Welcome to nginx!</title>';

async function ok(world: World, host: string, argv: string[]): Promise<string> {
  const r = await run(world, host, argv);
  expect(r.stderr, argv.join(' ')).toBe('');
  expect(r.code, argv.join(' ')).toBe(0);
  return r.stdout;
}

async function bridge1(world: World, extra: string[]): Promise<void> {
  await ok(world, 'docker', ['docker', 'network', 'create', '-o', 'com.docker.network.bridge.name=bridge1', ...extra, '--subnet', '192.0.2.0/24', 'bridge1']);
}

describe('network options change the packet path', () => {
  it('enable_icc=false: containers on the bridge cannot reach each other, the outside still can be reached', async () => {
    const { world } = await dockerWorld();
    await bridge1(world, ['-o', 'com.docker.network.bridge.enable_icc=false']);
    await ok(world, 'docker', ['docker', 'run', '-d', '--network', 'bridge1', '--name', 'c1', 'busybox', 'sleep', '3600']);
    await ok(world, 'docker', ['docker', 'run', '-d', '--network', 'bridge1', '--name', 'c2', 'busybox', 'sleep', '3600']);
    const r = await run(world, 'docker', ['docker', 'exec', 'c1', 'ping', '-c', '1', '-W', '1', '192.0.2.3']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\b0 (packets )?received/);
    const drop = await run(world, 'docker', ['iptables', '-vn', '-L', 'DOCKER-FORWARD']);
    expect(drop.stdout).toMatch(/^\s+[1-9]\d*\s+\d+ DROP\s+0\s+--\s+bridge1 bridge1/m);
    const out = await run(world, 'docker', ['docker', 'exec', 'c1', 'ping', '-c', '1', '192.168.1.20']);
    expect(out.code).toBe(0);
  });

  it('with ICC on (the default) the same ping passes', async () => {
    const { world } = await dockerWorld();
    await bridge1(world, []);
    await ok(world, 'docker', ['docker', 'run', '-d', '--network', 'bridge1', '--name', 'c1', 'busybox', 'sleep', '3600']);
    await ok(world, 'docker', ['docker', 'run', '-d', '--network', 'bridge1', '--name', 'c2', 'busybox', 'sleep', '3600']);
    expect((await run(world, 'docker', ['docker', 'exec', 'c1', 'ping', '-c', '1', '192.0.2.3'])).code).toBe(0);
  });

  it('--internal: no default route, nothing leaves; containers on it still talk; published ports are not published', async () => {
    const { world } = await dockerWorld();
    await bridge1(world, ['--internal']);
    await ok(world, 'docker', ['docker', 'run', '-d', '--network', 'bridge1', '-p', '8080:80', '--name', 'web', 'nginx']);
    await ok(world, 'docker', ['docker', 'run', '-d', '--network', 'bridge1', '--name', 'c1', 'busybox', 'sleep', '3600']);
    const routes = await ok(world, 'docker', ['docker', 'exec', 'c1', 'ip', 'route']);
    expect(routes).toMatch(/^192\.0\.2\.0\/24 dev eth0 /);
    expect(routes).not.toContain('default');
    const r = await run(world, 'docker', ['docker', 'exec', 'c1', 'ping', '-c', '1', '192.168.1.20']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Network is unreachable');
    expect((await run(world, 'docker', ['docker', 'exec', 'c1', 'ping', '-c', '1', '192.0.2.2'])).code).toBe(0);
    expect((await run(world, 'docker', ['iptables', '-t', 'nat', '-S', 'DOCKER'])).stdout).toBe('-N DOCKER\n');
    expect((await run(world, 'docker', ['ss', '-tln'])).stdout).not.toContain(':8080');
    expect((await run(world, 'client', ['curl', '-s', '-m', '2', 'http://192.168.1.10:8080/'])).code).not.toBe(0);
    // The host, on the bridge itself, still reaches the container's address; another host does not get through.
    expect(await ok(world, 'docker', ['curl', '-s', 'http://192.0.2.2/'])).toContain(WELCOME);
  });

  it('gateway_mode_ipv4=routed: no NAT; another host reaches the container by its address on the published port only', async () => {
    const { world } = await dockerWorld();
    await bridge1(world, ['-o', 'com.docker.network.bridge.gateway_mode_ipv4=routed']);
    await ok(world, 'docker', ['docker', 'run', '-d', '--network', 'bridge1', '-p', '8080:80', '--name', 'web', 'nginx']);
    await ok(world, 'client', ['ip', 'route', 'add', '192.0.2.0/24', 'via', '192.168.1.10']);
    expect(await ok(world, 'client', ['curl', '-s', 'http://192.0.2.2/'])).toContain(WELCOME);
    expect((await run(world, 'client', ['curl', '-s', '-m', '2', 'http://192.168.1.10:8080/'])).code).not.toBe(0);
    expect((await run(world, 'client', ['ping', '-c', '1', '192.0.2.2'])).code).toBe(0);
    expect((await run(world, 'docker', ['ss', '-tln'])).stdout).not.toContain(':8080');
  });

  it('gateway_mode_ipv4=nat-unprotected: published port NATed, and every container port open from outside', async () => {
    const { world } = await dockerWorld();
    await bridge1(world, ['-o', 'com.docker.network.bridge.gateway_mode_ipv4=nat-unprotected']);
    await ok(world, 'docker', ['docker', 'run', '-d', '--network', 'bridge1', '-p', '8081:8000', '--name', 'web', 'nginx']);
    await ok(world, 'client', ['ip', 'route', 'add', '192.0.2.0/24', 'via', '192.168.1.10']);
    expect(await ok(world, 'client', ['curl', '-s', 'http://192.0.2.2:80/'])).toContain(WELCOME);
  });

  it('the default nat mode drops the same direct access (raw PREROUTING)', async () => {
    const { world } = await dockerWorld();
    await bridge1(world, []);
    await ok(world, 'docker', ['docker', 'run', '-d', '--network', 'bridge1', '-p', '8080:80', '--name', 'web', 'nginx']);
    await ok(world, 'client', ['ip', 'route', 'add', '192.0.2.0/24', 'via', '192.168.1.10']);
    expect((await run(world, 'client', ['curl', '-s', '-m', '2', 'http://192.0.2.2/'])).code).not.toBe(0);
    expect(await ok(world, 'client', ['curl', '-s', 'http://192.168.1.10:8080/'])).toContain(WELCOME);
  });

  it('--userland-proxy=false: no docker-proxy; the host and a container reach the published port through DNAT', async () => {
    const { world } = await dockerWorld({ userlandProxy: false });
    await ok(world, 'docker', ['docker', 'run', '-d', '-p', '8080:80', '--name', 'web', 'nginx']);
    expect((await run(world, 'docker', ['ps', 'ax'])).stdout).not.toContain('docker-proxy');
    expect(await ok(world, 'docker', ['curl', '-s', 'http://192.168.1.10:8080/'])).toContain(WELCOME);
    expect(await ok(world, 'client', ['curl', '-s', 'http://192.168.1.10:8080/'])).toContain(WELCOME);
  });
});

describe('docker network create option errors and inspect', () => {
  it('an unknown gateway mode is rejected with moby\'s text', async () => {
    const { world } = await dockerWorld();
    const r = await run(world, 'docker', ['docker', 'network', 'create', '-o', 'com.docker.network.bridge.gateway_mode_ipv4=bogus', 'n1']);
    expect(r.stderr).toBe('Error response from daemon: failed to parse com.docker.network.bridge.gateway_mode_ipv4 value: bogus (unknown gateway mode bogus)\n');
    expect(r.code).toBe(1);
    expect((await run(world, 'docker', ['docker', 'network', 'ls'])).stdout).not.toContain('n1');
  });

  it('a bad boolean is Go\'s strconv.ParseBool error', async () => {
    const { world } = await dockerWorld();
    const r = await run(world, 'docker', ['docker', 'network', 'create', '-o', 'com.docker.network.bridge.enable_icc=maybe', 'n1']);
    expect(r.stderr).toBe('Error response from daemon: failed to parse com.docker.network.bridge.enable_icc value: maybe (strconv.ParseBool: parsing "maybe": invalid syntax)\n');
  });

  it('isolated needs --internal (moby\'s error), options moby honours and we do not are refused', async () => {
    const { world } = await dockerWorld();
    const r = await run(world, 'docker', ['docker', 'network', 'create', '-o', 'com.docker.network.driver.mtu=1400', 'n1']);
    expect(r.stderr).toBe('docker: --opt com.docker.network.driver.mtu=1400 is not simulated\n');
    expect(r.code).toBe(125);
  });

  it('inspect shows the options given', async () => {
    const { world } = await dockerWorld();
    await bridge1(world, ['-o', 'com.docker.network.bridge.enable_icc=false', '--internal']);
    const j = JSON.parse(await ok(world, 'docker', ['docker', 'network', 'inspect', 'bridge1']))[0];
    expect(j.Options).toEqual({ 'com.docker.network.bridge.enable_icc': 'false', 'com.docker.network.bridge.name': 'bridge1' });
    expect(j.Internal).toBe(true);
  });
});

describe('Docker options not modelled are refused, not ignored', () => {
  it('docker run flags the real CLI has and the simulation lacks: not simulated, 125', async () => {
    const { world } = await dockerWorld();
    for (const [argv, what] of [[['--dns', '1.1.1.1'], '--dns'], [['--ip', '172.17.0.9'], '--ip'], [['-v', '/x:/y'], '-v'], [['--privileged'], '--privileged'], [['--add-host', 'a:1.2.3.4'], '--add-host']] as const) {
      const r = await run(world, 'docker', ['docker', 'run', '-d', ...argv, 'busybox', 'sleep', '1']);
      expect(r.stderr, what).toBe(`docker: ${what} is not simulated\n`);
      expect(r.code, what).toBe(125);
    }
    // a flag docker does not have at all is cobra's error
    const u = await run(world, 'docker', ['docker', 'run', '--bogus', 'busybox']);
    expect(u.stderr).toMatch(/^unknown flag: --bogus\n/);
  });

  it('network create: --ipv6, --ip-range and the macvlan/ipvlan drivers are refused', async () => {
    const { world } = await dockerWorld();
    for (const [argv, what] of [[['--ipv6'], '--ipv6'], [['--ip-range', '172.30.1.0/24'], '--ip-range'], [['-d', 'macvlan'], '--driver macvlan'], [['-d', 'ipvlan'], '--driver ipvlan']] as const) {
      const r = await run(world, 'docker', ['docker', 'network', 'create', ...argv, 'n1']);
      expect(r.stderr, what).toBe(`docker: ${what} is not simulated\n`);
      expect(r.code, what).toBe(125);
    }
  });
});
