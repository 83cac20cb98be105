import { describe, expect, it } from 'vitest';
import '../../userland/net/nf-index.ts';
import { redBlue, run, addNetns, cidr } from '../../../test/kit.ts';
import { World } from '../../world/world.ts';
import { nfOf } from './netfilter.ts';
import { Rng } from '../rng.ts';

/** HOST routes between RED (192.168.15.0/24 via veth) and INET (203.0.113.0/24). */
function natWorld() {
  const world = new World({ seed: 7 });
  const host = world.addHost('host');
  const red = addNetns(host, 'red');
  const inet = addNetns(host, 'inet');
  const a = host.initNs.linkAdd({ name: 'veth-red-br', kind: 'veth', peerName: 'veth-red' });
  host.initNs.setNetns(a.peer!, red);
  const b = host.initNs.linkAdd({ name: 'eth0', kind: 'veth', peerName: 'wan0' });
  host.initNs.setNetns(b.peer!, inet);
  host.initNs.addrAdd(a, { ...cidr('192.168.15.5/24'), broadcast: 'auto' });
  red.addrAdd(a.peer!, { ...cidr('192.168.15.1/24'), broadcast: 'auto' });
  host.initNs.addrAdd(b, { ...cidr('203.0.113.5/24'), broadcast: 'auto' });
  inet.addrAdd(b.peer!, { ...cidr('203.0.113.1/24'), broadcast: 'auto' });
  for (const [ns, d] of [[host.initNs, a], [red, a.peer!], [host.initNs, b], [inet, b.peer!]] as const) ns.setUp(d, true);
  red.setUp(red.lo, true);
  inet.setUp(inet.lo, true);
  red.routeAdd({ table: 254, type: 'unicast', dst: 0, dstLen: 0, tos: 0, metric: 0, protocol: 'boot', scope: 0, onlink: false, gateway: 0xc0a80f05 }, { create: true, excl: true, replace: false });
  host.initNs.setIpForward(true);
  return { world, host, red, inet };
}

describe('NAT', () => {
  it('MASQUERADE: replies are un-translated; conntrack shows the binding', async () => {
    const { world, host, red } = natWorld();
    const sh = (ns: typeof red, ...a: string[]) => run(world, host, ns, a);
    expect((await sh(red, 'ping', '-c', '1', '-W', '1', '203.0.113.1')).exit).toBe(1);
    await sh(host.initNs, 'iptables', '-t', 'nat', '-A', 'POSTROUTING', '-s', '192.168.15.0/24', '-j', 'MASQUERADE');
    const r = await sh(red, 'ping', '-c', '2', '-W', '1', '203.0.113.1');
    expect(r.exit).toBe(0);
    expect(r.stdout).toContain('ttl=63');
    const ct = await sh(host.initNs, 'conntrack', '-L');
    expect(ct.stdout).toMatch(/^icmp {5}1 \d+ src=192\.168\.15\.1 dst=203\.0\.113\.1 type=8 code=0 id=\d+ src=203\.0\.113\.1 dst=203\.0\.113\.5 type=0 code=0 id=\d+ mark=0 use=1\n$/);
    const l = await sh(host.initNs, 'iptables', '-t', 'nat', '-nvL', 'POSTROUTING');
    expect(l.stdout).toContain('    1    84 MASQUERADE');
  });

  it('DNAT port forward: a TCP round trip to a server behind the host', async () => {
    const { world, host, red, inet } = natWorld();
    void run(world, host, red, ['python3', '-m', 'http.server', '80']);
    await run(world, host, host.initNs, ['iptables', '-t', 'nat', '-A', 'PREROUTING', '-p', 'tcp', '--dport', '8080', '-j', 'DNAT', '--to-destination', '192.168.15.1:80']);
    await run(world, host, host.initNs, ['iptables', '-t', 'nat', '-A', 'POSTROUTING', '-o', 'eth0', '-j', 'MASQUERADE']);
    const r = await run(world, host, inet, ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'http://203.0.113.5:8080/']);
    expect(r).toEqual({ stdout: '200', stderr: '', exit: 0 });
    const ct = await run(world, host, host.initNs, ['conntrack', '-L', '-p', 'tcp']);
    expect(ct.stdout).toMatch(/tcp {6}6 \d+ \w+ src=203\.0\.113\.1 dst=203\.0\.113\.5 sport=\d+ dport=8080 src=192\.168\.15\.1 dst=203\.0\.113\.1 sport=80 dport=\d+ \[ASSURED\]/);
  });

  it('REDIRECT in OUTPUT sends local traffic to another port', async () => {
    const { world, host, red } = redBlue();
    void run(world, host, red, ['python3', '-m', 'http.server', '8000']);
    await run(world, host, red, ['iptables', '-t', 'nat', '-A', 'OUTPUT', '-p', 'tcp', '--dport', '80', '-j', 'REDIRECT', '--to-ports', '8000']);
    const r = await run(world, host, red, ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'http://192.168.15.1/']);
    expect(r.stdout).toBe('200');
  });
});

