// CNI plugins under the spec's execution protocol: ADD/DEL/CHECK through the
// bridge plugin delegating to host-local, IPAM exhaustion and release, and
// the result shapes of SPEC.md's "Add example" (containernetworking/cni
// v1.3.0 SPEC.md, Appendix: Examples).

import { describe, expect, it } from 'vitest';
import './index.ts';
import { installCniPlugins } from './index.ts';
import { World } from '../../../world/world.ts';
import { spawnWith } from '../../../shell/exec.ts';
import { StringIn, StringOut } from '../../../kernel/proc.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { probeEcho } from '../../../labs/checks.ts';
import { parseIp4, fmtIp4 } from '../../../kernel/addr.ts';
import { sha512hex } from '../../../k8s/sha512.ts';

const NODE = 'node01';

function setup(): { w: World; k: Kernel } {
  const w = new World({ seed: 7 });
  const k = w.addHost(NODE);
  installCniPlugins(k);
  return { w, k };
}

function addNetns(k: Kernel, name: string): void {
  const ns = k.newNetns();
  k.vfs.mkdir('/run/netns', {}, true);
  k.vfs.create(`/run/netns/${name}`, k.nsNode(ns));
}

async function run(w: World, k: Kernel, argv: string[], env: Record<string, string>, stdin: string): Promise<{ code: number; out: string; err: string }> {
  const out = new StringOut();
  const err = new StringOut();
  const r = spawnWith(k, 1, ['sh'], { env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', netns: k.initNs, stdin: new StringIn(''), stdout: out, stderr: err }, (p) =>
    p.exec(p, argv, { env: { ...p.env, ...env }, stdin: new StringIn(stdin), stdout: out, stderr: err }),
  );
  const d = await w.run(r.done);
  return { code: d.done ? d.value : -1, out: out.text, err: err.text };
}

const CONF = JSON.stringify({ cniVersion: '1.0.0', name: 'mynet', type: 'bridge', bridge: 'cni0', isGateway: true, ipam: { type: 'host-local', subnet: '10.244.1.0/24', routes: [{ dst: '0.0.0.0/0' }] } });
const env = (cmd: string, id: string): Record<string, string> => ({ CNI_COMMAND: cmd, CNI_CONTAINERID: id, CNI_NETNS: `/var/run/netns/${id}`, CNI_IFNAME: 'eth0', CNI_PATH: '/opt/cni/bin' });

describe('bridge + host-local', () => {
  it('ADD gives pod1 an address, a default route through cni0 and a result in the spec shape', async () => {
    const { w, k } = setup();
    addNetns(k, 'pod1');
    const r = await run(w, k, ['/opt/cni/bin/bridge'], env('ADD', 'pod1'), CONF);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out);
    expect(Object.keys(res)).toEqual(['cniVersion', 'interfaces', 'ips', 'routes', 'dns']);
    expect(res.cniVersion).toBe('1.0.0');
    expect(res.interfaces.map((i: { name: string }) => i.name)).toEqual(['cni0', expect.stringMatching(/^veth[0-9a-f]{8}$/), 'eth0']);
    expect(res.interfaces[2].sandbox).toBe('/var/run/netns/pod1');
    expect(res.ips).toEqual([{ interface: 2, address: '10.244.1.2/24', gateway: '10.244.1.1' }]);
    expect(res.routes).toEqual([{ dst: '0.0.0.0/0' }]);
    expect(r.out).toContain('\n    "cniVersion": "1.0.0",\n');
    const ns = k.openNetns('pod1')!;
    expect(ns.devByName('eth0')!.inet[0].local).toBe(parseIp4('10.244.1.2'));
    const def = ns.fib.table(254).find((x) => x.dstLen === 0)!;
    expect(fmtIp4(def.gateway!)).toBe('10.244.1.1');
    expect(k.initNs.devByName('cni0')!.inet[0].local).toBe(parseIp4('10.244.1.1'));
    expect(k.vfs.readFile('/var/lib/cni/networks/mynet/10.244.1.2')).toBe('pod1\r\neth0');
    expect(k.vfs.readFile('/var/lib/cni/networks/mynet/last_reserved_ip.0')).toBe('10.244.1.2');
    const probe = await probeEcho(w, k.initNs, parseIp4('10.244.1.2')!);
    expect(probe.ok).toBe(true);
    // CHECK with the ADD result as prevResult succeeds.
    const chk = await run(w, k, ['/opt/cni/bin/bridge'], env('CHECK', 'pod1'), JSON.stringify({ ...JSON.parse(CONF), prevResult: res }));
    expect(chk.code).toBe(0);
  });

  it('DEL removes the interface and releases the address; a second DEL still succeeds', async () => {
    const { w, k } = setup();
    addNetns(k, 'pod1');
    await run(w, k, ['/opt/cni/bin/bridge'], env('ADD', 'pod1'), CONF);
    const d1 = await run(w, k, ['/opt/cni/bin/bridge'], env('DEL', 'pod1'), CONF);
    expect(d1.code).toBe(0);
    expect(d1.out).toBe('');
    expect(k.openNetns('pod1')!.devByName('eth0')).toBeUndefined();
    expect(k.vfs.tryLookup('/var/lib/cni/networks/mynet/10.244.1.2')).toBeUndefined();
    expect((await run(w, k, ['/opt/cni/bin/bridge'], env('DEL', 'pod1'), CONF)).code).toBe(0);
    // CHECK now fails: the interface is gone.
    const chk = await run(w, k, ['/opt/cni/bin/bridge'], env('CHECK', 'pod1'), JSON.stringify({ ...JSON.parse(CONF), prevResult: { ips: [{ address: '10.244.1.2/24' }] } }));
    expect(chk.code).toBe(1);
  });

  it('host-local runs out of addresses in a /30 and reuses a released one round-robin', async () => {
    const { w, k } = setup();
    const conf = JSON.stringify({ cniVersion: '1.0.0', name: 'tiny', type: 'host-local', ipam: { type: 'host-local', subnet: '10.9.0.0/29' } });
    const ipam = JSON.stringify({ cniVersion: '1.0.0', name: 'tiny', ipam: { type: 'host-local', subnet: '10.9.0.0/29' } });
    void conf;
    const got: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await run(w, k, ['/opt/cni/bin/host-local'], env('ADD', `c${i}`), ipam);
      expect(r.code).toBe(0);
      got.push(JSON.parse(r.out).ips[0].address);
    }
    expect(got).toEqual(['10.9.0.2/29', '10.9.0.3/29', '10.9.0.4/29', '10.9.0.5/29', '10.9.0.6/29']);
    const full = await run(w, k, ['/opt/cni/bin/host-local'], env('ADD', 'c9'), ipam);
    expect(full.code).toBe(1);
    // Error objects carry code and msg only (fidelity/goldens/76a-cni-exhausted.json, recorded on the real plugin).
    expect(JSON.parse(full.out)).toEqual({ code: 999, msg: 'failed to allocate for range 0: no IP addresses available in range set: 10.9.0.1-10.9.0.6' });
    expect(full.out.endsWith('}')).toBe(true);
    await run(w, k, ['/opt/cni/bin/host-local'], env('DEL', 'c1'), ipam);
    const again = await run(w, k, ['/opt/cni/bin/host-local'], env('ADD', 'c9'), ipam);
    expect(JSON.parse(again.out).ips[0].address).toBe('10.9.0.3/29');
  });

  it('follows the skel protocol: about text, missing variables, VERSION', async () => {
    const { w, k } = setup();
    const about = await run(w, k, ['/opt/cni/bin/bridge'], {}, '');
    // Debian's 1.1.1 build (fidelity/goldens/75-cni-version.json).
    expect(about.err).toBe('CNI bridge plugin version unknown\nCNI protocol versions supported: 0.1.0, 0.2.0, 0.3.0, 0.3.1, 0.4.0, 1.0.0\n');
    const miss = await run(w, k, ['/opt/cni/bin/bridge'], { CNI_COMMAND: 'ADD' }, CONF);
    expect(miss.code).toBe(1);
    expect(JSON.parse(miss.out).msg).toBe('required env variables [CNI_CONTAINERID,CNI_NETNS,CNI_IFNAME,CNI_PATH] missing');
    const v = await run(w, k, ['/opt/cni/bin/loopback'], { CNI_COMMAND: 'VERSION' }, '{"cniVersion":"1.0.0"}');
    expect(v.out).toBe('{"cniVersion":"1.0.0","supportedVersions":["0.1.0","0.2.0","0.3.0","0.3.1","0.4.0","1.0.0"]}\n');
  });
});

