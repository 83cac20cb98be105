// The rtnetlink-like NetNs operations programs use for neighbours,
// forwarding databases, links and bridge ports: each validates as the kernel
// does and throws KernelError; dumps are snapshots the reader cannot use to
// change the kernel.
import './dev/vxlan.ts';
import './stp.ts';
import { describe, expect, it } from 'vitest';
import { World } from '../world/world.ts';
import { parseIp4 } from './addr.ts';
import { KernelError } from './errno.ts';

function host() {
  const world = new World({ seed: 7 });
  const k = world.addHost('host');
  const ns = k.initNs;
  const eth = ns.linkAdd({ name: 'v0', kind: 'veth', peerName: 'v0p' });
  return { k, ns, eth };
}

const errnoOf = (f: () => void): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof KernelError) return `${e.errno}: ${e.message}`;
    throw e;
  }
  return undefined;
};

describe('neighbour operations (RTM_*NEIGH, SIOC*ARP)', () => {
  const ip = parseIp4('10.0.0.2')!;
  const mac = '02:00:00:00:00:02';

  it('add is exclusive, change needs an entry, replace creates or updates; states needing an address refuse without one', () => {
    const { ns, eth } = host();
    const add = { create: true, excl: true };
    expect(errnoOf(() => ns.neighAdd({ ip, dev: eth, state: 'PERMANENT' }, add))).toBe('EINVAL: No link layer address given');
    expect(errnoOf(() => ns.neighAdd({ ip, dev: eth, mac: '02:00', state: 'PERMANENT' }, add))).toBe('EINVAL: Invalid link address');
    expect(errnoOf(() => ns.neighAdd({ ip, dev: eth, mac, state: 'STALE' }, { create: false, excl: false }))).toBe('ENOENT: No such file or directory');
    ns.neighAdd({ ip, dev: eth, mac, state: 'PERMANENT' }, add);
    expect(errnoOf(() => ns.neighAdd({ ip, dev: eth, mac, state: 'PERMANENT' }, add))).toBe('EEXIST: File exists');
    ns.neighAdd({ ip, dev: eth, state: 'STALE', router: true }, { create: true, excl: false });
    expect(ns.neighDump()).toEqual([{ ip, dev: eth, mac, state: 'STALE', router: true, proxy: false }]);
  });

  it('the dump reports the state the kernel computes now (REACHABLE decays to STALE) and is a snapshot', () => {
    const { k, ns, eth } = host();
    ns.neighAdd({ ip, dev: eth, mac, state: 'REACHABLE' }, { create: true, excl: true });
    const before = ns.neighDump();
    expect(before[0].state).toBe('REACHABLE');
    k.clock.advance(31_000);
    expect(ns.neighDump()[0].state).toBe('STALE');
    expect(before[0].state).toBe('REACHABLE');
  });

  it('del is ENOENT once gone; SIOCSARP refuses loopback, SIOCDARP says ENXIO', () => {
    const { ns, eth } = host();
    ns.arpSet(ip, eth, mac, false);
    expect(ns.neighDump().map((n) => n.state)).toEqual(['PERMANENT']);
    ns.arpSet(ip, eth, mac, true);
    expect(ns.neighDump().map((n) => n.state)).toEqual(['REACHABLE']);
    expect(errnoOf(() => ns.arpSet(ip, ns.lo, mac, false))).toBe('EINVAL: Invalid argument');
    ns.arpDelete(ip, eth);
    expect(errnoOf(() => ns.arpDelete(ip, eth))).toBe('ENXIO: No such device or address');
    expect(errnoOf(() => ns.neighDel(ip, eth))).toBe('ENOENT: No such file or directory');
  });
});

