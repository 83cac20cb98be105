// Parametric variant of routing-two-subnets: the seed picks the two subnets
// and the router's addresses, so each learner routes their own networks.

import type { LabDef, Params } from '../../src/labs/types.ts';
import { Rng } from '../../src/kernel/rng.ts';
import { reachesOver } from '../../src/labs/checks.ts';

function params(seed: number): Params {
  const r = new Rng(seed * 104729 + 3);
  const x = r.int(1, 120);
  const y = r.int(121, 250);
  const z = r.int(2, 250);
  return { left: `10.${x}.${z}.10`, leftGw: `10.${x}.${z}.1`, leftNet: `10.${x}.${z}.0/24`, right: `10.${y}.${z}.10`, rightGw: `10.${y}.${z}.1`, rightNet: `10.${y}.${z}.0/24` };
}

const lab: LabDef = {
  id: 'routing-two-subnets-random',
  title: 'Route between two subnets (your own values)',
  lesson: 'switching-routing',
  params,
  goal: (p) =>
    `Namespaces \`left\` (${p.left}/24) and \`right\` (${p.right}/24) are joined by \`router\` (${p.leftGw} on eth0, ${p.rightGw} on eth1). ` +
    `All links are up; nothing routes between the networks yet. Make left reach ${p.right} and right reach ${p.left}.`,
  hints: (p) => [
    `Start with the symptom: ping ${p.right} from left and read the error. Does left know any way to right's network (\`ip -n left route\`)?`,
    `Each end host needs a route to the other network through the router's address on its own network; routes are one way, so both ends need one.`,
    `The router drops packets that are not for itself until forwarding is switched on inside its namespace.`,
    `\`ip -n left route add default via ${p.leftGw}\`, \`ip -n right route add default via ${p.rightGw}\`, then \`ip netns exec router sysctl -w net.ipv4.ip_forward=1\`.`,
  ],
  solution: (p) => [
    `ip -n left route add default via ${p.leftGw}`,
    `ip -n right route add default via ${p.rightGw}`,
    'ip netns exec router sysctl -w net.ipv4.ip_forward=1',
  ],
  build(b, p) {
    b.netns('left', 'router', 'right');
    b.veth('left:eth0', 'router:eth0');
    b.veth('router:eth1', 'right:eth0');
    b.addr('left:eth0', `${p.left}/24`);
    b.addr('router:eth0', `${p.leftGw}/24`);
    b.addr('router:eth1', `${p.rightGw}/24`);
    b.addr('right:eth0', `${p.right}/24`);
    b.up('left:eth0', 'router:eth0', 'router:eth1', 'right:eth0');
  },
  checks: [
    { id: 'left-to-right', title: (p) => `left reaches ${p.right} (right), routed by router`, run: (ctx, p) => reachesOver(ctx, 'left', p.right, { at: 'right', via: ['router'] }) },
    { id: 'right-to-left', title: (p) => `right reaches ${p.left} (left), routed by router`, run: (ctx, p) => reachesOver(ctx, 'right', p.left, { at: 'left', via: ['router'] }) },
  ],
  shortcuts: [
    {
      name: "each side's peer address on its own lo",
      commands: (p) => [`ip -n left addr add ${p.right}/32 dev lo`, 'ip -n left link set lo up', `ip -n right addr add ${p.left}/32 dev lo`, 'ip -n right link set lo up'],
      expect: ['left-to-right', 'right-to-left'],
    },
  ],
};

export default lab;
