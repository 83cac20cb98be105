// Lab: two namespaces joined by a virtual cable (a veth pair).
//
//   ┌──────── red ────────┐         ┌──────── blue ───────┐
//   │ veth-red            │─────────│           veth-blue │
//   │ 192.168.15.1/24     │  veth   │     192.168.15.2/24 │
//   └─────────────────────┘         └─────────────────────┘

import type { LabDef } from '../../src/labs/types.ts';
import { addrOnVethTo, all, distinctNs, netnsExists, reachesOver } from '../../src/labs/checks.ts';

const lab: LabDef = {
  id: 'namespaces-veth',
  title: 'Connect two namespaces with a veth pair',
  lesson: 'namespaces',
  goal:
    'Starting from a bare host, create network namespaces `red` and `blue`, join them with a veth pair, ' +
    'give red 192.168.15.1/24 and blue 192.168.15.2/24, and make them reach each other.',
  hints: [
    "Two rooms first: each namespace is created by name, and `ip netns` lists the ones that exist.",
    "The cable between them is a veth pair, two interfaces created together. Both ends start on the host; each must move into its own namespace.",
    "An interface carries nothing until it has an address with a prefix and is up, and both are set inside the namespace it now lives in (`ip -n NAME …`).",
    "`ip netns add red`, `ip netns add blue`, `ip link add veth-red type veth peer name veth-blue`, `ip link set veth-red netns red`, `ip link set veth-blue netns blue`, `ip -n red addr add 192.168.15.1/24 dev veth-red`, `ip -n blue addr add 192.168.15.2/24 dev veth-blue`, `ip -n red link set veth-red up`, `ip -n blue link set veth-blue up`.",
  ],
  solution: [
    'ip netns add red',
    'ip netns add blue',
    'ip link add veth-red type veth peer name veth-blue',
    'ip link set veth-red netns red',
    'ip link set veth-blue netns blue',
    'ip -n red addr add 192.168.15.1/24 dev veth-red',
    'ip -n blue addr add 192.168.15.2/24 dev veth-blue',
    'ip -n red link set veth-red up',
    'ip -n blue link set veth-blue up',
    'ip netns exec red ping -c 2 192.168.15.2',
  ],
  build() {},
  checks: [
    {
      id: 'namespaces',
      title: 'Namespaces red and blue exist (two separate namespaces)',
      run: async (ctx) => all(netnsExists(ctx, 'red'), netnsExists(ctx, 'blue'), distinctNs(ctx, ['red', 'blue'])),
    },
    {
      id: 'addresses',
      title: 'red has 192.168.15.1/24 and blue has 192.168.15.2/24, on the two ends of one veth pair, up',
      run: async (ctx) => all(addrOnVethTo(ctx, 'red', '192.168.15.1/24', 'blue'), addrOnVethTo(ctx, 'blue', '192.168.15.2/24', 'red')),
    },
    { id: 'red-to-blue', title: 'red reaches 192.168.15.2 in blue over the veth pair (ICMP echo)', run: (ctx) => reachesOver(ctx, 'red', '192.168.15.2', { at: 'blue', veth: true }) },
    { id: 'blue-to-red', title: 'blue reaches 192.168.15.1 in red over the veth pair (ICMP echo)', run: (ctx) => reachesOver(ctx, 'blue', '192.168.15.1', { at: 'red', veth: true }) },
  ],
  shortcuts: [
    {
      name: 'every address on lo in each namespace, no veth',
      commands: ['ip netns add red', 'ip netns add blue', ...['red', 'blue'].flatMap((n) => [`ip -n ${n} addr add 192.168.15.1/24 dev lo`, `ip -n ${n} addr add 192.168.15.2/24 dev lo`, `ip -n ${n} link set lo up`])],
      expect: ['addresses', 'red-to-blue', 'blue-to-red'],
    },
    {
      name: 'one namespace under two names (bind mount)',
      commands: ['ip netns add red', 'touch /run/netns/blue', 'mount --bind /run/netns/red /run/netns/blue', 'ip -n red addr add 192.168.15.1/24 dev lo', 'ip -n red addr add 192.168.15.2/24 dev lo', 'ip -n red link set lo up'],
      expect: ['namespaces', 'red-to-blue'],
    },
    {
      name: 'a veth pair inside one namespace, under two names',
      commands: ['ip netns add red', 'touch /run/netns/blue', 'mount --bind /run/netns/red /run/netns/blue', 'ip -n red link add veth-red type veth peer name veth-blue', 'ip -n red addr add 192.168.15.1/24 dev veth-red', 'ip -n red addr add 192.168.15.2/24 dev veth-blue', 'ip -n red link set veth-red up', 'ip -n red link set veth-blue up'],
      expect: ['namespaces', 'red-to-blue'],
    },
  ],
};

export default lab;
