import { describe, expect, it } from 'vitest';
import { World } from '../world/world.ts';
import { devMcList, fdbAdd, fdbDel, fdbEntries } from './fdb.ts';
import { KernelError } from './errno.ts';

function bridgeWithPort() {
  const world = new World({ seed: 7 });
  const ns = world.addHost('host').initNs;
  const br = ns.linkAdd({ name: 'br0', kind: 'bridge' });
  const p1 = ns.linkAdd({ name: 'p1', kind: 'veth', peerName: 'p1p' });
  return { ns, br, p1 };
}

describe('bridge carrier and address (as recorded on 6.18)', () => {
  it('an empty bridge that never had a port is UNKNOWN with carrier; ports decide afterwards', () => {
    const { ns, br, p1 } = bridgeWithPort();
    ns.setUp(br, true);
    expect([br.operState, br.carrier]).toEqual(['UNKNOWN', true]);
    ns.setMaster(p1, br);
    expect([br.operState, br.carrier]).toEqual(['DOWN', false]);
    ns.setUp(p1, true);
    ns.setUp(p1.peer!, true);
    expect([br.operState, br.carrier]).toEqual(['UP', true]);
    expect(br.mac).toBe(p1.mac);
    ns.setMaster(p1, undefined);
    expect([br.operState, br.mac]).toEqual(['DOWN', '00:00:00:00:00:00']);
  });

  it('removing a port recomputes the address from the remaining ports only', () => {
    const { ns, br, p1 } = bridgeWithPort();
    const p2 = ns.linkAdd({ name: 'p2', kind: 'veth', peerName: 'p2p' });
    ns.setMaster(p1, br);
    ns.setMaster(p2, br);
    const [low, high] = [p1, p2].sort((a, b) => (a.mac < b.mac ? -1 : 1));
    expect(br.mac).toBe(low.mac);
    ns.setMaster(low, undefined);
    expect(br.mac).toBe(high.mac);
  });
});

describe('PF_BRIDGE fdb operations', () => {
  it('master adds need a bridge port; static/permanent/dynamic states; delete is ENOENT twice', () => {
    const { ns, br, p1 } = bridgeWithPort();
    const opts = { master: true, self: false, state: 'static' as const, excl: true, replace: false };
    expect(() => fdbAdd(p1, '02:00:00:00:99:99', opts)).toThrow(KernelError);
    ns.setMaster(p1, br);
    fdbAdd(p1, '02:00:00:00:99:99', opts);
    expect(() => fdbAdd(p1, '02:00:00:00:99:99', opts)).toThrow('File exists');
    expect(() => fdbAdd(p1, '02:00:00:00:99:98', { ...opts, state: 'dynamic' })).toThrow('Operation not permitted');
    fdbAdd(p1, '02:00:00:00:99:97', { ...opts, state: 'permanent' });
    const e = fdbEntries(br);
    expect(e.find((x) => x.mac === '02:00:00:00:99:99')).toMatchObject({ local: false, isStatic: true });
    expect(e.find((x) => x.mac === '02:00:00:00:99:97')).toMatchObject({ local: true });
    fdbDel(p1, '02:00:00:00:99:99', true);
    expect(() => fdbDel(p1, '02:00:00:00:99:99', true)).toThrow('No such file or directory');
  });

  it('multicast lists follow registration, up state and IPv6 link-local addresses', () => {
    const { ns, br } = bridgeWithPort();
    expect(devMcList(br)).toEqual(['33:33:00:00:00:01']);
    ns.setUp(br, true);
    const l = devMcList(br);
    expect(l.slice(0, 4)).toEqual(['33:33:00:00:00:01', '01:00:5e:00:00:6a', '33:33:00:00:00:6a', '01:00:5e:00:00:01']);
    expect(l[4]).toBe(`33:33:ff:${br.mac.slice(9)}`);
    expect(devMcList(ns.lo)).toEqual([]);
  });
});

describe('IPv4 conf defaults of a new namespace', () => {
  it('accept_source_route differs between all and default; lo skips policy; forwarding clears all.accept_redirects', () => {
    const ns = new World({ seed: 1 }).addHost('h').initNs;
    expect([ns.confAll.accept_source_route, ns.confDefault.accept_source_route, ns.lo.conf.accept_source_route]).toEqual([0, 1, 1]);
    expect([ns.lo.conf.disable_policy, ns.lo.conf.disable_xfrm]).toEqual([1, 1]);
    ns.setIpForward(true);
    expect(ns.confAll.accept_redirects).toBe(0);
    ns.setIpForward(false);
    expect(ns.confAll.accept_redirects).toBe(1);
  });
});
