// The resolver in the domain's words: resolv.conf parsing as glibc does it,
// search-list expansion and ndots, the wire format, zone files, nsswitch
// order, CNAME chains, NXDOMAIN vs timeouts, over a two-host world where the
// DNS server runs CoreDNS and every query crosses the simulated network.

import { describe, expect, it } from 'vitest';
import { World } from '../../world/world.ts';
import { devNullIn, devNullOut, type Process } from '../../kernel/proc.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { parseResolvConf, searchCandidates } from './resolvconf.ts';
import { decode, encode, newMessage, TYPE, CLASS_IN, reverseName, ip6Text, ip6Bytes } from './wire.ts';
import { parseZone } from './zonefile.ts';
import { parseCorefile } from './corefile.ts';
import { startCoreDns } from './coredns.ts';
import { getHostByName, parseHosts, resolveHost } from '../lib/resolve.ts';
import './index.ts';
import '../net/iptables/iptables.ts';
import { run } from '../../../test/kit.ts';

describe('resolv.conf (glibc res_init rules)', () => {
  it('reads nameserver, search, options; ignores malformed lines', () => {
    const rc = parseResolvConf('nameserver 999.1.1.1\nnameserver: 10.0.0.1\n  nameserver 10.0.0.9\nnameserver 192.168.1.100 # main\n# nameserver 1.1.1.1\nsearch a.com b.com\noptions ndots:3 timeout:2 attempts:4 bogus\n');
    expect(rc.nameservers).toEqual(['192.168.1.100']);
    expect(rc.search).toEqual(['a.com', 'b.com']);
    expect([rc.ndots, rc.timeout, rc.attempts]).toEqual([3, 2, 4]);
  });
  it('the last of domain/search wins; at most three servers; 127.0.0.1 when none', () => {
    expect(parseResolvConf('search a.com\ndomain b.com\n').search).toEqual(['b.com']);
    expect(parseResolvConf('domain b.com\nsearch a.com c.com\n').search).toEqual(['a.com', 'c.com']);
    expect(parseResolvConf('nameserver 1.1.1.1\nnameserver 2.2.2.2\nnameserver 3.3.3.3\nnameserver 4.4.4.4\n').nameservers).toEqual(['1.1.1.1', '2.2.2.2', '3.3.3.3']);
    const empty = parseResolvConf('');
    expect(empty.nameservers).toEqual(['127.0.0.1']);
    expect(empty.defaultServer).toBe(true);
    expect(parseResolvConf('', 'node1.cluster.local').search).toEqual(['cluster.local']);
  });
  it('ndots decides whether the name is tried as-is first or last', () => {
    const rc = { search: ['default.svc.cluster.local', 'svc.cluster.local'], ndots: 5 };
    expect(searchCandidates('web', rc)).toEqual(['web.default.svc.cluster.local', 'web.svc.cluster.local', 'web']);
    expect(searchCandidates('a.b.c.d.e.f', rc)[0]).toBe('a.b.c.d.e.f');
    expect(searchCandidates('google.com.', rc)).toEqual(['google.com']);
    expect(searchCandidates('a.b', { search: ['x.com'], ndots: 1 })).toEqual(['a.b', 'a.b.x.com']);
  });
});

describe('/etc/hosts parsing', () => {
  it('skips lines without names and bad addresses, strips comments', () => {
    const h = parseHosts('192.168.1.200\n300.1.1.1 bad\n192.168.1.201 good # comment\n  192.168.1.202\tindent\n::1 localhost6\n');
    expect(h.map((x) => [x.addr, x.names.join(',')])).toEqual([
      ['192.168.1.201', 'good'],
      ['192.168.1.202', 'indent'],
      ['::1', 'localhost6'],
    ]);
  });
});

describe('wire format', () => {
  it('round-trips a response and compresses owner names (62 bytes, as dig reports)', () => {
    const m = newMessage(0x1234, { name: 'web.mycompany.com', type: TYPE.A, cls: CLASS_IN });
    m.qr = m.aa = m.rd = m.ra = true;
    m.answers.push({ name: 'web.mycompany.com', ttl: 0, cls: CLASS_IN, data: { type: 'A', address: '192.168.1.10' } });
    m.edns = { udpSize: 1232, version: 0, dnssecOk: false, options: [] };
    const b = encode(m);
    expect(b.length).toBe(62);
    expect(decode(b)).toEqual(m);
  });
  it('reverse names and IPv6 text', () => {
    expect(reverseName('192.168.1.10')).toBe('10.1.168.192.in-addr.arpa');
    expect(ip6Text(ip6Bytes('2001:0db8:0:0:0:0:0:10'))).toBe('2001:db8::10');
  });
});

describe('zone files and Corefiles', () => {
  it('parses $ORIGIN, $TTL, @, relative names, parentheses and comments', () => {
    const z = parseZone('$TTL 300\n@ IN SOA ns admin (\n 1 ; serial\n 7200 3600 1209600 60 )\n  IN NS ns\nns IN A 10.0.0.1\nwww 60 IN CNAME web\nweb A 10.0.0.2\n', 'example.com');
    expect(z.errors).toEqual([]);
    expect(z.records.map((r) => `${r.name} ${r.ttl} ${r.data.type}`)).toEqual(['example.com 300 SOA', 'example.com 300 NS', 'ns.example.com 300 A', 'www.example.com 60 CNAME', 'web.example.com 60 A']);
  });
  it('reports unknown types with the line number', () => {
    expect(parseZone('@ IN BOGUS x\n', 'e.com').errors[0]).toMatch(/^line 1: unknown RR type BOGUS/);
  });
  it('parses server blocks with ports and nested blocks', () => {
    const b = parseCorefile('.:1053 {\n  hosts {\n    10.0.0.1 a\n    fallthrough\n  }\n  forward . 8.8.8.8\n}\n');
    expect(b).toEqual([{ zones: [''], port: 1053, directives: [{ name: 'hosts', args: [], block: [['10.0.0.1', 'a'], ['fallthrough']] }, { name: 'forward', args: ['.', '8.8.8.8'], block: [] }] }]);
  });
});