describe('forwarding databases (AF_BRIDGE RTM_*NEIGH)', () => {
  it('a vxlan keeps MAC → remotes: add is exclusive, append adds a remote, del removes one remote or all', () => {
    const { ns } = host();
    const vx = ns.linkAdd({ name: 'vx0', kind: 'vxlan', vxlan: { id: 42, dstport: 4789, learning: true } });
    const m = '02:00:00:00:00:aa';
    const a = parseIp4('192.0.2.1')!;
    const b = parseIp4('192.0.2.2')!;
    const req = { master: false, self: true, state: 'permanent' as const, excl: true, replace: false };
    expect(errnoOf(() => ns.fdbAdd(vx, m, req))).toBe('EINVAL: Invalid argument');
    ns.fdbAdd(vx, m, { ...req, dst: a });
    expect(errnoOf(() => ns.fdbAdd(vx, m, { ...req, dst: b }))).toBe('EEXIST: File exists');
    ns.fdbAdd(vx, m, { ...req, excl: false, append: true, dst: b });
    expect(ns.fdbDump(vx).map((e) => [e.mac, e.dst, e.state])).toEqual([
      [m, a, 'permanent'],
      [m, b, 'permanent'],
    ]);
    ns.fdbDel(vx, m, { master: false, self: true, dst: a });
    expect(ns.fdbDump(vx).map((e) => e.dst)).toEqual([b]);
    ns.fdbDel(vx, m, { master: false, self: true });
    expect(errnoOf(() => ns.fdbDel(vx, m, { master: false, self: true }))).toBe('ENOENT: No such file or directory');
  });

  it('master entries live in the port bridge; brForward lists them with the port number', () => {
    const { ns, eth } = host();
    const br = ns.linkAdd({ name: 'br0', kind: 'bridge' });
    const m = '02:00:00:00:00:bb';
    expect(errnoOf(() => ns.fdbAdd(eth, m, { master: true, self: false, state: 'static', excl: true, replace: false }))).toBe('EOPNOTSUPP: Operation not supported');
    ns.setMaster(eth, br);
    ns.fdbAdd(eth, m, { master: true, self: false, state: 'static', excl: true, replace: false });
    expect(ns.fdbDump(eth).filter((e) => e.mac === m).map((e) => [e.master?.name, e.state])).toEqual([['br0', 'static']]);
    expect(ns.brForward(br).filter((e) => e.mac === m).map((e) => [e.portNo, e.local])).toEqual([[1, false]]);
    expect(errnoOf(() => ns.brForward(eth))).toBe('ENODEV: No such device');
  });
});

describe('linkChange and the bridge dumps', () => {
  it('port attributes need a port and are range-checked (cost 1-65535, priority 0-63); flags apply first', () => {
    const { ns, eth } = host();
    expect(errnoOf(() => ns.linkChange(eth, { brport: { hairpin: true } }))).toBe('EOPNOTSUPP: Operation not supported');
    const br = ns.linkAdd({ name: 'br0', kind: 'bridge' });
    ns.linkChange(eth, { master: br.ifindex });
    expect(errnoOf(() => ns.linkChange(eth, { brport: { cost: 0 } }))).toBe('ERANGE: Numerical result out of range');
    expect(errnoOf(() => ns.linkChange(eth, { brport: { hairpin: true, priority: 64 } }))).toBe('ERANGE: Numerical result out of range');
    ns.linkChange(eth, { brport: { cost: 7, priority: 5 } });
    const pt = ns.brportInfo(eth)!;
    expect([pt.master.name, pt.portNo, pt.cost, pt.priority, pt.hairpin, pt.state]).toEqual(['br0', 1, 7, 5, true, 'disabled']);
    expect(ns.brportInfo(br)).toBeUndefined();
  });

  it('device attributes: alias, arp, promisc (one user reference), txqlen; a master that does not exist is EINVAL', () => {
    const { ns, eth } = host();
    ns.linkChange(eth, { alias: 'uplink', noarp: true, promisc: true, txqlen: 500 });
    ns.linkChange(eth, { promisc: true });
    expect([eth.alias, eth.noarp, eth.promisc, eth.txqlen]).toEqual(['uplink', true, 1, 500]);
    ns.linkChange(eth, { alias: '', promisc: false });
    expect([eth.alias, eth.promisc]).toEqual([undefined, 0]);
    expect(errnoOf(() => ns.linkChange(eth, { txqlen: -1 }))).toBe('EINVAL: Invalid argument');
    expect(errnoOf(() => ns.linkChange(eth, { master: 99 }))).toBe('EINVAL: Invalid argument');
  });

  it('bridgeInfo: the id is zero until a port gives the bridge an address; STP view only while STP is on', () => {
    const { ns, eth } = host();
    const br = ns.linkAdd({ name: 'br0', kind: 'bridge' });
    expect(ns.bridgeInfo(br)!.bridgeId).toBe('8000000000000000');
    ns.setMaster(eth, br);
    const b = ns.bridgeInfo(br)!;
    expect([b.bridgeId, b.stpEnabled, b.stpInfo, b.ports.map((d) => d.name)]).toEqual([`8000${br.mac.replace(/:/g, '')}`, false, undefined, ['v0']]);
    ns.linkChange(br, { bridge: { stpState: 1, ageingTime: 1000 } });
    const s = ns.bridgeInfo(br)!;
    expect([s.stpEnabled, s.ageingTime]).toEqual([true, 10_000]);
    expect(ns.bridgeInfo(eth)).toBeUndefined();
  });
});

