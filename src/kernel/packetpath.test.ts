// The packet-path features of issue 11 (MTU/PMTU, fragmentation, rp_filter,
// proxy_arp, chain policy counters, disable_ipv6, bridge STP): each test
// runs command lines on a fresh simulated bare host, as the recorder runs
// them, and checks the kernel state the behaviour must change. The last
// block replays this repository's real-kernel recordings (fidelity/50-57).

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bareWorld, type World } from '../world/world.ts';
import { StringOut, devNullIn } from './proc.ts';
import { resolveProgram, spawnProgram } from '../shell/exec.ts';
import '../shell/bash.ts';
import '../userland/index.ts';
import { norm, STEP_ENV, type GoldenStep } from '../../test/golden.ts';
import type { Kernel } from './kernel.ts';
import type { NetNs } from './netns.ts';
import { Stp } from './stp.ts';
import { TcpSocket } from './socket/tcp.ts';

interface Out {
  stdout: string;
  stderr: string;
  exit: number;
}

/** A bare host and a `sh(line)` that runs one line through bash -c. */
function host(): { world: World; k: Kernel; sh: (line: string) => Promise<Out>; ns: (name: string) => NetNs } {
  const world = bareWorld(1);
  const k = world.host('host');
  const sh = async (line: string): Promise<Out> => {
    const out = new StringOut();
    const err = new StringOut();
    const ref = resolveProgram(k, 'bash', undefined, '/tmp');
    const r = spawnProgram(k, 1, ['bash', '-c', line], { env: STEP_ENV, cwd: '/tmp', netns: k.initNs, stdin: devNullIn, stdout: out, stderr: err }, ref);
    const d = await world.run(r.done);
    return { stdout: out.text, stderr: err.text, exit: d.done ? d.value : 124 };
  };
  const ns = (name: string): NetNs => k.namespaces.find((n) => k.netnsNamesOf(n).includes(name))!;
  return { world, k, sh, ns };
}

async function lines(sh: (l: string) => Promise<Out>, script: string): Promise<void> {
  for (const l of script.trim().split('\n')) {
    const r = await sh(l.trim());
    if (r.exit !== 0) throw new Error(`${l}: exit ${r.exit}: ${r.stderr}`);
  }
}

/** a ── r ── b with r's link to b at MTU 1400. */
const ROUTER = `
ip netns add a
ip netns add r
ip netns add b
ip link add va netns a type veth peer name ra netns r
ip link add rb netns r type veth peer name vb netns b
ip -n a addr add 10.0.1.1/24 dev va
ip -n r addr add 10.0.1.254/24 dev ra
ip -n r addr add 10.0.2.254/24 dev rb
ip -n b addr add 10.0.2.1/24 dev vb
ip -n a link set va up
ip -n r link set ra up
ip -n r link set rb up
ip -n b link set vb up
ip -n a route add default via 10.0.1.254
ip -n b route add default via 10.0.2.254
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip -n r link set rb mtu 1400
ip -n b link set vb mtu 1400`;