/** client (192.168.1.5) and dns (192.168.1.100, CoreDNS for mycompany.com) on one segment. */
function lan(): { world: World; client: Kernel; dns: Kernel } {
  const world = new World({ seed: 7 });
  const client = world.addHost('client');
  const dns = world.addHost('dns');
  world.attach('client', 'eth0', 'lan', { addr: '192.168.1.5/24' });
  world.attach('dns', 'eth0', 'lan', { addr: '192.168.1.100/24' });
  dns.vfs.putFile('/etc/coredns/Corefile', 'mycompany.com {\n  file /etc/coredns/db\n}\n');
  dns.vfs.putFile('/etc/coredns/db', '$ORIGIN mycompany.com.\n@ 60 IN SOA ns admin 1 2 3 4 5\nweb IN A 192.168.1.10\nwww IN CNAME w3\nw3 IN CNAME web\nv6 IN AAAA 2001:db8::10\n');
  const r = startCoreDns(dns, dns.initNs, '/etc/coredns/Corefile');
  if (typeof r === 'string') throw new Error(r);
  client.vfs.putFile('/etc/resolv.conf', 'nameserver 192.168.1.100\nsearch mycompany.com\n');
  return { world, client, dns };
}

async function inProcess<T>(world: World, k: Kernel, fn: (p: Process) => Promise<T>): Promise<{ value: T; ms: number }> {
  const p = k.procs.spawn({ ppid: 1, argv: ['t'], env: {}, cwd: '/', netns: k.initNs, stdin: devNullIn, stdout: devNullOut, stderr: devNullOut, exec: async () => 127 });
  const t0 = world.clock.now;
  const r = await world.run(fn(p), { maxVirtualMs: 120_000 });
  if (!r.done) throw new Error('did not finish');
  return { value: r.value, ms: world.clock.now - t0 };
}

describe('resolution over the simulated network', () => {
  it('follows a CNAME chain: canonical name and aliases as gethostbyname returns them', async () => {
    const { world, client } = lan();
    const { value } = await inProcess(world, client, (p) => getHostByName(p, 'www', 4));
    expect(value).toEqual({ name: 'web.mycompany.com', aliases: ['www.mycompany.com', 'w3.mycompany.com'], family: 4, addrs: ['192.168.1.10'] });
  });
  it('files come before dns; `hosts: dns files` reverses it; [NOTFOUND=return] stops', async () => {
    const { world, client } = lan();
    client.vfs.putFile('/etc/hosts', '10.9.9.9 web.mycompany.com\n');
    expect((await inProcess(world, client, (p) => resolveHost(p, 'web.mycompany.com', 4))).value).toEqual([{ family: 4, addr: '10.9.9.9', canonical: 'web.mycompany.com' }]);
    client.vfs.putFile('/etc/nsswitch.conf', 'hosts: dns files\n');
    expect((await inProcess(world, client, (p) => resolveHost(p, 'web.mycompany.com', 4))).value).toEqual([{ family: 4, addr: '192.168.1.10', canonical: 'web.mycompany.com' }]);
    client.vfs.putFile('/etc/nsswitch.conf', 'hosts: files [NOTFOUND=return] dns\n');
    expect((await inProcess(world, client, (p) => resolveHost(p, 'v6.mycompany.com', 0))).value).toBe('EAI_NONAME');
  });
  it('NXDOMAIN is EAI_NONAME at once; a dropped query is EAI_AGAIN after timeout × attempts', async () => {
    const { world, client } = lan();
    const nx = await inProcess(world, client, (p) => resolveHost(p, 'nosuch.mycompany.com', 4));
    expect(nx.value).toBe('EAI_NONAME');
    expect(nx.ms).toBeLessThan(100);
    // The server's firewall drops DNS: each try waits its full timeout (2 s, then (2 << 1) / 1 server = 4 s).
    const { dns } = { dns: world.host('dns') };
    const fw = await run(world, dns, dns.initNs, ['iptables', '-A', 'INPUT', '-p', 'udp', '--dport', '53', '-j', 'DROP']);
    expect(fw.exit).toBe(0);
    client.vfs.putFile('/etc/resolv.conf', 'nameserver 192.168.1.100\noptions timeout:2 attempts:2\n');
    const to = await inProcess(world, client, (p) => resolveHost(p, 'web.mycompany.com', 4));
    expect(to.value).toBe('EAI_AGAIN');
    expect(Math.round(to.ms)).toBe(6000);
  });
  it('a server with no route is EAI_AGAIN immediately (ENETUNREACH)', async () => {
    const { world, client } = lan();
    client.vfs.putFile('/etc/resolv.conf', 'nameserver 10.0.0.53\n');
    const r = await inProcess(world, client, (p) => resolveHost(p, 'web.mycompany.com', 4));
    expect(r.value).toBe('EAI_AGAIN');
    expect(r.ms).toBe(0);
  });
});
