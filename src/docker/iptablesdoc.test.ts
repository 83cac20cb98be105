// Evidence: the rules this engine writes, compared with the rules moby
// documents for the same scenario in its own repository, at the release the
// engine follows:
//
//   moby/moby tag docker-v29.7.2 (commit 6a43e3d5afddf4111da0f864bbc7cae5d7e95001),
//   integration/network/bridge/iptablesdoc/generated/*.md
//
// The expected listings are the documents' `iptables -S -t TABLE` and
// `iptables -vL --line-numbers -t TABLE` blocks (the commands moby's
// iptablesdoc_linux_test.go runs), extracted unchanged into
// iptablesdoc/docker-v29.7.2.json by scripts/iptablesdoc-extract.mjs.
// Each test runs the scenario the document names (its `index` entry in
// iptablesdoc_linux_test.go) and reads the kernel's tables back with the
// simulated iptables on the Docker host. The documents' daemon runs with
// ip_forward=1, so its FORWARD policy is ACCEPT — we start ours the same way.

import { describe, expect, it } from 'vitest';
import type { World } from '../world/world.ts';
import docs from './iptablesdoc/docker-v29.7.2.json';
import { dockerWorld, run } from './testkit.ts';

type Doc = { S: Record<string, string>; L: Record<string, string> };
const DOCS = (docs as { docs: Record<string, Doc> }).docs;

/** Compare line by line so a failure names the first differing rule. */
function sameLines(actual: string, documented: string, what: string): void {
  const a = actual.trimEnd().split('\n');
  const d = documented.trimEnd().split('\n');
  for (let i = 0; i < Math.max(a.length, d.length); i++) expect(`${what} ${i + 1}: ${a[i] ?? '<missing>'}`).toBe(`${what} ${i + 1}: ${d[i] ?? '<extra>'}`);
}

/** Every listing the document shows, against ours. */
async function matchesDoc(world: World, name: string): Promise<void> {
  const doc = DOCS[name];
  expect(doc, name).toBeDefined();
  for (const [t, text] of Object.entries(doc.S)) sameLines((await run(world, 'docker', ['iptables', '-S', '-t', t])).stdout, text, `${name} -S -t ${t}`);
  for (const [t, text] of Object.entries(doc.L)) sameLines((await run(world, 'docker', ['iptables', '-vL', '--line-numbers', '-t', t])).stdout, text, `${name} -vL -t ${t}`);
}

async function ok(world: World, argv: string[]): Promise<string> {
  const r = await run(world, 'docker', argv);
  expect(r.stderr, argv.join(' ')).toBe('');
  expect(r.code, argv.join(' ')).toBe(0);
  return r.stdout;
}

/** `docker network create -o bridge.name=NAME [opts] --subnet S --gateway G NAME`. */
async function net(world: World, name: string, subnet: string, gw: string, extra: string[] = []): Promise<void> {
  await ok(world, ['docker', 'network', 'create', '-o', `com.docker.network.bridge.name=${name}`, ...extra, '--subnet', subnet, '--gateway', gw, name]);
}

async function c1(world: World, network: string, publish = '8080:80', name = 'c1'): Promise<void> {
  await ok(world, ['docker', 'run', '-d', '--network', network, ...(publish ? ['-p', publish] : []), '--name', name, 'busybox', 'sleep', '3600']);
}

