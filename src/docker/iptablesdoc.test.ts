// Evidence: the rules this engine writes, compared line by line with the
// rules moby documents for the same scenario in its own repository, at the
// release the engine follows:
//
//   moby/moby tag docker-v29.7.2,
//   integration/network/bridge/iptablesdoc/generated/new-daemon.md
//   integration/network/bridge/iptablesdoc/generated/usernet-portmap.md
//   (the "iptables commands" blocks; the doc's daemon runs with ip_forward=1,
//   so its FORWARD policy is ACCEPT — we start ours the same way)
//
// What is compared is the kernel's own tables, read back with `iptables -S`
// on the Docker host (the engine writes its rules by running iptables).

import { describe, expect, it } from 'vitest';
import { dockerWorld, run } from './testkit.ts';

const NEW_DAEMON = {
  filter: `-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT
-N DOCKER
-N DOCKER-BRIDGE
-N DOCKER-CT
-N DOCKER-FORWARD
-N DOCKER-INTERNAL
-N DOCKER-USER
-A FORWARD -j DOCKER-USER
-A FORWARD -j DOCKER-FORWARD
-A DOCKER ! -i docker0 -o docker0 -j DROP
-A DOCKER-BRIDGE -o docker0 -j DOCKER
-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A DOCKER-FORWARD -j DOCKER-CT
-A DOCKER-FORWARD -j DOCKER-INTERNAL
-A DOCKER-FORWARD -j DOCKER-BRIDGE
-A DOCKER-FORWARD -i docker0 -j ACCEPT
`,
  nat: `-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
-N DOCKER
-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
`,
};

const USERNET_PORTMAP = {
  filter: `-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT
-N DOCKER
-N DOCKER-BRIDGE
-N DOCKER-CT
-N DOCKER-FORWARD
-N DOCKER-INTERNAL
-N DOCKER-USER
-A FORWARD -j DOCKER-USER
-A FORWARD -j DOCKER-FORWARD
-A DOCKER -d 192.0.2.2/32 ! -i bridge1 -o bridge1 -p tcp -m tcp --dport 80 -j ACCEPT
-A DOCKER ! -i docker0 -o docker0 -j DROP
-A DOCKER ! -i bridge1 -o bridge1 -j DROP
-A DOCKER-BRIDGE -o docker0 -j DOCKER
-A DOCKER-BRIDGE -o bridge1 -j DOCKER
-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A DOCKER-CT -o bridge1 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A DOCKER-FORWARD -j DOCKER-CT
-A DOCKER-FORWARD -j DOCKER-INTERNAL
-A DOCKER-FORWARD -j DOCKER-BRIDGE
-A DOCKER-FORWARD -i docker0 -j ACCEPT
-A DOCKER-FORWARD -i bridge1 -j ACCEPT
`,
  nat: `-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
-N DOCKER
-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
-A POSTROUTING -s 192.0.2.0/24 ! -o bridge1 -j MASQUERADE
-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
-A DOCKER ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80
`,
  raw: `-P PREROUTING ACCEPT
-P OUTPUT ACCEPT
-A PREROUTING -d 192.0.2.2/32 ! -i bridge1 -j DROP
`,
};

/** Compare line by line so a failure names the first differing rule. */
function sameLines(actual: string, documented: string): void {
  const a = actual.trimEnd().split('\n');
  const d = documented.trimEnd().split('\n');
  for (let i = 0; i < Math.max(a.length, d.length); i++) expect(`${i + 1}: ${a[i] ?? '<missing>'}`).toBe(`${i + 1}: ${d[i] ?? '<extra>'}`);
}

describe('iptables rules compared with moby docker-v29.7.2 iptablesdoc', () => {
  it('new-daemon.md: a daemon just started', async () => {
    const { world } = await dockerWorld({ forwarding: true });
    for (const t of ['filter', 'nat'] as const) sameLines((await run(world, 'docker', ['iptables', '-t', t, '-S'])).stdout, NEW_DAEMON[t]);
  });

  it('usernet-portmap.md: network bridge1 192.0.2.0/24, docker run --network bridge1 -p 8080:80 --name c1 busybox', async () => {
    const { world } = await dockerWorld({ forwarding: true });
    const nc = await run(world, 'docker', ['docker', 'network', 'create', '-o', 'com.docker.network.bridge.name=bridge1', '--subnet', '192.0.2.0/24', '--gateway', '192.0.2.1', 'bridge1']);
    expect(nc.code).toBe(0);
    const r = await run(world, 'docker', ['docker', 'run', '-d', '--network', 'bridge1', '-p', '8080:80', '--name', 'c1', 'busybox', 'sleep', '3600']);
    expect(r.stderr).toBe('');
    for (const t of ['filter', 'nat', 'raw'] as const) sameLines((await run(world, 'docker', ['iptables', '-t', t, '-S'])).stdout, USERNET_PORTMAP[t]);
  });

  it('a host with ip_forward=0: dockerd switches forwarding on and sets FORWARD policy DROP (setupIPv4Forwarding)', async () => {
    const { world } = await dockerWorld();
    expect(world.host('docker').initNs.ipv4.ip_forward).toBe('1');
    expect((await run(world, 'docker', ['iptables', '-S'])).stdout.split('\n')[1]).toBe('-P FORWARD DROP');
  });

  it('removing the container removes its port rules and raw DROP again', async () => {
    const { world } = await dockerWorld({ forwarding: true });
    await run(world, 'docker', ['docker', 'run', '-d', '-p', '8080:80', '--name', 'web', 'nginx']);
    expect((await run(world, 'docker', ['iptables', '-t', 'nat', '-S'])).stdout).toContain('-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80');
    await run(world, 'docker', ['docker', 'rm', '-f', 'web']);
    for (const t of ['filter', 'nat'] as const) sameLines((await run(world, 'docker', ['iptables', '-t', t, '-S'])).stdout, NEW_DAEMON[t]);
    expect((await run(world, 'docker', ['iptables', '-t', 'raw', '-S'])).stdout).toBe('-P PREROUTING ACCEPT\n-P OUTPUT ACCEPT\n');
  });
});
