import { describe, expect, it } from 'vitest';
import { World } from '../../world/world.ts';
import { addNetns, cidr, run } from '../../../test/kit.ts';
import { norm, step } from './golden-kit.test-util.ts';
import './bridge.ts';
import './brctl.ts';

/** Scenario 05's topology: v-net-0 joining red, blue, orange, gray (all up, addressed). */
function fourNamespaces() {
  const world = new World({ seed: 5 });
  const host = world.addHost('host');
  const ns = host.initNs;
  const br = ns.linkAdd({ name: 'v-net-0', kind: 'bridge' });
  ns.setUp(br, true);
  const colours = ['red', 'blue', 'orange', 'gray'];
  colours.forEach((c, i) => {
    const inner = addNetns(host, c);
    const v = ns.linkAdd({ name: `veth-${c}`, kind: 'veth', peerName: `veth-${c}-br` });
    ns.setNetns(v, inner);
    ns.setMaster(v.peer!, br);
    inner.addrAdd(v, { ...cidr(`192.168.15.${i + 1}/24`) });
    inner.setUp(v, true);
  });
  for (const c of colours) ns.setUp(ns.devByName(`veth-${c}-br`)!, true);
  return { world, host, ns, br };
}

async function expectStep(scenario: string, cmd: string, got: { stdout: string; stderr: string; exit: number }, n = 0) {
  const g = step(scenario, cmd, n);
  expect(await norm({ cmd, ...got })).toEqual(await norm(g));
}

describe('bridge link / brctl show (scenario 05)', () => {
  it('lists the four ports forwarding, brctl shows them in port order', async () => {
    const { world, host, ns } = fourNamespaces();
    await expectStep('05-bridge-four-namespaces', 'bridge link', await run(world, host, ns, ['bridge', 'link']));
    await expectStep('05-bridge-four-namespaces', 'brctl show', await run(world, host, ns, ['brctl', 'show']));
  });

  it('bridge fdb show br counts 21 permanent entries (own MACs and multicast groups)', async () => {
    const { world, host, ns } = fourNamespaces();
    const r = await run(world, host, ns, ['bridge', 'fdb', 'show', 'br', 'v-net-0']);
    const permanent = r.stdout.split('\n').filter((l) => l.includes('permanent'));
    expect(String(permanent.length) + '\n').toBe(step('05-bridge-four-namespaces', 'bridge fdb show br v-net-0 | grep -c permanent').stdout);
  });

  it('a port removed with nomaster disappears from bridge link', async () => {
    const { world, host, ns, br } = fourNamespaces();
    ns.setMaster(ns.devByName('veth-blue-br')!, undefined);
    await expectStep('05-bridge-four-namespaces', 'bridge link', await run(world, host, ns, ['bridge', 'link']), 1);
    void br;
  });

  it('showmacs prints its header, learned entries are not local', async () => {
    const { world, host, ns, br } = fourNamespaces();
    br.bridge!.fdb.set('02:00:00:00:00:99', { mac: '02:00:00:00:00:99', dev: ns.devByName('veth-red-br')!, local: false, isStatic: false, updated: world.clock.now });
    const r = await run(world, host, ns, ['brctl', 'showmacs', 'v-net-0']);
    expect(r.stdout.split('\n')[0] + '\n').toBe(step('05-bridge-four-namespaces', 'brctl showmacs v-net-0 | head -1').stdout);
    expect(r.stdout).toContain('  1\t02:00:00:00:00:99\tno\t\t   0.00\n');
    const f = await run(world, host, ns, ['bridge', 'fdb', 'show', 'dev', 'veth-red-br']);
    expect(f.stdout).toContain('02:00:00:00:00:99 master v-net-0 \n');
  });
});