describe('MTU and path MTU', () => {
  it('a router answers a DF packet too big for the next hop with frag needed; the sender learns the path MTU and fragments the next one', async () => {
    const { k, sh, ns } = host();
    await lines(sh, ROUTER);
    const r1 = await sh('ip netns exec a ping -c 2 -W 1 -s 1373 10.0.2.1');
    expect(r1.stdout).toContain('From 10.0.1.254 icmp_seq=1 Frag needed and DF set (mtu = 1400)\n');
    expect(r1.stdout).toContain('1381 bytes from 10.0.2.1: icmp_seq=2 ttl=63');
    const a = ns('a');
    const route = a.fib.table(254).find((r) => r.dstLen === 0)!;
    expect(route.exceptions?.get(0x0a000201)?.mtu).toBe(1400);
    expect(k.stack.pathMtu(route, a.devByName('va')!, 0x0a000201).mtu).toBe(1400);
    expect((await sh('ip -n a route get 10.0.2.1')).stdout).toMatch(/cache expires \d+sec mtu 1400 \n$/);
    await sh('ip -n a route flush cache');
    expect(route.exceptions).toBeUndefined();
    expect((await sh('ip -n a route get 10.0.2.1')).stdout).toBe('10.0.2.1 via 10.0.1.254 dev va src 10.0.1.1 uid 0 \n    cache \n');
  });

  it('-M do refuses a datagram above the path MTU locally; -M dont fragments it and b reassembles', async () => {
    const { sh, ns } = host();
    await lines(sh, ROUTER);
    const d = await sh('ip netns exec a ping -c 1 -W 1 -M do -s 1473 10.0.2.1');
    expect(d.stderr).toBe('ping: local error: message too long, mtu=1500\n');
    expect(d.exit).toBe(1);
    await sh('ip netns exec a ping -c 1 -W 1 10.0.2.1');
    const vb = ns('b').devByName('vb')!;
    const before = vb.stats.rxPackets;
    const f = await sh('ip netns exec a ping -c 1 -W 1 -M dont -s 3000 10.0.2.1');
    expect(f.stdout).toContain('3008 bytes from 10.0.2.1: icmp_seq=1 ttl=63');
    // 3008 bytes of ICMP: three 1480-byte pieces from a, each cut again at the 1400 link → five frames at b.
    expect(vb.stats.rxPackets - before).toBe(5);
  });

  it('a veth peer with a smaller MTU drops the frame on both counters and sendmsg says ENOBUFS', async () => {
    const { sh, ns } = host();
    await lines(sh, `
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip -n a link set va mtu 1400
ip netns exec b ping -c 1 -W 1 10.0.0.1`);
    const r = await sh('ip netns exec b ping -c 1 -W 1 -s 1472 10.0.0.1');
    expect(r.stderr).toBe('ping: sendmsg: No buffer space available\n');
    expect(r.stdout).toContain('1 packets transmitted, 0 received, 100% packet loss');
    // iputils retries once after half an interval before giving up: two drops.
    expect(ns('b').devByName('vb')!.stats.txDropped).toBe(2);
    expect(ns('a').devByName('va')!.stats.rxDropped).toBe(2);
  });

  it('TCP: a 1500-byte segment refused by the router is sent again in pieces and the stream arrives whole', async () => {
    const { world, sh, ns } = host();
    await lines(sh, ROUTER);
    // With vb at 1400 b would announce MSS 1360 and the sender would never need the path MTU (as on Linux): only the router's link is narrow here.
    await sh('ip -n b link set vb mtu 1500');
    const srv = new TcpSocket(ns('b'));
    srv.listen(8);
    const cli = new TcpSocket(ns('a'));
    // Without a process connect() only sends the SYN; let the handshake finish.
    await world.run(cli.connect(undefined, 0x0a000201, srv.lport));
    await sh('sleep 1');
    expect(cli.state).toBe('ESTABLISHED');
    cli.send('y'.repeat(4000));
    await sh('sleep 1');
    const conn = (srv as unknown as { acceptQueue: TcpSocket[] }).acceptQueue[0];
    expect(conn.rcvBuf.length).toBe(4000);
    const route = ns('a').fib.table(254).find((x) => x.dstLen === 0)!;
    expect(route.exceptions?.get(0x0a000201)?.mtu).toBe(1400);
  });

  it('mtu lock keeps DF off and fragments at the locked MTU', async () => {
    const { sh } = host();
    await lines(sh, ROUTER);
    await sh('ip -n a route add 10.0.2.0/24 via 10.0.1.254 mtu lock 1300');
    expect((await sh('ip -n a route show 10.0.2.0/24')).stdout).toBe('10.0.2.0/24 via 10.0.1.254 dev va mtu lock 1300 \n');
    expect((await sh('ip netns exec a ping -c 1 -W 1 -s 1273 10.0.2.1')).exit).toBe(0);
    expect((await sh('ip netns exec a ping -c 1 -W 1 -M do -s 1273 10.0.2.1')).stderr).toBe('ping: local error: message too long, mtu=1300\n');
  });
});

