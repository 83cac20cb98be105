// Lab: publish a web server inside a namespace on the host's outside address.
//
//   blue 192.168.15.2:80 ── v-net-0 192.168.15.5  host  eth0 203.0.113.5 ── outside ── client 203.0.113.20
//
// Start: blue runs a web server on port 80; blue has no default route,
// net.ipv4.ip_forward = 0, no NAT. client has no route to 192.168.15.0/24.

import type { LabDef } from '../../src/labs/types.ts';
import { httpGet } from '../../src/labs/checks.ts';
import { bridgedNs, webServer } from '../nat-world.ts';

export const BLUE_PAGE = '<!DOCTYPE html>\n<html><head><title>blue</title></head>\n<body><h1>Served by blue (192.168.15.2)</h1></body></html>\n';

const lab: LabDef = {
  id: 'port-forward',
  title: 'Port forwarding with DNAT',
  lesson: 'nat',
  goal:
    'Namespace `blue` (192.168.15.2/24 on bridge `v-net-0`) runs a web server on port 80. ' +
    'The host `client` (203.0.113.20) is on the host\'s outside network, where the host is 203.0.113.5. ' +
    'Make `http://203.0.113.5:8080/` fetched from `client` return blue\'s page.',
  hints: [
    "client knows only 203.0.113.0/24: it can reach the host, not blue. The host has to turn a connection to one of its own ports into one to blue's port 80.",
    "Rewriting the destination of arriving packets is destination NAT. It has to happen before the routing decision, so that the host then routes the packet on to blue.",
    "Follow the SYN with `tcpdump`: once it reaches blue, can blue answer 203.0.113.20? And does the host pass packets between its interfaces at all?",
    "Testing with `curl` on the host itself does not exercise the rule: packets the host sends go through nat OUTPUT, not PREROUTING. Check fetches the page from client; the rule's counter (`iptables -t nat -L PREROUTING -n -v`) shows what client's request did.",
    "`iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 192.168.15.2:80`, `sysctl -w net.ipv4.ip_forward=1`, `ip netns exec blue ip route add default via 192.168.15.5`.",
  ],
  solution: [
    'iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 192.168.15.2:80',
    'sysctl -w net.ipv4.ip_forward=1',
    'ip netns exec blue ip route add default via 192.168.15.5',
    'iptables -t nat -L -n -v',
  ],
  build(b) {
    bridgedNs(b, [['blue', '192.168.15.2']]);
    b.nic('host', 'eth0', 'outside', '203.0.113.5/24');
    b.nic('client', 'eth0', 'outside', '203.0.113.20/24');
    webServer(b, 'host', b.ns('blue'), '/srv/blue', BLUE_PAGE, 80, '192.168.15.2');
  },
  checks: [
    {
      id: 'http',
      title: 'http://203.0.113.5:8080/ from client returns blue\'s page, served by blue and translated by the host (DNAT)',
      run: (ctx) => httpGet(ctx, 'client:', 'http://203.0.113.5:8080/', 'Served by blue', { server: 'blue', at: '192.168.15.2:80', dnatBy: 'host' }),
    },
  ],
  shortcuts: [
    {
      name: "a web server on the host's port 8080 with a copy of blue's page",
      commands: ['mkdir -p /srv/copy', 'ip netns exec blue cat /srv/blue/index.html > /srv/copy/index.html', 'python3 -m http.server 8080 --directory /srv/copy &', 'sleep 2'],
      expect: ['http'],
    },
    {
      name: "a web server on the host's port 8080 serving blue's own directory",
      commands: ['python3 -m http.server 8080 --directory /srv/blue &', 'sleep 2'],
      expect: ['http'],
    },
  ],
};

export default lab;
