// Shared start state of the DNS labs: the company's CoreDNS server on host
// `dns` (192.168.1.100), authoritative for mycompany.com from a zone file.

import type { Builder } from '../src/labs/build.ts';
import { startCoreDns } from '../src/userland/dns/coredns.ts';

const COREFILE = `mycompany.com:53 {
    file /etc/coredns/db.mycompany.com
    log
    errors
}
`;

/** The mycompany.com zone with `serial` and the records after the SOA and NS lines. */
export function mycompanyZone(serial: string, records: string): string {
  return `$ORIGIN mycompany.com.
$TTL 3600
@       IN  SOA  dns.mycompany.com. admin.mycompany.com. (
                 ${serial} ; serial
                 7200       ; refresh
                 3600       ; retry
                 1209600    ; expire
                 3600 )     ; minimum
@       IN  NS   dns.mycompany.com.
${records}`;
}

/** Host `dns` on segment `lan` at 192.168.1.100, running CoreDNS with `zone`. */
export function companyDns(b: Builder, zone: string, lab: string): void {
  b.nic('dns', 'eth0', 'lan', '192.168.1.100/24');
  b.file('dns', '/etc/coredns/Corefile', COREFILE);
  b.file('dns', '/etc/coredns/db.mycompany.com', zone);
  const dns = b.world.host('dns');
  const r = startCoreDns(dns, dns.initNs, '/etc/coredns/Corefile');
  if (typeof r === 'string') throw new Error(`${lab} lab: CoreDNS did not start: ${r}`);
}
