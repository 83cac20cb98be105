// Chunk `dns`: the resolver's DNS backend and dig, nslookup, host, getent, dnsmasq, coredns.
import '../dns/index.ts';
