// Lab: let a namespace behind the host's bridge reach the internet.
//
//   red 192.168.15.1 ── v-net-0 192.168.15.5  host  eth0 203.0.113.5 ── outside ── internet 203.0.113.10 (web server)
//
// Start: no default route in red, net.ipv4.ip_forward = 0, no NAT; the
// internet host has no route to 192.168.15.0/24 (only its own 203.0.113.0/24).

import type { LabDef } from '../../src/labs/types.ts';
import { httpGet, reachesOver, snatTranslates } from '../../src/labs/checks.ts';
import { bridgedNs, webServer } from '../nat-world.ts';

export const INTERNET_PAGE = '<!DOCTYPE html>\n<html><head><title>example internet site</title></head>\n<body><h1>Hello from 203.0.113.10</h1></body></html>\n';

const lab: LabDef = {
  id: 'namespaces-nat',
  title: 'From a namespace to the internet',
  lesson: 'nat',
  goal:
    'Namespace `red` (192.168.15.1/24) sits on the host\'s bridge `v-net-0` (the host is 192.168.15.5 there). ' +
    'The host\'s outside interface `eth0` is 203.0.113.5/24, and on that network a web server runs at 203.0.113.10 — a host that knows nothing about 192.168.15.0/24. ' +
    'Make `ip netns exec red ping -c 1 203.0.113.10` and `ip netns exec red curl http://203.0.113.10/` work.',
  hints: [
    "Try it first from red and read the answer: does red know any way out of 192.168.15.0/24 (`ip netns exec red ip route`)?",
    "Once red hands the packet to the host, the host must agree to pass packets from one interface to another: a kernel setting, off by default.",
    "Watch `eth0` with `tcpdump -n -i eth0` while red pings: with which source address does the request leave? 203.0.113.10 has no route to that network, so the host has to rewrite the source on the way out.",
    "`ip netns exec red ip route add default via 192.168.15.5`, `sysctl -w net.ipv4.ip_forward=1`, `iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE`.",
  ],
  solution: [
    'ip netns exec red ip route add default via 192.168.15.5',
    'sysctl -w net.ipv4.ip_forward=1',
    'iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE',
    'ip netns exec red ping -c 1 203.0.113.10',
    'ip netns exec red curl -s http://203.0.113.10/',
  ],
  build(b) {
    bridgedNs(b, [['red', '192.168.15.1']]);
    b.nic('host', 'eth0', 'outside', '203.0.113.5/24');
    b.nic('internet', 'eth0', 'outside', '203.0.113.10/24');
    const inet = b.world.host('internet');
    webServer(b, 'internet', inet.initNs, '/var/www/html', INTERNET_PAGE);
  },
  checks: [
    { id: 'ping', title: 'red reaches 203.0.113.10 by ping', run: (ctx) => reachesOver(ctx, 'red', '203.0.113.10', { at: 'internet:', via: ['host:'] }) },
    { id: 'http', title: 'http://203.0.113.10/ answers from red', run: (ctx) => httpGet(ctx, 'red', 'http://203.0.113.10/', 'Hello from 203.0.113.10', { server: 'internet:', at: '203.0.113.10:80' }) },
    {
      id: 'snat',
      title: 'the host translates 192.168.15.0/24 (MASQUERADE or SNAT in nat POSTROUTING)',
      run: (ctx) => snatTranslates(ctx, 'red', '192.168.15.0/24', '203.0.113.10', 'internet'),
    },
   ],
  shortcuts: [
    {
      name: "203.0.113.10 on red's own lo with a copy of the page served in red",
      commands: [
        'ip -n red addr add 203.0.113.10/32 dev lo',
        'ip -n red link set lo up',
        'mkdir -p /srv/fake',
        "printf '<h1>Hello from 203.0.113.10</h1>' > /srv/fake/index.html",
        'ip netns exec red python3 -m http.server 80 --directory /srv/fake &',
        'sleep 2',
        'iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE',
      ],
      expect: ['ping', 'http', 'snat'],
    },
  ],
};

export default lab;
