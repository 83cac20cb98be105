// What kube-proxy needs from iptables, as recorded on iptables 1.8.9
// (nf_tables) in a fresh namespace:
//   iptables -t nat -A POSTROUTING -j MASQUERADE --random-fully; iptables -t nat -S
//     -A POSTROUTING -j MASQUERADE --random-fully
//   iptables -t nat -L POSTROUTING
//     MASQUERADE  all  --  anywhere             anywhere             random-fully
//   iptables-restore -w 5 -W 100000 --noflush  (exit 0: xtables-restore ignores
//   -w/-W and skips a following non-option word, xs_has_arg)

import { describe, expect, it } from 'vitest';
import '../index.ts';
import { World } from '../../world/world.ts';
import { spawnWith } from '../../shell/exec.ts';
import { StringIn, StringOut } from '../../kernel/proc.ts';

async function sh(w: World, argv: string[], stdin = ''): Promise<{ code: number; out: string }> {
  const k = w.host('h');
  const out = new StringOut();
  const r = spawnWith(k, 1, argv, { env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', netns: k.initNs, stdin: new StringIn(stdin), stdout: out, stderr: out }, (p) => p.exec(p, argv));
  const d = await w.run(r.done, { maxVirtualMs: 10_000 });
  return { code: d.done ? d.value : -1, out: out.text };
}

describe('iptables as kube-proxy uses it', () => {
  it('prints MASQUERADE --random-fully back as written', async () => {
    const w = new World({ seed: 1 });
    w.addHost('h');
    await sh(w, ['iptables', '-t', 'nat', '-A', 'POSTROUTING', '-j', 'MASQUERADE', '--random-fully']);
    await sh(w, ['iptables', '-t', 'nat', '-A', 'POSTROUTING', '-j', 'MASQUERADE', '--random', '--random-fully']);
    expect((await sh(w, ['iptables', '-t', 'nat', '-S', 'POSTROUTING'])).out).toBe('-P POSTROUTING ACCEPT\n-A POSTROUTING -j MASQUERADE --random-fully\n-A POSTROUTING -j MASQUERADE --random --random-fully\n');
    const l = (await sh(w, ['iptables', '-t', 'nat', '-L', 'POSTROUTING'])).out.split('\n');
    expect(l[2]).toBe('MASQUERADE  all  --  anywhere             anywhere             random-fully');
    expect(l[3]).toBe('MASQUERADE  all  --  anywhere             anywhere             random random-fully');
  });

  it('iptables-restore accepts -w 5 -W 100000', async () => {
    const w = new World({ seed: 1 });
    w.addHost('h');
    const r = await sh(w, ['iptables-restore', '-w', '5', '-W', '100000', '--noflush'], '*nat\n-A POSTROUTING -j ACCEPT\nCOMMIT\n');
    expect(r).toEqual({ code: 0, out: '' });
    expect((await sh(w, ['iptables', '-t', 'nat', '-S', 'POSTROUTING'])).out).toBe('-P POSTROUTING ACCEPT\n-A POSTROUTING -j ACCEPT\n');
    expect((await sh(w, ['iptables-restore', '-w5', '--wait-interval=100', '-n'], '*nat\nCOMMIT\n')).code).toBe(0);
  });
});