describe('filter', () => {
  it('REJECT sends port unreachable (connect refused) or a TCP reset; DROP times out', async () => {
    const { world, host, red, blue } = redBlue();
    void run(world, host, blue, ['python3', '-m', 'http.server', '80']);
    const curl = () => run(world, host, red, ['curl', '-sS', '-m', '2', 'http://192.168.15.2/']);
    expect((await curl()).exit).toBe(0);
    await run(world, host, blue, ['iptables', '-A', 'INPUT', '-p', 'tcp', '--dport', '80', '-j', 'REJECT']);
    expect(await curl()).toMatchObject({ exit: 7, stderr: "curl: (7) Failed to connect to 192.168.15.2 port 80 after 0 ms: Couldn't connect to server\n" });
    await run(world, host, blue, ['iptables', '-R', 'INPUT', '1', '-p', 'tcp', '--dport', '80', '-j', 'REJECT', '--reject-with', 'tcp-reset']);
    expect((await curl()).exit).toBe(7);
    await run(world, host, blue, ['iptables', '-R', 'INPUT', '1', '-p', 'tcp', '--dport', '80', '-j', 'DROP']);
    expect(await curl()).toMatchObject({ exit: 28, stderr: 'curl: (28) Connection timed out after 2001 milliseconds\n' });
    const l = await run(world, host, blue, ['iptables', '-L', 'INPUT', '-v', '-n', '-x']);
    expect(l.stdout).toMatch(/^ +[1-9]\d* +\d+ DROP/m);
  });

  it('matches: icmp type, state ESTABLISHED, multiport, mark, comment, addrtype, statistic nth, ! -s', async () => {
    const { world, host, red } = redBlue();
    const ipt = (...a: string[]) => run(world, host, red, ['iptables', ...a]);
    await ipt('-t', 'mangle', '-A', 'OUTPUT', '-p', 'icmp', '-j', 'MARK', '--set-mark', '0x7');
    await ipt('-A', 'OUTPUT', '-m', 'mark', '--mark', '0x7', '-m', 'comment', '--comment', 'marked');
    await ipt('-A', 'INPUT', '-p', 'icmp', '--icmp-type', 'echo-reply', '-m', 'state', '--state', 'ESTABLISHED');
    await ipt('-A', 'INPUT', '-m', 'addrtype', '--dst-type', 'LOCAL');
    await ipt('-A', 'INPUT', '!', '-s', '10.0.0.0/8', '-m', 'statistic', '--mode', 'nth', '--every', '2', '--packet', '0');
    await ipt('-A', 'INPUT', '-p', 'tcp', '-m', 'multiport', '--dports', '22,80');
    await run(world, host, red, ['ping', '-c', '4', '-i', '0.2', '192.168.15.2']);
    const s = (await ipt('-nvxL')).stdout;
    expect(s).toMatch(/^ +4 +336 +0 .*mark match 0x7/m);
    expect(s).toMatch(/^ +4 +336 +1 .*icmptype 0 state ESTABLISHED/m);
    expect(s).toMatch(/^ +4 +336 +0 .*ADDRTYPE match dst-type LOCAL/m);
    expect(s).toMatch(/^ +2 +168 +0 .*statistic mode nth every 2/m);
    expect(s).toMatch(/^ +0 +0 +6 .*multiport dports 22,80/m);
  });

  it('a chain reachable from a built-in chain may not jump into itself', async () => {
    const { world, host, red } = redBlue();
    const ipt = (...a: string[]) => run(world, host, red, ['iptables', ...a]);
    await ipt('-N', 'X');
    expect((await ipt('-A', 'X', '-j', 'X')).exit).toBe(0);
    expect(await ipt('-A', 'INPUT', '-j', 'X')).toEqual({ stdout: '', stderr: 'iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Too many links): rule in chain INPUT\n', exit: 4 });
    await ipt('-F', 'X');
    expect((await ipt('-A', 'INPUT', '-j', 'X')).exit).toBe(0);
    expect((await ipt('-A', 'X', '-j', 'X')).stderr).toContain('Too many links');
  });
});

