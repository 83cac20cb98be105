// "Nothing unmodelled is silently accepted": every option a command's spec
// marks notSimulated is refused with the one message and a non-zero status;
// every letter of a getopt string is listed in the spec (honoured or marked);
// and every honoured option of an audited command is exercised by a recorded
// scenario or a unit test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { World } from '../world/world.ts';
import { run } from '../../test/kit.ts';
import './index.ts';
import { allCommands, notSimulatedItems, NOT_SIMULATED_STATUS } from './registry.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const spellings = (flag: string): string[] => flag.split(/,\s*/);

/** Command lines of recorded scenarios and unit tests: where an honoured option must show up. */
function corpus(): string {
  const out: string[] = [];
  const walk = (dir: string, pred: (f: string) => boolean): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names) {
      const f = join(dir, n);
      if (n === 'node_modules' || n.startsWith('.')) continue;
      if (statSync(f).isDirectory()) walk(f, pred);
      else if (pred(f)) out.push(readFileSync(f, 'utf8'));
    }
  };
  walk(join(ROOT, 'fidelity', 'scenarios'), (f) => f.endsWith('.sh'));
  walk(join(ROOT, '..', 'shared', 'fidelity', 'scenarios'), (f) => f.endsWith('.sh'));
  walk(join(ROOT, 'src'), (f) => f.endsWith('.test.ts') && !f.endsWith('not-simulated.test.ts'));
  return out.join('\n');
}

/** Commands whose options were audited (docs/not-simulated.md). */
const AUDITED = ['ping', 'conntrack', 'bridge', 'tcpdump', 'nc', 'ss', 'curl'];

