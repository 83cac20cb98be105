// Break-fix lab: a namespace behind the host's bridge routes out, but
// nothing translates its private source address.
//
//   red 192.168.15.1 ── v-net-0 192.168.15.5  host  eth0 203.0.113.5 ── outside ── internet 203.0.113.10 (web server)
//
// Start: red's default route via the host, forwarding on, and one
// MASQUERADE rule on the host — written for 192.168.51.0/24, a network that
// is not here. The internet host knows nothing about 192.168.15.0/24.

import type { LabDef } from '../../src/labs/types.ts';
import { httpGet, snatTranslates } from '../../src/labs/checks.ts';
import { bridgedNs, webServer } from '../nat-world.ts';
import { iptablesRules } from '../breakfix-world.ts';

const PAGE = '<!DOCTYPE html>\n<html><head><title>status page</title></head>\n<body><h1>Status: all systems normal (203.0.113.10)</h1></body></html>\n';

const lab: LabDef = {
  id: 'fix-masquerade',
  title: 'Fix it: the namespace cannot reach the internet',
  lesson: 'nat',
  goal:
    'A ticket: "The app in namespace `red` (192.168.15.1, behind the host\'s bridge `v-net-0`) cannot load the status page at http://203.0.113.10/. It worked on the old host." ' +
    'red already has a default route via the host (192.168.15.5) and the host forwards. The web server 203.0.113.10 sits on the host\'s outside network (the host is 203.0.113.5 on `eth0`) and knows nothing about 192.168.15.0/24; you cannot change it. ' +
    'Fix the host so that red loads the page, with red\'s traffic leaving under the host\'s own address.',
  hints: [
    'Follow the request: run `curl` from red and, at the same time, watch the host\'s outside interface with `tcpdump -n -i eth0`. What source address do the packets leave with?',
    '203.0.113.10 only knows its own network, so it has nowhere to send replies to a private address. Something on the host must rewrite the source on the way out: look at the nat table (`iptables -t nat -S`).',
    'There is already a rule meant for this. Read it closely against red\'s network, and watch its counters (`iptables -t nat -L POSTROUTING -n -v`) while red tries again.',
    '`iptables -t nat -R POSTROUTING 1 -s 192.168.15.0/24 -o eth0 -j MASQUERADE` (replacing the wrong rule), or append a correct one.',
  ],
  solution: [
    'iptables -t nat -L POSTROUTING -n -v',
    'iptables -t nat -R POSTROUTING 1 -s 192.168.15.0/24 -o eth0 -j MASQUERADE',
    'ip netns exec red curl -s http://203.0.113.10/',
  ],
  build(b) {
    bridgedNs(b, [['red', '192.168.15.1']]);
    b.nic('host', 'eth0', 'outside', '203.0.113.5/24');
    b.nic('internet', 'eth0', 'outside', '203.0.113.10/24');
    b.route('red', 'default', '192.168.15.5');
    b.forwarding('', true);
    iptablesRules(b, '', ['-t nat -A POSTROUTING -s 192.168.51.0/24 -o eth0 -j MASQUERADE']);
    const inet = b.world.host('internet');
    webServer(b, 'internet', inet.initNs, '/var/www/html', PAGE);
  },
  shortcuts: [{ name: 'source translated to an address the host does not own', commands: ['iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j SNAT --to-source 203.0.113.99'], expect: ['http'] }],
  checks: [
    { id: 'http', title: 'red loads http://203.0.113.10/', run: (ctx) => httpGet(ctx, 'red', 'http://203.0.113.10/', 'all systems normal') },
    {
      id: 'snat',
      title: 'the host translates 192.168.15.0/24 (MASQUERADE or SNAT in nat POSTROUTING)',
      run: (ctx) => snatTranslates(ctx, 'red', '192.168.15.0/24', '203.0.113.10', 'internet'),
    },
  ],
};

export default lab;