describe('reverse path filtering and proxy ARP', () => {
  const RPF = `
ip netns add a
ip netns add r
ip netns add b
ip link add va netns a type veth peer name ra netns r
ip link add va2 netns a type veth peer name ra2 netns r
ip link add rb netns r type veth peer name vb netns b
ip -n a addr add 10.0.1.1/24 dev va
ip -n a addr add 10.0.3.1/24 dev va2
ip -n r addr add 10.0.1.254/24 dev ra
ip -n r addr add 10.0.3.254/24 dev ra2
ip -n r addr add 10.0.2.254/24 dev rb
ip -n b addr add 10.0.2.1/24 dev vb
ip -n a link set va up
ip -n a link set va2 up
ip -n r link set ra up
ip -n r link set ra2 up
ip -n r link set rb up
ip -n b link set vb up
ip -n b route add default via 10.0.2.254
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip -n a route add 10.0.2.0/24 via 10.0.1.254 src 10.0.3.1`;

  it('strict mode drops a source routed back out of another device (the larger of all and the device wins); loose mode lets it through', async () => {
    const { world, k, sh } = host();
    await lines(sh, RPF);
    expect((await sh('ip netns exec a ping -c 1 -W 1 10.0.2.1')).exit).toBe(0);
    await sh('ip netns exec r sysctl -qw net.ipv4.conf.all.rp_filter=1');
    expect((await sh('ip netns exec a ping -c 1 -W 1 10.0.2.1')).exit).toBe(1);
    const steps = world.paths.lastOf(k)!.trace.steps;
    expect(steps.some((s) => s.stage === 'drop' && /reverse path filter \(rp_filter=1, strict\) on ra/.test(s.what))).toBe(true);
    await sh('ip netns exec r sysctl -qw net.ipv4.conf.ra.rp_filter=2');
    expect((await sh('ip netns exec a ping -c 1 -W 1 10.0.2.1')).exit).toBe(0);
  });

  it('proxy_arp answers for a routed address with the router MAC, only with forwarding on', async () => {
    const { sh, ns } = host();
    await lines(sh, RPF);
    await lines(sh, `
ip -n a route del 10.0.2.0/24
ip -n a addr del 10.0.1.1/24 dev va
ip -n a addr add 10.0.1.1/16 dev va
ip netns exec r sysctl -qw net.ipv4.conf.ra.proxy_arp=1`);
    expect((await sh('ip netns exec a ping -c 1 -W 2 10.0.2.1')).exit).toBe(0);
    const a = ns('a');
    const n = a.neigh.entries.find((e) => e.ip === 0x0a000201)!;
    expect(n.mac).toBe(ns('r').devByName('ra')!.mac);
    await sh('ip netns exec r sysctl -qw net.ipv4.ip_forward=0');
    expect((await sh('ip netns exec a ping -c 1 -W 2 10.0.2.7')).exit).toBe(1);
    expect((await sh('ip -n a neigh show 10.0.2.7')).stdout).toBe('10.0.2.7 dev va INCOMPLETE \n');
  });
});

describe('counters, neighbour failures, disable_ipv6', () => {
  it('a policy set with -P counts the packets it decides; a chain created by -A has no counters', async () => {
    const { sh } = host();
    await lines(sh, `
ip netns add a
ip link add veth0 type veth peer name eth0 netns a
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip -n a addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip netns exec a iptables -P INPUT DROP
ip netns exec a iptables -A OUTPUT -p tcp`);
    await sh('ping -c 3 -W 1 -i 0.2 10.0.0.2');
    expect((await sh('ip netns exec a iptables-save -c')).stdout).toContain(':INPUT DROP [3:252]\n');
    await sh('ip netns exec a iptables -P INPUT ACCEPT');
    await sh('ping -c 1 -W 1 10.0.0.2');
    const l = (await sh('ip netns exec a iptables -L -v -n')).stdout;
    // Changing the policy keeps the counter: 3 dropped + 1 accepted.
    expect(l).toContain('Chain INPUT (policy ACCEPT 4 packets, 336 bytes)');
    expect(l).toContain('Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)');
  });

  it('a gateway that never answers ARP: no local "Destination Host Unreachable" (6.18), the entry ends FAILED', async () => {
    const { sh } = host();
    await lines(sh, `
ip netns add a
ip link add veth0 type veth peer name eth0 netns a
ip link set veth0 up
ip -n a addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n a route add default via 10.0.0.1`);
    const r = await sh('ip netns exec a ping -c 6 10.0.0.1');
    expect(r.stdout).not.toContain('Unreachable');
    expect(r.stdout).toContain('6 packets transmitted, 0 received, 100% packet loss');
    await sh('ip netns exec a ping -c 2 -W 5 10.0.0.9');
    expect((await sh('ip -n a neigh show 10.0.0.9')).stdout).toBe('10.0.0.9 dev eth0 FAILED \n');
  });

  it('disable_ipv6 removes ::1 and link-locals; all=1 reaches default and every device', async () => {
    const { k, sh } = host();
    await sh('sysctl -qw net.ipv6.conf.lo.disable_ipv6=1');
    expect(k.initNs.lo.inet6).toEqual([]);
    expect((await sh('ping -c 1 ::1')).stderr).toBe('ping: connect: Network is unreachable\n');
    await sh('sysctl -qw net.ipv6.conf.lo.disable_ipv6=0');
    expect(k.initNs.lo.inet6.map((a) => a.addr)).toEqual(['::1']);
    await sh('sysctl -qw net.ipv6.conf.all.disable_ipv6=1');
    expect((await sh('sysctl net.ipv6.conf.default.disable_ipv6 net.ipv6.conf.lo.disable_ipv6')).stdout).toBe('net.ipv6.conf.default.disable_ipv6 = 1\nnet.ipv6.conf.lo.disable_ipv6 = 1\n');
  });
});

