// dockerd never drops an iptables failure. A learner who flushed and deleted
// Docker's nat chain gets moby's error when publishing a port (libnetwork
// iptables.go words it "(iptables failed: iptables --wait ARGS: OUTPUT (exit
// status N))"; the endpoint prefix is the same as for an allocation failure),
// the container stays Created, and a later deletion that fails is logged.
import { describe, expect, it } from 'vitest';
import { dockerWorld, run } from './testkit.ts';

describe('dockerd and a failing iptables', () => {
  it('publishing a port without the nat DOCKER chain fails with the iptables error', async () => {
    const { world, engine } = await dockerWorld();
    for (const argv of [['iptables', '-t', 'nat', '-F'], ['iptables', '-t', 'nat', '-X', 'DOCKER']]) expect((await run(world, 'docker', argv)).code).toBe(0);
    const r = await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', '-p', '8080:80', 'nginx']);
    expect(r.code).toBe(125);
    const ep = /endpoint web \(([0-9a-f]{64})\)/.exec(r.stderr)?.[1];
    expect(ep).toBeDefined();
    const nat = /\(iptables failed: iptables --wait -t nat -A DOCKER (.*)\n \(exit status (\d+)\)\)/.exec(r.stderr);
    expect(r.stderr.startsWith(`docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web (${ep}): (iptables failed: iptables --wait -t nat -A DOCKER `)).toBe(true);
    expect(nat?.[2]).not.toBe('0');
    expect(engine.container('web')?.status).toBe('created');
    // The port is free again, and the filter rule it had inserted is gone with the teardown.
    const save = await run(world, 'docker', ['iptables-save', '-t', 'filter']);
    expect(save.stdout).not.toContain('--dport 80 -j ACCEPT');
  });

  it('a failed deletion is logged and passed over, as moby does', async () => {
    const { world, engine } = await dockerWorld();
    expect((await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', '-p', '8080:80', 'nginx'])).code).toBe(0);
    expect((await run(world, 'docker', ['iptables', '-t', 'nat', '-F', 'DOCKER'])).code).toBe(0);
    const r = await run(world, 'docker', ['docker', 'rm', '-f', 'web']);
    expect(r).toEqual({ stdout: 'web\n', stderr: '', code: 0 });
    expect(engine.iptablesFailures.some((m) => m.startsWith('(iptables failed: iptables --wait -t nat -D DOCKER '))).toBe(true);
  });
});
