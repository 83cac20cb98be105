// Lab: four namespaces and the host on one virtual switch.
//
//        red .1     blue .2    orange .3    gray .4
//          │           │           │           │
//   ═══════╧═══════════╧═══ v-net-0 ═══════════╧═══ host 192.168.15.5
//                    (Linux bridge, 192.168.15.0/24)

import type { LabDef } from '../../src/labs/types.ts';
import { all, distinctNs, hasAddr, netnsExists, reachesOver } from '../../src/labs/checks.ts';
import type { CheckCtx } from '../../src/labs/checks.ts';
import type { CheckOutcome } from '../../src/labs/types.ts';
import { m } from '../../src/labs/messages.ts';

/** Probes one after another (each answered in its namespace, across the bridge), combined. */
async function allOver(ctx: CheckCtx, probes: [string, number][]): Promise<CheckOutcome> {
  const outs: CheckOutcome[] = [];
  for (const [from, i] of probes) outs.push(await reachesOver(ctx, from, ip(i), { at: NS[i]!, bridge: 'v-net-0' }));
  return all(...outs);
}

const NS = ['red', 'blue', 'orange', 'gray'] as const;
const ip = (i: number): string => `192.168.15.${i + 1}`;

const lab: LabDef = {
  id: 'namespaces-bridge',
  title: 'A virtual switch for four namespaces',
  lesson: 'namespaces',
  goal:
    'Starting from a bare host, create namespaces `red`, `blue`, `orange` and `gray` with 192.168.15.1–4/24, ' +
    'attach each one to a Linux bridge `v-net-0` on the host, and give the host itself 192.168.15.5/24 on `v-net-0`. ' +
    'Every namespace must reach every other one, and the host must reach each of them.',
  hints: [
    "A switch for namespaces is a bridge: an interface on the host that, like every interface, must exist and be up.",
    "Each namespace gets its own veth pair: one end moves into the namespace, the other stays on the host and becomes a port of the bridge (the bridge is its `master`).",
    "Check every end: an address with a prefix inside each namespace, and `up` on both sides of every pair. A bridge port that is down forwards nothing (`bridge link` lists the ports and their state).",
    "The host joins through the bridge's own address. For each namespace NAME: `ip link add veth-NAME type veth peer name veth-NAME-br`, `ip link set veth-NAME netns NAME`, `ip link set veth-NAME-br master v-net-0`, the address, and `up` on both ends; then `ip addr add 192.168.15.5/24 dev v-net-0`.",
  ],
  solution: [
    'ip link add v-net-0 type bridge',
    'ip link set dev v-net-0 up',
    ...NS.flatMap((n, i) => [
      `ip netns add ${n}`,
      `ip link add veth-${n} type veth peer name veth-${n}-br`,
      `ip link set veth-${n} netns ${n}`,
      `ip link set veth-${n}-br master v-net-0`,
      `ip -n ${n} addr add ${ip(i)}/24 dev veth-${n}`,
      `ip -n ${n} link set veth-${n} up`,
      `ip link set veth-${n}-br up`,
    ]),
    'ip addr add 192.168.15.5/24 dev v-net-0',
    'ping -c 1 192.168.15.1',
  ],
  build() {},
  checks: [
    {
      id: 'namespaces',
      title: 'Namespaces red, blue, orange and gray exist with their addresses',
      run: async (ctx) => all(...NS.map((n) => netnsExists(ctx, n)), distinctNs(ctx, [...NS]), ...NS.map((n, i) => hasAddr(ctx, n, `${ip(i)}/24`))),
    },
    {
      id: 'bridge',
      title: 'The host has 192.168.15.5/24 on bridge v-net-0',
      run: async (ctx) => {
        const k = ctx.world.host(ctx.host);
        const br = k.initNs.devByName('v-net-0');
        if (!br || br.kind !== 'bridge') return { passed: false, msg: m('http.noBridgeVNet') };
        return hasAddr(ctx, ':', '192.168.15.5/24', 'v-net-0');
      },
    },
    {
      id: 'mesh',
      title: 'Every namespace reaches every other namespace',
      run: (ctx) => allOver(ctx, NS.flatMap((a) => NS.filter((b) => b !== a).map((b) => [a, NS.indexOf(b)] as [string, number]))),
    },
    {
      id: 'host',
      title: 'The host reaches each namespace',
      run: (ctx) => allOver(ctx, NS.map((_, i) => [':', i] as [string, number])),
    },
    { id: 'ns-to-host', title: 'gray reaches the host at 192.168.15.5', run: (ctx) => reachesOver(ctx, 'gray', '192.168.15.5', { at: ':', bridge: 'v-net-0' }) },
  ],
  shortcuts: [
    {
      name: 'every address on lo in every namespace and on the host',
      commands: [
        'ip link add v-net-0 type bridge',
        'ip link set dev v-net-0 up',
        'ip addr add 192.168.15.5/24 dev v-net-0',
        ...NS.flatMap((n) => [`ip netns add ${n}`, `ip -n ${n} link set lo up`, ...NS.map((_, i) => `ip -n ${n} addr add ${ip(i)}/24 dev lo`), `ip -n ${n} addr add 192.168.15.5/32 dev lo`]),
        ...NS.map((_, i) => `ip addr add ${ip(i)}/32 dev lo`),
      ],
      expect: ['mesh', 'host', 'ns-to-host'],
    },
  ],
};

export default lab;