describe('portmap chain names', () => {
  it('uses sha512 as utils.MustFormatHashWithPrefix does', () => {
    expect(sha512hex('abc').slice(0, 32)).toBe('ddaf35a193617abacc417349ae204131');
  });
});

describe('bridge options change the packet path', () => {
  const L2 = (name: string, extra: Record<string, unknown>) => JSON.stringify({ cniVersion: '1.0.0', name, type: 'bridge', bridge: 'br-x', ...extra });
  it('promiscMode passes frames between two containers up the bridge device too; without it the bridge only forwards them', async () => {
    for (const promisc of [false, true]) {
      const { w, k } = setup();
      addNetns(k, 'a');
      addNetns(k, 'b');
      for (const id of ['a', 'b']) {
        const r = await run(w, k, ['/opt/cni/bin/bridge'], env('ADD', id), L2('x', promisc ? { promiscMode: true } : {}));
        expect(r.code).toBe(0);
      }
      const na = k.openNetns('a')!;
      const nb = k.openNetns('b')!;
      na.addrAdd(na.devByName('eth0')!, { local: parseIp4('10.1.0.1')!, prefixlen: 24, broadcast: 'auto' });
      nb.addrAdd(nb.devByName('eth0')!, { local: parseIp4('10.1.0.2')!, prefixlen: 24, broadcast: 'auto' });
      const br = k.initNs.devByName('br-x')!;
      let seenOnBridge = 0;
      k.stack.taps.add((dev, frame) => {
        if (dev === br && frame.dst !== 'ff:ff:ff:ff:ff:ff' && !frame.dst.startsWith('33:33') && !frame.dst.startsWith('01:00:5e')) seenOnBridge++;
      });
      const probe = await probeEcho(w, na, parseIp4('10.1.0.2')!);
      expect(probe.ok).toBe(true);
      if (promisc) expect(seenOnBridge).toBeGreaterThan(0);
      else expect(seenOnBridge).toBe(0);
    }
  });
});
