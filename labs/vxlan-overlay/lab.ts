// Overlay lab: two "pods" on two nodes in different subnets behind a router
// that knows only the node networks. The pods reach each other only through
// a VXLAN tunnel the learner builds between the nodes.
//
//   pod-a 10.244.1.10 ── node1 (eth0 192.168.10.11) ── rtr ── (eth0 192.168.20.12) node2 ── pod-b 10.244.2.10
//         veth, gw 10.244.1.1                     192.168.10.1 | 192.168.20.1          veth, gw 10.244.2.1
//
// Every box is a network namespace on one machine (the pods' namespaces
// stand for pod sandboxes). Both nodes forward; neither knows the other's
// pod subnet; rtr forwards between the node networks and must stay as it is.

import type { LabDef } from '../../src/labs/types.ts';
import { routerUntouched, tunnelledPing } from '../overlay-checks.ts';

const lab: LabDef = {
  id: 'vxlan-overlay',
  title: 'A VXLAN tunnel between two nodes',
  lesson: 'overlays',
  goal:
    'Two nodes, `node1` (192.168.10.11) and `node2` (192.168.20.12), sit in different subnets behind the router `rtr`, which forwards between them and knows nothing about pods. ' +
    'On node1 runs the pod `pod-a` (10.244.1.10), on node2 the pod `pod-b` (10.244.2.10); each node already routes for its own pod. ' +
    'Make pod-a and pod-b reach each other with their own addresses, with the pod traffic crossing rtr inside a VXLAN tunnel between the nodes on UDP port 4789. Leave rtr as it is: no routes, rules or addresses added there. ' +
    'Each box is a network namespace (`ip -n node1 …`, `ip netns exec node1 …`).',
  hints: [
    'First see why it fails: `ip netns exec pod-a ping -c 1 10.244.2.10`, and ask node1 where it would send that packet (`ip -n node1 route get 10.244.2.10`). Who could know the way to 10.244.2.0/24?',
    'The router must not learn the pod subnets, so the packets for them have to cross it looking like traffic between the two nodes. A VXLAN device on each node wraps whole frames in UDP sent from one node address to the other.',
    'Each node needs a vxlan device with the same VNI, the other node as its remote, its own node address as local and dstport 4789; bring it up. Then the nodes need a way to route the other pod subnet into the tunnel: an address on each tunnel device in a small shared subnet, and a route to the other pod subnet via the other end.',
    'On node1: `ip -n node1 link add vxlan0 type vxlan id 100 remote 192.168.20.12 local 192.168.10.11 dev eth0 dstport 4789`, `ip -n node1 addr add 172.31.0.1/24 dev vxlan0`, `ip -n node1 link set vxlan0 up`, `ip -n node1 route add 10.244.2.0/24 via 172.31.0.2`; the mirror image on node2 (172.31.0.2, route to 10.244.1.0/24 via 172.31.0.1).',
  ],
  solution: [
    'ip netns exec pod-a ping -c 1 -W 1 10.244.2.10',
    'ip -n node1 link add vxlan0 type vxlan id 100 remote 192.168.20.12 local 192.168.10.11 dev eth0 dstport 4789',
    'ip -n node2 link add vxlan0 type vxlan id 100 remote 192.168.10.11 local 192.168.20.12 dev eth0 dstport 4789',
    'ip -n node1 addr add 172.31.0.1/24 dev vxlan0',
    'ip -n node2 addr add 172.31.0.2/24 dev vxlan0',
    'ip -n node1 link set vxlan0 up',
    'ip -n node2 link set vxlan0 up',
    'ip -n node1 route add 10.244.2.0/24 via 172.31.0.2',
    'ip -n node2 route add 10.244.1.0/24 via 172.31.0.1',
    'ip netns exec pod-a ping -c 1 10.244.2.10',
  ],
  build(b) {
    b.netns('pod-a', 'node1', 'rtr', 'node2', 'pod-b');
    b.veth('node1:eth0', 'rtr:eth0');
    b.veth('rtr:eth1', 'node2:eth0');
    b.veth('pod-a:eth0', 'node1:veth-pod-a');
    b.veth('pod-b:eth0', 'node2:veth-pod-b');
    b.addr('node1:eth0', '192.168.10.11/24');
    b.addr('rtr:eth0', '192.168.10.1/24');
    b.addr('rtr:eth1', '192.168.20.1/24');
    b.addr('node2:eth0', '192.168.20.12/24');
    b.addr('node1:veth-pod-a', '10.244.1.1/24');
    b.addr('node2:veth-pod-b', '10.244.2.1/24');
    b.addr('pod-a:eth0', '10.244.1.10/24');
    b.addr('pod-b:eth0', '10.244.2.10/24');
    b.up('node1:eth0', 'rtr:eth0', 'rtr:eth1', 'node2:eth0', 'node1:veth-pod-a', 'node2:veth-pod-b', 'pod-a:eth0', 'pod-b:eth0', 'pod-a:lo', 'pod-b:lo');
    b.forwarding('rtr', true);
    b.forwarding('node1', true);
    b.forwarding('node2', true);
    b.route('node1', 'default', '192.168.10.1');
    b.route('node2', 'default', '192.168.20.1');
    b.route('pod-a', 'default', '10.244.1.1');
    b.route('pod-b', 'default', '10.244.2.1');
  },
  shortcuts: [
    { name: 'routes for the pod subnets on the router', commands: ['ip -n rtr route add 10.244.1.0/24 via 192.168.10.11', 'ip -n rtr route add 10.244.2.0/24 via 192.168.20.12'], expect: ['a-to-b', 'b-to-a', 'router'] },
    {
      name: 'NAT to the node addresses instead of a tunnel',
      commands: [
        'ip netns exec node1 iptables -t nat -A OUTPUT -d 10.244.2.10 -j DNAT --to-destination 192.168.20.12',
        'ip netns exec node1 iptables -t nat -A PREROUTING -d 10.244.2.10 -j DNAT --to-destination 192.168.20.12',
        'ip netns exec node1 iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE',
        'ip netns exec node2 iptables -t nat -A PREROUTING -i eth0 -p icmp -j DNAT --to-destination 10.244.2.10',
      ],
      expect: ['a-to-b'],
    },
    { name: "pod-b's address moved next to pod-a", commands: ['ip -n node1 addr add 10.244.2.10/32 dev lo', 'ip -n pod-b addr add 10.244.1.10/32 dev lo'], expect: ['a-to-b', 'b-to-a'] },
    {
      name: 'a tunnel on the kernel default port 8472',
      commands: [
        'ip -n node1 link add vxlan0 type vxlan id 100 remote 192.168.20.12 local 192.168.10.11 dstport 0',
        'ip -n node2 link add vxlan0 type vxlan id 100 remote 192.168.10.11 local 192.168.20.12 dstport 0',
        'ip -n node1 addr add 172.31.0.1/24 dev vxlan0',
        'ip -n node2 addr add 172.31.0.2/24 dev vxlan0',
        'ip -n node1 link set vxlan0 up',
        'ip -n node2 link set vxlan0 up',
        'ip -n node1 route add 10.244.2.0/24 via 172.31.0.2',
        'ip -n node2 route add 10.244.1.0/24 via 172.31.0.1',
      ],
      expect: ['a-to-b', 'b-to-a'],
    },
  ],
  checks: [
    { id: 'a-to-b', title: 'pod-a reaches pod-b (10.244.2.10) through a VXLAN tunnel on UDP 4789 across rtr', run: (ctx) => tunnelledPing(ctx, 'pod-a', 'pod-b', '10.244.2.10', 'rtr') },
    { id: 'b-to-a', title: 'pod-b reaches pod-a (10.244.1.10) through the tunnel', run: (ctx) => tunnelledPing(ctx, 'pod-b', 'pod-a', '10.244.1.10', 'rtr') },
    { id: 'router', title: 'rtr is left as it was (no routes, rules or addresses added)', run: async (ctx) => routerUntouched(ctx, 'rtr', ['192.168.10.1/24', '192.168.20.1/24']) },
  ],
};

export default lab;