describe('bridge fdb / brctl errors (scenarios 22, 25)', () => {
  function veths() {
    const world = new World({ seed: 22 });
    const host = world.addHost('host');
    const ns = host.initNs;
    ns.linkAdd({ name: 'p1', kind: 'veth', peerName: 'p1-peer' });
    ns.linkAdd({ name: 'p2', kind: 'veth', peerName: 'p2-peer' });
    return { world, host, ns };
  }
  const S = '22-bridge-fdb-brctl';

  it('fdb add/del with master on a device without a bridge is EOPNOTSUPP', async () => {
    const { world, host, ns } = veths();
    for (const cmd of ['bridge fdb add 02:00:00:00:99:99 dev p1 master static', 'bridge fdb del 02:00:00:00:99:99 dev p1 master']) {
      await expectStep(S, cmd, await run(world, host, ns, cmd.split(' ')));
    }
  });

  it('brctl show/addbr/addif/delif/delbr round trip', async () => {
    const { world, host, ns } = veths();
    await expectStep(S, 'brctl show br0', await run(world, host, ns, ['brctl', 'show', 'br0']));
    await expectStep(S, 'brctl addbr br1', await run(world, host, ns, ['brctl', 'addbr', 'br1']));
    await expectStep(S, 'brctl addif br1 p2-peer', await run(world, host, ns, ['brctl', 'addif', 'br1', 'p2-peer']));
    await expectStep(S, 'brctl show', await run(world, host, ns, ['brctl', 'show']));
    await expectStep(S, 'brctl delif br1 p2-peer', await run(world, host, ns, ['brctl', 'delif', 'br1', 'p2-peer']));
    await expectStep(S, 'brctl delbr br1', await run(world, host, ns, ['brctl', 'delbr', 'br1']));
    await expectStep(S, 'brctl delbr br1', await run(world, host, ns, ['brctl', 'delbr', 'br1']), 1);
    expect(ns.devByName('br1')).toBeUndefined();
    await expectStep(S, 'bridge link', await run(world, host, ns, ['bridge', 'link']));
  });

  it('brctl addif of a missing interface', async () => {
    const { world, host, ns } = veths();
    ns.linkAdd({ name: 'br-a', kind: 'bridge' });
    await expectStep('25-error-combos', 'brctl addif br-a nosuch', await run(world, host, ns, ['brctl', 'addif', 'br-a', 'nosuch']));
    await expectStep('25-error-combos', 'brctl delbr br-a', await run(world, host, ns, ['brctl', 'delbr', 'br-a']));
  });

  it('static fdb entries on a port show as static, then delete; a second delete is ENOENT', async () => {
    const { world, host, ns } = veths();
    const br = ns.linkAdd({ name: 'br0', kind: 'bridge' });
    ns.setMaster(ns.devByName('p1')!, br);
    let r = await run(world, host, ns, ['bridge', 'fdb', 'add', '02:00:00:00:99:99', 'dev', 'p1', 'master', 'static']);
    expect(r.exit).toBe(0);
    r = await run(world, host, ns, ['bridge', 'fdb', 'show', 'dev', 'p1']);
    expect(r.stdout).toContain('02:00:00:00:99:99 master br0 static\n');
    expect(r.stdout).toContain('33:33:00:00:00:01 self permanent\n');
    r = await run(world, host, ns, ['bridge', 'fdb', 'add', '02:00:00:00:99:99', 'dev', 'p1', 'master', 'static']);
    expect(r).toEqual({ stdout: '', stderr: 'RTNETLINK answers: File exists\n', exit: 255 });
    r = await run(world, host, ns, ['bridge', 'fdb', 'del', '02:00:00:00:99:99', 'dev', 'p1', 'master']);
    expect(r.exit).toBe(0);
    r = await run(world, host, ns, ['bridge', 'fdb', 'del', '02:00:00:00:99:99', 'dev', 'p1', 'master']);
    expect(r).toEqual({ stdout: '', stderr: 'RTNETLINK answers: No such file or directory\n', exit: 255 });
    r = await run(world, host, ns, ['bridge', 'fdb', 'add', 'zz', 'dev', 'p1']);
    expect(r).toEqual({ stdout: '', stderr: 'Invalid mac address zz\n', exit: 255 });
  });
});

describe('bridge -s fdb', () => {
  it('is the plain listing with each entry\'s used/updated ages before "master"', async () => {
    const { world, host, ns } = fourNamespaces();
    const plain = await run(world, host, ns, ['bridge', 'fdb', 'show', 'br', 'v-net-0']);
    const stats = await run(world, host, ns, ['bridge', '-s', 'fdb', 'show', 'br', 'v-net-0']);
    const a = plain.stdout.trim().split('\n');
    const b = stats.stdout.trim().split('\n');
    expect(b.length).toBe(a.length);
    b.forEach((l, i) => expect(l.replace(/ used \d+\/\d+ master /, ' master ')).toBe(a[i]));
    expect(b.some((l) => / used \d+\/\d+ master /.test(l))).toBe(true);
  });
});
