// Break-fix lab: the resolver appends the wrong domain to short names.
//
//   host                 dns (CoreDNS)              web
//   eth0 192.168.1.5 ─┬─ eth0 192.168.1.100 ──┬── eth0 192.168.1.10
//                     └──────── lan ──────────┘
//
// Start: CoreDNS on dns is authoritative for mycompany.com; host's
// /etc/resolv.conf points at it but searches mycompany.org.

import type { LabDef } from '../../src/labs/types.ts';
import { companyDns, mycompanyZone } from '../dns-world.ts';
import { dnsAnswers, pingsByName, resolvesTo } from '../dns-checks.ts';
import { m } from '../../src/labs/messages.ts';

const ZONE = mycompanyZone(
  '2024030101',
  `dns     IN  A    192.168.1.100
web     IN  A    192.168.1.10
wiki    IN  CNAME web
`,
);

const lab: LabDef = {
  id: 'fix-dns-search',
  title: 'Fix it: short names do not resolve',
  lesson: 'dns',
  goal:
    'A ticket: "On this machine `ping web` says it cannot resolve the name, but colleagues can use short names." ' +
    'The company\'s DNS server is 192.168.1.100 (authoritative for the company\'s zone) and it works. ' +
    'Fix this machine\'s resolver configuration so that the short name `web` resolves through DNS, via the system resolver, and `ping -c 1 web` gets a reply. (An /etc/hosts entry is not the fix the ticket asks for.)',
  hints: [
    'Narrow it down: does the full name work? Compare `getent hosts web` with a query for the full name straight at the server, `dig @192.168.1.100 web.mycompany.com +short`.',
    'A short name is tried with each domain of the `search` line of /etc/resolv.conf appended. Read that file, and `dig +search web` to see which names the resolver really asks for.',
    'Compare the domain the resolver appends with the zone the server answers for (`dig @192.168.1.100 mycompany.com SOA`).',
    'Correct the search line: `sed -i "s/^search .*/search mycompany.com/" /etc/resolv.conf`, then `ping -c 1 web`.',
  ],
  solution: ['cat /etc/resolv.conf', 'sed -i "s/^search .*/search mycompany.com/" /etc/resolv.conf', 'getent hosts web', 'ping -c 1 web'],
  build(b) {
    b.file('host', '/etc/resolv.conf', 'nameserver 192.168.1.100\nsearch mycompany.org\n');
    b.nic('host', 'eth0', 'lan', '192.168.1.5/24');
    companyDns(b, ZONE, 'fix-dns-search');
    b.nic('web', 'eth0', 'lan', '192.168.1.10/24');
  },
  shortcuts: [{ name: 'an /etc/hosts entry instead of DNS', commands: ['echo "192.168.1.10 web" >> /etc/hosts'], expect: ['dns-answers-web'] }],
  checks: [
    { id: 'dns-answers-web', title: 'DNS answers for the short name web (the search domain is right)', run: (ctx) => dnsAnswers(ctx, 'host', 'web', '192.168.1.10') },
    {
      id: 'web-resolves',
      title: 'web resolves to 192.168.1.10 on host',
      run: (ctx) => resolvesTo(ctx, 'host', 'web', '192.168.1.10', m('dns.hint.searchLine')),
    },
    { id: 'ping-web', title: 'ping -c 1 web gets a reply', run: (ctx) => pingsByName(ctx, 'host', 'web') },
  ],
};

export default lab;
