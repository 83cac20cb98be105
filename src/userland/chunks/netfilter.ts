// Chunk `netfilter`: the iptables family, nft, ipset and conntrack.
import '../net/iptables/iptables.ts';
import '../net/iptables/xtables-monitor.ts';
import '../net/nft/nft.ts';
import '../net/ipset.ts';
import '../net/conntrack.ts';
