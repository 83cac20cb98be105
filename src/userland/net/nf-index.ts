// Netfilter and transport programs: iptables family, conntrack, ss, nc,
// curl, tcpdump and the small web servers. Importing registers them.
import './iptables/iptables.ts';
import './iptables/xtables-monitor.ts';
import './conntrack.ts';
import './ss.ts';
import './nc.ts';
import './curl.ts';
import './httpd.ts';
import './ping.ts';
import './tcpdump.ts';
import './nft/nft.ts';
