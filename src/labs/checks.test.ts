import { describe, expect, it } from 'vitest';
import { listLabs, makeLabWorld, runChecks } from './index.ts';
import { Builder } from './build.ts';

describe('lab start states fail their checks, with helpful messages', () => {
  for (const lab of listLabs()) {
    it(`${lab.id}: untouched start fails`, async () => {
      const res = await runChecks(lab.id, makeLabWorld(lab.id, 1));
      expect(res.length).toBeGreaterThan(0);
      expect(res.some((r) => !r.passed)).toBe(true);
      for (const r of res) expect(r.message.length).toBeGreaterThan(10);
    });
  }
});

describe('routing-two-subnets explains each near miss by the packet path', () => {
  it('no gateway: left has no route', async () => {
    const res = await runChecks('routing-two-subnets', makeLabWorld('routing-two-subnets', 1));
    expect(res[0].passed).toBe(false);
    expect(res[0].message).toContain('Network is unreachable');
  });

  it('gateways but forwarding off: dropped in router because ip_forward is 0', async () => {
    const w = makeLabWorld('routing-two-subnets', 1);
    const b = new Builder(w);
    b.route('left', 'default', '10.1.1.1');
    b.route('right', 'default', '10.2.2.1');
    const res = await runChecks('routing-two-subnets', w);
    expect(res[0].passed).toBe(false);
    expect(res[0].message).toContain('ip_forward is 0');
    expect(res[0].message).toContain('host/router');
  });

  it('forwarding on but right has no way back: the reply is lost', async () => {
    const w = makeLabWorld('routing-two-subnets', 1);
    const b = new Builder(w);
    b.route('left', 'default', '10.1.1.1');
    b.forwarding('router', true);
    const res = await runChecks('routing-two-subnets', w);
    expect(res[0].passed).toBe(false);
    expect(res[0].message).toMatch(/reached host\/right but no reply came back/);
  });

  it('all three fixes: both checks pass', async () => {
    const w = makeLabWorld('routing-two-subnets', 1);
    const b = new Builder(w);
    b.route('left', 'default', '10.1.1.1');
    b.route('right', 'default', '10.2.2.1');
    b.forwarding('router', true);
    const res = await runChecks('routing-two-subnets', w);
    expect(res.map((r) => r.passed)).toEqual([true, true]);
  });
});

describe('namespaces-bridge passes when built by any correct means', () => {
  it('built with the topology builder (different veth names than the reference)', async () => {
    const w = makeLabWorld('namespaces-bridge', 1);
    const b = new Builder(w);
    b.bridge('v-net-0');
    ['red', 'blue', 'orange', 'gray'].forEach((n, i) => {
      b.netns(n);
      b.veth(`${n}:eth0`, `-:br-${n}`);
      b.master(`br-${n}`, 'v-net-0');
      b.addr(`${n}:eth0`, `192.168.15.${i + 1}/24`);
      b.up(`${n}:eth0`, `br-${n}`);
    });
    b.up('v-net-0');
    b.addr('v-net-0', '192.168.15.5/24');
    const res = await runChecks('namespaces-bridge', w);
    expect(res.filter((r) => !r.passed)).toEqual([]);
  });
});