describe('iptables rules compared with moby docker-v29.7.2 iptablesdoc', () => {
  it('new-daemon.md: a daemon just started', async () => {
    const { world } = await dockerWorld({ forwarding: true });
    await matchesDoc(world, 'new-daemon.md');
  });

  it('usernet-portmap.md: network bridge1 192.0.2.0/24, docker run --network bridge1 -p 8080:80 --name c1 busybox', async () => {
    const { world } = await dockerWorld({ forwarding: true });
    await net(world, 'bridge1', '192.0.2.0/24', '192.0.2.1');
    await c1(world, 'bridge1');
    await matchesDoc(world, 'usernet-portmap.md');
  });

  it('usernet-portmap-noproxy.md: dockerd --userland-proxy=false (hairpin MASQUERADE, OUTPUT to DOCKER, --src-type LOCAL)', async () => {
    const { world } = await dockerWorld({ forwarding: true, userlandProxy: false });
    await net(world, 'bridge1', '192.0.2.0/24', '192.0.2.1');
    await c1(world, 'bridge1');
    await matchesDoc(world, 'usernet-portmap-noproxy.md');
  });

  it('usernet-portmap-noicc.md: -o com.docker.network.bridge.enable_icc=false', async () => {
    const { world } = await dockerWorld({ forwarding: true });
    await net(world, 'bridge1', '192.0.2.0/24', '192.0.2.1', ['-o', 'com.docker.network.bridge.enable_icc=false']);
    await c1(world, 'bridge1');
    await matchesDoc(world, 'usernet-portmap-noicc.md');
  });

  it('usernet-internal.md: two --internal networks, with and without ICC', async () => {
    const { world } = await dockerWorld({ forwarding: true });
    await net(world, 'bridgeICC', '192.0.2.0/24', '192.0.2.1', ['--internal']);
    await c1(world, 'bridgeICC', '', 'c1');
    await net(world, 'bridgeNoICC', '198.51.100.0/24', '198.51.100.1', ['--internal', '-o', 'com.docker.network.bridge.enable_icc=false']);
    await c1(world, 'bridgeNoICC', '', 'c2');
    await matchesDoc(world, 'usernet-internal.md');
  });

  it('usernet-portmap-routed.md: -o com.docker.network.bridge.gateway_mode_ipv4=routed', async () => {
    const { world } = await dockerWorld({ forwarding: true });
    await net(world, 'bridge1', '192.0.2.0/24', '192.0.2.1', ['-o', 'com.docker.network.bridge.gateway_mode_ipv4=routed']);
    await c1(world, 'bridge1');
    await matchesDoc(world, 'usernet-portmap-routed.md');
  });

  it('usernet-portmap-natunprot.md: -o com.docker.network.bridge.gateway_mode_ipv4=nat-unprotected', async () => {
    const { world } = await dockerWorld({ forwarding: true });
    await net(world, 'bridge1', '192.0.2.0/24', '192.0.2.1', ['-o', 'com.docker.network.bridge.gateway_mode_ipv4=nat-unprotected']);
    await c1(world, 'bridge1');
    await matchesDoc(world, 'usernet-portmap-natunprot.md');
  });

  it('usernet-portmap-lo.md: -p 127.0.0.1:8080:80 (raw DROP of remote traffic to the loopback port)', async () => {
    const { world } = await dockerWorld({ forwarding: true });
    await net(world, 'bridge1', '192.0.2.0/24', '192.0.2.1');
    await c1(world, 'bridge1', '127.0.0.1:8080:80');
    await matchesDoc(world, 'usernet-portmap-lo.md');
  });

  it('swarm-portmap.md: swarm mode is not simulated, and says so', async () => {
    expect(DOCS['swarm-portmap.md']).toBeDefined();
    const { world } = await dockerWorld({ forwarding: true });
    const r = await run(world, 'docker', ['docker', 'swarm', 'init']);
    expect(r.stderr).toBe('docker: swarm is not simulated\n');
    expect(r.code).toBe(125);
  });

  it('the document set is the one at the tag (a new document needs a test here)', () => {
    expect(Object.keys(DOCS).sort()).toEqual([
      'new-daemon.md',
      'swarm-portmap.md',
      'usernet-internal.md',
      'usernet-portmap-lo.md',
      'usernet-portmap-natunprot.md',
      'usernet-portmap-noicc.md',
      'usernet-portmap-noproxy.md',
      'usernet-portmap-routed.md',
      'usernet-portmap.md',
    ]);
  });

  it('a host with ip_forward=0: dockerd switches forwarding on and sets FORWARD policy DROP (setupIPv4Forwarding)', async () => {
    const { world } = await dockerWorld();
    expect(world.host('docker').initNs.ipv4.ip_forward).toBe('1');
    expect((await run(world, 'docker', ['iptables', '-S'])).stdout.split('\n')[1]).toBe('-P FORWARD DROP');
  });

  it('removing the container and the network removes their rules again (back to new-daemon.md)', async () => {
    for (const extra of [[], ['--internal'], ['-o', 'com.docker.network.bridge.enable_icc=false'], ['-o', 'com.docker.network.bridge.gateway_mode_ipv4=routed'], ['-o', 'com.docker.network.bridge.gateway_mode_ipv4=nat-unprotected']]) {
      for (const proxy of [true, false]) {
        const { world } = await dockerWorld({ forwarding: true, userlandProxy: proxy });
        await net(world, 'bridge1', '192.0.2.0/24', '192.0.2.1', extra);
        await c1(world, 'bridge1', '127.0.0.1:8080:80');
        await ok(world, ['docker', 'rm', '-f', 'c1']);
        await ok(world, ['docker', 'network', 'rm', 'bridge1']);
        const doc = DOCS['new-daemon.md'];
        sameLines((await run(world, 'docker', ['iptables', '-S', '-t', 'filter'])).stdout, doc.S.filter, `${extra.join(' ')} proxy=${proxy} filter`);
        const nat = (await run(world, 'docker', ['iptables', '-S', '-t', 'nat'])).stdout;
        if (proxy) sameLines(nat, doc.S.nat, `${extra.join(' ')} nat`);
        else expect(nat).not.toContain('bridge1');
        expect((await run(world, 'docker', ['iptables', '-t', 'raw', '-S'])).stdout).toBe('-P PREROUTING ACCEPT\n-P OUTPUT ACCEPT\n');
      }
    }
  });
});