describe('conntrack', () => {
  it('entries expire on the virtual clock (icmp 30 s)', async () => {
    const { world, host, red } = redBlue();
    await run(world, host, red, ['iptables', '-A', 'INPUT', '-m', 'conntrack', '--ctstate', 'NEW']);
    await run(world, host, red, ['ping', '-c', '1', '192.168.15.2']);
    expect(nfOf(red).conntrack.count).toBe(1);
    world.advance(29_000);
    expect(nfOf(red).conntrack.count).toBe(1);
    world.advance(2_000);
    expect(nfOf(red).conntrack.count).toBe(0);
    expect((await run(world, host, red, ['conntrack', '-L'])).stderr).toBe('conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.\n');
  });

  it('an ICMP error about a tracked flow is RELATED', async () => {
    const { world, host, red } = redBlue();
    await run(world, host, red, ['iptables', '-A', 'INPUT', '-m', 'state', '--state', 'RELATED']);
    const r = await run(world, host, red, ['nc', '-u', '-z', '-v', '192.168.15.2', '9']);
    // netcat-openbsd's UDP scan sees the port unreachable on a later write: silent, status 1 (as recorded).
    expect([r.exit, r.stderr]).toEqual([1, '']);
    world.advance(10);
    expect((await run(world, host, red, ['iptables', '-nvL', 'INPUT'])).stdout).toMatch(/^ +1 +\d+ +0 .*state RELATED/m);
  });
});

describe('iptables command lines never crash', () => {
  it('fuzzed arguments produce a status, never an exception', async () => {
    const { world, host, red } = redBlue();
    const words = ['-A', '-I', '-D', '-R', '-C', '-L', '-S', '-F', '-Z', '-N', '-X', '-E', '-P', '-t', 'nat', 'raw', 'bogus', 'INPUT', 'OUTPUT', 'X', '1', '0', '-s', '10.0.0.0/8', '300.1.1.1', '-p', 'tcp', 'udp', 'icmp', '--dport', '--sport', '80', '99999', '!', '-j', 'ACCEPT', 'DROP', 'DNAT', 'REJECT', 'MARK', 'LOG', '--to-destination', '1.2.3.4:80', '-m', 'state', '--state', 'NEW', 'statistic', '--mode', 'nth', '--every', '3', '-n', '-v', '--line-numbers', '-x', '"', '--', '-', '-i', 'eth+', '-o', 'comment', '--comment', 'multiport', '--dports', '1,2:3', 'conntrack', '--ctstate', 'mark', '--mark', '0x1/0xf', '--icmp-type', 'echo-request', '-g', '-c'];
    const rng = new Rng(42);
    for (let i = 0; i < 400; i++) {
      const argv = ['iptables'];
      const n = rng.int(0, 8);
      for (let j = 0; j < n; j++) argv.push(words[rng.int(0, words.length - 1)]);
      const r = await run(world, host, red, argv);
      expect([0, 1, 2, 3, 4]).toContain(r.exit);
    }
  });
});
