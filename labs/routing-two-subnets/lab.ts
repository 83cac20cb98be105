// Lab: a router namespace between two subnets.
//
//   left                      router                      right
//   eth0 10.1.1.10/24 ─── eth0 10.1.1.1/24                    
//                            eth1 10.2.2.1/24 ─── eth0 10.2.2.10/24
//
// Start: links up, connected routes only, forwarding off.

import type { LabDef } from '../../src/labs/types.ts';
import { reachesOver } from '../../src/labs/checks.ts';

const lab: LabDef = {
  id: 'routing-two-subnets',
  title: 'Route between two subnets',
  lesson: 'switching-routing',
  goal:
    'Namespaces `left` (10.1.1.10/24) and `right` (10.2.2.10/24) sit on two different networks, joined by the namespace `router` ' +
    '(10.1.1.1 on eth0, 10.2.2.1 on eth1). All links are up, but nothing routes between the networks yet. ' +
    'Make left reach 10.2.2.10 and right reach 10.1.1.10.',
  hints: [
    "Start with the symptom: ping 10.2.2.10 from left (`ip netns exec left ping -c 1 10.2.2.10`) and read the error. Does left know any way to 10.2.2.0/24 (`ip -n left route`)?",
    "A host reaches another network through a gateway on its own network: which of the router's addresses is on left's network, and which on right's? Routes are one way, so both end hosts need one.",
    "With both routes in place the router still drops packets that are not addressed to itself: passing packets between interfaces is a kernel setting of each namespace, off by default.",
    "`ip -n left route add default via 10.1.1.1`, `ip -n right route add default via 10.2.2.1`, then `ip netns exec router sysctl -w net.ipv4.ip_forward=1`.",
  ],
  solution: [
    'ip -n left route add default via 10.1.1.1',
    'ip -n right route add default via 10.2.2.1',
    'ip netns exec router sysctl -w net.ipv4.ip_forward=1',
    'ip netns exec left ping -c 2 10.2.2.10',
  ],
  build(b) {
    b.netns('left', 'router', 'right');
    b.veth('left:eth0', 'router:eth0');
    b.veth('router:eth1', 'right:eth0');
    b.addr('left:eth0', '10.1.1.10/24');
    b.addr('router:eth0', '10.1.1.1/24');
    b.addr('router:eth1', '10.2.2.1/24');
    b.addr('right:eth0', '10.2.2.10/24');
    b.up('left:eth0', 'router:eth0', 'router:eth1', 'right:eth0');
  },
  checks: [
    { id: 'left-to-right', title: 'left reaches 10.2.2.10 (right), routed by router', run: (ctx) => reachesOver(ctx, 'left', '10.2.2.10', { at: 'right', via: ['router'] }) },
    { id: 'right-to-left', title: 'right reaches 10.1.1.10 (left), routed by router', run: (ctx) => reachesOver(ctx, 'right', '10.1.1.10', { at: 'left', via: ['router'] }) },
  ],
  shortcuts: [
    {
      name: "each side's peer address on its own lo",
      commands: ['ip -n left addr add 10.2.2.10/32 dev lo', 'ip -n left link set lo up', 'ip -n right addr add 10.1.1.10/32 dev lo', 'ip -n right link set lo up'],
      expect: ['left-to-right', 'right-to-left'],
    },
    {
      name: 'a direct cable between left and right, bypassing router',
      commands: [
        'ip link add lr type veth peer name rl',
        'ip link set lr netns left',
        'ip link set rl netns right',
        'ip -n left addr add 10.9.9.1/24 dev lr',
        'ip -n right addr add 10.9.9.2/24 dev rl',
        'ip -n left link set lr up',
        'ip -n right link set rl up',
        'ip -n left route add 10.2.2.0/24 via 10.9.9.2',
        'ip -n right route add 10.1.1.0/24 via 10.9.9.1',
      ],
      expect: ['left-to-right', 'right-to-left'],
    },
  ],
};

export default lab;
