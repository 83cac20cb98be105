// Lab: name a server in /etc/hosts.
//
//   host                          db
//   eth0 192.168.1.5/24 ── lan ── eth0 192.168.1.11/24
//
// Start: both machines on one Ethernet segment; nothing names 192.168.1.11.

import type { LabDef } from '../../src/labs/types.ts';
import { pingsByName, resolvesTo } from '../dns-checks.ts';
import { m } from '../../src/labs/messages.ts';

const lab: LabDef = {
  id: 'dns-hosts',
  title: 'Name a server in /etc/hosts',
  lesson: 'dns',
  goal:
    'Your machine (192.168.1.5) and a database server at 192.168.1.11 share a network. `ping 192.168.1.11` works, but nobody wants to remember numbers. ' +
    'Make the name `db` resolve to 192.168.1.11 on your machine, so that `ping -c 1 db` gets a reply.',
  hints: [
    "Try it first: `ping -c 1 db`. \"Temporary failure in name resolution\" means the resolver found no entry for db and could not reach a DNS server either.",
    "Every program asks the system resolver, which reads `/etc/nsswitch.conf` (`hosts: files dns`): first a file on this machine, then DNS. Which file?",
    "A line of that file is an address followed by names. Add one without erasing the rest (appending takes `>>`; a single `>` replaces the whole file), and check with `getent hosts db`, the resolver ping uses.",
    "`echo \"192.168.1.11 db\" >> /etc/hosts`, then `ping -c 1 db`.",
  ],
  solution: ['echo "192.168.1.11 db" >> /etc/hosts', 'getent hosts db', 'ping -c 1 db'],
  build(b) {
    b.nic('host', 'eth0', 'lan', '192.168.1.5/24');
    b.nic('db', 'eth0', 'lan', '192.168.1.11/24');
  },
  checks: [
    {
      id: 'db-resolves',
      title: 'db resolves to 192.168.1.11 on host, from /etc/hosts',
      run: (ctx) => resolvesTo(ctx, 'host', 'db', '192.168.1.11', m('dns.hint.hostsLine'), true),
    },
    { id: 'ping-db', title: 'ping -c 1 db gets a reply', run: (ctx) => pingsByName(ctx, 'host', 'db') },
  ],
  shortcuts: [
    {
      name: 'a local dnsmasq answering for db instead of /etc/hosts',
      commands: ["echo 'address=/db/192.168.1.11' > /etc/dnsmasq.conf", 'dnsmasq', "echo 'nameserver 127.0.0.1' > /etc/resolv.conf"],
      expect: ['db-resolves'],
    },
  ],
};

export default lab;
