// Netfilter benchmarks: iptables-restore of 20,000 rules, and the cost of one
// packet traversing a 10,000-rule chain (every rule tested, none matching,
// the policy decides). Exported for `npm run bench` (the lead wires them in).

import '../src/userland/net/nf-index.ts';
import { performance } from 'node:perf_hooks';
import { StringOut, devNullIn } from '../src/kernel/proc.ts';
import { bareWorld } from '../src/world/world.ts';
import { restore } from '../src/userland/net/iptables/iptables.ts';
import { nfTable } from '../src/kernel/netfilter/netfilter.ts';
import type { Skb } from '../src/kernel/stack.ts';
import { runScript } from '../src/session/session.ts';

function hostProcess() {
  const w = bareWorld(1);
  const k = w.host('host');
  const p = k.procs.spawn({ ppid: 1, argv: ['iptables-restore'], env: {}, cwd: '/tmp', netns: k.initNs, stdin: devNullIn, stdout: new StringOut(), stderr: new StringOut(), exec: async () => 0 });
  return { w, k, p };
}

/** A restore file with `n` rules in one chain (no rule matches 10.0.0.1 → 10.0.0.2 ICMP). */
function rulesText(n: number, chain: string): string {
  let s = `*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n${chain === 'INPUT' ? '' : `:${chain} - [0:0]\n`}`;
  for (let i = 0; i < n; i++) s += `-A ${chain} -s 172.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}/32 -p tcp -m tcp --dport ${1 + (i % 60000)} -j DROP\n`;
  return s + 'COMMIT\n';
}

export const benches = [
  {
    name: 'iptables-restore 20000 rules',
    run: async () => {
      const { p } = hostProcess();
      const text = rulesText(20000, 'BIG');
      const t0 = performance.now();
      const o = restore(p, text, { noflush: false, counters: false, test: false });
      const ms = performance.now() - t0;
      if (o.status !== 0) throw new Error(o.stderr);
      return { rules: nfTable(p.netns as never, 'filter')!.chains.get('BIG')!.rules.length, 'total ms': Math.round(ms), 'µs per rule': +((ms * 1000) / 20000).toFixed(2) };
    },
  },
  ...[5000, 20000].map((n) => ({
    // One iptables process per rule from a shell loop (issue 17): near-linear since commits re-check only new rules.
    name: `shell loop appending ${n} rules`,
    run: async () => {
      const w = bareWorld(1);
      const t0 = performance.now();
      const [step] = await runScript(w, [`for i in $(seq 1 ${n}); do iptables -A INPUT -s 10.0.$((i/250)).$((i%250)) -j ACCEPT; done; iptables -S INPUT | wc -l`]);
      const ms = performance.now() - t0;
      if (step.stdout.trim() !== String(n + 1)) throw new Error(step.stderr || step.stdout);
      return { rules: n, 'total ms': Math.round(ms), 'µs per rule': +((ms * 1000) / n).toFixed(0), 'virtual ms': Math.round(w.clock.now) };
    },
  })),
  {
    name: 'packet through a 10000-rule chain',
    run: async () => {
      const { k, p } = hostProcess();
      const o = restore(p, rulesText(10000, 'INPUT'), { noflush: false, counters: false, test: false });
      if (o.status !== 0) throw new Error(o.stderr);
      const nf = k.stack.netfilter!;
      const lo = k.initNs.lo;
      const N = 200;
      const t0 = performance.now();
      for (let i = 0; i < N; i++) {
        const skb: Skb = { pkt: { src: 0x0a000001, dst: 0x0a000002, ttl: 64, tos: 0, id: i, df: false, payload: { proto: 'icmp', type: 8, code: 0, id: 1, seq: i, dataLen: 56 } }, mark: 0, inDev: lo, hops: 0, local: false };
        if (nf.hook('INPUT', k.initNs, skb, lo, undefined) !== 'accept') throw new Error('dropped');
      }
      const ms = performance.now() - t0;
      return { rules: 10000, packets: N, 'µs per packet': +((ms * 1000) / N).toFixed(1), 'ns per rule': +((ms * 1e6) / N / 10000).toFixed(1) };
    },
  },
];

if (import.meta.url === `file://${process.argv[1]}`) for (const b of benches) console.log(b.name, await b.run());