describe('not simulated: refused, listed, never silently accepted', () => {
  it('every option marked notSimulated is refused with "<tool>: <option>: not simulated" and a non-zero status', async () => {
    let n = 0;
    for (const c of allCommands()) {
      for (const o of c.options ?? []) {
        if (o.notSimulated === undefined) continue;
        const flag = spellings(o.flag)[0];
        const argv = [c.name, flag, ...(o.arg ? [o.probeArg ?? '1'] : []), ...(o.probe ? o.probe.split(' ') : [])];
        const world = new World({ seed: 1 });
        const host = world.addHost('host');
        const r = await run(world, host, host.initNs, argv);
        expect(r.stderr, argv.join(' ')).toBe(`${c.name}: ${flag}: not simulated\n`);
        expect(r.exit, argv.join(' ')).toBe(NOT_SIMULATED_STATUS);
        expect(r.stdout, argv.join(' ')).toBe('');
        n++;
      }
    }
    expect(n).toBeGreaterThan(20);
  });

  it('every letter a command parses with getopt is in its spec, honoured or marked', () => {
    let n = 0;
    for (const c of allCommands()) {
      if (!c.optstring) continue;
      const listed = new Set((c.options ?? []).flatMap((o) => spellings(o.flag)));
      for (const ch of c.optstring.replace(/:/g, '')) {
        expect(listed.has(`-${ch}`), `${c.name} parses -${ch} but its spec does not list it`).toBe(true);
        n++;
      }
    }
    expect(n).toBeGreaterThan(30);
  });

  it('every honoured option of an audited command is exercised by a recorded scenario or a unit test', () => {
    const text = corpus();
    const lines = text.split('\n');
    const missing: string[] = [];
    for (const name of AUDITED) {
      const c = allCommands().find((x) => x.name === name)!;
      for (const o of c.options ?? []) {
        if (o.notSimulated !== undefined) continue;
        const used = spellings(o.flag).some((f) => {
          // A short flag also counts inside a bundle (`ss -ltn` uses -l, -t and -n).
          const pat = /^-[A-Za-z0-9]$/.test(f) ? `-[A-Za-z0-9]*${f[1]}[A-Za-z0-9]*` : f.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
          const re = new RegExp(`(^|[\\s'"\\[,])${pat}(?=$|[\\s'",=\\]])`);
          return lines.some((l) => l.includes(name) && re.test(l));
        });
        if (!used) missing.push(`${name} ${o.flag}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the generated list on /reference/ holds every marked option and every declared item', () => {
    const items = notSimulatedItems();
    expect(items.some((i) => i.tool === 'ping' && i.item === '-m')).toBe(true);
    expect(items.some((i) => i.tool === 'ip' && i.item.endsWith('bridge_slave guard'))).toBe(true);
    for (const i of items) expect(i.why.length, `${i.tool} ${i.item}`).toBeGreaterThan(0);
  });

  it('declared sub-options are refused too: ip link set … type bridge_slave guard on', async () => {
    const world = new World({ seed: 1 });
    const host = world.addHost('host');
    const ns = host.initNs;
    await run(world, host, ns, ['ip', 'link', 'add', 'v0', 'type', 'veth', 'peer', 'name', 'v1']);
    await run(world, host, ns, ['ip', 'link', 'add', 'br0', 'type', 'bridge']);
    await run(world, host, ns, ['ip', 'link', 'set', 'v0', 'master', 'br0']);
    const r = await run(world, host, ns, ['ip', 'link', 'set', 'v0', 'type', 'bridge_slave', 'guard', 'on']);
    expect(r).toEqual({ stdout: '', stderr: 'ip: bridge_slave guard: not simulated\n', exit: NOT_SIMULATED_STATUS });
    const ok = await run(world, host, ns, ['ip', 'link', 'set', 'v0', 'type', 'bridge_slave', 'learning', 'off', 'cost', '7']);
    expect(ok.exit).toBe(0);
    expect(ns.devByName('v0')!.port).toMatchObject({ learning: false, cost: 7 });
  });

  it('a sysctl the kernel keeps but does not model refuses a change (the same value is a no-op)', async () => {
    const world = new World({ seed: 1 });
    const host = world.addHost('host');
    const ns = host.initNs;
    const r = await run(world, host, ns, ['sysctl', '-w', 'net.ipv4.tcp_keepalive_time=60']);
    expect(r).toEqual({ stdout: '', stderr: 'sysctl: net.ipv4.tcp_keepalive_time: not simulated\n', exit: NOT_SIMULATED_STATUS });
    expect((await run(world, host, ns, ['sysctl', '-n', 'net.ipv4.tcp_keepalive_time'])).stdout).toBe('7200\n');
    expect((await run(world, host, ns, ['sysctl', '-w', 'net.ipv4.tcp_keepalive_time=7200'])).exit).toBe(0);
    const conf = await run(world, host, ns, ['sysctl', '-w', 'net.ipv4.conf.lo.log_martians=1']);
    expect(conf.stderr).toBe('sysctl: net.ipv4.conf.lo.log_martians: not simulated\n');
    // Modelled ones still change.
    expect((await run(world, host, ns, ['sysctl', '-w', 'net.ipv4.ip_default_ttl=32'])).exit).toBe(0);
    expect(notSimulatedItems().some((i) => i.tool === 'sysctl' && i.item === 'net.ipv4.conf.*.log_martians')).toBe(true);
  });

  it('vxlan attributes and bridge fdb options the kernel model lacks are refused, not swallowed', async () => {
    const world = new World({ seed: 1 });
    const host = world.addHost('host');
    const ns = host.initNs;
    const vx = await run(world, host, ns, ['ip', 'link', 'add', 'vx0', 'type', 'vxlan', 'id', '5', 'dstport', '4789', 'ttl', '10']);
    expect(vx).toEqual({ stdout: '', stderr: 'ip: vxlan ttl: not simulated\n', exit: NOT_SIMULATED_STATUS });
    expect(ns.devByName('vx0')).toBeUndefined();
    expect((await run(world, host, ns, ['ip', 'link', 'add', 'vx0', 'type', 'vxlan', 'id', '5', 'dstport', '4789'])).exit).toBe(0);
    const fdb = await run(world, host, ns, ['bridge', 'fdb', 'append', '00:00:00:00:00:00', 'dev', 'vx0', 'dst', '192.0.2.1', 'port', '4790']);
    expect(fdb).toEqual({ stdout: '', stderr: 'bridge: fdb … port: not simulated\n', exit: NOT_SIMULATED_STATUS });
    expect(notSimulatedItems().some((i) => i.tool === 'bridge' && i.item === 'fdb … vni')).toBe(true);
  });
});