describe('link and address dumps (RTM_GETLINK, RTM_GETADDR)', () => {
  it('a link message carries what `ip link` prints: flags, operstate, MTU, master and peer by ifindex, kind, counters', () => {
    const { ns, eth } = host();
    const br = ns.linkAdd({ name: 'br0', kind: 'bridge' });
    ns.linkChange(eth, { master: br.ifindex, up: true, mtu: 1400, alias: 'uplink' });
    const l = ns.linkGet('v0')!;
    expect(l.dev).toBe(eth);
    expect([l.ifindex, l.ifname, l.linkType, l.mtu, l.master, l.link, l.operstate, l.ifalias, l.linkinfo?.kind]).toEqual([eth.ifindex, 'v0', 'ether', 1400, br.ifindex, ns.devByName('v0p')!.ifindex, 'LOWERLAYERDOWN', 'uplink', 'veth']);
    // A bridge port holds one promiscuity and one allmulti reference; the user asked for neither.
    expect([l.flags & 0x1, l.flags & 0x100, l.promiscuity, l.allmulti, l.carrier]).toEqual([1, 0, 1, 1, false]);
    expect(ns.linkGet(eth.ifindex)?.ifname).toBe('v0');
    expect(ns.linkGet('nope')).toBeUndefined();
    expect(ns.linkGet(1)!.linkType).toBe('loopback');
    expect(ns.linkGet(1)!.linkinfo).toBeUndefined();
    // veth registers its peer first.
    expect(ns.linkDump().map((x) => x.ifname)).toEqual(['lo', 'v0p', 'v0', 'br0']);
  });

  it('is a snapshot: later changes and the reader cannot reach the device', () => {
    const { ns, eth } = host();
    const l = ns.linkGet('v0')!;
    eth.stats.txPackets = 5;
    ns.linkChange(eth, { mtu: 1300 });
    expect([l.mtu, l.stats.txPackets]).toEqual([1500, 0]);
    (l.stats as { txPackets: number }).txPackets = 9;
    expect(eth.stats.txPackets).toBe(5);
  });

  it('address messages are copies with the ifindex; change replaces in place, IPv6 add is exclusive', () => {
    const { ns, eth } = host();
    ns.addrAdd(eth, { local: parseIp4('10.0.0.1')!, prefixlen: 24, broadcast: 'auto' });
    const [a] = ns.addrDump(eth);
    expect([a.ifindex, a.local, a.prefixlen, a.label, a.secondary]).toEqual([eth.ifindex, parseIp4('10.0.0.1'), 24, 'v0', false]);
    (a as { label: string }).label = 'x';
    expect(ns.addrDump().map((x) => x.label)).toEqual(['lo', 'v0']);
    expect(ns.addrChange(eth, parseIp4('10.0.0.1')!, 24, { label: 'v0:1' })).toBe(true);
    expect(ns.addrChange(eth, parseIp4('10.0.0.9')!, 24, { label: 'v0:1' })).toBe(false);
    expect(ns.addrDump(eth)[0].label).toBe('v0:1');
    const six = { addr: '2001:db8::1', prefixlen: 64, scope: 0, flags: ['permanent'] };
    ns.addr6Add(eth, six, { excl: true });
    expect(errnoOf(() => ns.addr6Add(eth, six, { excl: true }))).toBe('EEXIST: ipv6: address already assigned');
    ns.addr6Add(eth, six, { excl: false });
    expect(ns.addr6Dump(eth).map((x) => [x.ifindex, x.addr])).toEqual([[eth.ifindex, '2001:db8::1']]);
    ns.addr6Del(eth, '2001:db8::1');
    expect(errnoOf(() => ns.addr6Del(eth, '2001:db8::1'))).toBe('EADDRNOTAVAIL: Cannot assign requested address');
  });
});

describe('route and rule dumps are copies', () => {
  it('changing a dumped route or rule leaves the FIB as it was; a dumped copy removes its route or rule, an object no dump gave out is ESRCH', () => {
    const { ns } = host();
    const dst = parseIp4('192.0.2.0')!;
    ns.routeAdd({ table: 254, type: 'blackhole', dst, dstLen: 24, tos: 0, metric: 0, protocol: 'boot', scope: 0, onlink: false }, { create: true, excl: true, replace: false });
    ns.ruleAdd({ priority: 100, table: 254, action: 'lookup', from: { addr: dst, len: 24 } });
    const [r] = ns.routeDump(254).filter((x) => x.dst === dst);
    (r as { metric: number }).metric = 9;
    (r as { dst: number }).dst = 0;
    const [rule] = ns.ruleDump().filter((x) => x.priority === 100);
    (rule!.from as { len: number }).len = 8;
    expect(ns.routeDump(254).filter((x) => x.dst === dst).map((x) => x.metric)).toEqual([0]);
    expect(ns.ruleDump().find((x) => x.priority === 100)!.from!.len).toBe(24);
    expect(errnoOf(() => ns.routeRemove({ ...r! }))).toMatch(/^ESRCH/);
    ns.routeRemove(r!);
    expect(ns.routeDump(254).some((x) => x.dst === dst)).toBe(false);
    expect(errnoOf(() => ns.ruleRemove({ ...rule! }))).toMatch(/^ENOENT/);
    ns.ruleRemove(rule!);
    expect(ns.ruleDump().some((x) => x.priority === 100)).toBe(false);
  });
});
