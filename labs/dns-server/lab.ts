// Lab: use a central DNS server.
//
//   host                 dns (CoreDNS)              web
//   eth0 192.168.1.5 ─┬─ eth0 192.168.1.100 ──┬── eth0 192.168.1.10
//                     └──────── lan ──────────┘
//
// Start: CoreDNS on dns is authoritative for mycompany.com (web → 192.168.1.10);
// host's /etc/resolv.conf is empty, so its resolver asks 127.0.0.1.

import type { LabDef } from '../../src/labs/types.ts';
import { companyDns, mycompanyZone } from '../dns-world.ts';
import { dnsAnswers, pingsByName, resolvesTo } from '../dns-checks.ts';
import { m } from '../../src/labs/messages.ts';

const ZONE = mycompanyZone(
  '2024010101',
  `dns     IN  A    192.168.1.100
web     IN  A    192.168.1.10
db      IN  A    192.168.1.11
www     IN  CNAME web
@       IN  MX   10 mail.mycompany.com.
mail    IN  A    192.168.1.20
@       IN  TXT  "v=spf1 -all"
`,
);

const lab: LabDef = {
  id: 'dns-server',
  title: 'Use a central DNS server',
  lesson: 'dns',
  goal:
    'Instead of editing /etc/hosts on every machine, the company runs a DNS server at 192.168.1.100 (CoreDNS, authoritative for `mycompany.com`: `web.mycompany.com` is 192.168.1.10). ' +
    'Your machine\'s `/etc/resolv.conf` is empty. Configure its resolver so that the short name `web` resolves to 192.168.1.10 through DNS and `ping -c 1 web` gets a reply.',
  hints: [
    "Ask the server directly first: `dig @192.168.1.100 web.mycompany.com +short`. The server works; your machine just does not know about it.",
    "The system resolver learns where the DNS server is from one file in /etc. With no server named there it asks 127.0.0.1, where nothing listens.",
    "Now the full name resolves, but `web` alone is asked as just \"web\". The same file can list domains the resolver appends to short names.",
    "`printf \"nameserver 192.168.1.100\\nsearch mycompany.com\\n\" > /etc/resolv.conf`, then `nslookup web` and `ping -c 1 web`.",
  ],
  solution: ['printf "nameserver 192.168.1.100\\nsearch mycompany.com\\n" > /etc/resolv.conf', 'nslookup web', 'ping -c 1 web'],
  build(b) {
    b.file('host', '/etc/resolv.conf', '');
    b.nic('host', 'eth0', 'lan', '192.168.1.5/24');
    companyDns(b, ZONE, 'dns-server');
    b.nic('web', 'eth0', 'lan', '192.168.1.10/24');
    b.nic('db', 'eth0', 'lan', '192.168.1.11/24');
  },
  checks: [
    {
      id: 'dns-answers-web',
      title: 'the central DNS server 192.168.1.100 answers for web (resolv.conf: nameserver and search)',
      run: (ctx) => dnsAnswers(ctx, 'host', 'web', '192.168.1.10', '192.168.1.100'),
    },
    {
      id: 'web-resolves',
      title: 'web resolves to 192.168.1.10 on host',
      run: (ctx) => resolvesTo(ctx, 'host', 'web', '192.168.1.10', m('dns.hint.resolvConf')),
    },
    { id: 'ping-web', title: 'ping -c 1 web gets a reply', run: (ctx) => pingsByName(ctx, 'host', 'web') },
  ],
  shortcuts: [
    {
      name: 'a local dnsmasq answering for web, nameserver 127.0.0.1',
      commands: ["echo 'address=/web/192.168.1.10' > /etc/dnsmasq.conf", 'dnsmasq', "echo 'nameserver 127.0.0.1' > /etc/resolv.conf"],
      expect: ['dns-answers-web'],
    },
    {
      name: 'web in /etc/hosts instead of DNS',
      commands: ['echo "192.168.1.10 web" >> /etc/hosts'],
      expect: ['dns-answers-web'],
    },
  ],
};

export default lab;
