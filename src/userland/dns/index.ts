// Name resolution: the DNS stub resolver behind getaddrinfo (installed into
// lib/resolve.ts), the UDP transport over the simulated packet path, and the
// programs dig, nslookup, host, getent, dnsmasq and coredns.

import { setDnsBackend } from '../lib/resolve.ts';
import { dnsAddrInfo, dnsHostByAddr, dnsHostByName } from './client.ts';
import { setTransport } from './transport.ts';
import { udpTransport } from './udp.ts';
import './dig.ts';
import './nslookup.ts';
import './host.ts';
import './getent.ts';
import './dnsmasq.ts';
import './coredns.ts';

setTransport(udpTransport);
setDnsBackend({ addrInfo: dnsAddrInfo, hostByName: dnsHostByName, hostByAddr: dnsHostByAddr });
