// The DNS part of NSS as a slot: resolve.ts (getaddrinfo and friends) asks
// whatever backend is installed here; userland/dns installs the real one, and
// the browser worker's lazy registry a stand-in that loads the dns chunk.
// Apart from resolve.ts so the worker's boot need not load the resolver.

import type { Process } from '../../kernel/proc.ts';
import type { HErrno, HostEntry } from './resolve.ts';

/** The DNS part of NSS (installed by userland/dns/index.ts). */
export interface DnsBackend {
  /** getaddrinfo's DNS lookup (A and/or AAAA through the search list). */
  addrInfo(p: Process, name: string, family: 0 | 4 | 6): Promise<{ canonical: string; addrs: { family: 4 | 6; addr: string }[] } | HErrno | 'signal'>;
  /** gethostbyname2's DNS lookup for one family. */
  hostByName(p: Process, name: string, family: 4 | 6): Promise<HostEntry | HErrno | 'signal'>;
  /** gethostbyaddr's PTR lookup. */
  hostByAddr(p: Process, addr: string): Promise<HostEntry | HErrno | 'signal'>;
}
let dnsBackend: DnsBackend | undefined;

/** Install the DNS client used after /etc/hosts. */
export function setDnsBackend(b: DnsBackend): void {
  dnsBackend = b;
}

/** The DNS client installed now (undefined before any). */
export function installedDnsBackend(): DnsBackend | undefined {
  return dnsBackend;
}