describe('bridge STP', () => {
  it('ports listen, learn, then forward after forward_delay; frames are dropped before that', async () => {
    const { world, k, sh } = host();
    await lines(sh, `
ip link add br0 type bridge forward_delay 200 stp_state 1
ip netns add a
ip netns add b
ip link add p1 type veth peer name eth0 netns a
ip link add p2 type veth peer name eth0 netns b
ip link set p1 master br0
ip link set p2 master br0
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip link set p1 up
ip link set p2 up
ip link set br0 up`);
    const p1 = k.initNs.devByName('p1')!;
    expect(Stp.state(p1)).toBe('listening');
    expect((await sh('ip netns exec a ping -c 1 -W 1 10.0.0.2')).exit).toBe(1);
    expect(world.paths.lastOf(k)!.trace.steps.some((s) => /port p1 is in STP state listening: frame dropped/.test(s.what))).toBe(true);
    await sh('sleep 1.5');
    expect(Stp.state(p1)).toBe('learning');
    await sh('sleep 2');
    expect(Stp.state(p1)).toBe('forwarding');
    expect((await sh('ip netns exec a ping -c 1 -W 1 10.0.0.2')).exit).toBe(0);
    void world;
  });

  it('two bridges joined twice: the higher-priority one is root, the loop port blocks, and it takes over when the forwarding link fails', async () => {
    const { k, sh } = host();
    await lines(sh, `
ip link add br0 type bridge stp_state 1 forward_delay 200 priority 4096
ip link add br1 type bridge stp_state 1 forward_delay 200 priority 8192
ip link add l1a type veth peer name l1b
ip link add l2a type veth peer name l2b
ip link set l1a master br0
ip link set l2a master br0
ip link set l1b master br1
ip link set l2b master br1
ip link set l1a up
ip link set l1b up
ip link set l2a up
ip link set l2b up
ip link set br0 up
ip link set br1 up
sleep 5`);
    const st = (n: string): string => Stp.state(k.initNs.devByName(n)!);
    expect([st('l1a'), st('l2a'), st('l1b'), st('l2b')]).toEqual(['forwarding', 'forwarding', 'forwarding', 'blocking']);
    expect(k.initNs.devByName('br1')!.bridge!.stpState!.rootPort).toBe(1);
    await sh('ip link set l1a down');
    expect(st('l2b')).toBe('listening');
    await sh('sleep 5');
    expect(st('l2b')).toBe('forwarding');
  });

  it('a loop of bridges without STP floods until the hop limit and the simulation still finishes', async () => {
    const { k, sh } = host();
    await lines(sh, `
ip link add br0 type bridge
ip link add br1 type bridge
ip link add l1a type veth peer name l1b
ip link add l2a type veth peer name l2b
ip link set l1a master br0
ip link set l2a master br0
ip link set l1b master br1
ip link set l2b master br1
ip link set l1a up
ip link set l1b up
ip link set l2a up
ip link set l2b up
ip link set br0 up
ip link set br1 up
ip addr add 10.9.0.1/24 dev br0`);
    const r = await sh('ping -c 1 -W 1 10.9.0.2');
    expect(r.exit).toBe(1);
    // The broadcast ARP request circled the loop until its hop budget ran out.
    expect(k.initNs.devByName('l1a')!.stats.txPackets).toBeGreaterThan(50);
  });

  it('validates timers as the kernel does', async () => {
    const { sh } = host();
    await sh('ip link add br0 type bridge');
    expect(await sh('ip link set br0 type bridge hello_time 50')).toEqual({ stdout: '', stderr: 'RTNETLINK answers: Numerical result out of range\n', exit: 2 });
    expect((await sh('ip link set br0 type bridge forward_delay 100')).exit).toBe(0);
    await sh('ip link set br0 type bridge stp_state 1');
    expect((await sh('ip link set br0 type bridge forward_delay 100')).exit).toBe(2);
    expect(await sh('brctl setfd br0 1')).toEqual({ stdout: '', stderr: 'set forward delay failed: Numerical result out of range\n', exit: 1 });
    expect((await sh('ip link set br0 type bridge vlan_filtering 1')).stderr).toBe('ip: bridge option vlan_filtering is not simulated\n');
  });
});

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('real-kernel recordings (fidelity/50-57)', () => {
  for (const name of ['50-mtu-local', '51-pmtu-router', '52-rp-filter', '53-chain-counters', '54-neigh-failure', '55-stp-port-states', '56-stp-loop', '57-stp-params']) {
    it(`${name}: every step matches`, async () => {
      const g = JSON.parse(readFileSync(join(ROOT, 'fidelity', 'goldens', `${name}.json`), 'utf8')) as { steps: GoldenStep[] };
      const { sh } = host();
      for (const s of g.steps) {
        const c = await sh(s.cmd);
        const [a, b] = [await norm(s), await norm({ cmd: s.cmd, ...c })];
        expect({ cmd: b.cmd, stdout: b.stdout, stderr: b.stderr, exit: b.exit }).toEqual({ cmd: a.cmd, stdout: a.stdout, stderr: a.stderr, exit: a.exit });
      }
    }, 120_000);
  }
});
