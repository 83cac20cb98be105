// Break-fix lab: the host routes between two namespaces, and one rule of its
// FORWARD chain drops one direction.
//
//   red 10.0.1.2/24 ── veth-red 10.0.1.1  host  veth-blue 10.0.2.1 ── blue 10.0.2.2/24
//
// Start: forwarding on, default routes in red and blue, a web server in red.
// The host's FORWARD chain (policy DROP): established traffic, no telnet,
// red → blue accepted, blue → red dropped (the bug).

import type { LabDef } from '../../src/labs/types.ts';
import { httpGet } from '../../src/labs/checks.ts';
import { webServer } from '../nat-world.ts';
import { iptablesRules } from '../breakfix-world.ts';
import { policyIs, reachesThrough, synDroppedBy } from '../breakfix-checks.ts';

const PAGE = '<!DOCTYPE html>\n<html><head><title>red</title></head>\n<body><h1>red team wiki</h1></body></html>\n';

const lab: LabDef = {
  id: 'fix-forward-drop',
  title: 'Fix it: traffic flows one way only',
  lesson: 'nat',
  goal:
    'A ticket: "Team red (namespace `red`, 10.0.1.2) can reach team blue (`blue`, 10.0.2.2), but blue cannot reach red: neither ping nor red\'s wiki at http://10.0.1.2/." ' +
    'The host routes between the two and filters what it forwards. Its firewall is otherwise right: the FORWARD policy stays DROP and telnet (TCP port 23) stays blocked between the teams. ' +
    'Fix the one thing that is wrong, without flushing the other rules, so that traffic flows both ways.',
  hints: [
    'Test both directions and compare: ping blue from red, then red from blue. Then try the wiki from blue with `curl`.',
    'Packets that the host routes from one interface to another meet the filter table\'s FORWARD chain. List it with rule numbers and counters (`iptables -L FORWARD -n -v --line-numbers`) and watch which counter grows while blue pings red.',
    'The chain\'s policy is DROP, so deleting the bad rule is not enough: blue\'s traffic to red needs a rule that accepts it. The other rules do their job; leave them.',
    'Replace the wrong rule 4 with one that accepts: `iptables -R FORWARD 4 -s 10.0.2.0/24 -d 10.0.1.0/24 -j ACCEPT`',
  ],
  solution: [
    'iptables -L FORWARD -n -v --line-numbers',
    'iptables -R FORWARD 4 -s 10.0.2.0/24 -d 10.0.1.0/24 -j ACCEPT',
    'ip netns exec blue ping -c 1 10.0.1.2',
    'ip netns exec blue curl -s http://10.0.1.2/',
  ],
  build(b) {
    b.netns('red', 'blue');
    b.veth('red:eth0', 'veth-red');
    b.veth('blue:eth0', 'veth-blue');
    b.addr('red:eth0', '10.0.1.2/24');
    b.addr('veth-red', '10.0.1.1/24');
    b.addr('blue:eth0', '10.0.2.2/24');
    b.addr('veth-blue', '10.0.2.1/24');
    b.up('red:eth0', 'veth-red', 'blue:eth0', 'veth-blue');
    b.route('red', 'default', '10.0.1.1');
    b.route('blue', 'default', '10.0.2.1');
    b.forwarding('', true);
    iptablesRules(b, '', [
      '-P FORWARD DROP',
      '-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A FORWARD -p tcp --dport 23 -j DROP',
      '-A FORWARD -s 10.0.1.0/24 -d 10.0.2.0/24 -j ACCEPT',
      '-A FORWARD -s 10.0.2.0/24 -d 10.0.1.0/24 -j DROP',
    ]);
    webServer(b, 'host', b.ns('red'), '/srv/red', PAGE);
  },
  shortcuts: [
    { name: 'the chain flushed and opened', commands: ['iptables -P FORWARD ACCEPT', 'iptables -F FORWARD'], expect: ['telnet-blocked', 'policy-drop'] },
    { name: 'an ACCEPT above the telnet rule', commands: ['iptables -I FORWARD 1 -s 10.0.2.0/24 -j ACCEPT'], expect: ['telnet-blocked'] },
  ],
  checks: [
    { id: 'red-to-blue', title: 'red reaches blue (10.0.2.2) through the host', run: (ctx) => reachesThrough(ctx, 'red', '10.0.2.2', 'blue', 'host:') },
    { id: 'blue-to-red', title: 'blue reaches red (10.0.1.2) through the host', run: (ctx) => reachesThrough(ctx, 'blue', '10.0.1.2', 'red', 'host:') },
    { id: 'blue-wiki', title: 'blue loads red\'s wiki (http://10.0.1.2/)', run: (ctx) => httpGet(ctx, 'blue', 'http://10.0.1.2/', 'red team wiki') },
    { id: 'telnet-blocked', title: 'telnet (TCP 23) from blue to red is still dropped', run: (ctx) => synDroppedBy(ctx, 'blue', '10.0.1.2', 23, 'host:', 'telnet (TCP 23)') },
    { id: 'policy-drop', title: 'the FORWARD policy is still DROP', run: async (ctx) => policyIs(ctx, 'host:', 'FORWARD', 'DROP') },
  ],
};

export default lab;
