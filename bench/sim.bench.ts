// Simulation benchmarks: packets through the simulated stack in virtual
// time, measured in wall time and heap. Figures only — tests never assert time.

import '../src/userland/net/ping.ts';
import { makeLabWorld } from '../src/labs/index.ts';
import { Builder } from '../src/labs/build.ts';
import { StringOut, devNullIn } from '../src/kernel/proc.ts';
import { lookupCommand } from '../src/userland/registry.ts';
import type { Bench, Row } from './run.ts';

/** The namespaces-bridge lab's solved state, built directly. */
function fourNamespaceBridge() {
  const w = makeLabWorld('namespaces-bridge', 1);
  const b = new Builder(w);
  b.bridge('v-net-0');
  ['red', 'blue', 'orange', 'gray'].forEach((n, i) => {
    b.netns(n);
    b.veth(`${n}:veth-${n}`, `-:veth-${n}-br`);
    b.master(`veth-${n}-br`, 'v-net-0');
    b.addr(`${n}:veth-${n}`, `192.168.15.${i + 1}/24`);
    b.up(`${n}:veth-${n}`, `veth-${n}-br`);
  });
  b.up('v-net-0');
  b.addr('v-net-0', '192.168.15.5/24');
  return { w, b };
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

export const simBenches: Bench[] = [
  {
    name: 'sim:ping-10000',
    about: '10,000 pings red → gray across the 4-namespace bridge (ping -c 10000 -i 0.2 -q), virtual time',
    async run(): Promise<Row[]> {
      const { w, b } = fourNamespaceBridge();
      const host = w.host('host');
      const red = b.ns('red');
      const stdout = new StringOut();
      const p = host.procs.spawn({ ppid: 1, argv: ['ping', '-c', '10000', '-i', '0.2', '-q', '192.168.15.4'], env: {}, cwd: '/tmp', netns: red, stdin: devNullIn, stdout, stderr: stdout, exec: async () => 127 });
      (globalThis as { gc?: () => void }).gc?.();
      const heap0 = process.memoryUsage().heapUsed;
      const t0 = performance.now();
      const r = await w.run(Promise.resolve(lookupCommand('ping')!.run(p)), { maxVirtualMs: 10 * 3600_000 });
      const ms = performance.now() - t0;
      const heap1 = process.memoryUsage().heapUsed;
      const summary = stdout.text.split('\n').find((l) => l.includes('packets transmitted')) ?? '?';
      return [
        { metric: 'result', value: summary },
        { metric: 'exit', value: r.done ? String(r.value) : r.reason },
        { metric: 'virtual time', value: `${(w.clock.now / 1000).toFixed(1)} s` },
        { metric: 'wall time', value: `${ms.toFixed(0)} ms` },
        { metric: 'per ping (echo + reply, 4 hops each way)', value: `${((ms * 1000) / 10000).toFixed(1)} µs` },
        { metric: 'timers fired', value: w.clock.fired },
        { metric: 'heap growth', value: mb(heap1 - heap0) },
        { metric: 'heap used', value: mb(heap1) },
      ];
    },
  },
];
