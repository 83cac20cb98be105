// Break-fix lab: a router forwards, but one side has no route back.
//
//   desk                        rtr                          srv
//   eth0 172.16.1.10/24 ─── eth0 172.16.1.1/24
//                            eth1 172.16.2.1/24 ─── eth0 172.16.2.20/24
//
// Start: rtr forwards (ip_forward = 1); desk's default route points at rtr;
// srv has only a route to 172.16.3.0/24 via rtr (a network that does not
// exist here) — no way back to 172.16.1.0/24.

import type { LabDef } from '../../src/labs/types.ts';
import { reachesThrough } from '../breakfix-checks.ts';

const lab: LabDef = {
  id: 'fix-return-route',
  title: 'Fix it: no answer from the server',
  lesson: 'switching-routing',
  goal:
    'A ticket: "From `desk` (172.16.1.10), `ping 172.16.2.20` — the server `srv` — gets no answer. Both of them can ping the router `rtr`." ' +
    'rtr already forwards between its two networks and must stay as it is. Find what is broken and fix it, so that desk and srv reach each other in both directions through rtr.',
  hints: [
    'Start from the symptom and follow the packet: ping srv from desk, and while it runs look at what arrives on srv (`tcpdump` inside srv\'s namespace). Does the echo request get there?',
    'If the request arrives but no reply leaves, the problem is on the way back. Ask srv how it would send a packet to desk: `ip route get` inside srv\'s namespace.',
    'A reply needs a route back just as the request needed one forward. Compare srv\'s routing table with desk\'s: one of srv\'s routes points at a network that does not exist here.',
    '`ip -n srv route add 172.16.1.0/24 via 172.16.2.1` (a default route via 172.16.2.1 works too; you may delete the wrong route).',
  ],
  solution: [
    'ip netns exec srv ip route',
    'ip netns exec srv ip route get 172.16.1.10',
    'ip -n srv route add 172.16.1.0/24 via 172.16.2.1',
    'ip netns exec desk ping -c 1 172.16.2.20',
  ],
  build(b) {
    b.netns('desk', 'rtr', 'srv');
    b.veth('desk:eth0', 'rtr:eth0');
    b.veth('rtr:eth1', 'srv:eth0');
    b.addr('desk:eth0', '172.16.1.10/24');
    b.addr('rtr:eth0', '172.16.1.1/24');
    b.addr('rtr:eth1', '172.16.2.1/24');
    b.addr('srv:eth0', '172.16.2.20/24');
    b.up('desk:eth0', 'rtr:eth0', 'rtr:eth1', 'srv:eth0');
    b.forwarding('rtr', true);
    b.route('desk', 'default', '172.16.1.1');
    b.route('srv', '172.16.3.0/24', '172.16.2.1');
  },
  shortcuts: [
    { name: 'rtr masquerades instead of srv getting a route back', commands: ['ip netns exec rtr iptables -t nat -A POSTROUTING -o eth1 -j MASQUERADE'], expect: ['srv-to-desk'] },
    { name: "each side gets a local copy of the other's address", commands: ['ip -n desk addr add 172.16.2.20/32 dev lo', 'ip -n srv addr add 172.16.1.10/32 dev lo'], expect: ['desk-to-srv', 'srv-to-desk'] },
  ],
  checks: [
    { id: 'desk-to-srv', title: 'desk reaches srv (172.16.2.20) through rtr', run: (ctx) => reachesThrough(ctx, 'desk', '172.16.2.20', 'srv', 'rtr') },
    { id: 'srv-to-desk', title: 'srv reaches desk (172.16.1.10) through rtr', run: (ctx) => reachesThrough(ctx, 'srv', '172.16.1.10', 'desk', 'rtr') },
  ],
};

export default lab;
